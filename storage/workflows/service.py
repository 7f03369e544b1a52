"""Draft, publish and read workflows. Handlers and the command line call these; they never commit."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.registry import get_node_type
from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.models import Workflow, WorkflowVersion
from storage.publish_gate import publish_problems
from storage.tenancy import Caller
from storage.workflows import lifecycle

FORMAT = "doctorsflow.workflow/v1"


def _name_problem(name: object) -> tuple[str, str] | None:
    if not isinstance(name, str):
        return "글자여야 합니다", "must be text"
    if not name.strip():
        return "비어 있으면 안 됩니다", "must not be empty"
    if len(name) > 200:
        return "너무 깁니다 (최대 200자)", "too long (at most 200 characters)"
    return None


def check_envelope(doc: Any) -> dict[str, Any]:
    """A draft may be an unfinished graph, but it must be a workflow document; otherwise 422."""
    problems: list[Problem] = []
    if not isinstance(doc, dict):
        raise ApiError(422, [Problem("not_an_object", "워크플로는 JSON 객체여야 합니다 / workflow must be an object")])
    if doc.get("format") != FORMAT:
        problems.append(
            Problem(
                "bad_format",
                f'"format"은 "{FORMAT}"이어야 합니다 / "format" must be "{FORMAT}"',
                path="/format",
            )
        )
    name_problem = _name_problem(doc.get("name"))
    if name_problem is not None:  # in the words of the toolbar's name box, which is what the manager sees
        problems.append(
            Problem("bad_name", f"워크플로 이름: {name_problem[0]} / Workflow name: {name_problem[1]}", path="/name")
        )
    for key in ("nodes", "edges"):
        items = doc.get(key)
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            problems.append(
                Problem(
                    f"bad_{key}",
                    f'"{key}"는 객체의 배열이어야 합니다 / "{key}" must be an array of objects',
                    path=f"/{key}",
                )
            )
    if "description" in doc and not isinstance(doc["description"], str):
        problems.append(
            Problem(
                "bad_description",
                "설명은 문자열이어야 합니다 / description must be a string",
                path="/description",
            )
        )
    if problems:
        raise ApiError(422, problems)
    return doc


def canonical_checksum(doc: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


async def list_workflows(session: AsyncSession, status: str | None = None) -> list[Workflow]:
    """Every workflow of the clinic, archived ones included (history), newest first; or those in ``status``."""
    query = select(Workflow).order_by(Workflow.updated_at.desc(), Workflow.id.desc())
    if status is not None:
        query = query.where(Workflow.status == status)
    return list((await session.execute(query)).scalars())


async def get_workflow(session: AsyncSession, workflow_id: int) -> Workflow:
    workflow = await session.get(Workflow, workflow_id)
    # session.get bypasses loader criteria for identity-map hits, so check the clinic explicitly too.
    clinic_id = session.sync_session.info.get("clinic_id")
    if workflow is None or (clinic_id is not None and workflow.clinic_id != clinic_id):
        raise not_found("워크플로", "workflow")
    return workflow


async def editable_workflow(session: AsyncSession, workflow_id: int) -> Workflow:
    """A workflow whose draft may change: not archived (409 otherwise: unarchive it first)."""
    workflow = await get_workflow(session, workflow_id)
    if workflow.status == "archived":
        raise ApiError(
            409,
            [
                Problem(
                    "workflow_archived",
                    "보관된 워크플로는 고칠 수 없습니다. 먼저 보관을 해제하세요"
                    " / an archived workflow cannot change; unarchive it first",
                    path="/status",
                )
            ],
        )
    return workflow


async def distinct_name(session: AsyncSession, name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)`` … when the clinic already has a workflow called that."""
    taken = set((await session.execute(select(Workflow.name))).scalars())
    if name not in taken:
        return name
    base = re.sub(r" \(\d+\)$", "", name)
    number = 2
    while f"{base} ({number})" in taken:
        number += 1
    return f"{base} ({number})"[:200]


async def create_workflow(session: AsyncSession, caller: Caller, doc: Any, *, unique_name: bool = False) -> Workflow:
    """A new draft. ``unique_name``: a copy (an example started again) gets a distinct name, "… (2)"."""
    doc = check_envelope(doc)
    name = doc["name"].strip()
    if unique_name:
        name = await distinct_name(session, name)
        doc = {**doc, "name": name}
    workflow = Workflow(
        clinic_id=caller.clinic_id,
        status="draft",
        name=name,
        description=doc.get("description", ""),
        document=doc,
    )
    session.add(workflow)
    await session.flush()
    audit.record(session, caller, "workflow.create", f"workflow:{workflow.id}")
    return workflow


async def update_workflow(session: AsyncSession, caller: Caller, workflow_id: int, doc: Any) -> Workflow:
    doc = check_envelope(doc)
    workflow = await editable_workflow(session, workflow_id)
    workflow.document = doc
    workflow.name = doc["name"].strip()
    workflow.description = doc.get("description", "")
    await session.flush()
    audit.record(session, caller, "workflow.update", f"workflow:{workflow.id}")
    return workflow


async def archive_workflow(session: AsyncSession, caller: Caller, workflow_id: int) -> None:
    """DELETE: archive (runs and pending sends cancelled, history kept); archiving twice changes nothing."""
    workflow = await get_workflow(session, workflow_id)
    if workflow.status != "archived":
        await lifecycle.archive(session, caller, workflow)


async def restore_version(session: AsyncSession, caller: Caller, workflow_id: int, version: int) -> Workflow:
    """A past version's document becomes the draft again (the live version is untouched until published)."""
    workflow = await editable_workflow(session, workflow_id)
    found = await get_version(session, workflow_id, version)
    workflow.document = dict(found.document)
    workflow.name = str(found.document.get("name") or workflow.name).strip()
    workflow.description = str(found.document.get("description") or "")
    await session.flush()
    audit.record(session, caller, "workflow.restore", f"workflow:{workflow.id}", version=version)
    return workflow


async def publish(session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowVersion:
    """Freeze the draft as the next version and make it live (status active). Refused (422) while any error
    remains, 409 for an archived workflow."""
    workflow = await get_workflow(session, workflow_id)
    lifecycle.check_transition(workflow, "publish")
    doc = workflow.document
    # The gate (storage/publish_gate.py): valid, no lint error for this clinic, signed off when advertising.
    problems = await publish_problems(session, workflow.clinic_id, workflow.id, doc, canonical_checksum(doc))
    if problems:
        raise ApiError(422, problems)
    versions = await list_versions(session, workflow_id)
    if versions and versions[-1].checksum == canonical_checksum(doc):
        latest = versions[-1]  # publishing an unchanged draft again is a no-op (safe to retry)
        if workflow.published_version != latest.version or workflow.status != "active":
            before = workflow.status
            workflow.published_version, workflow.status = latest.version, "active"
            audit.record(
                session, caller, "workflow.publish", f"workflow:{workflow.id}", version=latest.version, before=before
            )
        return latest
    trigger = next(n["type"] for n in doc["nodes"] if (t := get_node_type(n.get("type"))) and t.category == "trigger")
    version = WorkflowVersion(
        clinic_id=workflow.clinic_id,
        workflow_id=workflow.id,
        version=(versions[-1].version + 1) if versions else 1,
        document=doc,
        checksum=canonical_checksum(doc),
        trigger_type=trigger,
        published_by=caller.actor,
    )
    session.add(version)
    await session.flush()
    before = workflow.status
    workflow.published_version, workflow.status = version.version, "active"
    audit.record(session, caller, "workflow.publish", f"workflow:{workflow.id}", version=version.version, before=before)
    return version


async def list_versions(session: AsyncSession, workflow_id: int) -> list[WorkflowVersion]:
    query = select(WorkflowVersion).where(WorkflowVersion.workflow_id == workflow_id).order_by(WorkflowVersion.version)
    return list((await session.execute(query)).scalars())


async def get_version(session: AsyncSession, workflow_id: int, version: int) -> WorkflowVersion:
    await get_workflow(session, workflow_id)
    query = select(WorkflowVersion).where(
        WorkflowVersion.workflow_id == workflow_id, WorkflowVersion.version == version
    )
    found = (await session.execute(query)).scalar_one_or_none()
    if found is None:
        raise not_found("버전", "version")
    return found


async def live_versions(session: AsyncSession, trigger_type: str | None = None) -> list[WorkflowVersion]:
    """The published version that is live for each workflow of the session's clinic (for the runtime)."""
    query = (
        select(WorkflowVersion)
        .join(Workflow, Workflow.id == WorkflowVersion.workflow_id)
        .where(Workflow.status == "active", Workflow.published_version == WorkflowVersion.version)
    )
    if trigger_type is not None:
        query = query.where(WorkflowVersion.trigger_type == trigger_type)
    return list((await session.execute(query)).scalars())
