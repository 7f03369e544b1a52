"""Findings and the rule catalogue (ids, severities, citations) shared by text rules, graph rules and reports.

The catalogue is data (``rules/catalogue.json``); rule ids are the public contract of RULES.md.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
RULES_DIR = Path(__file__).parent / "rules"
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    family: str
    title: str  # "Korean / English"
    citation: str


@cache
def rule_catalogue() -> dict[str, Rule]:
    """Every rule id with its default severity, family, title and legal citation."""
    raw: dict[str, dict[str, str]] = json.loads((RULES_DIR / "catalogue.json").read_text("utf-8"))
    return {
        rule_id: Rule(rule_id, entry["severity"], entry["family"], entry["title"], entry["citation"])  # type: ignore[arg-type]
        for rule_id, entry in raw.items()
    }


def family_of(rule_id: str) -> str:
    """The report family of a rule: MSA, KAKAO, ADV, CONSENT/PII (one family for the corpus) or MSG."""
    family = rule_catalogue()[rule_id].family
    return "CONSENT/PII" if family in ("CONSENT", "PII") else family


@dataclass(frozen=True)
class Suppression:
    """A reviewer's decision to accept a warning, with the reason shown in every report."""

    rule: str
    node: str | None
    reason: str


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    start: int | None  # offsets into the original text of ``field`` (None: the finding is about the graph)
    end: int | None
    message: str  # Korean / English
    citation: str
    node: str | None = None
    field: str | None = None  # JSON pointer into the workflow document
    suppressed: Suppression | None = dataclasses.field(default=None, compare=False)
    excerpt: str | None = dataclasses.field(default=None, compare=False)  # the flagged text, for reports
    # how to compute a compliant rewrite (a compliance.suggestions.Suggestion) when one is asked for: linting
    # stays fast, the rewrite (which re-checks its candidates) is worked out only where it is shown
    rewrite: Callable[[], Any] | None = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def suggestion(self) -> Any:
        """The compliant rewrite (:class:`compliance.suggestions.Suggestion`) or None; computed once."""
        memo = self.__dict__  # a frozen dataclass: the computed rewrite is kept beside its fields
        if "_suggestion" not in memo:
            memo["_suggestion"] = self.rewrite() if self.rewrite is not None else None
        return memo["_suggestion"]

    def at(self, node: str | None, field_pointer: str | None) -> Finding:
        return replace(self, node=node, field=field_pointer)

    def to_dict(self, with_suggestion: bool = False) -> dict[str, Any]:
        """The DESIGN.md finding object (plus ``suppressed`` when a reviewer accepted it); ``with_suggestion``
        adds the optional ``suggestion`` (a compliant rewrite) where the caller's contract allows it."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "node": self.node,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "citation": self.citation,
        }
        if self.suppressed is not None:
            out["suppressed"] = {"reason": self.suppressed.reason}
        if with_suggestion and self.suggestion is not None:
            out["suggestion"] = self.suggestion.to_dict()
        return out


def make_finding(
    rule_id: str,
    start: int | None,
    end: int | None,
    detail: str = "",
    severity: Severity | None = None,
) -> Finding:
    """A finding of ``rule_id`` with the catalogue's severity and citation; ``detail`` refines the message."""
    rule = rule_catalogue()[rule_id]
    message = rule.title if not detail else f"{rule.title} — {detail}"
    return Finding(rule_id, severity or rule.severity, start, end, message, rule.citation)
