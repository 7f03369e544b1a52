"""The reviewer's HTML lint report in real Chromium: it renders, prints, and its rule links open the guide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from compliance.formats import render
from tests.compliance.test_reports import BAD, bad_report
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def test_html_report_renders_and_prints(page: Any, tmp_path: Path) -> None:
    # Given the report of a deliberately bad workflow written to a file (as `doctorsflow lint --format html`)
    report_file = tmp_path / "report.html"
    report_file.write_text(render(bad_report(), "html", title="bad"), encoding="utf-8")
    # When a reviewer opens it
    page.goto(report_file.as_uri())
    # Then every finding is a row, the counts show, rule links point at the checklist, and it prints
    assert page.locator("tr.finding").count() == len(bad_report().findings)
    assert "오류" in page.locator("#count-errors").inner_text()
    link = page.locator("tr.finding[data-rule='CONSENT-MARKETING-GATE'] a").first.get_attribute("href")
    assert link == "docs/compliance/checklist.md#consent-marketing-gate"
    assert page.pdf()[:4] == b"%PDF"


def test_a_report_rule_link_opens_the_checklist_at_the_rule(page: Any, base_url: str) -> None:
    # Given the bad workflow stored on the server
    imported = httpx.post(
        f"{base_url}/api/workflows/import", json=json.loads(BAD.read_text("utf-8")), headers=api_headers()
    )
    assert imported.status_code == 201, imported.text
    # When the reviewer opens its report and follows a rule's link
    page.goto(f"/api/workflows/{imported.json()['id']}/lint?format=html")
    page.locator("tr.finding[data-rule='CONSENT-MARKETING-GATE'] a").first.click()
    # Then the checklist opens at that rule, and its own link leads to the pre-review guide
    page.wait_for_url("**/docs/compliance/checklist#consent-marketing-gate")
    target = page.locator(":target")
    assert target.inner_text() == "CONSENT-MARKETING-GATE"
    assert target.is_visible()
    page.locator("a[href='prereview']").first.click()
    page.wait_for_url("**/docs/compliance/prereview")
    assert "사전심의" in page.locator("h1").inner_text()


def test_the_html_report_shows_each_findings_suggested_rewrite(page: Any, base_url: str) -> None:
    # Given an advertising SMS that disparages other clinics, stored on the server
    document = {
        "format": "doctorsflow.workflow/v1",
        "name": "코 성형 광고",
        "nodes": [
            {"id": "start", "type": "trigger.manual"},
            {
                "id": "ad",
                "type": "send.sms",
                "params": {"text": "(광고) 다른 병원에서 실패한 코, 저희는 다릅니다.", "purpose": "advertising"},
            },
        ],
        "edges": [{"source": "start", "target": "ad"}],
    }
    created = httpx.post(f"{base_url}/api/workflows", json=document, headers=api_headers())
    assert created.status_code == 201, created.text

    # When the reviewer opens its HTML report
    page.goto(f"/api/workflows/{created.json()['id']}/lint?format=html")

    # Then the finding's row carries the law and the suggested rewrite the editor offers, in both languages
    row = page.locator("tr.finding[data-rule='MSA-DEFAME']")
    assert "의료법 제56조 제2항 제5호" in row.inner_text()
    assert (
        "제안 / suggestion: 다른 의료기관 비방을 빼세요 / remove the disparagement of other clinics" in row.inner_text()
    )
    # and what it takes out: the whole disparaging sentence, not a fragment that leaves "코, 저희는 다릅니다."
    assert row.locator(".suggestion del").inner_text() == "다른 병원에서 실패한 코, 저희는 다릅니다."
