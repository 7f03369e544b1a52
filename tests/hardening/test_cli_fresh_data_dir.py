"""Every command that reads the database works on a fresh data dir (it migrates first, as `serve` does):
never "unexpected error" because the tables are not there yet."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.server import ROOT, doctorsflow_command, server_env

EVENT = {
    "type": "patient.created",
    "external_id": "fresh-1",
    "occurred_at": "2026-12-01T09:00:00+09:00",
    "patient": {"chart_no": "A-1", "name": "김민지", "phone": "010-1234-5678"},
}


@pytest.mark.parametrize(
    "args",
    [
        ["event", "{event}"],
        ["clinic", "show"],
        ["start", "1", "--patient", "A-1"],
        ["workflow", "list"],
        ["report", "--month", "2026-11", "--format", "json"],
        ["costs", "--month", "2026-11"],
        ["create-clinic", "--slug", "fresh-eye", "--name", "새눈안과"],
        ["create-user", "--email", "first@clinic.kr", "--name", "김관리", "--role", "manager", "--link"],
        ["webhook-secret"],
        ["health"],
    ],
    ids=lambda args: args[0],
)
def test_a_command_on_a_fresh_data_dir_migrates_first(tmp_path: Path, args: list[str]) -> None:
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(EVENT), "utf-8")
    command = [arg.replace("{event}", str(event_file)) for arg in args]
    result = subprocess.run(
        [*doctorsflow_command(), *command],
        env=server_env(tmp_path / "data"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    said = result.stdout + result.stderr
    assert "unexpected error" not in said and "Traceback" not in said, said[-1500:]
