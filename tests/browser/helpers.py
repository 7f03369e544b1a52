"""What a user does in the editor, as small functions over stable data-testid attributes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import httpx
from playwright.sync_api import Browser, BrowserContext

from tests.support.server import MANAGER_EMAIL, MANAGER_PASSWORD, api_headers

Page = Any  # playwright.sync_api.Page (kept loose: tests drive it like a user)


def drop_from_palette(page: Page, node_type: str, x: int, y: int) -> None:
    """Drag a node type from the palette onto the canvas at (x, y) within the canvas."""
    page.get_by_test_id(f"palette-{node_type}").drag_to(page.get_by_test_id("canvas"), target_position={"x": x, "y": y})


def connect(page: Page, source: str, port: str, target: str) -> None:
    """Drag from a node's output port to another node's input, with the mouse, like a person."""
    start = page.get_by_test_id(f"handle-{source}-{port}").bounding_box()
    end = page.get_by_test_id(f"handle-{target}-in").bounding_box()
    assert start and end
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=12)
    page.mouse.up()


def edge_count(page: Page) -> int:
    return int(page.locator(".react-flow__edge").count())


def create_workflow(base_url: str, document: dict[str, Any]) -> int:
    """Store a workflow through the HTTP API (the set-up a test starts from)."""
    response = httpx.post(f"{base_url}/api/workflows", json=document, timeout=10, headers=api_headers(base_url))
    assert response.status_code == 201, response.text
    workflow_id: int = response.json()["id"]
    return workflow_id


def publish(base_url: str, workflow_id: int) -> None:
    answer = httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", timeout=10, headers=api_headers())
    assert answer.status_code == 201, answer.text


@contextmanager
def published_workflow(base_url: str, document: dict[str, Any]) -> Iterator[int]:
    """A workflow created and published through the API, archived afterwards: a live booking trigger would
    start runs in other tests on the shared server."""
    workflow_id = create_workflow(base_url, document)
    try:
        publish(base_url, workflow_id)
        yield workflow_id
    finally:
        httpx.post(f"{base_url}/api/workflows/{workflow_id}/archive", timeout=10, headers=api_headers())


def book(base_url: str, external_id: str, patient: dict[str, str], appointment: dict[str, str]) -> None:
    """An `appointment.booked` event through the API, as an EMR's webhook would send it."""
    event = {
        "type": "appointment.booked",
        "external_id": external_id,
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": patient,
        "appointment": appointment,
    }
    answer = httpx.post(f"{base_url}/api/events", json=event, timeout=10, headers=api_headers())
    assert answer.status_code in (200, 201), answer.text


def korean_when(day: date, hour: int, minute: int = 0) -> str:
    """How every page writes a Seoul date and time: ``2026년 12월 8일 (화) 오후 3:30`` (builder_ui/src/i18n/dates.ts)."""
    half = "오전" if hour < 12 else "오후"
    weekday = "월화수목금토일"[day.weekday()]
    return f"{day.year}년 {day.month}월 {day.day}일 ({weekday}) {half} {hour % 12 or 12}:{minute:02d}"


def logged_in_context(browser: Browser, base_url: str, width: int, height: int) -> BrowserContext:
    """A fresh browser context logged in as the test manager: its pages share the session and CSRF cookies."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height}, locale="ko-KR")
    login = context.request.post("/api/auth/login", data={"email": MANAGER_EMAIL, "password": MANAGER_PASSWORD})
    assert login.ok, login.text()
    return context
