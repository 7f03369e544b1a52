"""Every golden workflow of every node type (``nodes/<type>/tests/*.json``, format in ``tests/nodes/golden.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nodes.registry import REGISTRY
from tests.nodes.golden import NODES_DIR, golden_files, load_case, run_case

FILES = golden_files()


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(NODES_DIR)) for p in FILES])
def test_golden_workflow(path: Path) -> None:
    case = load_case(path)
    assert run_case(case) == case["expect"], f"re-record with: python -m tests.nodes.golden {path}"


def test_every_node_type_has_golden_workflows_in_its_folder() -> None:
    folders = {p.parent.parent.name for p in FILES}
    missing = [t for t in REGISTRY if t.replace(".", "_") not in folders]
    assert not missing, f"node types without nodes/<type>/tests/*.json: {missing}"
    for path in FILES:  # a folder's cases use its own node type
        node_type = path.parent.parent.name
        used = {n["type"].replace(".", "_") for n in load_case(path)["workflow"]["nodes"]}
        assert node_type in used, f"{path} does not use {node_type}"
