"""The publish gate: the error-severity findings that keep a workflow from being published.

A leaf module (it needs no storage), so that ``storage.workflows.service.publish`` can call it directly.
"""

from __future__ import annotations

from typing import Any

from storage.errors import Problem

from .graph_rules import lint_workflow


def publish_problems(doc: dict[str, Any]) -> list[Problem]:
    """One problem per active error finding of the workflow's lint report."""
    return [
        Problem(finding.rule, finding.message, node=finding.node, path=finding.field or "")
        for finding in lint_workflow(doc).active
        if finding.severity == "error"
    ]
