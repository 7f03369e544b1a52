"""Signed webhooks under load and after a failure (issue 13, cause 4), through the real app.

The guard used to hold one pooled connection while recording the signature on a second: at 15+ concurrent
webhooks every connection waited on another and the pool timed out (500s after 30 s). And the signature was
recorded before the work, so a sender retrying after a 500/503 got 401 "replayed" and the event was lost.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import uvicorn
from litestar import Litestar
from sqlalchemy import func, select

import storage.db
from runtime import context
from runtime.context import QueueDispatcher, Runtime
from server import create_app
from storage.accounts import webhooks
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import Event, SeenSignature
from tests.support.documents import BOOKED, event
from tests.support.webhooks import signed

EVENTS = "/api/webhooks/default/events"
CONCURRENT = 50


class ServerThread(threading.Thread):
    """The real app under uvicorn on a free port of 127.0.0.1, in a thread with its own event loop."""

    def __init__(self, app: Litestar) -> None:
        super().__init__(name="test-uvicorn", daemon=True)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)

    def run(self) -> None:
        self.server.run()

    def __enter__(self) -> str:
        self.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert time.monotonic() < deadline and self.is_alive(), "uvicorn did not start"
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.join(30)


@asynccontextmanager
async def serving_signed(settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """The real app served over real HTTP on ``settings``' database, with a webhook secret."""
    clinic_id = await ensure_default_clinic(settings)
    async with session_scope(settings, None) as db:
        secret = await webhooks.create_secret(db, settings, clinic_id)
    await dispose_engines()
    context.set_current(Runtime(settings, dispatcher=QueueDispatcher()))
    limits = httpx.Limits(max_connections=CONCURRENT)
    with ServerThread(create_app(settings)) as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
            yield client, secret
    context.set_current(None)
    await dispose_engines()


@pytest.fixture
async def signed_client(any_db_settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """On SQLite and, when configured, PostgreSQL."""
    async with serving_signed(any_db_settings) as served:
        yield served


@pytest.fixture
async def sqlite_signed_client(settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """On SQLite only: the test makes its failure by holding SQLite's write lock."""
    async with serving_signed(settings) as served:
        yield served


async def count(settings: Settings, model: type) -> int:
    async with session_scope(settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_concurrent_signed_webhooks_all_succeed(
    signed_client: tuple[httpx.AsyncClient, str], any_db_settings: Settings
) -> None:
    client, secret = signed_client
    # Given 30 booking events, each signed (more than the pool's 15 connections on SQLite, 20 on PostgreSQL)
    requests = [
        signed(
            event("appointment.booked", f"load-{i}", chart_no=f"C-{i}", appointment={**BOOKED, "id": f"apt-{i}"}),
            secret,
        )
        for i in range(CONCURRENT)
    ]
    # When they all arrive at once
    answers = await asyncio.gather(*(client.post(EVENTS, content=body, headers=hd) for body, hd in requests))
    # Then every one is accepted (no pool time-out), each event is stored once, each signature recorded once
    assert sorted(a.status_code for a in answers) == [201] * CONCURRENT, [a.text for a in answers if a.is_error][:2]
    assert await count(any_db_settings, Event) == CONCURRENT
    assert await count(any_db_settings, SeenSignature) == CONCURRENT
    # And a replay of any of them is refused
    body, headers = requests[0]
    replay = await client.post(EVENTS, content=body, headers=headers)
    assert replay.status_code == 401 and replay.json()["errors"][0]["code"] == "signature_replayed"


async def test_webhook_whose_processing_failed_is_accepted_once_on_retry(
    sqlite_signed_client: tuple[httpx.AsyncClient, str], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, secret = sqlite_signed_client
    body, headers = signed(event("appointment.booked", "retry-1", appointment=BOOKED), secret)
    # Given another process holds the database's write lock for longer than the intake waits for it
    monkeypatch.setattr(storage.db, "LOCK_WAIT", 0.3)
    holder = sqlite3.connect(settings.database_url.split(":///", 1)[1], timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    try:
        # When the signed event arrives, Then it fails with 503 (retry later) and nothing is stored
        failed = await client.post(EVENTS, content=body, headers=headers)
        assert failed.status_code == 503, failed.text
    finally:
        holder.rollback()
        holder.close()
    assert await count(settings, Event) == 0
    # When the sender retries the very same request, Then it is accepted (its signature was not used up)
    retried = await client.post(EVENTS, content=body, headers=headers)
    assert retried.status_code == 201, retried.text
    # And a further copy is a replay: refused, and the event stays stored once
    again = await client.post(EVENTS, content=body, headers=headers)
    assert again.status_code == 401 and again.json()["errors"][0]["code"] == "signature_replayed"
    assert await count(settings, Event) == 1


async def test_concurrent_copies_of_one_signed_request_apply_once(
    signed_client: tuple[httpx.AsyncClient, str], any_db_settings: Settings
) -> None:
    client, secret = signed_client
    body, headers = signed(event("appointment.booked", "same-1", appointment=BOOKED), secret)
    # When five copies of one signed request race (a sender's retry storm or a replay attack)
    answers = await asyncio.gather(*(client.post(EVENTS, content=body, headers=headers) for _ in range(5)))
    # Then exactly one is accepted; the others are refused as replays (or answer the original as a duplicate)
    codes = sorted(a.status_code for a in answers)
    assert codes.count(201) == 1, [a.text for a in answers]
    assert set(codes) <= {200, 201, 401}
    assert await count(any_db_settings, Event) == 1
    assert await count(any_db_settings, SeenSignature) == 1


async def test_webhook_answered_500_is_accepted_once_when_retried_and_logs_no_personal_data(
    sqlite_signed_client: tuple[httpx.AsyncClient, str], settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    client, secret = sqlite_signed_client
    payload = event("appointment.booked", "retry-500", phone="010-8765-4321", appointment=BOOKED)
    body, headers = signed(payload, secret)
    # Given the patient is known, but their stored name cannot be read (a damaged row: the intake fails, 500)
    seed = event("appointment.booked", "seed", phone="010-8765-4321", appointment={**BOOKED, "id": "apt-seed"})
    seed_body, seed_headers = signed(seed, secret)
    assert (await client.post(EVENTS, content=seed_body, headers=seed_headers)).status_code == 201
    database = sqlite3.connect(settings.database_url.split(":///", 1)[1], timeout=30)
    (sealed,) = database.execute("SELECT name FROM patients").fetchone()
    database.execute("UPDATE patients SET name = ?", (sealed[:-8] + "AAAAAAAA",))
    database.commit()
    try:
        # When the signed event arrives, Then it answers 500 and nothing is stored, the signature not used up
        failed = await client.post(EVENTS, content=body, headers=headers)
        assert failed.status_code == 500, failed.text
    finally:
        database.execute("UPDATE patients SET name = ?", (sealed,))
        database.commit()
        database.close()
    assert await count(settings, Event) == 1
    assert await count(settings, SeenSignature) == 1
    # When the sender retries the very same request, Then it is accepted; a further copy is a replay
    retried = await client.post(EVENTS, content=body, headers=headers)
    assert retried.status_code == 201, retried.text
    again = await client.post(EVENTS, content=body, headers=headers)
    assert again.status_code == 401 and again.json()["errors"][0]["code"] == "signature_replayed"
    assert await count(settings, Event) == 2
    # And the failure's log lines (the SQL error included) name neither the patient nor the phone number
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "DecryptionError" in logged  # the failure was logged
    for personal in ("김민지", "010-8765-4321", "01087654321", "A-1001"):
        assert personal not in logged
