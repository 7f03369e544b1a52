"""The self-booking page's slots: the next two weeks in Asia/Seoul, from the clinic's ``self_booking`` setting
(default: Mon–Fri 09:00–17:30 and Sat 09:00–12:30, every 30 minutes; edited on the clinic settings page, see
``self_booking.py``), minus the past and taken times."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from runtime.clock import SEOUL

DAYS_AHEAD = 14
DEFAULT_HOURS: dict[str, list[str]] = {
    "mon": ["09:00", "17:30"],
    "tue": ["09:00", "17:30"],
    "wed": ["09:00", "17:30"],
    "thu": ["09:00", "17:30"],
    "fri": ["09:00", "17:30"],
    "sat": ["09:00", "12:30"],
}
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
STEP_MINUTES = 30


STEPS = (15, 20, 30, 60)


def _hours(settings: Mapping[str, Any]) -> Mapping[str, Any]:
    configured = settings.get("self_booking")
    hours = configured.get("hours") if isinstance(configured, Mapping) else None
    return hours if isinstance(hours, Mapping) else DEFAULT_HOURS


def _step(settings: Mapping[str, Any]) -> int:
    configured = settings.get("self_booking")
    step = configured.get("step_minutes") if isinstance(configured, Mapping) else None
    return step if isinstance(step, int) and step in STEPS else STEP_MINUTES


def is_enabled(settings: Mapping[str, Any]) -> bool:
    """Whether the clinic takes online bookings (default on; the clinic settings page turns it off)."""
    configured = settings.get("self_booking")
    return not isinstance(configured, Mapping) or bool(configured.get("enabled", True))


def open_slots(settings: Mapping[str, Any], now: datetime, taken: Iterable[datetime]) -> list[datetime]:
    """Bookable start times (aware, Asia/Seoul), earliest first; at least an hour from now."""
    busy = {t.astimezone(SEOUL).replace(second=0, microsecond=0) for t in taken}
    hours = _hours(settings)
    step = timedelta(minutes=_step(settings))
    earliest = now + timedelta(hours=1)
    today = now.astimezone(SEOUL).date()
    slots: list[datetime] = []
    for offset in range(DAYS_AHEAD + 1):
        day = today + timedelta(days=offset)
        window = hours.get(WEEKDAY_KEYS[day.weekday()])
        if not (isinstance(window, list) and len(window) == 2):
            continue
        try:
            first, last = (time.fromisoformat(str(x)) for x in window)
        except ValueError:
            continue
        moment = datetime.combine(day, first, SEOUL)
        end = datetime.combine(day, last, SEOUL)
        while moment <= end:
            if moment >= earliest and moment not in busy:
                slots.append(moment)
            moment += step
    return slots


def days_of(slots: Iterable[datetime]) -> list[tuple[date, list[datetime]]]:
    by_day: dict[date, list[datetime]] = {}
    for slot in slots:
        by_day.setdefault(slot.date(), []).append(slot)
    return sorted(by_day.items())
