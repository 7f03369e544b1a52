"""HTTP API of workflows: drafts, validation, publishing, versions, import/export, examples."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, cast

from litestar import Controller, delete, get, post, put
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from nodes import examples
from nodes.registry import using_catalogue
from nodes.schemas import ValidationReport, WorkflowDocument
from nodes.validation import problems_as_report, validate_workflow
from runtime.impact import overlap_warnings
from storage.accounts.guards import requires
from storage.accounts.names import actor_names
from storage.errors import not_found
from storage.models import Workflow, WorkflowVersion
from storage.openapi import BodyShape
from storage.procedures.catalogue import load_catalogue
from storage.tenancy import Caller
from storage.workflows import lifecycle, service
from storage.workflows.diff import diff_documents
from storage.workflows.schemas import (
    ExampleInfo,
    ExampleList,
    PublishedVersion,
    PublishedWorkflow,
    VersionDiff,
    VersionList,
    VersionSummary,
    WorkflowDetail,
    WorkflowList,
    WorkflowStatus,
    WorkflowSummary,
)

# The service checks the document and answers our own problems; the framework only checks it is an object.
DocumentBody = Annotated[dict[str, Any], BodyShape(WorkflowDocument)]


def _document(document: dict[str, Any]) -> WorkflowDocument:
    return cast(WorkflowDocument, document)


def summary(workflow: Workflow) -> WorkflowSummary:
    return {
        "id": workflow.id,
        "name": workflow.name,
        "description": workflow.description,
        "updated_at": workflow.updated_at.isoformat(),
        "published_version": workflow.published_version,
        "status": cast(WorkflowStatus, workflow.status),
    }


def version_summary(version: WorkflowVersion, names: Mapping[str, str] | None = None) -> VersionSummary:
    by = version.published_by
    return {
        "workflow_id": version.workflow_id,
        "version": version.version,
        "published_at": version.published_at.isoformat(),
        "published_by": by,
        "published_by_name": (names or {}).get(by, by) if by else None,  # a person's name, not user:1
        "checksum": version.checksum,
    }


async def detail(session: AsyncSession, workflow: Workflow) -> WorkflowDetail:
    versions = await service.list_versions(session, workflow.id)
    names = await actor_names(session, (v.published_by for v in versions))
    return {
        **summary(workflow),
        "document": _document(workflow.document),
        "created_at": workflow.created_at.isoformat(),
        "versions": [version_summary(v, names) for v in versions],
    }


class WorkflowController(Controller):
    path = "/api/workflows"
    tags = ["workflows"]

    @get("/", operation_id="ListWorkflows", guards=[requires("workflow.read")])
    async def list_workflows(self, db_session: AsyncSession, status: WorkflowStatus | None = None) -> WorkflowList:
        """Every workflow with its ``status`` (archived ones included: their history stays); ``?status=`` filters."""
        return {"workflows": [summary(w) for w in await service.list_workflows(db_session, status)]}

    @post("/", operation_id="CreateWorkflow", guards=[requires("workflow.write")])
    async def create(self, db_session: AsyncSession, caller: Caller, data: DocumentBody) -> WorkflowDetail:
        return await detail(db_session, await service.create_workflow(db_session, caller, data))

    @post("/import", operation_id="ImportWorkflow", guards=[requires("workflow.write")])
    async def import_file(self, db_session: AsyncSession, caller: Caller, data: DocumentBody) -> WorkflowDetail:
        return await detail(db_session, await service.create_workflow(db_session, caller, data))

    @get("/{workflow_id:int}", operation_id="GetWorkflow", guards=[requires("workflow.read")])
    async def get_one(self, db_session: AsyncSession, workflow_id: int) -> WorkflowDetail:
        return await detail(db_session, await service.get_workflow(db_session, workflow_id))

    @put("/{workflow_id:int}", operation_id="UpdateWorkflow", guards=[requires("workflow.write")])
    async def update(
        self, db_session: AsyncSession, caller: Caller, workflow_id: int, data: DocumentBody
    ) -> WorkflowDetail:
        return await detail(db_session, await service.update_workflow(db_session, caller, workflow_id, data))

    @delete("/{workflow_id:int}", operation_id="DeleteWorkflow", guards=[requires("workflow.write")])
    async def remove(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> None:
        await service.archive_workflow(db_session, caller, workflow_id)

    @post(
        "/{workflow_id:int}/validate",
        operation_id="ValidateWorkflow",
        guards=[requires("workflow.read")],
        status_code=200,
    )
    async def validate(self, db_session: AsyncSession, workflow_id: int) -> ValidationReport:
        workflow = await service.get_workflow(db_session, workflow_id)
        with using_catalogue(await load_catalogue(db_session, workflow.clinic_id)):  # the clinic's own codes
            return problems_as_report(validate_workflow(workflow.document))

    @post("/{workflow_id:int}/publish", operation_id="PublishWorkflow", guards=[requires("workflow.publish")])
    async def publish(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> PublishedWorkflow:
        """Publish the draft as the next version; the workflow becomes ``active``. 409 when archived."""
        version = await service.publish(db_session, caller, workflow_id)
        workflow = await service.get_workflow(db_session, workflow_id)
        warnings = await overlap_warnings(db_session, workflow)
        names = await actor_names(db_session, [version.published_by])
        return {**(await detail(db_session, workflow)), **version_summary(version, names), "warnings": warnings}

    @post(
        "/{workflow_id:int}/pause",
        operation_id="PauseWorkflow",
        guards=[requires("workflow.publish")],
        status_code=200,
    )
    async def pause(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowDetail:
        """active → paused: no new enrolments; pending sends and waits are held, not dropped. 409 otherwise."""
        workflow = await lifecycle.pause(db_session, caller, await service.get_workflow(db_session, workflow_id))
        return await detail(db_session, workflow)

    @post(
        "/{workflow_id:int}/resume",
        operation_id="ResumeWorkflow",
        guards=[requires("workflow.publish")],
        status_code=200,
    )
    async def resume(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowDetail:
        """paused → active: held sends that came due go out once. 409 otherwise."""
        workflow = await lifecycle.resume(db_session, caller, await service.get_workflow(db_session, workflow_id))
        return await detail(db_session, workflow)

    @post(
        "/{workflow_id:int}/archive",
        operation_id="ArchiveWorkflow",
        guards=[requires("workflow.publish")],
        status_code=200,
    )
    async def archive(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowDetail:
        """→ archived: open runs and their unsent messages are cancelled; history is kept. 409 when archived."""
        workflow = await lifecycle.archive(db_session, caller, await service.get_workflow(db_session, workflow_id))
        return await detail(db_session, workflow)

    @post(
        "/{workflow_id:int}/unarchive",
        operation_id="UnarchiveWorkflow",
        guards=[requires("workflow.publish")],
        status_code=200,
    )
    async def unarchive(self, db_session: AsyncSession, caller: Caller, workflow_id: int) -> WorkflowDetail:
        """archived → draft (publish to make it live again). 409 otherwise."""
        workflow = await lifecycle.unarchive(db_session, caller, await service.get_workflow(db_session, workflow_id))
        return await detail(db_session, workflow)

    @post(
        "/{workflow_id:int}/versions/{version:int}/restore",
        operation_id="RestoreWorkflowVersion",
        guards=[requires("workflow.write")],
        status_code=200,
    )
    async def restore(self, db_session: AsyncSession, caller: Caller, workflow_id: int, version: int) -> WorkflowDetail:
        """A past version's document becomes the draft (the live version runs on until the next publish)."""
        return await detail(db_session, await service.restore_version(db_session, caller, workflow_id, version))

    @get("/{workflow_id:int}/diff", operation_id="DiffWorkflowVersions", guards=[requires("workflow.read")])
    async def diff(
        self,
        db_session: AsyncSession,
        workflow_id: int,
        base: int | None = Parameter(default=None, ge=1, description="the older version (default: the newest)"),
        target: int | None = Parameter(default=None, ge=1, description="the newer version (default: the draft)"),
    ) -> VersionDiff:
        """What changed from version ``base`` (default: the newest version) to ``target`` (default: the draft)."""
        workflow = await service.get_workflow(db_session, workflow_id)
        if base is None:
            versions = await service.list_versions(db_session, workflow_id)
            base = versions[-1].version if versions else None
        before: dict[str, Any] = {}
        if base is not None:
            before = (await service.get_version(db_session, workflow_id, base)).document
        if target is None:
            after_doc = workflow.document
        else:
            after_doc = (await service.get_version(db_session, workflow_id, target)).document
        return {
            "workflow_id": workflow_id,
            "base": "none" if base is None else f"v{base}",
            "target": "draft" if target is None else f"v{target}",
            "changes": diff_documents(before, after_doc),
        }

    @get("/{workflow_id:int}/versions", operation_id="ListWorkflowVersions", guards=[requires("workflow.read")])
    async def versions(self, db_session: AsyncSession, workflow_id: int) -> VersionList:
        await service.get_workflow(db_session, workflow_id)
        versions = await service.list_versions(db_session, workflow_id)
        names = await actor_names(db_session, (v.published_by for v in versions))
        return {"versions": [version_summary(v, names) for v in versions]}

    @get(
        "/{workflow_id:int}/versions/{version:int}",
        operation_id="GetWorkflowVersion",
        guards=[requires("workflow.read")],
    )
    async def version(self, db_session: AsyncSession, workflow_id: int, version: int) -> PublishedVersion:
        found = await service.get_version(db_session, workflow_id, version)
        names = await actor_names(db_session, [found.published_by])
        return {**version_summary(found, names), "document": _document(found.document)}

    @get("/{workflow_id:int}/export", operation_id="ExportWorkflow", guards=[requires("workflow.read")])
    async def export(
        self, db_session: AsyncSession, workflow_id: int, version: int | None = Parameter(default=None, ge=1)
    ) -> WorkflowDocument:
        if version is not None:
            return _document((await service.get_version(db_session, workflow_id, version)).document)
        return _document((await service.get_workflow(db_session, workflow_id)).document)


class ExampleController(Controller):
    path = "/api/examples"
    tags = ["workflows"]

    @get("/", operation_id="ListExamples", guards=[requires("workflow.read")])
    async def list_examples(self) -> ExampleList:
        return {"examples": cast(list[ExampleInfo], examples.list_examples())}

    @post("/{slug:str}/import", operation_id="ImportExample", guards=[requires("workflow.write")])
    async def import_example(self, db_session: AsyncSession, caller: Caller, slug: str) -> WorkflowDetail:
        doc = examples.load_example(slug)
        if doc is None:
            raise not_found("예제", "example")
        # Started twice, an example gets "… (2)": two live copies must not look the same in the list.
        return await detail(db_session, await service.create_workflow(db_session, caller, doc, unique_name=True))


ROUTES = [WorkflowController, ExampleController]
