"""Issue 13, "done means": every message due during a provider outage is delivered ≤ 30 s after it ends.

Retries back off 5, 10, 20, 40 … s, so messages whose first failure came at different moments of an outage are
spread over the back-off: the full soak (60 s of HTTP 500) saw the last one 33 s after the outage ended. A retry
that goes through shows the provider is back: the clinic's other messages waiting out that provider's outage are
due at once. Through the real outbox, database and a fake SOLAPI whose outage runs on the test's virtual clock.
"""

from __future__ import annotations

from datetime import timedelta

from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from runtime.outbox import deliver
from runtime.runs import advance_run
from tests.support.documents import START, event
from tests.support.fakes import SolapiFake
from tests.support.fakes._http import FailureScript
from tests.support.runtime import publish_document, virtual
from tests.support.solapi import use_solapi

from .test_exactly_once import APPOINTMENT, ONE_SMS, row

OUTAGE = timedelta(seconds=60)


async def booked(rt: Runtime, clinic_id: int, number: int) -> int:
    """A booking whose run wrote one pending SMS: its outbox id."""
    payload = event(
        "appointment.booked",
        f"b-{number}",
        chart_no=f"C-{number}",
        phone=f"010555500{number:02d}",
        appointment={**APPOINTMENT, "id": f"apt-{number}"},
    )
    (run_id,) = (await ingest(rt, clinic_id, payload)).advance
    (message_id,) = await advance_run(rt, run_id)
    return message_id


async def test_messages_backing_off_in_an_outage_go_out_within_30_s_of_its_end(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI answering HTTP 500 to everything for 60 s (on the test's clock)
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    solapi_fake.failures = FailureScript(clock=lambda: virtual(rt).now().timestamp())
    solapi_fake.failures.fail_for(OUTAGE.total_seconds())
    # And one message first tried as it begins, another 20 s into it (their back-offs out of step)
    first = await booked(rt, clinic_id, 1)
    await deliver(rt, first)
    await run_until(rt, START + timedelta(seconds=20))
    second = await booked(rt, clinic_id, 2)
    await deliver(rt, second)
    assert [(await row(rt, m)).status for m in (first, second)] == ["pending", "pending"]
    # When the outage ends and 30 s pass
    await run_until(rt, START + OUTAGE + timedelta(seconds=30))
    # Then both went out, once each, within those 30 s
    for message_id in (first, second):
        done = await row(rt, message_id)
        assert done.status == "sent", (message_id, done.status, done.attempts, done.due_at)
        assert done.sent_at is not None and done.sent_at <= START + OUTAGE + timedelta(seconds=30)
    assert sorted(solapi_fake.accepted_counts().values()) == [1, 1]
