"""Shapes of the workflow API's bodies (``storage/workflows/api.py``); see ``nodes/schemas.py`` for why TypedDicts."""

from typing import Any, Literal, TypedDict

from nodes.schemas import WorkflowDocument

WorkflowStatus = Literal["draft", "active", "paused", "archived"]


class WorkflowSummary(TypedDict):
    id: int
    name: str
    description: str
    updated_at: str
    published_version: int | None
    status: WorkflowStatus


class VersionSummary(TypedDict):
    workflow_id: int
    version: int
    published_at: str
    published_by: str | None
    published_by_name: str | None  # the person (or "명령줄 / command line") behind published_by
    checksum: str


class WorkflowDetail(WorkflowSummary):
    document: WorkflowDocument
    created_at: str
    versions: list[VersionSummary]


class PublishedVersion(VersionSummary):
    """A published version with its document (``publish``, ``versions/{n}``)."""

    document: WorkflowDocument


class WorkflowList(TypedDict):
    workflows: list[WorkflowSummary]


class VersionList(TypedDict):
    versions: list[VersionSummary]


class ExampleInfo(TypedDict):
    slug: str
    name: str
    description: str


class ExampleList(TypedDict):
    examples: list[ExampleInfo]


class PublishedWorkflow(WorkflowDetail):
    """``POST …/publish``: the workflow's detail (status ``active``) with the version it just published
    (``workflow_id``, ``version``, ``published_at`` as before the lifecycle)."""

    workflow_id: int
    version: int
    published_at: str
    published_by: str | None
    published_by_name: str | None
    checksum: str
    warnings: list[str]  # other live workflows sharing its trigger and filter (a patient may get both)


class DiffChange(TypedDict):
    """One difference between two documents: ``path`` is a JSON pointer-like label (``nodes/care_d1/params/text``)."""

    path: str
    change: Literal["added", "removed", "changed"]
    before: Any
    after: Any


class VersionDiff(TypedDict):
    workflow_id: int
    base: str  # "v1" or "draft"
    target: str
    changes: list[DiffChange]
