"""Keeping the scheduler alive and visible: the durable heartbeat row and the watchdog that restarts a loop.

:class:`SchedulerSupervisor` runs one scheduler loop (``runtime/scheduler.py``) on its own thread and event
loop, and a watchdog thread beside it. When the loop has made no progress for ``stale_after_s`` — every step of
a pass has a time-out, so a healthy loop reports progress at least once per step budget — or its thread ended,
the watchdog logs where the thread is stuck and starts a new thread with a new event loop. The old thread is
told to stop; if it ever wakes up it exits without touching the heartbeat row, which the new thread owns.

:class:`Heartbeat` is that row (``scheduler_heartbeats``: host, pid, slot, thread, last tick, passes, restarts,
last error), written at most every ``every_s`` seconds and deleted on a clean stop. ``doctorsflow health`` and
``GET /api/health/runtime`` (``runtime/health.py``) report the stale ones.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.context import Runtime
from runtime.scheduler import Beat, SchedulerThread, step_timeout_s
from storage.config import Settings
from storage.db import write_scope
from storage.models import SchedulerHeartbeat
from storage.models.base import utcnow

log = logging.getLogger("doctorsflow.scheduler")

HEARTBEAT_EVERY_S = 5.0
FORGET_AFTER = timedelta(minutes=10)  # rows of schedulers on other hosts silent this long are removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's
        return True
    return True


class Heartbeat:
    """The durable heartbeat of one scheduler slot of this process; only its current owner thread writes."""

    def __init__(
        self,
        settings: Settings,
        slot: str = "scheduler",
        every_s: float = HEARTBEAT_EVERY_S,
        on_dead: Callable[[], None] | None = None,
    ) -> None:
        self.settings = settings
        self.on_dead = on_dead  # called when a process of this host is found gone (its claims are orphans)
        self.slot = slot
        self.every_s = every_s
        self.host = socket.gethostname()[:255]
        self.pid = os.getpid()
        self.restarts = 0
        self.owner: threading.Thread | None = None
        self._row_id: int | None = None
        self._written_at = -math.inf

    def _mine(self) -> bool:
        return self.owner is None or threading.current_thread() is self.owner

    async def write(self, beat: Beat, budget: float) -> None:
        """Record this pass, unless the row was written less than ``every_s`` ago. Never raises."""
        if not self._mine() or time.monotonic() - self._written_at < self.every_s:
            return
        self._written_at = time.monotonic()
        try:
            async with asyncio.timeout(budget):
                await self._write(beat)
        except TimeoutError:
            log.error("scheduler heartbeat write overran %.0f s: skipped", budget)
        except Exception:
            log.warning("scheduler heartbeat not written", exc_info=True)

    async def _write(self, beat: Beat) -> None:
        now = utcnow()
        values = {
            "thread": threading.current_thread().name[:100],
            "last_tick_at": now,
            "ticks": beat.passes,
            "restarts": self.restarts,
            "last_error": beat.last_error,
            "last_error_at": beat.last_error_at,
        }
        async with write_scope(self.settings, None) as session:
            if self._row_id is not None:
                changed = await session.execute(
                    update(SchedulerHeartbeat)
                    .where(SchedulerHeartbeat.id == self._row_id)
                    .values(**values)
                    .execution_options(synchronize_session=False)
                )
                if int(getattr(changed, "rowcount", 0) or 0):
                    await self._forget_dead(session, now)
                    return
            await self._forget_dead(session, now)
            mine = (SchedulerHeartbeat.host == self.host, SchedulerHeartbeat.pid == self.pid)
            await session.execute(delete(SchedulerHeartbeat).where(*mine, SchedulerHeartbeat.slot == self.slot))
            row = SchedulerHeartbeat(host=self.host, pid=self.pid, slot=self.slot, started_at=now, **values)
            session.add(row)
            await session.flush()
            self._row_id = row.id

    async def _forget_dead(self, session: AsyncSession, now: datetime) -> None:
        """Remove rows of schedulers that are gone: same host and no such process, or silent too long. Runs at
        every write: a process of this host found gone is reported to ``on_dead`` at once."""
        await session.execute(delete(SchedulerHeartbeat).where(SchedulerHeartbeat.last_tick_at < now - FORGET_AFTER))
        same_host = select(SchedulerHeartbeat.id, SchedulerHeartbeat.pid).where(SchedulerHeartbeat.host == self.host)
        gone = [
            row_id for row_id, pid in (await session.execute(same_host)).all() if pid != self.pid and not _alive(pid)
        ]
        if gone:
            await session.execute(delete(SchedulerHeartbeat).where(SchedulerHeartbeat.id.in_(gone)))
            log.warning("%d scheduler process(es) of this host are gone: their claims go back soon", len(gone))
            if self.on_dead is not None:
                self.on_dead()

    async def release(self, budget: float) -> None:
        """Delete the row on a clean stop (not when a superseded thread exits: the new owner keeps it)."""
        if not self._mine() or self._row_id is None:
            return
        try:
            async with asyncio.timeout(budget):
                async with write_scope(self.settings, None) as session:
                    await session.execute(delete(SchedulerHeartbeat).where(SchedulerHeartbeat.id == self._row_id))
            self._row_id = None
        except Exception:  # the row goes stale and is forgotten later
            log.warning("scheduler heartbeat not removed", exc_info=True)


def stale_after_s(budget: float) -> float:
    """How long a loop may make no progress before the watchdog replaces it (``DOCTORSFLOW_SCHEDULER_STALE_S``)."""
    return float(os.environ.get("DOCTORSFLOW_SCHEDULER_STALE_S") or 3 * budget)


def _stack_of(thread: threading.Thread) -> str:
    frame = sys._current_frames().get(thread.ident or -1)
    return "".join(traceback.format_stack(frame, limit=12)) if frame is not None else "(no frame)"


class SchedulerSupervisor:
    """One scheduler loop on its own thread, restarted (new thread, new event loop) by a watchdog thread when
    it stops making progress or its thread ends."""

    def __init__(
        self,
        runtime: Runtime,
        interval: float = 0.2,
        *,
        budget: float | None = None,
        stale_after: float | None = None,
        check_every: float | None = None,
        heartbeat_every: float = HEARTBEAT_EVERY_S,
        slot: str = "scheduler",
    ) -> None:
        self.runtime = runtime
        self.interval = interval
        self.budget = step_timeout_s() if budget is None else budget
        self.stale_after = stale_after_s(self.budget) if stale_after is None else stale_after
        self.check_every = min(5.0, self.stale_after / 4) if check_every is None else check_every
        self.heartbeat = Heartbeat(runtime.settings, slot, heartbeat_every, on_dead=runtime.note_dead_process)
        self.thread: SchedulerThread | None = None
        self.restarts = 0
        self._generation = 0
        self._stopping = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="doctorsflow-scheduler-watchdog", daemon=True)

    def start(self) -> SchedulerSupervisor:
        self._spawn()
        self._watchdog.start()
        return self

    def _spawn(self, reason: str | None = None) -> None:
        self._generation += 1
        thread = SchedulerThread(
            self.runtime,
            self.interval,
            name=f"doctorsflow-scheduler-{self._generation}",
            budget=self.budget,
            heartbeat=self.heartbeat,
        )
        if reason is not None:
            thread.beat.fail(f"restarted: {reason}")
        self.heartbeat.owner = thread
        self.thread = thread
        thread.start()

    def _watch(self) -> None:
        while not self._stopping.wait(self.check_every):
            thread = self.thread
            if thread is None:
                continue
            if not thread.is_alive():
                self._restart(thread, "thread ended")
            elif thread.beat.age() > self.stale_after:
                self._restart(thread, f"no progress for {thread.beat.age():.0f} s")

    def _restart(self, old: SchedulerThread, reason: str) -> None:
        if self._stopping.is_set():
            return
        old.stop_event.set()  # if it ever wakes up, it exits (and leaves the heartbeat row to the new owner)
        self.restarts += 1
        self.heartbeat.restarts = self.restarts
        log.error(
            "scheduler thread %s stalled (%s): starting a new thread and event loop (restart %d); it was at:\n%s",
            old.name,
            reason,
            self.restarts,
            _stack_of(old),
        )
        self._spawn(reason)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._watchdog.is_alive():
            self._watchdog.join(timeout)
        if self.thread is not None:
            self.thread.stop(timeout)
