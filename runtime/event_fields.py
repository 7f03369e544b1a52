"""The words a clinic uses for an event's fields, so a refusal says which field it is about and why
("환자 이름: 너무 깁니다 (최대 100자) / patient name: too long (at most 100 characters)") instead of
jsonschema's English with the value sent back.
"""

from __future__ import annotations

from collections.abc import Mapping

# JSON pointer in an event → (Korean label, English label)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "/type": ("이벤트 종류", "Event type"),
    "/external_id": ("외부 ID", "External id"),
    "/occurred_at": ("발생 일시", "Occurred at"),
    "/patient": ("환자", "Patient"),
    "/patient/chart_no": ("차트번호", "Chart no."),
    "/patient/name": ("환자 이름", "Patient name"),
    "/patient/phone": ("휴대폰 번호", "Mobile number"),
    "/patient/birth_date": ("생년월일", "Birth date"),
    "/patient/sex": ("성별", "Sex"),
    "/appointment": ("예약", "Appointment"),
    "/appointment/id": ("예약 ID", "Appointment id"),
    "/appointment/external_id": ("예약 ID", "Appointment id"),  # the book's body names the appointment's id so
    "/appointment/starts_at": ("예약 일시", "Appointment date and time"),
    "/appointment/procedure": ("시술", "Procedure"),
    "/appointment/doctor": ("담당의", "Doctor"),
    "/consent": ("동의", "Consent"),
    "/consent/purpose": ("동의 목적", "Consent purpose"),
    "/consent/method": ("동의 방법", "Consent method"),
}

REPLACEMENT = "\ufffd"  # what a garbled paste or a wrongly decoded file leaves in place of a character


def field_label(path: str) -> tuple[str, str]:
    """(Korean, English) name of the field at ``path``; an unknown pointer is named as itself."""
    return FIELD_LABELS.get(path) or (f"항목 {path or '/'}", f"Field {path or '/'}")


def field_message(path: str, korean: str, english: str) -> str:
    """One bilingual sentence about the field at ``path``: "라벨: 이유 / label: reason"."""
    ko_label, en_label = field_label(path)
    return f"{ko_label}: {korean} / {en_label}: {english}"


def broken_text_message(path: str) -> str:
    return field_message(
        path,
        "깨진 글자(U+FFFD)가 있습니다. 원래 글자로 다시 입력해 주세요",
        "contains a broken character (U+FFFD); type the original text again",
    )


def replacement_path(payload: object, blocks: tuple[str, ...] = ("patient", "appointment")) -> str | None:
    """The pointer of the first text in these blocks of an event that holds U+FFFD, or None."""
    if not isinstance(payload, Mapping):
        return None
    for block in blocks:
        inner = payload.get(block)
        if not isinstance(inner, Mapping):
            continue
        for key, value in inner.items():
            if isinstance(value, str) and REPLACEMENT in value:
                return f"/{block}/{key}"
    return None
