"""Contract tests of the SOLAPI client against the fake SOLAPI server: every message kind, every failure mode."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from nodes.channels import MessageKind
from runtime.channels.base import OutboundMessage
from runtime.channels.solapi import SolapiClient
from tests.support.fakes import SolapiFake
from tests.support.messages import CONFIRM_VARIABLES, SMS

PF = "KA01PF_FAKE"


def msg(kind: MessageKind = "sms", key: str = "run:1:node:a", **changes: Any) -> OutboundMessage:
    message = replace(SMS, kind=kind, key=key)
    if kind == "alimtalk":
        message = replace(message, template_code="TPL_CONFIRM", variables=CONFIRM_VARIABLES, sender_key=PF)
    if kind == "friendtalk":
        message = replace(message, sender_key=PF, purpose="advertising", text="(광고) 진료 시간 변경 안내")
    return replace(message, **changes)


async def test_sms_is_accepted_with_a_message_id_and_its_cost(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg())
    await client.aclose()
    assert result.accepted and result.state == "sent" and not result.retriable
    assert result.provider_message_id and result.provider_message_id.startswith("M4V")
    assert result.cost_krw > 0
    sent = solapi_fake.requests[-1].json()["messages"][0]
    assert sent["type"] == "SMS" and sent["customFields"] == {"outboxKey": "run:1:node:a"}


async def test_lms_carries_its_subject(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("lms", text="안내 " * 40, subject="수술 전 안내"))
    await client.aclose()
    assert result.accepted
    sent = solapi_fake.requests[-1].json()["messages"][0]
    assert (sent["type"], sent["subject"]) == ("LMS", "수술 전 안내")


async def test_alimtalk_wraps_variables_and_enables_provider_failover(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("alimtalk", failover_text="예약 확정 안내", variables={"이름": "김", "날짜": 3}))
    await client.aclose()
    assert result.accepted
    sent = solapi_fake.requests[-1].json()["messages"][0]
    assert sent["type"] == "ATA" and sent["text"] == "예약 확정 안내"
    assert sent["kakaoOptions"] == {
        "pfId": PF,
        "templateId": "TPL_CONFIRM",
        "variables": {"#{이름}": "김", "#{날짜}": "3"},
        "disableSms": False,
    }


async def test_friendtalk_goes_out_as_brand_message_by_default_and_cta_when_set(solapi_fake: SolapiFake) -> None:
    brand = SolapiClient(solapi_fake.settings())
    cta = SolapiClient(solapi_fake.settings(friendtalk_type="CTA"))
    assert (await brand.send(msg("friendtalk"))).accepted
    assert solapi_fake.requests[-1].json()["messages"][0]["type"] == "BMS_TEXT"
    assert (await cta.send(msg("friendtalk", key="k2"))).accepted
    assert solapi_fake.requests[-1].json()["messages"][0]["type"] == "CTA"
    await brand.aclose()
    await cta.aclose()


async def test_wrong_secret_is_refused_401_and_not_retried(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings(api_secret="wrong"))
    result = await client.send(msg())
    await client.aclose()
    assert not result.accepted and not result.retriable and result.state == "failed"
    assert result.error_code == "SignatureDoesNotMatch"
    assert result.error_message and "API Secret" in result.error_message and " / " in result.error_message


async def test_unknown_api_key_is_explained(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings(api_key="NCSNOPE"))
    result = await client.send(msg())
    await client.aclose()
    assert result.error_code == "InvalidApiKey" and not result.retriable


async def test_skewed_clock_is_refused_403(solapi_fake: SolapiFake) -> None:
    old = (datetime.now(UTC) - timedelta(minutes=20)).isoformat()
    client = SolapiClient(solapi_fake.settings(), clock=lambda: old)
    result = await client.send(msg())
    await client.aclose()
    assert result.error_code == "RequestTimeTooSkewed" and not result.retriable


async def test_a_reused_signature_is_refused(solapi_fake: SolapiFake) -> None:
    date = datetime.now(UTC).isoformat()
    client = SolapiClient(solapi_fake.settings(), clock=lambda: date, salt=lambda: "fixed-salt-0000")
    first, second = await client.send(msg()), await client.send(msg(key="k2"))
    await client.aclose()
    assert first.accepted and second.error_code == "DuplicatedSignature"


async def test_unregistered_sender_is_a_400_with_the_provider_code(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg(sender="0299999999"))
    await client.aclose()
    assert result.error_code == "SenderNumberNotRegistered" and not result.retriable
    assert result.error_message and "발신번호" in result.error_message


async def test_template_mismatch_is_refused(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("alimtalk", variables={"이름": "김"}))
    await client.aclose()
    assert result.error_code == "TemplateMismatch" and not result.retriable


async def test_rate_limit_and_server_errors_are_retriable(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    solapi_fake.failures.rate_limit_next(1)
    solapi_fake.failures.fail_next(1, 500)
    solapi_fake.failures.fail_next(1, 503)
    results = [await client.send(msg(key=f"k{i}")) for i in range(4)]
    await client.aclose()
    assert [r.retriable for r in results] == [True, True, True, False]
    assert [r.error_code for r in results[:3]] == ["TooManyRequests", "InternalError", "InternalError"]
    assert results[3].accepted


async def test_a_slow_answer_times_out_as_retriable(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings(timeout_s=0.2, connect_timeout_s=0.2))
    solapi_fake.failures.slow_next(1, 0.6)
    result = await client.send(msg())
    await client.aclose()
    assert result.error_code == "TIMEOUT" and result.retriable and result.state == "queued"


async def test_partial_success_in_a_batch_maps_each_message(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    results = await client.send_batch([msg(key="a"), msg(key="b", to="0101"), msg(key="c")])
    await client.aclose()
    assert [r.accepted for r in results] == [True, False, True]
    assert results[1].error_code == "1010" and not results[1].retriable
    assert results[0].provider_message_id != results[2].provider_message_id


async def test_missing_channel_key_fails_before_any_request(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("alimtalk", sender_key=None))
    await client.aclose()
    assert result.error_code == "CONFIG" and not solapi_fake.requests


async def test_polling_reports_the_final_state(solapi_fake: SolapiFake) -> None:
    solapi_fake.outcomes["01099998888"] = "3040"
    client = SolapiClient(solapi_fake.settings())
    ok = await client.send(msg(key="a"))
    bad = await client.send(msg(key="b", to="01099998888"))
    solapi_fake.settle()
    reports = await client.poll_reports([ok.provider_message_id or "", bad.provider_message_id or "", "M4VNONE"])
    await client.aclose()
    states = {r.provider_message_id: (r.state, r.error_code) for r in reports}
    assert states == {ok.provider_message_id: ("delivered", None), bad.provider_message_id: ("failed", "3040")}


async def test_a_retry_after_a_lost_answer_finds_the_message_instead_of_sending_twice(solapi_fake: SolapiFake) -> None:
    # Given SOLAPI accepts the message but the answer is lost (500 after processing)
    solapi_fake.failures.fail_next(1, 500, after_processing=True)
    client = SolapiClient(solapi_fake.settings())
    first = await client.send(msg(key="run:7:node:x"))
    # When the same outbox key is sent again
    second = await client.send(msg(key="run:7:node:x"))
    await client.aclose()
    # Then the client found the earlier message by its outbox key: one message at SOLAPI
    assert first.retriable and second.accepted
    assert solapi_fake.delivered_count("run:7:node:x") == 1
    assert second.provider_message_id in solapi_fake.messages


async def test_find_sent_is_none_for_a_message_never_sent(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    await client.send(msg(key="other"))
    assert await client.find_sent(msg(key="never")) is None
    await client.aclose()
