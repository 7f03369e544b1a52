"""Answers of the review API (``GET /api/review``, ``GET /api/workflows/{id}/review``)."""

from __future__ import annotations

from typing import Literal, TypedDict

from compliance.schemas import LintFinding

ReviewStatus = Literal["draft", "waiting_signoff", "signed", "active", "paused", "archived"]


class ReviewSignoff(TypedDict):
    reviewer_name: str
    signed_by_name: str
    signed_at: str
    approval_number: str | None


class ReviewMessage(TypedDict):
    node: str
    type: str
    channel: str | None
    purpose: str | None
    field: str  # JSON pointer: /params/text, /params/variables/이름, /params/template (the template body)
    label: str
    text: str
    template_status: str | None  # AlimTalk template body: approved | draft | submitted | rejected | library
    findings: list[LintFinding]  # start/end index into text


class WorkflowReview(TypedDict):
    workflow_id: int
    name: str
    checksum: str
    status: ReviewStatus
    advertising: bool
    signoff_required: bool
    signers: list[str]  # who may sign (reviewers and managers of the clinic)
    signoff: ReviewSignoff | None
    errors: int
    warnings: int
    messages: list[ReviewMessage]
    other_findings: list[LintFinding]  # findings not inside one message (graph rules)
    report_url: str  # the HTML report


class ReviewRow(TypedDict):
    id: int
    name: str
    status: ReviewStatus
    advertising: bool
    published_version: int | None
    signed_by_name: str | None
    signed_at: str | None


class ReviewList(TypedDict):
    workflows: list[ReviewRow]
