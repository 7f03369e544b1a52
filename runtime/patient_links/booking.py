"""Self-booking: a patient picks one of the clinic's open slots and gives name, mobile and consents.

One transaction through the normal event ingest: the ``appointment.booked`` event (external id ``web-<uuid>``),
with the consents recorded inside it (``within``) before any run starts — treatment consent is required for an
online booking, marketing is separate, optional and never pre-checked. The slot is checked again inside the
transaction, so two patients cannot take the same time.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.clock import SEOUL
from runtime.context import Runtime
from runtime.events import InvalidEvent, ingest
from runtime.patient_links.page import when_text
from runtime.patient_links.slots import open_slots
from storage.db import read_scope
from storage.models import Appointment, Clinic
from storage.patients.consents import record_consent
from storage.patients.service import normalize_mobile, upsert_patient

OPEN = ("booked", "confirmed")


class SlotTaken(Exception):
    """Someone booked the time between showing the form and sending it."""


@dataclass
class BookingForm:
    slot: str = ""
    name: str = ""
    phone: str = ""
    reason: str = ""
    treatment: bool = False
    marketing: bool = False
    errors: list[str] = field(default_factory=list)


async def clinic_by_slug(runtime: Runtime, slug: str) -> Clinic | None:
    async with read_scope(runtime.settings, None) as session:
        return (await session.execute(select(Clinic).where(Clinic.slug == slug))).scalar_one_or_none()


async def _taken(session: AsyncSession, now: datetime) -> list[datetime]:
    query = select(Appointment.starts_at).where(
        Appointment.status.in_(OPEN), Appointment.starts_at.is_not(None), Appointment.starts_at >= now
    )
    return [t for t in (await session.execute(query)).scalars() if t is not None]


async def slots_of(runtime: Runtime, clinic: Clinic) -> list[datetime]:
    now = runtime.clock.now()
    async with read_scope(runtime.settings, clinic.id) as session:
        return open_slots(clinic.settings or {}, now, await _taken(session, now))


def read_form(data: Mapping[str, Any]) -> BookingForm:
    def text(key: str, limit: int) -> str:
        return str(data.get(key) or "").strip()[:limit]

    return BookingForm(
        slot=text("slot", 40),
        name=text("name", 50),
        phone=text("phone", 20),
        reason=text("reason", 60),
        treatment=data.get("consent_treatment") == "yes",
        marketing=data.get("consent_marketing") == "yes",
    )


def _checked(form: BookingForm, slots: list[datetime]) -> datetime | None:
    chosen = next((s for s in slots if s.isoformat() == form.slot), None)
    if chosen is None:
        form.errors.append("예약 가능한 시간을 골라 주세요 / choose an available time")
    if not form.name:
        form.errors.append("이름을 입력해 주세요 / enter your name")
    if normalize_mobile(form.phone) is None:
        form.errors.append("휴대폰 번호를 확인해 주세요 (010-0000-0000) / check the mobile number")
    if not form.treatment:
        form.errors.append(
            "[필수] 개인정보 수집·이용에 동의해야 온라인 예약을 할 수 있습니다 / the required consent is needed to book online"
        )
    return chosen if not form.errors else None


async def book(runtime: Runtime, clinic: Clinic, form: BookingForm, *, dispatch: bool) -> str | None:
    """Book the form's slot; returns the appointment time as shown, or None with ``form.errors`` filled."""
    chosen = _checked(form, await slots_of(runtime, clinic))
    if chosen is None:
        return None
    now = runtime.clock.now()

    async def consents_and_slot(session: AsyncSession) -> None:
        if chosen in {t.astimezone(SEOUL) for t in await _taken(session, now)}:
            raise SlotTaken
        patient = await upsert_patient(session, chart_no=None, name=form.name, phone=form.phone)
        purposes = ["treatment", *(["marketing"] if form.marketing else [])]
        for purpose in purposes:
            await record_consent(
                session,
                patient,
                purpose=purpose,
                granted=True,
                method="web",
                occurred_at=now,
                recorded_by="self-booking",
            )

    appointment: dict[str, Any] = {"id": f"web-{uuid.uuid4().hex[:16]}", "starts_at": chosen.isoformat()}
    if form.reason:
        appointment["procedure"] = form.reason
    payload = {
        "type": "appointment.booked",
        "external_id": str(appointment["id"]),
        "occurred_at": now.isoformat(),
        "patient": {"name": form.name, "phone": form.phone},
        "appointment": appointment,
    }
    try:
        intake = await ingest(runtime, clinic.id, payload, dispatch=dispatch, within=consents_and_slot)
    except SlotTaken:
        form.errors.append("방금 다른 분이 예약한 시간입니다. 다른 시간을 골라 주세요 / that time was just taken")
        return None
    except InvalidEvent as exc:
        form.errors.extend(p.message for p in exc.problems)
        return None
    for run_id in intake.advance:
        runtime.dispatcher.advance(run_id)
    return when_text(chosen)
