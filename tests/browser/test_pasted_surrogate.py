"""A lone surrogate pasted into a message (a broken emoji from another app): the server refuses the document
with a 400 naming the field; the editor shows that as a problem on the node, not as "cannot reach the checker"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, drop_from_palette

pytestmark = pytest.mark.browser

SMS = "send_sms_1"
PASTE = """(el, text) => {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
  setter.call(el, el.value + text);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}"""


def test_a_pasted_lone_surrogate_is_a_problem_on_its_field(page: Page) -> None:
    # Given an SMS in a new workflow
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    text = page.locator("#root_text")
    text.fill("내일 오전 10시 예약입니다 ")

    # When half of an emoji is pasted after the text
    text.evaluate(PASTE, "\ud83d")

    # Then the problems panel names the node and the reason, and does not blame the connection
    problem = page.locator(f'[data-testid="problem"][data-code="invalid_json"][data-node="{SMS}"]')
    expect(problem).to_contain_text("올바른 유니코드 문자가 아닙니다")
    expect(page.get_by_test_id("problems-panel")).not_to_contain_text("검사 서버에 연결할 수 없습니다")

    # And removing the broken character clears it
    text.fill("내일 오전 10시 예약입니다")
    expect(problem).to_have_count(0)
