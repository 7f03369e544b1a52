"""FriendTalk link buttons and image travel node → outbox → provider request (issue 12): nothing is dropped."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from runtime.channels.base import Button, OutboundMessage
from runtime.channels.nhncloud import NhnCloudClient
from runtime.channels.solapi import SolapiClient
from runtime.clock import VirtualClock
from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from storage.db import session_scope
from storage.models import OutboxMessage
from tests.support.documents import START, event, workflow
from tests.support.fakes import NhnCloudFake, SolapiFake
from tests.support.messages import SMS
from tests.support.runtime import publish_document
from tests.support.solapi import KAKAO_SENDER_KEY, use_solapi

BUTTONS = [
    {"name": "예약하기", "url": "https://clinic.example/book"},
    {"name": "이벤트 보기", "url": "https://clinic.example/event"},
]
AD = "(광고) 우리안과의원 겨울 검진 안내\n무료수신거부 080-000-0000"
FRIENDTALK = workflow(
    [
        {"id": "start", "type": "trigger.consent_granted", "params": {"purpose": "marketing"}},
        {"id": "gate", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {"id": "ad", "type": "send.friendtalk", "params": {"text": AD, "buttons": BUTTONS}},
    ],
    [("start", "gate"), ("gate", "yes", "ad")],
)


FRIENDTALK_MESSAGE = dataclasses.replace(
    SMS,
    key="run:1:node:ad",
    kind="friendtalk",
    purpose="advertising",
    to="010-1234-5678",
    sender="02-1234-5678",
    text=AD,
    sender_key=KAKAO_SENDER_KEY,
    buttons=tuple(Button(**b) for b in BUTTONS),
)


def friendtalk(**changes: Any) -> OutboundMessage:
    return dataclasses.replace(FRIENDTALK_MESSAGE, **changes)


async def test_buttons_go_from_the_node_through_the_outbox_into_solapis_brand_message(
    rt: Runtime, clinic_id: int, clock: VirtualClock, solapi_fake: SolapiFake
) -> None:
    # Given a published FriendTalk with two link buttons, sent through SOLAPI (Brand Message)
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    await publish_document(rt.settings, clinic_id, FRIENDTALK)
    # When a patient grants marketing consent at noon
    noon = START.replace(hour=12)
    clock.set(noon)
    grant = event("consent.granted", "c-1", at=noon, consent={"purpose": "marketing", "method": "kiosk"})
    intake = await ingest(rt, clinic_id, grant)
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await run_until(rt, noon)
    # Then the outbox row keeps the buttons, and SOLAPI received them as Brand Message web-link buttons
    async with session_scope(rt.settings, None) as session:
        (row,) = (await session.execute(select(OutboxMessage))).scalars()
    assert (row.channel, row.status, row.buttons, row.image_url) == ("friendtalk", "sent", BUTTONS, None)
    (sent,) = solapi_fake.messages.values()
    assert sent["type"] == "BMS_TEXT"
    assert sent["kakaoOptions"]["bms"]["buttons"] == [
        {"linkType": "WL", "name": b["name"], "linkMobile": b["url"], "linkPc": b["url"]} for b in BUTTONS
    ]


async def test_solapi_cta_carries_buttons_as_kakao_buttons(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings(friendtalk_type="CTA"))
    result = await client.send(friendtalk())
    await client.aclose()
    assert result.accepted, result
    (sent,) = solapi_fake.messages.values()
    assert sent["kakaoOptions"]["buttons"] == [
        {"linkMo": b["url"], "linkPc": b["url"], "buttonName": b["name"], "buttonType": "WL"} for b in BUTTONS
    ]


async def test_the_fake_refuses_buttons_kakao_would_refuse(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    result = await client.send(
        friendtalk(buttons=(Button("이 버튼 이름은 열네 글자를 넘습니다", "https://x.example"),))
    )
    await client.aclose()
    assert not result.accepted and result.error_code == "ValidationError"


async def test_nhn_legacy_friendtalk_carries_buttons(nhncloud_fake: NhnCloudFake) -> None:
    client = NhnCloudClient(nhncloud_fake.settings(legacy_friendtalk=True))
    result = await client.send(friendtalk(sender_key=next(iter(nhncloud_fake.sender_keys))))
    await client.aclose()
    assert result.accepted, result
    ((recipient,),) = [v for (api, _), v in nhncloud_fake.messages.items() if api == "friendtalk"]
    assert recipient["buttons"] == [
        {"ordering": n, "type": "WL", "name": b["name"], "linkMo": b["url"], "linkPc": b["url"]}
        for n, b in enumerate(BUTTONS, start=1)
    ]


async def test_an_image_is_refused_with_a_reason_not_silently_dropped(
    solapi_fake: SolapiFake, nhncloud_fake: NhnCloudFake
) -> None:
    # Both providers take an image by the id of an upload, which the clients do not make yet
    with_image = friendtalk(image_url="https://clinic.example/winter.jpg")
    solapi = SolapiClient(solapi_fake.settings())
    nhn = NhnCloudClient(nhncloud_fake.settings(legacy_friendtalk=True))
    results = [await solapi.send(with_image), await nhn.send(with_image)]
    await solapi.aclose()
    await nhn.aclose()
    assert [(r.accepted, r.error_code) for r in results] == [(False, "CONFIG"), (False, "CONFIG")]
    assert all("이미지" in (r.error_message or "") and " / " in (r.error_message or "") for r in results)
    assert not solapi_fake.requests and not nhncloud_fake.messages
