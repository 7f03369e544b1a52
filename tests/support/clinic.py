"""A test clinic that is ready to send, as a real one would be after setting up (issue 15's gates):

- its profile is filled in (phone, address, 080 opt-out, sender number), so ``{{ clinic.* }}`` renders and
  MSG-EMPTY-VARIABLE stays quiet;
- it holds Kakao-approved copies of the whole AlimTalk library (copied → submitted → approved through the
  template lifecycle), so workflows using library codes pass KAKAO-TEMPLATE-UNAPPROVED and send;
- ``signoff_required_for_ads`` is OFF: tests about something else publish advertising workflows without a
  reviewer. The gates themselves are tested on clinics without this (tests/clinic_gates/).

Idempotent: the default clinic may already exist (the app's start-up creates it). Tests about the template
lifecycle itself start from a clinic without copies: ``pytest.mark.own_templates`` (tests/conftest.py sets
:data:`APPROVE_LIBRARY` off for them).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.alimtalk_templates import store
from storage.config import Settings
from storage.db import session_scope
from storage.models import AlimTalkTemplateRow, Clinic
from storage.tenancy import Caller

APPROVE_LIBRARY = True  # off under pytest.mark.own_templates and pytest.mark.gates
READY = True  # off under pytest.mark.gates: the clinic is left as a new one

TEST_PROFILE = {
    "phone": "02-123-4567",
    "address": "서울특별시 강남구 테헤란로 1",
    "optout_number": "080-123-4567",
    "sender_numbers": ["02-123-4567"],
    "sender_number": "021234567",
    "signoff_required_for_ads": False,
}


async def approve_library_copies(session: AsyncSession, clinic_id: int) -> None:
    """Copy, submit and approve every library template the clinic has no copy of yet."""
    caller = Caller(clinic_id=clinic_id, actor="test")
    held = set((await session.execute(select(AlimTalkTemplateRow.code))).scalars())
    for code in store.load_library():
        if code in held:
            continue
        await store.copy_from_library(session, caller, code)
        await store.transition(session, caller, code, "submit")
        await store.transition(session, caller, code, "approve")


async def ready_clinic(settings: Settings, clinic_id: int) -> None:
    """Fill the test profile (once) and hold approved copies of the library."""
    if not READY:
        return
    async with session_scope(settings, clinic_id) as session:
        clinic = await session.get(Clinic, clinic_id)
        assert clinic is not None
        if "ready_for_tests" not in (clinic.settings or {}):
            clinic.settings = {**(clinic.settings or {}), **TEST_PROFILE, "ready_for_tests": True}
            if APPROVE_LIBRARY:
                await approve_library_copies(session, clinic_id)
