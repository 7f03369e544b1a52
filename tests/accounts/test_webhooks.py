"""Signed webhooks: valid, stale, forged and replayed deliveries, through a real route of the app."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar, Request, post
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from server import create_app
from storage.accounts import webhooks
from storage.accounts.webhooks import SIGNATURE_HEADER, WebhookSignatureError, sign, signed_webhook, verify_signature
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.tenancy import Caller
from tests.support.login import clinic_id_of

SECRET = "whsec_test"


def test_signature_round_trip_and_tampering() -> None:
    body = b'{"type": "appointment.booked"}'
    header = {SIGNATURE_HEADER: sign(body, SECRET)}
    assert verify_signature(header, body, SECRET)[0] > 0
    with pytest.raises(WebhookSignatureError) as tampered:
        verify_signature(header, body + b" ", SECRET)
    assert tampered.value.code == "signature_invalid"
    with pytest.raises(WebhookSignatureError) as wrong_key:
        verify_signature(header, body, "whsec_other")
    assert wrong_key.value.code == "signature_invalid"


def test_stale_or_future_timestamps_are_refused() -> None:
    body = b"{}"
    now = time.time()
    for skew in (-301, 301):
        header = {SIGNATURE_HEADER: sign(body, SECRET, int(now) + skew)}
        with pytest.raises(WebhookSignatureError) as stale:
            verify_signature(header, body, SECRET, now=now)
        assert stale.value.code == "signature_expired"
    assert verify_signature({SIGNATURE_HEADER: sign(body, SECRET, int(now) - 299)}, body, SECRET, now=now)


def test_rotation_accepts_any_active_secret() -> None:
    body = b"{}"
    header = {SIGNATURE_HEADER: sign(body, "whsec_new")}
    assert verify_signature(header, body, ["whsec_old", "whsec_new"])


@given(st.text(max_size=200))
def test_any_malformed_header_is_a_clear_refusal(value: str) -> None:
    with pytest.raises(WebhookSignatureError) as refused:
        verify_signature({SIGNATURE_HEADER: value}, b"{}", SECRET)
    assert refused.value.code in ("signature_missing", "signature_malformed", "signature_expired", "signature_invalid")


@post("/api/webhooks/{clinic_slug:str}/test-events", guards=[signed_webhook()], status_code=202)
async def receive_event(
    caller: Caller, request: Request[Any, Any, Any], db_session: AsyncSession, data: dict[str, Any]
) -> dict[str, Any]:
    """A stand-in for the runtime's webhook route: records the signature in its transaction, answers who it
    acts for."""
    signature = webhooks.accepted_signature(request)
    assert signature is not None
    await webhooks.consume_signature(db_session, signature)
    return {"clinic_id": caller.clinic_id, "actor": caller.actor, "type": data.get("type")}


@pytest.fixture
async def webhook_client(settings: Settings) -> Any:
    app = create_app(settings)
    app.register(receive_event)
    async with AsyncTestClient(app=app) as test_client:
        yield test_client
    await dispose_engines()


async def test_webhook_route_accepts_signed_fresh_requests_once(
    webhook_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a clinic with a webhook secret (stored sealed, not in clear)
    clinic_id = await clinic_id_of(settings, "default")
    async with session_scope(settings, None) as db:
        secret = await webhooks.create_secret(db, settings, clinic_id)
    async with session_scope(settings, None) as db:
        from sqlalchemy import select

        from storage.models import WebhookSecret

        assert secret not in (await db.execute(select(WebhookSecret.secret))).scalar_one()
    body = json.dumps({"type": "appointment.booked"}).encode()
    headers = {SIGNATURE_HEADER: sign(body, secret), "content-type": "application/json"}
    url = "/api/webhooks/default/test-events"
    # When a signed request arrives, Then it acts for that clinic, without a log-in
    accepted = await webhook_client.post(url, content=body, headers=headers)
    assert accepted.status_code == 202, accepted.text
    assert accepted.json() == {"clinic_id": clinic_id, "actor": "webhook:default", "type": "appointment.booked"}
    # When the same request is replayed, Then it is refused
    replay = await webhook_client.post(url, content=body, headers=headers)
    assert replay.status_code == 401 and replay.json()["errors"][0]["code"] == "signature_replayed"
    # When unsigned, stale, forged or aimed at another clinic, Then it is refused
    unsigned = await webhook_client.post(url, content=body, headers={"content-type": "application/json"})
    assert unsigned.json()["errors"][0]["code"] == "signature_missing"
    stale = {**headers, SIGNATURE_HEADER: sign(body, secret, int(time.time()) - 600)}
    assert (await webhook_client.post(url, content=body, headers=stale)).json()["errors"][0]["code"] == (
        "signature_expired"
    )
    forged = {**headers, SIGNATURE_HEADER: sign(body, "whsec_guess")}
    assert (await webhook_client.post(url, content=body, headers=forged)).status_code == 401
    await clinic_id_of(settings, "clinic-b")
    other = {**headers, SIGNATURE_HEADER: sign(body, secret, int(time.time()) + 1)}
    assert (
        await webhook_client.post("/api/webhooks/clinic-b/test-events", content=body, headers=other)
    ).status_code == 401
