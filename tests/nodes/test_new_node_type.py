"""The guide's promise (nodes/README.md): a node type is one folder. A throw-away ``send.brand_message``
copied from ``send.friendtalk`` into a temporary folder, registered for one block, is validated, linted
and simulated exactly like FriendTalk — consent gate error and night warning included."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from compliance.graph_rules import lint_workflow
from nodes.base import NodeType
from nodes.registry import catalogue, extended_registry, get_node_type, load_node_folder
from nodes.validation import validate_workflow
from tests.nodes.golden import NODES_DIR, golden_files, load_case, run_case

FRIENDTALK = NODES_DIR / "send_friendtalk"


def brand_message_folder(tmp_path: Path) -> Path:
    """``send_friendtalk`` copied and renamed: the steps of nodes/README.md, nothing else."""
    folder = tmp_path / "send_brand_message"
    shutil.copytree(FRIENDTALK, folder, ignore=shutil.ignore_patterns("__pycache__"))
    init = folder / "__init__.py"
    source = init.read_text("utf-8").replace('type="send.friendtalk"', 'type="send.brand_message"')
    init.write_text(source.replace('"en": "Send FriendTalk (ad)"', '"en": "Send brand message (ad)"'), "utf-8")
    for case in (folder / "tests").glob("*.json"):
        case.write_text(case.read_text("utf-8").replace('"send.friendtalk"', '"send.brand_message"'), "utf-8")
    return folder


@pytest.fixture
def brand_message(tmp_path: Path) -> Iterator[Mapping[str, NodeType]]:
    module = load_node_folder(brand_message_folder(tmp_path), f"brand_message_{uuid.uuid4().hex}")
    with extended_registry(module) as registry:
        yield registry


def test_the_new_type_is_known_only_inside_its_registry(tmp_path: Path) -> None:
    module = load_node_folder(brand_message_folder(tmp_path), f"brand_message_{uuid.uuid4().hex}")
    assert get_node_type("send.brand_message") is None
    with extended_registry(module):
        assert get_node_type("send.brand_message") is module.NODE
        assert "send.brand_message" in {entry["type"] for entry in catalogue()}
    assert get_node_type("send.brand_message") is None


def test_lint_gives_the_new_type_the_friendtalk_findings(brand_message: object) -> None:
    ad = "(광고) {{ clinic.name }} 이벤트 안내 무료수신거부 {{ clinic.optout_number }}"
    document = {
        "format": "doctorsflow.workflow/v1",
        "name": "brand",
        "nodes": [
            {"id": "start", "type": "trigger.appointment_booked", "params": {}},
            {"id": "friend", "type": "send.friendtalk", "params": {"text": ad}},
            {"id": "brand", "type": "send.brand_message", "params": {"text": ad}},
        ],
        "edges": [{"source": "start", "target": "friend"}, {"source": "start", "target": "brand"}],
    }
    assert validate_workflow(document) == []
    report = lint_workflow(document)
    by_node = {node: sorted(f.rule for f in report.active if f.node == node) for node in ("friend", "brand")}
    assert "CONSENT-MARKETING-GATE" in by_node["brand"] and "ADV-NIGHT" in by_node["brand"]
    assert by_node["brand"] == by_node["friend"]
    assert report.has_errors


def test_golden_workflows_copied_with_the_folder_pass_unchanged(tmp_path: Path, brand_message: object) -> None:
    originals = {p.name: load_case(p) for p in golden_files() if p.parent.parent == FRIENDTALK}
    assert originals
    for name, original in originals.items():
        case = json.loads(json.dumps(original).replace('"send.friendtalk"', '"send.brand_message"'))
        assert run_case(case) == original["expect"], name  # same lint, same simulated messages
