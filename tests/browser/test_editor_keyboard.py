"""The editor's main actions with the keyboard alone: Tab moves through the page like anywhere else (it opens the
node search only with the mouse over the canvas), a palette item adds its node with Enter, Ctrl+S saves."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


def _tab_to(page: Page, testid: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.get_by_test_id("node-picker").count() == 0, "Tab opened the node search instead of moving on"
        if page.evaluate("document.activeElement?.dataset?.testid") == testid:
            return
    raise AssertionError(f"{testid} not reached with Tab")


def test_keyboard_only_user_adds_a_node_and_saves(page: Page) -> None:
    page.goto("/workflows/new")
    expect(page.get_by_test_id("palette-trigger.manual")).to_be_visible()
    page.get_by_test_id("workflow-name").fill("키보드로 만든 워크플로")
    _tab_to(page, "palette-trigger.manual")
    page.keyboard.press("Enter")
    expect(page.locator(".react-flow__node")).to_have_count(1)
    page.keyboard.press("Control+s")
    expect(page).to_have_url(re.compile(r"/workflows/\d+$"))
