"""Patient records and the consent ledger, as the runtime and the API use them.

Name, phone, birth date and chart number are encrypted at rest (``storage/crypto.py``): rows are found
through their blind indexes, never by comparing the encrypted columns.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.identity import (
    chart_lookups,
    name_index,
    name_lookups,
    normalize_chart,
    normalize_mobile,
    phone_lookups,
)
from storage.models import Patient
from storage.models.base import utcnow
from storage.patients.consents import current_consents, record_consent

__all__ = [
    "current_consents",
    "find_patient",
    "get_patient",
    "normalize_mobile",
    "record_consent",
    "same_person",
    "upsert_patient",
]


def same_person(patient: Patient, chart_no: str | None, name: str | None) -> bool:
    """Whether a patient found by phone is the person described. Korean families share one phone (a
    child's number is often the mother's), so a different chart number or a different name is someone else."""
    chart = normalize_chart(chart_no)
    if chart and patient.chart_no and normalize_chart(patient.chart_no) != chart:
        return False
    return not (name and patient.name_index and patient.name_index not in name_lookups(name))


async def find_patient(
    session: AsyncSession, chart_no: str | None = None, phone: str | None = None, name: str | None = None
) -> Patient | None:
    """By chart number first, then by phone number (the two ways EMR data identifies a patient)."""
    charts = chart_lookups(chart_no)
    if charts:
        # No ORDER BY in these lookups: SQLite would then walk the clinic's index instead of the blind index.
        query = select(Patient).where(Patient.chart_index.in_(charts)).limit(1)
        found = (await session.execute(query)).scalar_one_or_none()
        if found is not None:
            return found
    phones = phone_lookups(phone)
    if phones:
        query = select(Patient).where(Patient.phone_index.in_(phones))
        for candidate in sorted((await session.execute(query)).scalars(), key=lambda p: p.id):
            if same_person(candidate, chart_no, name):
                return candidate
    return None


async def get_patient(session: AsyncSession, patient_id: int) -> Patient | None:
    """A patient of the session's clinic by id (tenancy filters other clinics' rows)."""
    return (await session.execute(select(Patient).where(Patient.id == patient_id))).scalar_one_or_none()


async def upsert_patient(
    session: AsyncSession,
    *,
    chart_no: str | None,
    name: str | None,
    phone: str | None,
    birth_date: date | None = None,
    sex: str | None = None,
    activity_at: datetime | None = None,
) -> Patient:
    """Find the patient by chart number or phone and update what is given, or create one."""
    phone = normalize_mobile(phone) if phone else None
    chart_no = normalize_chart(chart_no)
    patient = await find_patient(session, chart_no, phone, name)
    if patient is None:
        patient = Patient(chart_no=chart_no, name=name or "", phone=phone, birth_date=birth_date, sex=sex)
        session.add(patient)
    else:
        patient.chart_no = patient.chart_no or chart_no
        if name and name_index(name) != patient.name_index:
            patient.name = name
        patient.phone = phone or patient.phone
        patient.birth_date = birth_date or patient.birth_date
        patient.sex = sex or patient.sex
    patient.last_activity_at = activity_at or utcnow()
    await session.flush()
    return patient
