"""A SOLAPI outage through the real runtime: outbox rows stay queued while the provider answers 5xx, and
every message goes out exactly once after it recovers (issue 8, "Done means")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from tests.support.documents import REMINDER, START, event
from tests.support.fakes import SolapiFake
from tests.support.fakes._http import FailureScript
from tests.support.runtime import outbox, publish_document
from tests.support.solapi import use_solapi

PHONES = [f"010-5555-{n:04d}" for n in range(5)]
DUE = START + timedelta(days=1, hours=3)  # the D-1 18:00 reminders of appointments on 3 December


@pytest.mark.parametrize("outage", [timedelta(minutes=1), timedelta(minutes=30)])
async def test_outage_keeps_messages_queued_then_delivers_each_once(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake, outage: timedelta
) -> None:
    # Given five D-1 AlimTalk reminders through SOLAPI
    await use_solapi(rt.settings, clinic_id, solapi_fake, "APPT_REMINDER_D1")
    await publish_document(rt.settings, clinic_id, REMINDER)
    for n, phone in enumerate(PHONES):
        booked = {"id": f"apt-{n}", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"}
        payload = event("appointment.booked", f"b-{n}", chart_no=f"C-{n}", phone=phone, appointment=booked)
        for run_id in (await ingest(rt, clinic_id, payload)).advance:
            rt.dispatcher.advance(run_id)
    # And SOLAPI answers 500 from just before they are due, for the whole outage (on the runtime's clock)
    await run_until(rt, DUE - timedelta(minutes=1))
    assert await outbox(rt) == []
    solapi_fake.failures = FailureScript(clock=lambda: rt.clock.now().timestamp())
    solapi_fake.failures.fail_for(outage.total_seconds() + 60, 500)
    # When the outage is still on, Then nothing is lost: every reminder is queued for another attempt
    await run_until(rt, DUE + outage - timedelta(seconds=1))
    during = await outbox(rt)
    assert len(during) == len(PHONES)
    assert {(m.channel, m.status) for m in during} == {("alimtalk", "pending")}
    assert all(m.attempts >= 2 and m.error_code for m in during)
    # When SOLAPI recovers, Then each reminder is accepted exactly once, and no failover SMS was needed
    await run_until(rt, DUE + outage + timedelta(hours=2))
    after = await outbox(rt)
    assert [m.channel for m in after] == ["alimtalk"] * len(PHONES)
    assert {m.status for m in after} <= {"sent", "delivered"}
    assert all(solapi_fake.delivered_count(m.key) == 1 for m in after)
    assert len(solapi_fake.messages) == len(PHONES)
