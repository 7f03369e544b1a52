"""The Costs page: a month's spend for messages the runtime really sent, and a manager editing a rate."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.server import ROOT, SECRET, api_headers

pytestmark = pytest.mark.browser

CARE = {
    "format": "doctorsflow.workflow/v1",
    "name": "비용 화면 테스트",
    "nodes": [
        {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": ["presbyopia"]}},
        {
            "id": "care",
            "type": "send.alimtalk",
            "params": {
                "template": "POSTOP_CATARACT_D1",
                "variables": {
                    "이름": "{{ patient.name }}",
                    "병원명": "{{ clinic.name }}",
                    "병원전화": "{{ clinic.phone }}",
                },
                "failover": {"channel": "sms"},
            },
        },
        {"id": "note", "type": "send.sms", "params": {"text": "내원해 주셔서 감사합니다.", "purpose": "informational"}},
    ],
    "edges": [{"source": "start", "target": "care"}, {"source": "start", "target": "note"}],
}

# The server of this test session has no worker: a separate process runs the runtime once over its
# database (its own event loop, the server's secret key), like `doctorsflow worker` would.
SETTLE = """
import asyncio
from runtime.context import QueueDispatcher, Runtime
from runtime.inline import settle
from storage.config import Settings
asyncio.run(settle(Runtime(Settings.from_env(), dispatcher=QueueDispatcher())))
"""


def _server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory conftest.base_url gave the server (tmp_path_factory.mktemp("browser-server"))."""
    base = tmp_path_factory.getbasetemp()
    (found,) = {p.resolve() for p in base.glob("browser-server*") if (p / "server.log").exists()}  # + a symlink
    return found


def _send_messages(base_url: str, data_dir: Path) -> None:
    headers = api_headers()
    workflow_id = create_workflow(base_url, CARE)
    published = httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", timeout=10, headers=headers)
    assert published.status_code == 201, published.text
    event = {
        "type": "procedure.completed",
        "external_id": f"costs-ui-{workflow_id}",
        "occurred_at": datetime.now(UTC).isoformat(),
        "patient": {"chart_no": "C-3001", "name": "최유나", "phone": "010-3333-4444"},
        "appointment": {
            "id": f"costs-{workflow_id}",
            "starts_at": "2026-11-02T10:00:00+09:00",
            "procedure": "presbyopia",
        },
    }
    response = httpx.post(f"{base_url}/api/events", json=event, timeout=10, headers=headers)
    assert response.status_code == 201, response.text
    env = {**os.environ, "DOCTORSFLOW_DATA_DIR": str(data_dir), "DOCTORSFLOW_SECRET_KEY": SECRET}
    for key in ("DATABASE_URL", "REDIS_URL"):
        env.pop(key, None)
    subprocess.run([sys.executable, "-c", SETTLE], env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)


def test_costs_page_shows_the_months_spend_and_a_manager_edits_a_rate(
    page: Page, base_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Given an AlimTalk and an SMS that the runtime sent this month through the sandbox
    _send_messages(base_url, _server_data_dir(tmp_path_factory))
    ledger = httpx.get(f"{base_url}/api/costs/ledger", timeout=10, headers=api_headers()).json()
    kinds = {(r["channel"], r["kind"]) for r in ledger["rows"]}
    assert {("alimtalk", "alimtalk"), ("sms", "sms")} <= kinds, ledger
    spent = f"₩{ledger['totals']['spent_krw']:,.2f}".rstrip("0").rstrip(".")

    # When the Costs page is opened from the navigation
    page.goto("/")
    page.get_by_test_id("nav-costs").click()

    # Then it shows this month's rows, the spend, what all-by-SMS would have cost and the saving
    rows = page.get_by_test_id("cost-row")
    expect(rows.filter(has_text="알림톡").first).to_be_visible()
    expect(page.get_by_test_id("cost-spent")).to_contain_text(spent)
    expect(page.get_by_test_id("cost-sms-equivalent")).to_contain_text("모두 문자로 보냈다면")
    expect(page.get_by_test_id("cost-saving")).to_contain_text("%")

    # When the manager sets a contract rate for sandbox AlimTalk, and then types a negative one
    page.get_by_test_id("rate-sandbox-alimtalk").fill("5.5")
    page.get_by_test_id("rates-save").click()
    expect(page.get_by_test_id("toast-ok")).to_contain_text("요금표를 저장했습니다")
    rates = httpx.get(f"{base_url}/api/costs/rates", timeout=10, headers=api_headers()).json()["rates"]
    assert {"provider": "sandbox", "kind": "alimtalk", "rate_krw": 5.5, "default_krw": 7.0, "overridden": True} in rates
    # Then messages already sent keep the price they were sent at
    expect(page.get_by_test_id("cost-spent")).to_contain_text(spent)
    page.get_by_test_id("rate-sandbox-sms").fill("-3")
    page.get_by_test_id("rates-save").click()
    expect(page.get_by_test_id("rates-errors")).to_contain_text("0원 이상")


def test_a_month_without_savings_is_not_shown_as_a_success(page: Page) -> None:
    # found in the user trial: a month with no messages showed "절감: ₩0 (—)" as a green (success) badge
    page.goto("/costs")
    page.get_by_test_id("costs-month").fill("2020-01")
    saving = page.get_by_test_id("cost-saving")
    expect(saving).to_contain_text("₩0")
    # Then the zero saving is shown plainly: neither green (success) nor a warning
    expect(saving).not_to_have_class(re.compile(r"\btag-ok\b"))
    expect(saving).to_have_attribute("data-tone", "none")
    # And on the outcomes page, a period without messages shows its ₩0 saving the same way
    page.goto("/outcomes")
    page.get_by_test_id("outcome-from").fill("2020-01-01")
    page.get_by_test_id("outcome-to").fill("2020-01-31")
    page.get_by_test_id("outcome-apply").click()
    outcome_saving = page.get_by_test_id("outcome-saving")
    expect(outcome_saving).to_contain_text("₩0")
    expect(outcome_saving).not_to_have_class(re.compile(r"\btag-ok\b"))
