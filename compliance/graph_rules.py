"""Lint a workflow document (DESIGN.md v1 format): graph rules, each node's own findings, and its text.

* CONSENT-MARKETING-GATE: remove the gate port (``yes``) edges of consent gates (node types whose
  ``consent_purpose()`` is marketing); an advertising send still reachable from the trigger has a path
  around the gate.
* ADV-NIGHT / CONSENT-NIGHT-GATE: an advertising send whose possible send times (:mod:`.send_times`)
  meet its channel's night window (the clinic's settings; defaults FriendTalk 20:00–08:00, SMS
  21:00–08:00) warns unless every path passes a ``night_ads`` consent gate (then CONSENT-NIGHT-GATE, info).
* Each node: its type's ``lint`` hook (e.g. AlimTalk template checks) or the text of its text fields
  (:mod:`.node_text`).

"Is a send", "is advertising", "is a trigger", "is a consent gate" come from the node types in the
registry, never from type names. The checker never raises on a malformed document: structure is the
validator's job, so edges to unknown nodes are skipped and a document without a trigger is linted node
by node.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from nodes.base import NodeType
from nodes.registry import get_node_type

from .alimtalk_catalogue import TemplateCatalogue, default_catalogue
from .clinic_values import empty_value_findings
from .findings import Finding, make_finding
from .node_text import node_findings
from .report import Report, SuppressionInput, apply_suppressions
from .send_times import ANY_TIME, channel_night, describe_minutes, send_windows
from .workflow_doc import WorkflowNode, build_graph, read_nodes


def _node_type(node: WorkflowNode) -> NodeType | None:
    return get_node_type(node.type)


def _is_advertising_send(node: WorkflowNode) -> bool:
    node_type = _node_type(node)
    return node_type is not None and node_type.is_send and node_type.is_advertising(node.params)


def _gate_port(node: WorkflowNode, purpose: str) -> str | None:
    """The port of ``node`` taken when the patient holds ``purpose`` consent (None: not such a gate)."""
    node_type = _node_type(node)
    if node_type is None or node_type.consent_purpose(node.params) != purpose:
        return None
    return node_type.gate_port


def _reachable_avoiding_gate(graph: nx.MultiDiGraph, trigger: str, purpose: str) -> set[str]:
    """Nodes reachable from the trigger without leaving a consent gate of ``purpose`` through its gate port."""
    gated = nx.MultiDiGraph()
    gated.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        if data["port"] == _gate_port(graph.nodes[u]["node"], purpose):
            continue
        gated.add_edge(u, v)
    return set(nx.descendants(gated, trigger)) | {trigger}


def _consent_findings(graph: nx.MultiDiGraph, trigger: str, settings: Mapping[str, Any]) -> Iterator[Finding]:
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
        node_type = _node_type(node)
        night = channel_night(node_type.channel if node_type else None, settings)
        gated = node_id not in outside_night
        if gated:
            yield make_finding(
                "CONSENT-NIGHT-GATE",
                None,
                None,
                "야간 광고 동의(night_ads)로 보호된 경로입니다 / every path is gated by night-ads consent",
            ).at(node_id, None)
        elif night is not None and windows.get(node_id, ANY_TIME) & night.minutes:
            yield make_finding(
                "ADV-NIGHT",
                None,
                None,
                f"발송 시각({describe_minutes(windows.get(node_id, ANY_TIME))})이 야간 "
                f"{night.label}에 걸릴 수 있습니다. {night.end}까지 보류됩니다 / "
                f"may fall at night without night-ads consent; it will be held until {night.end}",
            ).at(node_id, None)


def workflow_findings(
    doc: Mapping[str, Any],
    catalogue: TemplateCatalogue | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
    clinic: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Every finding of a workflow document, unsuppressed and unsorted. ``settings``: the clinic's settings
    (night windows); None: the defaults (offline). ``clinic``: the clinic's ``{{ clinic.* }}`` values, whose
    empty ones are MSG-EMPTY-VARIABLE; None: no clinic known (offline)."""
    catalogue = catalogue or default_catalogue()
    nodes = read_nodes(doc)
    graph = build_graph(doc, nodes)
    findings: list[Finding] = []
    for node in nodes:
        findings.extend(node_findings(node, catalogue))
    if clinic is not None:
        findings.extend(empty_value_findings(nodes, clinic))
    triggers = [n.id for n in nodes if (t := _node_type(n)) is not None and t.category == "trigger"]
    if len(triggers) == 1:
        findings.extend(_consent_findings(graph, triggers[0], settings or {}))
    else:  # no single trigger: every advertising send is ungated as far as we can tell
        for node in nodes:
            if _is_advertising_send(node):
                findings.append(make_finding("CONSENT-MARKETING-GATE", None, None).at(node.id, None))
    return findings


def lint_workflow(
    doc: Mapping[str, Any],
    catalogue: TemplateCatalogue | None = None,
    suppressions: Iterable[SuppressionInput] = (),
    *,
    settings: Mapping[str, Any] | None = None,
    clinic: Mapping[str, str] | None = None,
) -> Report:
    """Lint a workflow document: text of every node and the graph rules; suppressions applied.
    ``settings``: the caller's clinic settings (night windows); None: the defaults (offline CLI).
    ``clinic``: the clinic's ``{{ clinic.* }}`` values (empty ones are errors); None: offline."""
    return apply_suppressions(workflow_findings(doc, catalogue, settings=settings, clinic=clinic), suppressions)
