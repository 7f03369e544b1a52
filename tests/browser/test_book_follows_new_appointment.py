"""A receptionist books a patient for another day: the book turns to that day, so she sees it among the others."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


def test_the_book_shows_the_day_of_the_appointment_just_made(page: Page) -> None:
    chart = f"F-{uuid.uuid4().hex[:6]}"
    day = (datetime.now(ZoneInfo("Asia/Seoul")) + timedelta(days=4)).date()
    page.goto("/appointments")
    page.get_by_test_id("new-appointment-open").click()
    form = page.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill(chart)
    form.get_by_test_id("new-name").fill("한가인")
    form.get_by_test_id("new-phone").fill("010-3300-4400")
    form.get_by_test_id("new-starts-at").fill(f"{day.isoformat()}T11:00")
    form.get_by_test_id("create-appointment").click()
    expect(page.get_by_test_id("appointment-panel")).to_contain_text(chart)
    page.get_by_test_id("appointment-close").click()
    # The day view now shows that day, with the new appointment on it
    expect(page.get_by_test_id("book-day-input")).to_have_value(day.isoformat())
    expect(page.get_by_test_id("book-day")).to_contain_text("11:00")
