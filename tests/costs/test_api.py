"""The cost API on the real app and SQLite, over outbox rows that the runtime itself sent."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from runtime.billing.ledger import sms_kind
from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from storage.db import session_scope
from storage.models import OutboxMessage
from tests.conftest import ClientAs
from tests.support.documents import START, event, example
from tests.support.runtime import publish_document, set_clinic_settings, virtual

UNREACHABLE = "010-1234-5678"  # the sandbox reports this patient's AlimTalk as undeliverable
REACHABLE = "010-2222-3333"


async def send_cataract_care(rt: Runtime, clinic_id: int) -> list[OutboxMessage]:
    """Two patients through the cataract post-op workflow: one gets 3 AlimTalks, the other 3 failover SMS."""
    await set_clinic_settings(rt.settings, clinic_id, sandbox={"fail_numbers": {UNREACHABLE: ["alimtalk"]}})
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    for number, (chart, phone) in enumerate([("A-1001", UNREACHABLE), ("A-1002", REACHABLE)]):
        procedure = {"id": f"apt-{number}", "starts_at": START.isoformat(), "procedure": "cataract"}
        payload = event("procedure.completed", f"emr-{number}", chart_no=chart, phone=phone, appointment=procedure)
        intake = await ingest(rt, clinic_id, payload)
        for run_id in intake.advance:
            rt.dispatcher.advance(run_id)
    for day in (1, 3, 7):  # each send day, then later that day (delivery reports are polled every 30 s)
        await run_until(rt, START + timedelta(days=day, hours=1))
        await run_until(rt, START + timedelta(days=day, hours=2))
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


def money(value: float) -> Decimal:
    return Decimal(str(value))


async def test_ledger_prices_each_message_at_the_rate_in_force_when_it_was_sent(
    client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int
) -> None:
    # Given the clinic's contract rate for AlimTalk is 6.5 ₩ while the messages go out
    put = await client.put("/api/costs/rates", json={"rates": {"sandbox": {"alimtalk": 6.5}}})
    assert put.status_code == 200, put.text
    rows = await send_cataract_care(rt, clinic_id)
    delivered = [r for r in rows if r.channel == "alimtalk" and r.status == "delivered"]
    failed = [r for r in rows if r.channel == "alimtalk" and r.status == "failed"]
    failovers = [r for r in rows if r.parent_id is not None]
    assert (len(delivered), len(failed), len(failovers)) == (3, 3, 3)
    assert {r.cost_krw for r in delivered} == {6.5}
    # When the rates change afterwards (AlimTalk 8, LMS 31, SMS 10) and December's ledger is read
    new_rates = {"sandbox": {"alimtalk": 8, "lms": 31, "sms": 10}}
    assert (await client.put("/api/costs/rates", json={"rates": new_rates})).status_code == 200
    answer = await client.get("/api/costs/ledger", params={"month": "2026-12"})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    # Then the AlimTalks cost 6.5 each (the price then), the failed AlimTalks nothing, the failover SMS/LMS
    # their own price (default sandbox rates then: SMS 9, LMS 30)
    by_group = {(r["channel"], r["kind"], r["failover"]): r for r in report["rows"]}
    assert by_group[("alimtalk", "alimtalk", False)]["messages"] == 3
    assert by_group[("alimtalk", "alimtalk", False)]["spent_krw"] == 19.5
    price = {"sms": money(9), "lms": money(30)}
    failover_spent = sum((price[r.kind or ""] for r in failovers), Decimal(0))
    assert sum(money(r["spent_krw"]) for r in report["rows"] if r["failover"]) == failover_spent
    # And "all by SMS" prices each AlimTalk text as the SMS/LMS it would have been, at today's rates
    baseline = sum(money({"sms": 10, "lms": 31}[sms_kind(r.text)]) for r in delivered) + failover_spent
    totals = report["totals"]
    assert totals["messages"] == 6
    assert money(totals["spent_krw"]) == Decimal("19.5") + failover_spent
    assert money(totals["sms_equivalent_krw"]) == baseline
    assert money(totals["saving_krw"]) == baseline - money(totals["spent_krw"])
    assert totals["saving_percent"] == round(float((baseline - money(totals["spent_krw"])) / baseline * 100), 1)
    assert report["trend"][-1]["month"] == "2026-12" and report["trend"][-1]["messages"] == 6
    # And November holds none of them
    november = (await client.get("/api/costs/ledger", params={"month": "2026-11"})).json()
    assert november["totals"] == {
        "messages": 0,
        "spent_krw": 0.0,
        "sms_equivalent_krw": 0.0,
        "saving_krw": 0.0,
        "saving_percent": None,
    }


async def test_bad_month_is_a_422_and_no_month_means_this_month(client: AsyncTestClient[Litestar]) -> None:
    for month in ("2026-13", "november", "2026-1"):
        answer = await client.get("/api/costs/ledger", params={"month": month})
        assert answer.status_code == 422
        assert answer.json()["errors"][0]["code"] == "invalid_month"
        assert answer.json()["errors"][0]["path"] == "/month"
    current = await client.get("/api/costs/ledger")
    assert current.status_code == 200
    assert len(current.json()["trend"]) == 6


async def test_rates_show_defaults_and_overrides(client: AsyncTestClient[Litestar]) -> None:
    # Given no contract rates, Then every rate is its default
    before = (await client.get("/api/costs/rates")).json()
    assert before["kinds"] == ["sms", "lms", "alimtalk", "friendtalk"]
    assert before["active_provider"] == "sandbox"
    assert not any(r["overridden"] for r in before["rates"])
    # When SOLAPI's SMS is set to 8
    after = (await client.put("/api/costs/rates", json={"rates": {"solapi": {"sms": 8}}})).json()
    # Then that one rate is overridden and shows its default beside it
    (sms,) = [r for r in after["rates"] if r["overridden"]]
    assert sms == {"provider": "solapi", "kind": "sms", "rate_krw": 8.0, "default_krw": 8.4, "overridden": True}
    assert (await client.get("/api/costs/rates")).json() == after
    # And an empty document goes back to the defaults
    reset = (await client.put("/api/costs/rates", json={"rates": {}})).json()
    assert reset == before


async def test_invalid_rates_name_each_field_and_change_nothing(client: AsyncTestClient[Litestar]) -> None:
    # Given a saved contract rate
    await client.put("/api/costs/rates", json={"rates": {"nhncloud": {"lms": 28}}})
    saved = (await client.get("/api/costs/rates")).json()
    # When a document with several bad fields (and one good one) is put
    bad = {"rates": {"nhncloud": {"lms": 20, "sms": -1, "mms": 50}, "kt": {"sms": 9}, "solapi": {"alimtalk": "7"}}}
    answer = await client.put("/api/costs/rates", json=bad)
    # Then 422 names every bad field, in Korean and English, and nothing changed
    assert answer.status_code == 422
    errors = {(e["code"], e["path"]) for e in answer.json()["errors"]}
    assert errors == {
        ("negative_rate", "/rates/nhncloud/sms"),
        ("unknown_kind", "/rates/nhncloud/mms"),
        ("unknown_provider", "/rates/kt"),
        ("invalid_rate", "/rates/solapi/alimtalk"),
    }
    assert all(" / " in e["message"] for e in answer.json()["errors"])
    assert (await client.get("/api/costs/rates")).json() == saved
    for body in ([1, 2], {"solapi": {"sms": 8}}, {"rates": [1]}):
        refused = await client.put("/api/costs/rates", json=body)
        assert refused.status_code == 422, body
    assert (await client.get("/api/costs/rates")).json() == saved


async def test_staff_reads_costs_but_only_a_manager_sets_rates(client_as: ClientAs) -> None:
    staff = await client_as("staff")
    assert (await staff.get("/api/costs/ledger", params={"month": "2026-12"})).status_code == 200
    assert (await staff.get("/api/costs/rates")).status_code == 200
    assert (await staff.put("/api/costs/rates", json={"rates": {}})).status_code == 403
    reviewer = await client_as("reviewer")
    assert (await reviewer.get("/api/costs/ledger")).status_code == 403


async def test_another_clinic_sees_neither_our_messages_nor_our_rates(
    client: AsyncTestClient[Litestar], client_as: ClientAs, rt: Runtime, clinic_id: int
) -> None:
    # Given our clinic sent messages in December and set a contract rate
    await send_cataract_care(rt, clinic_id)
    await client.put("/api/costs/rates", json={"rates": {"sandbox": {"sms": 11}}})
    other = await client_as("manager", clinic="other")
    # Then the other clinic's December is empty and its rates are the defaults
    theirs = (await other.get("/api/costs/ledger", params={"month": "2026-12"})).json()
    assert theirs["totals"]["messages"] == 0 and theirs["rows"] == []
    assert not any(r["overridden"] for r in (await other.get("/api/costs/rates")).json()["rates"])
    # And its own rate change leaves ours alone
    await other.put("/api/costs/rates", json={"rates": {"sandbox": {"sms": 5}}})
    ours = [r for r in (await client.get("/api/costs/rates")).json()["rates"] if r["overridden"]]
    assert [(r["provider"], r["kind"], r["rate_krw"]) for r in ours] == [("sandbox", "sms", 11.0)]
    assert (await client.get("/api/costs/ledger", params={"month": "2026-12"})).json()["totals"]["messages"] == 6


async def test_a_message_sent_at_2330_on_30_november_in_seoul_is_novembers(
    client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int
) -> None:
    # Given an SMS workflow, and a booking at 23:30 on 30 November, Korean time (14:30 UTC)
    from datetime import datetime

    from runtime.clock import SEOUL
    from tests.support.documents import workflow

    sms = {"id": "note", "type": "send.sms", "params": {"text": "예약이 접수되었습니다.", "purpose": "informational"}}
    await publish_document(
        rt.settings,
        clinic_id,
        workflow([{"id": "start", "type": "trigger.appointment_booked"}, sms], [("start", "note")]),
    )
    late = datetime(2026, 11, 30, 23, 30, tzinfo=SEOUL)
    virtual(rt).set(late)
    booked = {"id": "apt-9", "starts_at": "2026-12-03T14:30:00+09:00"}
    intake = await ingest(rt, clinic_id, event("appointment.booked", "late-1", at=late, appointment=booked))
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await run_until(rt, late + timedelta(minutes=5))
    # When November's and December's ledgers are read
    november = (await client.get("/api/costs/ledger", params={"month": "2026-11"})).json()
    december = (await client.get("/api/costs/ledger", params={"month": "2026-12"})).json()
    # Then the SMS is November's (9 ₩, the sandbox SMS rate) and not December's
    assert (november["totals"]["messages"], november["totals"]["spent_krw"]) == (1, 9.0)
    assert november["rows"][0]["kind"] == "sms" and november["totals"]["saving_krw"] == 0.0
    assert december["totals"]["messages"] == 0
    assert [m["messages"] for m in december["trend"]] == [0, 0, 0, 0, 1, 0]


async def test_an_alimtalk_the_provider_resent_by_sms_counts_as_one_sms(
    client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int
) -> None:
    # Given an AlimTalk handed to the provider on day 1 at 10:00 (its report is an hour away)
    from runtime.channels.base import DeliveryReport
    from runtime.outbox import process_report

    await set_clinic_settings(rt.settings, clinic_id, sandbox={"report_delay_s": 3600})
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    procedure = {"id": "apt-1", "starts_at": START.isoformat(), "procedure": "cataract"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-1", phone=REACHABLE, appointment=procedure))
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await run_until(rt, START + timedelta(hours=19))
    async with session_scope(rt.settings, None) as session:
        (sent,) = (await session.execute(select(OutboxMessage))).scalars()
    assert (sent.channel, sent.status) == ("alimtalk", "sent")
    # When the provider reports it failed and that it resent it as SMS/LMS itself
    report = DeliveryReport(
        "sandbox", str(sent.provider_message_id), "failed", rt.clock.now(), error_code="3018", failover_sent=True
    )
    assert await process_report(rt, report) == []  # no failover of our own
    # Then the ledger bills no AlimTalk but one SMS/LMS (its failover text's kind) at today's rate
    rows = (await client.get("/api/costs/ledger", params={"month": "2026-12"})).json()["rows"]
    kind = sms_kind(sent.failover["text"] if sent.failover and sent.failover.get("text") else sent.text)
    assert [(r["channel"], r["kind"], r["failover"], r["messages"]) for r in rows] == [("sms", kind, True, 1)]
    assert rows[0]["spent_krw"] == {"sms": 9.0, "lms": 30.0}[kind]
