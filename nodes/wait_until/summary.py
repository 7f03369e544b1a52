"""The card sentence of `wait.until`: "시작일 다음 날 오전 10:00까지 기다림", "예약 1일 전 오후 6:00까지 기다림"."""

from collections.abc import Mapping
from typing import Any

from nodes.summary import Summary, both, clock_ko


def _day_ko(anchor: str, offset: int) -> str:
    base = "예약" if anchor == "appointment" else "시작"
    if offset == 0:
        return f"{base} 당일"
    if offset == 1:
        return f"{base} 다음 날"
    if offset == -1:
        return f"{base} 전날"
    return f"{base} {abs(offset)}일 {'뒤' if offset > 0 else '전'}"


def _day_en(anchor: str, offset: int) -> str:
    base = "the appointment" if anchor == "appointment" else "the start"
    if offset == 0:
        return f"on the day of {base}"
    days = "1 day" if abs(offset) == 1 else f"{abs(offset)} days"
    return f"{days} {'after' if offset > 0 else 'before'} {base}"


def summary(params: Mapping[str, Any]) -> Summary:
    anchor = str(params.get("anchor", "trigger"))
    offset = int(params.get("offset_days", 1))
    at = str(params.get("at", "10:00"))
    ko = f"{_day_ko(anchor, offset)} {clock_ko(at)}까지 기다림"
    en = f"Wait until {at}, {_day_en(anchor, offset)}"
    if params.get("skip_weekends_holidays"):
        ko += " (주말·공휴일 피함)"
        en += " (business days only)"
    if params.get("if_past") == "stop":
        ko += " · 지났으면 멈춤"
        en += " · stop if past"
    return both(ko, en)
