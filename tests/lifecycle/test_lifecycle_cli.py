"""`doctorsflow workflow …`, `run cancel`, `message cancel` through the real command line entry point."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import select

from server import main
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import AuditEntry
from tests.support.clinic import ready_clinic


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)

    async def ready() -> None:  # approved template copies, profile filled: the examples may publish (issue 15)
        try:
            await ready_clinic(settings, await ensure_default_clinic(settings))
        finally:
            await dispose_engines()

    asyncio.run(ready())
    return settings


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


async def _actions(settings: Settings) -> list[tuple[str, str, str | None]]:
    async with session_scope(settings, None) as session:
        rows = (await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars()
        return [(r.actor, r.action, r.detail.get("after")) for r in rows if r.action.startswith("workflow.")]


def test_the_lifecycle_from_the_command_line(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    # Given a published example
    assert main(["import-workflow", "cataract-postop", "--publish", "--format", "json"]) == 0
    capsys.readouterr()
    # When it is paused, paused again, resumed and archived
    assert main(["workflow", "pause", "1", "--format", "json"]) == 0
    assert _json(capsys)["status"] == "paused"
    assert main(["workflow", "pause", "1", "--format", "json"]) == 1
    assert _json(capsys)["errors"][0]["code"] == "invalid_transition"
    assert main(["workflow", "resume", "1", "--format", "json"]) == 0
    assert _json(capsys)["status"] == "active"
    assert main(["workflow", "archive", "1", "--format", "json"]) == 0
    assert _json(capsys)["status"] == "archived"
    # Then the list shows it archived, and every transition is audited as the command line
    assert main(["workflow", "list", "--format", "json"]) == 0
    assert [w["status"] for w in _json(capsys)["workflows"]] == ["archived"]
    assert [a for a in asyncio.run(_actions(env)) if a[1] != "workflow.create"] == [
        ("cli", "workflow.publish", None),
        ("cli", "workflow.pause", "paused"),
        ("cli", "workflow.resume", "active"),
        ("cli", "workflow.archive", "archived"),
    ]
    # And an unknown run or message is "not found" (exit 1)
    assert main(["run", "cancel", "99", "--format", "json"]) == 1
    assert _json(capsys)["errors"][0]["code"] == "not_found"
    assert main(["message", "cancel", "99", "--format", "json"]) == 1


def test_restoring_from_the_command_line_reads_as_korean(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a published example (version 1)
    assert main(["import-workflow", "cataract-postop", "--publish", "--format", "json"]) == 0
    capsys.readouterr()
    # When version 1 is restored, the sentence picks 을 for 1 (일), not both forms
    assert main(["workflow", "restore", "1", "1"]) == 0
    assert "✓ 버전 1을 초안으로 복원했습니다" in capsys.readouterr().out
    # And an unknown version is "버전을 찾을 수 없습니다"
    assert main(["workflow", "restore", "1", "2", "--format", "json"]) == 1
    assert _json(capsys)["errors"][0]["message"].startswith("버전을 찾을 수 없습니다 / ")
