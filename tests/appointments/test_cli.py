"""``doctorsflow import-appointments``: the JSON of DESIGN.md, exit codes, dry run, idempotent re-import."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from server import main
from tests.appointments.exports import cp949

KEYS = ["rows", "created", "rescheduled", "cancelled", "attended", "no_show", "unchanged", "errors", "warnings"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def export(days_ahead: int, status: str = "예약", bad: bool = False) -> bytes:
    day = (date.today() + timedelta(days=days_ahead)).strftime("%Y.%m.%d")
    rows = f"예약번호,진료일,시간,차트번호,이름,휴대전화,진료항목,의사,상태\nR-1,{day},오후 2:00,A-1,김민지,010-1234-5678,라식,김원장,{status}\n"
    if bad:
        rows += f"R-2,{day},14:00,,,,,,\n"
    return cp949(rows)


def test_dry_run_then_import_then_again(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "예약.csv"
    path.write_bytes(export(3, bad=True))
    code, preview = run(capsys, "import-appointments", str(path), "--dry-run", "--format", "json")
    assert code == 1 and list(preview) == KEYS
    assert (preview["rows"], preview["created"]) == (2, 1)
    assert preview["errors"] == [
        {
            "row": 2,
            "column": "차트번호",
            "code": "missing_identity",
            "message": "차트번호나 휴대폰 번호가 필요합니다 / the row needs a chart no. or a mobile number",
        }
    ]
    path.write_bytes(export(3))
    code, done = run(capsys, "import-appointments", str(path), "--format", "json")
    assert code == 0 and done["created"] == 1  # the dry run wrote nothing
    code, again = run(capsys, "import-appointments", str(path), "--format", "json")
    assert code == 0 and (again["created"], again["unchanged"]) == (0, 1)
    path.write_bytes(export(3, status="노쇼"))
    code, missed = run(capsys, "import-appointments", str(path), "--format", "json")
    assert missed["no_show"] == 1


def test_usage_errors_exit_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, missing = run(capsys, "import-appointments", str(data_dir / "nope.csv"), "--format", "json")
    assert code == 2 and missing["errors"][0]["code"] == "unreadable_file"
    path = data_dir / "a.csv"
    path.write_bytes(export(3))
    code, bad_map = run(capsys, "import-appointments", str(path), "--map", "진료일=when", "--format", "json")
    assert code == 2 and bad_map["errors"][0]["code"] == "invalid_mapping"
