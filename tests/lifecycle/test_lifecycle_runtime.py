"""Pause holds, resume releases once, archive and stopping cancel; the frequency rule — on the runtime's own
machinery (scheduler, outbox claim), on a virtual clock, dispatched in-process."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from runtime.context import Runtime
from runtime.control import cancel_message, cancel_run
from runtime.events import ingest
from runtime.inline import run_until, settle
from storage.db import session_scope
from storage.models import Run, RunStep, Workflow
from storage.tenancy import Caller
from storage.workflows import lifecycle
from tests.support.documents import START, event, workflow
from tests.support.runtime import outbox, publish_document, set_clinic_settings, start, virtual

WAIT_THEN_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "later", "type": "wait.duration", "params": {"days": 1}},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
    ],
    [("start", "later"), ("later", "note")],
)
SMS_NOW = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "hello", "type": "send.sms", "params": {"text": "예약이 확인되었습니다", "purpose": "informational"}},
    ],
    [("start", "hello")],
)
APPOINTMENT = {"id": "apt-1", "starts_at": "2026-12-05T14:30:00+09:00", "procedure": "cataract"}
OTHER = {"id": "apt-2", "starts_at": "2026-12-06T10:00:00+09:00", "procedure": "cataract"}


async def _transition(rt: Runtime, workflow_id: int, action: str) -> None:
    async with session_scope(rt.settings, None) as session:
        found = await session.get(Workflow, workflow_id)
        assert found is not None
        caller = Caller(clinic_id=found.clinic_id, actor="test")
        await getattr(lifecycle, action)(session, caller, found)


async def test_pause_holds_a_due_wait_and_resume_sends_it_once(rt: Runtime, clinic_id: int) -> None:
    # Given a run waiting a day before its message
    wid = await publish_document(rt.settings, clinic_id, WAIT_THEN_SMS)
    await start(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    # When the workflow is paused and three days pass
    await _transition(rt, wid, "pause")
    await run_until(rt, START + timedelta(days=3))
    # Then nothing was sent and the wait is still there (held, not dropped)
    assert await outbox(rt) == []
    async with session_scope(rt.settings, None) as session:
        steps = {s.node_id: s.status for s in (await session.execute(select(RunStep))).scalars()}
    assert steps["later"] == "waiting"
    # When it is resumed
    await _transition(rt, wid, "resume")
    await run_until(rt, START + timedelta(days=5))
    # Then the message goes out exactly once
    rows = await outbox(rt)
    assert [(r.node_id, r.status, r.attempts) for r in rows] == [("note", "delivered", 1)]


async def test_a_pending_send_dispatched_while_paused_stays_pending_until_resumed(rt: Runtime, clinic_id: int) -> None:
    # Given a booking whose run is enqueued (its delivery on the way) when the workflow is paused
    wid = await publish_document(rt.settings, clinic_id, SMS_NOW)
    intake = await ingest(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    await _transition(rt, wid, "pause")
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)  # what a Redis message queued before the pause does
    # When the worker gets to it and a day of scheduler passes goes by
    await run_until(rt, START + timedelta(days=1))
    # Then the message is pending, never attempted
    (row,) = await outbox(rt)
    assert (row.status, row.attempts, row.sent_at) == ("pending", 0, None)
    # When the workflow resumes, it goes out once, and later passes send nothing more
    await _transition(rt, wid, "resume")
    await run_until(rt, START + timedelta(days=3))
    (row,) = await outbox(rt)
    assert (row.status, row.attempts) == ("delivered", 1)


async def test_archive_cancels_pending_sends_and_they_are_never_sent(rt: Runtime, clinic_id: int) -> None:
    # Given a pending message held by a pause, and another run waiting
    wid = await publish_document(rt.settings, clinic_id, SMS_NOW)
    intake = await ingest(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    await _transition(rt, wid, "pause")
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await settle(rt)
    # When the workflow is archived and time passes
    await _transition(rt, wid, "archive")
    await run_until(rt, START + timedelta(days=2))
    # Then the message is cancelled (kept, with the reason) and the run too
    (row,) = await outbox(rt)
    assert row.status == "cancelled" and "보관" in (row.reason or "")
    async with session_scope(rt.settings, None) as session:
        assert [r.status for r in (await session.execute(select(Run))).scalars()] == ["cancelled"]


async def test_a_stopped_run_and_a_cancelled_message_are_never_sent(rt: Runtime, clinic_id: int) -> None:
    # Given two runs, each with a pending message held by a pause
    wid = await publish_document(rt.settings, clinic_id, SMS_NOW)
    first = await ingest(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    second = await ingest(
        rt, clinic_id, event("appointment.booked", "b-2", chart_no="A-2", phone="010-2222-3333", appointment=OTHER)
    )
    await _transition(rt, wid, "pause")
    for run_id in first.advance + second.advance:
        rt.dispatcher.advance(run_id)
    await settle(rt)
    rows = await outbox(rt)
    assert [r.status for r in rows] == ["pending", "pending"]
    # When staff stop the first run and cancel the second run's message, then the workflow resumes
    caller = Caller(clinic_id=clinic_id, actor="test")
    async with session_scope(rt.settings, clinic_id) as session:
        run = await cancel_run(session, caller, first.advance[0])
        assert run.status == "cancelled"
        message = await cancel_message(session, caller, rows[1].id)
        assert message.status == "cancelled"
    await _transition(rt, wid, "resume")
    await run_until(rt, START + timedelta(days=2))
    # Then neither is ever sent
    assert [r.status for r in await outbox(rt)] == ["cancelled", "cancelled"]
    assert all(r.sent_at is None for r in await outbox(rt))


async def test_the_frequency_rule_skips_the_second_copy_from_another_workflow(rt: Runtime, clinic_id: int) -> None:
    # Given two active workflows that send the same text on the same trigger
    await publish_document(rt.settings, clinic_id, {**SMS_NOW, "name": "예약 확인 A"})
    await publish_document(rt.settings, clinic_id, {**SMS_NOW, "name": "예약 확인 B"})
    # When one booking fires both
    await start(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    # Then the first is sent, the second is skipped with the reason naming the first
    first, second = await outbox(rt)
    assert first.status == "delivered"
    assert second.status == "skipped"
    assert second.reason is not None and "빈도 제한" in second.reason and f"#{first.id}" in second.reason
    assert "예약 확인 A" in second.reason and " / frequency rule" in second.reason
    # And a day later the same booking text may go again (the window is 24 hours)
    later = START + timedelta(hours=25)
    virtual(rt).set(later)
    await start(rt, clinic_id, event("appointment.booked", "b-2", at=later, appointment=APPOINTMENT))
    statuses = [r.status for r in await outbox(rt)]
    assert statuses.count("delivered") == 2


async def test_the_frequency_rule_is_a_clinic_setting(rt: Runtime, clinic_id: int) -> None:
    # Given the rule turned off (0 hours) and two workflows sending the same text
    await set_clinic_settings(rt.settings, clinic_id, frequency_hours=0)
    await publish_document(rt.settings, clinic_id, {**SMS_NOW, "name": "A"})
    await publish_document(rt.settings, clinic_id, {**SMS_NOW, "name": "B"})
    await start(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    # Then both are sent
    assert [r.status for r in await outbox(rt)] == ["delivered", "delivered"]


async def test_pause_and_the_frequency_rule_on_every_database(any_db_settings: Any, tmp_path: Any) -> None:
    """The same story on SQLite and PostgreSQL (its per-patient advisory lock, the paused-run subqueries)."""
    from runtime.clock import VirtualClock
    from runtime.context import QueueDispatcher
    from storage.db import dispose_engines
    from storage.migrate import ensure_default_clinic

    clinic = await ensure_default_clinic(any_db_settings)
    runtime = Runtime(
        any_db_settings,
        clock=VirtualClock(START),
        dispatcher=QueueDispatcher(),
        stale_after=timedelta(seconds=30),
        sandbox_journal=tmp_path / "sandbox",
    )
    try:
        held = await publish_document(any_db_settings, clinic, {**SMS_NOW, "name": "보류"})
        await publish_document(any_db_settings, clinic, {**SMS_NOW, "name": "같은 문자"})
        intake = await ingest(runtime, clinic, event("appointment.booked", "db-1", appointment=APPOINTMENT))
        await _transition(runtime, held, "pause")
        for run_id in intake.advance:
            runtime.dispatcher.advance(run_id)
        await settle(runtime)
        rows = await outbox(runtime)
        assert sorted(r.status for r in rows) == ["delivered", "pending"]
        await _transition(runtime, held, "resume")
        await run_until(runtime, START + timedelta(hours=1))
        rows = await outbox(runtime)
        # resumed, the held copy meets the frequency rule: the same text went out an hour earlier
        assert sorted(r.status for r in rows) == ["delivered", "skipped"]
        assert all(r.attempts <= 1 for r in rows)
    finally:
        await runtime.aclose()
        await dispose_engines()


async def test_a_paused_campaign_enrols_no_one(rt: Runtime, clinic_id: int) -> None:
    from datetime import datetime

    from runtime.clock import SEOUL
    from tests.support.documents import example

    # Given the LASIK check-up campaign, paused, and a consenting LASIK patient
    wid = await publish_document(rt.settings, clinic_id, example("marketing-eye-checkup-campaign"))
    lasik = {"id": "apt-L-1", "starts_at": START.isoformat(), "procedure": "lasik"}
    await ingest(rt, clinic_id, event("procedure.completed", "p-L-1", chart_no="L-1", appointment=lasik))
    consent = {"purpose": "marketing", "method": "kiosk"}
    await ingest(rt, clinic_id, event("consent.granted", "c-L-1", chart_no="L-1", consent=consent))
    await _transition(rt, wid, "pause")
    # When its time comes (15 March 10:00)
    virtual(rt).set(datetime(2027, 3, 15, 10, 0, 30, tzinfo=SEOUL))
    await settle(rt)
    # Then no run starts
    async with session_scope(rt.settings, None) as session:
        assert list((await session.execute(select(Run))).scalars()) == []
