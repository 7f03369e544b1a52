"""Patient links: a reminder carries a signed, expiring link; the patient confirms or cancels on the public page
(real app, real SQLite, the real runtime on a virtual clock); a cancel cancels the pending reminder."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from runtime.context import Runtime
from runtime.patient_links.tokens import InvalidLink, make_token, read_token
from server import create_app
from storage.db import session_scope
from storage.models import Appointment, Run
from tests.support.documents import event, workflow
from tests.support.runtime import outbox, publish_document, start

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
LATER = {"id": "apt-900", "starts_at": "2027-01-10T14:30:00+09:00", "procedure": "cataract"}
CONFIRM_THEN_REMIND = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "ask",
            "type": "send.sms",
            "params": {"text": "예약 확인: {{ appointment.confirm_link }}", "purpose": "informational"},
        },
        {"id": "d1", "type": "wait.until", "params": {"anchor": "appointment", "offset_days": -1, "at": "18:00"}},
        {
            "id": "remind",
            "type": "send.sms",
            "params": {"text": "내일 예약이 있습니다.", "purpose": "informational"},
        },
    ],
    [("start", "ask"), ("ask", "d1"), ("d1", "remind")],
    name="확인 링크 + D-1",
)


def test_a_token_names_its_clinic_and_appointment_until_it_expires() -> None:
    token = make_token(3, 77, NOW + timedelta(days=1))
    claims = read_token(token, NOW)
    assert (claims.clinic_id, claims.appointment_id) == (3, 77)
    assert len(token) < 50 and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    try:
        read_token(token, NOW + timedelta(days=2))
        raise AssertionError("an expired token was accepted")
    except InvalidLink as exc:
        assert exc.expired


@hsettings(max_examples=200, deadline=None)
@given(position=st.integers(min_value=0, max_value=43), replacement=st.sampled_from("AbZ09_-"))
def test_any_altered_character_is_refused(position: int, replacement: str) -> None:
    token = make_token(1, 5, NOW + timedelta(days=1))
    altered = token[:position] + replacement + token[position + 1 :]
    if altered == token:
        return
    try:
        read_token(altered, NOW)
    except InvalidLink as exc:
        assert not exc.expired or altered[:22] != token[:22]
        return
    raise AssertionError(f"altered token accepted: {altered}")


@given(st.text(max_size=80))
def test_garbage_is_refused_never_raises_anything_else(text: str) -> None:
    try:
        read_token(text, NOW)
    except InvalidLink:
        return


def _link(text: str) -> str:
    found = re.search(r"https?://\S+/p/([A-Za-z0-9_-]+)", text)
    assert found, text
    return found.group(1)


async def test_patient_cancels_from_the_link_and_the_pending_reminder_is_cancelled(rt: Runtime, clinic_id: int) -> None:
    # Given a booking whose workflow sends the confirm link now and a reminder on D-1
    await publish_document(rt.settings, clinic_id, CONFIRM_THEN_REMIND)
    [run_id] = await start(rt, clinic_id, event("appointment.booked", "naver-900", appointment=LATER))
    [message] = await outbox(rt)
    token = _link(message.text)
    async with AsyncTestClient(app=create_app(rt.settings)) as client:
        # When the patient opens the link: the page shows the appointment, masked name, no log-in
        page = await client.get(f"/p/{token}")
        assert page.status_code == 200
        assert "2027년 1월 10일 (일) 오후 2:30" in page.text and "김*지" in page.text
        assert page.headers["cache-control"] == "no-store"
        # When they tap cancel: one more confirmation first, nothing changed yet
        asked = await client.post(f"/p/{token}", data={"action": "cancel"})
        assert "정말 예약을 취소할까요?" in asked.text
        async with session_scope(rt.settings, None) as session:
            assert (await session.execute(select(Run.status).where(Run.id == run_id))).scalar_one() == "waiting"
        done = await client.post(f"/p/{token}", data={"action": "cancel", "sure": "yes"})
        assert "예약이 취소되었습니다" in done.text
        # A second tap changes nothing
        again = await client.post(f"/p/{token}", data={"action": "cancel", "sure": "yes"})
        assert "이미 처리된 예약입니다" in again.text
    # Then the appointment is cancelled and so is the run waiting for D-1: the reminder is never sent
    async with session_scope(rt.settings, None) as session:
        assert (await session.execute(select(Run.status).where(Run.id == run_id))).scalar_one() == "cancelled"
        status = (await session.execute(select(Appointment.status))).scalar_one()
        assert status == "cancelled"
    assert [m.node_id for m in await outbox(rt)] == ["ask"]


async def test_patient_confirms_and_bad_links_are_refused(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, CONFIRM_THEN_REMIND)
    await start(rt, clinic_id, event("appointment.booked", "naver-901", appointment={**LATER, "id": "apt-901"}))
    token = _link((await outbox(rt))[0].text)
    async with AsyncTestClient(app=create_app(rt.settings)) as client:
        done = await client.post(f"/p/{token}", data={"action": "confirm"})
        assert "예약이 확정되었습니다" in done.text
        async with session_scope(rt.settings, None) as session:
            assert (await session.execute(select(Appointment.status))).scalar_one() == "confirmed"
        # A confirmed appointment may still be cancelled from the same link, and is not offered "confirm" again
        # (found in the user trial: the big blue 예약 확정하기 stayed under "예약이 확정되었습니다")
        assert 'data-testid="link-confirm"' not in done.text
        again = (await client.get(f"/p/{token}")).text
        assert 'data-testid="link-cancel"' in again and 'data-testid="link-confirm"' not in again
        reschedule = await client.post(f"/p/{token}", data={"action": "reschedule"})
        assert "변경 요청을 받았습니다" in reschedule.text
        tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        assert (await client.get(f"/p/{tampered}")).status_code == 404
        expired = make_token(clinic_id, 1, datetime.now(UTC) - timedelta(seconds=1))
        answer = await client.get(f"/p/{expired}")
        assert answer.status_code == 410 and "만료" in answer.text


async def test_the_page_is_rate_limited(rt: Runtime, clinic_id: int) -> None:
    async with AsyncTestClient(app=create_app(rt.settings)) as client:
        codes = [(await client.get("/p/not-a-real-token-000000000000")).status_code for _ in range(62)]
    assert codes[0] == 404 and codes[-1] == 429
