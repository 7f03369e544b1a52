"""Reschedule requests: recorded by the patient link (once per appointment while one is open), listed for the
staff, resolved by rescheduling the appointment through the book (the normal ``appointment.rescheduled``
event, so waiting reminders move) or dismissed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.procedures import ProcedureEntry
from nodes.timeutil import SEOUL
from runtime.appointments.book import view
from runtime.reschedule_requests.schemas import RequestStatus, RescheduleRequestView
from storage.accounts.names import actor_names
from storage.errors import ApiError, Problem, not_found
from storage.models import Appointment, Patient, RescheduleRequest
from storage.procedures.catalogue import load_catalogue

LIST_LIMIT = 500


async def record_request(session: AsyncSession, appointment: Appointment, now: datetime) -> bool:
    """An open request for the appointment (False: one is open already, nothing new)."""
    open_one = select(RescheduleRequest.id).where(
        RescheduleRequest.appointment_id == appointment.id, RescheduleRequest.status == "open"
    )
    if (await session.execute(open_one)).first() is not None:
        return False
    session.add(
        RescheduleRequest(
            clinic_id=appointment.clinic_id,
            appointment_id=appointment.id,
            patient_id=appointment.patient_id,
            requested_at=now,
            original_starts_at=appointment.starts_at,
            status="open",
        )
    )
    await session.flush()
    return True


async def open_count(session: AsyncSession, clinic_id: int) -> int:
    query = select(func.count()).where(RescheduleRequest.clinic_id == clinic_id, RescheduleRequest.status == "open")
    return int((await session.execute(query)).scalar_one())


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(SEOUL).isoformat() if moment else None


async def list_requests(session: AsyncSession, clinic_id: int, status: str | None) -> list[RescheduleRequestView]:
    """Open ones first by request time (oldest first: they have waited longest), then the handled ones."""
    query = (
        select(RescheduleRequest, Appointment, Patient)
        .join(Appointment, Appointment.id == RescheduleRequest.appointment_id)
        .join(Patient, Patient.id == RescheduleRequest.patient_id)
        .where(RescheduleRequest.clinic_id == clinic_id, Patient.erased_at.is_(None))
        .order_by((RescheduleRequest.status != "open"), RescheduleRequest.requested_at, RescheduleRequest.id)
        .limit(LIST_LIMIT)
    )
    if status:
        query = query.where(RescheduleRequest.status == status)
    rows = (await session.execute(query)).all()
    catalogue = await load_catalogue(session, clinic_id)
    names = await actor_names(session, [request.resolved_by for request, _, _ in rows])
    return [request_view(r, a, p, catalogue, names) for r, a, p in rows]


def request_view(
    request: RescheduleRequest,
    appointment: Appointment,
    patient: Patient,
    catalogue: Sequence[ProcedureEntry] = (),
    names: Mapping[str, str] | None = None,
) -> RescheduleRequestView:
    who = request.resolved_by
    return {
        "id": request.id,
        "status": cast(RequestStatus, request.status),
        "requested_at": _iso(request.requested_at) or "",
        "original_starts_at": _iso(request.original_starts_at),
        "resolved_at": _iso(request.resolved_at),
        "resolved_by": (names or {}).get(who, who) if who else None,
        "appointment": view(appointment, patient, catalogue),
    }


async def request_with(session: AsyncSession, request_id: int) -> tuple[RescheduleRequest, Appointment, Patient]:
    """A request of the session's clinic, its appointment and patient; 404 when any is gone."""
    request = (
        await session.execute(select(RescheduleRequest).where(RescheduleRequest.id == request_id))
    ).scalar_one_or_none()
    if request is None:
        raise not_found("변경 요청", "reschedule request")
    appointment = await session.get(Appointment, request.appointment_id)
    patient = await session.get(Patient, request.patient_id)
    if appointment is None or patient is None or patient.erased_at is not None:
        raise not_found("예약", "appointment")
    return request, appointment, patient


async def open_request(session: AsyncSession, request_id: int) -> tuple[RescheduleRequest, Appointment, Patient]:
    """The request to act on, its appointment and patient; 404 unknown, 409 already handled."""
    request, appointment, patient = await request_with(session, request_id)
    if request.status != "open":
        raise ApiError(
            409,
            [
                Problem(
                    "already_resolved",
                    "이미 처리된 변경 요청입니다 / this reschedule request has already been handled",
                    path="/status",
                )
            ],
        )
    return request, appointment, patient


def resolve(request: RescheduleRequest, status: RequestStatus, who: str, now: datetime) -> None:
    request.status, request.resolved_by, request.resolved_at = status, who[:100], now
