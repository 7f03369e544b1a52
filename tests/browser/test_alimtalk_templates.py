"""AlimTalk templates in the editor: copy from the library, edit with live compliance lint, submit, record
Kakao's approval, then pick the template in a send.alimtalk node; staff never see the approval buttons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, drop_from_palette
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

CODE = "RESULT_READY"  # no other browser test copies it (the server is shared by the whole session)
SUPERLATIVE = "최고의 의료진이 확인했습니다. "


def test_copy_edit_lint_submit_approve_and_pick_in_the_editor(page: Page) -> None:
    # Given the library on the templates page
    page.goto("/")
    page.get_by_test_id("nav-templates").click()
    expect(page.get_by_test_id(f"tpl-library-{CODE}")).to_be_visible()

    # When a library template is copied, it is the clinic's draft
    page.get_by_test_id(f"tpl-copy-{CODE}").click()
    row = page.get_by_test_id(f"tpl-row-{CODE}")
    expect(row.get_by_test_id("tpl-status")).to_have_text("초안")
    expect(page.get_by_test_id(f"tpl-library-{CODE}")).to_contain_text("복사됨")
    editor = page.get_by_test_id("tpl-editor")
    expect(editor.get_by_test_id("tpl-var-mark").first).to_have_text("#{병원명}")

    # And its text gets a superlative: live lint marks it, and the submission is refused in Korean
    text = editor.get_by_test_id("tpl-text")
    original = text.input_value()
    text.fill(SUPERLATIVE + original)
    # (a superlative makes an AlimTalk promotional too: both errors are listed)
    expect(editor.get_by_test_id("tpl-lint-error").filter(has_text="최상급")).to_have_count(1)
    expect(editor.get_by_test_id("lint-mark")).to_have_text("최고의 의료진")
    editor.get_by_test_id("tpl-submit").click()
    expect(editor.get_by_test_id("tpl-error-text")).to_contain_text("최상급")
    expect(row.get_by_test_id("tpl-status")).to_have_text("초안")

    # When it is fixed and submitted, then approved, the list follows the review
    text.fill(original)
    expect(editor.get_by_test_id("tpl-lint-error")).to_have_count(0)
    editor.get_by_test_id("tpl-submit").click()
    expect(row.get_by_test_id("tpl-status")).to_have_text("검수 중")
    page.get_by_test_id("tpl-approve").click()
    expect(row.get_by_test_id("tpl-status")).to_have_text("승인")
    # And the approved text is read-only: a change starts a new version
    expect(page.get_by_test_id("tpl-text")).not_to_be_editable()
    expect(page.get_by_test_id("tpl-submit")).to_have_count(0)
    page.get_by_test_id("tpl-new-version").click()
    expect(page.get_by_test_id(f"tpl-row-{CODE}_V2").get_by_test_id("tpl-status")).to_have_text("초안")
    expect(row.get_by_test_id("tpl-status")).to_have_text("승인")

    # When a send.alimtalk node picks it in the editor
    page.get_by_test_id("nav-workflows").click()
    page.goto("/workflows/new")
    drop_from_palette(page, "send.alimtalk", 300, 200)
    page.get_by_test_id("node-send_alimtalk_1").click()
    picker = page.get_by_test_id("tpl-picker")
    expect(picker.locator(f'option[value="{CODE}"]')).to_have_count(1)
    picker.select_option(CODE)

    # Then its text shows and a variable for every #{변수} appears, well-known ones filled in
    expect(page.get_by_test_id("tpl-picker-text")).to_contain_text("#{검사일}")
    expect(page.get_by_test_id("tpl-picker-warning")).to_have_count(0)
    inspector = page.get_by_test_id("inspector")
    expect(inspector.locator("#root_variables_이름")).to_have_value("{{ patient.name }}")
    expect(inspector.locator("#root_variables_검사일")).to_have_value("")
    expect(picker).to_have_value(CODE)


def test_a_rejection_needs_a_reason_and_shows_it(page: Page, base_url: str) -> None:
    # Given a submitted template
    with httpx.Client(base_url=base_url, headers=api_headers(), timeout=10) as client:
        assert client.post("/api/alimtalk-templates/library/PAYMENT_RECEIPT/copy").status_code == 201
        assert client.post("/api/alimtalk-templates/PAYMENT_RECEIPT/submit").status_code == 200
    page.goto("/alimtalk-templates")
    page.get_by_test_id("tpl-row-PAYMENT_RECEIPT").click()

    # When Kakao's rejection is recorded without a reason, the Korean error shows by the reason
    page.get_by_test_id("tpl-reject").click()
    expect(page.get_by_test_id("tpl-error-reason")).to_contain_text("반려 사유가 필요합니다")

    # When the reason is given, the list shows the rejection with it, and the draft is editable again
    page.get_by_test_id("tpl-reason").fill("버튼 문구 보완 필요")
    page.get_by_test_id("tpl-reject").click()
    row = page.get_by_test_id("tpl-row-PAYMENT_RECEIPT")
    expect(row.get_by_test_id("tpl-status")).to_have_text("반려")
    expect(row).to_contain_text("버튼 문구 보완 필요")
    expect(page.get_by_test_id("tpl-rejection")).to_contain_text("버튼 문구 보완 필요")
    expect(page.get_by_test_id("tpl-text")).to_be_editable()


@pytest.fixture
def staff_page(browser: Any, base_url: str) -> Iterator[Page]:
    """A browser logged in as a staff member (may edit drafts, may not record Kakao's decision)."""
    with httpx.Client(base_url=base_url, headers=api_headers(), timeout=10) as client:
        made = client.post("/api/users", json={"email": "staff-tpl@clinic.kr", "name": "직원", "role": "staff"})
        assert made.status_code == 201, made.text
        token = made.json()["setup_token"]
    context = browser.new_context(base_url=base_url, locale="ko-KR")
    context.set_default_timeout(10_000)
    done = context.request.post("/api/auth/set-password", data={"token": token, "password": "staff member password"})
    assert done.ok, done.text()
    yield context.new_page()
    context.close()


def test_staff_cannot_record_kakaos_decision(staff_page: Page, base_url: str) -> None:
    # Given a submitted template
    with httpx.Client(base_url=base_url, headers=api_headers(), timeout=10) as client:
        body = {
            "code": "STAFF_VIEW_NOTICE",
            "name": "휴진 안내",
            "category": "notice",
            "text": "#{이름}님, 예약하신 날은 휴진입니다. 문의: #{병원전화}",
        }
        assert client.post("/api/alimtalk-templates", json=body).status_code == 201
        assert client.post("/api/alimtalk-templates/STAFF_VIEW_NOTICE/submit").status_code == 200

    # When staff open it, they see its state but no approve or reject buttons
    staff_page.goto("/alimtalk-templates")
    staff_page.get_by_test_id("tpl-row-STAFF_VIEW_NOTICE").click()
    expect(staff_page.get_by_test_id("tpl-editor").get_by_test_id("tpl-status")).to_have_text("검수 중")
    expect(staff_page.get_by_test_id("tpl-approve")).to_have_count(0)
    expect(staff_page.get_by_test_id("tpl-reject")).to_have_count(0)
    # And the API refuses them too (the buttons are hidden because the server forbids it)
    csrf = next(c["value"] for c in staff_page.context.cookies() if c["name"] == "df_csrf")
    refused = staff_page.request.post(
        "/api/alimtalk-templates/STAFF_VIEW_NOTICE/approve", headers={"X-CSRF-Token": csrf}
    )
    assert refused.status == 403
