"""수신거부 (opt-out): a staff action or an inbound reply revokes advertising consent at once.

The ledger gets entries with method ``optout`` for marketing and night-time ads; the runtime re-checks
consent when it sends, so pending advertising messages are skipped from that moment on.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.identity import phone_lookups
from storage.models import Patient
from storage.patients.consents import revoke_advertising

# What patients actually reply: "수신거부", "광고 거부", "문자 그만", "STOP", "거부" …
OPTOUT_WORDS = ("수신거부", "수신차단", "광고거부", "광고차단", "문자거부", "문자그만", "그만보내", "거부", "차단")
OPTOUT_ENGLISH = ("stop", "unsubscribe", "optout")


def is_optout_text(text: str | None) -> bool:
    compact = re.sub(r"[\s\W_]", "", unicodedata.normalize("NFKC", text or "")).lower()
    if not compact:
        return False
    return any(word in compact for word in OPTOUT_WORDS) or compact in OPTOUT_ENGLISH


async def opt_out(
    session: AsyncSession,
    patient: Patient,
    *,
    recorded_by: str,
    all_messages: bool = False,
    at: datetime | None = None,
) -> list[str]:
    """Revoke marketing and night-ads consent now (or ``at``); ``all_messages`` also stops informational
    messages."""
    entries = await revoke_advertising(session, patient, recorded_by=recorded_by, at=at)
    if all_messages and not patient.opted_out:
        patient.opted_out = True
        await session.flush()
    return [e.purpose for e in entries]


async def handle_inbound_optout(session: AsyncSession, phone: str, text: str, at: datetime | None = None) -> list[int]:
    """For provider webhooks: when ``text`` asks to stop, revoke advertising consent of every patient with
    this phone number (in the session's clinic — scope the session to the clinic that owns the receiving
    number). ``at`` is when the reply was received (default: now; the runtime passes its clock). Returns the ids
    of the patients opted out; [] when the text is not an opt-out or nobody matches."""
    lookups = phone_lookups(phone)
    if not lookups or not is_optout_text(text):
        return []
    query = select(Patient).where(Patient.phone_index.in_(lookups), Patient.erased_at.is_(None))
    patients = sorted((await session.execute(query)).scalars(), key=lambda p: p.id)
    for patient in patients:
        await opt_out(session, patient, recorded_by="inbound", at=at)
    return [p.id for p in patients]
