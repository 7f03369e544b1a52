"""Events that arrive together are taken in together: one write transaction and one enqueue for many.

Under load the API receives events faster than it can give each its own write transaction: every
transaction pays a session, ``BEGIN IMMEDIATE``, the write turn between processes and a commit, and every
new run paid one Redis round trip on the server's event loop. :func:`take_in` therefore queues a validated
event for this loop's next shared transaction (group commit): while one transaction runs, the events that
arrive meanwhile gather, and the next transaction applies all of them (``events.apply_in`` each, in order)
and, once it committed, hands all their new runs to the workers in one message
(``Dispatcher.advance_many``). An event that arrives alone goes alone, as before: nothing waits for company.

Each caller still gets its own answer (201 with the runs it started, 200 for a repeat). A batch that fails as a
whole (a duplicate raced in, one event's ``within`` refused it, a bug) is rolled back and its events are taken
in again one by one (``events.ingest``), so each gets the answer and the error it would have had alone; a
database that stays busy is reported to every caller, each of whom may retry.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import OperationalError

from runtime.context import Runtime
from runtime.events import Intake, InvalidEvent, Within, apply_in, ingest, validate_event
from storage.db import write_scope

log = logging.getLogger(__name__)

MAX_BATCH = 64  # events per shared transaction: bounds how long the batch holds the write lock


@dataclass
class _Waiting:
    payload: Mapping[str, Any]
    within: Within | None
    done: asyncio.Future[Intake]


class _Queue:
    def __init__(self) -> None:
        self.waiting: list[_Waiting] = []
        self.task: asyncio.Task[None] | None = None  # the running flush (a reference keeps it alive)


_queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[str, int, bool], _Queue]] = (
    weakref.WeakKeyDictionary()
)


async def take_in(
    runtime: Runtime, clinic_id: int, payload: Any, *, dispatch: bool = True, within: Within | None = None
) -> Intake:
    """Validate and apply one event like :func:`runtime.events.ingest`, in a write transaction shared with the
    events this loop takes in meanwhile. With ``dispatch`` the new runs are already handed to the workers
    when this returns (``Intake.advance`` is then empty). Raises :class:`InvalidEvent` (nothing written)."""
    problems = validate_event(payload)
    if problems:
        raise InvalidEvent(problems)
    loop = asyncio.get_running_loop()
    key = (runtime.settings.database_url, clinic_id, dispatch)
    queue = _queues.setdefault(loop, {}).setdefault(key, _Queue())
    waiting = _Waiting(payload, within, loop.create_future())
    queue.waiting.append(waiting)
    if queue.task is None or queue.task.done():
        queue.task = loop.create_task(_flush(runtime, clinic_id, dispatch, queue))
    return await waiting.done


async def _flush(runtime: Runtime, clinic_id: int, dispatch: bool, queue: _Queue) -> None:
    while queue.waiting:
        taken, queue.waiting = queue.waiting[:MAX_BATCH], queue.waiting[MAX_BATCH:]
        taken = [w for w in taken if not w.done.done()]  # a caller that gave up (cancelled) is not applied
        if not taken:
            continue
        try:
            intakes = await _apply_together(runtime, clinic_id, dispatch, taken)
        except OperationalError as exc:  # the database stayed busy: nothing was written; each caller may retry
            _fail(taken, exc)
            continue
        except Exception:  # taken in again one by one: each gets its own answer or error
            if len(taken) > 1:
                log.info("a batch of %d events failed together; taking them in one by one", len(taken))
            await asyncio.gather(*(_alone(runtime, clinic_id, dispatch, w) for w in taken))
            continue
        except BaseException as exc:
            _fail(taken, RuntimeError(repr(exc)))
            raise
        if not dispatch:
            _answer(taken, intakes)
            continue
        # Committed: hand every new run to the workers at once. The next batch need not wait for it; these
        # callers are answered once their runs are handed over.
        run_ids = [run_id for intake in intakes for run_id in intake.advance]
        for intake in intakes:
            intake.advance = []
        handing = asyncio.ensure_future(_hand_over(runtime, run_ids))
        _handing.add(handing)
        handing.add_done_callback(functools.partial(_handed, taken=taken, intakes=intakes))


_handing: set[asyncio.Future[None]] = set()  # hand-overs under way (a reference keeps each alive)


def _handed(done: asyncio.Future[None], *, taken: list[_Waiting], intakes: list[Intake]) -> None:
    _handing.discard(done)
    if not done.cancelled() and done.exception() is not None:  # committed all the same: the scheduler re-sends
        log.warning("handing %d runs to the workers failed", len(intakes), exc_info=done.exception())
    _answer(taken, intakes)


def _answer(taken: list[_Waiting], intakes: list[Intake]) -> None:
    for waiting, intake in zip(taken, intakes, strict=True):
        if not waiting.done.done():
            waiting.done.set_result(intake)


async def _apply_together(runtime: Runtime, clinic_id: int, dispatch: bool, taken: list[_Waiting]) -> list[Intake]:
    intakes: list[Intake] = []
    async with write_scope(runtime.settings, clinic_id) as session:
        for waiting in taken:
            if waiting.within is not None:
                await waiting.within(session)
            intakes.append(await apply_in(runtime, session, clinic_id, waiting.payload, dispatch))
    return intakes


async def _alone(runtime: Runtime, clinic_id: int, dispatch: bool, waiting: _Waiting) -> None:
    try:
        intake = await ingest(runtime, clinic_id, waiting.payload, dispatch=dispatch, within=waiting.within)
        if dispatch:
            await _hand_over(runtime, intake.advance)
            intake.advance = []
    except Exception as exc:
        if not waiting.done.done():
            waiting.done.set_exception(exc)
        return
    if not waiting.done.done():
        waiting.done.set_result(intake)


async def _hand_over(runtime: Runtime, run_ids: list[int]) -> None:
    """Enqueue on a helper thread: the broker's client is synchronous, and on this loop every request in flight
    waited for Redis's answer (one or two round trips, as long as redis-server waits for a CPU on a busy machine).
    The caller still gets its answer only once its runs were handed over."""
    if run_ids:
        await asyncio.to_thread(runtime.dispatcher.advance_many, run_ids)


def _fail(taken: list[_Waiting], exc: Exception) -> None:
    for waiting in taken:
        if not waiting.done.done():
            waiting.done.set_exception(exc)


__all__ = ["InvalidEvent", "take_in"]
