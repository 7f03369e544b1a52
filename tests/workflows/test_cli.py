"""`doctorsflow import-workflow` and `migrate` through the real command line entry point."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from server import main
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from tests.support.clinic import approve_library_copies


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return settings


async def _approve_library(settings: Settings) -> None:
    clinic_id = await ensure_default_clinic(settings)
    async with session_scope(settings, clinic_id) as session:
        await approve_library_copies(session, clinic_id)
    await dispose_engines()


@pytest.mark.gates
def test_import_and_publish_an_example(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate"]) == 0
    capsys.readouterr()
    # issue 15: a new clinic has no phone and no approved templates: the gate refuses, naming both
    assert main(["import-workflow", "cataract-postop", "--publish", "--format", "json"]) == 1
    codes = {e["code"] for e in json.loads(capsys.readouterr().out)["errors"]}
    assert codes == {"MSG-EMPTY-VARIABLE", "KAKAO-TEMPLATE-UNAPPROVED"}
    # once the clinic has its phone (the clinic command) and approved copies of the templates, it publishes
    assert main(["clinic", "set", "--phone", "02-123-4567", "--format", "json"]) == 0
    capsys.readouterr()
    asyncio.run(_approve_library(env))
    assert main(["import-workflow", "cataract-postop", "--publish", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"id": 1, "name": "백내장 수술 후 관리 (1·3·7일차)", "version": 1}


def test_publishing_an_invalid_file_imports_nothing(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []}))
    assert main(["import-workflow", str(bad), "--publish", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["errors"][0]["code"] == "missing_trigger"
    assert main(["import-workflow", str(tmp_path / "missing.json")]) == 2
    # the rolled-back import left no workflow behind: the next import gets id 1
    assert main(["import-workflow", "cataract-postop", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == 1
