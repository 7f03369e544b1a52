"""Reading the appointment book: a date range with filters, one appointment with the runs and messages it caused."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.procedures import ProcedureEntry
from nodes.timeutil import SEOUL
from runtime.appointments.changes import NEXT_STATUSES
from runtime.appointments.schemas import AppointmentDetail, AppointmentStatus, AppointmentView
from runtime.schemas import RunSummary
from runtime.views import message_view, run_summary
from storage.identity import mask_name, mask_phone
from storage.models import Appointment, Event, OutboxMessage, Patient, Run, Workflow
from storage.procedures.catalogue import load_catalogue

MAX_DAYS = 93  # one query covers at most about a quarter


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=SEOUL)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(SEOUL).isoformat() if moment is not None else None


def view(
    appointment: Appointment,
    patient: Patient,
    catalogue: Sequence[ProcedureEntry],
    runs: int = 0,
    messages: int = 0,
) -> AppointmentView:
    entry = next((e for e in catalogue if e.code == appointment.procedure), None)
    return {
        "id": appointment.id,
        "external_id": appointment.external_id,
        "patient": {
            "id": patient.id,
            "chart_no": patient.chart_no,
            "name": mask_name(patient.name),
            "phone": mask_phone(patient.phone),
        },
        "starts_at": _iso(appointment.starts_at),
        "procedure": appointment.procedure or appointment.procedure_text,
        "procedure_name": entry.name_ko if entry else appointment.procedure_text,
        "procedure_unknown": appointment.procedure_unknown,
        "doctor": appointment.doctor,
        "status": cast(AppointmentStatus, appointment.status),
        "runs": runs,
        "messages": messages,
    }


async def list_book(
    session: AsyncSession,
    clinic_id: int,
    first: date,
    last: date,
    *,
    doctor: str | None = None,
    procedure: str | None = None,
    status: str | None = None,
) -> list[AppointmentView]:
    """Appointments starting from ``first`` to ``last`` (inclusive, Seoul days), in time order."""
    query = (
        select(Appointment, Patient)
        .join(Patient, Patient.id == Appointment.patient_id)
        .where(
            Appointment.clinic_id == clinic_id,
            Appointment.starts_at >= day_start(first),
            Appointment.starts_at < day_start(last + timedelta(days=1)),
        )
        .order_by(Appointment.starts_at, Appointment.id)
    )
    if status:
        query = query.where(Appointment.status == status)
    # doctor and procedure are ciphertexts (docs/privacy/at-rest.md): compared here, once decrypted
    rows = [
        (a, p)
        for a, p in (await session.execute(query)).all()
        if (not doctor or a.doctor == doctor) and (not procedure or procedure in (a.procedure, a.procedure_text))
    ]
    ids = [a.id for a, _ in rows]
    runs, messages = await _counts(session, ids)
    catalogue = await load_catalogue(session, clinic_id)
    return [view(a, p, catalogue, runs.get(a.id, 0), messages.get(a.id, 0)) for a, p in rows]


async def _counts(session: AsyncSession, ids: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    if not ids:
        return {}, {}
    runs_query = (
        select(Run.appointment_id, func.count()).where(Run.appointment_id.in_(ids)).group_by(Run.appointment_id)
    )
    messages_query = (
        select(Run.appointment_id, func.count())
        .join(OutboxMessage, OutboxMessage.run_id == Run.id)
        .where(Run.appointment_id.in_(ids))
        .group_by(Run.appointment_id)
    )
    runs: dict[int, int] = {k: v for k, v in (await session.execute(runs_query)).all() if k is not None}
    messages: dict[int, int] = {k: v for k, v in (await session.execute(messages_query)).all() if k is not None}
    return runs, messages


async def appointment_detail(session: AsyncSession, clinic_id: int, appointment_id: int) -> AppointmentDetail | None:
    found = (
        await session.execute(
            select(Appointment, Patient)
            .join(Patient, Patient.id == Appointment.patient_id)
            .where(Appointment.id == appointment_id, Appointment.clinic_id == clinic_id)
        )
    ).first()
    if found is None:
        return None
    appointment, patient = found[0], found[1]
    run_rows = (
        await session.execute(
            select(Run, Workflow.name, Event.type)
            .join(Workflow, Workflow.id == Run.workflow_id)
            .outerjoin(Event, Event.id == Run.event_id)
            .where(Run.appointment_id == appointment_id)
            .order_by(Run.id)
        )
    ).all()
    run_ids = [run.id for run, _, _ in run_rows]
    outbox: list[OutboxMessage] = []
    if run_ids:
        outbox = list(
            (
                await session.execute(
                    select(OutboxMessage).where(OutboxMessage.run_id.in_(run_ids)).order_by(OutboxMessage.id)
                )
            ).scalars()
        )
    events = (
        await session.execute(
            select(Event.type, Event.occurred_at).where(Event.appointment_id == appointment_id).order_by(Event.id)
        )
    ).all()
    catalogue = await load_catalogue(session, clinic_id)
    base: dict[str, Any] = dict(view(appointment, patient, catalogue, len(run_rows), len(outbox)))
    run_list: list[RunSummary] = [
        run_summary(run, patient, event_type, workflow_name=name) for run, name, event_type in run_rows
    ]
    base["run_list"] = run_list
    # The book masks its patient (김*지, 010-****-5678), so the texts of the messages she was sent do too: the front
    # desk reads them to answer "did it go?", and the run's own page (audited per run) shows a text as sent.
    base["message_list"] = [message_view(row, patient, mask=True) for row in outbox]
    base["events"] = [{"type": t, "occurred_at": _iso(at)} for t, at in events]
    base["next_statuses"] = list(NEXT_STATUSES.get(appointment.status, ()))
    return cast(AppointmentDetail, base)
