"""Read a run's world from the database: its graph (cached per published version), patient, consents …

:func:`world_data` is the one builder of the :class:`RunData` executors see (the hot path in runtime/runs.py,
appointment moves, and through them ``simulate``): one Core query for the run with its patient, clinic, event
and appointment (:func:`load_world`), one for the consent ledger, one for the clinic's approved templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from runtime.interpreter import Graph, RunData
from runtime.patient_links.tokens import confirm_link
from storage import fast_sql
from storage.alimtalk_templates.store import approved_texts
from storage.models import Appointment, Clinic, Consent, Event, Patient, Run, Workflow, WorkflowVersion
from storage.models.clinic import DEFAULT_SETTINGS
from storage.models.consent import PURPOSES

_GRAPHS: dict[tuple[str, int], Graph] = {}


async def graph_of(session: AsyncSession | AsyncConnection, version_id: int) -> Graph:
    """Published versions never change, so each one's graph is parsed once per process and database."""
    bind = session.engine if isinstance(session, AsyncConnection) else session.bind
    key = (str(getattr(bind, "url", "")), version_id)
    graph = _GRAPHS.get(key)
    if graph is None:
        query = select(WorkflowVersion.document).where(WorkflowVersion.id == version_id)
        document = (await session.execute(query)).scalar_one()
        graph = _GRAPHS[key] = Graph.from_document(document)
    return graph


# Built once: on the hot path, building a statement costs more than SQLite running it.
_LEDGER = (
    select(Consent.purpose, Consent.granted)
    .where(Consent.patient_id == bindparam("patient"))
    .order_by(Consent.occurred_at, Consent.id)
)


async def consent_ledger(session: AsyncSession | AsyncConnection, patient_id: int) -> dict[str, bool | None]:
    """Purpose -> True granted / False revoked / None never recorded (the latest entry wins)."""
    state: dict[str, bool | None] = dict.fromkeys(PURPOSES, None)
    if isinstance(session, AsyncConnection):
        rows = (await fast_sql.execute(session, _LEDGER, {"patient": patient_id})).all()
    else:
        rows = (await session.execute(_LEDGER, {"patient": patient_id})).all()
    for purpose, granted in rows:
        state[purpose] = granted
    return state


def format_phone(digits: str | None) -> str:
    if not digits:
        return ""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def patient_view(patient: Any) -> dict[str, Any]:
    """``patient``: a Patient or any row with its columns as attributes."""
    return {
        "name": patient.name,
        "chart_no": patient.chart_no,
        "phone": format_phone(patient.phone),
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "sex": patient.sex,
        "tags": list(patient.tags or []),
    }


def appointment_view(appointment: Any) -> dict[str, Any] | None:
    if appointment is None:
        return None
    return {
        "id": appointment.external_id,
        "starts_at": appointment.starts_at.isoformat() if appointment.starts_at else None,
        "procedure": appointment.procedure,
        "doctor": appointment.doctor,
        "status": appointment.status,
    }


@cache
def _library_texts() -> dict[str, str]:
    from nodes.send_alimtalk.library import approved_templates

    return {template.code: template.text for template in approved_templates()}


def clinic_view(clinic: Any, approved: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The clinic as executors and templates see it: defaults, its settings, its AlimTalk template bodies —
    the clinic's own approved templates ``approved`` (what the publish gate checked). Library originals are
    never sendable (Kakao approves a template per channel); only the throwaway clinic of an offline
    ``doctorsflow simulate`` (setting ``library_sendable``) sends them, to show what a workflow would say."""
    settings = {**DEFAULT_SETTINGS, **(clinic.settings or {})}
    library = _library_texts() if settings.get("library_sendable") else {}
    templates = {**library, **(settings.get("alimtalk_templates") or {}), **(approved or {})}
    return {**settings, "alimtalk_templates": templates, "name": clinic.name}


def sendable_template(clinic: Mapping[str, Any], code: str | None) -> bool:
    """Whether ``clinic`` (a :func:`clinic_view` with its approved templates) holds ``code`` as approved."""
    templates = clinic.get("alimtalk_templates")
    return bool(code) and isinstance(templates, Mapping) and code in templates


RUNS = cast(Table, Run.__table__)
PATIENTS = cast(Table, Patient.__table__)
CLINICS = cast(Table, Clinic.__table__)
EVENTS = cast(Table, Event.__table__)
APPOINTMENTS = cast(Table, Appointment.__table__)
WORKFLOWS = cast(Table, Workflow.__table__)
_PATIENT_COLUMNS = ("id", "name", "chart_no", "phone", "birth_date", "sex", "tags")
_APPOINTMENT_COLUMNS = ("id", "external_id", "starts_at", "procedure", "doctor", "status")
# The run with its patient, clinic, event and appointment in one query (Core rows: no ORM identity map).
_WORLD = (
    select(
        RUNS.c.id,
        RUNS.c.clinic_id,
        RUNS.c.patient_id,
        RUNS.c.status,
        RUNS.c.trigger_at,
        RUNS.c.workflow_version_id,
        *(PATIENTS.c[name].label(f"p_{name}") for name in _PATIENT_COLUMNS),
        PATIENTS.c.opted_out.label("p_opted_out"),  # what delivery decides on (runs.py claims new rows with it)
        WORKFLOWS.c.status.label("w_status"),
        CLINICS.c.id.label("c_id"),
        CLINICS.c.name.label("c_name"),
        CLINICS.c.settings.label("c_settings"),
        EVENTS.c.type.label("e_type"),
        EVENTS.c.external_id.label("e_external_id"),
        EVENTS.c.payload.label("e_payload"),
        *(APPOINTMENTS.c[name].label(f"a_{name}") for name in _APPOINTMENT_COLUMNS),
    )
    .select_from(RUNS)
    .outerjoin(PATIENTS, PATIENTS.c.id == RUNS.c.patient_id)
    .outerjoin(CLINICS, CLINICS.c.id == RUNS.c.clinic_id)
    .outerjoin(WORKFLOWS, WORKFLOWS.c.id == RUNS.c.workflow_id)
    .outerjoin(EVENTS, EVENTS.c.id == RUNS.c.event_id)
    .outerjoin(APPOINTMENTS, APPOINTMENTS.c.id == RUNS.c.appointment_id)
    .where(RUNS.c.id == bindparam("run"))
)


async def load_world(session: AsyncSession | AsyncConnection, run_id: int) -> Any:
    """The run's row with ``p_*`` (patient), ``c_*`` (clinic), ``e_*`` (event) and ``a_*`` (appointment) columns,
    or None. Through an ORM session it sees that session's unflushed changes (autoflush)."""
    if isinstance(session, AsyncConnection):
        return (await fast_sql.execute(session, _WORLD, {"run": run_id})).first()
    return (await session.execute(_WORLD, {"run": run_id})).first()


def _prefixed(row: Any, prefix: str) -> SimpleNamespace:
    return SimpleNamespace(**{k[len(prefix) :]: v for k, v in row._mapping.items() if k.startswith(prefix)})


def _event_view(world: Any) -> dict[str, Any]:
    if world.e_type is None:
        return {}
    return {"type": world.e_type, "external_id": world.e_external_id, **(world.e_payload or {})}


def _with_link(world: Any, now: datetime) -> dict[str, Any] | None:
    """The run's appointment with its patient link (``{{ appointment.confirm_link }}``: signed, expiring)."""
    if world.a_id is None:
        return None
    view = appointment_view(_prefixed(world, "a_"))
    if view is not None:
        view["confirm_link"] = confirm_link(world.clinic_id, world.a_id, world.a_starts_at, now)
    return view


async def world_data(
    session: AsyncSession,
    world: Any,
    now: datetime,
    event: Mapping[str, Any] | None = None,
    ledger: Mapping[str, bool | None] | None = None,
) -> RunData:
    """What executors see of a run (a :func:`load_world` row) at ``now``; ``event`` replaces the run's own
    event (an appointment move passes the reschedule); ``ledger``: the patient's :func:`consent_ledger` when the
    caller read it already. Raises LookupError when the patient or clinic is gone."""
    if world.p_id is None or world.c_id is None:
        raise LookupError(f"run {world.id}: patient or clinic is gone")
    if ledger is None:
        ledger = await consent_ledger(await session.connection(), world.patient_id)
    return RunData(
        now=now,
        trigger_at=world.trigger_at,
        patient=patient_view(_prefixed(world, "p_")),
        appointment=_with_link(world, now),
        clinic=clinic_view(_prefixed(world, "c_"), await approved_texts(session, world.clinic_id)),
        consents={purpose: bool(granted) for purpose, granted in ledger.items()},
        event=_event_view(world) if event is None else event,
    )


async def run_data(session: AsyncSession, run: Run, now: datetime, event: Mapping[str, Any]) -> RunData:
    world = await load_world(session, run.id)
    if world is None:
        raise LookupError(f"run {run.id} is gone")
    return await world_data(session, world, now, event)
