"""Small things a manager meets in the editor (found in the user trial): nodes dropped on the same spot at
1024 × 768 land side by side instead of on top of each other, saving twice shows one "saved" notice, and a
workflow name that is too long is named as the box it is typed in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, drop_from_palette

pytestmark = pytest.mark.browser


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_nodes_dropped_on_the_same_spot_at_1024_do_not_overlap(page: Page) -> None:
    # Given the editor on a 1024 × 768 screen
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto("/workflows/new")
    expect(page.get_by_test_id("palette-trigger.appointment_booked")).to_be_visible()

    # When three nodes are dropped at (nearly) the same place
    drop_from_palette(page, "trigger.appointment_booked", 200, 150)
    drop_from_palette(page, "wait.duration", 210, 160)
    drop_from_palette(page, "send.sms", 200, 150)

    # Then each lands where none covers another
    nodes = page.locator(".react-flow__node")
    expect(nodes).to_have_count(3)
    boxes = []
    for i in range(3):
        box = nodes.nth(i).bounding_box()
        assert box is not None
        boxes.append(box)
    pairs = [(i, j) for i in range(3) for j in range(i + 1, 3) if _overlap(boxes[i], boxes[j])]
    assert not pairs, f"overlapping nodes {pairs}: {boxes}"


def test_saving_twice_shows_one_notice_and_a_long_name_names_the_name_box(page: Page) -> None:
    # Given a new workflow with a trigger
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.manual", 300, 120)
    page.get_by_test_id("workflow-name").fill("두 번 저장")

    # When it is saved twice in a row
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("toast-ok")).to_have_count(1)
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    page.wait_for_timeout(300)

    # Then one "saved" notice shows, not two stacked (counted at once: notices go away after a few seconds)
    assert page.get_by_test_id("toast-ok").count() == 1

    # When the name is longer than 200 characters and saved
    page.get_by_test_id("workflow-name").fill("가" * 201)
    page.get_by_test_id("save").click()

    # Then the refusal names the box by its label and says its limit
    error = page.get_by_test_id("toast-error")
    expect(error).to_contain_text("워크플로 이름: 너무 깁니다 (최대 200자)")
    expect(error).not_to_contain_text("'name'")
