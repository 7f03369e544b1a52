"""Pause and resume end to end: the HTTP API, a Dramatiq worker on real embedded Redis, the scheduler's passes
(due outbox, stale sweeper). A send held by a pause is never sent by a pass; resumed, it goes out exactly once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import dramatiq
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select, update

from runtime import broker as broker_module
from runtime.broker import EmbeddedRedis
from runtime.context import Runtime, set_current
from runtime.scheduler import tick
from storage.config import Settings
from storage.db import session_scope
from storage.models import OutboxMessage, RunStep
from tests.support.documents import event, workflow
from tests.support.login import apply_login, make_login

WAIT_THEN_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "later", "type": "wait.duration", "params": {"days": 1}},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
    ],
    [("start", "later"), ("later", "note")],
    name="하루 뒤 안내",
)
APPOINTMENT = {"id": "apt-9", "starts_at": "2026-12-20T14:30:00+09:00", "procedure": "cataract"}


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    yield server
    server.server.shutdown(nosave=True)  # Dramatiq's connections would keep it alive past the last client
    server.stop()


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


async def _count(settings: Settings, model: Any, *where: Any) -> int:
    async with session_scope(settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one())


async def _passes(runtime: Runtime, n: int = 3) -> None:
    """Scheduler passes, with time for the worker to act on what they hand out."""
    for _ in range(n):
        await tick(runtime)
        await asyncio.sleep(0.3)


async def test_pause_holds_a_due_send_and_resume_sends_it_once_through_redis(
    settings: Settings, clinic_id: int, redis_server: EmbeddedRedis
) -> None:
    from server import create_app

    redis_server.server.flushall()
    with_redis = replace(settings, redis_url=redis_server.url)
    set_current(None)
    app = create_app(with_redis)
    try:
        async with AsyncTestClient(app=app) as client:
            runtime: Runtime = app.state.runtime
            broker = broker_module.current_broker()
            assert broker is not None
            worker = dramatiq.Worker(broker, worker_threads=2)
            worker.start()
            try:
                apply_login(client, await make_login(settings, "manager"))
                # Given a published workflow and a booking whose run waits one day
                wid = (await client.post("/api/workflows", json=WAIT_THEN_SMS)).json()["id"]
                assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201
                booked = await client.post(
                    "/api/events", json=event("appointment.booked", "r-1", appointment=APPOINTMENT)
                )
                run_id = booked.json()["runs"][0]["id"]
                waiting = RunStep.status == "waiting"
                await eventually(lambda: _has(settings, RunStep, waiting))
                # When the workflow is paused, then the day passes and a scheduler claim raced the pause
                assert (await client.post(f"/api/workflows/{wid}/pause")).json()["status"] == "paused"
                past = datetime.now(UTC) - timedelta(seconds=1)
                async with session_scope(settings, None) as session:
                    await session.execute(update(RunStep).where(waiting).values(due_at=past))
                await _passes(runtime)
                assert await _count(settings, RunStep, waiting) == 1  # held: the scheduler leaves it
                async with session_scope(settings, None) as session:
                    await session.execute(update(RunStep).where(waiting).values(status="firing", claimed_at=past))
                runtime.dispatcher.advance(run_id)  # the raced claim's message, through Redis
                await eventually(lambda: _has(settings, OutboxMessage))
                await asyncio.sleep(0.5)
                # Then the worker made the message but did not send it: pending, never attempted, even after
                # the scheduler's passes (due outbox and stale sweeper) and the monitor shows it held
                await _passes(runtime)
                async with session_scope(settings, None) as session:
                    (row,) = (await session.execute(select(OutboxMessage))).scalars()
                    assert (row.status, row.attempts, row.sent_at) == ("pending", 0, None)
                listed = (await client.get(f"/api/runs?workflow_id={wid}")).json()["runs"][0]
                assert listed["workflow_status"] == "paused" and listed["next_at"] is not None
                assert _journal(settings) == 0
                # When it is resumed
                assert (await client.post(f"/api/workflows/{wid}/resume")).json()["status"] == "active"
                await _passes(runtime)
                delivered = OutboxMessage.status == "delivered"
                await eventually(lambda: _has(settings, OutboxMessage, delivered))
                await _passes(runtime)
                # Then it went out exactly once
                assert await _count(settings, OutboxMessage) == 1
                assert await _count(settings, OutboxMessage, delivered, OutboxMessage.attempts == 1) == 1
                assert _journal(settings) == 1
            finally:
                worker.stop()
    finally:
        set_current(None)
        redis_server.server.flushall()


async def _has(settings: Settings, model: Any, *where: Any) -> bool:
    return await _count(settings, model, *where) > 0


def _journal(settings: Settings) -> int:
    return len(list((settings.data_dir / "sandbox").glob("sbx-*.json")))
