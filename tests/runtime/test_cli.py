"""``doctorsflow simulate`` and ``doctorsflow event`` through the real command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server import main
from storage.config import Settings
from tests.support.documents import EXAMPLES, event, workflow

PROCEDURE = {"id": "a", "starts_at": "2026-12-01T14:00:00+09:00", "procedure": "cataract"}


def _write(folder: Path, name: str, data: object) -> str:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


def test_simulate_prints_messages_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_file = _write(tmp_path, "event.json", event("procedure.completed", "e-1", appointment=PROCEDURE))
    code = main(
        ["simulate", str(EXAMPLES / "cataract-postop.json"), "--event", event_file, "--days", "4", "--format", "json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [m["node"] for m in out["messages"]] == ["care_d1", "care_d3"]
    assert out["messages"][0]["to"] == "010-1234-5678"


def test_simulate_skips_ads_without_consent_and_sends_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = workflow(
        [
            {"id": "start", "type": "trigger.appointment_booked"},
            {
                "id": "ad",
                "type": "send.sms",
                "params": {"text": "(광고) 검진 안내 무료거부 080-000-0000", "purpose": "advertising"},
            },
        ],
        [("start", "ad")],
        name="ad",
    )
    workflow_file = _write(tmp_path, "wf.json", document)
    event_file = _write(tmp_path, "event.json", event("appointment.booked", "b-1", appointment=PROCEDURE))
    main(["simulate", workflow_file, "--event", event_file, "--format", "json"])
    without = json.loads(capsys.readouterr().out)
    patient_file = _write(tmp_path, "patient.json", {"consents": {"marketing": True}})
    main(["simulate", workflow_file, "--event", event_file, "--patient", patient_file, "--format", "json"])
    with_consent = json.loads(capsys.readouterr().out)
    assert without["messages"] == [] and without["skipped"][0]["node"] == "ad"
    assert [m["node"] for m in with_consent["messages"]] == ["ad"]


def test_simulate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_file = _write(tmp_path, "event.json", event("procedure.completed", "e-1", appointment=PROCEDURE))
    invalid = _write(tmp_path, "bad.json", {"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []})
    assert main(["simulate", invalid, "--event", event_file, "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["errors"][0]["code"] == "missing_trigger"
    with pytest.raises(SystemExit) as unreadable:
        main(["simulate", str(tmp_path / "missing.json"), "--event", event_file])
    assert unreadable.value.code == 2


def test_event_command_records_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)
    event_file = _write(tmp_path, "event.json", event("patient.created", "p-1"))
    assert main(["event", event_file, "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["event", event_file, "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["event_id"] == second["event_id"] and second["duplicate"] is True
    bad = _write(tmp_path, "bad.json", {"type": "patient.created"})
    assert main(["event", bad, "--format", "json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert {e["path"] for e in errors} >= {"/external_id", "/occurred_at", "/patient"}


def test_simulate_previews_a_campaign_for_a_patient_in_its_segment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a LASIK patient with marketing consent and the March/September check-up campaign
    lasik = {"id": "a", "starts_at": "2026-12-01T14:00:00+09:00", "procedure": "lasik"}
    event_file = _write(tmp_path, "event.json", event("procedure.completed", "e-1", appointment=lasik))
    patient_file = _write(tmp_path, "patient.json", {"consents": {"marketing": True}})
    campaign = str(EXAMPLES / "marketing-eye-checkup-campaign.json")
    # When the campaign is simulated over the next 300 days
    code = main(
        ["simulate", campaign, "--event", event_file, "--patient", patient_file, "--days", "300", "--format", "json"]
    )
    # Then its advertisement goes out once, at the next cron time (15 March, 10:00)
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(m["at"], m["channel"]) for m in out["messages"]] == [("2027-03-15T10:00:00+09:00", "friendtalk")]
