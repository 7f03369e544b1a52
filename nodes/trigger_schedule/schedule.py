"""When a campaign fires (cron in Seoul time) and which patients it reaches (segment)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from croniter import croniter

from nodes.timeutil import SEOUL


def is_valid_cron(expression: str) -> bool:
    """Five fields (minute hour day month weekday) that croniter accepts; no seconds or years."""
    return len(expression.split()) == 5 and bool(croniter.is_valid(expression))


def next_fire(params: Mapping[str, Any], after: datetime) -> datetime:
    """The first firing strictly after ``after``, read as Seoul wall-clock time."""
    start = after.astimezone(SEOUL)
    fire: datetime = croniter(str(params["cron"]), start).get_next(datetime)
    return fire


def segment_matches(
    params: Mapping[str, Any],
    patient: Mapping[str, Any],
    consents: Mapping[str, bool],
    procedures_done: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Whether a patient belongs to the campaign's segment (tags, past procedures, marketing consent)."""
    segment = params.get("segment") or {}
    tags = set(patient.get("tags") or ())
    if segment.get("marketing_consent_only", True) and not consents.get("marketing", False):
        return False
    include = set(segment.get("tags") or ())
    if include and not include & tags:
        return False
    if set(segment.get("exclude_tags") or ()) & tags:
        return False
    wanted = set(segment.get("procedures") or ())
    return not wanted or bool(wanted & set(procedures_done))
