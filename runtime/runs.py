"""Runs in the database: start one, advance it from the steps that are due, cancel it, move its waits.

Each function is one transaction. A step is claimed with a compare-and-set on its status before anything
else is written, so two workers advancing the same run (a redelivered message, a sweeper's re-enqueue)
cannot both continue from it; the unique (run, node) constraint is the last line of defence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.base import NotifyStaff, SendMessage, TagPatient
from runtime.context import Runtime
from runtime.db import write_scope
from runtime.interpreter import Graph, StepResult, due_again, walk
from runtime.rundata import graph_of, run_data
from storage.models import Appointment, Clinic, Event, OutboxMessage, Patient, Run, RunStep, WorkflowVersion

OPEN_RUN = ("running", "waiting")
OPEN_STEP = ("waiting", "firing")
OPEN_OUTBOX = ("pending", "held")


def outbox_key(run_id: int, node_id: str) -> str:
    return f"run:{run_id}:node:{node_id}"


async def start_run(
    session: AsyncSession,
    runtime: Runtime,
    version: WorkflowVersion,
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


async def advance_run(runtime: Runtime, run_id: int) -> list[int]:
    """Continue a run from every step that is claimed or due. Returns the outbox ids to deliver now."""
    now = runtime.clock.now()
    async with write_scope(runtime.settings, None) as session:
        claim = (
            update(RunStep)
            .where(
                RunStep.run_id == run_id,
                or_(RunStep.status == "firing", and_(RunStep.status == "waiting", RunStep.due_at <= now)),
            )
            .values(status="done", finished_at=now, claimed_at=None)
            .returning(RunStep.node_id, RunStep.ports)
            .execution_options(synchronize_session=False)
        )
        continued = (await session.execute(claim)).all()
        if not continued:
            return []
        loaded = await _load_run(session, run_id)  # held: the identity map only keeps weak references
        run = loaded[0] if loaded else None
        if run is None or run.status not in OPEN_RUN:
            return []
        graph = await graph_of(session, run.workflow_version_id)
        event = await _event_view(session, run.event_id)
        data = await run_data(session, run, now, event)
        existing = (
            await session.execute(select(RunStep.node_id, RunStep.status).where(RunStep.run_id == run_id))
        ).all()
        acted = {node_id for node_id, _ in existing}
        frontier = [target for node_id, ports in continued for target in graph.next_nodes(node_id, ports or [])]
        results = walk(graph, frontier, acted, data)
        to_deliver = await _persist(session, run, graph, results, now)
        await _settle(session, run, now, {status for _, status in existing} | {r.status for r in results})
        return to_deliver


async def _load_run(session: AsyncSession, run_id: int) -> Sequence[Any] | None:
    """The run with its patient, clinic, event and appointment in one query: the later ``session.get``
    calls of :func:`run_data` and :func:`_event_view` then come from the identity map, not the database."""
    query = (
        select(Run, Patient, Clinic, Event, Appointment)
        .outerjoin(Patient, Patient.id == Run.patient_id)
        .outerjoin(Clinic, Clinic.id == Run.clinic_id)
        .outerjoin(Event, Event.id == Run.event_id)
        .outerjoin(Appointment, Appointment.id == Run.appointment_id)
        .where(Run.id == run_id)
    )
    row = (await session.execute(query)).first()
    return tuple(row) if row else None


async def _event_view(session: AsyncSession, event_id: int | None) -> dict[str, Any]:
    if event_id is None:
        return {}
    event = await session.get(Event, event_id)
    return {"type": event.type, "external_id": event.external_id, **event.payload} if event else {}


async def _persist(
    session: AsyncSession, run: Run, graph: Graph, results: Sequence[StepResult], now: datetime
) -> list[int]:
    """Write the steps and their effects (outbox rows, tags, staff notices) in the run's transaction."""
    new_messages: list[OutboxMessage] = []
    for result in results:
        detail: dict[str, Any] = {}
        for effect in result.effects:
            if isinstance(effect, SendMessage):
                new_messages.append(_outbox_row(run, result.node_id, effect, now))
            elif isinstance(effect, TagPatient):
                await _tag(session, run.patient_id, effect)
                detail["tags"] = {"add": list(effect.add), "remove": list(effect.remove)}
            elif isinstance(effect, NotifyStaff):
                detail["notice"] = {"text": effect.text, "recipients": list(effect.recipients)}
        final = result.status != "waiting"
        session.add(
            RunStep(
                clinic_id=run.clinic_id,
                run_id=run.id,
                node_id=result.node_id,
                node_type=result.node_type,
                status=result.status,
                ports=list(result.ports),
                due_at=result.due_at,
                started_at=now,
                finished_at=now if final else None,
                reason=result.reason,
                detail=detail,
            )
        )
    session.add_all(new_messages)
    await session.flush()
    return [message.id for message in new_messages]


def _outbox_row(run: Run, node_id: str, effect: SendMessage, now: datetime) -> OutboxMessage:
    failover = None
    if effect.failover is not None:
        failover = {"channel": effect.failover.channel, "text": effect.failover.text}
    return OutboxMessage(
        clinic_id=run.clinic_id,
        key=outbox_key(run.id, node_id),
        run_id=run.id,
        node_id=node_id,
        patient_id=run.patient_id,
        channel=effect.channel,
        purpose=effect.purpose,
        text=effect.text,
        subject=getattr(effect, "subject", None),
        template=effect.template,
        variables=dict(effect.variables),
        failover=failover,
        status="pending",
        due_at=now,
        claimed_at=now,  # claimed by the delivery dispatched right after commit
    )


async def _tag(session: AsyncSession, patient_id: int, effect: TagPatient) -> None:
    patient = await session.get(Patient, patient_id)
    if patient is None:
        return
    tags = [t for t in (patient.tags or []) if t not in effect.remove]
    tags += [t for t in effect.add if t not in tags]
    patient.tags = tags


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
        .where(OutboxMessage.run_id.in_(run_ids), OutboxMessage.status.in_(OPEN_OUTBOX))
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
        if node.get("type") != "wait.until" or graph.params(step.node_id).get("anchor") != "appointment":
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
