"""The in-process runtime of a test (a pytest plugin, see tests/conftest.py): a virtual clock, the default
clinic, a runtime dispatching onto an in-memory queue; and helpers to publish workflows and start runs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.events import ingest
from runtime.inline import settle
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import OutboxMessage
from storage.tenancy import Caller
from storage.workflows.service import create_workflow, publish
from tests.support.clinic import ready_clinic
from tests.support.documents import START


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(START)


@pytest.fixture
async def clinic_id(settings: Settings) -> AsyncIterator[int]:
    default = await ensure_default_clinic(settings)
    await ready_clinic(
        settings, default
    )  # profile filled, library approved, no sign-off gate (tests/support/clinic.py)
    yield default
    await dispose_engines()


@pytest.fixture
async def rt(settings: Settings, clock: VirtualClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    runtime = Runtime(
        settings,
        clock=clock,
        dispatcher=QueueDispatcher(),
        stale_after=timedelta(seconds=30),
        sandbox_journal=tmp_path / "sandbox",
    )
    yield runtime
    await runtime.aclose()  # the provider clients it opened (fake SOLAPI/NHN connections)


def virtual(rt: Runtime) -> VirtualClock:
    """The virtual clock of a test's runtime (the ``rt`` fixture runs on one)."""
    assert isinstance(rt.clock, VirtualClock), rt.clock
    return rt.clock


async def publish_document(settings: Settings, clinic_id: int, document: Mapping[str, Any]) -> int:
    """Create and publish a workflow the way the API does; returns the workflow id."""
    caller = Caller(clinic_id=clinic_id, actor="test")
    async with session_scope(settings, clinic_id) as session:
        created = await create_workflow(session, caller, dict(document))
        await publish(session, caller, created.id)
        return created.id


async def set_clinic_settings(settings: Settings, clinic_id: int, **values: Any) -> None:
    from storage.models import Clinic

    async with session_scope(settings, None) as session:
        clinic = await session.get(Clinic, clinic_id)
        assert clinic is not None
        clinic.settings = {**(clinic.settings or {}), **values}


async def start(rt: Runtime, clinic_id: int, payload: dict[str, Any]) -> list[int]:
    """Ingest an event, advance the runs it started and settle (nothing due now is left); returns their ids."""
    intake = await ingest(rt, clinic_id, payload)
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await settle(rt)
    return intake.advance


async def outbox(rt: Runtime) -> list[OutboxMessage]:
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())
