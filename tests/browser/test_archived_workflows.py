"""Archived workflows as a clinic manager meets them: the home list hides them behind a status filter (with
counts), and an archived workflow's editor offers "unarchive" instead of save and publish."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def _sms_workflow(name: str) -> dict[str, object]:
    return workflow(
        [
            {"id": "start", "type": "trigger.manual"},
            {"id": "note", "type": "send.sms", "params": {"text": "내원 감사합니다", "purpose": "informational"}},
        ],
        [("start", "note")],
        name=name,
    )


def _count(button_text: str) -> int:
    found = re.search(r"\((\d+)\)", button_text)
    assert found, button_text
    return int(found.group(1))


def test_home_hides_archived_workflows_until_asked(page: Page, base_url: str) -> None:
    # Given a draft and an archived workflow
    create_workflow(base_url, _sms_workflow("보관 필터 초안"))
    archived = create_workflow(base_url, _sms_workflow("보관 필터 지난 안내"))
    answer = httpx.post(f"{base_url}/api/workflows/{archived}/archive", timeout=10, headers=api_headers(base_url))
    assert answer.status_code == 200, answer.text
    # When the manager opens the home page
    page.goto("/")
    rows = page.get_by_test_id("workflow-row")
    # Then the list shows the workflows in use, not the archived one, and the filter says how many each status has
    expect(page.get_by_test_id("status-filter-current")).to_have_attribute("aria-pressed", "true")
    expect(rows.filter(has_text="보관 필터 초안")).to_have_count(1)
    expect(rows.filter(has_text="보관 필터 지난 안내")).to_have_count(0)
    assert _count(page.get_by_test_id("status-filter-current").inner_text()) == rows.count()
    # When they choose "보관됨"
    archived_filter = page.get_by_test_id("status-filter-archived")
    expect(archived_filter).to_contain_text("보관됨")
    archived_filter.click()
    # Then only archived workflows are listed, as many as the button said
    expect(rows.filter(has_text="보관 필터 지난 안내")).to_have_count(1)
    expect(rows.filter(has_text="보관 필터 초안")).to_have_count(0)
    assert _count(archived_filter.inner_text()) == rows.count()
    for status in rows.get_by_test_id("workflow-status").all():
        expect(status).to_have_text("보관됨")
    # And "전체" lists both
    page.get_by_test_id("status-filter-all").click()
    expect(rows.filter(has_text="보관 필터")).to_have_count(2)


def test_an_archived_workflow_offers_unarchive_not_publish(page: Page, base_url: str) -> None:
    # Given an archived workflow
    workflow_id = create_workflow(base_url, _sms_workflow("보관된 게시 버튼"))
    answer = httpx.post(f"{base_url}/api/workflows/{workflow_id}/archive", timeout=10, headers=api_headers(base_url))
    assert answer.status_code == 200, answer.text
    # When the manager opens it
    page.goto(f"/workflows/{workflow_id}")
    expect(page.get_by_test_id("workflow-status")).to_have_text("보관됨")
    # Then neither publish nor save is offered; the toolbar says to unarchive first
    expect(page.get_by_test_id("publish")).to_have_count(0)
    expect(page.get_by_test_id("save")).to_have_count(0)
    expect(page.get_by_test_id("archived-notice")).to_contain_text("보관을 해제")
    # When they unarchive it (once the page's loading requests are answered: a late one would show the old status)
    page.wait_for_load_state("networkidle")
    page.get_by_test_id("workflow-unarchive").click()
    # Then it is a draft again, and publishing is offered
    expect(page.get_by_test_id("workflow-status")).to_have_text("초안")
    expect(page.get_by_test_id("publish")).to_be_visible()
    expect(page.get_by_test_id("save")).to_be_visible()
    expect(page.get_by_test_id("archived-notice")).to_have_count(0)
