"""Issue 16: looking is not editing. Selecting any node of a saved workflow (every node type, with the params a
workflow file carries — no schema defaults filled in) leaves the workflow "saved"; only a real edit marks it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Params a file would carry for the node types that no example uses (only what is required).
MINIMAL: dict[str, dict[str, Any]] = {"wait.duration": {"days": 1}}


def example_params() -> dict[str, dict[str, Any]]:
    """Each node type's params as the examples store them (their first node of that type)."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((ROOT / "examples").glob("*.json")):
        for node in json.loads(path.read_text("utf-8"))["nodes"]:
            found.setdefault(node["type"], node.get("params") or {})
    return found


def documents(catalogue: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One workflow per trigger type; the last one also holds one node of every other type."""
    params = {**MINIMAL, **example_params()}
    triggers = [n["type"] for n in catalogue if n["category"] == "trigger"]
    others = [n["type"] for n in catalogue if n["category"] != "trigger"]
    docs = []
    for i, trigger in enumerate(triggers):
        nodes = [{"id": "start", "type": trigger, "params": params.get(trigger, {}), "position": {"x": 0, "y": 0}}]
        edges = []
        if i == len(triggers) - 1:
            for j, node_type in enumerate(others):
                # a grid that fits the canvas, so that every card can be clicked without panning
                position = {"x": (j % 4) * 270, "y": 140 + (j // 4) * 140}
                node: dict[str, Any] = {"id": f"n{j}", "type": node_type, "position": position}
                if node_type in params and params[node_type] is not None:
                    node["params"] = params[node_type]
                nodes.append(node)
                edges.append({"source": "start" if j == 0 else f"n{j - 1}", "target": f"n{j}"})
        docs.append(
            {"format": "doctorsflow.workflow/v1", "name": f"선택 확인 {trigger}", "nodes": nodes, "edges": edges}
        )
    return docs


def test_selecting_every_node_type_keeps_the_workflow_saved(page: Page, base_url: str) -> None:
    catalogue = httpx.get(f"{base_url}/api/nodes", headers=api_headers(), timeout=10).json()["nodes"]
    seen: set[str] = set()
    for document in documents(catalogue):
        workflow_id = create_workflow(base_url, document)
        page.goto(f"/workflows/{workflow_id}")
        expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
        for node in document["nodes"]:
            # When the node is selected and its form shown
            page.get_by_test_id(f"node-{node['id']}").click()
            expect(page.get_by_test_id("inspector-node-id")).to_have_text(node["id"])
            page.wait_for_timeout(150)  # rjsf's first onChange comes after its mount
            # Then nothing changed
            expect(page.get_by_test_id("save-state"), f"{node['type']} ({node['id']})").to_have_text(
                "저장됨", timeout=2000
            )
            seen.add(node["type"])
        # And clicking the empty canvas (deselecting) changes nothing either
        page.get_by_test_id("canvas").click(position={"x": 30, "y": 30})
        expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    assert seen == {n["type"] for n in catalogue}

    # A real edit of a form still marks it unsaved, and so does a rename
    wait = next(n["id"] for n in document["nodes"] if n["type"] == "wait.duration")
    page.get_by_test_id(f"node-{wait}").click()
    page.locator("#root_days").fill("2")
    expect(page.get_by_test_id("save-state")).to_have_text("저장되지 않은 변경")
    page.keyboard.press("Control+s")
    expect(page.get_by_test_id("save-state")).to_have_text("저장됨")
    page.get_by_test_id("node-start").click()
    page.get_by_test_id("node-name-input").fill("시작")
    expect(page.get_by_test_id("save-state")).to_have_text("저장되지 않은 변경")
