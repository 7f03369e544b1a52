"""Suggested rewrites (issue 17): the problems panel offers a compliant alternative and one click applies it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, drop_from_palette

pytestmark = pytest.mark.browser

SMS = "send_sms_1"


def test_a_suggested_rewrite_is_applied_with_one_click(page: Page) -> None:
    # Given an SMS whose informational text carries a superlative
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    text = page.locator("#root_text")
    text.fill("{{ patient.name }}님, 국내 최초 도입 장비로 검사합니다. 내일 오전 10시 예약입니다.")

    # Then the problems panel shows the finding with a suggestion
    problem = page.locator('[data-testid="problem"][data-code="MSA-SUPERLATIVE"]')
    expect(problem).to_be_visible()
    item = page.locator("li", has=problem)
    expect(item.get_by_test_id("suggestion")).to_contain_text("최상급")

    # When the suggestion is applied with one click
    item.get_by_test_id("apply-suggestion").click()

    # Then the text no longer carries the claim and the finding is gone after the live check
    expect(text).not_to_have_value("국내 최초")
    expect(text).to_have_value(
        "{{ patient.name }}님, 도입 장비로 검사합니다. 내일 오전 10시 예약입니다."
    )  # one space left
    expect(page.locator('[data-testid="problem"][data-code="MSA-SUPERLATIVE"]')).to_have_count(0)
