"""The publish gate: the error-severity findings that keep a workflow from being published.

Pure (no storage): ``storage.workflows.service.publish`` calls it and turns the findings into its 422 answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .alimtalk_catalogue import TemplateCatalogue
from .findings import Finding
from .graph_rules import lint_workflow


def blocking_findings(
    doc: dict[str, Any],
    catalogue: TemplateCatalogue | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
    clinic: Mapping[str, str] | None = None,
) -> list[Finding]:
    """The active error findings of the workflow's lint report; AlimTalk nodes are checked against
    ``catalogue`` (the clinic's templates, ``storage.alimtalk_templates.store.clinic_catalogue``), by default
    the shipped library; night windows from ``settings`` (``storage.clinics.clinic_settings``), by default
    the defaults; ``clinic``: the clinic's ``{{ clinic.* }}`` values (an empty one used is an error)."""
    report = lint_workflow(doc, catalogue, settings=settings, clinic=clinic)
    return [f for f in report.active if f.severity == "error"]
