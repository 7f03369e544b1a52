"""Several events in one write transaction (a book change, an import): all applied, or none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import OperationalError

from runtime.context import Runtime
from runtime.events import Intake, InvalidEvent, apply_in, validate_event
from storage.db import write_scope
from storage.errors import ApiError, Problem


async def apply_events(
    runtime: Runtime, clinic_id: int, payloads: Sequence[dict[str, Any]], *, dispatch: bool
) -> list[Intake]:
    """Validate every event first (InvalidEvent names the first bad one's fields), then apply them in order in
    one transaction; the caller dispatches each ``Intake.advance`` after this returns."""
    for payload in payloads:
        problems = validate_event(payload)
        if problems:
            raise InvalidEvent(problems)
    for attempt in range(3):
        try:
            async with write_scope(runtime.settings, clinic_id) as session:
                return [await apply_in(runtime, session, clinic_id, payload, dispatch) for payload in payloads]
        except OperationalError as exc:  # SQLite busy beyond its timeout: nothing was written
            if attempt == 2:
                raise ApiError(
                    503, [Problem("busy", "잠시 후 다시 시도해 주세요 / database busy, retry shortly")]
                ) from exc
    raise AssertionError("unreachable")
