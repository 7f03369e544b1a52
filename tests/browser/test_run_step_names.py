"""A run's steps read in clinic words: the node's own name, else its type's label — never `trigger.appointment_booked`."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, book, publish, published_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def test_run_steps_show_node_names_and_labels_not_type_keys(page: Page, base_url: str) -> None:
    document = workflow(
        [
            {"id": "start", "type": "trigger.appointment_booked", "label": "진료 예약 들어옴"},
            {"id": "pause", "type": "wait.duration", "params": {"days": 1}},
            {
                "id": "notice",
                "type": "send.sms",
                "params": {"text": "{{ patient.name }}님, 예약이 접수되었습니다.", "purpose": "informational"},
            },
        ],
        [("start", "pause"), ("pause", "notice")],
        name="단계 이름 테스트",
    )
    patient = {"chart_no": "R-3001", "name": "강다니", "phone": "010-3333-4444"}
    with published_workflow(base_url, document) as workflow_id:
        book(
            base_url,
            f"step-names-{workflow_id}",
            patient,
            {"id": f"apt-names-{workflow_id}", "starts_at": "2026-12-03T14:30:00+09:00"},
        )

        page.goto(f"/runs/{workflow_id}")
        page.get_by_test_id("run-row").first.click()
        steps = page.get_by_test_id("run-steps")
        expect(steps).to_contain_text("진료 예약 들어옴")  # the name the manager gave the trigger
        expect(steps).not_to_contain_text("trigger.appointment_booked")

        # An unnamed step reads as its type's label (the same run's workflow, a second version without the name)
        document["nodes"][0].pop("label")
        changed = httpx.put(f"{base_url}/api/workflows/{workflow_id}", json=document, timeout=10, headers=api_headers())
        assert changed.status_code == 200, changed.text
        publish(base_url, workflow_id)
        book(
            base_url,
            f"step-names-2-{workflow_id}",
            patient,
            {"id": f"apt-names-2-{workflow_id}", "starts_at": "2026-12-04T14:30:00+09:00"},
        )
        page.reload()
        page.get_by_test_id("run-row").first.click()
        expect(page.get_by_test_id("run-steps")).to_contain_text("예약 접수")
