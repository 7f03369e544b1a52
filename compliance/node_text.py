"""Each node's own findings: its type's ``lint`` hook, or by default every text field on its channel and purpose.

A node type with a ``lint`` hook (``nodes/<type>/lint.py``, e.g. the AlimTalk template checks) gets a
:class:`~nodes.base.LintContext` — the text rules and the clinic's template catalogue — and returns neutral
:class:`~nodes.base.LintIssue`\\ s that become findings here (severity and citation from the rule catalogue).

The default, for a node without a hook: a send node's first text field is its message (every rule of its
channel and purpose); further fields (an LMS subject) skip the rules about the whole message. A node that
sends nothing (staff notices) is checked for unknown variables and resident registration numbers only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any

from nodes.base import LintContext, LintIssue, NodeType
from nodes.registry import get_node_type

from .alimtalk_catalogue import TemplateCatalogue
from .findings import Finding, make_finding
from .suggestions import Suggestion
from .text_rules import lint_plain_text
from .text_rules import lint_text as _lint_text_uncached
from .workflow_doc import WorkflowNode, pointer


@lru_cache(maxsize=4096)
def lint_text(text: str, channel: str, purpose: str) -> tuple[Finding, ...]:
    """Text findings, cached: a workflow repeats the same texts (fallbacks, variables, copied nodes)."""
    return tuple(_lint_text_uncached(text, channel, purpose))


def _text_issues(text: str, channel: str, purpose: str) -> tuple[LintIssue, ...]:
    """The text rules as a lint hook sees them: issues carrying their finding."""
    return tuple(
        LintIssue(f.rule, None, f.start, f.end, f.message, origin=f) for f in lint_text(text, channel, purpose)
    )


def _as_issue(finding: Finding) -> LintIssue:
    """A finding of the default text lint, for a hook to pass on (field and offsets kept)."""
    return LintIssue(finding.rule, finding.field, finding.start, finding.end, finding.message, origin=finding)


def as_finding(issue: LintIssue, node_id: str) -> Finding:
    """A node's lint issue as a finding on ``node_id``: a re-pointed text finding keeps its severity and message."""
    if isinstance(issue.origin, Finding):
        origin = issue.origin
        moved = replace(origin, start=issue.start, end=issue.end, rewrite=partial(_repointed_rewrite, origin, issue))
        return moved.at(node_id, issue.field)
    return make_finding(issue.rule, issue.start, issue.end, issue.message).at(node_id, issue.field)


# fields a hook points at that hold no text of their own: the template's code, the failover settings
_NOT_TEXT = frozenset({"/params/template", "/params/failover"})


def _repointed_rewrite(origin: Finding, issue: LintIssue) -> Suggestion | None:
    """The rewrite of a finding a hook re-pointed (a filled AlimTalk template's words, found in the variable
    they came from), shifted with it. None where it cannot be applied: on the template itself (the field holds
    the template's code; its text is Kakao-approved) or reaching before the variable's start (an edit reaching
    past its end is refused by the editor, which checks the length)."""
    suggestion = origin.suggestion
    if suggestion is None or issue.start is None or origin.start is None:
        return None
    if issue.field in _NOT_TEXT:
        return None
    if issue.start == origin.start:
        return suggestion  # not moved (a node's own text, an AlimTalk failover text)
    if issue.field is None or not issue.field.startswith("/params/variables/"):
        return None
    shifted = suggestion.shifted(issue.start - origin.start)
    return shifted if shifted.start >= 0 else None


_SUBJECT_SKIP = frozenset(
    {"ADV-LABEL", "ADV-OPTOUT", "ADV-SENDER", "MSG-SMS-LENGTH", "MSA-PREREVIEW", "MSA-OMIT-RISK", "MSG-EMPTY"}
)


def node_findings(node: WorkflowNode, catalogue: TemplateCatalogue) -> Iterator[Finding]:
    """Every finding of one node (text and its type's own checks); nothing for an unknown type."""
    node_type = get_node_type(node.type)
    if node_type is None:
        return
    if node_type.lint is not None:
        context = LintContext(
            lint_text=_text_issues,
            template=catalogue.get,
            text_fields=lambda: (_as_issue(f) for f in text_findings(node_type, node)),
        )
        for issue in node_type.lint(node.params, context):
            yield as_finding(issue, node.id)
        return
    yield from text_findings(node_type, node)


def text_findings(node_type: NodeType, node: WorkflowNode) -> Iterator[Finding]:
    """The default text lint of a node (see the module docstring)."""
    base = pointer("params")
    purpose = node_type.purpose(node.params)
    for index, pattern in enumerate(node_type.text_fields):
        for field, value in text_values(node.params, (pattern,)):
            if node_type.channel is None or purpose is None:
                findings: Iterable[Finding] = lint_plain_text(value)
            else:
                findings = (
                    f for f in lint_text(value, node_type.channel, purpose) if index == 0 or f.rule not in _SUBJECT_SKIP
                )
            for finding in findings:
                yield finding.at(node.id, base + field)


def text_values(params: Mapping[str, Any], fields: Iterable[str]) -> Iterator[tuple[str, str]]:
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
