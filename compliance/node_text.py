"""Text linting of each node: every text field on the node's channel and purpose.

An AlimTalk is linted as its approved template with ``#{변수}`` filled by the node's variables as written;
a finding that lies inside one variable points at that variable (``/params/variables/이름``) with offsets
into its value, otherwise at ``/params/template`` with offsets into the filled text. Its SMS failover is
linted as an informational SMS.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .alimtalk_catalogue import PLACEHOLDER_RE, TemplateCatalogue
from .findings import Finding
from .nodeinfo import node_info
from .text_rules import lint_text as _lint_text_uncached
from .workflow_doc import WorkflowNode, pointer


@lru_cache(maxsize=4096)
def lint_text(text: str, channel: str, purpose: str) -> tuple[Finding, ...]:
    """Text findings, cached: a workflow repeats the same texts (fallbacks, variables, copied nodes)."""
    return tuple(_lint_text_uncached(text, channel, purpose))


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


def text_findings(node: WorkflowNode, catalogue: TemplateCatalogue) -> Iterator[Finding]:
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
