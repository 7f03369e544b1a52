"""The clinic-wide frequency rule, decided at the moment of sending: the same patient gets the same template,
the same text, or a second advertisement at most once per ``frequency_hours`` (a clinic setting, default 24;
0 turns it off). It stops two workflows with overlapping triggers from sending the same thing twice.

Only messages of *other* runs count (a run's own steps are designed by the manager), and a failover is the
same message as its parent. Called inside the claim's transaction holding a per-patient lock (a PostgreSQL
transaction-level advisory lock, which nothing else takes, so it cannot join a lock cycle with an event that
updates the patient row; SQLite's writers take turns anyway), so two claims for one patient decide one after
the other: the second sees the first as ``sending`` and is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from nodes.particles import with_particle
from storage import fast_sql
from storage.models import OutboxMessage, Run, Workflow

DEFAULT_HOURS = 24
OUTBOX = cast(Table, OutboxMessage.__table__)
RUNS = cast(Table, Run.__table__)
WORKFLOWS = cast(Table, Workflow.__table__)

# A namespace for the advisory lock keys (ASCII "DFFR"), so they cannot meet another feature's keys.
_LOCK_SPACE = 0x44464652 << 32
_LOCK_PATIENT = select(func.pg_advisory_xact_lock(bindparam("key")))
_RECENT = (
    select(
        OUTBOX.c.id,
        OUTBOX.c.run_id,
        OUTBOX.c.template,
        OUTBOX.c.text,
        OUTBOX.c.purpose,
        WORKFLOWS.c.name.label("workflow_name"),
    )
    .select_from(OUTBOX)
    .outerjoin(RUNS, RUNS.c.id == OUTBOX.c.run_id)
    .outerjoin(WORKFLOWS, WORKFLOWS.c.id == RUNS.c.workflow_id)
    .where(
        OUTBOX.c.patient_id == bindparam("patient"),
        OUTBOX.c.id != bindparam("message"),
        OUTBOX.c.parent_id.is_(None),
        OUTBOX.c.status.in_(("sending", "sent", "delivered")),
        func.coalesce(OUTBOX.c.sent_at, OUTBOX.c.claimed_at) >= bindparam("since"),
    )
    .order_by(OUTBOX.c.id)
)


def window_hours(clinic_settings: Mapping[str, Any]) -> int:
    """The clinic's window in hours (0: the rule is off); a malformed setting falls back to the default."""
    value = clinic_settings.get("frequency_hours", DEFAULT_HOURS)
    try:
        hours = int(value)
    except (TypeError, ValueError):
        return DEFAULT_HOURS
    return max(0, hours)


async def duplicate_reason(
    connection: AsyncConnection, row: Any, now: datetime, clinic_settings: Mapping[str, Any]
) -> str | None:
    """Why this outbox row must be skipped (the earlier message it repeats), or None to send it."""
    hours = window_hours(clinic_settings)
    if not hours or row.parent_id is not None:
        return None
    if connection.dialect.name == "postgresql":
        await fast_sql.execute(connection, _LOCK_PATIENT, {"key": _LOCK_SPACE + int(row.patient_id)})
    recent = await fast_sql.execute(
        connection, _RECENT, {"patient": row.patient_id, "message": row.id, "since": now - timedelta(hours=hours)}
    )
    for earlier in recent:
        if row.run_id is not None and earlier.run_id == row.run_id:
            continue
        if row.template and earlier.template == row.template:
            same = "같은 템플릿"
            same_en = "the same template"
        elif earlier.text == row.text:
            same, same_en = "같은 내용", "the same text"
        elif row.purpose == "advertising" and earlier.purpose == "advertising":
            same, same_en = "광고", "an advertisement"
        else:
            continue
        source = earlier.workflow_name or "-"
        return (
            f"빈도 제한: {hours}시간 안에 {with_particle(same, '을')} 이미 보냈습니다 (발송 #{earlier.id}, 워크플로 '{source}')"
            f" / frequency rule: {same_en} already went to this patient within {hours} h"
            f" (message #{earlier.id}, workflow '{source}')"
        )
    return None
