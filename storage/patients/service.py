"""Patient records and the consent ledger, as the runtime and the API use them."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Consent, Patient
from storage.models.base import utcnow
from storage.models.consent import METHODS, PURPOSES


def normalize_mobile(raw: str) -> str | None:
    """Korean mobile number as digits (``01012345678``), or None when it is not a mobile number."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("82"):
        digits = "0" + digits[2:].lstrip("0")
    return digits if re.fullmatch(r"01[016789]\d{7,8}", digits) else None


async def find_patient(session: AsyncSession, chart_no: str | None = None, phone: str | None = None) -> Patient | None:
    """By chart number first, then by phone number (the two ways EMR data identifies a patient)."""
    if chart_no:
        found = (await session.execute(select(Patient).where(Patient.chart_no == chart_no))).scalar_one_or_none()
        if found is not None:
            return found
    if phone:
        query = select(Patient).where(Patient.phone == phone).order_by(Patient.id).limit(1)
        return (await session.execute(query)).scalar_one_or_none()
    return None


async def upsert_patient(
    session: AsyncSession,
    *,
    chart_no: str | None,
    name: str | None,
    phone: str | None,
    birth_date: date | None = None,
    sex: str | None = None,
) -> Patient:
    """Find the patient by chart number or phone and update what is given, or create one."""
    phone = normalize_mobile(phone) if phone else None
    patient = await find_patient(session, chart_no, phone)
    if patient is None:
        patient = Patient(chart_no=chart_no, name=name or "", phone=phone, birth_date=birth_date, sex=sex)
        session.add(patient)
    else:
        patient.chart_no = patient.chart_no or chart_no
        patient.name = name or patient.name
        patient.phone = phone or patient.phone
        patient.birth_date = birth_date or patient.birth_date
        patient.sex = sex or patient.sex
    patient.last_activity_at = utcnow()
    await session.flush()
    return patient


async def record_consent(
    session: AsyncSession,
    patient: Patient,
    *,
    purpose: str,
    granted: bool,
    method: str,
    occurred_at: datetime | None = None,
    recorded_by: str | None = None,
    text_version: str | None = None,
) -> Consent:
    """Append one entry to the patient's consent ledger (never overwritten)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    if method not in METHODS:
        raise ValueError(f"unknown consent method {method!r}")
    entry = Consent(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        purpose=purpose,
        granted=granted,
        method=method,
        occurred_at=occurred_at or utcnow(),
        recorded_by=recorded_by,
        text_version=text_version,
    )
    session.add(entry)
    await session.flush()
    return entry


async def current_consents(session: AsyncSession, patient_id: int) -> dict[str, bool]:
    """Purpose -> granted now (the latest ledger entry wins; no entry means not granted)."""
    query = select(Consent).where(Consent.patient_id == patient_id).order_by(Consent.occurred_at, Consent.id)
    state: dict[str, Any] = dict.fromkeys(PURPOSES, False)
    for entry in (await session.execute(query)).scalars():
        state[entry.purpose] = entry.granted
    return state
