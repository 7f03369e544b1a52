"""The new-appointment form names the field a refusal is about: "이름: …", not a bare reason the receptionist
has to match to one of six inputs (a lone surrogate from a paste, a chart number that is too long)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser

# What a paste of half an emoji leaves in an input (Playwright's fill() would turn it into U+FFFD first)
PASTE = """(el, text) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, text);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}"""


def test_a_refused_new_patient_names_the_field(page: Page) -> None:
    # Given the new-appointment form for a new patient
    page.goto("/appointments")
    page.get_by_test_id("new-appointment-open").click()
    form = page.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill("S-1")
    form.get_by_test_id("new-phone").fill("010-2468-1357")
    form.get_by_test_id("new-starts-at").fill("2026-12-21T10:00")

    # When the name holds a lone surrogate
    form.get_by_test_id("new-name").evaluate(PASTE, "송\ud800하늘")
    form.get_by_test_id("create-appointment").click()

    # Then the refusal says it is the name
    expect(form.get_by_test_id("error-list")).to_contain_text("이름: 올바른 유니코드 문자가 아닙니다")

    # And a chart number that is too long is named as the chart number
    form.get_by_test_id("new-name").fill("송하늘")
    form.get_by_test_id("new-chart").fill("S" * 300)
    form.get_by_test_id("create-appointment").click()
    expect(form.get_by_test_id("error-list")).to_contain_text("차트번호: ")


def test_a_300_character_name_and_a_garbled_name_are_refused_in_the_clinics_words(page: Page) -> None:
    # Given the new-appointment form for a new patient
    page.goto("/appointments")
    page.get_by_test_id("new-appointment-open").click()
    form = page.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill("S-300")
    form.get_by_test_id("new-starts-at").fill("2026-12-21T10:00")

    # When the name is 300 characters long
    form.get_by_test_id("new-name").fill("가" * 300)
    form.get_by_test_id("create-appointment").click()

    # Then the refusal names the field once, says its limit, and does not repeat the name
    errors = form.get_by_test_id("error-list")
    expect(errors).to_have_text("환자 이름: 너무 깁니다 (최대 100자)")

    # When a paste left a broken character (U+FFFD) in the name
    form.get_by_test_id("new-name").fill("송\ufffd하늘")
    form.get_by_test_id("create-appointment").click()

    # Then it is refused, not stored garbled
    expect(errors).to_contain_text("환자 이름: 깨진 글자(U+FFFD)가 있습니다")

    # And in English it is said in English only
    page.get_by_test_id("lang-switch").click()
    form.get_by_test_id("create-appointment").click()
    expect(errors).to_have_text("Patient name: contains a broken character (U+FFFD); type the original text again")
