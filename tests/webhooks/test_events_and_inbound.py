"""Booking events and inbound SMS replies through the signed webhook routes of the real app."""

from __future__ import annotations

import time
from datetime import timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select

from runtime.context import Runtime
from runtime.inline import run_until, settle
from storage.accounts.webhooks import SIGNATURE_HEADER
from storage.db import session_scope
from storage.models import Event, OutboxMessage, Run
from tests.support.documents import BOOKED, MARKETING, REMINDER, START, event
from tests.support.runtime import publish_document
from tests.support.webhooks import signed

EVENTS = "/api/webhooks/default/events"
INBOUND = "/api/webhooks/default/inbound"


async def count(rt: Runtime, model: type) -> int:
    async with session_scope(rt.settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_signed_booking_event_starts_one_run_and_a_duplicate_answers_the_original(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str
) -> None:
    # Given the published D-1 reminder
    await publish_document(rt.settings, clinic_id, REMINDER)
    payload = event("appointment.booked", "naver-1", appointment=BOOKED)
    # When the booking system posts the event, signed
    body, headers = signed(payload, secret)
    first = await app_client.post(EVENTS, content=body, headers=headers)
    # Then a run starts, exactly as through POST /api/events
    assert first.status_code == 201, first.text
    assert len(first.json()["runs"]) == 1
    await settle(rt)
    # When the same event is delivered again (freshly signed: a retry, not a replay)
    body, headers = signed(payload, secret, int(time.time()) + 1)
    again = await app_client.post(EVENTS, content=body, headers=headers)
    # Then it answers 200 with the original result and starts nothing
    assert again.status_code == 200, again.text
    assert again.json()["runs"] == first.json()["runs"] and again.json()["duplicate"] is True
    assert await count(rt, Run) == 1


async def test_unsigned_forged_stale_and_replayed_events_change_nothing(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str
) -> None:
    await publish_document(rt.settings, clinic_id, REMINDER)
    payload = event("appointment.booked", "naver-2", appointment=BOOKED)
    body, headers = signed(payload, secret)
    refusals = {
        "signature_missing": {"content-type": "application/json"},
        "signature_invalid": signed(payload, "whsec_guess")[1],
        "signature_expired": signed(payload, secret, int(time.time()) - 600)[1],
    }
    for code, bad in refusals.items():
        answer = await app_client.post(EVENTS, content=body, headers=bad)
        assert (answer.status_code, answer.json()["errors"][0]["code"]) == (401, code)
    # A body changed after signing is refused too
    tampered = await app_client.post(EVENTS, content=body.replace(b"naver-2", b"naver-3"), headers=headers)
    assert tampered.status_code == 401
    assert (await count(rt, Event), await count(rt, Run)) == (0, 0)
    # The genuine request passes once; the same bytes and header again are a replay
    assert (await app_client.post(EVENTS, content=body, headers=headers)).status_code == 201
    replay = await app_client.post(EVENTS, content=body, headers=headers)
    assert (replay.status_code, replay.json()["errors"][0]["code"]) == (401, "signature_replayed")
    assert (await count(rt, Event), await count(rt, Run)) == (1, 1)
    # Another clinic's path with this clinic's signature is refused
    other = await app_client.post(
        "/api/webhooks/nowhere/events",
        content=body,
        headers={**headers, SIGNATURE_HEADER: signed(payload, secret)[1][SIGNATURE_HEADER]},
    )
    assert other.status_code == 401


async def test_invalid_event_is_a_422_with_the_field(
    app_client: AsyncTestClient[Litestar], rt: Runtime, secret: str
) -> None:
    body, headers = signed({"type": "appointment.booked"}, secret)
    answer = await app_client.post(EVENTS, content=body, headers=headers)
    assert answer.status_code == 422
    assert any(p["code"] == "missing_field" for p in answer.json()["errors"])
    assert await count(rt, Event) == 0


async def test_inbound_optout_revokes_marketing_and_the_pending_ad_is_skipped(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str
) -> None:
    # Given a patient with marketing consent and an advertisement due two days after the booking
    await publish_document(rt.settings, clinic_id, MARKETING)
    grant = event(
        "consent.granted", "c-1", at=START - timedelta(days=1), consent={"purpose": "marketing", "method": "kiosk"}
    )
    for payload in (grant, event("appointment.booked", "b-1", appointment=BOOKED)):
        body, headers = signed(payload, secret)
        assert (await app_client.post(EVENTS, content=body, headers=headers)).status_code == 201
    await settle(rt)
    # When the patient replies "수신거부" by SMS (number written differently from the EMR's)
    body, headers = signed({"from": "+82 10-1234-5678", "text": "광고 수신거부 합니다"}, secret)
    answer = await app_client.post(INBOUND, content=body, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"optout": True, "patients": 1}
    # Then the advertisement is skipped at send time, with the consent reason
    await run_until(rt, START + timedelta(days=3))
    async with session_scope(rt.settings, None) as session:
        (row,) = (await session.execute(select(OutboxMessage))).scalars()
    assert row.status == "skipped" and row.sent_at is None
    assert "마케팅 수신 동의" in (row.reason or "")


async def test_inbound_reply_that_is_not_an_optout_changes_nothing(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str
) -> None:
    body, headers = signed(event("appointment.booked", "b-2", appointment=BOOKED), secret)
    assert (await app_client.post(EVENTS, content=body, headers=headers)).status_code == 201
    body, headers = signed({"from": "010-1234-5678", "text": "네 내일 갈게요"}, secret)
    answer = await app_client.post(INBOUND, content=body, headers=headers)
    assert answer.json() == {"optout": False, "patients": 0}
    # Bad bodies are clear 422s; unsigned replies are refused
    for bad, path in (
        ({"text": "STOP"}, "/from"),
        ({"from": "010", "text": 5}, "/text"),
        ({"from": "010-1234-5678", "text": "STOP", "received_at": "어제"}, "/received_at"),
    ):
        body, headers = signed(bad, secret)
        answer = await app_client.post(INBOUND, content=body, headers=headers)
        assert answer.status_code == 422 and answer.json()["errors"][0]["path"] == path
    unsigned = await app_client.post(INBOUND, json={"from": "010-1234-5678", "text": "STOP"})
    assert unsigned.status_code == 401
