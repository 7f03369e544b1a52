"""Delivery reports: SOLAPI webhooks (late, out of order, twice) and the failover end-to-end.

How the runtime applies repeated and late reports to outbox rows: tests/webhooks/test_solapi_reports.py.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runtime.channels.base import DeliveryReport, DeliveryState, OutboundMessage
from runtime.channels.nhncloud import NhnCloudClient
from runtime.channels.solapi import SolapiClient, SolapiWebhookError, parse_solapi_webhook
from tests.support.fakes import NhnCloudFake, SolapiFake, WebhookSink
from tests.support.messages import CONFIRM_VARIABLES, SMS
from tests.support.solapi import KAKAO_SENDER_KEY


def alimtalk(key: str, to: str, failover_text: str | None) -> OutboundMessage:
    return replace(
        SMS,
        key=key,
        kind="alimtalk",
        to=to,
        text="김민지님, 12월 3일 예약이 확정되었습니다.",
        template_code="TPL_CONFIRM",
        variables=CONFIRM_VARIABLES,
        sender_key=KAKAO_SENDER_KEY,
        failover_text=failover_text,
    )


def test_webhook_array_is_parsed_into_reports() -> None:
    body = json.dumps(
        [
            {
                "eventDataId": "e1",
                "retryCount": 0,
                "data": {"messageId": "M1", "statusCode": "4000", "dateReceived": "2026-12-01T01:00:00Z"},
            },
            {"eventDataId": "e2", "data": {"messageId": "M2", "statusCode": "3000"}},
            {"eventDataId": "e3", "data": {"messageId": "M3", "statusCode": "3019", "statusMessage": "톡 유저 아님"}},
            {"eventDataId": "e1", "data": {"messageId": "M1", "statusCode": "4000"}},
        ]
    )
    reports = parse_solapi_webhook(body)
    assert [(r.provider_message_id, r.state, r.error_code, r.report_id) for r in reports] == [
        ("M1", "delivered", None, "e1"),
        ("M2", "sent", None, "e2"),
        ("M3", "failed", "3019", "e3"),
    ]
    assert reports[0].at.isoformat() == "2026-12-01T01:00:00+00:00"
    assert reports[2].error_message and "카카오톡" in reports[2].error_message


@pytest.mark.parametrize(
    "body", [b"{", b"{}", b"[1]", b'[{"data": {}}]', b'[{"eventDataId": 5, "data": {"messageId": "M"}}]']
)
def test_malformed_webhook_bodies_are_refused_clearly(body: bytes) -> None:
    with pytest.raises(SolapiWebhookError) as error:
        parse_solapi_webhook(body)
    assert " / " in str(error.value)


async def test_reports_arriving_out_of_order_and_twice_settle_each_message_once(
    solapi_fake: SolapiFake, webhook_sink: WebhookSink
) -> None:
    # Given three AlimTalks: delivered, failed over to SMS by SOLAPI, failed without provider failover
    solapi_fake.outcomes.update({"01000000002": "3019", "01000000003": "3019"})
    client = SolapiClient(solapi_fake.settings())
    sent = [
        await client.send(alimtalk("a", "01000000001", "예약 확정")),
        await client.send(alimtalk("b", "01000000002", "예약 확정")),
        await client.send(alimtalk("c", "01000000003", None)),
    ]
    # When SOLAPI posts every report twice, shuffled
    solapi_fake.settle()
    calls = solapi_fake.post_webhooks(webhook_sink.url)
    reports = {r.report_id: r for body in webhook_sink.bodies for r in parse_solapi_webhook(body)}
    # Then each message's final state and provider failover is reported, each event id twice
    assert calls == 12 and len(reports) == 6
    final: dict[str, tuple[DeliveryState, bool]] = {}
    for report in reports.values():
        if report.state in ("delivered", "failed"):
            final[report.provider_message_id] = (report.state, report.failover_sent)
    assert [final[s.provider_message_id or ""] for s in sent] == [
        ("delivered", False),
        ("delivered", True),
        ("failed", False),
    ]

    # And the runtime-side rule "failed AlimTalk without provider failover → one SMS" sends exactly one SMS,
    # even though the failure report arrived twice.
    failovers_sent: set[str] = set()
    for body in webhook_sink.bodies:
        for report in parse_solapi_webhook(body):
            if (
                report.state == "failed"
                and not report.failover_sent
                and report.provider_message_id not in failovers_sent
            ):
                failovers_sent.add(report.provider_message_id)
                sms = replace(SMS, key="c:failover", to="01000000003", text="예약 확정 안내")
                assert (await client.send(sms)).accepted
    await client.aclose()
    assert solapi_fake.delivered_count("c:failover") == 1
    sms_to_c = [m for m in solapi_fake.messages.values() if m["to"] == "01000000003" and m["type"] == "SMS"]
    assert len(sms_to_c) == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
report_items = st.fixed_dictionaries(
    {
        "eventDataId": st.text(min_size=1, max_size=6),
        "data": st.fixed_dictionaries(
            {
                "messageId": st.text(min_size=1, max_size=6),
                "statusCode": st.sampled_from(["2000", "3000", "4000", "3019", "1010"]),
            },
            optional={"dateReceived": st.text(max_size=30), "replacement": st.booleans()},
        ),
    }
)


@settings(max_examples=60)
@given(json_values)
def test_any_json_either_parses_or_is_refused_with_webhook_error(value: object) -> None:
    try:
        reports = parse_solapi_webhook(json.dumps(value))
    except SolapiWebhookError:
        return
    assert isinstance(value, list)
    assert all(isinstance(r, DeliveryReport) for r in reports)


@settings(max_examples=60)
@given(st.lists(report_items, max_size=10))
def test_well_formed_arrays_give_one_report_per_distinct_event(items: list[dict[str, object]]) -> None:
    reports = parse_solapi_webhook(json.dumps(items))
    assert len(reports) == len({item["eventDataId"] for item in items})
    assert all(r.at.tzinfo is not None for r in reports)


async def test_nhn_alimtalk_reported_failed_is_followed_by_exactly_one_sms(nhncloud_fake: NhnCloudFake) -> None:
    # Given an AlimTalk without provider failover to a patient who does not use KakaoTalk
    nhncloud_fake.outcomes["01000000009"] = "3019"
    client = NhnCloudClient(nhncloud_fake.settings())
    sent = await client.send(
        replace(
            SMS,
            key="run:9:node:care",
            kind="alimtalk",
            to="01000000009",
            text="…",
            template_code="TPL_CONFIRM",
            variables={"이름": "김", "날짜": "3일"},
            sender_key="SENDERKEY_FAKE",
        )
    )
    nhncloud_fake.settle()
    # When the runtime polls twice (the same failed report comes back) and applies the failover rule
    handled: set[str] = set()
    for _ in range(2):
        for report in await client.poll_reports([sent.provider_message_id or ""]):
            key = report.report_id or report.provider_message_id
            if report.state == "failed" and not report.failover_sent and key not in handled:
                handled.add(key)
                sms = replace(SMS, key="run:9:node:care:failover", to="01000000009", text="김님 3일 예약 확정 안내")
                assert (await client.send(sms)).accepted
    await client.aclose()
    # Then exactly one SMS went out
    assert nhncloud_fake.count_by_grouping_key("run:9:node:care:failover") == 1
    assert sum(len(v) for (api, _), v in nhncloud_fake.messages.items() if api == "sms") == 1
