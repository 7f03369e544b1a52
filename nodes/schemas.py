"""Shapes of the node catalogue's HTTP bodies (``nodes/api.py``) and of a workflow document.

TypedDicts: the handlers keep building plain dicts (the JSON on the wire is unchanged) and mypy checks
them against these shapes; Litestar turns them into ``/schema/openapi.json`` components, from which
``make ui`` generates the editor's types. No ``from __future__ import annotations`` here: Python 3.11
reads ``NotRequired`` only from real annotations.
"""

from typing import Any, Literal, NotRequired, TypedDict

from nodes.channels import ChannelName, Purpose

Category = Literal["trigger", "flow", "action"]


class Problem(TypedDict):
    """One problem: the error body's items and the validation report's ``errors``."""

    code: str
    node: str | None
    path: str  # JSON pointer into the request body or document
    message: str  # Korean, then " / " and English


class ValidationReport(TypedDict):
    valid: bool
    errors: list[Problem]


class Position(TypedDict):
    x: float
    y: float


class DocNode(TypedDict):
    id: str
    type: str
    params: NotRequired[dict[str, Any]]
    position: NotRequired[Position]
    label: NotRequired[str]
    description: NotRequired[str]


class DocEdge(TypedDict):
    source: str
    target: str
    id: NotRequired[str]
    sourcePort: NotRequired[str]


class WorkflowDocument(TypedDict):
    """A ``doctorsflow.workflow/v1`` document (``nodes/validation.py`` checks it; drafts may be incomplete)."""

    format: Literal["doctorsflow.workflow/v1"]
    name: str
    description: NotRequired[str]
    nodes: list[DocNode]
    edges: list[DocEdge]


class Localized(TypedDict):
    ko: str
    en: str


class NodeUiHints(TypedDict, total=False):
    """Editor hints of a node type."""

    template_picker: str  # the param picked from the clinic's AlimTalk templates


class NodeTypeInfo(TypedDict):
    """``NodeType.describe()``: one palette entry, with its params JSON Schema (the editor's form)."""

    type: str
    category: Category
    label: Localized
    description: Localized
    icon: str
    schema: dict[str, Any]
    inputs: list[str]
    outputs: list[str]
    text_fields: list[str]
    channel: ChannelName | None
    purpose: Purpose | None
    events: list[str]
    terminal: bool  # stopping here is the normal end of a path
    starts_runs: Literal["event", "schedule", "manual"] | None  # triggers: what starts their runs
    sample_event: dict[str, Any] | None  # triggers: an event that starts a run for a sample patient
    sample_event_params: dict[str, str]  # event JSON pointer ← params JSON pointer shaping the sample event
    ui: NodeUiHints


class SummaryRequestNode(TypedDict):
    id: str
    type: str
    params: NotRequired[dict[str, Any]]


class SummaryRequest(TypedDict):
    """``POST /api/nodes/summaries``: the nodes of a (draft) document; other node keys are ignored."""

    nodes: list[SummaryRequestNode]


class NodeSummaries(TypedDict):
    """Each node's card sentence by node id (``NodeType.summarize``)."""

    summaries: dict[str, Localized]


class TemplateVariable(TypedDict):
    name: str
    description: str  # Korean / English
    sample: str  # the value for the sample patient ("김민지"); empty when there is none


class NodeCatalogue(TypedDict):
    nodes: list[NodeTypeInfo]
    variables: list[TemplateVariable]
