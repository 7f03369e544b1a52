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
    sent = solapi_fake.last_added()
    assert sent["type"] == "SMS" and sent["customFields"] == {"outboxKey": "run:1:node:a"}


async def test_lms_carries_its_subject(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("lms", text="안내 " * 40, subject="수술 전 안내"))
    await client.aclose()
    assert result.accepted
    sent = solapi_fake.last_added()
    assert (sent["type"], sent["subject"]) == ("LMS", "수술 전 안내")


async def test_alimtalk_wraps_variables_and_enables_provider_failover(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(msg("alimtalk", failover_text="예약 확정 안내", variables={"이름": "김", "날짜": 3}))
    await client.aclose()
    assert result.accepted
    sent = solapi_fake.last_added()
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
    assert solapi_fake.last_added()["type"] == "BMS_TEXT"
    assert (await cta.send(msg("friendtalk", key="k2"))).accepted
    assert solapi_fake.last_added()["type"] == "CTA"
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
    result = await client.send(msg())  # creating the group uses the signature; adding to it reuses it
    await client.aclose()
    assert result.error_code == "DuplicatedSignature" and not result.retriable and not solapi_fake.messages


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


async def test_a_lost_answer_to_the_group_send_is_resumed_from_the_group(solapi_fake: SolapiFake) -> None:
    # Given a row's group, and SOLAPI sending it but the answer to the send lost (500 after processing)
    client = SolapiClient(solapi_fake.settings())
    group = await client.open_handle(msg(key="run:7:node:x"))
    assert isinstance(group, str) and solapi_fake.groups[group]["status"] == "PENDING"
    solapi_fake.failures.pass_next(1)  # the add
    solapi_fake.failures.fail_next(1, 500, after_processing=True)  # the send
    lost = await client.send(msg(key="run:7:node:x", handle=group))
    # When the same row is resumed with its group id
    second = await client.send(msg(key="run:7:node:x", handle=group, resume=True))
    await client.aclose()
    # Then the client asked the group, found it sent and did not send again: one message at SOLAPI
    assert lost.uncertain and not lost.accepted and second.accepted
    assert solapi_fake.delivered_count("run:7:node:x") == 1
    assert second.provider_message_id in solapi_fake.messages


async def test_a_resumed_group_never_sent_is_sent_once(solapi_fake: SolapiFake) -> None:
    # Given a group created and stored, but the worker died before adding the message
    client = SolapiClient(solapi_fake.settings())
    group = await client.open_handle(msg(key="k"))
    assert isinstance(group, str)
    # When the row is resumed, twice (a second worker racing the first)
    first = await client.send(msg(key="k", handle=group, resume=True))
    second = await client.send(msg(key="k", handle=group, resume=True))
    await client.aclose()
    # Then it went once, and both attempts report the same message
    assert first.accepted and second.accepted and first.provider_message_id == second.provider_message_id
    assert solapi_fake.delivered_count("k") == 1 and solapi_fake.groups[group]["status"] == "SENDING"


async def test_no_request_carries_a_phone_number_in_its_address(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    group = await client.open_handle(msg())
    assert isinstance(group, str)
    await client.send(msg(handle=group, resume=True))
    await client.send(msg(handle=group, resume=True))
    await client.aclose()
    assert all("01012345678" not in r.path + str(r.query) for r in solapi_fake.requests)


async def test_adding_to_a_group_another_attempt_sent_reads_its_result(solapi_fake: SolapiFake) -> None:
    # Given two attempts of one row racing: both saw the group PENDING, the first added and sent it
    client = SolapiClient(solapi_fake.settings())
    group = await client.open_handle(msg(key="k"))
    assert isinstance(group, str)
    first = await client.send(msg(key="k", handle=group))
    # When the second adds to the (now sent) group
    second = (await client._add_and_send(group, [msg(key="k", handle=group)]))[0]
    await client.aclose()
    # Then it reads the first attempt's result instead of failing: one message
    assert first.accepted and second.accepted and second.provider_message_id == first.provider_message_id
    assert solapi_fake.delivered_count("k") == 1
