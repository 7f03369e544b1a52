"""The run monitor: a published workflow's runs, and each step of one run with its state."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, book, published_workflow
from tests.support.documents import workflow

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
    with published_workflow(base_url, REMINDER) as workflow_id:
        patient = {"chart_no": "R-2001", "name": "박서준", "phone": "010-2222-3333"}
        book(
            base_url,
            f"runs-ui-{workflow_id}",
            patient,
            {"id": f"apt-{workflow_id}", "starts_at": "2026-12-03T14:30:00+09:00"},
        )

        # When the run monitor of that workflow is opened
        page.goto(f"/runs/{workflow_id}")

        # Then the run is listed with its workflow's name and the patient's masked name; clicking the row opens its steps
        row = page.get_by_test_id("run-row").first
        expect(row).to_contain_text("박*준")
        expect(row.get_by_test_id("run-workflow")).to_contain_text("런 모니터 테스트")
        row.click()
        expect(page.get_by_test_id("run-steps")).to_contain_text("start")
        expect(page.get_by_test_id("run-steps")).not_to_contain_text("박서준")
