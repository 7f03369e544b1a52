"""Load the example workflows into a fresh database (``make run``), once."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

from nodes import examples
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import Workflow
from storage.tenancy import Caller
from storage.workflows import service


async def _load(settings: Settings) -> int:
    clinic_id = await ensure_default_clinic(settings)
    async with session_scope(settings, clinic_id) as session:
        if (await session.execute(select(func.count()).select_from(Workflow))).scalar_one():
            return 0
        caller = Caller(clinic_id=clinic_id, actor="system")
        loaded = 0
        for entry in examples.list_examples():
            doc = examples.load_example(entry["slug"])
            if doc is not None:
                await service.create_workflow(session, caller, doc)
                loaded += 1
        return loaded


async def _load_and_close(settings: Settings) -> int:
    try:
        return await _load(settings)
    finally:
        await dispose_engines()


def load_examples_once(settings: Settings) -> int:
    return asyncio.run(_load_and_close(settings))


async def _import(settings: Settings, doc: Any, publish: bool) -> dict[str, Any]:
    try:
        clinic_id = await ensure_default_clinic(settings)
        async with session_scope(settings, clinic_id) as session:
            caller = Caller(clinic_id=clinic_id, actor="cli")
            workflow = await service.create_workflow(session, caller, doc)
            version = await service.publish(session, caller, workflow.id) if publish else None
            return {"id": workflow.id, "name": workflow.name, "version": version.version if version else None}
    finally:
        await dispose_engines()


def import_document(settings: Settings, doc: Any, publish: bool = False) -> dict[str, Any]:
    """Import one workflow document into the default clinic (and publish it); all or nothing."""
    return asyncio.run(_import(settings, doc, publish))
