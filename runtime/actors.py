"""The few generic actors. Each names a database row; the work itself lives in plain async functions.

Declared on the broker by :func:`runtime.broker.setup_broker`, never at import time, so importing this
module does not create or need a broker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from runtime import outbox, runs, scheduler
from runtime.channels.base import DeliveryReport
from runtime.context import current


async def advance_run(run_id: int) -> None:
    runtime = current()
    for message_id in await runs.advance_run(runtime, run_id):
        runtime.dispatcher.deliver(message_id)


async def deliver_outbox(message_id: int) -> None:
    runtime = current()
    for follow_up in await outbox.deliver(runtime, message_id):
        runtime.dispatcher.deliver(follow_up)


async def fire_due_waits() -> None:
    await scheduler.fire_due_waits(current())


async def process_delivery_report(
    provider: str,
    provider_message_id: str,
    state: str,
    at: str,
    error_code: str | None = None,
    error_message: str | None = None,
    failover_sent: bool = False,
) -> None:
    """A provider's webhook or poll result, applied idempotently (late, repeated, out of order)."""
    runtime = current()
    report = DeliveryReport(
        provider=provider,
        provider_message_id=provider_message_id,
        state=state,  # type: ignore[arg-type]
        at=datetime.fromisoformat(at),
        error_code=error_code,
        error_message=error_message,
        failover_sent=failover_sent,
    )
    for message_id in await outbox.process_report(runtime, report):
        runtime.dispatcher.deliver(message_id)


ACTORS: dict[str, Callable[..., Awaitable[Any]]] = {
    "advance_run": advance_run,
    "deliver_outbox": deliver_outbox,
    "fire_due_waits": fire_due_waits,
    "process_delivery_report": process_delivery_report,
}
