"""The scheduler: polls the database for due work and dispatches it. Safe to run several at once.

Every claim is an ``UPDATE … WHERE <still unclaimed>`` (compare-and-set): two schedulers selecting the
same due rows both try, only one update matches each row. The sweeper hands out again what a dead worker
or a flushed Redis lost: claims older than ``stale_after`` are reset, so the database stays the truth.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update

from runtime.campaigns import fire_campaigns
from runtime.channels._results import UNCERTAIN
from runtime.context import Runtime
from runtime.outbox import process_reports
from runtime.rundata import clinic_view
from storage.db import dispose_engines, read_scope, write_scope
from storage.models import Clinic, OutboxMessage, RunStep

log = logging.getLogger("doctorsflow.scheduler")
_STALE_SEND = (
    "발송 중 작업자가 멈췄습니다. 다시 보내기 전에 제공사에 확인합니다"
    " / the worker stopped mid-send; the provider is asked before any resend"
)


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
        .where(RunStep.status == "waiting", RunStep.due_at <= now)
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


async def deliver_due_outbox(runtime: Runtime) -> int:
    """Dispatch outbox rows that are due and not already handed out (or whose hand-out went stale)."""
    now = runtime.clock.now()
    stale = now - runtime.stale_after
    unclaimed = or_(OutboxMessage.claimed_at.is_(None), OutboxMessage.claimed_at < stale)
    condition = and_(OutboxMessage.status.in_(("pending", "held")), OutboxMessage.due_at <= now, unclaimed)
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
    for message_id in claimed:
        runtime.dispatcher.deliver(message_id)
    return len(claimed)


async def sweep_stale(runtime: Runtime) -> int:
    """Reset claims that no worker finished in time: firing steps → waiting, sending rows → pending.

    A ``sending`` row whose worker died may have reached the provider: it goes back marked UNCERTAIN, keeping
    its provider handle, and its next claim (``attempts > 1``) asks the provider about that handle / key before
    sending anything (runtime/outbox.py) — it is never simply sent again."""
    now = runtime.clock.now()
    stale = now - runtime.stale_after
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


async def tick(runtime: Runtime) -> TickResult:
    """One scheduler pass: sweep stale claims, start due campaigns, fire due waits, hand out due
    messages, poll delivery reports."""
    reset = await sweep_stale(runtime)
    if runtime.campaigns:
        await fire_campaigns(runtime)
    fired = await fire_due_waits(runtime)
    delivered = await deliver_due_outbox(runtime)
    reports = await poll_delivery_reports(runtime)
    return TickResult(fired, delivered, reset, reports)


async def run_scheduler(runtime: Runtime, stop: threading.Event, interval: float = 0.2) -> None:
    """Poll until ``stop`` is set; back-to-back while there is work, ``interval`` apart when idle."""
    try:
        while not stop.is_set():
            try:
                result = await tick(runtime)
            except Exception:  # a database hiccup must not kill the loop: log and poll again
                log.exception("scheduler pass failed")
                result = TickResult()
            if not result.busy:
                await asyncio.sleep(interval)
    finally:
        await runtime.aclose_loop_channels()  # this loop's provider clients (one per loop)
        await dispose_engines()


class SchedulerThread(threading.Thread):
    """The scheduler loop on its own thread and event loop (inside ``serve`` or ``worker``)."""

    def __init__(self, runtime: Runtime, interval: float = 0.2) -> None:
        super().__init__(name="doctorsflow-scheduler", daemon=True)
        self.runtime = runtime
        self.interval = interval
        self.stop_event = threading.Event()

    def run(self) -> None:
        asyncio.run(run_scheduler(self.runtime, self.stop_event, self.interval))

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.join(timeout)
