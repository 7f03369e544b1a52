"""The consent ledger: history kept, guardians for children, two-year re-confirmation, immediate opt-out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models import Consent
from storage.models.base import utcnow
from storage.models.consent import LedgerIsAppendOnly
from storage.patients.consents import (
    Guardian,
    GuardianRequired,
    consent_history,
    current_consents,
    needs_reconfirmation,
    patients_needing_reconfirmation,
    record_consent,
)
from storage.patients.optout import handle_inbound_optout, is_optout_text, opt_out
from storage.patients.service import get_patient, upsert_patient


async def test_the_ledger_keeps_every_entry_and_the_latest_wins(any_db_settings: Settings) -> None:
    async with session_scope(any_db_settings, 1) as session:
        patient = await upsert_patient(session, chart_no="A-1", name="김민지", phone="010-1234-5678")
        for granted, day in ((True, 1), (False, 2), (True, 3)):
            await record_consent(
                session, patient, purpose="marketing", granted=granted, method="kiosk",
                occurred_at=datetime(2026, 1, day, tzinfo=UTC), recorded_by="user:3", text_version="2026-11",
            )  # fmt: skip
        await record_consent(session, patient, purpose="treatment", granted=True, method="paper")
        history = await consent_history(session, patient.id)
        assert [(e.purpose, e.granted) for e in history] == [
            ("marketing", True), ("marketing", False), ("marketing", True), ("treatment", True),
        ]  # fmt: skip
        assert history[0].recorded_by == "user:3" and history[0].text_version == "2026-11"
        assert await current_consents(session, patient.id) == {"treatment": True, "marketing": True, "night_ads": False}
    await dispose_engines()


async def test_a_ledger_entry_cannot_be_rewritten(settings: Settings) -> None:
    with pytest.raises(LedgerIsAppendOnly):
        async with session_scope(settings, 1) as session:
            patient = await upsert_patient(session, chart_no="A-1", name="김민지", phone="010-1234-5678")
            entry = await record_consent(session, patient, purpose="marketing", granted=True, method="paper")
            entry.granted = False
            await session.flush()
    await dispose_engines()


async def test_a_child_under_14_consents_only_through_a_guardian(any_db_settings: Settings) -> None:
    async with session_scope(any_db_settings, 1) as session:
        today = utcnow().date()
        child = await upsert_patient(
            session, chart_no="K-1", name="정하늘", phone="010-5555-6666", birth_date=date(today.year - 8, 1, 1)
        )
        with pytest.raises(GuardianRequired) as refused:
            await record_consent(session, child, purpose="treatment", granted=True, method="paper")
        assert refused.value.problems[0].code == "guardian_required"
        entry = await record_consent(
            session, child, purpose="treatment", granted=True, method="paper", guardian=Guardian("정엄마", "모")
        )
        assert (entry.guardian_name, entry.guardian_relationship) == ("정엄마", "모")
        # Anyone may stop messages: a revocation needs no guardian.
        await record_consent(session, child, purpose="marketing", granted=False, method="staff")
        teen = await upsert_patient(
            session, chart_no="K-2", name="정바다", phone="010-5555-7777", birth_date=date(today.year - 15, 1, 1)
        )
        await record_consent(session, teen, purpose="marketing", granted=True, method="web")
    await dispose_engines()


async def test_marketing_consent_older_than_two_years_is_flagged_for_reconfirmation(any_db_settings: Settings) -> None:
    now = utcnow()
    async with session_scope(any_db_settings, 1) as session:
        old = await upsert_patient(session, chart_no="A-1", name="오래된", phone="010-1111-1111")
        fresh = await upsert_patient(session, chart_no="A-2", name="새로운", phone="010-2222-2222")
        revoked = await upsert_patient(session, chart_no="A-3", name="철회한", phone="010-3333-3333")
        long_ago = now - timedelta(days=800)
        await record_consent(session, old, purpose="marketing", granted=True, method="paper", occurred_at=long_ago)
        await record_consent(session, old, purpose="treatment", granted=True, method="paper", occurred_at=now)
        await record_consent(session, fresh, purpose="marketing", granted=True, method="paper", occurred_at=long_ago)
        await record_consent(session, fresh, purpose="marketing", granted=True, method="web", occurred_at=now)
        await record_consent(session, revoked, purpose="marketing", granted=True, method="paper", occurred_at=long_ago)
        await record_consent(session, revoked, purpose="marketing", granted=False, method="optout", occurred_at=now)
        assert await patients_needing_reconfirmation(session) == [old.id]
        assert needs_reconfirmation(await consent_history(session, old.id))
        assert not needs_reconfirmation(await consent_history(session, fresh.id))
    await dispose_engines()


@pytest.mark.parametrize(
    "text", ["수신거부", "광고 수신 거부합니다", "080 수신거부", "STOP", "문자 그만 보내세요", "거부"]
)
def test_optout_replies_are_recognised(text: str) -> None:
    assert is_optout_text(text)


@pytest.mark.parametrize("text", ["", "네 감사합니다", "예약 변경 부탁드려요", "stop by tomorrow?"])
def test_ordinary_replies_are_not_optouts(text: str) -> None:
    assert not is_optout_text(text)


async def test_an_inbound_optout_revokes_advertising_at_once(any_db_settings: Settings) -> None:
    # Given a patient who consented to marketing and night-time ads
    async with session_scope(any_db_settings, 1) as session:
        patient = await upsert_patient(session, chart_no="A-1", name="김민지", phone="010-1234-5678")
        for purpose in ("treatment", "marketing", "night_ads"):
            await record_consent(session, patient, purpose=purpose, granted=True, method="kiosk")
    # When they reply 수신거부 from their phone (any spelling of the number)
    async with session_scope(any_db_settings, 1) as session:
        assert await handle_inbound_optout(session, "+82 10-1234-5678", "수신거부") == [patient.id]
        assert await handle_inbound_optout(session, "010-9999-9999", "수신거부") == []
        assert await handle_inbound_optout(session, "01012345678", "감사합니다") == []
    # Then, in the very next transaction (the runtime's send-time check), advertising is revoked
    async with session_scope(any_db_settings, 1) as session:
        assert await current_consents(session, patient.id) == {
            "treatment": True,
            "marketing": False,
            "night_ads": False,
        }
        entries = list((await session.execute(select(Consent).where(Consent.method == "optout"))).scalars())
        assert {(e.purpose, e.granted, e.recorded_by) for e in entries} == {
            ("marketing", False, "inbound"), ("night_ads", False, "inbound"),
        }  # fmt: skip
    await dispose_engines()


async def test_a_staff_optout_can_stop_every_message(settings: Settings) -> None:
    async with session_scope(settings, 1) as session:
        patient = await upsert_patient(session, chart_no="A-1", name="김민지", phone="010-1234-5678")
        await record_consent(session, patient, purpose="marketing", granted=True, method="kiosk")
        assert await opt_out(session, patient, recorded_by="user:2", all_messages=True) == ["marketing", "night_ads"]
    async with session_scope(settings, 1) as session:
        assert (await current_consents(session, patient.id))["marketing"] is False
    async with session_scope(settings, 1) as session:
        again = await get_patient(session, patient.id)
        assert again is not None and again.opted_out
    await dispose_engines()
