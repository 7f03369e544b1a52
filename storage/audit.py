"""Write audit entries. ``detail`` holds ids and counts only — never names, phones or message text."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry
from storage.tenancy import Caller


def record(session: AsyncSession, caller: Caller, action: str, target: str | None = None, **detail: Any) -> AuditEntry:
    entry = AuditEntry(
        clinic_id=caller.clinic_id,
        actor=caller.actor,
        action=action,
        target=target,
        ip=caller.ip,
        detail=detail,
    )
    session.add(entry)
    return entry
