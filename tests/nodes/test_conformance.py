"""Conformance of every registered node type: it describes itself, simulates without error in a small
graph, and an advertising send left ungated is a CONSENT-MARKETING-GATE error."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any

import pytest

from compliance.graph_rules import lint_workflow
from nodes.base import NodeType
from nodes.registry import REGISTRY, node_types
from nodes.validation import validate_workflow
from runtime.simulate import simulate
from tests.nodes.golden import golden_files, load_case

TYPES = [t.type for t in node_types()]
HOST_TRIGGER = "trigger.appointment_booked"  # runs with an appointment: any node may be tried after it


def example_params(node_type: NodeType) -> dict[str, Any]:
    """The params the node type's first golden workflow gives it."""
    for path in golden_files():
        for node in load_case(path)["workflow"]["nodes"]:
            if node["type"] == node_type.type:
                return dict(node.get("params") or {})
    raise AssertionError(f"{node_type.type} has no golden workflow")


def small_graph(node_type: NodeType, params: Mapping[str, Any]) -> dict[str, Any]:
    """trigger → node → end (every output), or the trigger itself → end."""
    nodes: list[dict[str, Any]] = [{"id": "node", "type": node_type.type, "params": dict(params)}]
    edges: list[dict[str, Any]] = []
    if node_type.category != "trigger":
        nodes.insert(0, {"id": "start", "type": HOST_TRIGGER, "params": {}})
        edges.append({"source": "start", "target": "node"})
    for port in node_type.outputs:
        nodes.append({"id": f"end_{port}", "type": "end", "params": {}})
        edges.append({"source": "node", "target": f"end_{port}", "sourcePort": port})
    return {"format": "doctorsflow.workflow/v1", "name": node_type.type, "nodes": nodes, "edges": edges}


def trigger_event(document: Mapping[str, Any]) -> dict[str, Any]:
    trigger = next(n for n in document["nodes"] if REGISTRY[n["type"]].category == "trigger")
    event = REGISTRY[trigger["type"]].sample_event(trigger["params"])
    assert event is not None
    return event


@pytest.mark.parametrize("type_name", TYPES)
def test_describes_itself_as_json(type_name: str) -> None:
    entry = REGISTRY[type_name].describe()
    json.dumps(entry)
    assert entry["type"] == type_name and " " not in type_name
    assert (entry["sample_event"] is not None) == (entry["category"] == "trigger")
    if entry["category"] == "trigger":
        assert entry["inputs"] == [] and entry["starts_runs"] in ("event", "schedule", "manual")


@pytest.mark.parametrize("type_name", TYPES)
def test_simulates_without_error(type_name: str) -> None:
    node_type = REGISTRY[type_name]
    document = small_graph(node_type, example_params(node_type))
    assert validate_workflow(document) == []
    patient = {"consents": {"marketing": True, "night_ads": True}}
    result = asyncio.run(simulate(document, trigger_event(document), patient, 30))
    assert set(result) == {"messages", "skipped"}
    for skipped in result["skipped"]:
        assert "node failed" not in skipped["reason"], skipped


@pytest.mark.parametrize("type_name", [t.type for t in node_types() if t.is_send])
def test_an_ungated_advertising_send_is_a_consent_error(type_name: str) -> None:
    node_type = REGISTRY[type_name]
    params = example_params(node_type)
    if not node_type.is_advertising(params) and node_type.fixed_purpose is None:
        params["purpose"] = "advertising"  # a send whose purpose is a param (the default purpose() hook)
    document = small_graph(node_type, params)
    rules = {f.rule for f in lint_workflow(document).active if f.node == "node"}
    if node_type.is_advertising(params):
        assert "CONSENT-MARKETING-GATE" in rules
    else:  # informational only (AlimTalk): never an advertising send
        assert "CONSENT-MARKETING-GATE" not in rules
