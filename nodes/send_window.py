"""Minutes of the day as a 1,440-bit set (bit i = minute i, Seoul wall-clock time): when a node can act.

The lint rules propagate these sets from the trigger through the graph; each node type shapes them with
its ``send_window`` hook (a schedule's cron minutes, ``wait.until``'s ``at``, ``wait.duration``'s
rotation). Anything unknown is :data:`ANY_TIME`, so it can fall at night.
"""

from __future__ import annotations

from typing import Any

DAY = 1440
ANY_TIME = (1 << DAY) - 1


def minutes_between(start: int, end: int) -> int:
    """Bit set of minutes in [start, end) of one day (wrapping past midnight)."""
    if start <= end:
        return ((1 << end) - 1) ^ ((1 << start) - 1)
    return minutes_between(start, DAY) | minutes_between(0, end)


def hhmm_minute(value: Any) -> int | None:
    """Minute of the day of an "HH:MM" string, or None when it is not one."""
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return None
    try:
        hour, minute = int(value[:2]), int(value[3:])
    except ValueError:
        return None
    return hour * 60 + minute if 0 <= hour < 24 and 0 <= minute < 60 else None


def window_between(start: Any, end: Any) -> int:
    """Bit set of the minutes from "HH:MM" ``start`` to ``end`` (a night window); empty when unreadable."""
    a, b = hhmm_minute(start), hhmm_minute(end)
    return 0 if a is None or b is None else minutes_between(a, b)


def rotate(bits: int, minutes: int) -> int:
    """The set shifted ``minutes`` later (wrapping past midnight)."""
    minutes %= DAY
    return ((bits << minutes) | (bits >> (DAY - minutes))) & ANY_TIME if minutes else bits


def describe_minutes(bits: int) -> str:
    """A short human list of the minutes in the set ("10:00, 10:30 …")."""
    if bits == ANY_TIME:
        return "언제든 / any time"
    times = [f"{m // 60:02d}:{m % 60:02d}" for m in range(DAY) if bits >> m & 1]
    return ", ".join(times[:6]) + (" …" if len(times) > 6 else "")
