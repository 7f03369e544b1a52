"""Issue 14's follow-ups as the clinic uses them in Chromium: a procedure the clinic added is picked in a trigger
filter and its workflow starts from the book; a patient's reschedule request from their link is handled on the
변경 요청 screen (badge in the menu, moved through the book); the self-booking page is switched off and its hours
edited on the clinic settings page, and the public page follows. No console errors."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, expect

from runtime.patient_links.tokens import make_token
from storage.crypto import DataKey
from tests.browser.helpers import Page, create_workflow
from tests.support.server import SECRET, api_headers

pytestmark = pytest.mark.browser
SEOUL = ZoneInfo("Asia/Seoul")


def _add_procedure(base_url: str, code: str, name: str) -> None:
    catalogue = httpx.get(f"{base_url}/api/procedures", headers=api_headers(), timeout=10).json()["procedures"]
    if all(p["code"] != code for p in catalogue):
        catalogue.append({"code": code, "name_ko": name, "name_en": "", "kind": "surgery", "synonyms": []})
        saved = httpx.put(
            f"{base_url}/api/procedures", json={"procedures": catalogue}, headers=api_headers(), timeout=10
        )
        assert saved.status_code == 200, saved.text


def test_a_clinic_procedure_is_picked_in_a_trigger_filter_and_starts_its_workflow(page: Page, base_url: str) -> None:
    code, name = f"hair_{uuid.uuid4().hex[:5]}", f"모발이식{uuid.uuid4().hex[:3]}"
    _add_procedure(base_url, code, name)
    workflow_id = create_workflow(
        base_url,
        {
            "format": "doctorsflow.workflow/v1",
            "name": f"{name} 후 관리",
            "nodes": [
                {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": []}},
                {"id": "d1", "type": "wait.duration", "params": {"days": 1}},
                {
                    "id": "sms",
                    "type": "send.sms",
                    "params": {"text": "{{ patient.name }}님, 시술 다음 날입니다.", "purpose": "informational"},
                },
            ],
            "edges": [{"source": "start", "target": "d1"}, {"source": "d1", "target": "sms"}],
        },
    )
    # When the manager opens the workflow and picks the clinic's own procedure in the trigger's filter
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("node-start").click()
    page.locator("#root_procedures").select_option(label=name)
    expect(page.get_by_test_id("node-summary-start")).to_contain_text(name)
    page.keyboard.press("Control+s")
    expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    # Then it is valid and publishes
    checked = httpx.post(f"{base_url}/api/workflows/{workflow_id}/validate", headers=api_headers(), timeout=10)
    assert checked.json() == {"valid": True, "errors": []}
    published = httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", headers=api_headers(), timeout=10)
    assert published.status_code == 201, published.text
    # And a booking of that procedure marked done in the book starts it
    chart = f"H-{uuid.uuid4().hex[:6]}"
    page.goto("/appointments")
    page.get_by_test_id("new-appointment-open").click()
    form = page.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill(chart)
    form.get_by_test_id("new-name").fill("모발환")
    form.get_by_test_id("new-phone").fill("010-5150-6160")
    today = datetime.now(SEOUL).date()
    form.get_by_test_id("new-starts-at").fill(f"{today.isoformat()}T16:00")
    form.get_by_test_id("new-procedure").select_option(code)
    form.get_by_test_id("create-appointment").click()
    panel = page.get_by_test_id("appointment-panel")
    expect(panel).to_contain_text(chart)
    panel.get_by_test_id("set-status-completed").click()
    expect(panel.get_by_test_id("appointment-status")).to_have_text("시술 완료")
    expect(panel.get_by_test_id("appointment-run-list")).to_contain_text(f"{name} 후 관리")
    expect(panel.get_by_test_id("appointment-run-list")).to_contain_text("시술 완료")  # the event, in words


def test_a_patients_reschedule_request_is_moved_through_the_book(page: Page, browser: Browser, base_url: str) -> None:
    chart = f"Q-{uuid.uuid4().hex[:6]}"
    day = datetime.now(SEOUL).date() + timedelta(days=4)
    booked = httpx.post(
        f"{base_url}/api/appointments",
        json={
            "patient": {"chart_no": chart, "name": "변경희", "phone": "010-7170-8180"},
            "starts_at": f"{day.isoformat()}T11:00",
            "procedure": "라식",
        },
        headers=api_headers(),
        timeout=10,
    )
    assert booked.status_code == 201, booked.text
    appointment_id = booked.json()["appointment"]["id"]
    # When the patient opens the link of their reminder on a phone and asks to reschedule
    token = make_token(1, appointment_id, datetime.now(UTC) + timedelta(days=3), DataKey.from_secret(SECRET))
    phone = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    link = phone.new_page()
    link.goto(f"/p/{token}")
    link.get_by_test_id("link-reschedule").click()
    expect(link.get_by_test_id("link-notice")).to_contain_text("변경 요청을 받았습니다")
    phone.close()
    # Then reception sees a badge on the appointments menu and the request on the 변경 요청 screen
    page.goto("/appointments")
    expect(page.get_by_test_id("requests-badge")).to_be_visible()
    page.get_by_test_id("requests-open").click()
    row = page.get_by_test_id("request-row").filter(has_text=chart)
    expect(row).to_contain_text("변*희")
    # When she moves it, after calling the patient, to the next day 15:00
    row.get_by_test_id("request-new-time").fill(f"{(day + timedelta(days=1)).isoformat()}T15:00")
    row.get_by_test_id("request-move").click()
    expect(page.get_by_test_id("toast-ok")).to_contain_text("예약을 옮겼습니다")
    expect(page.get_by_test_id("request-row").filter(has_text=chart)).to_have_count(0)
    page.get_by_test_id("requests-allRequests").click()
    handled = page.get_by_test_id("request-row").filter(has_text=chart)
    expect(handled.get_by_test_id("request-outcome")).to_contain_text("변경함")
    expect(handled.get_by_test_id("request-original")).to_contain_text("요청 당시")
    # And the appointment moved through the book: its history reads in words
    detail = httpx.get(f"{base_url}/api/appointments/{appointment_id}", headers=api_headers(), timeout=10).json()
    assert detail["starts_at"].startswith(f"{(day + timedelta(days=1)).isoformat()}T15:00")
    page.goto("/appointments")
    page.get_by_test_id("book-day-input").fill((day + timedelta(days=1)).isoformat())
    page.get_by_test_id("view-day").click()
    page.get_by_test_id("book-day").get_by_text(chart).click()
    history = page.get_by_test_id("appointment-panel")
    expect(history.locator("[data-type='appointment.reschedule_requested']")).to_have_text("환자의 날짜 변경 요청")
    expect(history.locator("[data-type='appointment.rescheduled']")).to_have_text("예약 변경")


def _wait_saved(base_url: str, done: Callable[[dict[str, Any]], bool]) -> None:
    """The save is answered before the page re-renders: wait until the server holds it."""
    deadline = time.monotonic() + 10
    while not done(httpx.get(f"{base_url}/api/self-booking", headers=api_headers(), timeout=10).json()):
        assert time.monotonic() < deadline, "the settings were not saved"
        time.sleep(0.2)


DEFAULT_HOURS = {
    "enabled": True,
    "hours": {
        "mon": ["09:00", "17:30"],
        "tue": ["09:00", "17:30"],
        "wed": ["09:00", "17:30"],
        "thu": ["09:00", "17:30"],
        "fri": ["09:00", "17:30"],
        "sat": ["09:00", "12:30"],
        "sun": None,
    },
    "step_minutes": 30,
}


def test_self_booking_is_switched_off_and_its_hours_edited(page: Page, browser: Browser, base_url: str) -> None:
    public = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    try:
        page.goto("/settings/clinic")
        section = page.get_by_test_id("self-booking-settings")
        expect(section.get_by_test_id("self-booking-url")).to_contain_text("/p/book/default")
        # When the manager switches online booking off
        section.get_by_test_id("self-booking-enabled").uncheck()
        section.get_by_test_id("self-booking-save").click()
        expect(page.get_by_test_id("toast-ok")).to_contain_text("온라인 예약 설정을 저장했습니다")
        _wait_saved(base_url, lambda shown: not shown["enabled"])
        public.goto("/p/book/default")
        expect(public.get_by_test_id("link-problem")).to_contain_text("온라인 예약을 받지 않습니다")
        # When she turns it on again with Saturdays closed, Wednesdays 14:00–15:00 and one-hour slots
        section.get_by_test_id("self-booking-enabled").check()
        section.get_by_test_id("self-booking-sat-open").uncheck()
        section.get_by_test_id("self-booking-wed-first").fill("14:00")
        section.get_by_test_id("self-booking-wed-last").fill("15:00")
        section.get_by_test_id("self-booking-step").select_option("60")
        section.get_by_test_id("self-booking-save").click()
        expect(section.get_by_test_id("self-booking-step")).to_be_enabled()  # the form is disabled while saving
        _wait_saved(base_url, lambda shown: shown["step_minutes"] == 60 and shown["enabled"])
        # Then the public page offers no Saturday, and Wednesdays only at 14:00 and 15:00
        public.goto("/p/book/default")
        labels = public.locator("[data-testid=booking-slot] optgroup").evaluate_all("gs => gs.map(g => g.label)")
        assert labels and not any("(토)" in label for label in labels), labels
        wednesday = public.locator("[data-testid=booking-slot] optgroup[label*='(수)'] option")
        assert set(wednesday.all_inner_texts()) <= {"오후 2:00", "오후 3:00"}
        # And a bad window is refused, naming the day
        page.reload()
        section = page.get_by_test_id("self-booking-settings")
        section.get_by_test_id("self-booking-mon-first").fill("18:00")
        section.get_by_test_id("self-booking-mon-last").fill("09:00")
        section.get_by_test_id("self-booking-save").click()
        expect(section.get_by_test_id("error-list")).to_contain_text("마지막 예약 시각이 첫 시각보다 늦어야 합니다")
    finally:
        public.context.close()
        restored = httpx.put(f"{base_url}/api/self-booking", json=DEFAULT_HOURS, headers=api_headers(), timeout=10)
        assert restored.status_code == 200, restored.text
