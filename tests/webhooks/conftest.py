"""Webhook fixtures: the real app (its runtime is the test's virtual-clock runtime), a clinic webhook secret,
and a signed-request helper."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime import context
from runtime.context import Runtime
from server import create_app
from storage.accounts import webhooks
from storage.accounts.webhooks import SIGNATURE_HEADER, sign
from storage.db import dispose_engines, session_scope
from tests.runtime.conftest import clinic_id, clock, rt
from tests.support.fakes.fixtures import solapi_fake

__all__ = ["app_client", "clinic_id", "clock", "rt", "secret", "solapi_fake"]


@pytest.fixture
async def app_client(rt: Runtime) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """The app, dispatching onto ``rt`` (in-memory queue, virtual clock) as ``serve --with-worker`` would."""
    context.set_current(rt)
    async with AsyncTestClient(app=create_app(rt.settings)) as client:
        yield client
    context.set_current(None)
    await dispose_engines()


@pytest.fixture
async def secret(rt: Runtime, clinic_id: int) -> str:
    async with session_scope(rt.settings, None) as db:
        return await webhooks.create_secret(db, rt.settings, clinic_id)


def signed(payload: Any, secret: str, timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
    """The body and headers a booking system sends."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    return body, {SIGNATURE_HEADER: sign(body, secret, timestamp), "content-type": "application/json"}
