"""``doctorsflow start WORKFLOW_ID --patient CHART_NO…`` through the real command line entry point."""

from __future__ import annotations

import asyncio
import json

import pytest

from runtime.context import Runtime
from runtime.events import ingest
from server import main
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.tenancy import Caller
from storage.workflows.service import create_workflow, publish
from tests.manual_start.test_api import MANUAL
from tests.support.documents import event


async def _seed(settings: Settings) -> int:
    try:
        clinic_id = await ensure_default_clinic(settings)
        runtime = Runtime(settings)
        for i in range(2):
            await ingest(
                runtime,
                clinic_id,
                event("patient.created", f"p-{i}", chart_no=f"C-{i}", phone=f"010-5555-000{i}"),
                dispatch=False,
            )
        caller = Caller(clinic_id=clinic_id, actor="test")
        async with session_scope(settings, clinic_id) as session:
            row = await create_workflow(session, caller, MANUAL)
            await session.flush()
            await publish(session, caller, row.id)
            return row.id
    finally:
        await dispose_engines()


def test_start_previews_then_starts_by_chart_number(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)
    workflow_id = asyncio.run(_seed(settings))
    # Preview: two patients, nothing started
    assert main(["start", str(workflow_id), "--patient", "C-0", "C-1", "--dry-run", "--format", "json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["patients"] == 2 and preview["runs"] == []
    # Start: two runs; again: nobody twice
    assert main(["start", str(workflow_id), "--patient", "C-0", "C-1", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["runs"]) == 2
    assert main(["start", str(workflow_id), "--patient", "C-0", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["already_running"] == 1
    # An unknown chart number: exit 1 naming it
    assert main(["start", str(workflow_id), "--patient", "X-9", "--format", "json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors[0]["code"] == "not_found" and errors[0]["path"] == "/patient/0"
    # Text output for people
    assert main(["start", str(workflow_id), "--patient", "C-0", "--dry-run"]) == 0
    assert "미리 보기 / preview" in capsys.readouterr().out
