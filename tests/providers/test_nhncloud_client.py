"""Contract tests of the NHN Cloud client against the fake NHN Cloud server."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nodes.channels import MessageKind
from runtime.channels.base import OutboundMessage
from runtime.channels.nhncloud import NhnCloudClient
from tests.support.fakes import NhnCloudFake
from tests.support.messages import CONFIRM_VARIABLES, SMS

SENDER_KEY = "SENDERKEY_FAKE"


def msg(kind: MessageKind = "sms", key: str = "run:1:node:a", **changes: Any) -> OutboundMessage:
    # Numbers as a clinic types them: the client sends digits (asserted below).
    message = replace(SMS, kind=kind, key=key, to="010-1234-5678", sender="02-1234-5678")
    if kind == "alimtalk":
        message = replace(message, template_code="TPL_CONFIRM", variables=CONFIRM_VARIABLES, sender_key=SENDER_KEY)
    return replace(message, **changes)


async def test_sms_uses_the_sms_endpoint_secret_header_and_idempotency_key(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    result = await client.send(msg())
    await client.aclose()
    request = nhncloud_fake.requests[-1]
    assert result.accepted and result.provider_message_id and result.provider_message_id.startswith("sms|")
    assert request.path == f"/sms/v3.0/appKeys/{nhncloud_fake.sms_app_key}/sender/sms"
    assert request.headers["x-secret-key"] == nhncloud_fake.sms_secret_key
    assert request.headers["x-nc-api-idempotency-key"] == "run:1:node:a"
    assert request.json()["recipientList"] == [{"recipientNo": "01012345678", "countryCode": "82"}]
    assert request.json()["sendNo"] == "0212345678"


async def test_lms_goes_to_mms_with_a_title_and_advertising_to_ad_endpoints(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    lms = await client.send(msg("lms", text="안내 " * 40, subject="수술 전 안내"))
    assert nhncloud_fake.requests[-1].path.endswith("/sender/mms")
    assert nhncloud_fake.requests[-1].json()["title"] == "수술 전 안내"
    ad = await client.send(msg(key="k2", purpose="advertising", text="(광고) 안내 무료수신거부 0801234567"))
    assert nhncloud_fake.requests[-1].path.endswith("/sender/ad-sms")
    await client.aclose()
    assert lms.accepted and lms.provider_message_id and lms.provider_message_id.startswith("mms|")
    assert ad.accepted


async def test_alimtalk_sends_template_parameters_and_resend_parameters(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    result = await client.send(msg("alimtalk", failover_text="김민지님 12월 3일 예약 확정"))
    await client.aclose()
    request = nhncloud_fake.requests[-1]
    assert result.accepted and result.provider_message_id and result.provider_message_id.startswith("alimtalk|")
    assert request.path == f"/alimtalk/v2.3/appkeys/{nhncloud_fake.kakao_app_key}/messages"
    assert request.headers["x-secret-key"] == nhncloud_fake.kakao_secret_key
    recipient = request.json()["recipientList"][0]
    assert recipient["templateParameter"] == {"이름": "김민지", "날짜": "12월 3일"}
    assert recipient["resendParameter"] == {
        "isResend": True,
        "resendType": "SMS",
        "resendContent": "김민지님 12월 3일 예약 확정",
        "resendSendNo": "0212345678",
    }
    assert request.json()["senderKey"] == SENDER_KEY and request.json()["templateCode"] == "TPL_CONFIRM"


async def test_wrong_secret_key_is_refused_and_not_retried(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings(sms_secret_key="nope"))
    result = await client.send(msg())
    await client.aclose()
    assert not result.accepted and not result.retriable and result.error_code == "-1001"
    assert result.error_message and "시크릿 키" in result.error_message


async def test_http_200_with_is_successful_false_is_an_error(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    unregistered = await client.send(msg(sender="0299999999"))
    mismatch = await client.send(msg("alimtalk", key="k2", variables={"이름": "김"}))
    unknown = await client.send(msg("alimtalk", key="k3", template_code="NOPE"))
    bad_resend = await client.send(msg("alimtalk", key="k4", sender="0299999999", failover_text="x"))
    await client.aclose()
    assert [r.error_code for r in (unregistered, mismatch, unknown, bad_resend)] == ["-1006", "-3016", "-3017", "-1003"]
    assert not any(r.accepted or r.retriable for r in (unregistered, mismatch, unknown, bad_resend))


async def test_a_bad_recipient_fails_only_that_recipient(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    result = await client.send(msg(to="0101"))
    await client.aclose()
    assert not result.accepted and result.error_code == "-2019" and not result.retriable


async def test_server_errors_rate_limits_and_timeouts_are_retriable(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings(timeout_s=0.2, connect_timeout_s=0.2))
    nhncloud_fake.failures.fail_next(1, 503)
    nhncloud_fake.failures.rate_limit_next(1)
    nhncloud_fake.failures.slow_next(1, 0.6)
    results = [await client.send(msg(key=f"k{i}")) for i in range(3)]
    await client.aclose()
    assert all(r.retriable and not r.accepted for r in results)
    assert results[2].error_code == "TIMEOUT"


async def test_a_retry_after_a_lost_answer_is_not_sent_twice(nhncloud_fake: NhnCloudFake) -> None:
    # Given NHN processes the request but the answer is lost (500)
    nhncloud_fake.failures.fail_next(1, 500, after_processing=True)
    client = NhnCloudClient(nhncloud_fake.settings())
    first = await client.send(msg("alimtalk"))
    # When the runtime retries with the same outbox key
    second = await client.send(msg("alimtalk"))
    await client.aclose()
    # Then NHN refuses the duplicate (-1005): accepted earlier, found by our key (its request id), one message
    assert first.retriable and first.uncertain and second.accepted
    assert second.provider_message_id and second.provider_message_id.startswith("alimtalk|")
    assert nhncloud_fake.count_by_grouping_key("run:1:node:a") == 1


async def test_a_resumed_send_asks_nhn_by_our_key_and_does_not_post_again(nhncloud_fake: NhnCloudFake) -> None:
    # Given an SMS NHN accepted, whose answer was lost more than 10 minutes ago (the idempotency key expired)
    nhncloud_fake.failures.fail_next(1, 500, after_processing=True)
    client = NhnCloudClient(nhncloud_fake.settings())
    first = await client.send(msg())
    nhncloud_fake.idempotency.clear()
    posts = sum(1 for r in nhncloud_fake.requests if r.method == "POST")
    # When the runtime resumes the row
    second = await client.send(replace(msg(), resume=True))
    await client.aclose()
    # Then the client found it by senderGroupingKey (no phone in the search) and sent nothing
    assert first.uncertain and second.accepted and second.provider_message_id
    assert sum(1 for r in nhncloud_fake.requests if r.method == "POST") == posts
    search = nhncloud_fake.requests[-1]
    assert search.arg("senderGroupingKey") == "run:1:node:a" and "01012345678" not in str(search.query)
    assert nhncloud_fake.count_by_grouping_key("run:1:node:a") == 1


async def test_friendtalk_is_refused_after_nhn_end_of_support(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings())
    result = await client.send(msg("friendtalk", sender_key=SENDER_KEY, purpose="advertising"))
    await client.aclose()
    assert result.error_code == "CONFIG" and result.error_message and "2025-12-31" in result.error_message


async def test_polling_sms_reports_delivered_and_failed(nhncloud_fake: NhnCloudFake) -> None:
    nhncloud_fake.outcomes["01099998888"] = "3015"
    client = NhnCloudClient(nhncloud_fake.settings())
    ok = await client.send(msg())
    bad = await client.send(msg(key="k2", to="01099998888"))
    ids = [ok.provider_message_id or "", bad.provider_message_id or ""]
    before = await client.poll_reports(ids)
    nhncloud_fake.settle()
    after = await client.poll_reports(ids)
    await client.aclose()
    assert {r.state for r in before} == {"sent"}
    assert {r.provider_message_id: (r.state, r.error_code) for r in after} == {
        ok.provider_message_id: ("delivered", None),
        bad.provider_message_id: ("failed", "3015"),
    }


async def test_polling_alimtalk_reports_provider_failover(nhncloud_fake: NhnCloudFake) -> None:
    # Given one delivered AlimTalk, one resent by SMS (RSC04), one resend failed (RSC05), one without resend
    for number in ("01011110002", "01011110003", "01011110004"):
        nhncloud_fake.outcomes[number] = "3019"  # not a KakaoTalk user
    nhncloud_fake.resend_outcomes["01011110003"] = "3015"
    client = NhnCloudClient(nhncloud_fake.settings())
    sent = [
        await client.send(msg("alimtalk", key="a", to="01011110001", failover_text="예약 확정")),
        await client.send(msg("alimtalk", key="b", to="01011110002", failover_text="예약 확정")),
        await client.send(msg("alimtalk", key="c", to="01011110003", failover_text="예약 확정")),
        await client.send(msg("alimtalk", key="d", to="01011110004")),
    ]
    nhncloud_fake.settle()
    reports = await client.poll_reports([s.provider_message_id or "" for s in sent])
    await client.aclose()
    by_id = {r.provider_message_id: r for r in reports}
    got = [(by_id[s.provider_message_id or ""].state, by_id[s.provider_message_id or ""].failover_sent) for s in sent]
    assert got == [("delivered", False), ("delivered", True), ("failed", False), ("failed", False)]
    assert by_id[sent[3].provider_message_id or ""].error_code == "3019"


def test_fake_reports_partial_success_per_recipient_in_one_request(nhncloud_fake: NhnCloudFake) -> None:
    # Given one AlimTalk request for two recipients, one number malformed (other engineers batch this way)
    import httpx

    body = {
        "senderKey": SENDER_KEY,
        "templateCode": "TPL_CONFIRM",
        "recipientList": [
            {"recipientNo": "01012345678", "templateParameter": {"이름": "김", "날짜": "3일"}},
            {"recipientNo": "0101", "templateParameter": {"이름": "이", "날짜": "3일"}},
        ],
    }
    response = httpx.post(
        f"{nhncloud_fake.url}/alimtalk/v2.3/appkeys/{nhncloud_fake.kakao_app_key}/messages",
        json=body,
        headers={"X-Secret-Key": nhncloud_fake.kakao_secret_key},
    )
    # Then the request succeeds as a whole and each recipient has its own result
    data = response.json()
    assert response.status_code == 200 and data["header"]["isSuccessful"] is True
    assert [r["resultCode"] for r in data["message"]["sendResults"]] == [0, -2019]


def test_nhn_result_items_of_any_shape_become_reports_without_raising() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from runtime.channels.nhncloud import _alimtalk_report, _sms_report

    values = (
        st.none()
        | st.text(max_size=12)
        | st.integers()
        | st.sampled_from(["COMPLETED", "FAILED", "READY", "RSC01", "RSC02", "RSC04", "RSC05", "1000", "3", "2", "0"])
    )
    items = st.dictionaries(
        st.sampled_from(
            [
                "msgStatus",
                "resultCode",
                "recipientSeq",
                "messageStatus",
                "resendStatus",
                "resultDate",
                "receiveDate",
                "requestDate",
                "resultCodeName",
            ]
        ),
        values,
    )

    @given(items)
    def check(item: dict[str, object]) -> None:
        for report in (_sms_report("sms", "R1", item), _alimtalk_report("alimtalk", "R1", item)):
            assert report.state in ("sent", "delivered", "failed")
            assert report.at.tzinfo is not None
            if report.state == "failed":
                assert report.error_code is not None and report.error_message

    check()
