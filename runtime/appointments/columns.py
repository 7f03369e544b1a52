"""Which column of an EMR reservation export holds which field: Korean and English headers and their usual
variants (compared like the patient import's, without spaces or brackets), or an explicit ``--map``."""

from __future__ import annotations

from storage.patients import columns as patient_columns
from storage.patients.columns import ALIASES as PATIENT_ALIASES
from storage.patients.columns import Column

ALIASES: dict[str, tuple[str, ...]] = {
    "reservation_no": (
        "예약번호",
        "예약no",
        "예약id",
        "예약아이디",
        "접수번호",
        "예약코드",
        "reservationno",
        "reservationnumber",
        "reservationid",
        "bookingno",
        "bookingnumber",
        "bookingid",
        "appointmentid",
        "appointmentno",
    ),
    "datetime": ("예약일시", "진료일시", "예약시각", "일시", "datetime", "appointmentdatetime", "startsat"),
    "date": (
        "예약일",
        "예약일자",
        "예약날짜",
        "진료일",
        "진료일자",
        "진료예약일",
        "내원일",
        "내원예정일",
        "방문일",
        "날짜",
        "일자",
        "date",
        "appointmentdate",
        "bookingdate",
    ),
    "time": ("예약시간", "진료시간", "예약시각시간", "내원시간", "시간", "time", "appointmenttime"),
    "chart_no": PATIENT_ALIASES["chart_no"],
    "name": PATIENT_ALIASES["name"],
    "phone": PATIENT_ALIASES["phone"],
    "procedure": (
        "진료내용",
        "진료항목",
        "시술명",
        "시술",
        "수술명",
        "수술",
        "예약내용",
        "예약항목",
        "진료과목",
        "치료내용",
        "procedure",
        "treatment",
        "service",
    ),
    "doctor": ("담당의", "담당의사", "담당원장", "의사", "진료의", "원장", "주치의", "doctor", "physician"),
    "status": ("상태", "예약상태", "진행상태", "내원상태", "진료상태", "status", "appointmentstatus"),
    "memo": ("메모", "비고", "특이사항", "memo", "note", "notes", "remarks"),
}
FIELDS = (*ALIASES, "ignore")
FIELD_SYNONYMS = {"chart": "chart_no", "mobile": "phone", "reservation": "reservation_no", "-": "ignore"}


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``["진료일=date", "HP=phone"]`` -> ``{"진료일": "date", "HP": "phone"}`` (header -> field)."""
    return patient_columns.parse_mapping(items, FIELDS, FIELD_SYNONYMS)


def map_columns(headers: list[str], explicit: dict[str, str] | None = None) -> dict[str, Column]:
    """Field -> column. Explicit mappings win; other headers are recognised by their names."""
    return patient_columns.map_columns(headers, explicit, ALIASES)
