"""``simulate``: the real runtime on a virtual clock with the sandbox channel, in a throw-away database.

Nothing here re-implements the runtime: the event goes through :func:`runtime.events.ingest`, runs are
advanced by :func:`runtime.runs.advance_run`, messages pass the same send-time rules in
:func:`runtime.outbox.deliver`. Only the storage is temporary (a SQLite file in a temporary folder) and
time jumps from one due moment to the next instead of passing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator
from sqlalchemy import select

from nodes.base import NodeType
from nodes.json_limits import SURROGATE_MESSAGE, lone_surrogate_path
from nodes.procedures import DEFAULT_CATALOGUE, ProcedureEntry, ProcedureKind
from nodes.registry import get_node_type, using_catalogue
from nodes.schema_messages import leaf, reason
from nodes.timeutil import parse_datetime
from nodes.validation import validate_workflow
from runtime.channels.sandbox import SandboxChannel
from runtime.clock import VirtualClock, seoul_iso
from runtime.context import QueueDispatcher, Runtime
from runtime.event_fields import field_message
from runtime.events import InvalidEvent, ingest, validate_event
from runtime.inline import run_until
from runtime.outbox import UNKNOWN_CHANNEL as UNKNOWN
from runtime.rundata import format_phone
from storage.config import Settings
from storage.db import dispose_engines, inline_engine_for, read_scope, write_scope
from storage.errors import Problem
from storage.models import Base, Clinic, Event, OutboxMessage, Patient, Run, RunStep, Workflow, WorkflowVersion
from storage.models.clinic import DEFAULT_SETTINGS
from storage.patients.service import normalize_mobile, record_consent, upsert_patient
from storage.procedures.catalogue import replace_catalogue
from storage.workflows.service import canonical_checksum

DEFAULT_DAYS = 30
_PURPOSES = ["treatment", "marketing", "night_ads"]  # storage.models.consent.PURPOSES
# The ``--patient`` file / ``patient`` of POST /api/simulate (runtime/schemas.py SimulatedPatient).
PATIENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "chart_no": {"type": "string"},
        "name": {"type": "string"},
        "phone": {"type": "string"},
        "birth_date": {"type": "string"},
        "sex": {"type": ["string", "null"]},
        "opted_out": {"type": "boolean"},
        "consents": {
            "anyOf": [
                {
                    "type": "object",
                    "propertyNames": {"enum": _PURPOSES},
                    "additionalProperties": {"type": "boolean"},
                },
                {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            {"enum": _PURPOSES},
                            {
                                "type": "object",
                                "properties": {"purpose": {"enum": _PURPOSES}, "granted": {"type": "boolean"}},
                                "required": ["purpose"],
                            },
                        ]
                    },
                },
            ]
        },
    },
}
_PATIENT_VALIDATOR = Draft202012Validator(PATIENT_SCHEMA)


def patient_problems(patient: Any) -> list[Problem]:
    """What is wrong with a simulated patient (paths under ``/patient``); empty when it can be seeded."""
    if patient is None:
        return []
    if not isinstance(patient, Mapping):
        return [Problem("invalid_field", "patient는 객체입니다 / patient must be an object", path="/patient")]
    surrogate = lone_surrogate_path(patient)
    if surrogate is not None:
        return [Problem("invalid_field", SURROGATE_MESSAGE, path="/patient" + surrogate)]
    problems = []
    for error in _PATIENT_VALIDATOR.iter_errors(patient):
        path = "/patient" + "".join(f"/{part}" for part in error.absolute_path)
        problems.append(Problem("invalid_field", field_message(path, *reason(leaf(error))), path=path))
    phone = patient.get("phone")
    if not problems and phone is not None and normalize_mobile(phone) is None:
        problems.append(
            Problem("invalid_field", "휴대폰 번호가 아닙니다 / not a Korean mobile number", path="/patient/phone")
        )
    return problems


# The sample clinic of an offline simulation (no clinic given): a complete profile, and it may send the
# library's AlimTalk templates, so the output shows what the workflow would say.
SAMPLE_CLINIC: dict[str, Any] = {
    "name": "우리안과의원",
    "phone": "02-123-4567",
    "address": "서울특별시 강남구 테헤란로 1",
    "optout_number": "080-123-4567",
    "library_sendable": True,
}


class SimulationError(ValueError):
    """Invalid input: ``problems`` say which document, node, field and why."""

    def __init__(self, problems: list[Any]) -> None:
        super().__init__("; ".join(getattr(p, "message", str(p)) for p in problems))
        self.problems = problems


async def simulate(
    workflow: Any,
    event: Any,
    patient: Mapping[str, Any] | None = None,
    days: int = DEFAULT_DAYS,
    clinic: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What the patient would receive and when: ``{"messages": [...], "skipped": [...]}``.

    ``clinic["procedures"]`` (the server passes the caller's catalogue): its codes are valid in filters and the
    simulated clinic resolves procedure names with it; without it, the default catalogue."""
    catalogue = _catalogue_of(clinic)
    with using_catalogue(catalogue):
        return await _checked_simulation(workflow, event, patient, days, clinic)


def _catalogue_of(clinic: Mapping[str, Any] | None) -> tuple[ProcedureEntry, ...]:
    items = clinic.get("procedures") if clinic is not None else None
    if not isinstance(items, list) or not items:
        return DEFAULT_CATALOGUE
    return tuple(
        ProcedureEntry(
            str(item["code"]),
            str(item.get("name_ko") or item["code"]),
            str(item.get("name_en") or ""),
            cast(ProcedureKind, item["kind"] if item.get("kind") in ("surgery", "procedure", "visit") else "visit"),
            tuple(str(s) for s in item.get("synonyms") or ()),
        )
        for item in items
        if isinstance(item, Mapping) and isinstance(item.get("code"), str)
    )


async def _checked_simulation(
    workflow: Any,
    event: Any,
    patient: Mapping[str, Any] | None,
    days: int,
    clinic: Mapping[str, Any] | None,
) -> dict[str, Any]:
    problems: list[Any] = list(validate_workflow(workflow))
    if problems:
        raise SimulationError(problems)
    event_problems = validate_event(event)
    if event_problems:
        raise SimulationError([_prefixed(p, "/event") for p in event_problems])
    bad_patient = patient_problems(patient)
    if bad_patient:
        raise SimulationError(bad_patient)
    if not isinstance(days, int) or not 0 < days <= 366:
        raise SimulationError([Problem("invalid_field", "days는 1–366입니다 / days must be 1–366", path="/days")])
    with tempfile.TemporaryDirectory(prefix="doctorsflow-simulate-") as folder:
        settings = Settings(Path(folder), f"sqlite+aiosqlite:///{folder}/simulate.db", None, "simulate")
        try:
            # Offline (no clinic given): a sample clinic that may send the library's templates, to show what
            # the workflow would say; the server passes the caller's clinic, which may not (runtime/send_gate.py).
            seeded = dict(clinic) if clinic is not None else dict(SAMPLE_CLINIC)
            return await _simulate(settings, workflow, event, patient or {}, days, seeded)
        finally:
            await dispose_engines(settings.database_url)


def _prefixed(problem: Problem, prefix: str) -> Problem:
    return Problem(problem.code, problem.message, problem.node, prefix + problem.path)


async def _simulate(
    settings: Settings,
    document: Mapping[str, Any],
    event: Mapping[str, Any],
    patient: Mapping[str, Any],
    days: int,
    clinic: Mapping[str, Any],
) -> dict[str, Any]:
    start = parse_datetime(event["occurred_at"])
    clock = VirtualClock(start)
    runtime = Runtime(
        settings, clock=clock, dispatcher=QueueDispatcher(), channel=SandboxChannel(clock=clock), campaigns=False
    )
    async with inline_engine_for(settings.database_url).begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    clinic_id = await _seed(settings, document, event, patient, clinic)
    try:
        intake = await ingest(runtime, clinic_id, dict(event))
    except InvalidEvent as exc:
        raise SimulationError([_prefixed(p, "/event") for p in exc.problems]) from exc
    run_ids = list(intake.advance)
    skipped: list[dict[str, Any]] = []
    if not run_ids and _trigger_type(document).starts_runs != "event":
        run_ids, skipped = await _start_without_event(runtime, clinic_id, document, event)
    for run_id in run_ids:
        runtime.dispatcher.advance(run_id)
    await run_until(runtime, start + timedelta(days=days))
    report = await _report(settings, document, run_ids or skipped)
    report["skipped"] = skipped + report["skipped"]
    return report


def _trigger(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The trigger node of a valid document."""
    return next(n for n in document["nodes"] if (t := get_node_type(n.get("type"))) and t.category == "trigger")


def _trigger_type(document: Mapping[str, Any]) -> NodeType:
    node_type = get_node_type(_trigger(document)["type"])
    assert node_type is not None  # the document was validated
    return node_type


def _quiet(node_type: str) -> bool:
    """A stop that is the normal end of a path (``end``) is no skip worth reporting."""
    known = get_node_type(node_type)
    return known is not None and known.terminal


async def _start_without_event(
    runtime: Runtime, clinic_id: int, document: Mapping[str, Any], event: Mapping[str, Any]
) -> tuple[list[int], list[dict[str, Any]]]:
    """Manual and campaign triggers take no event: preview them for the event's patient (a campaign at
    its next cron time after the event, if the patient is in its segment)."""
    from runtime.campaigns import _in_segment
    from runtime.runs import start_run

    trigger, schedule = _trigger(document), _trigger_type(document).schedule
    params = trigger.get("params") or {}
    async with write_scope(runtime.settings, clinic_id) as session:
        query = select(Event).where(Event.external_id == str(event["external_id"]), Event.type == event["type"])
        row = (await session.execute(query)).scalar_one()
        version = (await session.execute(select(WorkflowVersion))).scalar_one()
        patient = await session.get(Patient, row.patient_id)
        trigger_at = row.occurred_at
        if schedule is not None:  # a campaign: at its next firing, if the patient is in its segment
            trigger_at = schedule.next_fire(params, row.occurred_at)
            if patient is None or not await _in_segment(session, schedule, dict(params), patient):
                reason = "환자가 캠페인 대상이 아닙니다 / the patient is not in the campaign's segment"
                return [], [{"node": trigger["id"], "reason": reason}]
            assert isinstance(runtime.clock, VirtualClock)  # simulate's own runtime
            runtime.clock.set(trigger_at)
        run = await start_run(
            session,
            runtime,
            version,
            patient_id=row.patient_id or 0,
            appointment_id=row.appointment_id,
            event=row,
            trigger_at=trigger_at,
        )
        return [run.id], []


async def _seed(
    settings: Settings,
    document: Mapping[str, Any],
    event: Mapping[str, Any],
    patient: Mapping[str, Any],
    clinic: Mapping[str, Any],
) -> int:
    async with write_scope(settings, None) as session:
        row = Clinic(slug="simulate", name=str(clinic.get("name") or "우리안과의원"))
        row.settings = {**DEFAULT_SETTINGS, **{k: v for k, v in clinic.items() if k not in ("name", "procedures")}}
        session.add(row)
        await session.flush()
        catalogue = _catalogue_of(clinic)
        if catalogue is not DEFAULT_CATALOGUE:
            await replace_catalogue(session, row.id, catalogue)
        workflow = Workflow(clinic_id=row.id, name=str(document.get("name", "")), document=dict(document))
        session.add(workflow)
        await session.flush()
        trigger = str(_trigger(document)["type"])
        session.add(
            WorkflowVersion(
                clinic_id=row.id,
                workflow_id=workflow.id,
                version=1,
                document=dict(document),
                checksum=canonical_checksum(dict(document)),
                trigger_type=trigger,
            )
        )
        workflow.published_version, workflow.status = 1, "active"
        if patient:
            await _seed_patient(session, row.id, event, patient)
        return row.id


async def _seed_patient(session: Any, clinic_id: int, event: Mapping[str, Any], patient: Mapping[str, Any]) -> None:
    """The ``--patient`` file: the event's patient with more fields, consents and opt-out."""
    from storage.tenancy import bind_session

    bind_session(session, clinic_id)
    person = {**event.get("patient", {}), **{k: v for k, v in patient.items() if k not in ("consents", "opted_out")}}
    row: Patient = await upsert_patient(
        session, chart_no=person.get("chart_no"), name=person.get("name"), phone=person.get("phone")
    )
    row.opted_out = bool(patient.get("opted_out", False))
    consents = patient.get("consents") or {}
    if isinstance(consents, list):  # [{"purpose": "marketing", "granted": true}] or ["marketing"]
        consents = {
            (c["purpose"] if isinstance(c, Mapping) else str(c)): (
                c.get("granted", True) if isinstance(c, Mapping) else True
            )
            for c in consents
        }
    for purpose, granted in consents.items():
        await record_consent(
            session,
            row,
            purpose=str(purpose),
            granted=bool(granted),
            method="import",
            occurred_at=parse_datetime(event["occurred_at"]) - timedelta(days=1),
        )


async def _report(
    settings: Settings,
    document: Mapping[str, Any],
    started: Any,
    patient_id: int | None = None,
    with_failover: bool = False,
) -> dict[str, Any]:
    """The messages sent and what was skipped (``patient_id``: only that patient's). ``started`` is falsy when
    no run started and nobody said why."""
    message_query = select(OutboxMessage).order_by(OutboxMessage.sent_at, OutboxMessage.id)
    step_query = select(RunStep).order_by(RunStep.id)
    if patient_id is not None:
        message_query = message_query.where(OutboxMessage.patient_id == patient_id)
        step_query = step_query.join(Run, Run.id == RunStep.run_id).where(Run.patient_id == patient_id)
    async with read_scope(settings, None) as session:
        rows = list((await session.execute(message_query)).scalars())
        patients = {p.id: p for p in (await session.execute(select(Patient))).scalars()}
        steps = list((await session.execute(step_query)).scalars())
    messages: list[dict[str, Any]] = [
        {
            "at": seoul_iso(row.sent_at),
            "node": row.node_id,
            "channel": row.channel,
            "to": format_phone(patients[row.patient_id].phone),
            "text": row.text,
            # only for the campaign preview (the simulate output is a documented contract): the SMS it would fall back to
            **({"failover": row.failover} if with_failover else {}),
        }
        for row in rows
        if row.sent_at is not None
    ]
    messages.sort(key=lambda m: m["at"])
    skipped: list[dict[str, Any]] = [
        {"node": row.node_id, "reason": row.reason or ""} for row in rows if row.status == "skipped"
    ]
    # A message no provider can send (a channel missing from the channel table) fails with its reason.
    skipped += [{"node": row.node_id, "reason": row.error_message or ""} for row in rows if row.error_code == UNKNOWN]
    skipped += [
        {"node": step.node_id, "reason": step.reason or ""}
        for step in steps
        if step.status in ("stopped", "failed") and not _quiet(step.node_type)
    ]
    if not started:
        skipped.append(
            {
                "node": _trigger(document)["id"],
                "reason": "이벤트가 시작 조건과 맞지 않습니다 / the event does not match the trigger",
            }
        )
    return {"messages": messages, "skipped": skipped}
