"""The editor, driven like a clinic manager would: drag, connect, fill, check, save, reload."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, connect, drop_from_palette, edge_count
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

TRIGGER = "trigger_appointment_booked_1"
WAIT = "wait_duration_1"
SMS = "send_sms_1"


def test_drawn_workflow_is_checked_live_saved_and_reopened(page: Page, base_url: str) -> None:
    # Given a new workflow
    page.goto("/workflows/new")
    expect(page.get_by_test_id("palette-trigger.appointment_booked")).to_be_visible()

    # When three nodes are dragged from the palette and connected
    drop_from_palette(page, "trigger.appointment_booked", 300, 80)
    drop_from_palette(page, "wait.duration", 300, 230)
    drop_from_palette(page, "send.sms", 300, 380)
    for node in (TRIGGER, WAIT, SMS):
        expect(page.get_by_test_id(f"node-{node}")).to_be_visible()
    connect(page, TRIGGER, "out", WAIT)
    connect(page, WAIT, "out", SMS)
    expect(page.locator(".react-flow__edge")).to_have_count(2)

    # And the wait node's form is filled with nothing to wait for
    page.get_by_test_id(f"node-{WAIT}").click()
    days = page.locator("#root_days")
    days.fill("0")
    # Then the server's validation error shows on the node and in the problems panel
    expect(page.get_by_test_id(f"badge-error-{WAIT}")).to_be_visible()
    problem = page.locator(f'[data-testid="problem"][data-node="{WAIT}"]').first
    expect(problem).to_be_visible()

    # When the problem is clicked with another node selected, its node and field are brought back
    page.get_by_test_id(f"node-{TRIGGER}").click()
    expect(page.get_by_test_id("inspector-node-id")).to_have_text(TRIGGER)
    problem.click()
    expect(page.get_by_test_id("inspector-node-id")).to_have_text(WAIT)
    expect(days).to_be_focused()

    # When the form is corrected, the error disappears
    days.fill("3")
    expect(page.get_by_test_id(f"badge-error-{WAIT}")).to_have_count(0)
    expect(page.locator(f'[data-testid="problem"][data-node="{WAIT}"]')).to_have_count(0)

    # And selecting another node afterwards leaves the caret alone (the problem's focus request was used once)
    page.get_by_test_id(f"node-{SMS}").click()
    page.wait_for_timeout(300)
    expect(page.locator(".inspector form :focus")).to_have_count(0)

    # And the message of the SMS is typed: the preview shows the sample patient and the byte count
    page.locator("#root_text").fill("{{ patient.name }}님, 내일 예약을 잊지 마세요.")
    expect(page.get_by_test_id("message-preview")).to_contain_text("김민지님, 내일 예약을 잊지 마세요.")
    expect(page.get_by_test_id("sms-kind")).to_have_text("SMS")

    # When it is saved with Ctrl+S and the page reloaded
    name = page.get_by_test_id("workflow-name")
    name.fill("예약 안내 테스트")
    expect(name).to_have_value("예약 안내 테스트")
    expect(page.get_by_test_id("save-state")).to_have_text("저장되지 않은 변경")
    page.get_by_test_id("canvas").click(position={"x": 700, "y": 500})
    page.keyboard.press("Control+s")
    expect(page).to_have_url(re.compile(r"/workflows/\d+$"))
    expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    # And the server holds what was typed (read through the API, not the page's own state)
    stored = httpx.get(
        f"{base_url}/api/workflows/{page.url.rsplit('/', 1)[1]}", headers=api_headers(base_url), timeout=30
    )
    assert stored.json()["document"]["name"] == "예약 안내 테스트"
    page.reload()

    # Then the same graph is back, with the wait node's params
    for node in (TRIGGER, WAIT, SMS):
        expect(page.get_by_test_id(f"node-{node}")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    expect(page.get_by_test_id("workflow-name")).to_have_value("예약 안내 테스트")
    page.get_by_test_id(f"node-{WAIT}").click()
    expect(page.locator("#root_days")).to_have_value("3")


def test_connections_into_a_trigger_or_making_a_cycle_are_refused(page: Page) -> None:
    # Given two connected nodes under a trigger
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.manual", 300, 80)
    drop_from_palette(page, "wait.duration", 300, 230)
    drop_from_palette(page, "wait.duration", 300, 380)
    connect(page, "trigger_manual_1", "out", "wait_duration_1")
    connect(page, "wait_duration_1", "out", "wait_duration_2")
    assert edge_count(page) == 2

    # When the user drags back up to close a loop, nothing is connected
    connect(page, "wait_duration_2", "out", "wait_duration_1")
    page.wait_for_timeout(300)
    assert edge_count(page) == 2


def test_undo_redo_and_copy_paste(page: Page) -> None:
    # Given one node on the canvas, added with the keyboard from the palette
    page.goto("/workflows/new")
    page.get_by_test_id("palette-wait.duration").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("node-wait_duration_1")).to_be_visible()

    # When it is copied and pasted, a second node appears; undo removes it; redo brings it back
    page.get_by_test_id("node-wait_duration_1").click()
    page.keyboard.press("Control+c")
    page.keyboard.press("Control+v")
    expect(page.get_by_test_id("node-wait_duration_2")).to_be_visible()
    page.keyboard.press("Control+z")
    expect(page.get_by_test_id("node-wait_duration_2")).to_have_count(0)
    page.keyboard.press("Control+Shift+z")
    expect(page.get_by_test_id("node-wait_duration_2")).to_be_visible()

    # And Delete removes the selected node
    page.keyboard.press("Delete")
    expect(page.get_by_test_id("node-wait_duration_2")).to_have_count(0)
    expect(page.get_by_test_id("node-wait_duration_1")).to_be_visible()
