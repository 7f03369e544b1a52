"""Render a lint report as JSON (DESIGN.md), text, SARIF 2.1.0 or a self-contained HTML page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from .findings import Finding, rule_catalogue
from .report import NodeName, Report, node_names, reading_order
from .report_formats import CHECKLIST_URL

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SEVERITY_KO = {"error": "오류 / error", "warning": "경고 / warning", "info": "참고 / info"}
_SEOUL = ZoneInfo("Asia/Seoul")
_WEEKDAYS_KO = "월화수목금토일"


def rule_anchor(rule_id: str) -> str:
    """The anchor of a rule in docs/compliance/checklist.md (``MSA-SUPERLATIVE`` → ``msa-superlative``)."""
    return rule_id.lower()


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def _where(finding: Finding) -> str:
    parts = []
    if finding.node:
        parts.append(f"node {finding.node}")
    if finding.field:
        parts.append(finding.field)
    if finding.start is not None and finding.end is not None and finding.end > finding.start:
        parts.append(f"[{finding.start}:{finding.end}]")
    return " ".join(parts) or "-"


def render_text(report: Report) -> str:
    lines = []
    for finding in report.findings:
        mark = " (억제됨 / suppressed)" if finding.suppressed else ""
        lines.append(f"{finding.severity.upper():7} {finding.rule}{mark}  {_where(finding)}")
        lines.append(f"        {finding.message}")
        if finding.excerpt:
            lines.append(f"        «{finding.excerpt}»")
        lines.append(f"        근거 / source: {finding.citation}")
        if finding.suppressed:
            lines.append(f"        억제 사유 / reason: {finding.suppressed.reason}")
    for suppression, problem in report.rejected_suppressions:
        lines.append(
            f"NOTE    억제 무시 / suppression ignored: {suppression.rule} {suppression.node or ''} — {problem}"
        )
    lines.append(
        f"오류 {report.errors}건, 경고 {report.warnings}건 / {report.errors} errors, {report.warnings} warnings"
    )
    return "\n".join(lines) + "\n"


def render_sarif(report: Report, artifact_uri: str = "workflow.json") -> dict[str, Any]:
    """SARIF 2.1.0: one run, every catalogue rule, one result per finding.

    ``region.charOffset`` / ``charLength`` are offsets into the text of the finding's field (named in
    ``properties.field``), not into the file: the node and field are the logical location.
    """
    catalogue = rule_catalogue()
    rule_ids = sorted(catalogue)
    rules = [
        {
            "id": rule_id,
            "name": rule_id.title().replace("-", ""),
            "shortDescription": {"text": catalogue[rule_id].title},
            "fullDescription": {"text": f"{catalogue[rule_id].title}. {catalogue[rule_id].citation}"},
            "helpUri": f"{CHECKLIST_URL}#{rule_anchor(rule_id)}",
            "defaultConfiguration": {"level": _SARIF_LEVEL[catalogue[rule_id].severity]},
            "properties": {"citation": catalogue[rule_id].citation, "family": catalogue[rule_id].family},
        }
        for rule_id in rule_ids
    ]
    results = []
    for finding in report.findings:
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri}}}
        if finding.start is not None and finding.end is not None:
            location["physicalLocation"]["region"] = {
                "charOffset": finding.start,
                "charLength": finding.end - finding.start,
            }
            if finding.excerpt:
                location["physicalLocation"]["region"]["snippet"] = {"text": finding.excerpt}
        if finding.node is not None:
            location["logicalLocations"] = [
                {
                    "name": finding.node,
                    "fullyQualifiedName": f"{finding.node}{finding.field or ''}",
                    "kind": "object",
                }
            ]
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_ids.index(finding.rule),
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [location],
            "properties": {"severity": finding.severity, "field": finding.field, "citation": finding.citation},
        }
        if finding.suppressed is not None:
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": finding.suppressed.reason}
            ]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "doctorsflow-lint",
                        "version": "1.0.0",
                        "informationUri": "https://doctorsflow.example/docs/compliance",
                        "rules": rules,
                    }
                },
                "artifacts": [{"location": {"uri": artifact_uri}}],
                "results": results,
            }
        ],
    }


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent)),
        autoescape=True,  # every finding text comes from users: always escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )


def seoul_when(moment: datetime) -> str:
    """``2026년 12월 8일 (화) 오후 3:00`` in Seoul time: how the product writes a date and time everywhere."""
    local = (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone(_SEOUL)
    half = "오전" if local.hour < 12 else "오후"
    return (
        f"{local.year}년 {local.month}월 {local.day}일 ({_WEEKDAYS_KO[local.weekday()]}) "
        f"{half} {local.hour % 12 or 12}:{local.minute:02d}"
    )


def _place(finding: Finding, nodes: Mapping[str, NodeName]) -> tuple[str, str]:
    """What the reviewer reads as the finding's place (the node's name) and the small print under it (id, field)."""
    # the flagged words are quoted beside the message: offsets into the field would only be noise here
    small = " · ".join(part for part in (finding.node, finding.field) if part)
    if finding.node is None:
        return "워크플로 전체 / whole workflow", small
    named = nodes.get(finding.node)
    return (named.name if named is not None else finding.node), small


def render_html(
    report: Report,
    title: str = "",
    checklist_url: str = CHECKLIST_URL,
    doc: Mapping[str, Any] | None = None,
    signoff: Mapping[str, Any] | None = None,
) -> str:
    """A self-contained, printable page (inline CSS, no scripts) a reviewer can read and sign.

    With the workflow ``doc`` each node is named as in the editor (id in small print) and findings follow the
    flow's node order within each severity; ``signoff`` (``signed_by_name``, ``signed_at`` ISO, ``approval_number``)
    fills the sign-off block of a document already signed."""
    template = _environment().get_template("report.html.j2")
    nodes = node_names(doc) if doc is not None else {}
    rows = []
    for f in reading_order(report.findings, nodes):
        name, small = _place(f, nodes)
        rows.append(
            {
                "finding": f,
                "severity_label": _SEVERITY_KO[f.severity],
                "node_name": name,
                "where": small,
                "href": f"{checklist_url}#{rule_anchor(f.rule)}",
            }
        )
    signed = None
    if signoff is not None:
        signed = {
            "name": signoff.get("signed_by_name") or signoff.get("reviewer_name") or "",
            "at": seoul_when(datetime.fromisoformat(str(signoff["signed_at"]))),
            "approval_number": signoff.get("approval_number") or "",
        }
    return template.render(
        title=title or "워크플로 / workflow",
        rows=rows,
        report=report,
        rejected=report.rejected_suppressions,
        generated=f"{seoul_when(datetime.now(_SEOUL))} (서울 / Seoul)",
        checklist_url=checklist_url,
        signed=signed,
    )


def render(
    report: Report,
    fmt: str,
    title: str = "",
    artifact_uri: str = "workflow.json",
    checklist_url: str = CHECKLIST_URL,
    doc: Mapping[str, Any] | None = None,
    signoff: Mapping[str, Any] | None = None,
) -> str:
    """The report in ``fmt``; ``doc`` and ``signoff`` are read by the HTML page only (see :func:`render_html`)."""
    if fmt == "json":
        return render_json(report) + "\n"
    if fmt == "text":
        return render_text(report)
    if fmt == "sarif":
        return json.dumps(render_sarif(report, artifact_uri), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(report, title, checklist_url, doc, signoff)
    raise ValueError(f"알 수 없는 형식: {fmt} / unknown format (json, text, sarif, html)")
