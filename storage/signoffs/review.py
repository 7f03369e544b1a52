"""What a reviewer reads before signing: every message text and AlimTalk template body of a workflow, with
its findings in place, and where the workflow stands (draft / waiting for sign-off / signed / active).

- ``draft`` — not live as it is, and needs no sign-off (no advertising, or the clinic does not require it);
- ``waiting_signoff`` — contains advertising and the clinic requires a sign-off of this exact document;
- ``signed`` — a reviewer signed off this exact document (checksum), not published yet;
- ``active`` — the document is the live published version;
- ``paused`` — the document is the published version of a paused workflow (a changed draft of a paused workflow
  shows its review state instead: that is what the reviewer has to act on);
- ``archived`` — stopped for good; nothing to review until it is unarchived (then it is a draft again).
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from compliance.report import Report, node_names, reading_order
from compliance.workflow_doc import read_nodes
from nodes.registry import get_node_type
from storage.accounts.names import actor_names
from storage.alimtalk_templates.store import clinic_catalogue
from storage.models import Workflow
from storage.publish_gate import is_advertising, signed, signers, signoff_needed
from storage.signoffs.service import lint_stored_workflow
from storage.workflows import service

ReviewStatus = Literal["draft", "waiting_signoff", "signed", "active", "paused", "archived"]
_TEMPLATE_FIELD = "/params/template"


def _field_values(params: Any, patterns: tuple[str, ...]) -> list[tuple[str, str]]:
    from compliance.node_text import text_values

    return list(text_values(params if isinstance(params, dict) else {}, patterns))


async def signoff_of(session: AsyncSession, workflow_id: int, doc: dict[str, Any]) -> dict[str, Any] | None:
    """Who signed off this exact document and when (the latest sign-off of its checksum), or None."""
    signoff = await signed(session, workflow_id, service.canonical_checksum(doc))
    if signoff is None:
        return None
    names = await actor_names(session, [signoff.signed_by])
    return {
        "reviewer_name": signoff.reviewer_name,
        "signed_by_name": names.get(signoff.signed_by or "", signoff.reviewer_name),
        "signed_at": signoff.signed_at.isoformat(),
        "approval_number": signoff.approval_number,
    }


async def review_status(session: AsyncSession, workflow: Workflow) -> tuple[ReviewStatus, dict[str, Any] | None]:
    """The workflow's review status and the sign-off of its current document (None when unsigned)."""
    checksum = service.canonical_checksum(workflow.document)
    signed_view = await signoff_of(session, workflow.id, workflow.document)
    versions = await service.list_versions(session, workflow.id)
    live = next((v for v in versions if v.version == workflow.published_version), None)
    if workflow.status == "archived":
        return "archived", signed_view
    if live is not None and live.checksum == checksum and workflow.status in ("active", "paused"):
        return ("paused" if workflow.status == "paused" else "active"), signed_view
    if signed_view is not None:
        return "signed", signed_view
    if await signoff_needed(session, workflow.document):
        return "waiting_signoff", None
    return "draft", None


def _messages(doc: dict[str, Any], report: Report, catalogue: Any) -> list[dict[str, Any]]:
    """Each text a patient would read, node by node, with the findings that point into it."""
    by_place: dict[tuple[str | None, str | None], list[dict[str, Any]]] = {}
    # errors first, then warnings, then notes (then by place): what blocks publishing is read first
    for finding in reading_order(report.findings, node_names(doc)):
        # with the suggested rewrite: the reviewer sees what the editor would offer (issue 17)
        by_place.setdefault((finding.node, finding.field), []).append(finding.to_dict(with_suggestion=True))
    out: list[dict[str, Any]] = []
    for node in read_nodes(doc):
        node_type = get_node_type(node.type)
        if node_type is None or (not node_type.text_fields and node_type.channel is None):
            continue
        purpose = node_type.purpose(node.params) if node_type.channel else None
        base = {"node": node.id, "type": node.type, "channel": node_type.channel, "purpose": purpose}
        if node.type == "send.alimtalk":
            code = node.params.get("template")
            template = catalogue.get(code) if isinstance(code, str) else None
            out.append(
                {
                    **base,
                    "field": _TEMPLATE_FIELD,
                    "label": f"알림톡 템플릿 {code} / AlimTalk template {code}",
                    "text": template.text if template is not None else "",
                    "template_status": template.status if template is not None else None,
                    "findings": by_place.get((node.id, _TEMPLATE_FIELD), []),
                }
            )
        for field, text in _field_values(node.params, node_type.text_fields):
            pointer = "/params" + field
            out.append(
                {
                    **base,
                    "field": pointer,
                    "label": pointer,
                    "text": text,
                    "template_status": None,
                    "findings": by_place.get((node.id, pointer), []),
                }
            )
    return out


async def review(session: AsyncSession, clinic_id: int, workflow_id: int) -> dict[str, Any]:
    """The review page's content for one workflow (its current draft)."""
    workflow = await service.get_workflow(session, workflow_id)
    doc = workflow.document
    report = await lint_stored_workflow(session, workflow_id, doc)
    status, signoff = await review_status(session, workflow)
    messages = _messages(doc, report, await clinic_catalogue(session))
    placed = {(m["node"], m["field"]) for m in messages}
    return {
        "workflow_id": workflow.id,
        "name": workflow.name,
        "checksum": service.canonical_checksum(doc),
        "status": status,
        "advertising": is_advertising(doc),
        "signoff_required": await signoff_needed(session, doc),
        "signers": await signers(session, clinic_id),
        "signoff": signoff,
        "errors": report.errors,
        "warnings": report.warnings,
        "messages": messages,
        "other_findings": [
            f.to_dict() for f in reading_order(report.findings, node_names(doc)) if (f.node, f.field) not in placed
        ],
        "report_url": f"/api/workflows/{workflow.id}/lint?format=html",
    }


async def review_list(session: AsyncSession) -> list[dict[str, Any]]:
    """Every workflow of the clinic with its review status and who signed."""
    rows = []
    for workflow in await service.list_workflows(session):
        status, signoff = await review_status(session, workflow)
        rows.append(
            {
                "id": workflow.id,
                "name": workflow.name,
                "status": status,
                "advertising": is_advertising(workflow.document),
                "published_version": workflow.published_version,
                "signed_by_name": signoff["signed_by_name"] if signoff else None,
                "signed_at": signoff["signed_at"] if signoff else None,
            }
        )
    return rows
