"""The probe's bad files on the command line: a clear Korean + English message and exit 1 or 2, never a
traceback (a real ``doctorsflow`` process, as a user runs it)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.support.documents import BOOKED, REMINDER, event
from tests.support.server import ROOT, doctorsflow_command, server_env


@pytest.fixture(autouse=True)
def _migrated(tmp_path: Path, migrated_template: Path) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(migrated_template, tmp_path / "data" / "doctorsflow.db")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = server_env(tmp_path / "data")
    return subprocess.run(
        [*doctorsflow_command(), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _write(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return str(path)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-2000:]


@pytest.mark.parametrize(
    "overrides",
    [
        {"occurred_at": "0001-01-01T00:00:00+09:00"},
        {"occurred_at": "9999-12-31T23:59:59-09:00"},
        {"patient": {"chart_no": "C-9", "name": "\ud800kim", "phone": "010-1234-5678"}},
    ],
)
def test_event_with_an_extreme_date_or_a_surrogate_exits_1_with_a_message(
    tmp_path: Path, overrides: dict[str, Any]
) -> None:
    payload = {**event("appointment.booked", "cli-1", appointment=BOOKED), **overrides}
    result = _run(tmp_path, "event", _write(tmp_path, "event.json", payload), "--format", "json")
    _no_traceback(result)
    assert result.returncode == 1, result.stderr
    problem = json.loads(result.stdout)["errors"][0]
    assert problem["code"] == "invalid_field" and " / " in problem["message"]
    assert problem["path"] in ("/occurred_at", "/patient/name")


def test_simulate_with_a_wrongly_typed_patient_exits_1(tmp_path: Path) -> None:
    workflow = _write(tmp_path, "wf.json", REMINDER)
    event_file = _write(tmp_path, "event.json", event("appointment.booked", "cli-2", appointment=BOOKED))
    patient = _write(tmp_path, "patient.json", {"name": True})
    result = _run(tmp_path, "simulate", workflow, "--event", event_file, "--patient", patient)
    _no_traceback(result)
    assert result.returncode == 1
    assert "/patient/name" in result.stderr and " / " in result.stderr


def test_a_deeply_nested_workflow_file_exits_2(tmp_path: Path) -> None:
    result = _run(tmp_path, "validate", _write(tmp_path, "deep.json", "[" * 5000 + "]" * 5000))
    _no_traceback(result)
    assert result.returncode == 2 and "JSON" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["export-patient", "A\udcff"],  # the byte 0xff in a chart number: not UTF-8
        ["erase-patient", "\udced\udca0\udc80"],  # a surrogate spelled in UTF-8 bytes
        ["create-clinic", "--slug", "bytes", "--name", "\udcff안과"],
        ["create-user", "--email", "a\udcff@clinic.kr", "--name", "김", "--role", "staff", "--link"],
    ],
    ids=lambda args: args[0],
)
def test_an_argument_that_is_not_utf8_exits_2_naming_it(tmp_path: Path, args: list[str]) -> None:
    # Found by the probe: such an argument reached the database and answered "unexpected error"
    result = _run(tmp_path, *args, "--format", "json")
    _no_traceback(result)
    assert result.returncode == 2, result.stdout + result.stderr
    problem = json.loads(result.stdout)["errors"][0]
    assert problem["code"] == "invalid_argument" and " / " in problem["message"], problem
    assert "unexpected" not in problem["message"]


def test_a_file_name_that_is_not_utf8_still_opens(tmp_path: Path) -> None:
    # Linux file names are bytes: a name that is not UTF-8 is a real file, not bad input
    path = Path(_write(tmp_path, "event\udcff.json", {"type": "nothing"}))
    result = _run(tmp_path, "event", str(path), "--format", "json")
    _no_traceback(result)
    assert result.returncode == 1 and json.loads(result.stdout)["errors"][0]["code"] != "invalid_argument"


@pytest.mark.parametrize("command", ["validate", "event", "import-workflow"])
def test_a_json_file_larger_than_the_api_accepts_exits_2_without_reading_it_all(tmp_path: Path, command: str) -> None:
    # Found by the probe: a 50 MB file was read whole (227 MB RSS) before it was found not to be JSON
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.write(b'{"padding": "' + b"x" * (11 * 1024 * 1024) + b'"}')
    result = _run(tmp_path, command, str(big), "--format", "json")
    _no_traceback(result)
    assert result.returncode == 2, result.stdout + result.stderr
    problem = json.loads(result.stdout)["errors"][0]
    assert problem["code"] == "too_large" and "10 MB" in problem["message"] and " / " in problem["message"]


def test_linting_a_workflow_file_larger_than_the_api_accepts_exits_2_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.write(b'{"padding": "' + b"x" * (11 * 1024 * 1024) + b'"}')
    result = _run(tmp_path, "lint", str(big))
    _no_traceback(result)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "10 MB" in result.stderr and " / " in result.stderr
