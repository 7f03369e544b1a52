"""Patient records and the consent ledger, as the runtime and the API use them.

Name, phone, birth date and chart number are encrypted at rest (``storage/crypto.py``): rows are found
through their blind indexes, never by comparing the encrypted columns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import fast_sql
from storage.identity import (
    chart_index,
    chart_lookups,
    name_index,
    name_lookups,
    normalize_chart,
    normalize_mobile,
    phone_index,
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
    "upsert_patient_id",
]


def same_person(patient: Any, chart_no: str | None, name: str | None) -> bool:
    """Whether a patient found by phone (a Patient or a row with its columns) is the person described. Korean families share one phone (a
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
        _update(patient, chart_no=chart_no, name=name, phone=phone, birth_date=birth_date, sex=sex)
    patient.last_activity_at = activity_at or utcnow()
    await session.flush()
    return patient


def _update(
    patient: Patient,
    *,
    chart_no: str | None,
    name: str | None,
    phone: str | None,
    birth_date: date | None,
    sex: str | None,
) -> None:
    patient.chart_no = patient.chart_no or chart_no
    if name and name_index(name) != patient.name_index:
        patient.name = name
    patient.phone = phone or patient.phone
    patient.birth_date = birth_date or patient.birth_date
    patient.sex = sex or patient.sex


# The event intake's hot path (runtime/events.py): prebuilt Core statements with the clinic filter explicit.
PATIENTS = cast(Table, Patient.__table__)
_COLUMNS = (PATIENTS.c.id, PATIENTS.c.chart_no, PATIENTS.c.name_index)
_BY_CHART = (
    select(*_COLUMNS)
    .where(PATIENTS.c.clinic_id == bindparam("clinic"), PATIENTS.c.chart_index.in_(bindparam("keys", expanding=True)))
    .limit(1)
)
_BY_PHONE = select(*_COLUMNS).where(
    PATIENTS.c.clinic_id == bindparam("clinic"), PATIENTS.c.phone_index.in_(bindparam("keys", expanding=True))
)
_INSERT = insert(PATIENTS).returning(PATIENTS.c.id)


async def upsert_patient_id(
    session: AsyncSession,
    clinic_id: int,
    *,
    chart_no: str | None,
    name: str | None,
    phone: str | None,
    birth_date: date | None = None,
    sex: str | None = None,
) -> int:
    """:func:`upsert_patient` for a caller that needs only the id: found and inserted with prebuilt Core statements
    on the session's connection (a known patient is still updated through the ORM, which re-indexes what changes)."""
    phone = normalize_mobile(phone) if phone else None
    chart_no = normalize_chart(chart_no)
    connection = await session.connection()
    found: Any = None
    charts = chart_lookups(chart_no)
    if charts:
        found = (await fast_sql.execute(connection, _BY_CHART, {"clinic": clinic_id, "keys": charts})).first()
    phones = phone_lookups(phone) if found is None else []
    if phones:
        candidates = sorted(
            (await fast_sql.execute(connection, _BY_PHONE, {"clinic": clinic_id, "keys": phones})).all()
        )
        found = next((row for row in candidates if same_person(row, chart_no, name)), None)
    now = utcnow()
    if found is not None:
        patient = await session.get(Patient, found.id)
        assert patient is not None
        _update(patient, chart_no=chart_no, name=name, phone=phone, birth_date=birth_date, sex=sex)
        patient.last_activity_at = now
        await session.flush()
        return int(found.id)
    row: dict[str, Any] = {
        "clinic_id": clinic_id,
        "chart_no": chart_no,
        "name": name or "",
        "phone": phone,
        "birth_date": birth_date,
        "sex": sex,
        "tags": [],
        "opted_out": False,
        "last_activity_at": now,
        "chart_index": chart_index(chart_no),
        "phone_index": phone_index(phone),
        "name_index": name_index(name or ""),
        "created_at": now,
        "updated_at": now,
    }
    return int((await fast_sql.execute(connection, _INSERT, row)).scalar_one())
