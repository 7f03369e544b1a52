"""End-to-end runtime behaviour on a virtual clock, dispatched in-process (the workers run the same code)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from runtime import actors
from runtime.clock import SEOUL
from runtime.context import QueueDispatcher, Runtime, set_current
from runtime.events import ingest
from runtime.inline import run_until, settle
from storage.db import session_scope
from storage.models import Run
from tests.support.documents import BOOKED, MARKETING, REMINDER, START, event, example, workflow
from tests.support.runtime import outbox, publish_document, start, virtual


async def test_cataract_postop_sends_day_1_3_7_at_ten(rt: Runtime, clinic_id: int) -> None:
    # Given the published cataract post-op workflow
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    # When a cataract surgery is completed on 1 December at 15:00
    procedure = {"id": "apt-1", "starts_at": START.isoformat(), "procedure": "cataract"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-1", appointment=procedure))
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await run_until(rt, START + timedelta(days=10))
    # Then three AlimTalks went out at 10:00 Seoul on day 1, 3 and 7
    rows = await outbox(rt)
    sent = [(r.node_id, r.kind, r.status, r.sent_at.astimezone(SEOUL)) for r in rows if r.sent_at]
    assert sent == [
        ("care_d1", "alimtalk", "delivered", datetime(2026, 12, 2, 10, 0, tzinfo=SEOUL)),
        ("care_d3", "alimtalk", "delivered", datetime(2026, 12, 4, 10, 0, tzinfo=SEOUL)),
        ("care_d7", "alimtalk", "delivered", datetime(2026, 12, 8, 10, 0, tzinfo=SEOUL)),
    ]
    async with session_scope(rt.settings, None) as session:
        run = (await session.execute(select(Run))).scalar_one()
    assert run.status == "completed"


async def runs(rt: Runtime) -> list[Run]:
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(Run).order_by(Run.id))).scalars())


async def test_d1_reminder_is_cancelled_by_appointment_cancelled(rt: Runtime, clinic_id: int) -> None:
    # Given a D-1 18:00 reminder waiting for an appointment on 3 December
    await publish_document(rt.settings, clinic_id, REMINDER)
    await start(rt, clinic_id, event("appointment.booked", "naver-1", appointment=BOOKED))
    # When the appointment is cancelled before the reminder is due
    cancelled = event("appointment.cancelled", "naver-1-c", at=START + timedelta(hours=2), appointment={"id": "apt-77"})
    intake = await ingest(rt, clinic_id, cancelled)
    await run_until(rt, START + timedelta(days=5))
    # Then the run is cancelled and nothing is sent
    assert intake.result["cancelled_runs"] == [1]
    assert [r.status for r in await runs(rt)] == ["cancelled"]
    assert await outbox(rt) == []


async def test_rescheduled_appointment_moves_the_reminder(rt: Runtime, clinic_id: int) -> None:
    # Given a D-1 reminder for 3 December
    await publish_document(rt.settings, clinic_id, REMINDER)
    await start(rt, clinic_id, event("appointment.booked", "naver-2", appointment=BOOKED))
    # When the appointment moves to 10 December
    moved = {"id": "apt-77", "starts_at": "2026-12-10T11:00:00+09:00"}
    intake = await ingest(rt, clinic_id, event("appointment.rescheduled", "naver-2-r", appointment=moved))
    await run_until(rt, START + timedelta(days=12))
    # Then the reminder goes out on 9 December at 18:00 and names the new time
    assert intake.result["moved_waits"] == 1
    (row,) = await outbox(rt)
    assert row.sent_at is not None and row.sent_at.astimezone(SEOUL) == datetime(2026, 12, 9, 18, 0, tzinfo=SEOUL)
    assert "12월 10일" in row.text


async def test_consent_revoked_mid_run_skips_the_message_with_reason(rt: Runtime, clinic_id: int) -> None:
    # Given a patient who granted marketing consent and an advertising message two days later
    await publish_document(rt.settings, clinic_id, MARKETING)
    grant = event(
        "consent.granted", "c-1", at=START - timedelta(days=1), consent={"purpose": "marketing", "method": "kiosk"}
    )
    await ingest(rt, clinic_id, grant)
    await start(rt, clinic_id, event("appointment.booked", "b-1", appointment=BOOKED))
    # When the patient revokes the consent while the run waits
    revoke = event(
        "consent.revoked", "c-2", at=START + timedelta(days=1), consent={"purpose": "marketing", "method": "web"}
    )
    await ingest(rt, clinic_id, revoke)
    await run_until(rt, START + timedelta(days=3))
    # Then the advertisement is skipped at send time, with the reason recorded
    (row,) = await outbox(rt)
    assert row.status == "skipped"
    assert "마케팅 수신 동의" in (row.reason or "")
    assert row.sent_at is None


async def test_night_advertising_is_held_until_eight(rt: Runtime, clinic_id: int) -> None:
    # Given marketing consent (but no night-ads consent) and an ad due at 23:00
    await publish_document(rt.settings, clinic_id, MARKETING)
    grant = event(
        "consent.granted", "c-1", at=START - timedelta(days=1), consent={"purpose": "marketing", "method": "kiosk"}
    )
    await ingest(rt, clinic_id, grant)
    night = datetime(2026, 12, 1, 23, 0, tzinfo=SEOUL)
    virtual(rt).set(night)
    await start(rt, clinic_id, event("appointment.booked", "b-1", at=night, appointment=BOOKED))
    # When the two-day wait ends at 23:00 on 3 December
    await run_until(rt, night + timedelta(days=3))
    # Then the ad is held and sent at 08:00 on 4 December
    (row,) = await outbox(rt)
    assert row.status == "delivered"
    assert row.sent_at is not None and row.sent_at.astimezone(SEOUL) == datetime(2026, 12, 4, 8, 0, tzinfo=SEOUL)


async def test_failed_alimtalk_falls_back_to_exactly_one_sms(rt: Runtime, clinic_id: int) -> None:
    # Given a sandbox where this patient's AlimTalk is undeliverable
    from tests.support.runtime import set_clinic_settings

    await set_clinic_settings(rt.settings, clinic_id, sandbox={"fail_numbers": {"010-1234-5678": ["alimtalk"]}})
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    procedure = {"id": "apt-1", "starts_at": START.isoformat(), "procedure": "cataract"}
    await start(rt, clinic_id, event("procedure.completed", "emr-1", appointment=procedure))
    # When day 1 at 10:00 comes and the delivery report says failed (reports polled repeatedly)
    await run_until(rt, START + timedelta(days=1, hours=1))
    await run_until(rt, START + timedelta(days=1, hours=2))
    # Then one failover SMS/LMS was sent for the AlimTalk, both with their costs
    rows = await outbox(rt)
    assert [(r.node_id, r.channel, r.status) for r in rows] == [
        ("care_d1", "alimtalk", "failed"),
        ("care_d1", "sms", "delivered"),
    ]
    assert rows[1].key == rows[0].key + ":failover"
    assert rows[1].kind == "lms"  # the failover text is longer than 90 EUC-KR bytes
    assert (rows[0].cost_krw, rows[1].cost_krw) == (7.0, 30.0)


async def test_duplicate_event_starts_one_run(rt: Runtime, clinic_id: int) -> None:
    # Given a published reminder workflow
    await publish_document(rt.settings, clinic_id, REMINDER)
    # When the same booking arrives twice
    payload = event("appointment.booked", "naver-8812", appointment=BOOKED)
    first = await ingest(rt, clinic_id, payload)
    second = await ingest(rt, clinic_id, payload)
    # Then one run exists and the repeat answers with the original result
    assert first.created and not second.created
    assert second.result["runs"] == first.result["runs"]
    assert second.advance == []
    assert len(await runs(rt)) == 1


async def test_campaign_fires_once_for_its_segment(rt: Runtime, clinic_id: int) -> None:
    # Given the LASIK check-up campaign (15 March and September, 10:00) and two LASIK patients,
    # only one of whom granted marketing consent
    await publish_document(rt.settings, clinic_id, example("marketing-eye-checkup-campaign"))
    for chart, phone in (("L-1", "010-1111-2222"), ("L-2", "010-3333-4444")):
        lasik = {"id": f"apt-{chart}", "starts_at": START.isoformat(), "procedure": "lasik"}
        await ingest(
            rt, clinic_id, event("procedure.completed", f"p-{chart}", chart_no=chart, phone=phone, appointment=lasik)
        )
    consent = {"purpose": "marketing", "method": "kiosk"}
    await ingest(
        rt, clinic_id, event("consent.granted", "c-L-1", chart_no="L-1", phone="010-1111-2222", consent=consent)
    )
    # When 15 March 2027 10:00 comes (and the scheduler polls again afterwards)
    virtual(rt).set(datetime(2027, 3, 15, 10, 0, 30, tzinfo=SEOUL))
    await settle(rt)
    await settle(rt)
    # Then exactly one run started, for the consenting patient
    started = await runs(rt)
    assert len(started) == 1
    async with session_scope(rt.settings, None) as session:
        from storage.models import Patient

        patient = await session.get(Patient, started[0].patient_id)
    assert patient is not None and patient.chart_no == "L-1"


async def test_the_advance_actor_delivers_its_messages_in_the_same_hop(rt: Runtime, clinic_id: int) -> None:
    # Given a workflow that sends one SMS, and an event that started a run
    sms = {"text": "{{ patient.name }}님 예약되었습니다", "purpose": "informational"}
    document = workflow(
        [
            {"id": "start", "type": "trigger.appointment_booked"},
            {"id": "sms", "type": "send.sms", "params": sms},
            {"id": "end", "type": "end"},
        ],
        [("start", "sms"), ("sms", "end")],
    )
    await publish_document(rt.settings, clinic_id, document)
    intake = await ingest(rt, clinic_id, event("appointment.booked", "naver-hop", appointment=BOOKED))
    # When a worker runs the advance actor for it (one message through the broker)
    set_current(rt)
    try:
        await actors.advance_run(intake.advance[0])
    finally:
        set_current(None)
    # Then the SMS was handed to the provider within that actor, and no second hop (deliver_outbox) was queued
    dispatcher = rt.dispatcher
    assert isinstance(dispatcher, QueueDispatcher)
    assert list(dispatcher.work) == []
    assert [(r.node_id, r.status, r.attempts) for r in await outbox(rt)] == [("sms", "delivered", 1)]


async def test_the_event_intake_writes_its_rows_without_the_orm_unit_of_work(rt: Runtime, clinic_id: int) -> None:
    # Given a published reminder, and a watch on what the ORM flushes
    from sqlalchemy import event as orm_event
    from sqlalchemy.orm import Session

    await publish_document(rt.settings, clinic_id, REMINDER)
    flushed: list[str] = []

    def watch(session: Session, _context: object, _instances: object) -> None:
        flushed.extend(type(obj).__name__ for obj in list(session.new) + list(session.dirty))

    orm_event.listen(Session, "before_flush", watch)
    try:
        # When an event is taken in (it starts a run)
        intake = await ingest(rt, clinic_id, event("appointment.booked", "naver-core", appointment=BOOKED))
    finally:
        orm_event.remove(Session, "before_flush", watch)
    # Then the event, appointment, run and trigger step went in by prebuilt statements (only the patient, whose
    # personal fields the ORM encrypts and indexes, goes through a flush), and the answer names the run
    assert set(flushed) <= {"Patient"}, flushed
    assert len(intake.result["runs"]) == 1 and intake.created
    repeat = await ingest(rt, clinic_id, event("appointment.booked", "naver-core", appointment=BOOKED))
    assert not repeat.created and repeat.result["event_id"] == intake.result["event_id"]
