"""The preview of a campaign: which of the clinic's patients its next firing would enrol, and what each would get.

The segment is read from the clinic's real patients (consents, tags, completed procedures: the same test as
:func:`runtime.campaigns._in_segment`, read in bulk); what they would receive comes from the real runtime in a throw-away
database on a virtual clock (:mod:`runtime.simulate`), one run per enrolled patient started at the firing,
as :func:`runtime.campaigns._fire` would.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.validation import validate_workflow
from runtime.campaigns import EVENT_TYPE
from runtime.channels.sandbox import SandboxChannel
from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.inline import run_until
from runtime.rundata import patient_view
from runtime.runs import start_run
from runtime.simulate import SAMPLE_CLINIC, SimulationError, _report, _seed, _trigger, _trigger_type
from storage.config import Settings
from storage.db import dispose_engines, inline_engine_for, write_scope
from storage.errors import Problem
from storage.models import Appointment, Base, Consent, Event, Patient, WorkflowVersion
from storage.patients.service import record_consent
from storage.tenancy import bind_session

MAX_SHOWN = 50


@dataclass
class Audience:
    """The next firing after a moment and the patients it would enrol (the first ``limit`` of them kept)."""

    fires_at: datetime
    total: int = 0
    patients: list[Patient] = field(default_factory=list)
    consents: dict[int, dict[str, bool]] = field(default_factory=dict)


def campaign_problems(workflow: Any) -> list[Any]:
    """Why a document cannot be previewed as a campaign (invalid, or its trigger is no schedule)."""
    problems: list[Any] = list(validate_workflow(workflow))
    if not problems and _trigger_type(workflow).schedule is None:
        problems.append(
            Problem(
                "not_campaign",
                "정기 발송(캠페인) 트리거가 아닙니다 / the trigger is not a campaign schedule",
                _trigger(workflow)["id"],
                "/workflow/nodes",
            )
        )
    return problems


async def audience(session: AsyncSession, workflow: Mapping[str, Any], after: datetime, limit: int) -> Audience:
    """The campaign's next firing after ``after`` and the clinic's patients it would enrol then (the session's
    clinic; patients who opted out of all messages are never enrolled). The same test as
    :func:`runtime.campaigns._in_segment`, with every patient's consents and completed procedures read in two
    queries instead of two per patient (a clinic of 1,000 patients took 6 s)."""
    node_type = _trigger_type(workflow)
    schedule = node_type.schedule
    assert schedule is not None  # campaign_problems was empty
    params = dict(_trigger(workflow).get("params") or {})
    found = Audience(fires_at=schedule.next_fire(params, after))
    ledgers: dict[int, dict[str, bool]] = defaultdict(dict)
    ledger_query = select(Consent.patient_id, Consent.purpose, Consent.granted).order_by(
        Consent.occurred_at, Consent.id
    )
    for patient_id, purpose, granted in (await session.execute(ledger_query)).all():
        ledgers[patient_id][purpose] = bool(granted)  # the latest entry wins
    done: dict[int, set[str]] = defaultdict(set)
    done_query = select(Appointment.patient_id, Appointment.procedure).where(
        Appointment.status == "completed", Appointment.procedure.is_not(None)
    )
    for patient_id, procedure in (await session.execute(done_query)).all():
        if procedure:
            done[patient_id].add(procedure)
    query = select(Patient).where(Patient.opted_out.is_(False), Patient.erased_at.is_(None)).order_by(Patient.id)
    for patient in (await session.execute(query)).scalars():
        consents = ledgers.get(patient.id, {})
        if not schedule.segment_matches(params, patient_view(patient), consents, done.get(patient.id, set())):
            continue
        found.total += 1
        if len(found.patients) < limit:
            found.patients.append(patient)
            found.consents[patient.id] = dict(consents)
    return found


async def simulate_enrolments(
    workflow: Mapping[str, Any], found: Audience, days: int, clinic: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """What each patient of ``found`` would receive within ``days`` of the firing: one
    ``{"messages": [...], "skipped": [...]}`` per patient, in the same order."""
    if not isinstance(days, int) or not 0 < days <= 366:
        raise SimulationError([Problem("invalid_field", "days는 1–366입니다 / days must be 1–366", path="/days")])
    with tempfile.TemporaryDirectory(prefix="doctorsflow-campaign-") as folder:
        settings = Settings(Path(folder), f"sqlite+aiosqlite:///{folder}/simulate.db", None, "simulate")
        try:
            return await _simulate(settings, workflow, found, days, dict(clinic) if clinic else dict(SAMPLE_CLINIC))
        finally:
            await dispose_engines(settings.database_url)


async def _simulate(
    settings: Settings, workflow: Mapping[str, Any], found: Audience, days: int, clinic: Mapping[str, Any]
) -> list[dict[str, Any]]:
    clock = VirtualClock(found.fires_at)
    runtime = Runtime(
        settings, clock=clock, dispatcher=QueueDispatcher(), channel=SandboxChannel(clock=clock), campaigns=False
    )
    async with inline_engine_for(settings.database_url).begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    clinic_id = await _seed(settings, workflow, {}, {}, clinic)
    copies: list[int] = []
    async with write_scope(settings, clinic_id) as session:
        bind_session(session, clinic_id)
        version = (await session.execute(select(WorkflowVersion))).scalar_one()
        event = Event(
            clinic_id=clinic_id,
            type=EVENT_TYPE,
            external_id=f"{version.id}:{found.fires_at.isoformat()}",
            occurred_at=found.fires_at,
            received_at=found.fires_at,
            payload={"workflow_version_id": version.id},
        )
        session.add(event)
        await session.flush()
        run_ids = []
        for real in found.patients:
            copy = await _copy_patient(session, real, found.consents.get(real.id, {}), found.fires_at)
            copies.append(copy.id)
            run = await start_run(session, runtime, version, patient_id=copy.id, appointment_id=None, event=event)
            run_ids.append(run.id)
    for run_id in run_ids:
        runtime.dispatcher.advance(run_id)
    await run_until(runtime, found.fires_at + timedelta(days=days))
    return [await _report(settings, workflow, True, patient_id=copy, with_failover=True) for copy in copies]


async def _copy_patient(session: Any, real: Patient, consents: Mapping[str, bool], at: datetime) -> Patient:
    """The real patient's identity, tags and granted consents in the throw-away database."""
    copy = Patient(
        chart_no=real.chart_no,
        name=real.name,
        phone=real.phone,
        birth_date=real.birth_date if isinstance(real.birth_date, date) else None,
        sex=real.sex,
        tags=list(real.tags or []),
        opted_out=False,
    )
    session.add(copy)
    await session.flush()
    for purpose, granted in consents.items():
        await record_consent(
            session, copy, purpose=purpose, granted=granted, method="import", occurred_at=at - timedelta(days=1)
        )
    return copy
