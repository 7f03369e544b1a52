"""Our SOLAPI requests equal the official SDK's, byte for byte, for the same key, secret, date and salt.

Both the SDK (``solapi`` 5.x, sync httpx) and our client post to the same real local fake server, which
records what arrived. Only the SDK's date and salt are pinned (its ``Authenticator``); our client gets the
same values through its ``clock``/``salt`` parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from solapi import SolapiMessageService
from solapi.lib.authenticator import Authenticator
from solapi.model import Bms, KakaoOption, MessageType, RequestMessage
from solapi.model.kakao.bms.bms_button import BmsWebButton
from solapi.model.kakao.kakao_button import KakaoButton
from solapi.model.request import VERSION as SDK_VERSION
from solapi.model.request.kakao.kakao_option import KakaoOption as KakaoOptionWithButtons

from runtime.channels.base import Button, OutboundMessage
from runtime.channels.solapi import (
    SolapiClient,
    SolapiSettings,
    authorization_header,
    build_message,
    build_send_body,
    now_iso,
)
from tests.support.fakes import SolapiFake

SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
PF_ID = "KA01PF_FAKE"
KEY = "run:42:node:care1"
# What every case shares: the outbox key, the recipient and the clinic's sender number.
BASE = OutboundMessage(key=KEY, kind="sms", purpose="informational", to="010-1234-5678", sender="02-1234-5678", text="")
BUTTONS = (Button("예약하기", "https://clinic.example/book"), Button("약도", "https://clinic.example/map"))


@pytest.fixture
def fake() -> Iterator[SolapiFake]:
    # The SDK and our client sign with the same date and salt, so replay protection must be off here.
    with SolapiFake(check_replay=False) as server:
        yield server


def sdk_request(**fields: Any) -> RequestMessage:
    """The SDK's message from the clinic's number to the patient, carrying our outbox key."""
    return RequestMessage(from_="02-1234-5678", to="010-1234-5678", custom_fields={"outboxKey": KEY}, **fields)


def _cases() -> list[tuple[str, OutboundMessage, RequestMessage, str]]:
    variables = {"이름": "김민지", "날짜": "12월 3일 14:30"}
    return [
        (
            "sms",
            replace(BASE, kind="sms", text="내일 10시 진료 예약이 있습니다."),
            sdk_request(
                text="내일 10시 진료 예약이 있습니다.",
                type=MessageType.SMS,
            ),
            "BMS_TEXT",
        ),
        (
            "lms",
            replace(BASE, kind="lms", text="수술 후 안내 " * 20, subject="수술 후 안내"),
            sdk_request(
                text="수술 후 안내 " * 20,
                type=MessageType.LMS,
                subject="수술 후 안내",
            ),
            "BMS_TEXT",
        ),
        (
            "alimtalk+failover",
            replace(
                BASE,
                kind="alimtalk",
                text="김민지님, 12월 3일 14:30 예약이 확정되었습니다.",
                template_code="TPL_CONFIRM",
                variables=variables,
                sender_key=PF_ID,
                failover_text="김민지님 12월 3일 14:30 예약 확정",
            ),
            sdk_request(
                text="김민지님 12월 3일 14:30 예약 확정",
                type=MessageType.ATA,
                kakao_options=KakaoOption(
                    pf_id=PF_ID, template_id="TPL_CONFIRM", variables=variables, disable_sms=False
                ),
            ),
            "BMS_TEXT",
        ),
        (
            "alimtalk",
            replace(
                BASE,
                kind="alimtalk",
                text="…",
                template_code="TPL_CONFIRM",
                variables=variables,
                sender_key=PF_ID,
            ),
            sdk_request(
                type=MessageType.ATA,
                kakao_options=KakaoOption(
                    pf_id=PF_ID, template_id="TPL_CONFIRM", variables=variables, disable_sms=True
                ),
            ),
            "BMS_TEXT",
        ),
        (
            "friendtalk-cta",
            replace(
                BASE, kind="friendtalk", purpose="advertising", text="(광고) 새해 진료 시간 안내", sender_key=PF_ID
            ),
            sdk_request(
                text="(광고) 새해 진료 시간 안내",
                type=MessageType.CTA,
                kakao_options=KakaoOption(pf_id=PF_ID, disable_sms=True),
            ),
            "CTA",
        ),
        (
            "brand-message",
            replace(
                BASE, kind="friendtalk", purpose="advertising", text="(광고) 새해 진료 시간 안내", sender_key=PF_ID
            ),
            sdk_request(
                text="(광고) 새해 진료 시간 안내",
                type=MessageType.BMS_TEXT,
                kakao_options=KakaoOption(
                    pf_id=PF_ID, disable_sms=True, bms=Bms(targeting="I", chat_bubble_type="TEXT")
                ),
            ),
            "BMS_TEXT",
        ),
        (
            "brand-message+buttons",
            replace(
                BASE,
                kind="friendtalk",
                purpose="advertising",
                text="(광고) 새해 진료 시간 안내",
                sender_key=PF_ID,
                buttons=BUTTONS,
            ),
            sdk_request(
                text="(광고) 새해 진료 시간 안내",
                type=MessageType.BMS_TEXT,
                kakao_options=KakaoOption(
                    pf_id=PF_ID,
                    disable_sms=True,
                    bms=Bms(
                        targeting="I",
                        chat_bubble_type="TEXT",
                        buttons=[BmsWebButton(name=b.name, link_mobile=b.url, link_pc=b.url) for b in BUTTONS],
                    ),
                ),
            ),
            "BMS_TEXT",
        ),
    ]


@pytest.mark.parametrize("name,ours,sdk_message,friendtalk_type", _cases(), ids=[c[0] for c in _cases()])
async def test_request_equals_the_official_sdk(
    fake: SolapiFake,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    ours: OutboundMessage,
    sdk_message: RequestMessage,
    friendtalk_type: str,
) -> None:
    # Given the SDK's date and salt pinned to values our client will use too
    date = now_iso()
    monkeypatch.setattr(Authenticator, "get_iso_datetime", staticmethod(lambda: date))
    monkeypatch.setattr(Authenticator, "unique_id", staticmethod(lambda: SALT))

    # When the SDK sends the message and our client sends the same message
    service = SolapiMessageService(fake.api_key, fake.api_secret)
    service.base_url = fake.url
    service.send(sdk_message)
    client = SolapiClient(
        fake.settings(sdk_version=SDK_VERSION, friendtalk_type=friendtalk_type),
        clock=lambda: date,
        salt=lambda: SALT,
    )
    result = await client.send(ours)
    await client.aclose()

    # Then our group requests carry the SDK's Authorization header, and the message added to the group is the
    # SDK's message byte for byte (our client sends in a group, the SDK's send() in one send-many request)
    sdk_request, *ours_requests = fake.requests
    assert result.accepted, result
    assert sdk_request.path == "/messages/v4/send-many/detail"
    assert [(r.method, r.path.split("/")[-1]) for r in ours_requests][::2] == [("POST", "groups"), ("POST", "send")]
    assert all(r.headers["authorization"] == sdk_request.headers["authorization"] for r in ours_requests)
    added = ours_requests[1]
    assert added.method == "PUT" and added.json()["messages"] == sdk_request.json()["messages"]
    assert sdk_request.body.startswith(added.body[:-1] + b",")  # {"messages":[…] then the SDK's other fields
    # And the SDK's one-shot body is what build_send_body writes
    settings = fake.settings(sdk_version=SDK_VERSION, friendtalk_type=friendtalk_type)
    assert json.dumps(build_send_body([ours], settings), ensure_ascii=False, separators=(",", ":")).encode() == (
        sdk_request.body
    )


def test_signature_matches_the_documented_test_vector() -> None:
    # Given PROVIDERS.md's vector (secret TEST_SECRET, date and salt of SOLAPI's documentation)
    header = authorization_header("NCSAYU7YDBXYORXC", "TEST_SECRET", "2019-07-01T00:41:48Z", "jqsba2jxjnrjor")
    # Then the signature is the documented one, in the SDK's header layout
    assert header == (
        "HMAC-SHA256 ApiKey=NCSAYU7YDBXYORXC, Date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, "
        "signature=1dc8d09b981c743a95630a89ac7353ce83c6d2f528b5d24a785e0b990b8e5cf8"
    )


def test_signature_equals_the_sdk_authenticator() -> None:
    # Given the SDK's own signing function
    sdk = Authenticator.get_signature("TEST_SECRET", "2019-07-01T00:41:48Z" + "jqsba2jxjnrjor")
    # Then our header carries the same signature
    assert authorization_header("K", "TEST_SECRET", "2019-07-01T00:41:48Z", "jqsba2jxjnrjor").endswith(sdk)


def test_friendtalk_cta_buttons_equal_the_sdk_button_model() -> None:
    # The SDK's message model (5.0.3) has no CTA buttons, so no request to compare: its KakaoOption with buttons
    # (solapi/model/request/kakao/kakao_option.py) and KakaoButton say how they are written.
    message = replace(
        BASE,
        kind="friendtalk",
        purpose="advertising",
        text="(광고) 새해 진료 시간 안내",
        sender_key=PF_ID,
        buttons=BUTTONS,
    )
    sdk = KakaoOptionWithButtons(
        pf_id=PF_ID,
        disable_sms=True,
        buttons=[KakaoButton(button_name=b.name, button_type="WL", link_mo=b.url, link_pc=b.url) for b in BUTTONS],
    )
    ours = build_message(message, SolapiSettings("key", "secret", friendtalk_type="CTA"))["kakaoOptions"]
    assert ours == sdk.model_dump(by_alias=True, exclude_none=True)
    assert list(ours["buttons"][0]) == list(sdk.model_dump(by_alias=True, exclude_none=True)["buttons"][0])
