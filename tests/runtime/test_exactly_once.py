"""Issue 13, cause 3: no message sent twice, none lost — through the real outbox, database and fake providers.

The provider-side handle is on the outbox row before a message can leave; a row whose earlier attempt may have
reached the provider (a worker killed, a lost answer, a dropped connection, a cancelled task) is *uncertain*,
never failed, and its next attempt asks the provider about that handle instead of sending again. Counted at the
fake provider per (recipient, text), not by our own keys.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until, settle
from runtime.outbox import deliver
from runtime.runs import advance_run
from storage.db import dispose_engines, session_scope
from storage.models import OutboxMessage
from tests.support.documents import START, event, workflow
from tests.support.fakes import NhnCloudFake, SolapiFake
from tests.support.runtime import publish_document, set_clinic_settings
from tests.support.solapi import use_solapi

ONE_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
    ],
    [("start", "note")],
)
APPOINTMENT = {"id": "apt-1", "starts_at": "2026-12-05T14:30:00+09:00", "procedure": "cataract"}
PHONE = "01055550001"

# A worker process that delivers one outbox row (killed by the test while the provider holds its answer).
WORKER = """
import asyncio, sys
from datetime import datetime
from pathlib import Path
from runtime.clock import VirtualClock
from runtime.context import Runtime
from runtime.outbox import deliver
from storage.config import Settings

settings = Settings(Path(sys.argv[1]), sys.argv[2], None, None)
runtime = Runtime(settings, clock=VirtualClock(datetime.fromisoformat(sys.argv[3])))
asyncio.run(deliver(runtime, int(sys.argv[4])))
"""


async def one_row(rt: Runtime, clinic_id: int) -> int:
    """Publish ONE_SMS, book an appointment and advance the run: the id of its (pending) outbox row."""
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    payload = event("appointment.booked", "b-1", phone=PHONE, appointment=APPOINTMENT)
    ids = [m for run_id in (await ingest(rt, clinic_id, payload)).advance for m in await advance_run(rt, run_id)]
    assert len(ids) == 1
    return ids[0]


async def row(rt: Runtime, message_id: int) -> OutboxMessage:
    async with session_scope(rt.settings, None) as session:
        found = (await session.execute(select(OutboxMessage).where(OutboxMessage.id == message_id))).scalar_one()
        session.expunge(found)
        return found


def wait_for(check: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


async def uncertain_row(rt: Runtime, clinic_id: int, solapi_fake: SolapiFake) -> int:
    """SOLAPI sends a row's message but the connection drops before its answer: the row's id, left uncertain."""
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    message_id = await one_row(rt, clinic_id)
    solapi_fake.after_next_send(drop=True)
    await deliver(rt, message_id)
    return message_id


async def killed_mid_send(rt: Runtime, clinic_id: int, solapi_fake: SolapiFake, script: str = WORKER) -> int:
    """A worker process (``script``) sends a row through SOLAPI, which accepts the message but holds its answer;
    the worker is SIGKILLed before it could mark the row sent. The row's id (left ``sending``)."""
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    message_id = await one_row(rt, clinic_id)
    await dispose_engines()
    solapi_fake.after_next_send(hold_s=60)
    settings = rt.settings
    args = [str(settings.data_dir), settings.database_url, rt.clock.now().isoformat(), str(message_id)]
    worker = subprocess.Popen([sys.executable, "-c", script, *args], env=dict(os.environ), stderr=subprocess.PIPE)
    try:
        wait_for(lambda: bool(solapi_fake.messages) or worker.poll() is not None)
        assert worker.poll() is None, worker.stderr.read() if worker.stderr else b""
    finally:
        worker.kill()
        worker.wait(10)
        if worker.stderr is not None:
            worker.stderr.close()
    assert (await row(rt, message_id)).status == "sending"
    return message_id


async def use_nhn(rt: Runtime, clinic_id: int, fake: NhnCloudFake) -> None:
    await set_clinic_settings(
        rt.settings,
        clinic_id,
        provider="nhncloud",
        nhn_sms_app_key=fake.sms_app_key,
        nhn_sms_secret_key=fake.sms_secret_key,
        nhn_sms_base_url=fake.url,
        nhn_kakao_base_url=fake.url,
        sender_number="0212345678",
    )


async def test_a_worker_killed_after_solapi_accepted_is_recovered_without_a_second_send(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given a worker process sending a row through SOLAPI, which accepts the message but holds its answer,
    # When the worker is killed (SIGKILL) before it could mark the row sent
    message_id = await killed_mid_send(rt, clinic_id, solapi_fake)
    left = await row(rt, message_id)
    assert left.status == "sending" and left.provider_handle in solapi_fake.groups
    # Then the stale sweeper hands it out again, the next attempt asks SOLAPI about the group: sent, not re-sent
    rt.clock.advance(rt.stale_after + timedelta(seconds=1))  # type: ignore[attr-defined]
    await settle(rt)
    done = await row(rt, message_id)
    assert done.status == "sent" and done.provider_message_id in solapi_fake.messages
    assert list(solapi_fake.accepted_counts().values()) == [1]
    assert len(solapi_fake.groups) == 1


async def test_a_cancelled_send_is_uncertain_then_sent_once(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI accepting a row's message but holding its answer
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    message_id = await one_row(rt, clinic_id)
    solapi_fake.after_next_send(hold_s=30)
    task = asyncio.ensure_future(deliver(rt, message_id))
    await asyncio.to_thread(wait_for, lambda: bool(solapi_fake.messages))
    # When the sending task is cancelled (a worker shutting down)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    # Then the row is uncertain (pending, its group kept), never failed
    uncertain = await row(rt, message_id)
    assert (uncertain.status, uncertain.error_code) == ("pending", "UNCERTAIN")
    assert uncertain.provider_handle in solapi_fake.groups
    # And its retry asks the group and records the message sent, without a second send
    await run_until(rt, START + timedelta(minutes=5))
    done = await row(rt, message_id)
    assert done.status == "sent" and list(solapi_fake.accepted_counts().values()) == [1]


async def test_a_dropped_connection_after_the_send_is_resolved_through_the_group(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI sends the group, then the connection drops before the answer
    message_id = await uncertain_row(rt, clinic_id, solapi_fake)
    # Then the row is uncertain, not failed, and keeps its group id
    uncertain = await row(rt, message_id)
    assert (uncertain.status, uncertain.error_code) == ("pending", "UNCERTAIN")
    assert uncertain.provider_handle in solapi_fake.groups
    # When it is retried, Then the group's messages say it went: sent once
    await run_until(rt, START + timedelta(minutes=5))
    done = await row(rt, message_id)
    assert done.status == "sent" and list(solapi_fake.accepted_counts().values()) == [1]


async def test_solapi_500_after_accepting_then_recovering_sends_once(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI sends the group but answers 500, then answers 500 to everything for a while
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    message_id = await one_row(rt, clinic_id)
    solapi_fake.failures.pass_next(2)  # create the group, add the message
    solapi_fake.failures.fail_next(1, 500, after_processing=True)  # the send: processed, answered 500
    solapi_fake.failures.fail_next(6, 500)  # the next attempts' questions fail too
    await deliver(rt, message_id)
    assert (await row(rt, message_id)).status == "pending"
    # When SOLAPI recovers, Then the row is sent, exactly once
    await run_until(rt, START + timedelta(hours=1))
    done = await row(rt, message_id)
    assert done.status == "sent" and list(solapi_fake.accepted_counts().values()) == [1]


async def test_nhn_dropped_connection_is_resolved_by_our_key_after_the_idempotency_window(
    rt: Runtime, clinic_id: int, nhncloud_fake: NhnCloudFake
) -> None:
    # Given NHN accepts an SMS but the connection drops before the answer
    await use_nhn(rt, clinic_id, nhncloud_fake)
    message_id = await one_row(rt, clinic_id)
    nhncloud_fake.after_next_send(drop=True)
    await deliver(rt, message_id)
    uncertain = await row(rt, message_id)
    assert (uncertain.status, uncertain.error_code) == ("pending", "UNCERTAIN")
    # When the retry comes after NHN's 10-minute idempotency window
    nhncloud_fake.idempotency.clear()
    await run_until(rt, START + timedelta(minutes=15))
    # Then the retry found the message by our key (senderGroupingKey) and did not send it again
    done = await row(rt, message_id)
    assert done.status == "sent" and done.provider_message_id and done.provider_message_id.startswith("sms|")
    assert list(nhncloud_fake.accepted_counts().values()) == [1]
    assert all(PHONE not in str(r.query) for r in nhncloud_fake.requests)


async def test_the_sandbox_keeps_one_record_per_outbox_key_across_a_cancelled_send(rt: Runtime, clinic_id: int) -> None:
    # Given a slow sandbox (simulate, tests, the default channel)
    await set_clinic_settings(rt.settings, clinic_id, sandbox={"send_delay_s": 1.0})
    message_id = await one_row(rt, clinic_id)
    task = asyncio.ensure_future(deliver(rt, message_id))
    deadline = time.monotonic() + 30
    while (await row(rt, message_id)).status != "sending":  # claimed: the send is under way
        assert time.monotonic() < deadline
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    # When the send is cancelled mid-way and the row retried
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert (await row(rt, message_id)).status == "pending"
    await run_until(rt, START + timedelta(minutes=5))
    # Then the sandbox journal holds one record for it
    done = await row(rt, message_id)
    assert done.status in ("sent", "delivered")
    assert len(list((rt.settings.data_dir / "sandbox").glob("sbx-*.json"))) == 1


async def test_first_sends_at_the_same_time_share_one_solapi_group_each_row_holding_its_id(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given six booked patients, two of them siblings sharing one phone, whose SMS rows are delivered at once
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    ids: list[int] = []
    for n in range(6):
        phone = f"0105555{min(n, 4):04d}"  # the sixth patient has the fifth's phone (another chart number)
        chart = f"G-{n}"
        appointment = {**APPOINTMENT, "id": f"apt-g{n}"}
        payload = event("appointment.booked", f"g-{n}", phone=phone, chart_no=chart, appointment=appointment)
        for run_id in (await ingest(rt, clinic_id, payload)).advance:
            ids += await advance_run(rt, run_id)
    assert len(ids) == 6

    # When they are delivered concurrently
    await asyncio.gather(*(deliver(rt, message_id) for message_id in ids))

    # Then each went out once; the rows share groups (fewer than one each), a group never holds one recipient
    # twice, and every row holds the id of the group its message went in
    rows = [await row(rt, message_id) for message_id in ids]
    assert [r.status for r in rows] == ["sent"] * 6
    sent = list(solapi_fake.messages.values())
    assert sorted(m["to"] for m in sent) == sorted(f"0105555{min(n, 4):04d}" for n in range(6))
    handles = {str(r.provider_handle) for r in rows}
    assert len(handles) < 6 and handles <= set(solapi_fake.groups)
    for group_id in handles:
        recipients = [m["to"] for m in solapi_fake.groups[group_id]["messages"]]
        assert len(recipients) == len(set(recipients))
