"""Webhook secrets managed through the API: shown once, stored sealed, revocable, settings.write only."""

from __future__ import annotations

import json

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry, WebhookSecret
from tests.conftest import ClientAs
from tests.support.webhooks import signed

EVENT = {
    "type": "appointment.booked",
    "external_id": "booking-1",
    "occurred_at": "2026-12-01T09:00:00+09:00",
    "patient": {"chart_no": "C-1", "name": "홍길동", "phone": "010-1234-5678"},
    "appointment": {"id": "a-1", "starts_at": "2026-12-03T14:30:00+09:00"},
}


async def test_secret_is_shown_once_works_until_revoked(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a manager creates a secret for the booking system
    made = await client.post("/api/webhook-secrets", json={"name": "네이버 예약"})
    assert made.status_code == 201, made.text
    secret = made.json()["secret"]
    assert secret.startswith("whsec_")
    # Then the list never shows it and the database holds it sealed
    listed = (await client.get("/api/webhook-secrets")).json()["secrets"]
    assert [(s["name"], s["revoked_at"]) for s in listed] == [("네이버 예약", None)] and "secret" not in listed[0]
    async with session_scope(settings, None) as db:
        stored = (await db.execute(select(WebhookSecret.secret))).scalar_one()
        actions = list((await db.execute(select(AuditEntry.action, AuditEntry.detail))).all())
    assert secret not in stored
    assert any(action == "webhook_secret.create" for action, _ in actions)
    assert all(secret not in json.dumps(detail, ensure_ascii=False) for _, detail in actions)
    # When the booking system signs an event with it, Then the event is taken in
    body, headers = signed(EVENT, secret)
    taken = await anonymous_client.post("/api/webhooks/default/events", content=body, headers=headers)
    assert taken.status_code == 201, taken.text
    # When the manager revokes it (twice: idempotent), Then a freshly signed call is refused
    for _ in range(2):
        assert (await client.delete(f"/api/webhook-secrets/{listed[0]['id']}")).status_code == 204
    body, headers = signed(EVENT, secret)
    refused = await anonymous_client.post("/api/webhooks/default/events", content=body, headers=headers)
    assert refused.status_code == 401
    assert (await client.get("/api/webhook-secrets")).json()["secrets"][0]["revoked_at"] is not None


async def test_secret_management_needs_settings_write_and_stays_in_the_clinic(
    client: AsyncTestClient[Litestar], client_as: ClientAs
) -> None:
    staff = await client_as("staff")
    assert (await staff.post("/api/webhook-secrets", json={"name": "x"})).status_code == 403
    assert (await staff.get("/api/webhook-secrets")).status_code == 403
    made = (await client.post("/api/webhook-secrets", json={})).json()
    assert made["name"] == "default"
    other = await client_as("manager", clinic="other")
    assert (await other.get("/api/webhook-secrets")).json()["secrets"] == []
    assert (await other.delete(f"/api/webhook-secrets/{made['id']}")).status_code == 404
    for name in ("", " ", "x" * 101):
        answer = await client.post("/api/webhook-secrets", json={"name": name})
        assert answer.status_code == 422 and answer.json()["errors"][0]["path"] == "/name"
    assert len((await client.get("/api/webhook-secrets")).json()["secrets"]) == 1
