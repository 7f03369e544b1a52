"""Screenshots of the main screens into docs/screenshots/ (run: python -m tests.browser.take_screenshots).

Starts the real server on a temporary database, imports examples, and photographs each screen.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

from tests.browser.helpers import create_workflow, logged_in_context
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.server import ROOT, api_headers, running_server

OUT = ROOT / "docs" / "screenshots"

FLAWED = {
    "format": "doctorsflow.workflow/v1",
    "name": "검토가 필요한 이벤트 문자",
    "nodes": [
        {"id": "start", "type": "trigger.manual", "position": {"x": 0, "y": 0}},
        {"id": "wait", "type": "wait.duration", "params": {"days": 0}, "position": {"x": 0, "y": 140}},
        {
            "id": "promo",
            "type": "send.sms",
            "params": {
                "text": "{{ patient.name }}님, 국내 유일 최고의 시술 이벤트! 오늘만 50% 할인",
                "purpose": "informational",
            },
            "position": {"x": 0, "y": 280},
        },
    ],
    "edges": [{"source": "start", "target": "wait"}, {"source": "wait", "target": "promo"}],
}


def shoot(page: Page, name: str) -> None:
    page.wait_for_timeout(900)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    print(path.relative_to(ROOT))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = logged_in_context(browser, base, 1440, 900).new_page()
        flawed_id = create_workflow(base, FLAWED)

        page.goto("/")
        page.get_by_test_id("import-example-cataract-postop").click()
        page.get_by_test_id("editor").wait_for()
        page.locator(".react-flow__node").first.wait_for()
        shoot(page, "editor")
        page.locator('[data-node-type="send.alimtalk"]').first.click()
        shoot(page, "editor-node-form")
        page.get_by_test_id("tab-timeline").click()
        page.get_by_test_id("run-preview").click()
        shoot(page, "preview-timeline")
        page.get_by_test_id("publish").click()
        page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
        page.get_by_test_id("published-version").wait_for()
        page.get_by_test_id("tab-versions").click()
        shoot(page, "versions")
        cataract_id = page.url.rstrip("/").split("/")[-1]
        event = {
            "type": "procedure.completed",
            "external_id": "screenshot-1",
            "occurred_at": "2026-11-27T16:00:00+09:00",
            "patient": {"chart_no": "A-1001", "name": "김민지", "phone": "010-1234-5678"},
            "appointment": {"id": "apt-1", "procedure": "cataract"},
        }
        httpx.post(f"{base}/api/events", json=event, timeout=10, headers=api_headers(base))

        page.goto(f"/workflows/{flawed_id}")
        page.get_by_test_id("node-promo").click()
        page.get_by_test_id("problem").first.wait_for()
        shoot(page, "problems")
        page.get_by_test_id("publish").click()
        page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
        page.wait_for_timeout(800)
        shoot(page, "publish-refused")

        page.goto("/")
        page.get_by_test_id("workflow-list").wait_for()
        shoot(page, "home")
        page.goto(f"/reviewer/{flawed_id}")
        shoot(page, "reviewer")
        page.goto(f"/runs/{cataract_id}")
        page.get_by_test_id("run-row").first.locator("td").first.click()  # the row opens; its name opens the workflow
        page.get_by_test_id("run-steps").wait_for()
        shoot(page, "runs")
        page.goto("/patients")
        shoot(page, "patients")
        page.locator(".patients-table tbody tr").first.click()
        shoot(page, "patient-detail")
        page.goto("/alimtalk-templates")
        shoot(page, "alimtalk-templates")
        page.goto("/costs")
        shoot(page, "costs")
        page.goto("/settings/messaging")
        shoot(page, "messaging-settings")
        page.get_by_test_id("lang-switch").click()
        page.goto(f"/workflows/{flawed_id}")
        page.get_by_test_id("node-promo").click()
        shoot(page, "editor-english")
        browser.close()


if __name__ == "__main__":
    main()
