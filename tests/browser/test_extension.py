"""The booking-capture extension (extension/, Chrome MV3) loaded unpacked in Chromium: on saved Naver and Kakao
booking fixture pages it reads the reservations shown and sends them, signed, to the real DoctorsFlow server —
new ones once (a page shown again sends nothing), a moved one as rescheduled, a cancelled one as cancelled."""

from __future__ import annotations

import functools
import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.helpers import create_workflow
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.documents import workflow
from tests.support.server import ROOT, api_headers

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "extension" / "fixtures"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def fixture_site() -> Iterator[str]:
    """The saved booking pages, served locally."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(FIXTURES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def extension_dir(tmp_path: Path) -> Path:
    """The extension as shipped, plus the local fixture pages in its content-script matches (test only)."""
    target = tmp_path / "extension"
    shutil.copytree(ROOT / "extension", target)
    manifest = json.loads((target / "manifest.json").read_text("utf-8"))
    manifest["content_scripts"][0]["matches"].append("http://127.0.0.1/naver/*")
    manifest["content_scripts"][1]["matches"].append("http://127.0.0.1/kakao/*")
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return target


@pytest.fixture
def extension_context(browser: Browser, extension_dir: Path, tmp_path: Path) -> Iterator[tuple[BrowserContext, str]]:
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=False,
        args=[
            *CHROMIUM_ARGS,
            "--headless=new",
            f"--disable-extensions-except={extension_dir}",
            f"--load-extension={extension_dir}",
        ],
        locale="ko-KR",
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    yield context, worker.url.split("/")[2]
    context.close()


def _published(base_url: str, trigger: str, name: str) -> int:
    document = workflow(
        [
            {"id": "start", "type": trigger},
            {"id": "note", "type": "send.sms", "params": {"text": "예약 안내입니다.", "purpose": "informational"}},
        ],
        [("start", "note")],
        name=name,
    )
    workflow_id = create_workflow(base_url, document)
    assert (
        httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", headers=api_headers(), timeout=10).status_code
        == 201
    )
    return workflow_id


def _runs(base_url: str, workflow_id: int) -> list[dict[str, Any]]:
    answer = httpx.get(f"{base_url}/api/runs", params={"workflow_id": workflow_id}, headers=api_headers(), timeout=10)
    runs: list[dict[str, Any]] = answer.json()["runs"]
    return runs


def _until(check: Any, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {what}")
        time.sleep(0.3)


def test_extension_sends_new_moved_and_cancelled_reservations_signed(
    extension_context: tuple[BrowserContext, str], fixture_site: str, base_url: str
) -> None:
    context, extension_id = extension_context
    # Given the clinic's secret (made in 발송 설정 → 연동) and workflows on booked and cancelled appointments
    made = httpx.post(
        f"{base_url}/api/webhook-secrets", json={"name": "확장 프로그램"}, headers=api_headers(), timeout=10
    )
    secret = made.json()["secret"]
    booked = _published(base_url, "trigger.appointment_booked", "확장: 예약 접수")
    cancelled = _published(base_url, "trigger.appointment_cancelled", "확장: 예약 취소")
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))

    # When the receptionist enters the clinic address and secret once in the options page
    options = context.new_page()
    options.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    options.goto(f"chrome-extension://{extension_id}/options.html")
    options.fill("#eventUrl", f"{base_url}/api/webhooks/default/events")
    options.fill("#secret", secret)
    options.click("#save")
    expect(options.locator("#saved")).to_be_visible()

    # And opens the Naver booking list
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{fixture_site}/naver/booking-list.html")
    # Then the two readable, active reservations arrive as signed booked events (a cancellation never seen
    # booked and a row with a masked phone are left alone)
    _until(lambda: len(_runs(base_url, booked)) == 2, "two booked events")
    names = sorted(r["patient"]["name"] for r in _runs(base_url, booked))
    assert names == ["박*호", "이*연"]
    # When the same page is shown again, nothing more is sent
    page.reload()
    time.sleep(2)
    assert len(_runs(base_url, booked)) == 2
    # When the next day's list shows one reservation moved and one cancelled
    page.goto(f"{fixture_site}/naver/booking-list-next-day.html")
    _until(lambda: len(_runs(base_url, cancelled)) == 1, "the cancelled event")
    assert len(_runs(base_url, booked)) == 2  # the move is a reschedule, not a new booking
    expect(options.locator("#status")).to_contain_text("보냄 / sent 4 · 실패 / failed 0", timeout=10_000)
    # And the Kakao page, whose rows arrive after it loaded, is read too
    page.goto(f"{fixture_site}/kakao/reservations.html")
    _until(lambda: len(_runs(base_url, booked)) == 3, "the Kakao booking")
    assert not errors, errors


def test_a_wrong_secret_is_refused_and_shown(
    extension_context: tuple[BrowserContext, str], fixture_site: str, base_url: str
) -> None:
    context, extension_id = extension_context
    options = context.new_page()
    options.goto(f"chrome-extension://{extension_id}/options.html")
    options.fill("#eventUrl", f"{base_url}/api/webhooks/default/events")
    options.fill("#secret", "whsec_not-the-clinics-secret")
    options.click("#save")
    page = context.new_page()
    page.goto(f"{fixture_site}/kakao/reservations.html")
    expect(options.locator("#status")).to_contain_text("서명이 맞지 않습니다", timeout=15_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026.12.08(화)", "2026-12-08"),
        ("2026-12-08", "2026-12-08"),
        ("2026년 12월 8일 (화)", "2026-12-08"),
        ("20261208", "2026-12-08"),
        ("12월 15일 (화)", "2026-12-15"),
        ("1.05", "2027-01-05"),  # seen in December: next January
        ("날짜 없음", None),
    ],
)
def test_extension_reads_korean_dates(browser: Browser, text: str, expected: str | None) -> None:
    page = browser.new_page()
    page.add_script_tag(path=str(ROOT / "extension" / "parse.js"))
    found = page.evaluate("([t]) => DoctorsFlowParse.parseDate(t, new Date(2026, 11, 5))", [text])
    page.close()
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("오후 2:30", "14:30"),
        ("14:30", "14:30"),
        ("오전 9시 30분", "09:30"),
        ("오후 12:00", "12:00"),
        ("오전 12:10", "00:10"),
        ("2:30 PM", "14:30"),
        ("25:00", None),
        ("", None),
    ],
)
def test_extension_reads_korean_times(browser: Browser, text: str, expected: str | None) -> None:
    page = browser.new_page()
    page.add_script_tag(path=str(ROOT / "extension" / "parse.js"))
    found = page.evaluate("([t]) => DoctorsFlowParse.parseTime(t)", [text])
    phone = page.evaluate(
        "() => [DoctorsFlowParse.parsePhone('010-2211-3344'), DoctorsFlowParse.parsePhone('010-****-5544')]"
    )
    page.close()
    assert found == expected
    assert phone == ["01022113344", None]
