"""``doctorsflow costs`` through the real command line entry point, over messages the runtime sent."""

from __future__ import annotations

import asyncio
import json

import pytest

from runtime.context import Runtime
from server import main
from storage.config import Settings
from storage.db import dispose_engines
from storage.migrate import ensure_default_clinic
from tests.costs.test_api import send_cataract_care
from tests.support.clinic import ready_clinic


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)
    return settings


def test_costs_prints_the_months_ledger_as_json_and_text(
    cli_env: Settings, rt: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given AlimTalks and failover SMS that the runtime sent in December 2026
    async def seed() -> None:
        try:
            clinic_id = await ensure_default_clinic(cli_env)
            await ready_clinic(cli_env, clinic_id)  # approved template copies, profile filled (issue 15)
            await send_cataract_care(rt, clinic_id)
        finally:
            await dispose_engines()

    asyncio.run(seed())
    # When the December ledger is asked for as JSON
    code = main(["costs", "--month", "2026-12", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    # Then it is the API's object: six billed messages, saving = all-by-SMS − spent
    assert code == 0
    assert report["month"] == "2026-12" and report["totals"]["messages"] == 6
    totals = report["totals"]
    assert totals["saving_krw"] == pytest.approx(totals["sms_equivalent_krw"] - totals["spent_krw"])
    # And as text, one line a row and the totals
    assert main(["costs", "--month", "2026-12"]) == 0
    text = capsys.readouterr().out
    assert "알림톡 AlimTalk: 3건" in text and "절감 / saving" in text


def test_costs_refuses_a_bad_month_with_exit_1(cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["costs", "--month", "2026-13", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["errors"][0]["code"] == "invalid_month"
    assert "YYYY-MM" in captured.err
