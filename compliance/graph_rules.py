"""Graph rules on a workflow document (DESIGN.md v1 format) and per-node text linting.

* CONSENT-MARKETING-GATE: remove the ``yes`` edges of ``branch.consent`` (purpose marketing); an
  advertising send still reachable from the trigger has a path around the gate.
* ADV-NIGHT / CONSENT-NIGHT-GATE: the minutes of the day at which each node can act are propagated from
  the trigger as a 1,440-bit set (a schedule's cron hours and minutes, ``wait.until``'s ``at``,
  ``wait.duration``'s hours and minutes as a rotation; anything unknown is "any time", so it can fall at
  night). An advertising send whose set meets the channel's night window (FriendTalk 20:00–08:00, SMS
  21:00–08:00) warns unless every path passes a ``branch.consent`` purpose ``night_ads`` ``yes`` port.
* KAKAO-TEMPLATE-*: against a :class:`~compliance.templates.TemplateCatalogue`.
* Text of every node: :func:`~compliance.text_rules.lint_text` on each text field; an AlimTalk is linted
  as the approved template with its ``#{변수}`` filled by the node's variables as written.

The checker never raises on a malformed document: structure is the validator's job, so edges to unknown
nodes are skipped and a document without a trigger is linted node by node.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .findings import Finding, make_finding
from .nodeinfo import node_info
from .report import Report, SuppressionInput, apply_suppressions
from .templates import PLACEHOLDER_RE, TemplateCatalogue, default_catalogue
from .text_rules import lint_text

DAY = 1440
ANY_TIME = (1 << DAY) - 1
SEND_TYPES = ("send.alimtalk", "send.friendtalk", "send.sms")


def _minutes(start: int, end: int) -> int:
    """Bit set of minutes in [start, end) of one day (wrapping past midnight)."""
    if start <= end:
        return ((1 << end) - 1) ^ ((1 << start) - 1)
    return _minutes(start, DAY) | _minutes(0, end)


NIGHT = {"friendtalk": _minutes(20 * 60, 8 * 60), "sms": _minutes(21 * 60, 8 * 60)}
NIGHT_LABEL = {"friendtalk": "20:00–08:00", "sms": "21:00–08:00"}


def pointer(*parts: str) -> str:
    """A JSON pointer (RFC 6901) from raw path parts."""
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class _Node:
    id: str
    index: int
    type: str
    params: Mapping[str, Any]


def _nodes(doc: Mapping[str, Any]) -> list[_Node]:
    nodes: list[_Node] = []
    seen: set[str] = set()
    raw_nodes = doc.get("nodes")
    for index, raw in enumerate(raw_nodes if isinstance(raw_nodes, list) else []):
        if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str) or raw["id"] in seen:
            continue
        params = raw.get("params")
        node_type = raw.get("type")
        seen.add(raw["id"])
        nodes.append(
            _Node(
                raw["id"],
                index,
                node_type if isinstance(node_type, str) else "",
                params if isinstance(params, Mapping) else {},
            )
        )
    return nodes


def _graph(doc: Mapping[str, Any], nodes: list[_Node]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, node=node)
    raw_edges = doc.get("edges")
    for raw in raw_edges if isinstance(raw_edges, list) else []:
        if not isinstance(raw, Mapping):
            continue
        source, target = raw.get("source"), raw.get("target")
        if source in graph and target in graph:
            port = raw.get("sourcePort") or "out"
            graph.add_edge(source, target, port=port if isinstance(port, str) else "out")
    return graph


def _is_advertising_send(node: _Node) -> bool:
    return node.type in SEND_TYPES and node_info(node.type, node.params).purpose == "advertising"


def _consent_purpose(node: _Node) -> str | None:
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


# ---- send-time windows -------------------------------------------------------------------------


def _cron_minutes(expression: Any) -> int:
    """Minutes of the day a cron expression fires at (ANY_TIME when it cannot be read)."""
    if not isinstance(expression, str):
        return ANY_TIME
    try:
        from croniter import croniter

        expanded, _ = croniter.expand(expression)
    except Exception:  # an invalid cron is the validator's finding; here it means "unknown time"
        return ANY_TIME
    minutes, hours = expanded[0], expanded[1]
    minute_values = range(60) if minutes == ["*"] else [int(m) for m in minutes]
    hour_values = range(24) if hours == ["*"] else [int(h) for h in hours]
    bits = 0
    for hour in hour_values:
        for minute in minute_values:
            bits |= 1 << (hour * 60 + minute)
    return bits or ANY_TIME


def _hhmm(value: Any) -> int | None:
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return None
    try:
        hour, minute = int(value[:2]), int(value[3:])
    except ValueError:
        return None
    return hour * 60 + minute if 0 <= hour < 24 and 0 <= minute < 60 else None


def _rotate(bits: int, minutes: int) -> int:
    minutes %= DAY
    return ((bits << minutes) | (bits >> (DAY - minutes))) & ANY_TIME if minutes else bits


def _shift(node: _Node, incoming: int) -> int:
    """Minutes of the day at which ``node`` passes control on, given the minutes it is reached at."""
    params = node.params
    if node.type == "trigger.schedule":
        return _cron_minutes(params.get("cron"))
    if node.type.startswith("trigger."):
        return ANY_TIME  # events arrive at any time
    if node.type == "wait.until":
        at = _hhmm(params.get("at"))
        if at is not None:
            return 1 << at
        return incoming if params.get("anchor", "trigger") == "trigger" else ANY_TIME
    if node.type == "wait.duration":
        try:
            delta = int(params.get("hours") or 0) * 60 + int(params.get("minutes") or 0)
        except (TypeError, ValueError):
            return ANY_TIME
        return _rotate(incoming, delta)
    return incoming


def send_windows(graph: nx.MultiDiGraph) -> dict[str, int]:
    """For each node, the minutes of the day at which it can act (bit i = minute i, Seoul time)."""
    if not nx.is_directed_acyclic_graph(graph):
        return dict.fromkeys(graph.nodes, ANY_TIME)
    arrive: dict[str, int] = {}
    leave: dict[str, int] = {}
    for node_id in nx.topological_sort(graph):
        incoming = 0
        for predecessor in graph.predecessors(node_id):
            incoming |= leave[predecessor]
        arrive[node_id] = incoming or ANY_TIME
        leave[node_id] = _shift(graph.nodes[node_id]["node"], arrive[node_id])
    return arrive


def _describe_minutes(bits: int) -> str:
    if bits == ANY_TIME:
        return "언제든 / any time"
    times = [f"{m // 60:02d}:{m % 60:02d}" for m in range(DAY) if bits >> m & 1]
    return ", ".join(times[:6]) + (" …" if len(times) > 6 else "")


# ---- rules ---------------------------------------------------------------------------------------


def _consent_findings(graph: nx.MultiDiGraph, trigger: str) -> Iterator[Finding]:
    windows = send_windows(graph)
    outside_marketing = _reachable_avoiding_gate(graph, trigger, "marketing")
    outside_night = _reachable_avoiding_gate(graph, trigger, "night_ads")
    reachable = set(nx.descendants(graph, trigger))
    for node_id in sorted(reachable):
        node: _Node = graph.nodes[node_id]["node"]
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
                f"발송 시각({_describe_minutes(windows.get(node_id, ANY_TIME))})이 야간 "
                f"{NIGHT_LABEL.get(channel, NIGHT_LABEL['sms'])}에 걸릴 수 있습니다. 08:00까지 보류됩니다 / "
                "may fall at night without night-ads consent; it will be held until 08:00",
            ).at(node_id, None)


def _template_findings(node: _Node, catalogue: TemplateCatalogue) -> Iterator[Finding]:
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


@dataclass(frozen=True)
class _Segment:
    start: int  # in the filled text
    end: int
    field: str  # JSON pointer of the source
    offset: int  # start of this segment in the source field's text


def fill_template(text: str, variables: Mapping[str, Any], node_pointer: str) -> tuple[str, list[_Segment]]:
    """The template with ``#{변수}`` replaced by the node's values as written, and where each part came from."""
    out: list[str] = []
    segments: list[_Segment] = []
    pos = 0
    length = 0
    template_field = node_pointer + "/template"

    def add(piece: str, field: str, offset: int) -> None:
        nonlocal length
        if piece:
            segments.append(_Segment(length, length + len(piece), field, offset))
            out.append(piece)
            length += len(piece)

    for m in PLACEHOLDER_RE.finditer(text):
        add(text[pos : m.start()], template_field, pos)
        value = variables.get(m.group(1))
        if isinstance(value, str):
            add(value, node_pointer + pointer("variables", m.group(1)), 0)
        else:  # a missing variable stays visible (KAKAO-TEMPLATE-VARIABLES reports it)
            add(m.group(0), template_field, m.start())
        pos = m.end()
    add(text[pos:], template_field, pos)
    return "".join(out), segments


def _map_to_source(finding: Finding, segments: list[_Segment], node_id: str, fallback_field: str) -> Finding:
    """Point a finding on filled text at the template or variable it came from, when it lies in one part."""
    if finding.start is not None and finding.end is not None:
        for segment in segments:
            if segment.start <= finding.start < segment.end or finding.start == finding.end == segment.start:
                if finding.end <= segment.end:
                    shift = segment.offset - segment.start
                    return Finding(
                        finding.rule,
                        finding.severity,
                        finding.start + shift,
                        finding.end + shift,
                        finding.message,
                        finding.citation,
                        node_id,
                        segment.field,
                        excerpt=finding.excerpt,
                    )
                break
    return finding.at(node_id, fallback_field)


_SUBJECT_SKIP = frozenset(
    {"ADV-LABEL", "ADV-OPTOUT", "ADV-SENDER", "MSG-SMS-LENGTH", "MSA-PREREVIEW", "MSA-OMIT-RISK", "MSG-EMPTY"}
)
_FAILOVER_RULES = frozenset({"MSG-SMS-LENGTH", "PII-HEALTH-IN-SMS"})
_NON_SEND_RULES = frozenset({"MSG-UNKNOWN-VARIABLE", "PII-RRN"})


def _text_findings(node: _Node, catalogue: TemplateCatalogue) -> Iterator[Finding]:
    info = node_info(node.type, node.params)
    base = pointer("params")
    if node.type == "send.alimtalk":
        code = node.params.get("template")
        template = catalogue.get(code) if isinstance(code, str) else None
        variables = node.params.get("variables")
        variables = variables if isinstance(variables, Mapping) else {}
        if template is not None:
            filled, segments = fill_template(template.text, variables, base)
            for finding in lint_text(filled, "alimtalk", "informational"):
                yield _map_to_source(finding, segments, node.id, base + "/template")
            failover = node.params.get("failover")
            if isinstance(failover, Mapping) and isinstance(failover.get("text"), str):
                field = base + "/failover/text"
                for finding in lint_text(failover["text"], "sms", "informational"):
                    yield finding.at(node.id, field)
            elif isinstance(failover, Mapping):  # the AlimTalk text itself goes as SMS/LMS
                for finding in lint_text(filled, "sms", "informational"):
                    if finding.rule in _FAILOVER_RULES:
                        yield finding.at(node.id, base + "/failover")
        else:  # no template to fill: still check what the node itself writes
            for key, value in variables.items():
                if isinstance(value, str):
                    for finding in lint_text(value, "alimtalk", "informational"):
                        if finding.rule in _NON_SEND_RULES:
                            yield finding.at(node.id, base + pointer("variables", key))
        return
    if info.channel is not None and info.purpose is not None:
        text = node.params.get("text")
        if isinstance(text, str):
            for finding in lint_text(text, info.channel, info.purpose):
                yield finding.at(node.id, base + "/text")
        subject = node.params.get("subject")
        if isinstance(subject, str):
            for finding in lint_text(subject, info.channel, info.purpose):
                if finding.rule not in _SUBJECT_SKIP:
                    yield finding.at(node.id, base + "/subject")
        return
    for field, value in _text_values(node.params, info.text_fields):
        for finding in lint_text(value, "sms", "informational"):
            if finding.rule in _NON_SEND_RULES:
                yield finding.at(node.id, base + field)


def _text_values(params: Mapping[str, Any], fields: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(pointer, text) for each text field pattern ("/a/*/b" — "*" matches any key)."""
    for field in fields:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in field.split("/")[1:]]
        stack: list[tuple[Any, list[str]]] = [(params, [])]
        for part in parts:
            next_stack: list[tuple[Any, list[str]]] = []
            for value, path in stack:
                if isinstance(value, Mapping):
                    keys = list(value) if part == "*" else [part]
                    next_stack.extend((value[k], [*path, str(k)]) for k in keys if k in value)
            stack = next_stack
        for value, path in stack:
            if isinstance(value, str):
                yield pointer(*path), value


def workflow_findings(doc: Mapping[str, Any], catalogue: TemplateCatalogue | None = None) -> list[Finding]:
    """Every finding of a workflow document, unsuppressed and unsorted."""
    catalogue = catalogue or default_catalogue()
    nodes = _nodes(doc)
    graph = _graph(doc, nodes)
    findings: list[Finding] = []
    for node in nodes:
        if node.type == "send.alimtalk":
            findings.extend(_template_findings(node, catalogue))
        findings.extend(_text_findings(node, catalogue))
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
