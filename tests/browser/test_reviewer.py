"""The compliance reviewer's screen: lint status per workflow, the full report, and the sign-off."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

FLAWED = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {
            "id": "promo",
            "type": "send.sms",
            "params": {"text": "생생한 치료 후기를 확인하세요", "purpose": "informational"},
        },
    ],
    [("start", "promo")],
    name="후기 이벤트 문자",
)
CLEAN = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 예약이 접수되었습니다.", "purpose": "informational"},
        },
    ],
    [("start", "notice")],
    name="예약 확인 문자",
)


def test_reviewer_sees_the_report_and_signs_off_a_clean_workflow(page: Page, base_url: str) -> None:
    # Given a workflow with a lint error and a clean one
    flawed = create_workflow(base_url, FLAWED)
    clean = create_workflow(base_url, CLEAN)

    # When the reviewer opens the flawed one, its message text shows the finding in place, with the rule
    # (issue 15: the review page shows the texts; the full report with legal sources is the HTML report)
    page.goto(f"/reviewer/{flawed}")
    message = page.get_by_test_id("review-message-promo")
    expect(message).to_contain_text("생생한 치료 후기를 확인하세요")
    expect(message).to_contain_text("MSA-TESTIMONIAL")
    expect(message.get_by_test_id("lint-mark").first).to_be_visible()
    expect(message.get_by_test_id("review-citation").first).to_contain_text("의료법 제56조")  # the law, under it
    expect(page.get_by_test_id("review-report-link")).to_have_attribute(
        "href", f"/api/workflows/{flawed}/lint?format=html"
    )
    expect(page.get_by_test_id("reviewer-list")).to_contain_text("후기 이벤트 문자")

    # And signing it off is refused with the reason; the reviewer is the logged-in user, no typed name
    expect(page.get_by_test_id("signoff-reviewer")).to_contain_text("브라우저 관리자")
    page.get_by_test_id("signoff-submit").click()
    expect(page.get_by_test_id("signoff-errors")).to_be_visible()
    expect(page.get_by_test_id("signoff-blocked")).to_contain_text("오류가 남아 있어 서명할 수 없습니다")
    # (the error names the message as the reviewer reads it above, not by the node's id "promo")
    expect(page.get_by_test_id("signoff-errors")).to_contain_text("문자 보내기: ")
    expect(page.get_by_test_id("signoff-errors")).not_to_contain_text("promo")

    # When the clean one is signed off, the sign-off is listed under the person's name and the status says so
    page.goto(f"/reviewer/{clean}")
    expect(page.get_by_test_id("review-detail")).to_be_visible()
    page.get_by_test_id("signoff-submit").click()
    expect(page.get_by_test_id(f"review-row-{clean}")).to_contain_text("서명됨")
    # And the form closes: what remains says who signed and when, in the Korean date format
    expect(page.get_by_test_id("signoff-submit")).to_have_count(0)
    signed = page.get_by_test_id("signoff-signed-by")
    expect(signed).to_contain_text("브라우저 관리자님이 서명했습니다")
    expect(signed).to_have_text(re.compile(r"\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 오[전후] \d{1,2}:\d\d"))
    # (a deliberate second sign-off opens the form again, and cancelling closes it)
    page.get_by_test_id("signoff-again").click()
    expect(page.get_by_test_id("signoff-submit")).to_be_visible()
    page.get_by_test_id("signoff-cancel").click()
    expect(page.get_by_test_id("signoff-signed")).to_be_visible()


DISCOUNT = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {"id": "consent", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {
            "id": "ad",
            "type": "send.sms",
            "params": {
                "text": "(광고) {{ clinic.name }} 라식 50% 할인 이벤트! 부작용이 있을 수 있습니다. "
                "무료수신거부 {{ clinic.optout_number }}",
                "purpose": "advertising",
            },
        },
    ],
    [("start", "consent"), ("consent", "yes", "ad")],
    name="라식 할인 광고",
)


def test_reviewer_sees_the_suggested_rewrite_of_each_finding(page: Page, base_url: str) -> None:
    # Given an advertising workflow that offers a discount
    flawed = create_workflow(base_url, DISCOUNT)

    # When the reviewer opens the review list and picks it, as a user would
    page.goto("/reviewer")
    page.get_by_test_id(f"review-row-{flawed}").get_by_role("button").click()

    # Then the discount's finding shows the rewrite the editor offers: a factual fee notice in its place
    message = page.get_by_test_id("review-message-ad")
    expect(message).to_contain_text("MSA-INDUCEMENT")
    suggestion = message.get_by_test_id("review-suggestion").filter(has_text="비용")
    expect(suggestion).to_have_attribute("data-kind", "replace")
    expect(suggestion).to_contain_text("사실대로 비용을 안내하세요")
    expect(suggestion).to_contain_text("비용은 원내에 게시된 비급여 진료비용을 따릅니다.")
    expect(suggestion).to_contain_text("라식 50% 할인 이벤트!")  # what it takes out


def test_the_review_list_names_an_archived_workflow_archived(page: Page, base_url: str) -> None:
    # Given a workflow the manager archived
    archived = create_workflow(base_url, {**CLEAN, "name": "보관한 예약 확인 문자"})
    answer = httpx.post(f"{base_url}/api/workflows/{archived}/archive", timeout=10, headers=api_headers(base_url))
    assert answer.status_code == 200, answer.text
    # When the reviewer opens the review list and the workflow
    page.goto("/reviewer")
    row = page.get_by_test_id(f"review-row-{archived}")
    # Then it says 보관됨, not 초안 (a draft would be work waiting for them)
    expect(row.get_by_test_id("review-status")).to_have_text("보관됨")
    row.get_by_role("button").click()
    expect(page.get_by_test_id("review-detail").get_by_test_id("review-status")).to_have_text("보관됨")
