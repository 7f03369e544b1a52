"""The caller's clinic settings as the checker and the runtime read them: stored values over the defaults."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Clinic
from storage.models.clinic import DEFAULT_SETTINGS


async def clinic_settings(session: AsyncSession) -> dict[str, Any]:
    """The settings of the session's clinic (night windows …), defaults filled in."""
    clinic_id = session.sync_session.info.get("clinic_id")
    clinic = await session.get(Clinic, clinic_id) if clinic_id is not None else None
    return {**DEFAULT_SETTINGS, **((clinic.settings or {}) if clinic is not None else {})}
