"""The runtime sends the clinic's own approved AlimTalk text (the text the publish gate checked), not the
shipped library's text of the same code."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from sqlalchemy import select

from runtime.context import Runtime
from runtime.inline import run_until
from storage.alimtalk_templates import store
from storage.db import session_scope
from storage.models import OutboxMessage
from storage.tenancy import Caller
from tests.support.documents import BOOKED, REMINDER, START, event
from tests.support.runtime import publish_document, start

# The template lifecycle itself: the clinic starts without approved copies of the library (tests/support/clinic.py).
pytestmark = pytest.mark.own_templates

CLINIC_TEXT = (
    "[#{병원명}] 내일 진료 예약 안내\n\n#{이름}님, 내일 #{예약일시} 진료가 있습니다.\n"
    "주차는 건물 지하 2층을 이용해 주세요. 장소: #{병원주소}\n문의: #{병원전화}"
)


async def approve_clinic_template(rt: Runtime, clinic_id: int, code: str, text: str) -> None:
    caller = Caller(clinic_id=clinic_id, actor="test")
    body = {"code": code, "name": "우리 병원 D-1 안내", "category": "appointment", "text": text}
    async with session_scope(rt.settings, clinic_id) as session:
        await store.create(session, caller, body)
        for action in ("submit", "approve"):
            await store.transition(session, caller, code, action)


async def sent_texts(rt: Runtime) -> list[str]:
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(OutboxMessage.text).order_by(OutboxMessage.id))).scalars())


async def test_clinic_template_text_is_what_the_patient_gets(rt: Runtime, clinic_id: int) -> None:
    # Given the clinic's own approved template and a D-1 reminder workflow that uses it
    await approve_clinic_template(rt, clinic_id, "MY_CLINIC_D1", CLINIC_TEXT)
    document = copy.deepcopy(REMINDER)
    for node in document["nodes"]:
        if node["type"] == "send.alimtalk":
            node["params"]["template"] = "MY_CLINIC_D1"
    await publish_document(rt.settings, clinic_id, document)
    # When an appointment is booked and D-1 18:00 passes
    await start(rt, clinic_id, event("appointment.booked", "naver-1", appointment=BOOKED))
    await run_until(rt, START + timedelta(days=2))
    # Then the AlimTalk carries the clinic's text, filled in
    [text] = await sent_texts(rt)
    assert "주차는 건물 지하 2층을 이용해 주세요." in text and "김민지님" in text and "#{" not in text


async def test_a_library_code_the_clinic_approved_anew_sends_the_clinic_text(rt: Runtime, clinic_id: int) -> None:
    # Given the clinic copied APPT_REMINDER_D1, changed its text before submitting, and Kakao approved it
    caller = Caller(clinic_id=clinic_id, actor="test")
    async with session_scope(rt.settings, clinic_id) as session:
        await store.copy_from_library(session, caller, "APPT_REMINDER_D1")
        await store.update(session, caller, "APPT_REMINDER_D1", {"text": CLINIC_TEXT})
        for action in ("submit", "approve"):
            await store.transition(session, caller, "APPT_REMINDER_D1", action)
    await publish_document(rt.settings, clinic_id, REMINDER)
    await start(rt, clinic_id, event("appointment.booked", "naver-1", appointment=BOOKED))
    await run_until(rt, START + timedelta(days=2))
    [text] = await sent_texts(rt)
    assert "주차는 건물 지하 2층" in text and "복용 중인 약" not in text
