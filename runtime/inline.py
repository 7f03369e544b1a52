"""Running the runtime without a broker: drain dispatched work in this process and move a virtual clock.

``simulate`` and tests use this; the workers run exactly the same functions (``advance_run``,
``deliver``, ``tick``), only dispatched through Redis instead of this in-memory queue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from runtime.context import QueueDispatcher, Runtime
from runtime.outbox import deliver, probe
from runtime.runs import advance_and_deliver
from runtime.scheduler import tick
from storage.db import read_scope
from storage.models import OutboxMessage, RunStep


async def drain(runtime: Runtime) -> int:
    """Do every dispatched piece of work, including what it dispatches in turn. Returns how many."""
    dispatcher = runtime.dispatcher
    assert isinstance(dispatcher, QueueDispatcher), "drain needs a QueueDispatcher"
    done = 0
    while dispatcher.work:
        kind, ident = dispatcher.work.popleft()
        if kind == "advance":
            for message_id in await advance_and_deliver(runtime, ident):
                dispatcher.deliver(message_id)
        else:
            for message_id in await (probe if kind == "probe" else deliver)(runtime, ident):
                dispatcher.deliver(message_id)
        done += 1
    return done


async def settle(runtime: Runtime) -> None:
    """Drain and tick until nothing is left to do at the current time."""
    while True:
        worked = await drain(runtime)
        result = await tick(runtime)
        worked += await drain(runtime)
        if not worked and not result.busy:
            return


async def next_due(runtime: Runtime) -> datetime | None:
    """The earliest future moment something is due (a wait, a held message)."""
    async with read_scope(runtime.settings, None) as session:
        step = (await session.execute(select(func.min(RunStep.due_at)).where(RunStep.status == "waiting"))).scalar()
        held = (
            await session.execute(
                select(func.min(OutboxMessage.due_at)).where(OutboxMessage.status.in_(("pending", "held")))
            )
        ).scalar()
    candidates = [moment for moment in (step, held) if moment is not None]
    return min(candidates) if candidates else None


async def run_until(runtime: Runtime, until: datetime) -> None:
    """Jump a VirtualClock from due time to due time, doing all work, up to ``until``."""
    set_time = getattr(runtime.clock, "set", None)
    assert set_time is not None, "run_until needs a VirtualClock"
    await settle(runtime)
    previous = None
    while True:
        due = await next_due(runtime)
        if due is None or due > until or due == previous:
            break  # nothing more before ``until`` (or a row that stays due: not ours to spin on)
        previous = due
        if due > runtime.clock.now():
            set_time(due)
        await settle(runtime)
    if until > runtime.clock.now():
        set_time(until)
        await settle(runtime)
