"""The command line: import-patients, export-patient, erase-patient, apply-retention, rotate-key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from server import main
from storage import crypto
from storage.config import Settings
from tests.patients.conftest import CP949_EXPECTED, without_messages
from tests.support.server import server_env


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_import_export_erase_round_trip(
    data_dir: Path, capsys: pytest.CaptureFixture[str], cp949_export: bytes
) -> None:
    export = data_dir / "emr.csv"
    export.write_bytes(cp949_export)
    # A dry run reports and writes nothing; row errors exit 1
    code, out = run(capsys, "import-patients", str(export), "--dry-run", "--format", "json")
    assert code == 1 and without_messages(json.loads(out)) == CP949_EXPECTED
    code, out = run(capsys, "export-patient", "10001", "--format", "json")
    assert code == 1
    # --strict imports nothing
    code, out = run(capsys, "import-patients", str(export), "--strict", "--format", "json")
    assert code == 1 and json.loads(out)["imported"] == 0
    # The real import
    code, out = run(capsys, "import-patients", str(export), "--format", "json")
    assert code == 1 and without_messages(json.loads(out)) == CP949_EXPECTED
    code, out = run(capsys, "import-patients", str(export))
    assert "12행" in out and "landline_phone" in out
    code, out = run(capsys, "export-patient", "10001", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["patient"]["name"] == "김민지" and document["consents"][0]["purpose"] == "marketing"
    code, out = run(capsys, "export-patient", "10001", "--format", "csv")
    assert code == 0 and out.startswith("\ufeffsection,row,field,value")
    code, out = run(capsys, "erase-patient", "10001", "--format", "json")
    assert code == 0 and json.loads(out)["counts"]["consents"] == 1
    code, out = run(capsys, "erase-patient", "10001", "--format", "json")
    assert code == 1 and json.loads(out)["errors"][0]["code"] == "not_found"


def test_a_clean_file_exits_0_and_a_mapping_names_columns(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = data_dir / "clean.csv"
    clean.write_text("고객,HP\n김민지,010-1234-5678\n", encoding="utf-8-sig")
    code, out = run(
        capsys, "import-patients", str(clean), "--map", "고객=name", "--map", "HP=phone", "--format", "json"
    )
    assert code == 0 and json.loads(out) == {"rows": 1, "imported": 1, "updated": 0, "skipped": 0, "errors": []}


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64, "unsupported_format"), ("missing.csv", None, "unreadable_file")],
)
def test_unreadable_files_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, code: str
) -> None:
    path = data_dir / name
    if content is not None:
        path.write_bytes(content)
    status, out = run(capsys, "import-patients", str(path), "--format", "json")
    report = json.loads(out)
    assert status == 2 and report["errors"][0]["code"] == code and report["rows"] == 0


def test_an_unknown_mapping_field_exits_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "a.csv"
    path.write_text("이름,휴대폰\n김민지,010-1234-5678\n", encoding="utf-8")
    status, out = run(capsys, "import-patients", str(path), "--map", "이름=nickname", "--format", "json")
    assert status == 2 and json.loads(out)["errors"][0]["code"] == "invalid_mapping"


def test_rotate_key_and_retention_commands(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cp949_export: bytes
) -> None:
    # Without DOCTORSFLOW_SECRET_KEY the key file is used and rotated
    monkeypatch.delenv("DOCTORSFLOW_SECRET_KEY")
    export = data_dir / "emr.csv"
    export.write_bytes(cp949_export)
    try:
        run(capsys, "import-patients", str(export))
        keyfile = data_dir / "var" / "keyring.json"
        first_key = json.loads(keyfile.read_text())["active"]
        code, out = run(capsys, "rotate-key", "--format", "json")
        result = json.loads(out)
        assert code == 0 and result["active_key"] != first_key and result["patients"] == 6
        code, out = run(capsys, "export-patient", "10006", "--format", "json")
        assert code == 0 and json.loads(out)["patient"]["name"] == "똠방각하"
        code, out = run(capsys, "apply-retention", "--format", "json")
        assert code == 0 and json.loads(out) == {"retention_days": None, "erased": 0, "dry_run": False}
    finally:
        monkeypatch.setenv("DOCTORSFLOW_SECRET_KEY", "test-secret-key-0123456789abcdef0123456789abcdef")
        crypto.configure(Settings.from_env())  # the other tests' keyring


def test_import_patients_starts_without_the_web_app_and_reports_the_same(tmp_path: Path, cp949_export: bytes) -> None:
    # The lean start (entry.py) leaves SQLite the memory the web app, runtime and checker would take.
    export = tmp_path / "emr.csv"
    export.write_bytes(cp949_export)
    probe = (
        "import entry, sys\n"
        "code = entry.main(['import-patients', sys.argv[1], '--format', 'json'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'server', 'runtime', 'compliance', 'openpyxl', 'uvicorn'})\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(export)], env=server_env(tmp_path / "var"), capture_output=True, text=True,
        cwd=Path(__file__).resolve().parents[2], check=False,
    )  # fmt: skip
    assert result.stderr.strip().splitlines()[-1] == "1 []", result.stderr[-2000:]
    assert without_messages(json.loads(result.stdout)) == CP949_EXPECTED
