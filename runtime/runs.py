"""Runs in the database: start one, advance it from the steps that are due, cancel it, move its waits.

Each function is one transaction. A step is claimed with a compare-and-set on its status before anything
else is written, so two workers advancing the same run (a redelivered message, a sweeper's re-enqueue)
cannot both continue from it; the unique (run, node) constraint is the last line of defence.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any, Protocol, cast

from sqlalchemy import BindParameter, Table, and_, bindparam, insert, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from nodes.base import NotifyStaff, SendMessage, TagPatient
from nodes.registry import get_node_type
from runtime.context import Runtime
from runtime.interpreter import StepResult, due_again, walk
from runtime.outbox import Prepared, decide_new_in, deliver_prepared, resolve_kind
from runtime.rundata import consent_ledger, graph_of, load_world, run_data, world_data
from storage import fast_sql
from storage.db import write_scope
from storage.models import Event, OutboxMessage, Patient, Run, RunStep
from storage.workflows.lifecycle import never_sent

log = logging.getLogger(__name__)

OPEN_RUN = ("running", "waiting")
OPEN_STEP = ("waiting", "firing")
OPEN_OUTBOX = ("pending", "held")


class VersionRef(Protocol):
    """A published version as starting a run needs it (a WorkflowVersion or a cached view of one)."""

    @property
    def id(self) -> int: ...
    @property
    def clinic_id(self) -> int: ...
    @property
    def workflow_id(self) -> int: ...
    @property
    def version(self) -> int: ...


def outbox_key(run_id: int, node_id: str) -> str:
    return f"run:{run_id}:node:{node_id}"


async def start_run(
    session: AsyncSession,
    runtime: Runtime,
    version: VersionRef,
    *,
    patient_id: int,
    appointment_id: int | None,
    event: Event,
    claim: bool = True,
    trigger_at: datetime | None = None,
) -> Run:
    """Create the run and its trigger step.

    ``claim``: the caller dispatches the first advance right after commit (the step is ``firing``);
    otherwise the step is ``waiting`` and due now, and the scheduler's next poll picks it up.
    """
    now = runtime.clock.now()
    run = Run(
        clinic_id=version.clinic_id,
        workflow_id=version.workflow_id,
        workflow_version_id=version.id,
        version=version.version,
        event_id=event.id,
        patient_id=patient_id,
        appointment_id=appointment_id,
        status="running",
        trigger_at=trigger_at or event.occurred_at,
        started_at=now,
    )
    session.add(run)
    await session.flush()
    graph = await graph_of(session, version.id)
    trigger = graph.nodes[graph.trigger_id]
    session.add(
        RunStep(
            clinic_id=run.clinic_id,
            run_id=run.id,
            node_id=graph.trigger_id,
            node_type=str(trigger.get("type")),
            status="firing" if claim else "waiting",
            ports=["out"],
            due_at=now,
            claimed_at=now if claim else None,
            started_at=now,
        )
    )
    return run


async def insert_run(
    connection: AsyncConnection,
    runtime: Runtime,
    version: VersionRef,
    *,
    patient_id: int,
    appointment_id: int | None,
    event_id: int,
    trigger_at: datetime,
    claim: bool = True,
) -> int:
    """:func:`start_run` in prebuilt Core statements on the transaction's connection (the event intake's hot
    path): the run and its trigger step. Returns the run's id."""
    now = runtime.clock.now()
    values = {
        "clinic_id": version.clinic_id,
        "workflow_id": version.workflow_id,
        "workflow_version_id": version.id,
        "version": version.version,
        "event_id": event_id,
        "patient_id": patient_id,
        "appointment_id": appointment_id,
        "status": "running",
        "trigger_at": trigger_at,
        "started_at": now,
    }
    run_id = int((await fast_sql.execute(connection, _INSERT_RUN, values)).scalar_one())
    graph = await graph_of(connection, version.id)
    step = {
        "clinic_id": version.clinic_id,
        "run_id": run_id,
        "node_id": graph.trigger_id,
        "node_type": str(graph.nodes[graph.trigger_id].get("type")),
        "status": "firing" if claim else "waiting",
        "ports": ["out"],
        "due_at": now,
        "claimed_at": now if claim else None,
        "started_at": now,
        "finished_at": None,
        "reason": None,
        "detail": {},
    }
    await fast_sql.execute(connection, _INSERT_STEPS, [step])
    return run_id


async def advance_run(runtime: Runtime, run_id: int) -> list[int]:
    """Continue a run from every step that is claimed or due. Returns the outbox ids to deliver now."""
    return [message_id for message_id, _ in await _advance(runtime, run_id, claim=False)]


async def _advance(runtime: Runtime, run_id: int, *, claim: bool) -> list[tuple[int, Prepared | None]]:
    """:func:`advance_run`'s transaction (see :func:`_advance_in`)."""
    async with write_scope(runtime.settings, None) as session:
        return await _advance_in(session, run_id, runtime.clock.now(), claim=claim)


async def _advance_in(
    session: AsyncSession, run_id: int, now: datetime, *, claim: bool
) -> list[tuple[int, Prepared | None]]:
    """Advance one run inside the caller's write transaction. The hot path of every run, so it speaks
    SQLAlchemy Core on the session's connection (no ORM unit of work): one claim, one read of the run's world,
    one read of its steps and consents, then bulk inserts. ``claim``: also claim and decide each new outbox row
    in this transaction (``outbox.claim_and_decide_in``), returned with what to send (None: not to send now)."""
    connection = await session.connection()
    continued = (await fast_sql.execute(connection, _CLAIM, {"run": run_id, "now": now})).all()
    if not continued:
        return []
    world = await load_world(connection, run_id)
    if world is None or world.status not in OPEN_RUN:
        return []
    graph = await graph_of(connection, world.workflow_version_id)
    existing = (await fast_sql.execute(connection, _STEPS_OF, {"run": run_id})).all()
    ledger = await consent_ledger(connection, world.patient_id) if world.p_id and world.c_id else None
    data = await world_data(session, world, now, ledger=ledger)
    acted = {node_id for node_id, _ in existing}
    frontier = [target for node_id, ports in continued for target in graph.next_nodes(node_id, ports or [])]
    results = walk(graph, frontier, acted, data)
    run = RunRef(world.id, world.clinic_id, world.patient_id, world.p_tags)
    to_deliver = await _persist(connection, run, results, now, claimed=claim)
    statuses = {status for _, status in existing} | {r.status for r in results}
    settled = _settled(statuses, now)
    await fast_sql.execute(connection, _SETTLE, {"run": run_id, **settled})
    if not claim:
        return [(message_id, None) for message_id, _ in to_deliver]
    assert ledger is not None  # world_data raised otherwise
    # Inserted claimed: decided on what this transaction knows (the run's world, its consents), nothing read back
    found = SimpleNamespace(
        id=world.p_id,
        phone=world.p_phone,
        opted_out=world.p_opted_out,
        clinic_id=world.c_id,
        clinic_name=world.c_name,
        clinic_settings=world.c_settings,
        run_status=settled["new_status"],
        workflow_status=world.w_status,
    )
    return [
        (message_id, await decide_new_in(session, message_id, _claimed_row(message_id, row), found, ledger, now))
        for message_id, row in to_deliver
    ]


async def advance_and_deliver(runtime: Runtime, run_id: int) -> list[int]:
    """Advance the run, claiming and deciding its new messages in the same transaction, then send them in this
    same task right after its commit: one transaction and one hop per event instead of two each. Returns
    outbox ids for ``deliver_outbox`` (failovers).

    Exactly once is the delivery's own: each row is claimed by its compare-and-set (here, in the run's
    transaction) and its provider handle is stored before a send. A row whose send or recording failed here
    stays ``sending``; the sweeper hands it out once the claim is stale, and that attempt asks the provider first.
    """
    later: list[int] = []
    for message_id, prepared in await _advance(runtime, run_id, claim=True):
        if prepared is not None:  # None: skipped, held, paused, cancelled — decided in the run's transaction
            later += await _deliver_now(runtime, message_id, prepared)
    return later


async def advance_and_deliver_many(runtime: Runtime, run_ids: list[int]) -> list[int]:
    """:func:`advance_and_deliver` for runs taken in together: all advanced in one write transaction, then their
    messages sent side by side (so their "sent" records share a transaction too, ``storage.db.batched_write``).
    If the shared transaction fails, each run is advanced on its own, so one bad run cannot hold up the others;
    the first error is raised afterwards (the message is retried; runs already advanced are not advanced twice,
    their steps' claims say so)."""
    if len(run_ids) == 1:
        return await advance_and_deliver(runtime, run_ids[0])
    try:
        async with write_scope(runtime.settings, None) as session:
            now = runtime.clock.now()
            decided = [pair for run_id in run_ids for pair in await _advance_in(session, run_id, now, claim=True)]
    except OperationalError:
        raise  # the database stayed busy: nothing was written, the whole message is retried
    except Exception:
        log.warning("advancing %d runs together failed; advancing each on its own", len(run_ids), exc_info=True)
        return await _each_alone(runtime, run_ids)
    answers = await asyncio.gather(
        *(_deliver_now(runtime, message_id, prepared) for message_id, prepared in decided if prepared is not None)
    )
    return [follow_up for answer in answers for follow_up in answer]


async def _each_alone(runtime: Runtime, run_ids: list[int]) -> list[int]:
    later: list[int] = []
    failure: Exception | None = None
    for run_id in run_ids:
        try:
            later += await advance_and_deliver(runtime, run_id)
        except Exception as exc:
            failure = failure or exc
    if failure is not None:
        raise failure
    return later


async def _deliver_now(runtime: Runtime, message_id: int, prepared: Prepared) -> list[int]:
    try:
        return await deliver_prepared(runtime, message_id, prepared)
    except Exception:  # e.g. the database stayed busy while recording: the stale sweeper resumes it
        log.warning("inline delivery of outbox %s failed; the sweeper resumes it", message_id, exc_info=True)
        return []


# Tables and statements built once: building a statement costs more CPU than SQLite running it.
STEPS = cast(Table, RunStep.__table__)
RUNS = cast(Table, Run.__table__)
OUTBOX = cast(Table, OutboxMessage.__table__)
PATIENTS = cast(Table, Patient.__table__)
_NOW: BindParameter[Any] = bindparam("now")
_CLAIM = (
    update(STEPS)
    .where(
        STEPS.c.run_id == bindparam("run"),
        or_(STEPS.c.status == "firing", and_(STEPS.c.status == "waiting", STEPS.c.due_at <= _NOW)),
    )
    .values(status="done", finished_at=_NOW, claimed_at=None)
    .returning(STEPS.c.node_id, STEPS.c.ports)
)
_STEPS_OF = select(STEPS.c.node_id, STEPS.c.status).where(STEPS.c.run_id == bindparam("run"))
_SETTLE = (
    update(RUNS)
    .where(RUNS.c.id == bindparam("run"))
    .values(status=bindparam("new_status"), finished_at=bindparam("finished"))
)
_INSERT_STEPS = insert(STEPS)
_INSERT_RUN = insert(RUNS).returning(RUNS.c.id)
_INSERT_OUTBOX = insert(OUTBOX).returning(OUTBOX.c.id)
_TAG = update(PATIENTS).where(PATIENTS.c.id == bindparam("patient")).values(tags=bindparam("new_tags"), updated_at=_NOW)


@dataclass(frozen=True)
class RunRef:
    """What persisting a run's steps needs to know about the run."""

    id: int
    clinic_id: int
    patient_id: int
    tags: list[Any] | None


async def _persist(
    connection: AsyncConnection, run: RunRef, results: Sequence[StepResult], now: datetime, *, claimed: bool = False
) -> list[tuple[int, dict[str, Any]]]:
    """Write the steps and their effects (outbox rows, tags, staff notices) in the run's transaction. Returns the
    new outbox rows (id, values). ``claimed``: they are inserted claimed by this transaction (``sending``, attempt
    1) for its own decision (``outbox.decide_new_in``) instead of pending for a delivery after commit."""
    new_messages: list[dict[str, Any]] = []
    new_steps: list[dict[str, Any]] = []
    tags = list(run.tags or [])
    tagged = False
    for result in results:
        detail: dict[str, Any] = {}
        for effect in result.effects:
            if isinstance(effect, SendMessage):
                new_messages.append(_outbox_row(run, result.node_id, effect, now))
            elif isinstance(effect, TagPatient):
                tags = [t for t in tags if t not in effect.remove]
                tags += [t for t in effect.add if t not in tags]
                tagged = True
                detail["tags"] = {"add": list(effect.add), "remove": list(effect.remove)}
            elif isinstance(effect, NotifyStaff):
                detail["notice"] = {"text": effect.text, "recipients": list(effect.recipients)}
        final = result.status != "waiting"
        new_steps.append(
            {
                "clinic_id": run.clinic_id,
                "run_id": run.id,
                "node_id": result.node_id,
                "node_type": result.node_type,
                "status": result.status,
                "ports": list(result.ports),
                "due_at": result.due_at,
                "claimed_at": None,
                "started_at": now,
                "finished_at": now if final else None,
                "reason": result.reason,
                "detail": detail,
            }
        )
    if new_steps:
        await fast_sql.execute(connection, _INSERT_STEPS, new_steps)  # one executemany
    if tagged:
        await fast_sql.execute(connection, _TAG, {"patient": run.patient_id, "new_tags": tags, "now": now})
    rows = []
    for message in new_messages:
        if claimed:
            message.update(status="sending", attempts=1)
        rows.append((int((await fast_sql.execute(connection, _INSERT_OUTBOX, message)).scalar_one()), message))
    return rows


def _claimed_row(message_id: int, values: Mapping[str, Any]) -> SimpleNamespace:
    """A row inserted claimed, as the claim's ``RETURNING`` would show it (its other columns at their defaults)."""
    defaults = {"parent_id": None, "error_code": None, "provider_handle": None, "reason": None}
    return SimpleNamespace(**{**defaults, **values, "id": message_id})


def _settled(statuses: set[str], now: datetime) -> dict[str, Any]:
    """The run's status from its steps: waiting while any step waits, else completed (or failed)."""
    if statuses & set(OPEN_STEP):
        return {"new_status": "waiting", "finished": None}
    return {"new_status": "failed" if "failed" in statuses else "completed", "finished": now}


def _outbox_row(run: RunRef, node_id: str, effect: SendMessage, now: datetime) -> dict[str, Any]:
    failover = None
    if effect.failover is not None:
        failover = {"channel": effect.failover.channel, "text": effect.failover.text}
    return {
        "clinic_id": run.clinic_id,
        "key": outbox_key(run.id, node_id),
        "run_id": run.id,
        "node_id": node_id,
        "patient_id": run.patient_id,
        "channel": effect.channel,
        "kind": resolve_kind(effect.channel, effect.text),  # what delivery would compute: saves it a write
        "purpose": effect.purpose,
        "text": effect.text,
        "subject": getattr(effect, "subject", None),
        "template": effect.template,
        "variables": dict(effect.variables),
        "failover": failover,
        "buttons": [{"name": b["name"], "url": b["url"]} for b in effect.buttons] or None,
        "image_url": effect.image_url,
        "status": "pending",
        "due_at": now,
        "claimed_at": now,  # claimed by the delivery dispatched right after commit
    }


async def _settle(session: AsyncSession, run: Run, now: datetime, statuses: set[str] | None = None) -> None:
    """The run's status from its steps: waiting while any step waits, else completed (or failed)."""
    if statuses is None:
        statuses = set((await session.execute(select(RunStep.status).where(RunStep.run_id == run.id))).scalars())
    if statuses & set(OPEN_STEP):
        run.status = "waiting"
        return
    run.status = "failed" if "failed" in statuses else "completed"
    run.finished_at = now


async def cancel_appointment_runs(session: AsyncSession, appointment_id: int, now: datetime, reason: str) -> list[int]:
    """Cancel every open run of this appointment: its waits and its unsent messages too."""
    query = select(Run.id).where(Run.appointment_id == appointment_id, Run.status.in_(OPEN_RUN))
    run_ids = list((await session.execute(query)).scalars())
    if not run_ids:
        return []
    await session.execute(
        update(Run)
        .where(Run.id.in_(run_ids))
        .values(status="cancelled", finished_at=now, reason=reason)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(RunStep)
        .where(RunStep.run_id.in_(run_ids), RunStep.status.in_(OPEN_STEP))
        .values(status="cancelled", finished_at=now, reason=reason)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.run_id.in_(run_ids), never_sent())  # an uncertain one is asked about first
        .values(status="cancelled", reason=reason)
        .execution_options(synchronize_session=False)
    )
    return run_ids


async def move_appointment_waits(
    session: AsyncSession, appointment_id: int, now: datetime, event: Mapping[str, Any]
) -> int:
    """Recompute the due time of every appointment-anchored wait of this appointment's open runs."""
    query = (
        select(RunStep, Run)
        .join(Run, Run.id == RunStep.run_id)
        .where(Run.appointment_id == appointment_id, Run.status.in_(OPEN_RUN), RunStep.status == "waiting")
    )
    moved = 0
    touched: dict[int, Run] = {}
    for step, run in (await session.execute(query)).all():
        graph = await graph_of(session, run.workflow_version_id)
        node = graph.nodes.get(step.node_id, {})
        node_type = get_node_type(node.get("type"))
        if node_type is None or not node_type.moves_with_appointment(graph.params(step.node_id)):
            continue
        due = due_again(graph, step.node_id, await run_data(session, run, now, event))
        if due is None:
            step.status, step.finished_at = "stopped", now
            step.reason = "변경된 예약 시각이 이미 지났습니다 / the moved appointment time has passed"
        else:
            step.due_at = due
        moved += 1
        touched[run.id] = run
    await session.flush()
    for run in touched.values():
        await _settle(session, run, now)
    return moved
