"""Files: import a workflow JSON by choosing it or dropping it on the page; export it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser

DOCUMENT = {
    "format": "doctorsflow.workflow/v1",
    "name": "가져온 예약 안내",
    "nodes": [
        {"id": "start", "type": "trigger.appointment_booked", "position": {"x": 0, "y": 0}},
        {
            "id": "notice",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 예약이 접수되었습니다.", "purpose": "informational"},
            "position": {"x": 0, "y": 150},
        },
    ],
    "edges": [{"source": "start", "target": "notice"}],
}


def test_a_chosen_json_file_is_imported_and_exported_again(page: Page, tmp_path: Path) -> None:
    # Given a workflow file on the clinic PC
    source = tmp_path / "예약안내.json"
    source.write_text(json.dumps(DOCUMENT, ensure_ascii=False), "utf-8")

    # When it is chosen with the import button
    page.goto("/")
    page.get_by_test_id("import-file").set_input_files(str(source))

    # Then it opens in the editor with its nodes
    expect(page.get_by_test_id("node-notice")).to_be_visible()
    expect(page.get_by_test_id("workflow-name")).to_have_value("가져온 예약 안내")

    # And exporting downloads the same graph
    with page.expect_download() as download_info:
        page.get_by_test_id("export").click()
    exported = json.loads(Path(download_info.value.path()).read_text("utf-8"))
    assert exported["name"] == "가져온 예약 안내"
    assert [n["id"] for n in exported["nodes"]] == ["start", "notice"]
    assert exported["edges"] == [{"source": "start", "target": "notice"}]


def test_a_json_file_dropped_on_the_page_is_imported(page: Page) -> None:
    # Given the home page
    page.goto("/")
    expect(page.get_by_test_id("home")).to_be_visible()

    # When a workflow file is dropped onto it
    page.evaluate(
        """(text) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "drop.json", { type: "application/json" }));
            const target = document.querySelector('[data-testid="home"]');
            for (const type of ["dragover", "drop"]) {
                target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
        }""",
        json.dumps({**DOCUMENT, "name": "끌어다 놓은 워크플로"}, ensure_ascii=False),
    )

    # Then it is imported and opened
    expect(page.get_by_test_id("workflow-name")).to_have_value("끌어다 놓은 워크플로")
    expect(page.get_by_test_id("node-start")).to_be_visible()


def test_a_file_that_is_not_a_workflow_is_refused_with_a_reason(page: Page, tmp_path: Path) -> None:
    # Given a JSON file that is not a workflow document
    source = tmp_path / "patients.json"
    source.write_text(json.dumps({"patients": []}), "utf-8")

    # When it is imported
    page.goto("/")
    page.get_by_test_id("import-file").set_input_files(str(source))

    # Then the page says why, in Korean, and stays on the home page
    expect(page.get_by_test_id("toast-error")).to_contain_text("가져오지 못했습니다")
    expect(page.get_by_test_id("home")).to_be_visible()
