"""A problem in the list names its node as the card does (its own name, else its type), not by internal id."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow

pytestmark = pytest.mark.browser


def test_problems_name_the_node_in_clinic_words(page: Page, base_url: str) -> None:
    workflow_id = create_workflow(
        base_url,
        workflow(
            [
                {"id": "start", "type": "trigger.manual"},
                {"id": "send_sms_1", "type": "send.sms", "params": {"text": "", "purpose": "informational"}},
                {
                    "id": "send_sms_2",
                    "type": "send.sms",
                    "label": "오시는 길 안내",
                    "params": {"text": "오시는 길: {{ clinic.map_url }}", "purpose": "informational"},
                },
            ],
            [("start", "send_sms_1"), ("start", "send_sms_2")],
            name="문제 목록 이름",
        ),
    )
    page.goto(f"/workflows/{workflow_id}")
    problems = page.get_by_test_id("problems-panel")
    expect(problems.locator("[data-node=send_sms_2]").first).to_contain_text("오시는 길 안내")
    expect(problems.locator("[data-node=send_sms_1]").first).to_contain_text("문자 보내기")
    for name in problems.locator(".problem-node").all_inner_texts():
        assert "send_sms_" not in name, name


def test_an_empty_text_is_one_problem_in_clinic_words(page: Page, base_url: str) -> None:
    # Given a send node whose text the manager left empty
    workflow_id = create_workflow(
        base_url,
        workflow(
            [
                {"id": "start", "type": "trigger.manual"},
                {"id": "send_sms_1", "type": "send.sms", "params": {"text": "", "purpose": "informational"}},
            ],
            [("start", "send_sms_1")],
            name="빈 문자",
        ),
    )
    # When the editor opens
    page.goto(f"/workflows/{workflow_id}")
    rows = page.get_by_test_id("problems-panel").locator("[data-testid=problem][data-node=send_sms_1]")
    # Then the emptiness is said once, with the field's form title and no id, type key, field key or code
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("내용: 비어 있으면 안 됩니다")
    shown = rows.first.inner_text()
    for internal in ("send_sms_1", "send.sms", "'text'", "invalid_params", "MSG-EMPTY"):
        assert internal not in shown, shown
    # And clicking it still opens the node's text field
    rows.first.click()
    expect(page.locator("#root_text")).to_be_focused()
