"""Reviewers' sign-offs: who approved which document (by checksum), with the advertising pre-review number.

A sign-off is refused while any error-severity finding remains. Its suppressions (accepted warnings, each
with a written reason) are applied to later lint reports of the workflow. A sign-off belongs to the
published version whose document has the same checksum.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from compliance.report import Report, Suppression, parse_suppressions
from storage import audit
from storage.accounts.names import actor_names
from storage.clinics import lint_for_clinic
from storage.errors import ApiError, Problem, finding_problems
from storage.models import ComplianceSignoff, User, WorkflowVersion
from storage.publish_gate import is_advertising
from storage.tenancy import Caller
from storage.workflows import service


def _text(body: dict[str, Any], key: str, limit: int, required: bool) -> str | None:
    value = body.get(key)
    if value is None or (isinstance(value, str) and not value.strip() and not required):
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ApiError(
            422,
            [
                Problem(
                    f"bad_{key}",
                    f"{key}: 1~{limit}자 문자열이어야 합니다 / {key} must be a 1–{limit} character string",
                    path=f"/{key}",
                )
            ],
        )
    return value.strip()


def suppressions_or_422(raw: Any) -> list[Suppression]:
    """A request's ``suppressions``, or a 422 ``bad_suppression`` saying what is wrong."""
    try:
        return parse_suppressions(raw)
    except ValueError as exc:
        raise ApiError(422, [Problem("bad_suppression", str(exc), path="/suppressions")]) from exc


async def latest_suppressions(session: AsyncSession, workflow_id: int) -> list[dict[str, Any]]:
    query = (
        select(ComplianceSignoff)
        .where(ComplianceSignoff.workflow_id == workflow_id)
        .order_by(ComplianceSignoff.signed_at.desc(), ComplianceSignoff.id.desc())
        .limit(1)
    )
    latest = (await session.execute(query)).scalar_one_or_none()
    return list(latest.suppressions) if latest is not None else []


async def lint_stored_workflow(
    session: AsyncSession, workflow_id: int, document: dict[str, Any] | None = None
) -> Report:
    """Lint a workflow's draft (or ``document``, e.g. a published version) with its sign-off suppressions."""
    if document is None:
        document = (await service.get_workflow(session, workflow_id)).document
    suppressions = await latest_suppressions(session, workflow_id)
    return await lint_for_clinic(session, document, suppressions)


async def sign_off(session: AsyncSession, caller: Caller, workflow_id: int, body: Any) -> ComplianceSignoff:
    if not isinstance(body, dict):
        raise ApiError(422, [Problem("not_an_object", "본문은 JSON 객체여야 합니다 / body must be a JSON object")])
    workflow = await service.get_workflow(session, workflow_id)
    # The reviewer is the logged-in user; a typed name only for callers without one (API tokens, the CLI).
    user = await session.get(User, caller.user_id) if caller.user_id is not None else None
    reviewer = user.name if user is not None else _text(body, "reviewer_name", 100, required=True)
    approval = _text(body, "approval_number", 100, required=False)
    note = _text(body, "note", 2000, required=False) or ""
    suppressions = suppressions_or_422(body.get("suppressions", []))
    doc = workflow.document
    report = await lint_for_clinic(session, doc, suppressions)
    if report.has_errors:
        raise ApiError(422, blocking_problems(report))
    if report.rejected_suppressions:
        raise ApiError(
            422,
            [
                Problem("bad_suppression", f"{s.rule}: {problem}", node=s.node, path="/suppressions")
                for s, problem in report.rejected_suppressions
            ],
        )
    if is_advertising(doc) and approval is None and not note:
        raise ApiError(
            422,
            [
                Problem(
                    "approval_number_required",
                    "광고가 포함된 워크플로는 의료광고 심의번호가 필요합니다 (심의 대상이 아니면 메모에 그 사유를 적으세요) / "
                    "an advertising workflow needs the pre-review approval number, or a note saying why none is needed",
                    path="/approval_number",
                )
            ],
        )
    signoff = ComplianceSignoff(
        clinic_id=caller.clinic_id,
        workflow_id=workflow.id,
        checksum=service.canonical_checksum(doc),
        reviewer_name=reviewer,
        approval_number=approval,
        note=note,
        warnings=report.warnings + sum(1 for f in report.findings if f.suppressed is not None),
        suppressions=[{"rule": s.rule, "node": s.node, "reason": s.reason} for s in suppressions],
        signed_by=caller.actor,
    )
    session.add(signoff)
    await session.flush()
    audit.record(session, caller, "workflow.signoff", f"workflow:{workflow.id}", signoff=signoff.id)
    return signoff


async def list_signoffs(session: AsyncSession, workflow_id: int) -> list[dict[str, Any]]:
    await service.get_workflow(session, workflow_id)
    query = select(ComplianceSignoff).where(ComplianceSignoff.workflow_id == workflow_id).order_by(ComplianceSignoff.id)
    rows = list((await session.execute(query)).scalars())
    versions = {v.checksum: v.version for v in await service.list_versions(session, workflow_id)}
    names = await actor_names(session, (row.signed_by for row in rows))
    return [signoff_dict(row, versions.get(row.checksum), names) for row in rows]


async def signoff_with_version(session: AsyncSession, signoff: ComplianceSignoff) -> dict[str, Any]:
    query = select(WorkflowVersion.version).where(
        WorkflowVersion.workflow_id == signoff.workflow_id, WorkflowVersion.checksum == signoff.checksum
    )
    version = (await session.execute(query)).scalars().first()
    return signoff_dict(signoff, version, await actor_names(session, [signoff.signed_by]))


def signoff_dict(
    signoff: ComplianceSignoff, version: int | None, names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    return {
        "id": signoff.id,
        "workflow_id": signoff.workflow_id,
        "version": version,  # the published version of this exact document, once published
        "checksum": signoff.checksum,
        "reviewer_name": signoff.reviewer_name,
        "approval_number": signoff.approval_number,
        "note": signoff.note,
        "warnings": signoff.warnings,
        "suppressions": signoff.suppressions,
        "signed_at": signoff.signed_at.isoformat(),
        "signed_by": signoff.signed_by,
        "signed_by_name": (names or {}).get(signoff.signed_by or "", signoff.reviewer_name),
    }


def blocking_problems(report: Report) -> list[Problem]:
    return finding_problems(finding for finding in report.active if finding.severity == "error")
