"""Stored names and texts are shown as text, never run: a patient and a workflow named like an XSS attack.

Two layers are tried at once: React escapes text, and the CSP (storage/security.py) forbids inline script.
"""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Dialog, expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

ATTACK = '<img src=x onerror="window.__xss = 1">'
WORKFLOW = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "pause", "type": "wait.duration", "params": {"days": 1}},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님 <script>window.__xss = 2</script>", "purpose": "informational"},
        },
    ],
    [("start", "pause"), ("pause", "notice")],
    name=f"예약 {ATTACK}",
)


def test_a_patient_and_a_workflow_named_like_markup_are_shown_as_text(page: Page, base_url: str) -> None:
    # Given a published workflow whose name holds markup, and a booking of a patient named <img onerror=…>
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    workflow_id = create_workflow(base_url, WORKFLOW)
    published = httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", timeout=10, headers=api_headers())
    assert published.status_code == 201, published.text
    event = {
        "type": "appointment.booked",
        "external_id": f"xss-{workflow_id}",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": "X-1", "name": ATTACK, "phone": "010-4444-5555"},
        "appointment": {"id": f"apt-xss-{workflow_id}", "starts_at": "2026-12-03T14:30:00+09:00"},
    }
    assert httpx.post(f"{base_url}/api/events", json=event, timeout=10, headers=api_headers()).status_code in (200, 201)

    # When the home page, the editor and the run monitor show them,
    # Then each shows the markup as text and nothing ran: no handler fired, no injected element
    page.goto("/")
    expect(page.get_by_test_id("home")).to_contain_text("<img src=x")
    _nothing_ran(page)
    page.goto(f"/workflows/{workflow_id}")
    expect(page.get_by_test_id("workflow-name")).to_have_value(WORKFLOW["name"])
    _nothing_ran(page)
    page.goto(f"/runs/{workflow_id}")
    expect(page.get_by_test_id("run-row").first).to_be_visible()
    _nothing_ran(page)
    assert dialogs == []


def _nothing_ran(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
