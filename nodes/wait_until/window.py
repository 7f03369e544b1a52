"""When a ``wait.until`` node releases the run, as minutes of the day (for the night-time lint rules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nodes.send_window import ANY_TIME, hhmm_minute


def release_minutes(params: Mapping[str, Any], incoming: int) -> int:
    """``at`` when set; without it the trigger's own time of day, and any time for an appointment anchor."""
    at = hhmm_minute(params.get("at"))
    if at is not None:
        return 1 << at
    return incoming if params.get("anchor", "trigger") == "trigger" else ANY_TIME


def moves_with_appointment(params: Mapping[str, Any]) -> bool:
    """An appointment-anchored wait is recomputed when the appointment is rescheduled."""
    return params.get("anchor") == "appointment"
