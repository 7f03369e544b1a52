"""The workflow lifecycle as a manager uses it, against a server that also sends (``serve --with-worker``):
the publish confirmation with its impact; pause holds a due message and resume sends it once; archive cancels
what is pending; stopping a run from the runs monitor; the frequency rule skipping the second copy."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import APIResponse, Browser, Page, Route, expect

from tests.browser.helpers import logged_in_context
from tests.support import server as support
from tests.support.documents import workflow

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def sending(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Iterator[tuple[str, Path]]:
    """A second server with its worker and scheduler (the shared browser server does not send); its data dir."""
    data_dir = tmp_path_factory.mktemp("lifecycle-server")
    with support.running_server(data_dir, "--with-worker") as url:
        yield url, data_dir


@pytest.fixture
def ui(browser: Browser, sending: tuple[str, Path]) -> Iterator[Page]:
    """A logged-in page of the sending server that fails the test on any console error; dialogs accepted."""
    context = logged_in_context(browser, sending[0], 1400, 900)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and not m.text.startswith("Failed to load") else None,
    )
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()
    assert not errors, f"errors in the page or its console: {errors[:5]}"


def _api(sending: tuple[str, Path], method: str, path: str, body: Any = None) -> Any:
    answer = httpx.request(
        method, f"{sending[0]}{path}", json=body, timeout=15, headers=support.api_headers(sending[0])
    )
    assert answer.status_code < 300, answer.text
    return answer.json() if answer.content else None


def _flow(name: str, procedure: str, *, wait_minutes: int = 0, text: str = "내일 뵙겠습니다") -> dict[str, Any]:
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "trigger.appointment_booked", "params": {"procedures": [procedure]}}
    ]
    edges: list[tuple[str, str] | tuple[str, str, str]] = []
    if wait_minutes:
        nodes.append({"id": "later", "type": "wait.duration", "params": {"days": 0, "minutes": wait_minutes}})
        edges.append(("start", "later"))
    nodes.append({"id": "note", "type": "send.sms", "params": {"text": text, "purpose": "informational"}})
    edges.append((edges[-1][1] if edges else "start", "note"))
    return workflow(nodes, edges, name=name)


def _book(sending: tuple[str, Path], key: str, procedure: str, *, days: int = 2, chart: str = "L-1") -> int | None:
    starts = (datetime.now(UTC) + timedelta(days=days)).isoformat()
    event = {
        "type": "appointment.booked",
        "external_id": key,
        "occurred_at": datetime.now(UTC).isoformat(),
        "patient": {"chart_no": chart, "name": "최유리", "phone": "010-5555-6666"},
        "appointment": {"id": f"apt-{key}", "starts_at": starts, "procedure": procedure},
    }
    runs = _api(sending, "POST", "/api/events", event)["runs"]
    return int(runs[0]["id"]) if runs else None


def _make_due(sending: tuple[str, Path], run_id: int) -> None:
    """Time passes: the run's wait is due now (the server's embedded SQLite, as the scheduler reads it)."""
    with sqlite3.connect(sending[1] / "doctorsflow.db", timeout=30) as db:
        db.execute(
            "UPDATE run_steps SET due_at = '2000-01-01 00:00:00.000000' WHERE run_id = ? AND status = 'waiting'",
            (run_id,),
        )


def _messages(sending: tuple[str, Path], run_id: int) -> list[dict[str, Any]]:
    return list(_api(sending, "GET", f"/api/messages?run_id={run_id}")["messages"])


def _eventually_steady(check: Any, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.3)


def _open_loaded(ui: Page, path: str) -> None:
    """Open an editor page and wait until its loading requests are answered, as a user who acts on what they see:
    the editor asks for the workflow more than once while it loads, and an answer still on its way when the pause
    or archive answer arrives would show the status from before it (on a loaded machine, make test)."""
    ui.goto(path)
    ui.wait_for_load_state("networkidle")


def test_publishing_asks_first_with_the_impact(ui: Page, sending: tuple[str, Path]) -> None:
    # Given an active LASEK workflow and two LASEK bookings within the next 7 days (and one later)
    live = _api(sending, "POST", "/api/workflows", _flow("라섹 안내 (운영 중)", "lasek", wait_minutes=30))["id"]
    _api(sending, "POST", f"/api/workflows/{live}/publish")
    for n, days in ((1, 1), (2, 6), (3, 20)):
        _book(sending, f"pub-{n}", "lasek", days=days, chart=f"P-{n}")
    draft = _api(sending, "POST", "/api/workflows", _flow("라섹 새 안내", "lasek", text="라섹 수술 안내드립니다"))["id"]
    # When the manager opens the new workflow and presses publish
    ui.goto(f"/workflows/{draft}")
    expect(ui.get_by_test_id("workflow-status")).to_have_text("초안")
    ui.get_by_test_id("publish").click()
    # Then a dialog shows the trigger, 2 patients for the next 7 days, the first message and the overlap warning
    dialog = ui.get_by_test_id("publish-dialog")
    expect(dialog).to_be_visible()
    expect(ui.get_by_test_id("impact-trigger")).to_contain_text("예약 접수")
    expect(ui.get_by_test_id("impact-enrol")).to_have_text("2")
    expect(ui.get_by_test_id("impact-first-message")).to_contain_text("라섹 수술 안내드립니다")
    expect(ui.get_by_test_id("impact-overlap")).to_contain_text("라섹 안내 (운영 중)")
    expect(ui.get_by_test_id("impact-warning")).to_contain_text("라섹 안내 (운영 중)")
    # And cancelling publishes nothing; confirming publishes version 1, now active
    ui.get_by_test_id("publish-cancel").click()
    expect(dialog).to_have_count(0)
    assert _api(sending, "GET", f"/api/workflows/{draft}")["status"] == "draft"
    ui.get_by_test_id("publish").click()
    ui.get_by_test_id("publish-confirm").click()
    expect(ui.get_by_test_id("published-version")).to_contain_text("v1")
    expect(ui.get_by_test_id("workflow-status")).to_have_text("운영 중")
    # And the list shows both as active
    ui.get_by_test_id("back-home").click()
    row = ui.get_by_test_id("workflow-row").filter(has_text="라섹 새 안내")
    expect(row.get_by_test_id("workflow-status")).to_have_text("운영 중")


def test_a_cancellation_workflow_says_its_7_day_figure_is_a_maximum(ui: Page, sending: tuple[str, Path]) -> None:
    # found in the user trial: "다음 7일 예상 등록 환자 2명" for a cancellation trigger (only those who cancel enrol)
    # Given two cataract bookings in the next 7 days and a draft that starts when a booking is cancelled
    for n, days in ((1, 1), (2, 3)):
        _book(sending, f"max-{n}", "cataract", days=days, chart=f"M-{n}")
    doc = _flow("예약 취소 안내", "cataract", text="예약이 취소되었습니다")
    doc["nodes"][0]["type"] = "trigger.appointment_cancelled"
    draft = _api(sending, "POST", "/api/workflows", doc)["id"]
    # When the manager presses publish
    ui.goto(f"/workflows/{draft}")
    expect(ui.get_by_test_id("workflow-status")).to_have_text("초안")
    ui.get_by_test_id("publish").click()
    # Then the figure reads "최대 2 명" and says that only patients who cancel enrol
    figure = ui.get_by_test_id("impact-enrol-figure")
    expect(figure).to_be_visible(timeout=20_000)  # the draft is saved first: slow on a loaded machine
    expect(ui.get_by_test_id("impact-enrol")).to_have_text("2")
    expect(figure).to_contain_text("최대 2")
    expect(figure).to_contain_text("취소한 환자만")
    ui.get_by_test_id("publish-cancel").click()
    # And in English the figure and the unnamed message node read in English too
    ui.get_by_test_id("lang-switch").click()
    ui.get_by_test_id("publish").click()
    expect(figure).to_contain_text("at most 2 patients", timeout=20_000)
    expect(ui.get_by_test_id("impact-first-message")).to_contain_text("Send SMS")
    ui.get_by_test_id("publish-cancel").click()
    ui.get_by_test_id("lang-switch").click()
    # And a workflow started by hand shows no number at all
    manual = _api(
        sending,
        "POST",
        "/api/workflows",
        {**doc, "name": "수동 안내", "nodes": [{"id": "start", "type": "trigger.manual"}, *doc["nodes"][1:]]},
    )["id"]
    ui.goto(f"/workflows/{manual}")
    expect(ui.get_by_test_id("workflow-status")).to_have_text("초안")
    ui.get_by_test_id("publish").click()
    expect(ui.get_by_test_id("impact-enrol")).to_have_text("예측 없음", timeout=20_000)
    expect(ui.get_by_test_id("impact-enrol-figure")).not_to_contain_text("명")


def test_pause_holds_a_due_message_and_resume_sends_it_once(ui: Page, sending: tuple[str, Path]) -> None:
    # Given a published workflow whose run waits before its message
    wid = _api(sending, "POST", "/api/workflows", _flow("라식 대기 안내", "lasik", wait_minutes=30))["id"]
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    run_id = _book(sending, "pause-1", "lasik", chart="Q-1")
    assert run_id is not None
    # When the manager pauses it in the editor, and the wait comes due
    _open_loaded(ui, f"/workflows/{wid}")
    ui.get_by_test_id("workflow-pause").click()
    expect(ui.get_by_test_id("workflow-status")).to_have_text("일시정지")
    _make_due(sending, run_id)
    time.sleep(4)  # several scheduler passes
    # Then nothing is sent, and the runs monitor shows the send held
    assert _messages(sending, run_id) == []
    ui.goto(f"/runs/{wid}")
    row = ui.locator(f'[data-testid="run-row"][data-run-id="{run_id}"]')
    expect(row.get_by_test_id("run-workflow")).to_contain_text("라식 대기 안내")
    expect(row.get_by_test_id("run-next")).to_contain_text("보류")
    # When it is resumed
    _open_loaded(ui, f"/workflows/{wid}")
    ui.get_by_test_id("workflow-resume").click()
    expect(ui.get_by_test_id("workflow-status")).to_have_text("운영 중")
    # Then the message goes out, once, and the live monitor shows it
    _eventually_steady(lambda: [m["status"] for m in _messages(sending, run_id)] == ["delivered"])
    ui.goto(f"/runs/{wid}")
    ui.locator(f'[data-testid="run-row"][data-run-id="{run_id}"]').click()
    expect(ui.get_by_test_id("run-message")).to_contain_text("전달")
    time.sleep(3)
    assert len(_messages(sending, run_id)) == 1


def test_a_status_read_answered_after_the_pause_does_not_undo_it(ui: Page, sending: tuple[str, Path]) -> None:
    # Given a published workflow whose editor asks for it again once loaded, and that answer is slow to arrive
    wid = _api(sending, "POST", "/api/workflows", _flow("느린 응답 안내", "lasik"))["id"]
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    reads: list[Any] = []
    held: list[tuple[Route, APIResponse]] = []

    def slow_line(route: Route) -> None:
        reads.append(route.request.url)
        if route.request.method != "GET" or len(reads) == 1:
            route.continue_()
        else:  # answered by the server now (still active), delivered to the page later
            held.append((route, route.fetch()))

    ui.route(f"**/api/workflows/{wid}", slow_line)
    ui.goto(f"/workflows/{wid}")
    expect(ui.get_by_test_id("workflow-status")).to_have_text("운영 중")
    deadline = time.monotonic() + 10
    while not held:  # the page's events run only inside Playwright calls, hence its own wait
        assert time.monotonic() < deadline, "the editor asked for the workflow only once"
        ui.wait_for_timeout(100)
    # When the manager pauses it before that answer comes in
    ui.get_by_test_id("workflow-pause").click()
    expect(ui.get_by_test_id("workflow-status")).to_have_text("일시정지")
    for route, answer in held:
        route.fulfill(response=answer)
    ui.wait_for_timeout(1500)
    # Then the late answer (from before the pause) does not put "운영 중" back
    expect(ui.get_by_test_id("workflow-status")).to_have_text("일시정지")
    assert _api(sending, "GET", f"/api/workflows/{wid}")["status"] == "paused"


def test_archive_cancels_pending_sends(ui: Page, sending: tuple[str, Path]) -> None:
    # Given a run waiting to send
    wid = _api(sending, "POST", "/api/workflows", _flow("스마일 안내", "smile", wait_minutes=30))["id"]
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    run_id = _book(sending, "arch-1", "smile", chart="S-1")
    assert run_id is not None
    # When the manager archives the workflow
    _open_loaded(ui, f"/workflows/{wid}")
    ui.get_by_test_id("workflow-archive").click()
    expect(ui.get_by_test_id("workflow-status")).to_have_text("보관됨")
    # Then its run is cancelled, and even once the wait would have come due nothing is sent
    _make_due(sending, run_id)
    time.sleep(3)
    assert _messages(sending, run_id) == []
    ui.goto(f"/runs/{wid}")
    row = ui.locator(f'[data-testid="run-row"][data-run-id="{run_id}"]')
    expect(row).to_have_attribute("data-status", "cancelled")
    expect(row).to_contain_text("보관")
    # And the home page lists it under "보관됨" (hidden from the default list); a new booking enrols no one
    assert _book(sending, "arch-2", "smile", chart="S-2") is None
    ui.goto("/")
    expect(ui.get_by_test_id("workflow-row").filter(has_text="스마일 안내")).to_have_count(0)
    ui.get_by_test_id("status-filter-archived").click()
    expect(
        ui.get_by_test_id("workflow-row").filter(has_text="스마일 안내").get_by_test_id("workflow-status")
    ).to_have_text("보관됨")


def test_stopping_a_run_from_the_runs_monitor(ui: Page, sending: tuple[str, Path]) -> None:
    # Given a run waiting to send
    wid = _api(sending, "POST", "/api/workflows", _flow("ICL 안내", "icl", wait_minutes=30))["id"]
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    run_id = _book(sending, "stop-1", "icl", chart="I-1")
    assert run_id is not None
    # When staff click its row (anywhere) in the runs monitor and stop it
    ui.goto("/runs")
    ui.get_by_test_id("runs-workflow").select_option(str(wid))
    row = ui.locator(f'[data-testid="run-row"][data-run-id="{run_id}"]')
    row.get_by_test_id("run-next").click()
    ui.get_by_test_id("stop-run").click()
    # Then the run is cancelled (the monitor refreshes), and nothing is sent when the wait comes due
    expect(row).to_have_attribute("data-status", "cancelled")
    _make_due(sending, run_id)
    time.sleep(3)
    assert _messages(sending, run_id) == []
    # And the status filter finds it among the cancelled runs
    ui.get_by_test_id("runs-status").select_option("cancelled")
    expect(ui.locator(f'[data-testid="run-row"][data-run-id="{run_id}"]')).to_be_visible()


def test_the_frequency_rule_skips_the_second_copy(ui: Page, sending: tuple[str, Path]) -> None:
    # Given two active workflows that send the same text on the same trigger
    same = "녹내장 정기 검진 안내드립니다"
    first = _api(sending, "POST", "/api/workflows", _flow("녹내장 안내 A", "glaucoma", text=same))["id"]
    second = _api(sending, "POST", "/api/workflows", _flow("녹내장 안내 B", "glaucoma", text=same))["id"]
    for wid in (first, second):
        _api(sending, "POST", f"/api/workflows/{wid}/publish")
    # When one booking fires both
    _book(sending, "freq-1", "glaucoma", chart="G-1")
    runs = {
        r["workflow_id"]: r["id"]
        for r in _api(sending, "GET", "/api/runs")["runs"]
        if r["workflow_id"] in (first, second)
    }
    _eventually_steady(
        lambda: all(
            _messages(sending, runs[w]) and _messages(sending, runs[w])[0]["status"] in ("delivered", "skipped")
            for w in runs
        )
    )
    # Then one copy is delivered and the other skipped, with the reason shown in the runs monitor
    statuses = sorted(_messages(sending, runs[w])[0]["status"] for w in runs)
    assert statuses == ["delivered", "skipped"]
    skipped_run = next(runs[w] for w in runs if _messages(sending, runs[w])[0]["status"] == "skipped")
    ui.goto("/runs")
    ui.locator(f'[data-testid="run-row"][data-run-id="{skipped_run}"]').click()
    message = ui.get_by_test_id("run-message")
    expect(message).to_contain_text("건너뜀")
    expect(message).to_contain_text("빈도 제한")


def test_restore_a_past_version_and_see_the_diff(ui: Page, sending: tuple[str, Path]) -> None:
    # Given version 1, and version 2 with another text
    document = _flow("안과 검진 안내", "eye_exam", text="검진 날짜를 확인해 주세요")
    wid = _api(sending, "POST", "/api/workflows", document)["id"]
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    changed = {
        **document,
        "nodes": [
            *document["nodes"][:-1],
            {**document["nodes"][-1], "params": {"text": "검진 시간을 꼭 확인해 주세요", "purpose": "informational"}},
        ],
    }
    _api(sending, "PUT", f"/api/workflows/{wid}", changed)
    _api(sending, "POST", f"/api/workflows/{wid}/publish")
    # When the manager compares version 1 with the draft in the versions tab
    ui.goto(f"/workflows/{wid}")
    ui.get_by_test_id("tab-versions").click()
    ui.get_by_test_id("diff-version-1").click()
    # Then the changed text is shown, old and new
    change = ui.get_by_test_id("diff-change")
    expect(change).to_contain_text("nodes/note/params/text")
    expect(change).to_contain_text("검진 날짜를 확인해 주세요")
    expect(change).to_contain_text("검진 시간을 꼭 확인해 주세요")
    # When version 1 is restored as the draft
    ui.get_by_test_id("restore-version-1").click()
    expect(ui.get_by_test_id("toast-ok").last).to_contain_text("버전 1")
    # Then the draft is version 1 again while version 2 stays live
    detail = _api(sending, "GET", f"/api/workflows/{wid}")
    assert detail["document"]["nodes"][-1]["params"]["text"] == "검진 날짜를 확인해 주세요"
    assert detail["published_version"] == 2 and detail["status"] == "active"


def test_starting_an_example_twice_names_the_copy_distinctly(ui: Page) -> None:
    # When the manager starts the same example twice
    for _ in range(2):
        ui.goto("/")
        ui.get_by_test_id("import-example-appointment-cancelled").click()
        expect(ui.get_by_test_id("editor")).to_be_visible()
    # Then the home page lists two copies with different names
    ui.goto("/")
    copies = ui.get_by_test_id("workflow-row").filter(has_text="예약 취소 확인과 직원 알림")
    expect(copies).to_have_count(2)
    expect(copies.filter(has_text="예약 취소 확인과 직원 알림 (2)")).to_have_count(1)
