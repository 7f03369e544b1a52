"""Is the runtime keeping time? Overdue waits, stuck sends and stale scheduler heartbeats, in one report.

Read by ``doctorsflow health`` (every clinic) and ``GET /api/health/runtime`` (the caller's clinic; the
schedulers are shared by every clinic and always listed). Counts, ids and times only — no personal data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.schemas import HealthProblem, RuntimeHealth, SchedulerBeat
from storage.models import OutboxMessage, RunStep, SchedulerHeartbeat
from storage.models.base import utcnow
from storage.workflows.lifecycle import held_by_pause

SAMPLE = 10  # ids listed per finding


def _env(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


@dataclass(frozen=True)
class Thresholds:
    overdue_after_s: float = 120.0  # a waiting step this long past due: the scheduler is not firing waits
    sending_after_s: float = 300.0  # a row ``sending`` this long: neither finished nor swept back
    heartbeat_after_s: float = 60.0  # a scheduler heartbeat this old: the loop stopped (written every 5 s)

    @classmethod
    def from_env(cls) -> Thresholds:
        """Defaults, or ``DOCTORSFLOW_HEALTH_{OVERDUE,SENDING,HEARTBEAT}_S``."""
        return cls(
            _env("DOCTORSFLOW_HEALTH_OVERDUE_S", cls.overdue_after_s),
            _env("DOCTORSFLOW_HEALTH_SENDING_S", cls.sending_after_s),
            _env("DOCTORSFLOW_HEALTH_HEARTBEAT_S", cls.heartbeat_after_s),
        )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


async def _finding(session: AsyncSession, ident: Any, moment: Any, *condition: Any) -> dict[str, Any]:
    summary = select(func.count(), func.min(moment)).where(*condition)
    count, oldest = (await session.execute(summary)).one()
    ids = list((await session.execute(select(ident).where(*condition).order_by(moment).limit(SAMPLE))).scalars())
    return {"count": int(count or 0), "oldest": _iso(oldest), "ids": ids}


async def runtime_health(
    session: AsyncSession, thresholds: Thresholds | None = None, now: datetime | None = None
) -> RuntimeHealth:
    """The report: ``healthy`` and its ``problems`` (code + message), then the details of each check."""
    limits = thresholds or Thresholds.from_env()
    now = now or utcnow()
    overdue = await _finding(
        session,
        RunStep.run_id,
        RunStep.due_at,
        RunStep.status == "waiting",
        RunStep.due_at < now - timedelta(seconds=limits.overdue_after_s),
        ~held_by_pause(RunStep.run_id),  # held on purpose: the workflow is paused
    )
    sending = await _finding(
        session,
        OutboxMessage.id,
        OutboxMessage.claimed_at,
        OutboxMessage.status == "sending",
        OutboxMessage.claimed_at < now - timedelta(seconds=limits.sending_after_s),
    )
    rows = (await session.execute(select(SchedulerHeartbeat).order_by(SchedulerHeartbeat.id))).scalars()
    schedulers: list[SchedulerBeat] = []
    for row in rows:
        age = (now - row.last_tick_at).total_seconds()
        schedulers.append(
            {
                "host": row.host,
                "pid": row.pid,
                "slot": row.slot,
                "thread": row.thread,
                "started_at": _iso(row.started_at),
                "last_tick_at": _iso(row.last_tick_at),
                "age_s": round(age, 1),
                "stale": age > limits.heartbeat_after_s,
                "passes": row.ticks,
                "restarts": row.restarts,
                "last_error": row.last_error,
                "last_error_at": _iso(row.last_error_at),
            }
        )
    problems: list[HealthProblem] = []
    if overdue["count"]:
        problems.append(
            {
                "code": "overdue_waits",
                "message": f"기한이 {limits.overdue_after_s:g}초 넘게 지난 대기 {overdue['count']}건 / "
                f"{overdue['count']} waits more than {limits.overdue_after_s:g} s past due",
            }
        )
    if sending["count"]:
        problems.append(
            {
                "code": "stuck_sending",
                "message": f"{limits.sending_after_s:g}초 넘게 발송 중인 메시지 {sending['count']}건 / "
                f"{sending['count']} messages sending for more than {limits.sending_after_s:g} s",
            }
        )
    stale = [s for s in schedulers if s["stale"]]
    if stale:
        problems.append(
            {
                "code": "scheduler_stale",
                "message": f"멈춘 스케줄러 {len(stale)}개 / {len(stale)} scheduler heartbeats older than "
                f"{limits.heartbeat_after_s:g} s",
            }
        )
    if not any(not s["stale"] for s in schedulers):
        problems.append(
            {"code": "no_scheduler", "message": "살아 있는 스케줄러가 없습니다 / no live scheduler heartbeat"}
        )
    return {
        "healthy": not problems,
        "checked_at": _iso(now),
        "problems": problems,
        "thresholds": {
            "overdue_after_s": limits.overdue_after_s,
            "sending_after_s": limits.sending_after_s,
            "heartbeat_after_s": limits.heartbeat_after_s,
        },
        "overdue_waits": {"count": overdue["count"], "oldest_due_at": overdue["oldest"], "run_ids": overdue["ids"]},
        "stuck_sending": {
            "count": sending["count"],
            "oldest_claimed_at": sending["oldest"],
            "message_ids": sending["ids"],
        },
        "schedulers": schedulers,
    }


def health_text(report: RuntimeHealth) -> str:
    """The report for a terminal."""
    head = "정상 / healthy" if report["healthy"] else "문제 있음 / unhealthy"
    lines = [f"런타임 상태 / runtime: {head} ({report['checked_at']})"]
    lines += [f"✗ [{p['code']}] {p['message']}" for p in report["problems"]]
    overdue, sending = report["overdue_waits"], report["stuck_sending"]
    lines.append(f"  지난 대기 / overdue waits: {overdue['count']} (oldest due {overdue['oldest_due_at'] or '-'})")
    lines.append(f"  발송 중 / stuck sending: {sending['count']} (oldest {sending['oldest_claimed_at'] or '-'})")
    for s in report["schedulers"]:
        state = "STALE" if s["stale"] else "ok"
        error = f", last error {s['last_error']} at {s['last_error_at']}" if s["last_error"] else ""
        lines.append(
            f"  scheduler {s['host']}:{s['pid']}/{s['slot']} [{s['thread']}] {state}: last tick {s['age_s']} s ago, "
            f"{s['passes']} passes, {s['restarts']} restarts{error}"
        )
    if not report["schedulers"]:
        lines.append("  스케줄러 없음 / no scheduler heartbeat")
    return "\n".join(lines)
