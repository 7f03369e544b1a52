"""HTTP API of the node catalogue: ``GET /api/nodes`` and ``POST /api/validate``.

Thin on purpose: the handlers only call :mod:`nodes.registry` and :mod:`nodes.validation`.
"""

from __future__ import annotations

from typing import Any

from litestar import get, post
from litestar.params import JSONBody

from nodes.personalize import VARIABLES
from nodes.registry import catalogue
from nodes.validation import problems_as_report, validate_workflow


@get("/api/nodes", operation_id="ListNodeTypes", tags=["nodes"], sync_to_thread=False)
def list_node_types() -> dict[str, Any]:
    """Every node type: labels, icon, ports, params JSON Schema (the editor's palette and forms), and the
    ``{{ variables }}`` a message may use (the editor's autocomplete)."""
    variables = [{"name": name, "description": description} for name, description in VARIABLES.items()]
    return {"nodes": catalogue(), "variables": variables}


@post("/api/validate", operation_id="ValidateDocument", tags=["nodes"], status_code=200, sync_to_thread=False)
def validate_document(data: JSONBody[Any] = None) -> dict[str, Any]:
    """Validate any JSON body as a workflow document. Answers 200 with a report, valid or not.

    An empty body is reported like any other non-workflow (``invalid_document``); a body that is not
    JSON at all is a 400 from the framework, in the app's error format.
    """
    return problems_as_report(validate_workflow(data))


ROUTES: list[Any] = [list_node_types, validate_document]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {"ListNodeTypes": "workflow.read", "ValidateDocument": "workflow.read"}
