"""SOLAPI delivery reports through the webhook route, for AlimTalks the runtime really sent to a fake SOLAPI."""

from __future__ import annotations

import json
import time
from datetime import timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.context import Runtime
from runtime.inline import run_until, settle
from runtime.webhooks import TOKEN_HEADER
from storage.models import OutboxMessage
from tests.support.documents import REMINDER, START, event
from tests.support.fakes import SolapiFake
from tests.support.runtime import outbox, publish_document
from tests.support.solapi import use_solapi
from tests.support.webhooks import signed

REPORTS = "/api/webhooks/default/solapi/reports"
DELIVERED, UNDELIVERABLE = "010-1234-5678", "010-2222-3333"


async def sent_reminders(rt: Runtime, clinic_id: int, fake: SolapiFake) -> list[OutboxMessage]:
    """Two D-1 AlimTalks sent through SOLAPI; the second recipient does not use KakaoTalk (3019)."""
    fake.outcomes["01022223333"] = "3019"
    await use_solapi(rt.settings, clinic_id, fake, "APPT_REMINDER_D1")
    await publish_document(rt.settings, clinic_id, REMINDER)
    from runtime.events import ingest

    for n, phone in enumerate((DELIVERED, UNDELIVERABLE)):
        booked = {"id": f"apt-{n}", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"}
        payload = event("appointment.booked", f"b-{n}", chart_no=f"C-{n}", phone=phone, appointment=booked)
        for run_id in (await ingest(rt, clinic_id, payload)).advance:
            rt.dispatcher.advance(run_id)
    await run_until(rt, START + timedelta(days=1, hours=4))  # D-1 18:00 has passed
    rows = await outbox(rt)
    assert [(r.channel, r.status, r.provider) for r in rows] == [("alimtalk", "sent", "solapi")] * 2
    return rows


def report_calls(fake: SolapiFake) -> list[bytes]:
    """What SOLAPI would post: its queued reports, one array each."""
    fake.settle()
    reports, fake.pending_reports = fake.pending_reports, []
    return [json.dumps([r], ensure_ascii=False).encode() for r in reports]


async def test_reports_mark_delivered_and_failed_and_fail_over_once(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str, solapi_fake: SolapiFake
) -> None:
    # Given two AlimTalks the runtime sent through SOLAPI
    first, second = await sent_reminders(rt, clinic_id, solapi_fake)
    calls = report_calls(solapi_fake)
    # When SOLAPI posts its reports with the clinic's token
    for body in calls:
        answer = await app_client.post(REPORTS, content=body, headers={TOKEN_HEADER: secret})
        assert answer.status_code == 200, answer.text
    # Then the delivered one is delivered, the undeliverable one failed with SOLAPI's code and one SMS queued
    rows = await outbox(rt)
    assert [(r.id, r.channel, r.status, r.error_code) for r in rows] == [
        (first.id, "alimtalk", "delivered", None),
        (second.id, "alimtalk", "failed", "3019"),
        (rows[2].id, "sms", "pending", None),
    ]
    assert rows[2].key == second.key + ":failover"
    snapshot = [(r.id, r.status, r.delivered_at, r.error_code) for r in rows]
    # When SOLAPI retries every call (twice), Then each still answers 200 and nothing changes
    for body in calls + calls:
        answer = await app_client.post(REPORTS, content=body, headers={TOKEN_HEADER: secret})
        assert answer.status_code == 200 and answer.json()["failover_messages"] == []
    assert [(r.id, r.status, r.delivered_at, r.error_code) for r in await outbox(rt)] == snapshot
    # And the runtime's own path sends exactly that one failover SMS
    await settle(rt)
    sms = [m for m in solapi_fake.messages.values() if m["to"] == "01022223333" and m["type"] in ("SMS", "LMS")]
    assert len(sms) == 1
    assert solapi_fake.delivered_count(second.key + ":failover") == 1


async def test_reports_are_refused_without_a_valid_token_or_signature(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str, solapi_fake: SolapiFake
) -> None:
    await sent_reminders(rt, clinic_id, solapi_fake)
    calls = report_calls(solapi_fake)
    before = [(r.id, r.status) for r in await outbox(rt)]
    bad_headers = [{}, {TOKEN_HEADER: "whsec_guess"}, {TOKEN_HEADER: secret + "x"}, signed([], "whsec_guess")[1]]
    for headers in bad_headers:
        for body in calls:
            assert (await app_client.post(REPORTS, content=body, headers=headers)).status_code == 401
    # The right token on another clinic's path is refused too
    other = await app_client.post(
        "/api/webhooks/nowhere/solapi/reports", content=calls[0], headers={TOKEN_HEADER: secret}
    )
    assert other.status_code == 401
    assert [(r.id, r.status) for r in await outbox(rt)] == before
    # A console that cannot add headers puts the token in the URL
    by_query = await app_client.post(f"{REPORTS}?token={secret}", content=calls[0])
    assert by_query.status_code == 200 and by_query.json()["matched"] == 1
    assert (await app_client.post(f"{REPORTS}?token=whsec_guess", content=calls[0])).status_code == 401
    # Our HMAC signature works as well, once (a replay is refused), and a stale one is refused
    body = calls[-1]
    from storage.accounts.webhooks import SIGNATURE_HEADER, sign

    stale = {SIGNATURE_HEADER: sign(body, secret, int(time.time()) - 600)}
    assert (await app_client.post(REPORTS, content=body, headers=stale)).status_code == 401
    fresh = {SIGNATURE_HEADER: sign(body, secret)}
    assert (await app_client.post(REPORTS, content=body, headers=fresh)).status_code == 200
    replay = await app_client.post(REPORTS, content=body, headers=fresh)
    assert replay.json()["errors"][0]["code"] == "signature_replayed"


async def test_malformed_report_bodies_are_clear_4xx(
    app_client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, secret: str
) -> None:
    # not JSON at all: 400, as on every JSON route of the API
    answer = await app_client.post(REPORTS, content=b"{", headers={TOKEN_HEADER: secret})
    assert answer.status_code == 400 and answer.json()["errors"][0]["code"] == "invalid_json"
    assert " / " in answer.json()["errors"][0]["message"]
    for body in (b"{}", b'[{"data": {}}]', b'[{"data": {"messageId": 7}}]', b'[{"eventDataId": 1, "data": {}}]'):
        answer = await app_client.post(REPORTS, content=body, headers={TOKEN_HEADER: secret})
        assert answer.status_code == 422 and " / " in answer.json()["errors"][0]["message"]
    unknown = json.dumps([{"eventDataId": "e1", "data": {"messageId": "M-unknown", "statusCode": "4000"}}])
    answer = await app_client.post(REPORTS, content=unknown.encode(), headers={TOKEN_HEADER: secret})
    assert answer.json() == {"received": 1, "matched": 0, "failover_messages": []}
