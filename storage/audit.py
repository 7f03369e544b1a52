"""Write audit entries. ``detail`` holds ids and counts only — never names, phones or message text.

Actions in use (``action``): ``auth.login``, ``auth.login_failed``, ``auth.login_locked``, ``auth.logout``,
``auth.password_set``, ``token.create``, ``token.revoke``, ``token.use``, ``workflow.create|update|archive|
publish``, ``signoff``, ``patient.read``, ``patient.export``, ``patient.erase``, ``clinic.create``,
``user.create``. Patient reads are recorded per request (``target`` "patient:9" or a count in ``detail``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry
from storage.tenancy import Caller

# Keys that would carry personal data: refused so that a slip shows up in tests, not in the log.
PERSONAL_KEYS = frozenset({"name", "phone", "email", "text", "message", "birth_date", "address", "password"})


def record(session: AsyncSession, caller: Caller, action: str, target: str | None = None, **detail: Any) -> AuditEntry:
    """Record what ``caller`` did (clinic, actor and address come from the caller)."""
    # Platform admins act for no clinic (clinic_id 0 in their Caller): their entries have no clinic.
    return record_for(session, caller.clinic_id or None, caller.actor, action, target, caller.ip, **detail)


def record_for(
    session: AsyncSession,
    clinic_id: int | None,
    actor: str,
    action: str,
    target: str | None = None,
    ip: str | None = None,
    **detail: Any,
) -> AuditEntry:
    """Record an event without a Caller (log-in attempts, signed webhooks)."""
    personal = PERSONAL_KEYS.intersection(detail)
    if personal:
        raise ValueError(f"audit detail must not hold personal data: {sorted(personal)}")
    entry = AuditEntry(clinic_id=clinic_id, actor=actor, action=action, target=target, ip=ip, detail=detail)
    session.add(entry)
    return entry
