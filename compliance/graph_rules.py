"""Lint a workflow document (DESIGN.md v1 format): graph rules, templates, and the text of every node.

* CONSENT-MARKETING-GATE: remove the ``yes`` edges of ``branch.consent`` (purpose marketing); an
  advertising send still reachable from the trigger has a path around the gate.
* ADV-NIGHT / CONSENT-NIGHT-GATE: an advertising send whose possible send times (:mod:`.send_times`)
  meet the channel's night window (FriendTalk 20:00–08:00, SMS 21:00–08:00) warns unless every path
  passes a ``branch.consent`` purpose ``night_ads`` ``yes`` port (then it is CONSENT-NIGHT-GATE, info).
* KAKAO-TEMPLATE-*: against a :class:`~compliance.alimtalk_catalogue.TemplateCatalogue`.
* Text of every node: :mod:`.node_text`.

The checker never raises on a malformed document: structure is the validator's job, so edges to unknown
nodes are skipped and a document without a trigger is linted node by node.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from .alimtalk_catalogue import TemplateCatalogue, default_catalogue
from .findings import Finding, make_finding
from .node_text import text_findings
from .nodeinfo import node_info
from .report import Report, SuppressionInput, apply_suppressions
from .send_times import ANY_TIME, NIGHT, NIGHT_LABEL, describe_minutes, send_windows
from .workflow_doc import WorkflowNode, build_graph, pointer, read_nodes

SEND_TYPES = ("send.alimtalk", "send.friendtalk", "send.sms")


def _is_advertising_send(node: WorkflowNode) -> bool:
    return node.type in SEND_TYPES and node_info(node.type, node.params).purpose == "advertising"


def _consent_purpose(node: WorkflowNode) -> str | None:
    purpose = node.params.get("purpose")
    return purpose if node.type == "branch.consent" and isinstance(purpose, str) else None


def _reachable_avoiding_gate(graph: nx.MultiDiGraph, trigger: str, purpose: str) -> set[str]:
    """Nodes reachable from the trigger without leaving a consent branch of ``purpose`` through ``yes``."""
    gated = nx.MultiDiGraph()
    gated.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        if data["port"] == "yes" and _consent_purpose(graph.nodes[u]["node"]) == purpose:
            continue
        gated.add_edge(u, v)
    return set(nx.descendants(gated, trigger)) | {trigger}


def _consent_findings(graph: nx.MultiDiGraph, trigger: str) -> Iterator[Finding]:
    windows = send_windows(graph)
    outside_marketing = _reachable_avoiding_gate(graph, trigger, "marketing")
    outside_night = _reachable_avoiding_gate(graph, trigger, "night_ads")
    reachable = set(nx.descendants(graph, trigger))
    for node_id in sorted(reachable):
        node: WorkflowNode = graph.nodes[node_id]["node"]
        if not _is_advertising_send(node):
            continue
        if node_id in outside_marketing:
            yield make_finding(
                "CONSENT-MARKETING-GATE",
                None,
                None,
                "마케팅 동의(branch.consent: marketing)의 '예' 출구를 거치지 않는 경로가 있습니다 / a path "
                "reaches this advertising send without passing a marketing-consent 'yes' port",
            ).at(node_id, None)
        channel = node_info(node.type, node.params).channel or "sms"
        night = NIGHT.get(channel, NIGHT["sms"])
        gated = node_id not in outside_night
        if gated:
            yield make_finding(
                "CONSENT-NIGHT-GATE",
                None,
                None,
                "야간 광고 동의(night_ads)로 보호된 경로입니다 / every path is gated by night-ads consent",
            ).at(node_id, None)
        elif windows.get(node_id, ANY_TIME) & night:
            yield make_finding(
                "ADV-NIGHT",
                None,
                None,
                f"발송 시각({describe_minutes(windows.get(node_id, ANY_TIME))})이 야간 "
                f"{NIGHT_LABEL.get(channel, NIGHT_LABEL['sms'])}에 걸릴 수 있습니다. 08:00까지 보류됩니다 / "
                "may fall at night without night-ads consent; it will be held until 08:00",
            ).at(node_id, None)


def _template_findings(node: WorkflowNode, catalogue: TemplateCatalogue) -> Iterator[Finding]:
    code = node.params.get("template")
    template = catalogue.get(code) if isinstance(code, str) else None
    if template is None or template.status != "approved":
        status = "없음 / not found" if template is None else f"{template.status}"
        yield make_finding("KAKAO-TEMPLATE-UNAPPROVED", None, None, f"템플릿 '{code}': {status}").at(
            node.id, pointer("params", "template")
        )
        if template is None:
            return
    variables = node.params.get("variables")
    given = set(variables) if isinstance(variables, Mapping) else set()
    wanted = set(template.placeholders)
    missing, extra = sorted(wanted - given), sorted(given - wanted)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"빠진 변수 / missing: {', '.join(missing)}")
        if extra:
            parts.append(f"템플릿에 없는 변수 / not in template: {', '.join(extra)}")
        yield make_finding("KAKAO-TEMPLATE-VARIABLES", None, None, "; ".join(parts)).at(
            node.id, pointer("params", "variables")
        )


def workflow_findings(doc: Mapping[str, Any], catalogue: TemplateCatalogue | None = None) -> list[Finding]:
    """Every finding of a workflow document, unsuppressed and unsorted."""
    catalogue = catalogue or default_catalogue()
    nodes = read_nodes(doc)
    graph = build_graph(doc, nodes)
    findings: list[Finding] = []
    for node in nodes:
        if node.type == "send.alimtalk":
            findings.extend(_template_findings(node, catalogue))
        findings.extend(text_findings(node, catalogue))
    triggers = [n.id for n in nodes if n.type.startswith("trigger.")]
    if len(triggers) == 1:
        findings.extend(_consent_findings(graph, triggers[0]))
    else:  # no single trigger: every advertising send is ungated as far as we can tell
        for node in nodes:
            if _is_advertising_send(node):
                findings.append(make_finding("CONSENT-MARKETING-GATE", None, None).at(node.id, None))
    return findings


def lint_workflow(
    doc: Mapping[str, Any],
    catalogue: TemplateCatalogue | None = None,
    suppressions: Iterable[SuppressionInput] = (),
) -> Report:
    """Lint a workflow document: text of every node and the graph rules; suppressions applied."""
    return apply_suppressions(workflow_findings(doc, catalogue), suppressions)
