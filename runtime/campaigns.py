"""Campaigns: workflows whose trigger has a ``schedule`` hook (``trigger.schedule``) start one run per
patient of their segment when it fires.

A firing is recorded as an event row ``schedule.fired`` with external id ``<version>:<fire time>``; the
unique (clinic, type, external_id) constraint makes a firing happen once even with several schedulers,
and a scheduler that restarts knows what already fired. A firing missed by more than ``MAX_CATCH_UP``
(the system was down) is skipped rather than sent hours late.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from nodes.base import RunSchedule
from nodes.registry import get_node_type, node_types
from runtime.context import Runtime
from runtime.rundata import consent_ledger, patient_view
from runtime.runs import start_run
from storage.db import read_scope, write_scope
from storage.models import Appointment, Event, Patient, Workflow, WorkflowVersion

log = logging.getLogger("doctorsflow.campaigns")

EVENT_TYPE = "schedule.fired"
MAX_CATCH_UP = timedelta(hours=6)


async def fire_campaigns(runtime: Runtime) -> int:
    """Start the runs of every campaign whose cron time has come. Returns how many runs started."""
    now = runtime.clock.now()
    async with read_scope(runtime.settings, None) as session:
        query = (
            select(WorkflowVersion)
            .join(Workflow, Workflow.id == WorkflowVersion.workflow_id)
            .where(
                Workflow.published_version == WorkflowVersion.version,
                Workflow.status == "active",
                WorkflowVersion.trigger_type.in_([t.type for t in node_types() if t.schedule is not None]),
            )
        )
        versions = list((await session.execute(query)).scalars())
    started = 0
    for version in versions:
        found = _scheduled_trigger(version.document)
        if found is None:
            continue
        schedule, params = found
        try:
            fire = schedule.last_fire(params, now)
        except (ValueError, KeyError):
            continue
        if fire <= version.published_at or now - fire > MAX_CATCH_UP:
            continue
        started += await _fire(runtime, version, schedule, params, fire)
    return started


def _scheduled_trigger(document: dict[str, Any]) -> tuple[RunSchedule, dict[str, Any]] | None:
    """The schedule hook and params of the document's campaign trigger."""
    for node in document.get("nodes", []):
        node_type = get_node_type(node.get("type"))
        if node_type is not None and node_type.schedule is not None:
            return node_type.schedule, dict(node.get("params") or {})
    return None


async def _fire(
    runtime: Runtime, version: WorkflowVersion, schedule: RunSchedule, params: dict[str, Any], fire: datetime
) -> int:
    external_id = f"{version.id}:{fire.isoformat()}"
    async with read_scope(runtime.settings, version.clinic_id) as session:
        known = select(Event.id).where(Event.type == EVENT_TYPE, Event.external_id == external_id)
        if (await session.execute(known)).first() is not None:
            return 0
    try:
        async with write_scope(runtime.settings, version.clinic_id) as session:
            event = Event(
                clinic_id=version.clinic_id,
                type=EVENT_TYPE,
                external_id=external_id,
                occurred_at=fire,
                received_at=runtime.clock.now(),
                payload={"workflow_version_id": version.id},
            )
            session.add(event)
            await session.flush()  # a second scheduler firing the same campaign stops here
            run_ids = []
            for patient in (await session.execute(select(Patient).where(Patient.opted_out.is_(False)))).scalars():
                if not await _in_segment(session, schedule, params, patient):
                    continue
                run = await start_run(
                    session, runtime, version, patient_id=patient.id, appointment_id=None, event=event, claim=False
                )
                run_ids.append(run.id)
            event.result = {"runs": [{"id": i, "workflow_id": version.workflow_id} for i in run_ids]}
    except IntegrityError:
        return 0
    log.info("campaign %s fired at %s: %d runs", version.workflow_id, fire.isoformat(), len(run_ids))
    return len(run_ids)


async def _in_segment(session: Any, schedule: RunSchedule, params: dict[str, Any], patient: Patient) -> bool:
    ledger = await consent_ledger(session, patient.id)
    query = select(Appointment.procedure).where(
        Appointment.patient_id == patient.id, Appointment.status == "completed", Appointment.procedure.is_not(None)
    )
    done = {p for p in (await session.execute(query)).scalars() if p}
    consents = {purpose: bool(granted) for purpose, granted in ledger.items()}
    return schedule.segment_matches(params, patient_view(patient), consents, done)
