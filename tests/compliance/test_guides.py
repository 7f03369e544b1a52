"""The compliance guides served as HTML, and the report's rule links pointing at them."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from compliance.findings import rule_catalogue
from compliance.formats import rule_anchor
from compliance.guides import render_guide, slug
from storage.config import Settings
from tests.compliance.test_reports import CHROMIUM, run_cli

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


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    """The real app on a local port (uvicorn in a thread) — the browser needs real HTTP."""
    import uvicorn

    from server import create_app
    from tests.browser.server import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not __import__("os").environ.get("CI"), reason="no Chromium and CI unset")
def test_a_report_rule_link_opens_the_checklist_at_the_rule(live_server: str) -> None:
    from playwright.sync_api import sync_playwright

    imported = httpx.post(f"{live_server}/api/workflows/import", json=json.loads(BAD.read_text("utf-8")))
    assert imported.status_code == 201, imported.text
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            page = browser.new_page()
            page.goto(f"{live_server}/api/workflows/{imported.json()['id']}/lint?format=html")
            page.locator("tr.finding[data-rule='CONSENT-MARKETING-GATE'] a").first.click()
            page.wait_for_url("**/docs/compliance/checklist#consent-marketing-gate")
            target = page.locator(":target")
            assert target.inner_text() == "CONSENT-MARKETING-GATE"
            assert target.is_visible()
            # and the guide's own link leads to the pre-review guide
            page.locator("a[href='prereview']").first.click()
            page.wait_for_url("**/docs/compliance/prereview")
            assert "사전심의" in page.locator("h1").inner_text()
        finally:
            browser.close()
