"""The editor's message preview fills every variable with a sample like the real one — the patient's confirm link
(a link of its real length on this server, so the SMS/LMS byte count is right), the doctor, the procedure — and
never names a clinic other than the logged-in one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow

pytestmark = pytest.mark.browser
TEXT = "{{ patient.name }}님 {{ appointment.doctor }} 원장 예약 확인·취소: {{ appointment.confirm_link }}"


def test_the_preview_fills_the_confirm_link_and_counts_its_real_length(page: Page, base_url: str) -> None:
    # Given an SMS with the patient's confirm link
    document = workflow(
        [
            {"id": "start", "type": "trigger.appointment_booked"},
            {"id": "note", "type": "send.sms", "params": {"text": TEXT, "purpose": "informational"}},
        ],
        [("start", "note")],
        name="확인 링크 미리보기",
    )
    workflow_id = create_workflow(base_url, document)
    # When the manager opens the message
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("node-note").click()
    bubble = page.get_by_test_id("preview-text-/text")
    # Then the preview shows a link to this server's patient page, not the placeholder
    expect(bubble).to_contain_text(f"{base_url}/p/")
    expect(bubble).not_to_contain_text("{{")
    expect(bubble).to_contain_text("이정훈 원장")
    # And the byte count includes the whole link (44 characters of token): more than 90 bytes, so LMS
    link = bubble.inner_text().split("예약 확인·취소: ")[1].strip()
    assert len(link) == len(f"{base_url}/p/") + 44, link
    expect(page.get_by_test_id("sms-kind")).to_have_text("LMS")
    # And the sample line names the sample patient only (the clinic shown is the logged-in one)
    expect(page.get_by_test_id("message-preview")).to_contain_text("예시 환자: 김민지 (A-1001)")
    expect(page.get_by_test_id("message-preview")).not_to_contain_text("밝은눈안과")
