"""HTTP API of the node catalogue: ``GET /api/nodes`` and ``POST /api/validate``.

Thin on purpose: the handlers only call :mod:`nodes.registry` and :mod:`nodes.validation`. Body shapes:
:mod:`nodes.schemas`.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import get, post

from nodes.personalize import VARIABLES
from nodes.registry import catalogue
from nodes.schemas import NodeCatalogue, NodeTypeInfo, TemplateVariable, ValidationReport, WorkflowDocument
from nodes.validation import problems_as_report, validate_workflow
from storage.openapi import BodyShape


@get("/api/nodes", operation_id="ListNodeTypes", tags=["nodes"], sync_to_thread=False)
def list_node_types() -> NodeCatalogue:
    """Every node type: labels, icon, ports, params JSON Schema (the editor's palette and forms), and the
    ``{{ variables }}`` a message may use (the editor's autocomplete)."""
    variables: list[TemplateVariable] = [
        {"name": name, "description": description} for name, description in VARIABLES.items()
    ]
    return {"nodes": cast(list[NodeTypeInfo], catalogue()), "variables": variables}


@post("/api/validate", operation_id="ValidateDocument", tags=["nodes"], status_code=200, sync_to_thread=False)
def validate_document(data: Annotated[Any, BodyShape(WorkflowDocument)] = None) -> ValidationReport:
    """Validate any JSON body as a workflow document. Answers 200 with a report, valid or not.

    An empty body is reported like any other non-workflow (``invalid_document``); a body that is not
    JSON at all is a 400 from the framework, in the app's error format.
    """
    return problems_as_report(validate_workflow(data))


ROUTES: list[Any] = [list_node_types, validate_document]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {"ListNodeTypes": "workflow.read", "ValidateDocument": "workflow.read"}
