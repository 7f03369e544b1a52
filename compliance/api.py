"""HTTP API of the compliance checker: lint a document or messages, lint a stored workflow, sign off.

The publish gate itself is ``compliance.gate.blocking_findings``, called by ``storage.workflows.service``; sign-offs
are stored by ``storage.signoffs``.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, Response, get, post
from litestar.params import QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from storage.clinics import lint_for_clinic
from storage.errors import ApiError, Problem
from storage.openapi import BodyShape
from storage.signoffs.review import signoff_of
from storage.signoffs.service import (
    lint_stored_workflow,
    list_signoffs,
    sign_off,
    signoff_with_version,
    suppressions_or_422,
)
from storage.tenancy import Caller
from storage.workflows import service

from .formats import render, render_sarif
from .guides import URL_PREFIX, render_guide
from .report import Report
from .schemas import (
    LintFinding,
    LintReport,
    LintRequest,
    MessageFindings,
    MessageLintReport,
    Signoff,
    SignoffList,
    SignoffRequest,
)
from .text_rules import CHANNELS, PURPOSES, lint_text

REPORT_FORMATS = ("json", "sarif", "html", "text")


def _report_response(
    report: Report,
    fmt: str,
    title: str = "",
    doc: dict[str, Any] | None = None,
    signoff: dict[str, Any] | None = None,
) -> Response[Any]:
    """The report in ``fmt``; the HTML report links its rules to the guides this server serves, names nodes as the
    editor does (``doc``) and shows who signed the document (``signoff``)."""
    if fmt == "json":
        return Response(report.to_dict(with_suggestions=True))
    if fmt == "sarif":
        return Response(render_sarif(report), media_type="application/sarif+json")
    if fmt == "html":
        html = render(report, "html", title=title, checklist_url=f"{URL_PREFIX}/checklist", doc=doc, signoff=signoff)
        return Response(html, media_type="text/html; charset=utf-8")
    if fmt == "text":
        return Response(render(report, "text"), media_type="text/plain; charset=utf-8")
    raise ApiError(
        422, [Problem("bad_format", "format은 json|sarif|html|text / format must be json, sarif, html or text")]
    )


def _lint_messages(messages: Any) -> MessageLintReport:
    if not isinstance(messages, list):
        raise ApiError(
            422, [Problem("bad_messages", "messages는 배열이어야 합니다 / messages must be an array", path="/messages")]
        )
    problems = []
    for index, item in enumerate(messages):
        path = f"/messages/{index}"
        if not isinstance(item, dict):
            problems.append(Problem("bad_message", "객체여야 합니다 / must be an object", path=path))
            continue
        if not isinstance(item.get("text"), str):
            problems.append(
                Problem("bad_text", "text는 문자열이어야 합니다 / text must be a string", path=path + "/text")
            )
        if item.get("channel") not in CHANNELS:
            problems.append(Problem("bad_channel", "channel: alimtalk|friendtalk|sms", path=path + "/channel"))
        if item.get("purpose") not in PURPOSES:
            problems.append(Problem("bad_purpose", "purpose: informational|advertising", path=path + "/purpose"))
    if problems:
        raise ApiError(422, problems)
    results: list[MessageFindings] = []
    errors = warnings = 0
    for item in messages:
        findings = lint_text(item["text"], item["channel"], item["purpose"])
        errors += sum(1 for f in findings if f.severity == "error")
        warnings += sum(1 for f in findings if f.severity == "warning")
        results.append(
            {"id": item.get("id"), "findings": [cast(LintFinding, f.to_dict(with_suggestion=True)) for f in findings]}
        )
    return {"results": results, "errors": errors, "warnings": warnings}


class LintController(Controller):
    path = "/api"
    tags = ["compliance"]

    @post("/lint", operation_id="Lint", status_code=200)
    async def lint(
        self,
        db_session: AsyncSession,
        data: Annotated[Any, BodyShape(LintRequest)],
        report_format: Annotated[str, QueryParameter(name="format")] = "json",
    ) -> Response[LintReport | MessageLintReport]:
        """Lint ``{"workflow": doc, "suppressions"?: [...]}`` or ``{"messages": [{id, channel, purpose, text}]}``;
        AlimTalk nodes against the caller's clinic's templates."""
        if not isinstance(data, dict) or ("workflow" in data) == ("messages" in data):
            raise ApiError(
                422,
                [
                    Problem(
                        "bad_body",
                        '본문은 {"workflow": …} 또는 {"messages": […]} / body must be {"workflow"} or {"messages"}',
                    )
                ],
            )
        if "messages" in data:
            return Response(_lint_messages(data["messages"]))
        doc = data["workflow"]
        if not isinstance(doc, dict):
            raise ApiError(
                422,
                [Problem("bad_workflow", "workflow는 객체여야 합니다 / workflow must be an object", path="/workflow")],
            )
        suppressions = suppressions_or_422(data.get("suppressions", []))
        name = doc.get("name") if isinstance(doc.get("name"), str) else ""
        report = await lint_for_clinic(db_session, doc, suppressions)
        return _report_response(report, report_format, str(name), doc)

    @get("/workflows/{workflow_id:int}/lint", operation_id="LintWorkflow")
    async def lint_workflow_draft(
        self,
        db_session: AsyncSession,
        workflow_id: int,
        report_format: Annotated[str, QueryParameter(name="format")] = "json",
        version: Annotated[int | None, QueryParameter(ge=1)] = None,
    ) -> Response[LintReport]:
        """The lint report of a stored workflow (its draft, or ``?version=N``), latest sign-off's suppressions applied."""
        workflow = await service.get_workflow(db_session, workflow_id)
        document = (await service.get_version(db_session, workflow_id, version)).document if version else None
        report = await lint_stored_workflow(db_session, workflow_id, document)
        if report_format != "html":
            return _report_response(report, report_format, workflow.name)
        shown = document if document is not None else workflow.document
        signoff = await signoff_of(db_session, workflow_id, shown)
        return _report_response(report, report_format, workflow.name, shown, signoff)

    @post("/workflows/{workflow_id:int}/signoff", operation_id="SignOffWorkflow", status_code=201)
    async def signoff(
        self,
        db_session: AsyncSession,
        caller: Caller,
        workflow_id: int,
        data: Annotated[Any, BodyShape(SignoffRequest)],
    ) -> Signoff:
        """Record a reviewer's sign-off ``{reviewer_name, approval_number?, note?, suppressions?}``."""
        signed = await sign_off(db_session, caller, workflow_id, data)
        return cast(Signoff, await signoff_with_version(db_session, signed))

    @get("/workflows/{workflow_id:int}/signoffs", operation_id="ListSignoffs")
    async def signoffs(self, db_session: AsyncSession, workflow_id: int) -> SignoffList:
        return {"signoffs": cast(list[Signoff], await list_signoffs(db_session, workflow_id))}


@get(f"{URL_PREFIX}/{{name:str}}", include_in_schema=False, sync_to_thread=False)
def compliance_guide(name: str) -> Response[Any]:
    """The compliance guides as HTML (``/docs/compliance/checklist``, ``…/prereview``), linked from the report."""
    page = render_guide(name)
    if page is None:
        problem = Problem("not_found", f"안내 문서가 없습니다: {name} / no such guide: {name}")
        return Response({"errors": [problem.as_dict()]}, status_code=404)
    return Response(page, media_type="text/html; charset=utf-8")


ROUTES: list[Any] = [LintController, compliance_guide]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "Lint": "workflow.read",
    "LintWorkflow": "workflow.read",
    "SignOffWorkflow": "signoff",
    "ListSignoffs": "workflow.read",
}
__all__ = ["ROUTES", "ROUTE_PERMISSIONS", "LintController"]
