"""The publish gate: the error-severity findings that keep a workflow from being published.

A leaf module (it needs no storage), so that ``storage.workflows.service.publish`` can call it directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.errors import Problem

from .graph_rules import lint_workflow
from .templates import TemplateCatalogue


def publish_problems(
    doc: dict[str, Any],
    catalogue: TemplateCatalogue | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
) -> list[Problem]:
    """One problem per active error finding of the workflow's lint report; AlimTalk nodes are checked
    against ``catalogue`` (the clinic's templates, ``compliance.templates.clinic_catalogue``), by default
    the shipped library; night windows from ``settings`` (``clinic_settings``), by default the defaults."""
    return [
        Problem(finding.rule, finding.message, node=finding.node, path=finding.field or "")
        for finding in lint_workflow(doc, catalogue, settings=settings).active
        if finding.severity == "error"
    ]
