"""Shapes of the workflow API's bodies (``storage/workflows/api.py``); see ``nodes/schemas.py`` for why TypedDicts."""

from typing import TypedDict

from nodes.schemas import WorkflowDocument


class WorkflowSummary(TypedDict):
    id: int
    name: str
    description: str
    updated_at: str
    published_version: int | None


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
