"""Issue 16: forms a receptionist can fill — variables by picking, a yearly schedule without cron, add/remove
buttons with words. (The two-minute editing session is tests/browser/test_editor_session.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, connect, create_workflow, drop_from_palette

pytestmark = pytest.mark.browser


def test_insert_patient_name_from_the_variable_picker(page: Page) -> None:
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.appointment_booked", 300, 80)
    drop_from_palette(page, "send.sms", 300, 260)
    connect(page, "trigger_appointment_booked_1", "out", "send_sms_1")
    page.get_by_test_id("node-send_sms_1").click()
    text = page.locator("#root_text")
    text.fill("안녕하세요 ")
    # With the button: a searchable list with sample values
    page.get_by_test_id("variable-button-root_text").click()
    expect(page.get_by_test_id("variable-menu")).to_contain_text("예: 김민지")
    page.get_by_test_id("variable-search").fill("이름")
    page.get_by_test_id("variable-patient.name").click()
    expect(text).to_have_value("안녕하세요 {{ patient.name }}")
    # By typing "{{": the list opens and Enter completes
    text.press("End")
    text.type("님, {{ clinic.na")
    expect(page.get_by_test_id("variable-menu")).to_be_visible()
    text.press("Enter")
    expect(text).to_have_value("안녕하세요 {{ patient.name }}님, {{ clinic.name }}")
    expect(page.get_by_test_id("message-preview")).to_contain_text("김민지님")


def test_yearly_schedule_without_cron(page: Page, base_url: str) -> None:
    workflow_id = create_workflow(
        base_url,
        {
            "format": "doctorsflow.workflow/v1",
            "name": "정기 검진 캠페인",
            "nodes": [{"id": "campaign", "type": "trigger.schedule", "params": {"cron": "0 10 * * 1"}}],
            "edges": [],
        },
    )
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("node-campaign").click()
    expect(page.get_by_test_id("node-summary-campaign")).to_contain_text("매주 월요일 10:00")
    picker = page.get_by_test_id("schedule-picker")
    picker.get_by_text("매년", exact=True).click()
    picker.get_by_text("3월", exact=True).click()
    picker.get_by_text("9월", exact=True).click()
    picker.get_by_text("1월", exact=True).click()  # the default month, taken off again
    page.get_by_test_id("schedule-day").fill("15")
    page.get_by_test_id("schedule-time-0").fill("10:00")
    expect(page.get_by_test_id("node-summary-campaign")).to_contain_text("매년 3월·9월 15일 10:00")
    # The cron is still there for those who want it, in the advanced field
    page.get_by_test_id("schedule-advanced").click()
    expect(page.get_by_test_id("schedule-cron")).to_have_value("0 10 15 3,9 *")


def test_staff_phone_added_with_a_labelled_button(page: Page) -> None:
    page.goto("/workflows/new")
    drop_from_palette(page, "notify.staff", 300, 200)
    page.get_by_test_id("node-notify_staff_1").click()
    add = page.locator(".inspector .form-button-add")
    expect(add.first).to_contain_text("추가")
    add.first.click()
    page.locator("#root_recipients_0").fill("010-2222-3333")
    expect(page.locator(".inspector .form-button-remove").first).to_contain_text("삭제")
