"""``doctorsflow report`` and GET /api/outcomes/report: the month's figures as JSON, printable HTML and a PDF
whose extracted text is Korean."""

from __future__ import annotations

import asyncio
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from pypdf import PdfReader

from server import main
from storage.config import Settings
from storage.db import dispose_engines
from storage.migrate import ensure_default_clinic
from tests.outcomes.expected import expected
from tests.support.outcomes_seed import Seeded, seed_year


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)
    return settings


@pytest.fixture
def seeded_months(cli_env: Settings) -> Seeded:
    async def seed() -> Seeded:
        try:
            return await seed_year(cli_env, await ensure_default_clinic(cli_env), date(2026, 10, 1), months=2)
        finally:
            await dispose_engines()

    return asyncio.run(seed())


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


def test_report_json_is_the_months_figures(seeded_months: Seeded, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--month", "2026-11", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    want = expected(seeded_months, date(2026, 11, 1), date(2026, 11, 30))
    assert (report["from"], report["to"]) == ("2026-11-01", "2026-11-30")
    assert report["funnel"]["queued"] == want["funnel"]["queued"]
    assert report["messages"]["sent"] == sum(want["sent"].values())


def test_report_html_and_pdf_are_korean(seeded_months: Seeded, tmp_path: Path) -> None:
    html_file, pdf_file = tmp_path / "report.html", tmp_path / "report.pdf"
    assert main(["report", "--month", "2026-11", "--format", "html", "--output", str(html_file)]) == 0
    html = html_file.read_text(encoding="utf-8")
    assert '<html lang="ko">' in html and "2026-11 성과 보고서" in html and "<svg" in html
    sent = expected(seeded_months, date(2026, 11, 1), date(2026, 11, 30))["funnel"]["sent"]
    assert f"{sent:,}" in html
    assert main(["report", "--month", "2026-11", "--format", "pdf", "--output", str(pdf_file)]) == 0
    data = pdf_file.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    # Korean words survive the round trip through the fonts (a missing CJK font would give boxes or nothing)
    for words in ("성과보고서", "채널별발송", "알림톡", "예약결과", "수신거부"):
        assert words in text, words


def test_a_bad_month_exits_1_with_the_reason(cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--month", "2026-13", "--format", "json"]) == 1
    [error] = json.loads(capsys.readouterr().out)["errors"]
    assert error["code"] == "invalid_month" and error["path"] == "/month"


async def test_the_report_over_http(client: AsyncTestClient[Litestar]) -> None:
    html = await client.get("/api/outcomes/report", params={"month": "2026-11"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "성과 보고서" in html.text
    pdf = await client.get("/api/outcomes/report", params={"month": "2026-11", "format": "pdf"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "성과보고서" in pdf_text(pdf.content)
    bad = await client.get("/api/outcomes/report", params={"month": "2026-11", "format": "doc"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "invalid_format"
    bad = await client.get("/api/outcomes/report", params={"month": "11-2026"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "invalid_month"


def test_report_text_is_a_few_lines_for_people(seeded_months: Seeded, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--month", "2026-11"]) == 0
    text = capsys.readouterr().out
    want = expected(seeded_months, date(2026, 11, 1), date(2026, 11, 30))
    assert text.startswith("2026-11 성과 / outcomes") and f"발송 / sent: {sum(want['sent'].values())}" in text
    assert "None" not in text
