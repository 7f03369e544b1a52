"""Issue 15's gates, clicked through as a new clinic's manager and reviewer would, on a server of their own
(a new clinic: empty profile, no approved AlimTalk templates, sign-off required for advertising)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import example, workflow
from tests.support.server import api_headers, running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CALL_US = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {
                "text": "{{ patient.name }}님, 예약이 접수되었습니다. 문의 {{ clinic.phone }}",
                "purpose": "informational",
            },
        },
    ],
    [("start", "notice")],
    name="전화번호 안내",
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of this module's own, with a new clinic."""
    with running_server(tmp_path_factory.mktemp("gates-server"), ready=False) as url:
        yield url


def _api(base_url: str, method: str, path: str, json: dict[str, object] | None = None) -> httpx.Response:
    return httpx.request(method, f"{base_url}{path}", json=json, timeout=10, headers=api_headers(base_url))


def _open_workflow(page: Page, workflow_id: int) -> None:
    """Open a stored workflow in the editor and wait until its nodes are drawn (before clicking its buttons)."""
    page.goto(f"/workflows/{workflow_id}")
    expect(page.locator(".react-flow__node")).not_to_have_count(0)
    expect(page.get_by_test_id("save-state")).to_contain_text("저장됨")


def _open_node(page: Page, node: str) -> None:
    page.get_by_test_id(f"node-{node}").click()
    expect(page.get_by_test_id("message-preview")).to_be_visible()


def test_clinic_profile_values_appear_in_previews_and_an_empty_optout_blocks_an_ad(page: Page, base_url: str) -> None:
    # Given a message that uses the clinic's phone, while the profile has none: the preview keeps the variable
    workflow_id = create_workflow(base_url, CALL_US)
    _open_workflow(page, workflow_id)
    _open_node(page, "notice")
    expect(page.get_by_test_id("message-preview")).to_contain_text("{{ clinic.phone }}")
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("publish-refusal")).to_contain_text("MSG-EMPTY-VARIABLE")
    # Each reason names the node as its card does, not by its internal id (found in the user trial: "notice …")
    reason = page.get_by_test_id("refusal-reason").first
    expect(reason).to_contain_text("문자 보내기")
    expect(reason).not_to_contain_text("notice")

    # When the manager follows the reason to the clinic profile and fills it in (a wrong opt-out number first: a
    # clear error on that field)
    reason.get_by_test_id("refusal-action").click()
    expect(page).to_have_url(re.compile(r"/settings/clinic$"))
    page.get_by_test_id("clinic-phone").fill("031-777-8888")
    page.get_by_test_id("clinic-optout_number").fill("02-123-4567")
    page.get_by_test_id("clinic-save").click()
    expect(page.get_by_test_id("clinic-errors")).to_contain_text("080")
    page.get_by_test_id("clinic-optout_number").fill("")
    page.get_by_test_id("clinic-save").click()
    expect(page.get_by_test_id("toast-ok").filter(has_text="병원 정보")).to_be_visible()

    # Then the preview and the timeline (the server's simulation) show the clinic's own number, and it publishes
    _open_workflow(page, workflow_id)
    _open_node(page, "notice")
    expect(page.get_by_test_id("message-preview")).to_contain_text("031-777-8888")
    page.get_by_test_id("tab-timeline").click()
    page.get_by_test_id("run-preview").click()
    expect(page.get_by_test_id("timeline-item").first).to_contain_text("031-777-8888")
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("published-version")).to_contain_text("v1")

    # And an advertising campaign using {{ clinic.optout_number }} is refused while the opt-out number is empty
    _api(base_url, "PUT", "/api/clinic", json={"signoff_required_for_ads": False})
    ad_id = create_workflow(base_url, example("marketing-eye-checkup-campaign"))
    _open_workflow(page, ad_id)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    refusal = page.get_by_test_id("publish-refusal")
    expect(refusal).to_contain_text("MSG-EMPTY-VARIABLE")
    expect(refusal).to_contain_text("clinic.optout_number")
    _api(base_url, "PUT", "/api/clinic", json={"signoff_required_for_ads": True})


def test_a_library_template_blocks_publishing_until_an_approved_clinic_copy_is_chosen(
    page: Page, base_url: str
) -> None:
    _api(base_url, "PUT", "/api/clinic", json={"phone": "031-777-8888"})
    # Given the cataract example, whose AlimTalks use library templates
    workflow_id = create_workflow(base_url, example("cataract-postop"))
    _open_workflow(page, workflow_id)
    _open_node(page, "care_d1")
    expect(page.get_by_test_id("template-unapproved")).to_be_visible()
    # When it is published, Then the gate names KAKAO-TEMPLATE-UNAPPROVED for each AlimTalk
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("refusal-reason")).to_have_count(3)
    expect(page.get_by_test_id("publish-refusal")).to_contain_text("KAKAO-TEMPLATE-UNAPPROVED")
    # the reasons offer the screen where they are fixed, once for the three (one trip to the templates)
    expect(page.get_by_test_id("refusal-action")).to_have_count(1)
    expect(page.get_by_test_id("refusal-action")).to_have_attribute("data-path", "/alimtalk-templates")
    # When the manager follows the link to the template page and the clinic's copies get approved
    page.get_by_test_id("open-templates").click()
    expect(page).to_have_url(re.compile(r"/alimtalk-templates$"))
    for code in ("POSTOP_CATARACT_D1", "POSTOP_CATARACT_D3", "POSTOP_CATARACT_D7"):
        for step in (f"library/{code}/copy", f"{code}/submit", f"{code}/approve"):
            assert _api(base_url, "POST", f"/api/alimtalk-templates/{step}").is_success
    # Then the same workflow publishes
    _open_workflow(page, workflow_id)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("published-version")).to_contain_text("v1")


def test_a_manager_invites_a_reviewer_who_signs_the_ad_version_so_it_publishes(
    page: Page, browser: Browser, base_url: str
) -> None:
    _api(base_url, "PUT", "/api/clinic", json={"phone": "031-777-8888", "optout_number": "080-500-1234"})
    ad_id = create_workflow(base_url, example("marketing-eye-checkup-campaign"))
    # Given an advertising workflow: publishing says a reviewer must sign
    _open_workflow(page, ad_id)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("publish-refusal")).to_contain_text("signoff_required")
    expect(page.get_by_test_id("refusal-action")).to_have_attribute("data-path", f"/reviewer/{ad_id}")

    # When the manager invites a reviewer on the users page
    page.get_by_test_id("nav-users").click()
    page.get_by_test_id("invite-name").fill("김검토")
    page.get_by_test_id("invite-email").fill("reviewer@clinic.kr")
    page.get_by_test_id("invite-role").select_option("reviewer")
    page.get_by_test_id("invite-submit").click()
    link = page.get_by_test_id("one-time-link-url").input_value()
    assert "/setup#token=" in link
    expect(page.get_by_test_id("user-reviewer@clinic.kr")).to_contain_text("초대됨")

    # And the reviewer opens the link in their own browser, sets a password and is logged in
    context = browser.new_context(base_url=base_url, locale="ko-KR")
    reviewer = context.new_page()
    errors: list[str] = []
    reviewer.on("pageerror", lambda error: errors.append(str(error)))
    reviewer.goto(link)
    reviewer.get_by_test_id("setup-password").fill("reviewer password 1")
    reviewer.get_by_test_id("setup-again").fill("reviewer password 1")
    reviewer.get_by_test_id("setup-submit").click()
    expect(reviewer.get_by_test_id("home")).to_be_visible()
    # role-aware: no import box, no new workflow, no patients or users in the navigation
    expect(reviewer.get_by_test_id("import-file")).to_have_count(0)
    expect(reviewer.get_by_test_id("nav-patients")).to_have_count(0)
    expect(reviewer.get_by_test_id("nav-users")).to_have_count(0)

    # When the reviewer opens the review page: the status, who signs, the texts with findings, the report link
    reviewer.get_by_test_id("nav-reviewer").click()
    expect(reviewer.get_by_test_id(f"review-row-{ad_id}")).to_contain_text("서명 대기")
    reviewer.get_by_test_id(f"review-row-{ad_id}").get_by_role("button").click()
    expect(reviewer.get_by_test_id("review-signers")).to_contain_text("김검토")
    expect(reviewer.get_by_test_id("review-message-ad")).to_contain_text("{{ clinic.optout_number }}")
    expect(reviewer.get_by_test_id("review-message-ad")).to_contain_text("MSA-PREREVIEW")
    expect(reviewer.get_by_test_id("review-report-link")).to_have_attribute("href", re.compile("format=html"))
    expect(reviewer.get_by_test_id("signoff-reviewer")).to_contain_text("김검토")
    reviewer.get_by_label("의료광고 심의번호").fill("제2026-77호")
    reviewer.get_by_test_id("signoff-submit").click()
    expect(reviewer.get_by_test_id("review-signed")).to_contain_text("김검토")
    # the editor shows the reviewer no save or publish button
    reviewer.goto(f"/workflows/{ad_id}")
    expect(reviewer.locator(".react-flow__node")).not_to_have_count(0)
    expect(reviewer.get_by_test_id("editor")).to_be_visible()
    expect(reviewer.get_by_test_id("publish")).to_have_count(0)
    expect(reviewer.get_by_test_id("save")).to_have_count(0)
    context.close()
    assert not errors, errors

    # Then the manager publishes that signed version; the history shows people's names
    _open_workflow(page, ad_id)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").click()  # the confirmation with its impact
    expect(page.get_by_test_id("published-version")).to_contain_text("v1")
    page.get_by_test_id("tab-versions").click()
    expect(page.get_by_test_id("versions-panel")).to_contain_text("브라우저 관리자")


def test_login_shows_the_servers_message_and_forgot_password_says_ask_the_manager(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, locale="ko-KR")
    login = context.new_page()
    login.goto("/")
    login.get_by_test_id("login-email").fill("browser@clinic.kr")
    login.get_by_test_id("login-password").fill("wrong password")
    login.get_by_test_id("login-submit").click()
    expect(login.get_by_test_id("login-errors")).to_contain_text("이메일 또는 비밀번호가 올바르지 않습니다")
    expect(login.get_by_test_id("login-errors")).not_to_contain_text("서버에 연결할 수 없습니다")
    login.get_by_test_id("login-forgot").click()
    expect(login.get_by_test_id("login-forgot-answer")).to_contain_text("관리자")
    context.close()


def test_the_review_page_marks_findings_inside_the_message_text(page: Page, base_url: str) -> None:
    brag = workflow(
        [
            {"id": "start", "type": "trigger.manual"},
            {
                "id": "brag",
                "type": "send.sms",
                "params": {"text": "국내 유일 최고의 백내장 수술", "purpose": "informational"},
            },
        ],
        [("start", "brag")],
        name="과장 문자",
    )
    workflow_id = create_workflow(base_url, brag)
    page.goto(f"/reviewer/{workflow_id}")
    message = page.get_by_test_id("review-message-brag")
    expect(message.get_by_test_id("lint-mark").first).to_be_visible()
    expect(message).to_contain_text("MSA-SUPERLATIVE")
    expect(page.get_by_test_id("review-detail").get_by_test_id("review-status")).to_contain_text("초안")
