"""The preview timeline: what a sample patient would receive and when, from the runtime's simulate."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


def test_cataract_example_previews_day_1_3_7_at_ten(page: Page) -> None:
    # Given the cataract post-op example in the editor
    page.goto("/")
    page.get_by_test_id("import-example-cataract-postop").click()
    expect(page.locator(".react-flow__node").first).to_be_visible()

    # When the preview is run
    page.get_by_test_id("tab-timeline").click()
    page.get_by_test_id("run-preview").click()

    # Then the timeline lists AlimTalks on day 1, 3 and 7 at 10:00 with the sample patient's name
    items = page.get_by_test_id("timeline-item")
    expect(items.first).to_contain_text("1일차 10:00")
    expect(items.first).to_contain_text("알림톡")
    expect(page.get_by_test_id("timeline-panel")).to_contain_text("3일차 10:00")
    expect(page.get_by_test_id("timeline-panel")).to_contain_text("7일차 10:00")
    expect(items.first).to_contain_text("김민지")
