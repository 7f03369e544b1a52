"""Publishing: an example goes live; a workflow with a compliance error is refused with the reason."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow

pytestmark = pytest.mark.browser


def test_example_is_imported_and_published(page: Page) -> None:
    # Given the examples gallery on the home page
    page.goto("/")
    expect(page.get_by_test_id("example-cataract-postop")).to_be_visible()

    # When the cataract example is imported and published
    page.get_by_test_id("import-example-cataract-postop").click()
    expect(page.get_by_test_id("editor")).to_be_visible()
    expect(page.locator(".react-flow__node")).not_to_have_count(0)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact

    # Then version 1 is live and listed in the history, where it opens read-only
    expect(page.get_by_test_id("published-version")).to_contain_text("v1")
    page.get_by_test_id("tab-versions").click()
    page.get_by_test_id("open-version-1").click()
    expect(page.get_by_test_id("readonly-badge")).to_be_visible()
    expect(page.get_by_test_id("publish")).to_have_count(0)


def test_publishing_a_workflow_with_a_lint_error_is_refused_with_the_reason(page: Page, base_url: str) -> None:
    # Given a valid workflow whose informational SMS makes a superlative claim (MSA-SUPERLATIVE)
    workflow_id = create_workflow(
        base_url,
        {
            "format": "doctorsflow.workflow/v1",
            "name": "과장 광고 문자",
            "nodes": [
                {"id": "start", "type": "trigger.manual"},
                {
                    "id": "brag",
                    "type": "send.sms",
                    "params": {
                        "text": "국내 유일 최고의 백내장 수술, 효과 100% 보장합니다.",
                        "purpose": "informational",
                    },
                },
            ],
            "edges": [{"source": "start", "target": "brag"}],
        },
    )
    page.goto(f"/workflows/{workflow_id}")
    expect(page.get_by_test_id("node-brag")).to_be_visible()

    # When the manager presses publish
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact

    # Then publishing is refused, naming the node and the rule
    refusal = page.get_by_test_id("publish-refusal")
    expect(refusal).to_be_visible(timeout=5_000)
    expect(refusal).to_contain_text("문자 보내기")  # as its card names it; the id only on hover
    expect(refusal.locator('[title="brag"]').first).to_be_visible()
    expect(refusal).to_contain_text("MSA-")
    expect(page.get_by_test_id("published-version")).to_have_count(0)

    # And the message marks the offending words
    page.get_by_test_id("node-brag").click()
    expect(page.get_by_test_id("lint-mark").first).to_be_visible()
    assert "국내 유일" in " ".join(page.get_by_test_id("lint-mark").all_inner_texts())
