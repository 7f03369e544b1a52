"""Golden workflows of node types: ``nodes/<type>/tests/*.json``, checked by ``test_golden.py``.

One file = one case::

    {
      "description": "한국어 / English",
      "workflow": { …a doctorsflow.workflow/v1 document… },
      "event": { … },            // optional: default is the trigger's sample event (NodeType.sample_event)
      "patient": { … },          // optional: simulate's --patient (consents, opted_out …)
      "clinic": { … },           // optional: clinic settings for simulate and lint (night windows …)
      "days": 30,                // optional: how long simulate runs
      "expect": {
        "validation": ["code@/json/pointer", …],   // validate_workflow; [] = valid
        "lint": ["RULE@node", …],                   // active lint findings (sorted, with repeats)
        "messages": [{"at", "node", "channel", "text"}, …],   // simulate (valid workflows only)
        "skipped": [{"node", "reason"}, …]
      }
    }

Record (or refresh after a deliberate change) with ``python -m tests.nodes.golden [FILE…]``: it fills
``expect`` from what the code does now; read the diff before committing it.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nodes
from compliance.graph_rules import lint_workflow
from nodes.registry import get_node_type
from nodes.validation import validate_workflow
from runtime.simulate import SAMPLE_CLINIC, simulate

NODES_DIR = Path(nodes.__file__).parent


def golden_files(root: Path = NODES_DIR) -> list[Path]:
    """Every golden case under ``root`` (``<type folder>/tests/*.json``), sorted."""
    return sorted(root.glob("*/tests/*.json"))


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return case


def default_event(workflow: Mapping[str, Any]) -> dict[str, Any]:
    """The sample event of the workflow's trigger, for its params."""
    for node in workflow.get("nodes", []):
        node_type = get_node_type(node.get("type"))
        if node_type is not None and node_type.category == "trigger":
            event = node_type.sample_event(node.get("params") or {})
            assert event is not None
            return event
    raise ValueError("golden workflow without a trigger")


def run_case(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the code does with the case now, in the shape of ``expect``."""
    workflow = case["workflow"]
    clinic = dict(case.get("clinic") or {})
    problems = validate_workflow(workflow)
    report = lint_workflow(workflow, settings=clinic)
    actual: dict[str, Any] = {
        "validation": [f"{p.code}@{p.path}" for p in problems],
        "lint": sorted(f"{f.rule}@{f.node}" for f in report.active),
    }
    if problems:
        return actual
    event = case.get("event") or default_event(workflow)
    # The simulated clinic is the CLI's sample clinic (complete profile, library sendable) with the case's settings
    sample = {**SAMPLE_CLINIC, **clinic}
    result = asyncio.run(simulate(workflow, event, case.get("patient"), case.get("days", 30), sample))
    actual["messages"] = [{k: m[k] for k in ("at", "node", "channel", "text")} for m in result["messages"]]
    actual["skipped"] = result["skipped"]
    return actual


def record(path: Path) -> None:
    case = load_case(path)
    case["expect"] = run_case(case)
    path.write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:] or [str(p) for p in golden_files()]:
        record(Path(name))
        print(f"recorded {name}")
