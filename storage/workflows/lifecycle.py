"""A workflow's lifecycle: draft → active ⇄ paused → archived (→ draft again), and what each step does to
its runs and pending messages. Handlers and the command line call these; they never commit.

Only an active workflow enrols patients (runtime/events.py, runtime/campaigns.py). Pausing holds what is
pending: nothing is changed here, the runtime does not fire the waits or claim the outbox rows of a paused
workflow (runtime/scheduler.py, runtime/outbox.py), so resuming releases each of them exactly once through the
ordinary machinery. Archiving cancels the open runs, their waits and unsent messages, keeping the history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.errors import ApiError, Problem
from storage.models import OutboxMessage, Run, RunStep, Workflow
from storage.models.base import utcnow
from storage.models.outbox import UNCERTAIN
from storage.tenancy import Caller

STATUS_LABELS = {
    "draft": "초안 / draft",
    "active": "운영 중 / active",
    "paused": "일시정지 / paused",
    "archived": "보관됨 / archived",
}

OPEN_RUN = ("running", "waiting")
OPEN_STEP = ("waiting", "firing")
OPEN_OUTBOX = ("pending", "held")

# action → (the statuses it may start from, the status it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "publish": (("draft", "active", "paused"), "active"),
    "pause": (("active",), "paused"),
    "resume": (("paused",), "active"),
    "archive": (("draft", "active", "paused"), "archived"),
    "unarchive": (("archived",), "draft"),
}
_ACTION_LABELS = {
    "publish": "게시 / publish",
    "pause": "일시정지 / pause",
    "resume": "재개 / resume",
    "archive": "보관 / archive",
    "unarchive": "보관 해제 / unarchive",
}


def held_by_pause(run_id: Any) -> ColumnElement[bool]:
    """SQL: the run ``run_id`` (a column) belongs to a paused workflow — its waits and sends are held."""
    paused = select(Run.id).join(Workflow, Workflow.id == Run.workflow_id)
    return paused.where(Run.id == run_id, Workflow.status == "paused").exists()


def never_sent() -> ColumnElement[bool]:
    """SQL: an outbox row that surely never reached a provider — pending or held, and not UNCERTAIN. An uncertain
    row's earlier attempt may have got through; stopping leaves it to the runtime, which asks the provider about
    its handle and records it sent, or cancels it only when the provider never had it (runtime/outbox.py)."""
    return and_(
        OutboxMessage.status.in_(OPEN_OUTBOX),
        or_(OutboxMessage.error_code.is_(None), OutboxMessage.error_code != UNCERTAIN),
    )


def stoppable() -> ColumnElement[bool]:
    """SQL: a run that can still do something — open, or finished walking with a message not yet sent (held
    for the morning, held by a pause, waiting for its retry)."""
    unsent = select(OutboxMessage.id).where(OutboxMessage.run_id == Run.id, OutboxMessage.status.in_(OPEN_OUTBOX))
    return or_(Run.status.in_(OPEN_RUN), unsent.exists())


def check_transition(workflow: Workflow, action: str) -> str:
    """The status ``action`` leads to, or 409 naming the current status and what is allowed from it."""
    allowed, target = TRANSITIONS[action]
    if workflow.status in allowed:
        return target
    current_ko, _, current_en = STATUS_LABELS.get(workflow.status, workflow.status).partition(" / ")
    possible = [_ACTION_LABELS[a].split(" / ") for a, (sources, _) in TRANSITIONS.items() if workflow.status in sources]
    choices_ko = ", ".join(ko for ko, _ in possible) or "-"
    choices_en = ", ".join(en for _, en in possible) or "-"
    ko, en = _ACTION_LABELS[action].split(" / ")
    # One " / " only: the editor shows the part of the manager's language
    message = (
        f"'{current_ko}' 상태의 워크플로는 {ko}할 수 없습니다 (가능: {choices_ko})"
        f" / cannot {en} a workflow that is {current_en or workflow.status} (allowed: {choices_en})"
    )
    raise ApiError(409, [Problem("invalid_transition", message, path="/status")])


async def pause(session: AsyncSession, caller: Caller, workflow: Workflow) -> Workflow:
    """Stop enrolling; hold the pending sends and waits of its runs (nothing is dropped)."""
    return await _move(session, caller, workflow, "pause")


async def resume(session: AsyncSession, caller: Caller, workflow: Workflow) -> Workflow:
    """Enrol again; the held sends and waits that came due meanwhile go out once, on the next scheduler pass."""
    return await _move(session, caller, workflow, "resume")


async def unarchive(session: AsyncSession, caller: Caller, workflow: Workflow) -> Workflow:
    """An archived workflow back as a draft (its versions kept; publish to make it live again)."""
    return await _move(session, caller, workflow, "unarchive")


async def archive(session: AsyncSession, caller: Caller, workflow: Workflow) -> Workflow:
    """Stop for good: cancel its open runs, their waits and unsent messages; history stays readable."""
    check_transition(workflow, "archive")
    query = select(Run.id).where(Run.workflow_id == workflow.id, stoppable())
    run_ids = list((await session.execute(query)).scalars())
    reason = "워크플로가 보관되었습니다 / the workflow was archived"
    counts = await cancel_runs(session, run_ids, utcnow(), reason)
    return await _move(session, caller, workflow, "archive", **counts)


async def _move(session: AsyncSession, caller: Caller, workflow: Workflow, action: str, **detail: int) -> Workflow:
    target = check_transition(workflow, action)
    before = workflow.status
    workflow.status = target
    await session.flush()
    audit.record(
        session, caller, f"workflow.{action}", f"workflow:{workflow.id}", before=before, after=target, **detail
    )
    return workflow


async def cancel_runs(session: AsyncSession, run_ids: list[int], now: datetime, reason: str) -> dict[str, int]:
    """Cancel these (stoppable) runs, their open waits and their unsent (pending/held) messages. A message
    already handed to the provider (``sending``) is past stopping and keeps its own outcome; an uncertain one
    stays uncertain until the provider is asked (:func:`never_sent`), counted as ``uncertain_messages``."""
    if not run_ids:
        return {"cancelled_runs": 0, "cancelled_messages": 0, "uncertain_messages": 0}
    runs = await session.execute(
        update(Run)
        .where(Run.id.in_(run_ids), Run.status != "cancelled")
        .values(status="cancelled", finished_at=now, reason=reason)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(RunStep)
        .where(RunStep.run_id.in_(run_ids), RunStep.status.in_(OPEN_STEP))
        .values(status="cancelled", finished_at=now, reason=reason)
        .execution_options(synchronize_session=False)
    )
    messages = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.run_id.in_(run_ids), never_sent())
        .values(status="cancelled", reason=reason, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    uncertain = select(func.count()).where(
        OutboxMessage.run_id.in_(run_ids),
        OutboxMessage.status.in_(OPEN_OUTBOX),
        OutboxMessage.error_code == UNCERTAIN,
    )
    return {
        "cancelled_runs": int(getattr(runs, "rowcount", 0) or 0),
        "cancelled_messages": int(getattr(messages, "rowcount", 0) or 0),
        "uncertain_messages": int((await session.execute(uncertain)).scalar_one()),
    }
