"""A patient books on the clinic's self-booking page on a phone: picks a time, ticks only the required consent."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def test_patient_books_a_slot_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True, locale="ko-KR"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The refused form answers 422 (logged by the browser as "Failed to load resource"): the test's own doing.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and not m.text.startswith("Failed to load resource") else None
        ),
    )
    page.goto("/p/book/default")
    # Both consents start unticked
    expect(page.get_by_test_id("booking-consent-treatment")).not_to_be_checked()
    expect(page.get_by_test_id("booking-consent-marketing")).not_to_be_checked()
    slot = page.locator("[data-testid=booking-slot] option").nth(1)
    value = slot.get_attribute("value")
    page.get_by_test_id("booking-slot").select_option(value)
    page.get_by_test_id("booking-name").fill("유채원")
    page.get_by_test_id("booking-phone").fill("010-6262-7373")
    # Forgetting the required consent: told why, the form keeps what was typed
    page.get_by_test_id("booking-submit").click()
    expect(page.get_by_test_id("booking-errors")).to_contain_text("[필수]")
    expect(page.get_by_test_id("booking-name")).to_have_value("유채원")
    page.get_by_test_id("booking-slot").select_option(value)
    page.get_by_test_id("booking-consent-treatment").check()
    page.get_by_test_id("booking-submit").click()
    expect(page.get_by_test_id("booking-done")).to_contain_text("예약을 받았습니다")
    context.close()
    assert not errors, errors
    # The clinic sees the patient with treatment consent only
    found = httpx.post(
        f"{base_url}/api/patients/search", json={"q": "010-6262-7373"}, headers=api_headers(), timeout=10
    )
    consents = found.json()["patients"][0]["consents"]
    assert consents["treatment"] is True and consents["marketing"] in (None, False), consents
