"""The actors: advance a run (or several), deliver an outbox row, probe a provider's outage with one. Each names a database row; the work itself lives in
plain async functions. Due waits are fired by the scheduler loop (runtime/scheduler.py) and delivery reports
applied where they arrive (runtime/webhooks.py, the scheduler's poll) — neither goes through Redis.

Declared on the broker by :func:`runtime.broker.setup_broker`, never at import time, so importing this
module does not create or need a broker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from runtime import outbox, runs
from runtime.context import current


async def advance_run(run_id: int) -> None:
    """Advance the run and deliver its new messages right after its commit (``runs.advance_and_deliver``);
    ``deliver_outbox`` carries retries, held rows, failovers and what the sweeper hands out."""
    runtime = current()
    for message_id in await runs.advance_and_deliver(runtime, run_id):
        runtime.dispatcher.deliver(message_id)


async def advance_runs(run_ids: list[int]) -> None:
    """Several runs taken in together (``Dispatcher.advance_many``): advanced in one transaction, then their
    messages sent together (``runs.advance_and_deliver_many``)."""
    runtime = current()
    for message_id in await runs.advance_and_deliver_many(runtime, [int(r) for r in run_ids]):
        runtime.dispatcher.deliver(message_id)


async def deliver_outbox(message_id: int) -> None:
    runtime = current()
    for follow_up in await outbox.deliver(runtime, message_id):
        runtime.dispatcher.deliver(follow_up)


async def deliver_outboxes(message_ids: list[int]) -> None:
    """Rows the scheduler handed out together (``Dispatcher.deliver_many``): claimed in one transaction, sent
    side by side (``outbox.deliver_many``)."""
    runtime = current()
    for follow_up in await outbox.deliver_many(runtime, [int(m) for m in message_ids]):
        runtime.dispatcher.deliver(follow_up)


async def probe_outbox(message_id: int) -> None:
    """Try a row backing off from an outage early (``runtime/outage_probe.py``, ``outbox.probe``)."""
    runtime = current()
    for follow_up in await outbox.probe(runtime, message_id):
        runtime.dispatcher.deliver(follow_up)


ACTORS: dict[str, Callable[..., Awaitable[Any]]] = {
    "advance_run": advance_run,
    "advance_runs": advance_runs,
    "deliver_outbox": deliver_outbox,
    "deliver_outboxes": deliver_outboxes,
    "probe_outbox": probe_outbox,
}
