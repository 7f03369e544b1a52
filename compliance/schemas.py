"""Shapes of the compliance API's bodies (``compliance/api.py``); see ``nodes/schemas.py`` for why TypedDicts."""

from typing import NotRequired, TypedDict

from compliance.findings import Severity
from nodes.channels import ChannelName, Purpose
from nodes.schemas import WorkflowDocument


class SuppressionIn(TypedDict):
    """A reviewer accepts one warning: ``{"rule", "node"?, "reason"}``."""

    rule: str
    node: NotRequired[str | None]
    reason: str


class SuppressedBy(TypedDict):
    reason: str


class SuggestedRewrite(TypedDict):
    """A compliant alternative: replace ``[start, end)`` of the text by ``text`` (insert when equal)."""

    kind: str  # remove | replace | insert | move
    start: int
    end: int
    text: str
    message: str


class LintFinding(TypedDict):
    rule: str
    severity: Severity
    node: str | None
    field: str | None  # JSON pointer into the node's params
    start: int | None
    end: int | None
    message: str
    citation: str | None
    suppressed: NotRequired[SuppressedBy]
    suggestion: NotRequired[SuggestedRewrite]


class RejectedSuppression(TypedDict):
    rule: str
    node: str | None
    reason: str
    problem: str


class LintReport(TypedDict):
    """DESIGN.md's lint report (``?format=json``; sarif, html and text are other media types)."""

    findings: list[LintFinding]
    errors: int
    warnings: int
    rejected_suppressions: NotRequired[list[RejectedSuppression]]


class LintWorkflowRequest(TypedDict):
    workflow: WorkflowDocument
    suppressions: NotRequired[list[SuppressionIn]]


class MessageIn(TypedDict):
    id: NotRequired[str | None]
    channel: ChannelName
    purpose: Purpose
    text: str


class LintMessagesRequest(TypedDict):
    messages: list[MessageIn]


LintRequest = LintWorkflowRequest | LintMessagesRequest


class MessageFindings(TypedDict):
    id: str | None
    findings: list[LintFinding]


class MessageLintReport(TypedDict):
    results: list[MessageFindings]
    errors: int
    warnings: int


class SignoffRequest(TypedDict):
    reviewer_name: NotRequired[str]  # only for callers without a user (API tokens): a user signs as themselves
    approval_number: NotRequired[str | None]
    note: NotRequired[str | None]
    suppressions: NotRequired[list[SuppressionIn]]


class Signoff(TypedDict):
    id: int
    workflow_id: int
    version: int | None  # the published version of this exact document, once published
    checksum: str
    reviewer_name: str
    approval_number: str | None
    note: str
    warnings: int
    suppressions: list[SuppressionIn]
    signed_at: str
    signed_by: str | None
    signed_by_name: str | None  # the person behind signed_by, not user:1


class SignoffList(TypedDict):
    signoffs: list[Signoff]
