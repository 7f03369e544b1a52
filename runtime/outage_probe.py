"""Probing a provider's outage: find out it is over within seconds, whatever the rows' back-off.

Retries back off 5, 10, 20, 40 … s (``outbox.retry_delay_s``). Rows that first failed together — a wait ending
for hundreds of patients in the same minute, all refused by the same outage — retry together, so nothing may
ask the provider for 40 s and more, and the first retry after the outage (the one that releases the rest,
``outbox._RELEASE``) can come that long after its end. The soak on PostgreSQL, where such rows go out nearly
at once, saw the last message 30 s after the outage (docs/soak.md).

So, at most every second, the scheduler looks at each (clinic, provider) whose rows are backing off: when
none of them is due within ``Runtime.probe_every`` (5 s) and this process has not probed that pair for as
long, it dispatches one of them — the one whose own next try comes first — as a probe (``outbox.probe``).
A probe is an ordinary, exactly-once retry, except that failing costs the row nothing: its attempt is given
back and its own next try stays where it was, so a two-hour outage still ends in ``failed`` on the row's own
schedule, and probing stops once no row is left backing off. One request per clinic and provider every few
seconds (each scheduler picks the same row; the claim lets one through) — never a herd during the outage.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, func, select

from runtime.context import Runtime
from storage.db import read_scope
from storage.models import OutboxMessage
from storage.workflows.lifecycle import held_by_pause

CHECK_EVERY = timedelta(seconds=1)  # how often a scheduler looks for outages (an indexed query)


async def probe_outages(runtime: Runtime) -> int:
    """Dispatch one probe per (clinic, provider) whose backed-off rows have no try coming within
    ``probe_every`` and that this process has not probed for as long. Returns how many."""
    now = runtime.clock.now()
    if runtime.probes_checked_at is not None and now < runtime.probes_checked_at + CHECK_EVERY:
        return 0
    runtime.probes_checked_at = now
    backing_off = and_(
        OutboxMessage.status == "pending",
        OutboxMessage.due_at > now,
        OutboxMessage.error_code.is_not(None),
        OutboxMessage.provider.is_not(None),
        ~held_by_pause(OutboxMessage.run_id),
    )
    pairs = select(OutboxMessage.clinic_id, OutboxMessage.provider, func.min(OutboxMessage.due_at)).where(backing_off)
    chosen: list[tuple[tuple[int, str], int]] = []
    async with read_scope(runtime.settings, None) as session:
        found = (await session.execute(pairs.group_by(OutboxMessage.clinic_id, OutboxMessage.provider))).all()
        for clinic_id, provider, next_try in found:
            assert provider is not None  # backing_off has only rows a provider failed
            last = runtime.probed_at.get((clinic_id, provider))
            if next_try <= now + runtime.probe_every or (last is not None and now < last + runtime.probe_every):
                continue  # a row's own retry comes soon enough, or this process probed it a moment ago
            first = (
                select(OutboxMessage.id)
                .where(backing_off, OutboxMessage.clinic_id == clinic_id, OutboxMessage.provider == provider)
                .order_by(OutboxMessage.due_at, OutboxMessage.id)
                .limit(1)
            )
            message_id = (await session.execute(first)).scalar()
            if message_id is not None:
                chosen.append(((clinic_id, provider), message_id))
    outages = {(clinic_id, provider) for clinic_id, provider, _ in found}
    for pair in [p for p in runtime.probed_at if p not in outages]:
        del runtime.probed_at[pair]  # that outage is over (or its rows gave up): forget it
    for pair, message_id in chosen:
        runtime.probed_at[pair] = now
        runtime.dispatcher.probe(message_id)
    return len(chosen)
