"""Issue 16: cards that read like sentences, wiring like n8n (wire-drop picker, "+", Tab, "?", refusals
said in words), node names and sticky notes — driven like a clinic manager would."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, connect, create_workflow, drop_from_palette, edge_count

pytestmark = pytest.mark.browser

TRIGGER = "trigger_procedure_completed_1"


def drag_wire_to(page: Page, node: str, port: str, x: float, y: float) -> None:
    """Drag a wire from a node's output into the canvas at (x, y) (page coordinates) and let go."""
    start = page.get_by_test_id(f"handle-{node}-{port}").bounding_box()
    assert start
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(x, y, steps=15)
    page.mouse.up()


def canvas_point(page: Page, dx: float, dy: float) -> tuple[float, float]:
    box = page.get_by_test_id("canvas").bounding_box()
    assert box
    return box["x"] + dx, box["y"] + dy


def below(page: Page, node: str, port: str, dy: float) -> tuple[float, float]:
    """Empty canvas ``dy`` pixels below a node's output."""
    box = page.get_by_test_id(f"handle-{node}-{port}").bounding_box()
    assert box
    return box["x"] + box["width"] / 2 + 30, box["y"] + dy


def test_the_first_node_dropped_on_a_blank_canvas_stays_where_it_was_dropped(page: Page) -> None:
    # Given a blank workflow (nothing to fit the view to)
    page.goto("/workflows/new")
    # When the first node is dropped
    drop_from_palette(page, "trigger.procedure_completed", 300, 160)
    node = page.get_by_test_id(f"node-{TRIGGER}")
    expect(node).to_be_visible()
    page.wait_for_timeout(400)  # past the view fit's timer: nothing may move the node under the user's next drag
    # Then it sits where it was dropped (the editor places a node's top-left 100 × 30 above-left of the pointer)
    box, canvas = node.bounding_box(), page.get_by_test_id("canvas").bounding_box()
    assert box and canvas
    assert abs(box["x"] - (canvas["x"] + 200)) < 2 and abs(box["y"] - (canvas["y"] + 130)) < 2, (box, canvas)


def test_wire_trigger_wait_alimtalk_with_the_wire_drop_picker_only(page: Page) -> None:
    # Given a new workflow with a trigger
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.procedure_completed", 400, 80)
    expect(page.get_by_test_id(f"node-{TRIGGER}")).to_be_visible()

    # When a wire is dragged from the trigger into empty space, a node search opens there
    drag_wire_to(page, TRIGGER, "out", *below(page, TRIGGER, "out", 110))
    picker = page.get_by_test_id("node-picker")
    expect(picker).to_be_visible()
    expect(page.get_by_test_id("picker-trigger.manual")).to_have_count(0)  # nothing flows into a trigger
    # And typing narrows it; Enter places the node, already wired
    page.get_by_test_id("node-picker-search").fill("날짜")
    page.keyboard.press("Enter")
    expect(picker).to_have_count(0)
    expect(page.get_by_test_id("node-wait_until_1")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(1)

    # When a wire from the wait is dropped into empty space and AlimTalk is clicked in the picker
    drag_wire_to(page, "wait_until_1", "out", *below(page, "wait_until_1", "out", 110))
    page.get_by_test_id("node-picker-search").fill("알림톡")
    page.get_by_test_id("picker-send.alimtalk").click()

    # Then trigger → wait → AlimTalk is wired, and the cards read like sentences
    expect(page.get_by_test_id("node-send_alimtalk_1")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    expect(page.get_by_test_id("node-summary-wait_until_1")).to_have_text("시작 다음 날 오전 10:00까지 기다림")
    expect(page.get_by_test_id(f"node-summary-{TRIGGER}")).to_have_text("모든 시술을 마치면 시작")


def test_plus_under_an_output_and_tab_open_the_picker_and_help_lists_shortcuts(page: Page) -> None:
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.appointment_booked", 400, 80)
    # "+" under the trigger's output: the chosen node lands below it, wired
    page.get_by_test_id("add-after-trigger_appointment_booked_1-out").click()
    page.get_by_test_id("node-picker-search").fill("시간 대기")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("node-wait_duration_1")).to_be_visible()
    assert edge_count(page) == 1
    expect(page.get_by_test_id("node-summary-wait_duration_1")).to_have_text("1일 기다림")

    # Tab at the cursor opens the search too (no wire: a loose node), Escape closes it
    page.mouse.move(*canvas_point(page, 150, 450))
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("node-picker")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("node-picker")).to_have_count(0)

    # "?" shows the shortcuts, Escape closes them
    page.keyboard.press("?")
    expect(page.get_by_test_id("shortcut-help")).to_contain_text("실행 취소")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("shortcut-help")).to_have_count(0)


def test_a_refused_connection_says_why_in_korean(page: Page) -> None:
    page.goto("/workflows/new")
    drop_from_palette(page, "trigger.manual", 300, 80)
    drop_from_palette(page, "wait.duration", 300, 260)
    connect(page, "trigger_manual_1", "out", "wait_duration_1")
    assert edge_count(page) == 1
    # When the wait's output is dragged onto the trigger
    start = page.get_by_test_id("handle-wait_duration_1-out").bounding_box()
    end = page.get_by_test_id("node-trigger_manual_1").bounding_box()
    assert start and end
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=15)
    page.mouse.up()
    # Then nothing is wired and the reason is said
    expect(page.get_by_test_id("toast-error")).to_contain_text("트리거에는 들어오는 연결을 만들 수 없습니다")
    assert edge_count(page) == 1


def test_a_renamed_node_and_its_note_show_on_the_card_and_survive_a_reload(page: Page, base_url: str) -> None:
    workflow_id = create_workflow(
        base_url,
        {
            "format": "doctorsflow.workflow/v1",
            "name": "이름 바꾸기",
            "nodes": [
                {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": ["cataract"]}},
                {
                    "id": "care_d1",
                    "type": "wait.until",
                    "params": {"anchor": "trigger", "offset_days": 1, "at": "10:00"},
                },
            ],
            "edges": [{"source": "start", "target": "care_d1"}],
        },
    )
    page.goto(f"/workflows/{workflow_id}")
    expect(page.get_by_test_id("node-summary-care_d1")).to_have_text("시작 다음 날 오전 10:00까지 기다림")
    expect(page.get_by_test_id("node-name-care_d1")).to_have_text("날짜·시각까지 대기")

    page.get_by_test_id("node-care_d1").click()
    page.get_by_test_id("node-name-input").fill("수술 다음 날 아침까지")
    page.get_by_test_id("node-note-input").fill("원장님 요청: 10시 전에는 보내지 않기")
    expect(page.get_by_test_id("node-name-care_d1")).to_have_text("수술 다음 날 아침까지")
    expect(page.get_by_test_id("note-care_d1")).to_have_text("원장님 요청: 10시 전에는 보내지 않기")

    page.keyboard.press("Control+s")
    expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    page.reload()
    expect(page.get_by_test_id("node-name-care_d1")).to_have_text("수술 다음 날 아침까지")
    expect(page.get_by_test_id("note-care_d1")).to_have_text("원장님 요청: 10시 전에는 보내지 않기")


def test_example_cards_contain_no_raw_parameter_keys(page: Page) -> None:
    page.goto("/")
    catalogue = page.request.get("/api/nodes").json()["nodes"]
    keys: set[str] = set()
    for entry in catalogue:
        keys.update(entry["schema"].get("properties", {}).keys())
    examples = page.request.get("/api/examples").json()["examples"]
    for example in examples[:4]:
        imported = page.request.post(f"/api/examples/{example['slug']}/import", headers=csrf(page))
        assert imported.ok, imported.text()
        page.goto(f"/workflows/{imported.json()['id']}")
        cards = page.locator(".step-node")
        expect(cards.first).to_be_visible()
        expect(page.locator(".step-summary").first).not_to_have_text(re.compile(r"^$"))
        page.wait_for_timeout(600)  # the sentences arrive with the first live check
        for text in page.locator(".step-node").all_inner_texts():
            found = [k for k in keys if re.search(rf"(?<![\w.]){re.escape(k)}\s*:", text)]
            assert not found, (example["slug"], text, found)
            assert not re.search(r"\b(offset_days|anchor|template|cron|variables|failover)\b", text), text


def csrf(page: Page) -> dict[str, str]:
    token = next((c["value"] for c in page.context.cookies() if c["name"] == "df_csrf"), "")
    return {"X-CSRF-Token": token}
