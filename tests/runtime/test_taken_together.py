"""Issue 13, throughput: events that arrive together share one write transaction and one hand-over to the
workers (runtime/intake.py), and runs handed over together are advanced in one transaction
(runs.advance_and_deliver_many) — each caller still gets exactly the answer it would have had alone, and
every message still goes out exactly once."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.context import QueueDispatcher, Runtime
from runtime.events import InvalidEvent
from runtime.inline import settle
from runtime.intake import take_in
from runtime.runs import advance_and_deliver_many
from storage.db import session_scope
from storage.errors import ApiError, Problem
from storage.models import Event, OutboxMessage, Run
from tests.support.documents import event, workflow
from tests.support.runtime import outbox, publish_document

ONE_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "note", "type": "send.sms", "params": {"text": "예약되었습니다", "purpose": "informational"}},
    ],
    [("start", "note")],
)


class Recording(QueueDispatcher):
    """A dispatcher that also remembers how the runs were handed over (one call per hand-over)."""

    def __init__(self) -> None:
        super().__init__()
        self.handovers: list[list[int]] = []

    def advance_many(self, run_ids: list[int]) -> None:
        self.handovers.append(list(run_ids))
        super().advance_many(run_ids)


def booking(i: int) -> dict[str, Any]:
    appointment = {"id": f"apt-{i}", "starts_at": "2026-12-03T14:30:00+09:00"}
    return event("appointment.booked", f"b-{i}", chart_no=f"C-{i}", phone=f"010-5555-{i:04d}", appointment=appointment)


async def _count(rt: Runtime, model: Any) -> int:
    async with session_scope(rt.settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_events_posted_together_get_their_own_answers_and_one_handover(rt: Runtime, clinic_id: int) -> None:
    # Given a published one-SMS workflow and a dispatcher that records hand-overs
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    rt.dispatcher = recording = Recording()
    # When ten bookings arrive at once, one of them twice
    payloads = [booking(i) for i in range(10)] + [booking(3)]
    intakes = await asyncio.gather(*(take_in(rt, clinic_id, p) for p in payloads))
    # Then each new event answers with its own run, the repeat with the original's runs
    assert [i.created for i in intakes] == [True] * 10 + [False]
    runs = [i.result["runs"][0]["id"] for i in intakes[:10]]
    assert len(set(runs)) == 10
    assert intakes[10].result["duplicate"] is True and intakes[10].result["runs"] == intakes[3].result["runs"]
    assert [i.result["external_id"] for i in intakes] == [p["external_id"] for p in payloads]
    # and the ten runs went to the workers together, once each (nothing left for the caller to dispatch)
    assert sorted(r for handover in recording.handovers for r in handover) == sorted(runs)
    assert len(recording.handovers) < 10
    assert all(i.advance == [] for i in intakes)
    assert await _count(rt, Event) == 10 and await _count(rt, Run) == 10
    # and once advanced, ten messages, one per patient
    await settle(rt)
    assert sorted(m.patient_id for m in await outbox(rt)) == sorted({i.result["patient_id"] for i in intakes})
    assert {m.status for m in await outbox(rt)} == {"delivered"}


class SlowBroker(Recording):
    """A hand-over that blocks its thread like the synchronous Redis client waiting for a busy redis-server."""

    def advance_many(self, run_ids: list[int]) -> None:
        time.sleep(0.3)
        super().advance_many(run_ids)


async def test_a_slow_hand_over_does_not_stop_the_loop(rt: Runtime, clinic_id: int) -> None:
    # Given a published workflow and a broker that takes 0.3 s to answer an enqueue
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    rt.dispatcher = slow = SlowBroker()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    # When a booking is taken in
    intake = await take_in(rt, clinic_id, booking(1))
    ticker.cancel()
    # Then its run was handed over before the answer, and the loop kept serving others meanwhile
    assert [r for handover in slow.handovers for r in handover] == [intake.result["runs"][0]["id"]]
    assert ticks >= 10


async def test_one_refused_event_does_not_take_the_others_with_it(rt: Runtime, clinic_id: int) -> None:
    # Given a published workflow, and one caller whose check inside the transaction refuses its event
    await publish_document(rt.settings, clinic_id, ONE_SMS)

    async def refuse(_session: AsyncSession) -> None:
        raise ApiError(401, [Problem("replayed", "이미 사용된 서명입니다 / signature already used")])

    # When it arrives together with four good events
    calls = [take_in(rt, clinic_id, booking(i)) for i in range(4)]
    calls.insert(2, take_in(rt, clinic_id, booking(99), within=refuse))
    answers = await asyncio.gather(*calls, return_exceptions=True)
    # Then the refused caller gets its own error and wrote nothing; the four others are taken in
    assert isinstance(answers[2], ApiError) and answers[2].status_code == 401
    assert all(not isinstance(a, BaseException) and a.created for i, a in enumerate(answers) if i != 2)
    assert await _count(rt, Event) == 4 and await _count(rt, Run) == 4
    async with session_scope(rt.settings, None) as session:
        ids = set((await session.execute(select(Event.external_id))).scalars())
    assert ids == {"b-0", "b-1", "b-2", "b-3"}


async def test_an_invalid_event_is_refused_before_any_transaction(rt: Runtime, clinic_id: int) -> None:
    bad = {**booking(1), "occurred_at": "yesterday"}
    with pytest.raises(InvalidEvent) as raised:
        await take_in(rt, clinic_id, bad)
    assert raised.value.problems[0].path == "/occurred_at"
    assert await _count(rt, Event) == 0


async def test_runs_advanced_together_send_each_message_once(rt: Runtime, clinic_id: int) -> None:
    # Given five runs taken in (their advance not yet run)
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    intakes = await asyncio.gather(*(take_in(rt, clinic_id, booking(i), dispatch=False) for i in range(5)))
    async with session_scope(rt.settings, None) as session:
        run_ids = sorted((await session.execute(select(Run.id))).scalars())
    assert len(run_ids) == 5 and all(i.result["runs"] for i in intakes)
    # When they are advanced together, and the same message is redelivered (a retry)
    await advance_and_deliver_many(rt, run_ids)
    await advance_and_deliver_many(rt, run_ids)
    # Then every run completed and each patient got one message, sent once
    async with session_scope(rt.settings, None) as session:
        statuses = list((await session.execute(select(Run.status))).scalars())
        sent = list((await session.execute(select(OutboxMessage.status, OutboxMessage.attempts))).all())
    assert statuses == ["completed"] * 5
    assert sorted(sent) == [("delivered", 1)] * 5
    journal = rt.sandbox_journal
    assert journal is not None and len(list(journal.glob("*.json"))) == 5
