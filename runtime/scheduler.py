"""The scheduler: polls the database for due work and dispatches it. Safe to run several at once.

Every claim is an ``UPDATE … WHERE <still unclaimed>`` (compare-and-set): two schedulers selecting the
same due rows both try, only one update matches each row. The sweeper hands out again what a dead worker
or a flushed Redis lost: claims older than ``stale_after`` are reset, so the database stays the truth.

A scheduler that stops is never silent (issue 13): :func:`run_scheduler` runs each step of a pass under a
time-out (an overrun is logged and abandoned, the next step and the next pass go on), keeps its loop awake
at least every second (a wake-up lost by a future resolved from another thread's loop then costs a second,
not forever), reports progress to an in-memory :class:`Beat` that the watchdog of its process watches
(``runtime/watchdog.py``: a stale beat → a new thread with a new loop), and writes a durable heartbeat row
that ``doctorsflow health`` reads.

The wedge seen in the soaks: the provider client (one ``httpx.AsyncClient``) was shared by Dramatiq's loop and
this loop. httpcore's pool and connections are not thread-safe and their anyio locks/events resolve the
waiter's future from the other thread with a plain ``call_soon`` — no wake-up of this loop's selector. With
nothing else scheduled, this loop then slept in ``epoll`` for good (no timers, no logs): waits past due
never fired and the sweeper never ran again. ``tests/runtime/test_scheduler_health.py`` reproduces it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, select, update

from runtime.campaigns import fire_campaigns
from runtime.channels._results import UNCERTAIN
from runtime.context import Runtime
from runtime.outage_probe import probe_outages
from runtime.outbox import process_reports
from runtime.rundata import clinic_view
from storage.db import dispose_engines, read_scope, write_scope
from storage.models import Clinic, OutboxMessage, RunStep
from storage.workflows.lifecycle import held_by_pause

if TYPE_CHECKING:
    from runtime.watchdog import Heartbeat

log = logging.getLogger("doctorsflow.scheduler")
_STALE_SEND = (
    "발송 중 작업자가 멈췄습니다. 다시 보내기 전에 제공사에 확인합니다"
    " / the worker stopped mid-send; the provider is asked before any resend"
)

WAKE_EVERY_S = 1.0  # the longest this loop sleeps in its selector, whatever it awaits


def step_timeout_s() -> float:
    """How long one step of a pass may take before it is abandoned (``DOCTORSFLOW_SCHEDULER_STEP_TIMEOUT_S``)."""
    return float(os.environ.get("DOCTORSFLOW_SCHEDULER_STEP_TIMEOUT_S", "30"))


@dataclass
class TickResult:
    fired: int = 0
    delivered: int = 0
    reset: int = 0
    reports: int = 0

    @property
    def busy(self) -> bool:
        # Reports are not work to hurry back for: what they start (a failover SMS) is dispatched already,
        # and a poll answering "still on its way" must not make the loop spin.
        return bool(self.fired or self.delivered)


async def fire_due_waits(runtime: Runtime) -> int:
    """Claim due waiting steps (waiting → firing) and dispatch one advance per run."""
    now = runtime.clock.now()
    due = (
        select(RunStep.id)
        .where(RunStep.status == "waiting", RunStep.due_at <= now, ~held_by_pause(RunStep.run_id))
        .order_by(RunStep.due_at)
        .limit(runtime.batch)
    )
    async with read_scope(runtime.settings, None) as session:  # idle polls take no write lock
        ids = list((await session.execute(due)).scalars())
    if not ids:
        return 0
    async with write_scope(runtime.settings, None) as session:
        claim = (
            update(RunStep)
            .where(RunStep.id.in_(ids), RunStep.status == "waiting")
            .values(status="firing", claimed_at=now)
            .returning(RunStep.run_id)
            .execution_options(synchronize_session=False)
        )
        run_ids = sorted(set((await session.execute(claim)).scalars()))
    for run_id in run_ids:
        runtime.dispatcher.advance(run_id)
    return len(ids)


def lost_before(runtime: Runtime, now: datetime) -> datetime:
    """Claims made before this moment were lost: older than ``stale_after``, or — once a process of this host was
    found dead (``runtime.orphans_before``) — made before that and older than ``orphan_grace``. A live send
    caught by it is safe: its row goes back UNCERTAIN and the next attempt asks the provider first."""
    stale = now - runtime.stale_after
    if runtime.orphans_before is None:
        return stale
    return max(stale, min(runtime.orphans_before, now - runtime.orphan_grace))


async def deliver_due_outbox(runtime: Runtime) -> int:
    """Dispatch outbox rows that are due and not already handed out (or whose hand-out went stale)."""
    now = runtime.clock.now()
    stale = lost_before(runtime, now)
    unclaimed = or_(OutboxMessage.claimed_at.is_(None), OutboxMessage.claimed_at < stale)
    # A paused workflow's rows stay as they are until it resumes (storage/workflows/lifecycle.py).
    condition = and_(
        OutboxMessage.status.in_(("pending", "held")),
        OutboxMessage.due_at <= now,
        unclaimed,
        ~held_by_pause(OutboxMessage.run_id),
    )
    due = select(OutboxMessage.id).where(condition).order_by(OutboxMessage.due_at).limit(runtime.batch)
    async with read_scope(runtime.settings, None) as session:
        ids = list((await session.execute(due)).scalars())
    if not ids:
        return 0
    async with write_scope(runtime.settings, None) as session:
        claim = (
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), condition)
            .values(claimed_at=now)
            .returning(OutboxMessage.id)
            .execution_options(synchronize_session=False)
        )
        claimed = sorted((await session.execute(claim)).scalars())
    runtime.dispatcher.deliver_many(claimed)  # after an outage: hundreds, sent in shared groups
    return len(claimed)


async def sweep_stale(runtime: Runtime) -> int:
    """Reset claims that no worker finished in time: firing steps → waiting, sending rows → pending.

    Lost means older than ``stale_after``, or made before a process of this host was found dead and older than
    ``orphan_grace`` (:func:`lost_before`). A ``sending`` row whose worker died may have reached the provider: it
    goes back marked UNCERTAIN, keeping its provider handle, and its next claim (``attempts > 1``) asks the
    provider about that handle / key before sending anything (runtime/outbox.py) — it is never sent again blindly."""
    now = runtime.clock.now()
    stale = lost_before(runtime, now)
    stale_steps = and_(RunStep.status == "firing", RunStep.claimed_at < stale)
    stale_sends = and_(OutboxMessage.status == "sending", OutboxMessage.claimed_at < stale)
    async with read_scope(runtime.settings, None) as session:
        found = (await session.execute(select(RunStep.id).where(stale_steps).limit(1))).first() or (
            await session.execute(select(OutboxMessage.id).where(stale_sends).limit(1))
        ).first()
    if not found:
        return 0
    async with write_scope(runtime.settings, None) as session:
        steps = await session.execute(
            update(RunStep)
            .where(RunStep.status == "firing", RunStep.claimed_at < stale)
            .values(status="waiting", claimed_at=None)
            .execution_options(synchronize_session=False)
        )
        sends = await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending", OutboxMessage.claimed_at < stale)
            .values(status="pending", claimed_at=None, error_code=UNCERTAIN, error_message=_STALE_SEND)
            .execution_options(synchronize_session=False)
        )
        count = int(getattr(steps, "rowcount", 0) or 0) + int(getattr(sends, "rowcount", 0) or 0)
    if count:
        log.warning("re-dispatching %d stale claims", count)
    return count


async def poll_delivery_reports(runtime: Runtime) -> int:
    """Ask each clinic's channel about messages still ``sent`` and apply the reports — at most every
    ``report_poll_every`` (runtime clock), for messages sent within ``report_horizon``. Webhooks
    (``runtime/webhooks.py``) usually get there first; polling is the backstop for NHN Cloud and lost calls."""
    now = runtime.clock.now()
    if runtime.reports_polled_at is not None and now < runtime.reports_polled_at + runtime.report_poll_every:
        return 0
    runtime.reports_polled_at = now
    async with read_scope(runtime.settings, None) as session:
        query = (
            select(OutboxMessage.clinic_id, OutboxMessage.provider_message_id)
            .where(
                OutboxMessage.status == "sent",
                OutboxMessage.provider_message_id.is_not(None),
                OutboxMessage.sent_at >= now - runtime.report_horizon,
            )
            .order_by(OutboxMessage.sent_at)
            .limit(runtime.batch)
        )
        by_clinic: dict[int, list[str]] = defaultdict(list)
        for clinic_id, provider_id in (await session.execute(query)).all():
            if provider_id:
                by_clinic[clinic_id].append(provider_id)
        clinics = {
            c.id: clinic_view(c)
            for c in (await session.execute(select(Clinic).where(Clinic.id.in_(list(by_clinic))))).scalars()
        }
    applied = 0
    for clinic_id, provider_ids in by_clinic.items():
        channel = runtime.channel_for(clinic_id, clinics.get(clinic_id, {}))
        reports = await channel.poll_reports(provider_ids)
        for message_id in await process_reports(runtime, reports):
            runtime.dispatcher.deliver(message_id)
        applied += len(reports)
    return applied


Step = tuple[str, Callable[[Runtime], Awaitable[int]]]


def steps(runtime: Runtime) -> list[Step]:
    """The steps of one pass, in order: sweep stale claims, start due campaigns, fire due waits, hand out due
    messages, probe providers that are failing (runtime/outage_probe.py), poll delivery reports."""
    return [
        ("sweep", sweep_stale),
        *([("campaigns", fire_campaigns)] if runtime.campaigns else []),
        ("fire", fire_due_waits),
        ("deliver", deliver_due_outbox),
        ("probe", probe_outages),
        ("reports", poll_delivery_reports),
    ]


def _result(counts: dict[str, int]) -> TickResult:
    return TickResult(counts.get("fire", 0), counts.get("deliver", 0), counts.get("sweep", 0), counts.get("reports", 0))


async def tick(runtime: Runtime) -> TickResult:
    """One scheduler pass (``simulate`` and tests; errors propagate)."""
    counts: dict[str, int] = {}
    for name, step in steps(runtime):
        counts[name] = await step(runtime)
    return _result(counts)


@dataclass
class Beat:
    """The in-memory liveness of one scheduler loop: when it last made progress (``time.monotonic``)."""

    at: float = field(default_factory=time.monotonic)
    passes: int = 0
    last_error: str | None = None  # "<step>: <kind>", never an error's text (it could carry personal data)
    last_error_at: datetime | None = None

    def fail(self, error: str) -> None:
        self.last_error, self.last_error_at = error, datetime.now(UTC)

    def touch(self) -> None:
        self.at = time.monotonic()

    def age(self) -> float:
        return time.monotonic() - self.at


async def guarded_tick(runtime: Runtime, beat: Beat, budget: float) -> TickResult:
    """One pass of the long-running loop: each step under ``budget`` seconds; a step that fails or overruns
    is logged (kind of error only: no message text, which could carry personal data), recorded on ``beat``
    and skipped, and the next step runs."""
    counts: dict[str, int] = {}
    for name, step in steps(runtime):
        try:
            async with asyncio.timeout(budget):
                counts[name] = await step(runtime)
        except TimeoutError:
            beat.fail(f"{name}: overran {budget:g} s")
            log.error("scheduler step %s overran %.0f s: abandoned, the loop goes on", name, budget)
        except Exception as exc:  # a database hiccup must not kill the loop: log and poll again
            beat.fail(f"{name}: {type(exc).__name__}")
            log.exception("scheduler step %s failed", name)
        beat.touch()
    return _result(counts)


async def _keep_awake(every: float = WAKE_EVERY_S) -> None:
    """A timer always pending: a callback queued from another thread without ``call_soon_threadsafe``
    (a future of this loop resolved by another loop's thread) runs within ``every`` seconds."""
    while True:
        await asyncio.sleep(every)


async def run_scheduler(
    runtime: Runtime,
    stop: threading.Event,
    interval: float = 0.2,
    *,
    beat: Beat | None = None,
    budget: float | None = None,
    heartbeat: Heartbeat | None = None,
) -> None:
    """Poll until ``stop`` is set; back-to-back while there is work, ``interval`` apart when idle.

    ``beat``: progress for the watchdog; ``budget``: seconds per step (default ``step_timeout_s()``);
    ``heartbeat``: the durable row, written at most every few seconds (its write has the same budget).
    """
    beat = beat or Beat()
    budget = step_timeout_s() if budget is None else budget
    waker = asyncio.create_task(_keep_awake())
    try:
        while not stop.is_set():
            result = await guarded_tick(runtime, beat, budget)
            beat.passes += 1
            if heartbeat is not None:
                await heartbeat.write(beat, budget)
            if not result.busy:
                await asyncio.sleep(interval)
    finally:
        waker.cancel()
        if heartbeat is not None:
            await heartbeat.release(budget)
        try:
            async with asyncio.timeout(budget):
                await runtime.aclose_loop_channels()  # this loop's provider clients (one per loop)
                await dispose_engines()
        except TimeoutError:  # the thread ends anyway; its connections close with the process
            log.warning("scheduler connections not closed within %.0f s", budget)


class SchedulerThread(threading.Thread):
    """The scheduler loop on its own thread and event loop (inside ``serve`` or ``worker``; the watchdog of
    ``runtime/watchdog.py`` starts and replaces them)."""

    def __init__(
        self,
        runtime: Runtime,
        interval: float = 0.2,
        *,
        name: str = "doctorsflow-scheduler",
        budget: float | None = None,
        heartbeat: Heartbeat | None = None,
    ) -> None:
        super().__init__(name=name, daemon=True)
        self.runtime = runtime
        self.interval = interval
        self.budget = budget
        self.heartbeat = heartbeat
        self.beat = Beat()
        self.stop_event = threading.Event()

    def run(self) -> None:
        coroutine = run_scheduler(
            self.runtime, self.stop_event, self.interval, beat=self.beat, budget=self.budget, heartbeat=self.heartbeat
        )
        asyncio.run(coroutine)

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.join(timeout)
