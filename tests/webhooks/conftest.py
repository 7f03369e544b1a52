"""Webhook fixtures: the real app (its runtime is the test's virtual-clock runtime) and a clinic webhook secret."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime import context
from runtime.context import Runtime
from server import create_app
from storage.accounts import webhooks
from storage.db import dispose_engines, session_scope


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
