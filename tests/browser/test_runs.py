"""The run monitor: a published workflow's runs, and each step of one run with its state."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

REMINDER = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "pause", "type": "wait.duration", "params": {"days": 1}},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 예약이 접수되었습니다.", "purpose": "informational"},
        },
    ],
    [("start", "pause"), ("pause", "notice")],
    name="런 모니터 테스트",
)


def test_a_run_of_a_published_workflow_is_listed_with_its_steps(page: Page, base_url: str) -> None:
    # Given a published workflow and a booking event for one patient
    workflow_id = create_workflow(base_url, REMINDER)
    assert (
        httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", timeout=10, headers=api_headers()).status_code
        == 201
    )
    try:
        _the_run_is_listed_with_its_steps(page, base_url, workflow_id)
    finally:
        # Archived when done: a live booking trigger would start runs in other tests on the shared server
        httpx.delete(f"{base_url}/api/workflows/{workflow_id}", timeout=10, headers=api_headers())


def _the_run_is_listed_with_its_steps(page: Page, base_url: str, workflow_id: int) -> None:
    event = {
        "type": "appointment.booked",
        "external_id": f"runs-ui-{workflow_id}",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": "R-2001", "name": "박서준", "phone": "010-2222-3333"},
        "appointment": {"id": f"apt-{workflow_id}", "starts_at": "2026-12-03T14:30:00+09:00"},
    }
    response = httpx.post(f"{base_url}/api/events", json=event, timeout=10, headers=api_headers())
    assert response.status_code in (200, 201), response.text

    # When the run monitor of that workflow is opened
    page.goto(f"/runs/{workflow_id}")

    # Then the run is listed with its workflow's name and the patient's masked name; clicking the row opens its steps
    row = page.get_by_test_id("run-row").first
    expect(row).to_contain_text("박*준")
    expect(row.get_by_test_id("run-workflow")).to_contain_text("런 모니터 테스트")
    row.click()
    expect(page.get_by_test_id("run-steps")).to_contain_text("start")
    expect(page.get_by_test_id("run-steps")).not_to_contain_text("박서준")
