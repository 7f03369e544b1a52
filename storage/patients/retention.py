"""Retention: erase patients inactive longer than the clinic's ``retention_days`` setting.

Unset (the default) means no automatic erasure. Activity is the last import, event or visit touching the
patient (``last_activity_at``), or the creation time when there was none.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Clinic, Patient
from storage.models.base import utcnow
from storage.patients.rights import erase_patient
from storage.tenancy import Caller


async def retention_days(session: AsyncSession, clinic_id: int) -> int | None:
    clinic = await session.get(Clinic, clinic_id)
    value = clinic.setting("retention_days") if clinic else None
    return int(value) if value else None


async def inactive_patients(session: AsyncSession, clinic_id: int, before: datetime) -> list[Patient]:
    query = (
        select(Patient)
        .where(
            Patient.clinic_id == clinic_id,
            Patient.erased_at.is_(None),
            func.coalesce(Patient.last_activity_at, Patient.created_at) < before,
        )
        .order_by(Patient.id)
    )
    return list((await session.execute(query)).scalars())


async def apply_retention(
    session: AsyncSession, caller: Caller, *, now: datetime | None = None, dry_run: bool = False
) -> dict[str, int | None]:
    """Erase the clinic's patients inactive for longer than ``retention_days``; report how many."""
    days = await retention_days(session, caller.clinic_id)
    if not days:
        return {"retention_days": None, "erased": 0}
    due = await inactive_patients(session, caller.clinic_id, (now or utcnow()) - timedelta(days=days))
    if not dry_run:
        for patient in due:
            await erase_patient(session, caller, patient, reason="retention")
    return {"retention_days": days, "erased": len(due)}
