"""What a clinic user sees, session 19's leftovers: icons that draw without an emoji font (they showed as ☒ in
headless Chromium), the one-time link readable whole, publishing saving the draft once, workflow names that open
the workflow in the same tab, and the appointment panel masking its patient in the message texts for the front
desk; session 20's: her panel shows that a confirm link was sent but not its token, and a run's name opens that
run; each role is offered only what the server lets it do. Real server, real Chromium, clicks like a user, no
console errors."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, Request, expect

from tests.browser.helpers import book, create_workflow, logged_in_context, published_workflow
from tests.support import server as support
from tests.support.server import api_headers

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Characters only a colour-emoji font draws (pictographs, the emoji variation selector, ✅, ⏰…⏺): none in the
# Debian image, none on many clinic PCs. Text glyphs DejaVu/Noto have (✕ ⚠ ▶ ← ⬇) are fine.
EMOJI_SCAN = r"""() => {
  const emoji = /[\u{1F000}-\u{1FAFF}\u{FE0F}\u{2705}\u{274C}\u{2753}-\u{2755}\u{23E9}-\u{23FA}]/u;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (emoji.test(n.textContent)) found.push(n.textContent.trim());
  return found;
}"""


def no_emoji(page: Page) -> None:
    assert page.evaluate(EMOJI_SCAN) == []


def drawn_icon(locator: Any) -> None:
    """An inline SVG icon of a real size inside ``locator``."""
    icon = locator.locator("svg.icon").first
    expect(icon).to_be_visible()
    box = icon.bounding_box()
    assert box and box["width"] >= 10 and box["height"] >= 10


def logged_in_as(browser: Browser, base_url: str, role: str) -> tuple[Page, list[str]]:
    """A page of a new user of ``role`` on the shared server (invited by the manager, password set), and the
    errors its console logs."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@clinic.kr"
    with httpx.Client(base_url=base_url, headers=api_headers(), timeout=10) as client:
        made = client.post("/api/users", json={"email": email, "name": "심의 이도윤", "role": role})
        assert made.status_code == 201, made.text
        token = made.json()["setup_token"]
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900}, locale="ko-KR")
    context.set_default_timeout(10_000)
    done = context.request.post("/api/auth/set-password", data={"token": token, "password": f"{role} test password"})
    assert done.ok, done.text()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return page, errors


SMS_FLOW: dict[str, Any] = {
    "format": "doctorsflow.workflow/v1",
    "nodes": [
        {"id": "start", "type": "trigger.manual", "position": {"x": 0, "y": 0}},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {"text": "내일 오전 10시 진료 예약을 안내드립니다.", "purpose": "informational"},
            "position": {"x": 0, "y": 160},
        },
    ],
    "edges": [{"source": "start", "target": "notice"}],
}


def test_icons_are_drawn_without_an_emoji_font(page: Page) -> None:
    # Given the home page and an example opened in the editor
    page.goto("/")
    drawn_icon(page.locator(".brand"))
    page.get_by_test_id("import-example-cataract-postop").click()
    expect(page.locator(".react-flow__node").first).to_be_visible()
    # Then the palette, the cards and the toolbar draw their icons as SVG, and no text needs an emoji font
    for node_type in ("trigger.procedure_completed", "wait.until", "send.alimtalk", "send.sms", "end"):
        drawn_icon(page.get_by_test_id(f"palette-{node_type}"))
    drawn_icon(page.locator('[data-node-type="send.alimtalk"]').first)
    drawn_icon(page.get_by_test_id("save"))
    drawn_icon(page.get_by_test_id("publish"))
    no_emoji(page)
    # When she selects a card and opens the node search with Tab
    page.locator('[data-node-type="send.alimtalk"]').first.click()
    drawn_icon(page.get_by_test_id("inspector"))
    page.mouse.move(700, 500)
    page.keyboard.press("Tab")
    drawn_icon(page.get_by_test_id("picker-send.sms"))
    no_emoji(page)
    # And the problems list cites its sources with a book icon, not 📖
    page.keyboard.press("Escape")
    expect(page.locator(".citation").first).to_be_visible()
    drawn_icon(page.locator(".citation").first)
    no_emoji(page)


def test_the_one_time_link_is_readable_whole(browser: Browser, base_url: str) -> None:
    errors: list[str] = []
    for width in (1440, 1024):
        context = logged_in_context(browser, base_url, width, 900)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # When a manager invites a receptionist
        page.goto("/settings/users")
        page.get_by_test_id("invite-name").fill("접수 한송이")
        page.get_by_test_id("invite-email").fill(f"desk-{uuid.uuid4().hex[:8]}@clinic.kr")
        page.get_by_test_id("invite-role").select_option("staff")
        page.get_by_test_id("invite-submit").click()
        # Then the link box shows the whole link at once, in its styled box, with a copy button beside it
        field = page.get_by_test_id("one-time-link-url")
        expect(field).to_be_visible()
        value = field.input_value()
        assert value.startswith(f"{base_url}/setup#token=")
        scroll, client = field.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert scroll <= client, f"the link is cut at {width}px: {scroll} > {client}"
        box = page.get_by_test_id("one-time-link")
        assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
        drawn_icon(box.get_by_role("button", name="복사"))
        no_emoji(page)
        context.close()
    assert not errors, errors


def test_publishing_saves_the_draft_once(page: Page, base_url: str) -> None:
    workflow_id = create_workflow(base_url, {**SMS_FLOW, "name": f"한 번 저장 {uuid.uuid4().hex[:6]}"})
    puts: list[str] = []
    publishes: list[str] = []

    def count(request: Request) -> None:
        if request.url.endswith(f"/api/workflows/{workflow_id}") and request.method == "PUT":
            puts.append(request.url)
        if request.url.endswith(f"/api/workflows/{workflow_id}/publish") and request.method == "POST":
            publishes.append(request.url)

    page.on("request", count)
    try:
        # Given the draft open in the editor with an unsaved rename
        page.goto(f"/workflows/{workflow_id}")
        expect(page.locator(".react-flow__node").first).to_be_visible()
        page.get_by_test_id("workflow-name").fill("진료 예약 안내 (한 번 저장)")
        # When the manager publishes and confirms
        page.get_by_test_id("publish").click()
        expect(page.get_by_test_id("publish-dialog")).to_be_visible()
        drawn_icon(page.get_by_test_id("publish-confirm"))
        page.get_by_test_id("publish-confirm").click()
        expect(page.get_by_test_id("published-version")).to_be_visible()
        # Then the draft was saved once (before the dialog) and published once
        assert len(puts) == 1 and len(publishes) == 1, (puts, publishes)
        saved = httpx.get(f"{base_url}/api/workflows/{workflow_id}", timeout=10, headers=api_headers()).json()
        assert saved["name"] == "진료 예약 안내 (한 번 저장)" and saved["published_version"] == 1
    finally:
        httpx.post(f"{base_url}/api/workflows/{workflow_id}/archive", timeout=10, headers=api_headers())


def test_workflow_names_open_the_workflow_in_the_same_tab(page: Page, base_url: str, browser: Browser) -> None:
    name = f"예약 접수 안내 {uuid.uuid4().hex[:6]}"
    document = {
        "format": "doctorsflow.workflow/v1",
        "name": name,
        "nodes": [
            {"id": "booked", "type": "trigger.appointment_booked", "position": {"x": 0, "y": 0}},
            {"id": "wait", "type": "wait.duration", "params": {"days": 30}, "position": {"x": 0, "y": 160}},
        ],
        "edges": [{"source": "booked", "target": "wait"}],
    }
    with published_workflow(base_url, document) as workflow_id:
        starts = (datetime.now(ZoneInfo("Asia/Seoul")) + timedelta(days=5)).replace(microsecond=0)
        external = f"names-{uuid.uuid4().hex[:8]}"
        book(
            base_url,
            external,
            {"chart_no": f"N-{external[-6:]}", "name": "오세린", "phone": "010-5150-6262"},
            {"id": external, "starts_at": starts.isoformat()},
        )
        # Given the runs monitor with the run that booking started
        page.goto("/runs")
        row = page.get_by_test_id("run-row").filter(has_text=name).first
        expect(row).to_be_visible()
        # When the manager clicks the workflow's name in the row
        row.get_by_test_id("workflow-link").click()
        # Then the workflow opens in the editor, in this tab
        expect(page).to_have_url(f"{base_url}/workflows/{workflow_id}")
        expect(page.get_by_test_id("workflow-name")).to_have_value(name)
        assert len(page.context.pages) == 1
        # And on the review screen a reviewer's click on the workflow's title opens it the same way, read-only
        reviewer, errors = logged_in_as(browser, base_url, "reviewer")
        reviewer.goto(f"/reviewer/{workflow_id}")
        title = reviewer.get_by_test_id("review-workflow-link")
        expect(title).to_have_text(name)
        assert title.get_attribute("target") is None
        title.click()
        expect(reviewer).to_have_url(f"{base_url}/workflows/{workflow_id}")
        expect(reviewer.get_by_test_id("readonly-badge")).to_have_text("읽기 전용 (편집 권한 없음)")
        expect(reviewer.get_by_test_id("workflow-name")).not_to_be_editable()
        assert reviewer.get_by_test_id("palette-send.sms").get_attribute("draggable") == "false"
        expect(reviewer.get_by_test_id("publish")).to_have_count(0)
        expect(reviewer.locator('[data-testid^="add-after-"]')).to_have_count(0)  # no "+" under the cards
        assert len(reviewer.context.pages) == 1
        reviewer.context.close()
        assert not errors, errors


@pytest.fixture(scope="module")
def sending(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Iterator[str]:
    """A server with its worker (the shared browser server does not send): the appointment's message exists."""
    with support.running_server(tmp_path_factory.mktemp("desk-server"), "--with-worker") as url:
        yield url


@pytest.fixture
def desk(browser: Browser, sending: str) -> Iterator[Page]:
    """A receptionist (role staff) logged in on the sending server; fails on any console error."""
    with httpx.Client(base_url=sending, headers=api_headers(sending), timeout=10) as client:
        email = f"desk-{uuid.uuid4().hex[:8]}@clinic.kr"
        made = client.post("/api/users", json={"email": email, "name": "접수 김하나", "role": "staff"})
        assert made.status_code == 201, made.text
        token = made.json()["setup_token"]
    context = browser.new_context(base_url=sending, viewport={"width": 1400, "height": 900}, locale="ko-KR")
    context.set_default_timeout(15_000)
    done = context.request.post("/api/auth/set-password", data={"token": token, "password": "front desk password"})
    assert done.ok, done.text()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


def book_and_wait_for_a_message(desk: Page, chart: str, name: str, phone: str, day: str, says: str = "") -> Locator:
    """Book a new patient in the appointment book; reopen the appointment until a message (holding ``says``) is
    listed (the worker sends it a moment later); the panel."""
    desk.goto("/appointments")
    desk.get_by_test_id("new-appointment-open").click()
    form = desk.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill(chart)
    form.get_by_test_id("new-name").fill(name)
    form.get_by_test_id("new-phone").fill(phone)
    form.get_by_test_id("new-starts-at").fill(f"{day}T15:00")
    form.get_by_test_id("create-appointment").click()
    panel = desk.get_by_test_id("appointment-panel")
    expect(panel).to_contain_text(chart)
    message = panel.get_by_test_id("appointment-message").filter(has_text=says)
    for _ in range(30):
        if message.count():
            break
        desk.wait_for_timeout(500)
        panel.get_by_test_id("appointment-close").click()
        desk.get_by_test_id("book-day-input").fill(day)
        desk.get_by_text(chart).first.click()
    return panel


def test_the_front_desk_sees_the_patient_masked_in_message_texts(desk: Page, sending: str, tmp_path: Path) -> None:
    # Given a live workflow that texts a booked patient at once, by name
    document = {
        **SMS_FLOW,
        "name": "예약 접수 확인 문자",
        "nodes": [
            {"id": "booked", "type": "trigger.appointment_booked", "position": {"x": 0, "y": 0}},
            {
                "id": "confirm",
                "type": "send.sms",
                "params": {"text": "{{ patient.name }}님, 예약이 접수되었습니다.", "purpose": "informational"},
                "position": {"x": 0, "y": 160},
            },
        ],
        "edges": [{"source": "booked", "target": "confirm"}],
    }
    with httpx.Client(base_url=sending, headers=api_headers(sending), timeout=10) as client:
        made = client.post("/api/workflows", json=document)
        assert made.status_code == 201, made.text
        assert client.post(f"/api/workflows/{made.json()['id']}/publish").status_code == 201
    day = (datetime.now(ZoneInfo("Asia/Seoul")) + timedelta(days=2)).date().isoformat()
    # When the receptionist books 황보수진 in the appointment book and opens it again once the confirmation went out
    panel = book_and_wait_for_a_message(desk, "D-7001", "황보수진", "010-7777-8888", day)
    message = panel.get_by_test_id("appointment-message")
    # Then the message reads 황**진 like the panel's header, never her full name or number
    expect(message.first).to_contain_text("황**진님, 예약이 접수되었습니다.")
    expect(panel).to_contain_text("황**진")
    expect(panel).not_to_contain_text("황보수진")
    expect(panel).not_to_contain_text("7777-8888")
    desk.screenshot(path=str(tmp_path / "desk-panel.png"))


def test_the_review_screen_names_each_message_by_its_node(browser: Browser, base_url: str) -> None:
    # Given a draft whose SMS node the manager named, and an unnamed staff notice
    document = {**SMS_FLOW, "name": f"검토용 안내 {uuid.uuid4().hex[:6]}"}
    document["nodes"] = [
        SMS_FLOW["nodes"][0],
        {**SMS_FLOW["nodes"][1], "label": "진료 전날 안내 문자"},
        {
            "id": "desk",
            "type": "notify.staff",
            "params": {"phones": ["010-1111-2222"], "text": "안내 문자를 보냈습니다."},
            "position": {"x": 0, "y": 320},
        },
    ]
    document["edges"] = [*SMS_FLOW["edges"], {"source": "notice", "target": "desk"}]
    workflow_id = create_workflow(base_url, document)
    # When a reviewer opens it on the review screen
    reviewer, errors = logged_in_as(browser, base_url, "reviewer")
    reviewer.goto(f"/reviewer/{workflow_id}")
    # Then each message is headed by the node's name (else its kind) and the field in words, not a JSON pointer
    sms = reviewer.get_by_test_id("review-message-notice")
    expect(sms.get_by_test_id("review-message-node")).to_have_text("진료 전날 안내 문자")
    expect(sms).to_contain_text("본문")
    expect(reviewer.get_by_test_id("review-message-desk").get_by_test_id("review-message-node")).to_have_text(
        "직원 알림"
    )
    expect(reviewer.get_by_test_id("review-messages")).not_to_contain_text("/params/")
    expect(reviewer.get_by_test_id("review-messages")).not_to_contain_text("notify.staff")
    reviewer.context.close()
    assert not errors, errors


def test_the_front_desk_sees_that_a_link_was_sent_and_opens_the_run_itself(desk: Page, sending: str) -> None:
    # Given a live workflow that texts a booked patient her confirm/cancel link
    name = f"예약 확인 링크 {uuid.uuid4().hex[:6]}"
    document = {
        **SMS_FLOW,
        "name": name,
        "nodes": [
            {"id": "booked", "type": "trigger.appointment_booked", "position": {"x": 0, "y": 0}},
            {
                "id": "link",
                "type": "send.sms",
                "params": {
                    "text": "{{ patient.name }}님, 예약 확인·취소: {{ appointment.confirm_link }}",
                    "purpose": "informational",
                },
                "position": {"x": 0, "y": 160},
            },
        ],
        "edges": [{"source": "booked", "target": "link"}],
    }
    with httpx.Client(base_url=sending, headers=api_headers(sending), timeout=10) as client:
        made = client.post("/api/workflows", json=document)
        assert made.status_code == 201, made.text
        workflow_id = made.json()["id"]
        assert client.post(f"/api/workflows/{workflow_id}/publish").status_code == 201
    day = (datetime.now(ZoneInfo("Asia/Seoul")) + timedelta(days=3)).date().isoformat()
    # When the receptionist books a patient and opens the appointment once the link went out
    panel = book_and_wait_for_a_message(desk, "D-7002", "남궁민아", "010-7272-8383", day, says="예약 확인·취소")
    message = panel.get_by_test_id("appointment-message").filter(has_text="예약 확인·취소").first
    # Then she sees that the link was sent (the clinic's address, cut after /p/) but never its token: whoever
    # holds it can confirm or cancel the appointment
    with httpx.Client(base_url=sending, headers=api_headers(sending), timeout=10) as client:
        [run] = client.get("/api/runs", params={"workflow_id": workflow_id}).json()["runs"]
        sent = [m["text"] for step in client.get(f"/api/runs/{run['id']}").json()["steps"] for m in step["messages"]]
    token = re.search(r"/p/([A-Za-z0-9_-]{20,})", sent[0])
    assert token, sent
    expect(message).to_contain_text(f"{sending}/p/…")
    expect(panel).not_to_contain_text(token.group(1))
    # When she clicks the workflow's name among the runs the appointment started
    panel.get_by_test_id("appointment-run").filter(has_text=name).get_by_test_id("run-link").click()
    # Then the runs monitor opens at that run: marked, unfolded, its steps listed (not the workflow's whole list)
    expect(desk).to_have_url(f"{sending}/runs/{workflow_id}/{run['id']}")
    row = desk.locator(f'[data-testid="run-row"][data-run-id="{run["id"]}"]')
    expect(row).to_have_attribute("data-focused", "true")
    expect(row).to_have_attribute("aria-expanded", "true")
    expect(desk.get_by_test_id("run-steps")).to_contain_text("문자 보내기")
    # And the browser's back button returns to the appointment book
    desk.go_back()
    expect(desk.get_by_test_id("appointments")).to_be_visible()


def test_each_role_is_offered_only_what_the_server_lets_it_do(page: Page, base_url: str, browser: Browser) -> None:
    # Given a published manual workflow (a version to restore or compare, a "start" button for who may start it)
    name = f"직접 안내 {uuid.uuid4().hex[:6]}"
    with published_workflow(base_url, {**SMS_FLOW, "name": name}) as workflow_id:
        # The manager is offered restoring and comparing the version, and starting the workflow
        page.goto(f"/workflows/{workflow_id}")
        expect(page.get_by_test_id("workflow-name")).to_have_value(name)
        expect(page.get_by_test_id("start-open")).to_be_visible()
        page.get_by_test_id("tab-versions").click()
        expect(page.get_by_test_id("restore-version-1")).to_be_visible()
        expect(page.get_by_test_id("diff-version-1")).to_be_visible()
        # A reviewer reads and compares (the server lets her) but neither restores nor starts (it refuses both)
        reviewer, errors = logged_in_as(browser, base_url, "reviewer")
        reviewer.goto(f"/workflows/{workflow_id}")
        expect(reviewer.get_by_test_id("readonly-badge")).to_be_visible()
        reviewer.get_by_test_id("tab-versions").click()
        reviewer.get_by_test_id("diff-version-1").click()
        expect(reviewer.get_by_test_id("version-diff")).to_contain_text("v1")
        expect(reviewer.get_by_test_id("restore-version-1")).to_have_count(0)
        expect(reviewer.get_by_test_id("start-open")).to_have_count(0)
        expect(reviewer.get_by_test_id("workflow-pause")).to_have_count(0)
        # nor is she told to drop workflow files on a home page that imports none for her
        reviewer.goto("/")
        expect(reviewer.get_by_test_id("workflow-list")).to_be_visible()
        expect(reviewer.get_by_test_id("home")).not_to_contain_text("끌어다 놓아도")
        reviewer.context.close()
        assert not errors, errors
        # Staff start workflows and restore drafts but neither publish, pause nor archive (workflow.publish)
        desk, errors = logged_in_as(browser, base_url, "staff")
        desk.goto(f"/workflows/{workflow_id}")
        expect(desk.get_by_test_id("workflow-name")).to_have_value(name)
        expect(desk.get_by_test_id("start-open")).to_be_visible()
        expect(desk.get_by_test_id("publish")).to_have_count(0)
        expect(desk.get_by_test_id("workflow-pause")).to_have_count(0)
        desk.get_by_test_id("tab-versions").click()
        expect(desk.get_by_test_id("restore-version-1")).to_be_visible()
        # and they read the procedure catalogue, which a manager (settings.write) changes
        desk.goto("/appointments/procedures")
        expect(desk.get_by_test_id("catalogue-readonly")).to_be_visible()
        expect(desk.get_by_test_id("catalogue-save")).to_have_count(0)
        desk.context.close()
        assert not errors, errors


SEVERITIES = """() => [...document.querySelectorAll('[data-testid="problem"]')]
  .map((p) => ['error', 'warning', 'info'].find((s) => p.classList.contains('sev-' + s)))"""


def test_a_reviewer_reads_the_suggested_rewrites_and_errors_come_first(
    page: Page, base_url: str, browser: Browser
) -> None:
    # Given an advertisement with a superlative (an error with a suggested rewrite) that may go out at night (a
    # warning of the whole flow, which the server lists first)
    ad = {
        "format": "doctorsflow.workflow/v1",
        "name": f"라식 광고 {uuid.uuid4().hex[:6]}",
        "nodes": [
            {"id": "start", "type": "trigger.manual", "position": {"x": 0, "y": 0}},
            {
                "id": "ad",
                "type": "send.sms",
                "label": "이벤트 문자",
                "params": {
                    "text": "(광고) [밝은눈안과] 국내 유일 최고의 라식 수술! 무료수신거부 080-555-1234",
                    "purpose": "advertising",
                },
                "position": {"x": 0, "y": 160},
            },
        ],
        "edges": [{"source": "start", "target": "ad"}],
    }
    workflow_id = create_workflow(base_url, ad)
    # When the manager opens it: errors first, then warnings, then notes; each rewrite offered with its button
    page.goto(f"/workflows/{workflow_id}")
    expect(page.get_by_test_id("apply-suggestion").first).to_be_visible()
    severities = page.evaluate(SEVERITIES)
    assert "warning" in severities and severities == sorted(severities, key=["error", "warning", "info"].index)
    # When a reviewer opens it: the same rewrites to read, no button that would change a draft she cannot save,
    # and no drawing instructions
    reviewer, errors = logged_in_as(browser, base_url, "reviewer")
    reviewer.goto(f"/workflows/{workflow_id}")
    expect(reviewer.get_by_test_id("suggestion").first).to_be_visible()
    expect(reviewer.get_by_test_id("apply-suggestion")).to_have_count(0)
    expect(reviewer.get_by_test_id("inspector")).not_to_contain_text("Ctrl+S")
    # and the send preview runs on the sample patient, with no search of real patients she may not read
    reviewer.get_by_test_id("tab-timeline").click()
    expect(reviewer.get_by_test_id("preview-case")).to_be_visible()
    expect(reviewer.get_by_test_id("preview-patient-search")).to_have_count(0)
    # And on the review screen the flow's own findings name the node as its card does, not by its id
    reviewer.goto(f"/reviewer/{workflow_id}")
    expect(reviewer.get_by_test_id("review-finding-node").first).to_have_text("이벤트 문자")
    reviewer.context.close()
    assert not errors, errors
