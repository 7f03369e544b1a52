"""Render a lint report as JSON (DESIGN.md), text, SARIF 2.1.0 or a self-contained HTML page."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from .findings import Finding, rule_catalogue
from .report import Report

FORMATS = ("json", "text", "sarif", "html")
CHECKLIST_URL = "docs/compliance/checklist.md"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SEVERITY_KO = {"error": "오류 / error", "warning": "경고 / warning", "info": "참고 / info"}


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


def render_html(report: Report, title: str = "", checklist_url: str = CHECKLIST_URL) -> str:
    """A self-contained, printable page (inline CSS, no scripts) a reviewer can read and sign."""
    template = _environment().get_template("report.html.j2")
    rows = [
        {
            "finding": f,
            "severity_label": _SEVERITY_KO[f.severity],
            "where": _where(f),
            "href": f"{checklist_url}#{rule_anchor(f.rule)}",
        }
        for f in report.findings
    ]
    return template.render(
        title=title or "워크플로 / workflow",
        rows=rows,
        report=report,
        rejected=report.rejected_suppressions,
        generated=datetime.now(ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%d %H:%M (서울 / Seoul)"),
        checklist_url=checklist_url,
    )


def render(
    report: Report,
    fmt: str,
    title: str = "",
    artifact_uri: str = "workflow.json",
    checklist_url: str = CHECKLIST_URL,
) -> str:
    if fmt == "json":
        return render_json(report) + "\n"
    if fmt == "text":
        return render_text(report)
    if fmt == "sarif":
        return json.dumps(render_sarif(report, artifact_uri), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(report, title, checklist_url)
    raise ValueError(f"알 수 없는 형식: {fmt} / unknown format (json, text, sarif, html)")
