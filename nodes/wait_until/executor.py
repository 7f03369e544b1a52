"""When a ``wait.until`` node releases the run: anchor day + offset_days at HH:MM, Seoul time."""

from __future__ import annotations

from datetime import datetime, timedelta

from nodes.base import ExecutionContext, Outcome
from nodes.timeutil import in_seoul, next_business_day, parse_hhmm, previous_business_day, seoul_at


def due_time(ctx: ExecutionContext) -> datetime | None:
    """The Seoul time this node waits for, or None when the anchor (the appointment) is missing."""
    params = ctx.params
    if params.get("anchor") == "appointment":
        starts_at = (ctx.appointment or {}).get("starts_at")
        if starts_at is None:
            return None
        anchor = in_seoul(starts_at)
    else:
        anchor = in_seoul(ctx.trigger_at)
    offset = int(params.get("offset_days", 0))
    day = anchor.date() + timedelta(days=offset)
    if params.get("skip_weekends_holidays"):
        # Later for "N days after"; earlier for "N days before", so a reminder never lands after its anchor.
        day = previous_business_day(day) if offset < 0 else next_business_day(day)
    return seoul_at(day, parse_hhmm(str(params.get("at", "10:00"))))


def wait_until(ctx: ExecutionContext) -> Outcome:
    try:
        due = due_time(ctx)
    except (TypeError, ValueError):
        return Outcome(ports=(), reason="예약 일시를 읽을 수 없습니다 / appointment time is not a date-time")
    if due is None:
        return Outcome(ports=(), reason="예약 정보가 없습니다 / the run has no appointment")
    if due <= ctx.now:
        if ctx.params.get("if_past") == "stop":
            return Outcome(ports=(), reason=f"예정 시각 {due:%Y-%m-%d %H:%M}이 지났습니다 / time has passed")
        return Outcome(reason=f"예정 시각 {due:%Y-%m-%d %H:%M}이 지나 바로 진행 / time passed, continuing now")
    return Outcome(wait_until=due)
