"""Korean by default; the English switch is remembered."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


def test_language_switch_is_remembered(page: Page) -> None:
    # Given the home page in Korean
    page.goto("/")
    expect(page.get_by_test_id("nav-workflows")).to_have_text("워크플로")
    switch = page.get_by_test_id("lang-switch")
    expect(switch).to_have_text("English")

    # When English is chosen
    switch.click()

    # Then the interface is English, also after a reload, and can switch back
    expect(page.get_by_test_id("nav-workflows")).to_have_text("Workflows")
    expect(switch).to_have_text("한국어")
    page.reload()
    expect(page.get_by_test_id("nav-workflows")).to_have_text("Workflows")
    page.goto("/workflows/new")
    expect(page.get_by_test_id("palette")).to_contain_text("Triggers")
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_test_id("palette")).to_contain_text("트리거")
