"""Seoul wall-clock helpers shared by wait nodes, branch nodes and message filters.

Asia/Seoul is the zone of record: "day 3 at 10:00" means 10:00 in Seoul whatever the server's zone.
Korean public holidays (including substitute holidays) come from the ``holidays`` package.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays

SEOUL = ZoneInfo("Asia/Seoul")
# Dates a clinic's events and schedules can mean. Outside them (0001-01-01, 9999-12-31) converting the zone or
# adding a wait overflows Python's datetime: refused as bad input where they come in.
MIN_YEAR, MAX_YEAR = 1900, 2999


def parse_datetime(value: Any) -> datetime:
    """A timezone-aware datetime from a datetime or an ISO 8601 string; naive values are Seoul time.

    Raises ValueError / TypeError for anything else — also for a year outside MIN_YEAR–MAX_YEAR — so callers
    can say which field was wrong.
    """
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if isinstance(value, datetime):
        return _in_range(value if value.tzinfo is not None else value.replace(tzinfo=SEOUL))
    if isinstance(value, date):
        return _in_range(datetime.combine(value, time(0, 0), tzinfo=SEOUL))
    raise TypeError(f"not a date-time: {type(value).__name__}")


def _in_range(moment: datetime) -> datetime:
    try:
        year = moment.astimezone(UTC).year
    except OverflowError as exc:
        raise ValueError("date-time out of range") from exc
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year outside {MIN_YEAR}–{MAX_YEAR}")
    return moment


def in_seoul(value: Any) -> datetime:
    return parse_datetime(value).astimezone(SEOUL)


def parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


@lru_cache(maxsize=64)
def _kr_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KR", years=year, language="ko")


def is_business_day(day: date) -> bool:
    """Monday–Friday and not a Korean public holiday."""
    return day.weekday() < 5 and day not in _kr_holidays(day.year)


def holiday_name(day: date) -> str | None:
    name = _kr_holidays(day.year).get(day)
    return str(name) if name else None


def next_business_day(day: date) -> date:
    """``day`` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def previous_business_day(day: date) -> date:
    """``day`` itself when it is a business day, else the last business day before it."""
    while not is_business_day(day):
        day -= timedelta(days=1)
    return day


def seoul_at(day: date, at: time) -> datetime:
    """That wall-clock time in Seoul (Korea has no daylight saving time, so it always exists)."""
    return datetime.combine(day, at, tzinfo=SEOUL)
