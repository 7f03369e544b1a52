"""A lint report: findings, counts, and reviewers' suppressions of warnings.

Suppressions live outside the workflow file (DESIGN.md's envelope is fixed): ``lint_workflow(doc,
suppressions=[{"rule", "node", "reason"}])``. A warning (or info) is suppressed only with a non-empty
written reason; errors are never suppressible. A suppression that cannot apply is kept in
``rejected_suppressions`` with the reason, so the reviewer sees why it had no effect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .findings import SEVERITY_ORDER, Finding, Suppression, rule_catalogue
from .workflow_doc import read_nodes

SuppressionInput = Suppression | Mapping[str, Any]


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    rejected_suppressions: tuple[tuple[Suppression, str], ...] = field(default=())

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.active if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.active if f.severity == "warning")

    @property
    def has_errors(self) -> bool:
        return self.errors > 0

    def to_dict(self, with_suggestions: bool = False) -> dict[str, Any]:
        """The DESIGN.md lint report: ``{"findings": [...], "errors": n, "warnings": n}``; the HTTP API adds
        each finding's optional ``suggestion`` (``with_suggestions``), the CLI keeps the exact shape."""
        out: dict[str, Any] = {
            "findings": [f.to_dict(with_suggestion=with_suggestions) for f in self.findings],
            "errors": self.errors,
            "warnings": self.warnings,
        }
        if self.rejected_suppressions:
            out["rejected_suppressions"] = [
                {"rule": s.rule, "node": s.node, "reason": s.reason, "problem": problem}
                for s, problem in self.rejected_suppressions
            ]
        return out


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (
            f.node or "",
            f.field or "",
            f.start if f.start is not None else -1,
            SEVERITY_ORDER[f.severity],
            f.rule,
        ),
    )


@dataclass(frozen=True)
class NodeName:
    """How a report names a node to a reviewer: the name the manager gave it, else its type's label; the id
    (what the file says) is shown beside it in small print."""

    id: str
    name: str
    index: int  # the node's place in the document: the order a reviewer reads the flow in


def node_names(doc: Mapping[str, Any]) -> dict[str, NodeName]:
    """Each node of ``doc`` by id, named as the editor names it (``label``, else "문자 보내기 / Send SMS")."""
    from nodes.registry import get_node_type  # the node catalogue loads only when a report names nodes

    out: dict[str, NodeName] = {}
    raw_nodes = doc.get("nodes")
    raw_by_id = {
        raw["id"]: raw for raw in (raw_nodes if isinstance(raw_nodes, list) else []) if isinstance(raw, Mapping)
    }
    for node in read_nodes(doc):
        label = raw_by_id.get(node.id, {}).get("label")
        if isinstance(label, str) and label.strip():
            name = label.strip()
        else:
            node_type = get_node_type(node.type)
            name = f"{node_type.label['ko']} / {node_type.label['en']}" if node_type is not None else node.id
        out[node.id] = NodeName(node.id, name, node.index)
    return out


def reading_order(findings: Iterable[Finding], nodes: Mapping[str, NodeName] | None = None) -> list[Finding]:
    """Findings as a reviewer reads them: errors first, then warnings, then notes; within a severity in the
    order of the flow's nodes (findings about the whole workflow after them), then by place in the text."""
    known = nodes or {}
    after = 1 + max((n.index for n in known.values()), default=0)

    def place(f: Finding) -> int:
        if f.node is None:
            return after + 1
        entry = known.get(f.node)
        return entry.index if entry is not None else after

    return sorted(
        findings,
        key=lambda f: (
            SEVERITY_ORDER[f.severity],
            place(f),
            f.node or "",
            f.field or "",
            f.start if f.start is not None else -1,
            f.rule,
        ),
    )


def parse_suppressions(raw: Any) -> list[Suppression]:
    """A request's ``suppressions`` array; ``ValueError`` naming what is wrong."""
    if not isinstance(raw, list):
        raise ValueError("suppressions는 배열이어야 합니다 / suppressions must be an array")
    return [parse_suppression(s) for s in raw]


def parse_suppression(raw: SuppressionInput) -> Suppression:
    """A suppression from ``{"rule", "node"?, "reason"}``; ``ValueError`` when it is not one."""
    if isinstance(raw, Suppression):
        return raw
    if not isinstance(raw, Mapping):
        raise ValueError("억제 항목은 객체여야 합니다 / a suppression must be an object {rule, node, reason}")
    rule = raw.get("rule")
    node = raw.get("node")
    reason = raw.get("reason", "")
    if not isinstance(rule, str) or not rule:
        raise ValueError("억제 항목에 rule이 없습니다 / a suppression needs a rule id")
    if node is not None and not isinstance(node, str):
        raise ValueError("억제 항목의 node는 문자열이어야 합니다 / suppression node must be a string")
    if not isinstance(reason, str):
        raise ValueError("억제 사유는 문자열이어야 합니다 / suppression reason must be a string")
    return Suppression(rule, node, reason.strip())


def apply_suppressions(findings: Iterable[Finding], suppressions: Iterable[SuppressionInput]) -> Report:
    findings = list(findings)
    usable: list[Suppression] = []
    rejected: list[tuple[Suppression, str]] = []
    catalogue = rule_catalogue()
    for raw in suppressions:
        suppression = parse_suppression(raw)
        rule = catalogue.get(suppression.rule)
        if rule is None:
            rejected.append((suppression, "알 수 없는 규칙 / unknown rule id"))
        elif not suppression.reason:
            rejected.append((suppression, "억제 사유를 적어야 합니다 / a written reason is required"))
        else:
            usable.append(suppression)
    out: list[Finding] = []
    tried_on_error: dict[Suppression, None] = {}
    for finding in findings:
        for suppression in usable:
            if suppression.rule == finding.rule and suppression.node in (None, finding.node):
                if finding.severity == "error":
                    tried_on_error.setdefault(suppression, None)
                    continue
                finding = replace(finding, suppressed=suppression)
                break
        out.append(finding)
    for suppression in tried_on_error:
        rejected.append((suppression, "오류는 억제할 수 없습니다 / errors cannot be suppressed"))
    return Report(tuple(sort_findings(out)), tuple(rejected))
