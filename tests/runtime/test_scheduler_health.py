"""Schedulers that stop for good (issue 13, cause 2): the wedge, the watchdog, the heartbeat and the health report.

The wedge: the provider client was shared by Dramatiq's event loop and the scheduler's. httpcore's pool and its
anyio locks resolve a waiter's future from the other loop's thread with a plain ``call_soon`` — the scheduler's
selector is not woken, and with no timer pending its loop slept in ``epoll`` for good. The fake provider channel
here does exactly that (resolves the scheduler's future from another thread, not thread-safely), and one that
blocks the scheduler's thread outright (like a blocking socket read without a time-out).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update

from runtime.channels.base import ChannelClient, DeliveryReport, OutboundMessage, SendResult
from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.scheduler import Beat, SchedulerThread
from runtime.watchdog import Heartbeat, SchedulerSupervisor
from server import main
from storage.db import dispose_engines, session_scope
from storage.models import OutboxMessage, Run, RunStep, SchedulerHeartbeat
from storage.models.base import utcnow
from tests.conftest import ClientAs
from tests.runtime.test_flows import BOOKED, REMINDER, start
from tests.support.documents import event
from tests.support.runtime import publish_document

DEADLINE_S = 30.0


class _PollingChannel(ChannelClient):
    """A fake provider whose first delivery-report poll misbehaves (``misbehave``); later polls answer nothing."""

    name = "fake"

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    async def send(self, message: OutboundMessage) -> SendResult:
        raise AssertionError("nothing is sent in these tests")

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        if not self.entered.is_set():
            self.entered.set()
            await self.misbehave()
        return []

    async def misbehave(self) -> None:
        raise NotImplementedError


class LostWakeupChannel(_PollingChannel):
    """Its answer comes back on another thread, which resolves the caller's future without waking its loop
    (what a connection pool shared with another event loop does)."""

    async def misbehave(self) -> None:
        answer = asyncio.get_running_loop().create_future()
        threading.Timer(0.05, lambda: answer.set_result(None)).start()
        await answer


class BlockingChannel(_PollingChannel):
    """Blocks the calling thread itself until released (a blocking read without a time-out): no time-out on
    the loop can help, only another thread."""

    async def misbehave(self) -> None:
        self.release.wait()


async def _due_wait(rt: Runtime, clinic_id: int) -> tuple[int, int]:
    """A booked appointment: its D-1 reminder waits (run id, step id); plus one sent message whose delivery
    report the scheduler polls on every pass."""
    await publish_document(rt.settings, clinic_id, REMINDER)
    (run_id,) = await start(rt, clinic_id, event("appointment.booked", "naver-1", appointment=BOOKED))
    async with session_scope(rt.settings, None) as session:
        step = (await session.execute(select(RunStep).where(RunStep.status == "waiting"))).scalar_one()
        run = await session.get(Run, run_id)
        assert run is not None
        session.add(
            OutboxMessage(
                clinic_id=clinic_id,
                key="test:polled",
                run_id=run_id,
                node_id="x",
                patient_id=run.patient_id,
                channel="sms",
                purpose="informational",
                text="-",
                status="sent",
                due_at=rt.clock.now(),
                provider="fake",
                provider_message_id="M-1",
                sent_at=rt.clock.now(),
            )
        )
        return run_id, step.id


async def _step_status(rt: Runtime, step_id: int) -> str:
    async with session_scope(rt.settings, None) as session:
        step = await session.get(RunStep, step_id)
        assert step is not None
        return step.status


async def _eventually(check: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, f"{what}: not within {DEADLINE_S:g} s"
        await asyncio.sleep(0.05)


def _make_due(rt: Runtime) -> None:
    assert isinstance(rt.clock, VirtualClock)
    rt.clock.set(rt.clock.now() + timedelta(days=3))


@pytest.fixture
def polling_rt(rt: Runtime) -> Runtime:
    rt.report_poll_every = timedelta(0)  # poll delivery reports on every pass
    return rt


async def test_scheduler_survives_a_wakeup_lost_across_event_loops(polling_rt: Runtime, clinic_id: int) -> None:
    rt = polling_rt
    run_id, step_id = await _due_wait(rt, clinic_id)
    channel = LostWakeupChannel()
    rt.channel = channel
    dispatcher = rt.dispatcher
    assert isinstance(dispatcher, QueueDispatcher)
    # Given a scheduler loop whose report poll was answered from another loop's thread (no wake-up)
    scheduler = SchedulerThread(rt, interval=0.05)
    scheduler.start()
    try:
        await _eventually(channel.entered.is_set, "the scheduler polled reports")
        # When the reminder falls due
        _make_due(rt)
        # Then the scheduler still fires it (before: its loop slept in epoll for good, the wait stayed due)
        await _eventually(lambda: ("advance", run_id) in dispatcher.work, "the due wait fired")
        assert await _step_status(rt, step_id) == "firing"
    finally:
        scheduler.stop()
        await dispose_engines()


async def _heartbeats(rt: Runtime) -> list[SchedulerHeartbeat]:
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(SchedulerHeartbeat))).scalars())


async def test_watchdog_restarts_a_scheduler_whose_thread_hangs_and_due_waits_still_fire(
    polling_rt: Runtime, clinic_id: int
) -> None:
    rt = polling_rt
    run_id, step_id = await _due_wait(rt, clinic_id)
    channel = BlockingChannel()
    rt.channel = channel
    dispatcher = rt.dispatcher
    assert isinstance(dispatcher, QueueDispatcher)
    # Given a supervised scheduler whose thread is blocked inside a provider call
    supervisor = SchedulerSupervisor(
        rt, interval=0.05, budget=1.0, stale_after=2.0, check_every=0.1, heartbeat_every=0.1
    )
    supervisor.start()
    try:
        await _eventually(channel.entered.is_set, "the scheduler polled reports")
        first = supervisor.thread
        # When the reminder falls due
        _make_due(rt)
        # Then the watchdog replaces the stuck thread (new thread, new loop) and the wait fires
        await _eventually(lambda: ("advance", run_id) in dispatcher.work, "the due wait fired")
        assert supervisor.restarts >= 1 and supervisor.thread is not first
        assert first is not None and first.is_alive()  # still stuck: abandoned, not joined
        assert await _step_status(rt, step_id) == "firing"

        # And the heartbeat row says so: this process, the new thread, one restart and why
        async def restarted() -> bool:
            rows = await _heartbeats(rt)
            return len(rows) == 1 and rows[0].restarts >= 1 and rows[0].thread != first.name

        await _eventually(restarted, "the heartbeat shows the restart")
        (row,) = await _heartbeats(rt)
        assert row.last_error is not None and row.last_error.startswith("restarted: no progress")
    finally:
        channel.release.set()
        supervisor.stop()
        await dispose_engines()
    # And a clean stop removes the row (the abandoned thread, once released, leaves it alone)
    assert await _heartbeats(rt) == []


async def test_a_step_that_overruns_is_abandoned_and_the_loop_goes_on(polling_rt: Runtime, clinic_id: int) -> None:
    rt = polling_rt
    run_id, _ = await _due_wait(rt, clinic_id)

    class HangingChannel(_PollingChannel):
        async def misbehave(self) -> None:
            await asyncio.Event().wait()  # never answers (cancellable)

    channel = HangingChannel()
    rt.channel = channel
    dispatcher = rt.dispatcher
    assert isinstance(dispatcher, QueueDispatcher)
    scheduler = SchedulerThread(rt, interval=0.05, budget=0.5)
    scheduler.start()
    try:
        await _eventually(channel.entered.is_set, "the scheduler polled reports")
        _make_due(rt)
        await _eventually(lambda: ("advance", run_id) in dispatcher.work, "the due wait fired")
        assert scheduler.beat.last_error == "reports: overran 0.5 s"
    finally:
        scheduler.stop()
        await dispose_engines()


async def _overdue_wait(rt: Runtime, clinic_id: int) -> int:
    """A waiting step ten minutes past due (real time: the health report looks at the wall clock)."""
    run_id, step_id = await _due_wait(rt, clinic_id)
    async with session_scope(rt.settings, None) as session:
        await session.execute(
            update(RunStep).where(RunStep.id == step_id).values(due_at=utcnow() - timedelta(minutes=10))
        )
    return run_id


async def _live_heartbeat(rt: Runtime) -> None:
    await Heartbeat(rt.settings, every_s=0).write(Beat(passes=3), budget=5.0)


def test_health_command_reports_overdue_waits_and_exits_1(
    rt: Runtime, clinic_id: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(Path(rt.settings.database_url.split(":///", 1)[1]).parent))
    monkeypatch.delenv("DATABASE_URL", raising=False)

    async def given(overdue: bool) -> int | None:
        try:
            await _live_heartbeat(rt)
            return await _overdue_wait(rt, clinic_id) if overdue else None
        finally:
            await dispose_engines()

    # Given a live scheduler and nothing overdue, Then healthy (exit 0)
    asyncio.run(given(False))
    assert main(["health", "--format", "json"]) == 0
    healthy = json.loads(capsys.readouterr().out)
    assert healthy["healthy"] is True and healthy["schedulers"][0]["passes"] == 3
    # Given a wait ten minutes past due, Then unhealthy (exit 1), naming the run
    run_id = asyncio.run(given(True))
    assert main(["health", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in report["problems"]] == ["overdue_waits"]
    assert report["overdue_waits"]["count"] == 1 and report["overdue_waits"]["run_ids"] == [run_id]
    # And in text, for people
    assert main(["health"]) == 1
    text = capsys.readouterr().out
    assert "overdue_waits" in text and "overdue waits: 1" in text


async def test_health_endpoint_reports_overdue_waits_stale_schedulers_and_stuck_sends(
    rt: Runtime, clinic_id: int, client: AsyncTestClient[Litestar]
) -> None:
    # Given nothing wrong, a live scheduler: healthy
    await _live_heartbeat(rt)
    ok = await client.get("/api/health/runtime")
    assert ok.status_code == 200, ok.text
    assert ok.json()["healthy"] is True
    # Given a wait past due, a row stuck sending, and a scheduler silent for five minutes
    run_id = await _overdue_wait(rt, clinic_id)
    async with session_scope(rt.settings, None) as session:
        await session.execute(
            update(OutboxMessage).values(status="sending", claimed_at=utcnow() - timedelta(minutes=30))
        )
        await session.execute(update(SchedulerHeartbeat).values(last_tick_at=utcnow() - timedelta(minutes=5)))
    # Then each finding is reported
    bad = await client.get("/api/health/runtime")
    assert bad.status_code == 200 and bad.json()["healthy"] is False
    report = bad.json()
    assert {p["code"] for p in report["problems"]} == {
        "overdue_waits",
        "stuck_sending",
        "scheduler_stale",
        "no_scheduler",
    }
    assert report["overdue_waits"]["run_ids"] == [run_id]
    assert report["stuck_sending"]["count"] == 1
    assert report["schedulers"][0]["stale"] is True


async def test_health_endpoint_counts_only_the_callers_clinic(rt: Runtime, clinic_id: int, client_as: ClientAs) -> None:
    await _live_heartbeat(rt)
    await _overdue_wait(rt, clinic_id)
    other = await client_as("manager", clinic="clinic-b")
    answer = await other.get("/api/health/runtime")
    assert answer.status_code == 200, answer.text
    assert answer.json()["overdue_waits"]["count"] == 0
