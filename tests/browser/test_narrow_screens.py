"""A clinic's 1024 × 768 screen (a reception PC, a laptop): menus and problem lists stay readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow

pytestmark = pytest.mark.browser


def test_menu_items_keep_their_words_whole_at_1024(page: Page) -> None:
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto("/")
    expect(page.get_by_test_id("nav-appointments")).to_be_visible()
    for item in page.locator(".topbar button").all():
        box = item.bounding_box()
        assert box is not None
        # One line of text: a word broken letter by letter (예/약) doubles the button's height.
        assert box["height"] < 40, f"{item.inner_text()!r} wraps onto {box['height']:.0f} px"


def test_a_problem_message_is_not_squeezed_by_its_citation_at_1024(page: Page, base_url: str) -> None:
    workflow_id = create_workflow(
        base_url,
        workflow(
            [
                {"id": "start", "type": "trigger.manual"},
                {
                    "id": "promo",
                    "type": "send.sms",
                    "params": {
                        "text": "{{ patient.name }}님, 오시는 길: {{ clinic.map_url }}",
                        "purpose": "informational",
                    },
                },
            ],
            [("start", "promo")],
            name="좁은 화면 문제 목록",
        ),
    )
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"/workflows/{workflow_id}")
    problem = page.locator(".problem").filter(has=page.locator(".citation")).first
    expect(problem).to_be_visible()
    row = problem.bounding_box()
    message = problem.locator(".problem-message").bounding_box()
    assert row and message
    assert message["width"] > row["width"] * 0.3, f"message column {message['width']:.0f} of {row['width']:.0f} px"


@pytest.mark.parametrize(("width", "language"), [(1024, "ko"), (1024, "en"), (1280, "en")])
def test_the_menu_bar_stays_one_row_at_1024(page: Page, width: int, language: str) -> None:
    # found in the user trial: at 1024 × 768 the manager's menu pushed 로그아웃 / English onto a second row (and
    # in English at 1280 × 800 the language switch)
    page.set_viewport_size({"width": width, "height": 768})
    page.goto("/")
    expect(page.get_by_test_id("nav-users")).to_be_visible()
    if language == "en":
        page.get_by_test_id("lang-switch").click()
        expect(page.get_by_test_id("nav-workflows")).to_have_text("Workflows")
    bar = page.locator(".topbar").bounding_box()
    logout = page.get_by_test_id("logout").bounding_box()
    first = page.get_by_test_id("nav-workflows").bounding_box()
    assert bar and logout and first
    assert abs(logout["y"] - first["y"]) < 4, f"log-out on another row: {logout} vs {first}"
    assert bar["height"] < 56, f"menu bar {bar['height']:.0f} px high"
