"""HTTP API of the node catalogue: ``GET /api/nodes`` and ``POST /api/validate``.

Thin on purpose: the handlers only call :mod:`nodes.registry` and :mod:`nodes.validation`, with the caller's
clinic's procedure catalogue in force (its own codes are offered by trigger filters and accepted by the
validator, its names read in card sentences). Body shapes: :mod:`nodes.schemas`.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import get, post
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.personalize import VARIABLE_SAMPLES, VARIABLES
from nodes.registry import catalogue, current_registry, using_catalogue
from nodes.schemas import (
    Localized,
    NodeCatalogue,
    NodeSummaries,
    NodeTypeInfo,
    SummaryRequest,
    TemplateVariable,
    ValidationReport,
    WorkflowDocument,
)
from nodes.validation import problems_as_report, validate_workflow
from runtime.patient_links.tokens import sample_link
from storage.errors import ApiError, Problem
from storage.openapi import BodyShape
from storage.procedures.catalogue import load_catalogue
from storage.tenancy import Caller

MAX_SUMMARY_NODES = 1000


@get("/api/nodes", operation_id="ListNodeTypes", tags=["nodes"])
async def list_node_types(db_session: AsyncSession, caller: Caller) -> NodeCatalogue:
    """Every node type: labels, icon, ports, params JSON Schema (the editor's palette and forms), and the
    ``{{ variables }}`` a message may use (the editor's autocomplete). Procedure filters list the clinic's
    catalogue, then the default codes it does not have."""
    # the confirm link's sample is a link of real length on this server: the preview counts SMS/LMS bytes with it
    samples = {**VARIABLE_SAMPLES, "appointment.confirm_link": sample_link()}
    variables: list[TemplateVariable] = [
        {"name": name, "description": description, "sample": samples.get(name, "")}
        for name, description in VARIABLES.items()
    ]
    with using_catalogue(await load_catalogue(db_session, caller.clinic_id)):
        return {"nodes": cast(list[NodeTypeInfo], catalogue()), "variables": variables}


@post("/api/validate", operation_id="ValidateDocument", tags=["nodes"], status_code=200)
async def validate_document(
    db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(WorkflowDocument)] = None
) -> ValidationReport:
    """Validate any JSON body as a workflow document. Answers 200 with a report, valid or not.

    An empty body is reported like any other non-workflow (``invalid_document``); a body that is not
    JSON at all is a 400 from the framework, in the app's error format. Procedure codes are checked against
    the clinic's catalogue and the defaults.
    """
    with using_catalogue(await load_catalogue(db_session, caller.clinic_id)):
        return problems_as_report(validate_workflow(data))


@post("/api/nodes/summaries", operation_id="SummarizeNodes", tags=["nodes"], status_code=200)
async def summarize_nodes(
    db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(SummaryRequest)] = None
) -> NodeSummaries:
    """Each node's card sentence ("수술 다음 날 오전 10:00까지 기다림"), from its type's ``summary`` hook.

    Drafts are welcome: half-filled params read as the node type's label, an unknown type as its name.
    """
    with using_catalogue(await load_catalogue(db_session, caller.clinic_id)):
        return _summaries(data)


def _summaries(data: Any) -> NodeSummaries:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list) or len(nodes) > MAX_SUMMARY_NODES:
        raise ApiError(
            400,
            [
                Problem(
                    "invalid_field",
                    message=f"nodes는 노드 {MAX_SUMMARY_NODES}개 이하의 배열이어야 합니다 / "
                    f"nodes must be an array of at most {MAX_SUMMARY_NODES} nodes",
                    path="/nodes",
                )
            ],
        )
    registry = current_registry()
    summaries: dict[str, Localized] = {}
    for node in nodes:
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            continue
        node_type = registry.get(str(node.get("type")))
        if node_type is None:
            summaries[node["id"]] = {"ko": str(node.get("type")), "en": str(node.get("type"))}
            continue
        said = node_type.summarize(node.get("params") if "params" in node else {})
        summaries[node["id"]] = {"ko": said["ko"], "en": said["en"]}
    return {"summaries": summaries}


ROUTES: list[Any] = [list_node_types, validate_document, summarize_nodes]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "ListNodeTypes": "workflow.read",
    "ValidateDocument": "workflow.read",
    "SummarizeNodes": "workflow.read",
}
