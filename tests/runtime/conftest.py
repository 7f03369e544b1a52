"""Runtime fixtures: a migrated SQLite database (tests/conftest.py), a virtual clock, published workflows."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runtime.clock import SEOUL, VirtualClock
from runtime.context import QueueDispatcher, Runtime
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.tenancy import Caller
from storage.workflows.service import create_workflow, publish

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
START = datetime(2026, 12, 1, 15, 0, tzinfo=SEOUL)  # a Tuesday afternoon


def example(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return document


def workflow(nodes: list[dict[str, Any]], edges: list[tuple[str, str] | tuple[str, str, str]]) -> dict[str, Any]:
    """A small v1 document: edges as (source, target) or (source, port, target)."""
    return {
        "format": "doctorsflow.workflow/v1",
        "name": "test",
        "nodes": copy.deepcopy(nodes),
        "edges": [{"source": e[0], "target": e[-1], **({"sourcePort": e[1]} if len(e) == 3 else {})} for e in edges],
    }


def event(
    type_: str,
    external_id: str,
    *,
    at: datetime = START,
    chart_no: str = "A-1001",
    phone: str = "010-1234-5678",
    appointment: Mapping[str, Any] | None = None,
    consent: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": type_,
        "external_id": external_id,
        "occurred_at": at.isoformat(),
        "patient": {"chart_no": chart_no, "name": "김민지", "phone": phone},
    }
    if appointment is not None:
        payload["appointment"] = dict(appointment)
    if consent is not None:
        payload["consent"] = dict(consent)
    return payload


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(START)


@pytest.fixture
async def clinic_id(settings: Settings) -> AsyncIterator[int]:
    yield await ensure_default_clinic(settings)
    await dispose_engines()


@pytest.fixture
def rt(settings: Settings, clock: VirtualClock, tmp_path: Path) -> Runtime:
    return Runtime(
        settings,
        clock=clock,
        dispatcher=QueueDispatcher(),
        stale_after=timedelta(seconds=30),
        sandbox_journal=tmp_path / "sandbox",
    )


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


async def use_solapi(settings: Settings, clinic_id: int, fake: Any, *template_codes: str) -> None:
    """Send the clinic's messages through a fake SOLAPI whose Kakao channel knows these library templates."""
    from nodes.send_alimtalk.library import approved_templates

    texts = {t.code: t.text for t in approved_templates()}
    for code in template_codes:
        fake.channels["KA01PF_FAKE"][code] = texts[code]
    await set_clinic_settings(
        settings,
        clinic_id,
        provider="solapi",
        solapi_api_key=fake.api_key,
        solapi_api_secret=fake.api_secret,
        solapi_base_url=fake.url,
        sender_number="0212345678",
        kakao_sender_key="KA01PF_FAKE",
    )
