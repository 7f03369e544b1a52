"""The publish gate, as the clinic sees it: what keeps a workflow draft from going live.

1. the document must be valid (validation problems);
2. no error finding may remain in the clinic's lint — its AlimTalk templates (KAKAO-TEMPLATE-UNAPPROVED for a
   library original or an unapproved copy), night windows and ``{{ clinic.* }}`` values (MSG-EMPTY-VARIABLE),
   each with its rule id as ``code``;
3. with the clinic setting ``signoff_required_for_ads`` (default on), a workflow containing an advertising
   message needs a reviewer's sign-off of this exact document (its checksum): ``signoff_required``, naming who
   may sign.

The same rules whatever the provider (sandbox or live): what Kakao or the law would refuse is never published.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from compliance.gate import blocking_findings
from nodes.registry import get_node_type, using_catalogue
from nodes.validation import validate_workflow
from storage.accounts.permissions import ROLE_PERMISSIONS
from storage.alimtalk_templates.store import clinic_catalogue
from storage.clinics import clinic_settings, clinic_variables
from storage.errors import Problem, finding_problems
from storage.models import ComplianceSignoff, User
from storage.procedures.catalogue import load_catalogue


def is_advertising(doc: dict[str, Any]) -> bool:
    """Whether any node of the document sends an advertising message."""
    raw_nodes = doc.get("nodes")
    for node in raw_nodes if isinstance(raw_nodes, list) else []:
        if not isinstance(node, dict) or not isinstance(node.get("type"), str):
            continue
        params = node.get("params")
        node_type = get_node_type(node["type"])
        if node_type is not None and node_type.is_advertising(params if isinstance(params, dict) else {}):
            return True
    return False


async def signers(session: AsyncSession, clinic_id: int) -> list[str]:
    """Names of the clinic's active users who may sign off (reviewers and managers)."""
    roles = [role for role, actions in ROLE_PERMISSIONS.items() if "signoff" in actions]
    query = (
        select(User.name)
        .where(User.clinic_id == clinic_id, User.active.is_(True), User.role.in_(roles))
        .order_by(User.role.desc(), User.name)
    )
    return list((await session.execute(query)).scalars())


async def signed(session: AsyncSession, workflow_id: int, checksum: str) -> ComplianceSignoff | None:
    query = (
        select(ComplianceSignoff)
        .where(ComplianceSignoff.workflow_id == workflow_id, ComplianceSignoff.checksum == checksum)
        .order_by(ComplianceSignoff.id.desc())
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def signoff_needed(session: AsyncSession, doc: dict[str, Any]) -> bool:
    """Whether this clinic needs a sign-off before publishing ``doc`` (an advertising workflow, setting on)."""
    return bool((await clinic_settings(session)).get("signoff_required_for_ads", True)) and is_advertising(doc)


async def publish_problems(
    session: AsyncSession, clinic_id: int, workflow_id: int, doc: dict[str, Any], checksum: str
) -> list[Any]:
    """Everything that keeps ``doc`` from being published now (empty: it may go live)."""
    with using_catalogue(await load_catalogue(session, clinic_id)):  # the clinic's procedure codes are valid
        problems: list[Any] = list(validate_workflow(doc))  # the compliance rules assume a well-formed graph
    if problems:
        return problems
    findings = blocking_findings(
        doc,
        await clinic_catalogue(session),
        settings=await clinic_settings(session),
        clinic=await clinic_variables(session),
    )
    if findings:
        return finding_problems(findings)
    if await signoff_needed(session, doc) and await signed(session, workflow_id, checksum) is None:
        names = await signers(session, clinic_id)
        who = ", ".join(names) if names else "검토자 / a reviewer"
        return [
            Problem(
                "signoff_required",
                f"광고가 포함된 워크플로는 이 버전에 대한 검토자 서명이 있어야 게시할 수 있습니다. 서명할 사람: {who} "
                f"(검토 화면에서 서명) / an advertising workflow needs a reviewer's sign-off of this exact version "
                f"before publishing; who may sign: {who} (on the review page)",
            )
        ]
    return []
