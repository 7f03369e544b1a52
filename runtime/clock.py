"""Time as the runtime sees it. Workers use :class:`SystemClock`; tests and ``simulate`` a :class:`VirtualClock`.

Every part of the runtime that asks "what time is it" (scheduler, interpreter, send-time rules, sandbox
delivery reports) is handed a clock, so a test can move time forward by days without sleeping or patching.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class VirtualClock:
    """A clock that moves only when told to (thread-safe: worker threads read it while a test sets it)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("VirtualClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("VirtualClock needs timezone-aware times")
        with self._lock:
            self._now = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._now += delta
            return self._now


def seoul_iso(moment: datetime) -> str:
    """ISO 8601 in Seoul time with its +09:00 offset (what people and simulate output read)."""
    return moment.astimezone(SEOUL).isoformat()
