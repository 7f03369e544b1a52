"""The period of an outcomes request: two Asia/Seoul calendar days, checked with Korean/English messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from runtime.billing.rates import SEOUL

MAX_DAYS = 366  # a year (a leap year's too); longer periods are a monthly report's job
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodError(ValueError):
    """A period that cannot be used; ``code`` and ``field`` name what is wrong."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class Period:
    first: date  # inclusive
    last: date  # inclusive

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def today_in_seoul(now: datetime) -> date:
    return now.astimezone(SEOUL).date()


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in Asia/Seoul, as UTC."""
    return datetime.combine(day, time(0), tzinfo=SEOUL).astimezone(UTC)


def day_of(moment: datetime) -> date:
    return moment.astimezone(SEOUL).date()


def parse_day(value: str, field: str) -> date:
    if not _DATE.match(value):
        raise PeriodError(
            "invalid_date", field, f"{field}는 YYYY-MM-DD 형식의 날짜입니다: {value!r} / {field} must be YYYY-MM-DD"
        )
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise PeriodError("invalid_date", field, f"없는 날짜입니다: {value!r} / {value!r} is not a date") from None
    if not 2000 <= day.year <= 2999:
        raise PeriodError(
            "date_out_of_range", field, f"2000–2999년의 날짜만 됩니다: {value!r} / dates must be in 2000–2999"
        )
    return day


def period_of(first: str | None, last: str | None, now: datetime) -> Period:
    """``from``/``to`` as given (either may be left out: to = today, from = 29 days before ``to``)."""
    given_start = parse_day(first, "from") if first else None
    end = parse_day(last, "to") if last else today_in_seoul(now)
    start = given_start or end - timedelta(days=29)
    if start > end:
        raise PeriodError(
            "reversed_range",
            "from",
            f"시작일({start})이 종료일({end})보다 늦습니다 / from ({start}) is after to ({end})",
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise PeriodError(
            "range_too_long",
            "to",
            f"기간은 최대 {MAX_DAYS}일입니다 ({(end - start).days + 1}일 요청) / a period is at most {MAX_DAYS} days",
        )
    return Period(start, end)


def month_period(month: str) -> Period:
    """``"2026-11"`` → 2026-11-01 … 2026-11-30."""
    found = _MONTH.match(month)
    if not found or not 2000 <= int(found[1]) <= 2999 or not 1 <= int(found[2]) <= 12:
        raise PeriodError(
            "invalid_month", "month", f"월은 YYYY-MM 형식입니다 (예: 2026-11): {month!r} / month must be YYYY-MM"
        )
    year, number = int(found[1]), int(found[2])
    first = date(year, number, 1)
    following = date(year + number // 12, number % 12 + 1, 1)
    return Period(first, following - timedelta(days=1))
