"""Pages whose APIs may not be there yet answer with a friendly state, never a blank page or a crash."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "testid"), [("/runs", "runs"), ("/patients", "patients"), ("/reviewer", "reviewer")])
def test_each_page_renders_its_data_or_the_not_available_notice(page: Page, path: str, testid: str) -> None:
    # When a page of the navigation is opened
    page.goto(path)

    # Then it renders (the fixture fails the test on any uncaught page error) and shows no error list
    expect(page.get_by_test_id(testid)).to_be_visible()
    expect(page.get_by_text("불러오는 중…")).to_have_count(0)
    expect(page.get_by_test_id("error-list")).to_have_count(0)
