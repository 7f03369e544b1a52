"""Read a run's world from the database: its graph (cached per published version), patient, consents …"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from runtime.interpreter import Graph, RunData
from storage.alimtalk_templates.store import approved_texts
from storage.models import Appointment, Clinic, Consent, Patient, Run, WorkflowVersion
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
    for purpose, granted in (await session.execute(_LEDGER, {"patient": patient_id})).all():
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
    """The clinic as executors and templates see it: defaults, its settings, its AlimTalk template bodies
    (the shipped library first, then the clinic's own approved templates ``approved`` — what the publish gate
    checked — over it)."""
    settings = {**DEFAULT_SETTINGS, **(clinic.settings or {})}
    templates = {**_library_texts(), **(settings.get("alimtalk_templates") or {}), **(approved or {})}
    return {**settings, "alimtalk_templates": templates, "name": clinic.name}


async def run_data(session: AsyncSession, run: Run, now: datetime, event: Mapping[str, Any]) -> RunData:
    patient = await session.get(Patient, run.patient_id)
    clinic = await session.get(Clinic, run.clinic_id)
    if patient is None or clinic is None:
        raise LookupError(f"run {run.id}: patient or clinic is gone")
    appointment = await session.get(Appointment, run.appointment_id) if run.appointment_id else None
    ledger = await consent_ledger(session, patient.id)
    return RunData(
        now=now,
        trigger_at=run.trigger_at,
        patient=patient_view(patient),
        appointment=appointment_view(appointment),
        clinic=clinic_view(clinic, await approved_texts(session, clinic.id)),
        consents={purpose: bool(granted) for purpose, granted in ledger.items()},
        event=event,
    )
