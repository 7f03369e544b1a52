"""Cells of EMR reservation exports: dates, times and statuses in their Korean spellings.

Each parser takes what a CSV or Excel cell holds (text, a number, a date/time) and returns the value or raises
``BadValue`` with an error code (the patient import's convention); the importer turns codes into row errors.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from storage.patients.parsing import BadValue, cell_text

# -- dates ------------------------------------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_WEEKDAY = re.compile(
    r"\(\s*[월화수목금토일](요일)?\s*\)|[월화수목금토일]요일|\(?\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\)?", re.I
)
EXCEL_EPOCH = datetime(1899, 12, 30)


def _make(year: int, month: int, day: int) -> date:
    try:
        made = date(year, month, day)
    except ValueError as exc:
        raise BadValue("invalid_date") from exc
    if not 2000 <= made.year <= 2100:
        raise BadValue("invalid_date")
    return made


def split_date_time(value: Any) -> tuple[date, time | None]:
    """A date cell, possibly with a time in it (``2026-12-08 14:30``, an Excel datetime): the date and the
    time (None when the cell has none). ``2026-12-08``, ``2026.12.08``, ``2026/12/08``, ``20261208``,
    ``2026년 12월 8일 (화)``."""
    if isinstance(value, datetime):
        moment = value.replace(tzinfo=None)
        return _make(moment.year, moment.month, moment.day), (moment.time() if moment.time() != time(0) else None)
    if isinstance(value, date):
        return _make(value.year, value.month, value.day), None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 30000 <= float(value) < 80000:
        moment = EXCEL_EPOCH + timedelta(days=float(value))  # an Excel serial date as a plain number
        rounded = moment.replace(second=0, microsecond=0) + timedelta(minutes=round(moment.second / 60))
        return rounded.date(), (rounded.time() if rounded.time() != time(0) else None)
    text = cell_text(value)
    if not text:
        raise BadValue("missing_value")
    text = _WEEKDAY.sub(" ", text).strip()
    found = _DATE.match(text)
    rest: str
    if found:
        day = _make(int(found[1]), int(found[2]), int(found[3]))
        rest = text[found.end() :]
    else:
        compact = _COMPACT.match(text)
        if not compact or (len(text) > 8 and text[8].isdigit()):
            raise BadValue("invalid_date")
        day = _make(int(compact[1]), int(compact[2]), int(compact[3]))
        rest = text[8:]
    rest = rest.strip(" T")
    return day, (parse_time(rest) if rest else None)


def parse_date(value: Any) -> date:
    return split_date_time(value)[0]


# -- times ------------------------------------------------------------------------------------------------
_AM = ("오전", "am", "a.m.", "a.m")
_PM = ("오후", "pm", "p.m.", "p.m")
_CLOCK = re.compile(r"(\d{1,2})\s*(?::|시)\s*(?:(\d{1,2})\s*분?)?(?::\d{1,2})?|(\d{1,2})(\d{2})|(\d{1,2})")


def parse_time(value: Any) -> time:
    """``14:30``, ``14:30:00``, ``1430``, ``오후 3:00``, ``오전 9시 30분``, ``3:00 PM``, ``15시``, an Excel time."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, float) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)  # an Excel time as a fraction of a day
        if minutes >= 24 * 60:
            raise BadValue("invalid_time")
        return time(minutes // 60, minutes % 60)
    text = cell_text(value).lower()
    if not text:
        raise BadValue("missing_value")
    half: str | None = None
    for marker in _AM + _PM:
        if marker in text:
            half = "am" if marker in _AM else "pm"
            text = text.replace(marker, " ")
            break
    text = text.strip()
    found = _CLOCK.fullmatch(text)
    if not found:
        raise BadValue("invalid_time")
    if found[1] is not None:
        hour, minute = int(found[1]), int(found[2] or 0)
    elif found[3] is not None:
        hour, minute = int(found[3]), int(found[4])
    else:
        hour, minute = int(found[5]), 0
    if half is not None:
        if not 1 <= hour <= 12:
            raise BadValue("invalid_time")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise BadValue("invalid_time")
    return time(hour, minute)


# -- statuses ---------------------------------------------------------------------------------------------
STATUS_WORDS: dict[str, str] = {
    # booked / 예약
    "예약": "booked",
    "접수": "booked",
    "예약접수": "booked",
    "예약완료": "booked",
    "신규": "booked",
    "대기": "booked",
    "booked": "booked",
    "reserved": "booked",
    "scheduled": "booked",
    # confirmed / 확정
    "확정": "confirmed",
    "예약확정": "confirmed",
    "확인": "confirmed",
    "예약확인": "confirmed",
    "confirmed": "confirmed",
    # attended / 내원
    "내원": "attended",
    "내원완료": "attended",
    "진료완료": "attended",
    "완료": "attended",
    "수납완료": "attended",
    "시술완료": "attended",
    "수술완료": "attended",
    "도착": "attended",
    "attended": "attended",
    "arrived": "attended",
    "completed": "attended",
    "done": "attended",
    "visited": "attended",
    # no-show / 미내원
    "미내원": "no_show",
    "노쇼": "no_show",
    "부도": "no_show",
    "불참": "no_show",
    "noshow": "no_show",
    "missed": "no_show",
    # cancelled / 취소
    "취소": "cancelled",
    "예약취소": "cancelled",
    "환자취소": "cancelled",
    "병원취소": "cancelled",
    "취소됨": "cancelled",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "cancel": "cancelled",
}


def status_key(text: str) -> str:
    return re.sub(r"[\s_\-./()·]", "", text.lower())


def parse_status(value: Any) -> str:
    """An export's status word as an appointment status; an empty cell is ``booked``."""
    text = cell_text(value)
    if not text:
        return "booked"
    found = STATUS_WORDS.get(status_key(text))
    if found is None:
        raise BadValue("invalid_status")
    return found
