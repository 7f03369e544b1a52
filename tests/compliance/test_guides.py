"""The compliance guides served as HTML, and the report's rule links pointing at them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from compliance.findings import rule_catalogue
from compliance.formats import rule_anchor
from compliance.guides import render_guide, slug
from tests.compliance.test_reports import run_cli

Client = AsyncTestClient[Litestar]
BAD = Path(__file__).parent / "data" / "bad-campaign.json"


def test_every_rule_has_its_anchor_in_the_served_checklist() -> None:
    page = render_guide("checklist")
    assert page is not None
    ids = set(re.findall(r'<h\d id="([^"]+)"', page))
    assert {rule_anchor(rule) for rule in rule_catalogue()} <= ids


def test_guides_link_each_other_as_served_pages() -> None:
    page = render_guide("checklist")
    assert page is not None and 'href="prereview"' in page and ".md" not in re.findall(r'href="([^"]*)"', page)[0]


def test_slug_follows_github_headings() -> None:
    assert slug("MSA-SUPERLATIVE") == "msa-superlative"
    assert slug("1. 심의 대상 매체 / Which media need pre-review") == "1-심의-대상-매체--which-media-need-pre-review"


def test_markdown_html_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.guides as guides

    (tmp_path / "checklist.md").write_text(
        '# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror="a()">\n', "utf-8"
    )
    monkeypatch.setattr(guides, "GUIDES_DIR", tmp_path)
    guides.render_guide.cache_clear()
    try:
        page = guides.render_guide("checklist")
    finally:
        guides.render_guide.cache_clear()
    assert page is not None
    assert "<script>" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;" in page


async def test_the_server_serves_the_guides_and_the_report_links_there(client: Client) -> None:
    for name, heading in (("checklist", "체크리스트"), ("prereview", "사전심의")):
        response = await client.get(f"/docs/compliance/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert heading in response.text
    missing = await client.get("/docs/compliance/..%2F..%2Fpyproject")
    assert missing.status_code == 404
    assert (await client.get("/docs/compliance/nope")).status_code == 404
    report = await client.post("/api/lint?format=html", json={"workflow": json.loads(BAD.read_text("utf-8"))})
    assert 'href="/docs/compliance/checklist#consent-marketing-gate"' in report.text


def test_cli_report_links_the_checklist_file_relative_to_the_report(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    out.parent.mkdir()
    assert run_cli(["lint", str(BAD), "--format", "html", "-o", str(out)]) == 1
    [href] = set(re.findall(r'href="([^"#]+)#consent-marketing-gate"', out.read_text("utf-8")))
    assert (out.parent / href).resolve() == (Path(__file__).resolve().parents[2] / "docs/compliance/checklist.md")
