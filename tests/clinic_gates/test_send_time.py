"""At send time the clinic's side is checked again (runtime/send_gate.py): the real clinic in sent texts, an
AlimTalk only with a template the clinic holds approved, an advertisement only with its opt-out number."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from runtime.context import Runtime
from runtime.inline import run_until
from runtime.simulate import simulate
from storage.db import session_scope
from storage.models import AlimTalkTemplateRow
from tests.support.documents import BOOKED, START, event, example, workflow
from tests.support.runtime import outbox, publish_document, set_clinic_settings, start

CARE_EVENT = event(
    "procedure.completed",
    "emr-1",
    appointment={"id": "apt-1", "starts_at": START.isoformat(), "procedure": "cataract"},
)
# An ad whose opt-out is the clinic's own number, behind the marketing-consent gate.
AD = workflow(
    [
        {"id": "start", "type": "trigger.consent_granted", "params": {"purpose": "marketing"}},
        {"id": "gate", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {
            "id": "ad",
            "type": "send.sms",
            "params": {
                "text": "(광고) {{ clinic.name }} 검진 안내. 무료수신거부 {{ clinic.optout_number }}",
                "purpose": "advertising",
            },
        },
    ],
    [("start", "gate"), ("gate", "yes", "ad")],
)
CONSENT = event("consent.granted", "c-1", consent={"purpose": "marketing", "method": "kiosk"})


async def test_sent_texts_carry_the_clinics_own_phone(rt: Runtime, clinic_id: int) -> None:
    await set_clinic_settings(rt.settings, clinic_id, phone="031-777-8888")
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    await start(rt, clinic_id, CARE_EVENT)
    await run_until(rt, START + timedelta(days=1, hours=12))
    [first] = [m for m in await outbox(rt) if m.node_id == "care_d1"]
    assert first.status in ("sent", "delivered") and "031-777-8888" in first.text


async def test_an_alimtalk_whose_template_lost_its_approval_is_skipped_with_the_reason(
    rt: Runtime, clinic_id: int
) -> None:
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    # Given the clinic's copy is no longer approved when the day-1 message is due
    async with session_scope(rt.settings, None) as session:
        await session.execute(
            update(AlimTalkTemplateRow)
            .where(AlimTalkTemplateRow.code == "POSTOP_CATARACT_D1")
            .values(status="rejected")
        )
    await start(rt, clinic_id, CARE_EVENT)
    await run_until(rt, START + timedelta(days=1, hours=12))
    [first] = [m for m in await outbox(rt) if m.node_id == "care_d1"]
    assert first.status == "skipped" and first.reason and first.reason.startswith("KAKAO-TEMPLATE-UNAPPROVED")


async def test_an_ad_whose_optout_renders_empty_is_skipped_with_the_reason(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, AD)  # published while the clinic had its 080 number
    await set_clinic_settings(rt.settings, clinic_id, optout_number="")
    await start(rt, clinic_id, CONSENT)
    [ad] = await outbox(rt)
    assert ad.status == "skipped" and ad.reason and "무료수신거부" in ad.reason and "opt-out" in ad.reason
    # with the number back, the next ad goes out carrying it
    await set_clinic_settings(rt.settings, clinic_id, optout_number="080-500-1234")
    await start(rt, clinic_id, {**CONSENT, "external_id": "c-2"})
    sent = (await outbox(rt))[-1]
    assert sent.status in ("sent", "delivered") and sent.text.endswith("080-500-1234")


async def test_simulate_of_a_clinic_shows_its_values_and_skips_library_originals() -> None:
    booked = event("appointment.booked", "b-1", appointment=BOOKED)
    # The server simulates the caller's clinic: a library original is skipped, with the rule named
    clinic = {"name": "밝은눈안과", "phone": "02-999-0000", "library_sendable": False, "alimtalk_templates": {}}
    result = await simulate(example("appointment-reminder-d1"), booked, clinic=clinic)
    assert result["messages"] == []
    assert [s["reason"].split(":")[0] for s in result["skipped"]] == ["KAKAO-TEMPLATE-UNAPPROVED"]
    # With the clinic's approved copy, the preview is the real text with the clinic's own phone
    from nodes.send_alimtalk.library import get_template

    approved = {"APPT_REMINDER_D1": get_template("APPT_REMINDER_D1").text}
    result = await simulate(
        example("appointment-reminder-d1"), booked, clinic={**clinic, "alimtalk_templates": approved}
    )
    [message] = result["messages"]
    assert "밝은눈안과" in message["text"]
    # The CLI (no clinic) simulates a sample clinic that may send the library, to show what it would say
    assert (await simulate(example("appointment-reminder-d1"), booked))["messages"]
