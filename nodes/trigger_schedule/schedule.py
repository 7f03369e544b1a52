"""When a campaign fires (cron in Seoul time) and which patients it reaches (segment)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from croniter import croniter

from nodes.send_window import ANY_TIME
from nodes.timeutil import SEOUL


def is_valid_cron(expression: str) -> bool:
    """Five fields (minute hour day month weekday) that croniter accepts; no seconds or years."""
    return len(expression.split()) == 5 and bool(croniter.is_valid(expression))


def next_fire(params: Mapping[str, Any], after: datetime) -> datetime:
    """The first firing strictly after ``after``, read as Seoul wall-clock time."""
    start = after.astimezone(SEOUL)
    fire: datetime = croniter(str(params["cron"]), start).get_next(datetime)
    return fire


def last_fire(params: Mapping[str, Any], now: datetime) -> datetime:
    """The latest firing at or before ``now`` (Seoul wall clock); raises ``ValueError``/``KeyError`` on a bad cron."""
    fire: datetime = croniter(str(params["cron"]), now.astimezone(SEOUL) + timedelta(seconds=1)).get_prev(datetime)
    return fire


def cron_minutes(params: Mapping[str, Any], _incoming: int = ANY_TIME) -> int:
    """Minutes of the day the cron fires at (ANY_TIME when it cannot be read) — the node's send window."""
    expression = params.get("cron")
    if not isinstance(expression, str):
        return ANY_TIME
    try:
        expanded, _ = croniter.expand(expression)
    except Exception:  # an invalid cron is the validator's finding; here it means "unknown time"
        return ANY_TIME
    minutes, hours = expanded[0], expanded[1]
    minute_values = range(60) if minutes == ["*"] else [int(m) for m in minutes]
    hour_values = range(24) if hours == ["*"] else [int(h) for h in hours]
    bits = 0
    for hour in hour_values:
        for minute in minute_values:
            bits |= 1 << (hour * 60 + minute)
    return bits or ANY_TIME


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
