"""Self-booking on the clinic's public page: open slots, required treatment consent, marketing separate and never
pre-checked, consents in the ledger, the booking through the event ingest (a booked workflow starts), no slot twice."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from litestar.testing import AsyncTestClient
from sqlalchemy import select

from runtime.clock import SEOUL
from runtime.context import Runtime
from runtime.patient_links.slots import open_slots
from server import create_app
from storage.db import session_scope
from storage.models import Appointment, Consent, Run
from tests.support.documents import workflow
from tests.support.runtime import publish_document

BOOKED = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "hi", "type": "send.sms", "params": {"text": "예약을 받았습니다.", "purpose": "informational"}},
    ],
    [("start", "hi")],
)


def test_slots_follow_the_hours_and_skip_past_and_taken_times() -> None:
    now = datetime(2026, 12, 5, 0, 0, tzinfo=UTC)  # Saturday 09:00 in Seoul
    slots = open_slots({}, now, [datetime(2026, 12, 7, 9, 0, tzinfo=SEOUL)])
    assert slots[0] == datetime(2026, 12, 5, 10, 0, tzinfo=SEOUL)  # an hour from now, Saturday morning only
    assert all(s.weekday() != 6 for s in slots)  # no Sundays
    assert datetime(2026, 12, 7, 9, 0, tzinfo=SEOUL) not in slots
    assert datetime(2026, 12, 7, 9, 30, tzinfo=SEOUL) in slots
    custom = open_slots({"self_booking": {"hours": {"mon": ["14:00", "15:00"]}}}, now, [])
    assert [s.strftime("%a %H:%M") for s in custom[:3]] == ["Mon 14:00", "Mon 14:30", "Mon 15:00"]


async def test_patient_books_with_consents_and_the_slot_is_gone(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, BOOKED)
    async with AsyncTestClient(app=create_app(rt.settings)) as client:
        page = await client.get("/p/book/default")
        assert page.status_code == 200
        # Nothing pre-checked, marketing separate from the required consent
        assert "checked" not in page.text
        assert "[필수]" in page.text and "[선택]" in page.text
        slot = re.search(r'<option value="([^"]+)"', page.text[page.text.index("optgroup") :])
        assert slot
        form = {"slot": slot.group(1), "name": "강예린", "phone": "010-8080-9090", "reason": "백내장 상담"}
        # Without the required consent: refused, nothing written
        refused = await client.post("/p/book/default", data=form)
        assert refused.status_code == 422 and "[필수] 개인정보" in refused.text
        async with session_scope(rt.settings, None) as session:
            assert (await session.execute(select(Appointment))).first() is None
        # With it (marketing left unchecked): booked, consent recorded, the booked workflow starts
        done = await client.post("/p/book/default", data={**form, "consent_treatment": "yes"})
        assert done.status_code == 200 and "예약을 받았습니다" in done.text, done.text
        async with session_scope(rt.settings, None) as session:
            appointment = (await session.execute(select(Appointment))).scalar_one()
            assert (
                appointment.starts_at is not None
                and appointment.starts_at.isoformat()
                == datetime.fromisoformat(slot.group(1)).astimezone(UTC).isoformat()
            )
            consents = [(c.purpose, c.granted, c.method) for c in (await session.execute(select(Consent))).scalars()]
            assert consents == [("treatment", True, "web")]
            assert len((await session.execute(select(Run))).all()) == 1
        # The same time is no longer offered, and sending it again is refused
        assert slot.group(1) not in (await client.get("/p/book/default")).text
        again = await client.post(
            "/p/book/default", data={**form, "phone": "010-8080-9091", "consent_treatment": "yes"}
        )
        assert again.status_code == 422
        # Marketing only when ticked
        other = re.search(
            r'<option value="([^"]+)"', (await client.get("/p/book/default")).text.split("optgroup", 1)[1]
        )
        assert other
        second = {
            "slot": other.group(1),
            "name": "노하준",
            "phone": "010-7070-6060",
            "consent_treatment": "yes",
            "consent_marketing": "yes",
        }
        assert (await client.post("/p/book/default", data=second)).status_code == 200
        async with session_scope(rt.settings, None) as session:
            purposes = sorted(c.purpose for c in (await session.execute(select(Consent))).scalars())
        assert purposes == ["marketing", "treatment", "treatment"]
        assert (await client.get("/p/book/no-such-clinic")).status_code == 404
        bad_phone = await client.post("/p/book/default", data={**second, "phone": "02-123-4567"})
        assert bad_phone.status_code == 422 and "휴대폰 번호" in bad_phone.text
