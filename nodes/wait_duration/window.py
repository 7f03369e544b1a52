"""When a ``wait.duration`` node releases the run, as minutes of the day: the arrival times, rotated."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nodes.send_window import ANY_TIME, rotate


def release_minutes(params: Mapping[str, Any], incoming: int) -> int:
    """Days do not change the time of day; hours and minutes rotate it (unreadable values: any time)."""
    try:
        delta = int(params.get("hours") or 0) * 60 + int(params.get("minutes") or 0)
    except (TypeError, ValueError):
        return ANY_TIME
    return rotate(incoming, delta)
