"""Issue 13, "done means": messages due during a provider outage go out soon after it ends, even in lockstep.

Retries back off 5, 10, 20, 40 … s. Messages that first failed together (a wait ending for 600 patients at
once, all refused by the same outage) retry together, so nothing asks the provider for up to 40 s, and the
first retry after the outage — the one that releases the rest — can come that long after its end. While a
clinic's rows back off from a provider and none of them is due within ``probe_every``, the scheduler sends
one of them early as a *probe*: its failure costs none of the row's 30 attempts and leaves its own back-off
as it was; its success releases the others at once.

Through the real outbox, database (SQLite and, with DOCTORSFLOW_TEST_POSTGRES, PostgreSQL) and a fake SOLAPI
whose outage runs on the test's virtual clock; the scheduler passes every second, as a worker's does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.inline import settle
from runtime.outbox import deliver, deliver_many
from runtime.scheduler import tick
from storage.config import Settings
from storage.db import dispose_engines
from storage.migrate import ensure_default_clinic
from tests.support.clinic import ready_clinic
from tests.support.documents import START
from tests.support.fakes import SolapiFake
from tests.support.fakes._http import FailureScript
from tests.support.runtime import publish_document, virtual
from tests.support.solapi import use_solapi

from .test_exactly_once import ONE_SMS, row
from .test_outage_recovery import booked


class Handovers(QueueDispatcher):
    """A dispatcher that also remembers how outbox rows were handed out (one list per hand-out)."""

    def __init__(self) -> None:
        super().__init__()
        self.handouts: list[list[int]] = []

    def deliver_many(self, message_ids: list[int]) -> None:
        self.handouts.append(list(message_ids))
        super().deliver_many(message_ids)


@pytest.fixture
async def db_rt(any_db_settings: Settings, tmp_path: Path) -> AsyncIterator[tuple[Runtime, int]]:
    """A runtime on a virtual clock and the ready default clinic, on SQLite and PostgreSQL."""
    clinic_id = await ensure_default_clinic(any_db_settings)
    await ready_clinic(any_db_settings, clinic_id)
    runtime = Runtime(
        any_db_settings,
        clock=VirtualClock(START),
        dispatcher=Handovers(),
        stale_after=timedelta(seconds=30),
        sandbox_journal=tmp_path / "sandbox",
    )
    yield runtime, clinic_id
    await runtime.aclose()
    await dispose_engines()


async def outage_from_now(rt: Runtime, clinic_id: int, fake: SolapiFake, seconds: float) -> None:
    """The clinic sends through ``fake``, which answers HTTP 500 to everything for ``seconds`` of the test's clock."""
    await use_solapi(rt.settings, clinic_id, fake)
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    fake.failures = FailureScript(clock=lambda: virtual(rt).now().timestamp())
    fake.failures.fail_for(seconds)


async def pass_seconds(rt: Runtime, seconds: float, every: float = 1.0) -> None:
    """Move the clock ``seconds`` on, a scheduler pass (and the work it hands out) every ``every`` seconds."""
    end = rt.clock.now() + timedelta(seconds=seconds)
    while rt.clock.now() < end:
        virtual(rt).advance(timedelta(seconds=every))
        await settle(rt)


async def test_messages_failing_together_go_out_within_10_s_of_the_outage_end(
    db_rt: tuple[Runtime, int], solapi_fake: SolapiFake
) -> None:
    rt, clinic_id = db_rt
    # Given a 45 s outage, and three messages first refused together as it begins (back-off in step: their
    # own retries come at 5, 15, 35 and then 75 s, 30 s after the outage's end)
    await outage_from_now(rt, clinic_id, solapi_fake, 45)
    messages = [await booked(rt, clinic_id, n) for n in (1, 2, 3)]
    for message_id in messages:
        await deliver(rt, message_id)
    assert {(await row(rt, m)).status for m in messages} == {"pending"}
    # When the scheduler passes every second until 10 s after the outage's end
    await pass_seconds(rt, 45 + 10)
    # Then every message went out, once, within those 10 s
    for message_id in messages:
        done = await row(rt, message_id)
        assert done.status == "sent", (message_id, done.status, done.attempts, done.due_at)
        assert done.sent_at is not None and done.sent_at <= START + timedelta(seconds=45 + 10)
    assert sorted(solapi_fake.accepted_counts().values()) == [1, 1, 1]
    # And the probes cost no attempts: the four tries of the rows' own back-off (0, 5, 15, 35 s) and the
    # one that sent each
    assert [(await row(rt, m)).attempts for m in messages] == [5, 5, 5]


@pytest.mark.slow
async def test_a_long_outage_is_probed_every_few_seconds_without_spending_the_rows_attempts(
    db_rt: tuple[Runtime, int], solapi_fake: SolapiFake
) -> None:
    rt, clinic_id = db_rt
    # Given a 10-minute outage and one message refused as it begins
    await outage_from_now(rt, clinic_id, solapi_fake, 600)
    message_id = await booked(rt, clinic_id, 1)
    await deliver(rt, message_id)
    # When the outage runs its course, the scheduler passing every 2.5 s
    await pass_seconds(rt, 597.5, every=2.5)
    # Then the provider was asked about every 5 s (probes), not only at the back-off's 5, 15, 35, 75, 155, 315 s
    asked = len(solapi_fake.requests)
    assert asked >= 600 / 5 * 0.8, asked
    # And the row spent only its own back-off's attempts (tries at 0, 5, 15, 35, 75, 155 and 315 s): it keeps
    # the rest of its 30 to ride out a longer outage, and its next regular try is still at 615 s
    waiting = await row(rt, message_id)
    assert (waiting.status, waiting.attempts) == ("pending", 7)
    assert waiting.due_at == START + timedelta(seconds=615)
    # And once the provider is back, the next probe sends it: within 5 s, not at 615 s
    await pass_seconds(rt, 7.5, every=2.5)
    sent = await row(rt, message_id)
    assert sent.status == "sent" and sent.attempts == 8
    assert solapi_fake.accepted_counts().total() == 1


async def test_a_probe_whose_answer_is_lost_is_asked_about_not_sent_again(
    db_rt: tuple[Runtime, int], solapi_fake: SolapiFake
) -> None:
    rt, clinic_id = db_rt
    # Given a 45 s outage, two messages refused together as it begins, and the first send after it (a probe)
    # accepted by the provider but its answer lost (the connection dropped)
    await outage_from_now(rt, clinic_id, solapi_fake, 45)
    messages = [await booked(rt, clinic_id, n) for n in (1, 2)]
    for message_id in messages:
        await deliver(rt, message_id)
    solapi_fake.after_next_send(drop=True)
    # When the scheduler passes every second until 15 s after the outage's end
    await pass_seconds(rt, 45 + 15)
    # Then both are sent, each accepted exactly once: the probe's row was asked about (resumed), not re-sent
    assert [(await row(rt, m)).status for m in messages] == ["sent", "sent"]
    assert sorted(solapi_fake.accepted_counts().values()) == [1, 1]


async def twenty_refused_by_an_outage(rt: Runtime, clinic_id: int, solapi_fake: SolapiFake) -> list[int]:
    await outage_from_now(rt, clinic_id, solapi_fake, 10)
    messages = [await booked(rt, clinic_id, n) for n in range(1, 21)]
    for message_id in messages:
        await deliver(rt, message_id)
    return messages


async def test_rows_released_after_an_outage_are_sent_in_shared_groups(
    db_rt: tuple[Runtime, int], solapi_fake: SolapiFake
) -> None:
    rt, clinic_id = db_rt
    # Given twenty messages refused by a 10 s outage as it begins (no group could be made for any of them)
    messages = await twenty_refused_by_an_outage(rt, clinic_id, solapi_fake)
    assert [(await row(rt, m)).provider_handle for m in messages] == [None] * 20
    # When their retries come due together after it and the workers deliver them side by side
    virtual(rt).advance(timedelta(seconds=11))
    before = len(solapi_fake.requests)
    await asyncio.gather(*(deliver(rt, m) for m in messages))
    # Then they shared groups (create, add, send per group), not five requests each (create, ask the group,
    # list its messages, add, send): nothing can be in a group that was never stored on the row. How many
    # groups form depends on how the claims interleave (a group leaves as soon as one is waiting), so the
    # bound is loose: far fewer groups than rows, and no row asked the provider about a group.
    assert [(await row(rt, m)).status for m in messages] == ["sent"] * 20
    requests = solapi_fake.requests[before:]
    groups = [r for r in requests if r.path == "/messages/v4/groups"]
    assert [r.method for r in requests if r.method == "GET"] == [], [r.path for r in requests]
    assert len(groups) <= 6 and len(requests) <= 3 * len(groups), [r.path for r in requests]
    assert sorted(solapi_fake.accepted_counts().values()) == [1] * 20


async def test_rows_due_together_are_handed_out_together_and_share_groups(
    db_rt: tuple[Runtime, int], solapi_fake: SolapiFake
) -> None:
    rt, clinic_id = db_rt
    # Given twenty messages refused by a 10 s outage as it begins
    messages = await twenty_refused_by_an_outage(rt, clinic_id, solapi_fake)
    # When their retries come due together after it and the scheduler passes
    virtual(rt).advance(timedelta(seconds=11))
    await tick(rt)
    # Then it hands them out in one piece of work (a worker takes them together), not twenty
    assert isinstance(rt.dispatcher, Handovers)
    assert rt.dispatcher.handouts == [sorted(messages)]
    # And that worker claims them in one transaction and sends them in shared groups
    before = len(solapi_fake.requests)
    await deliver_many(rt, rt.dispatcher.handouts[0])
    assert [(await row(rt, m)).status for m in messages] == ["sent"] * 20
    assert len(solapi_fake.requests) - before <= 6, [r.path for r in solapi_fake.requests[before:]]
    assert sorted(solapi_fake.accepted_counts().values()) == [1] * 20
