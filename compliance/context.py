"""Context checks: a finding withdrawn by what surrounds it (issue 17 item 4, informational context).

Word lists, frames and the scorer each see a few words; the words around them can say the reading is wrong: a
fee is stated, not discounted ("비용 안내: 120만 원"); the vaccination is free because the state pays for it
("국가 지원으로 무료"); a blood-pressure value is a threshold in advice ("160/100 이상이면 연락 주세요"), not the
patient's result; "책임 집도" is an operation, not a promise; 배우자 is a spouse, not an actor. Each check
(``rules/context_checks.json``, and ``rules/context_checks_*.json`` after it) names a class of such readings, the rules it withdraws and a compact-text pattern
(:mod:`.normalize`) that must be found

* ``near``: overlapping the finding, or within ``window`` compact characters of it, in its sentence(s);
* ``sentence``: anywhere in the finding's sentence(s);
* ``message``: anywhere in the message;
* ``ends_in``: a match the finding ends inside (the "무료" a frame took from "무료수신거부");
* ``original``: a match on the original sentence over the finding's first character, for what the compact text
  glues away (the word boundaries of Latin script: the "ast" of "Plastic Surgery" is no AST value);
* ``original_end``: the same over the finding's last character (a frame's last role read inside a word: the "low"
  of "please allow 24 hours" is no low result);

unless an ``unless`` pattern is in the finding's sentence(s) (a real offer next to the factual one), or an
``unless_message`` pattern anywhere in the message (an offer in the next sentence of a greeting); ``also_message``: a
pattern that must be in the message too (the 건강보험 an "올해 혜택은 12월 31일까지" refers back to). A check may
be limited to informational messages (``informational_only``), to advertisements (``advertising_only``), to
AlimTalk (``alimtalk_only``) or to the scorer's findings (``scored_only``). ``negated`` checks withdraw a finding
whose first predicate after it is negated (:func:`.negation.negated`: "수술 장면을 올리지 않습니다").

The scorer's second opinion (:mod:`.scorer`) is kept only where its sentence has a cue of the rule's family
(``scored_cues``: a benefit for an inducement, another party for a comparison): a character n-gram model also
scores sentences that only share the style of an advertisement ("이번 주 금요일 유튜브에서").

The clinic's own name at the head of a message ("(광고) 참좋은한방병원", "[다온한의원]") is never the "other
provider" of a comparison (``own_name_rules``). Model-free; only messages with a finding of a checked rule pay
for it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from .analysis import TextAnalysis
from .findings import RULES_DIR, Finding
from .negation import negated
from .normalize import Normalized, normalize
from .prefilter import GatedAlternation, grams

Span = tuple[int, int]  # offsets into the original text
T = TypeVar("T")
# a sentence ends at a full stop, question or exclamation mark or a line break; "※" starts a notice
_SENTENCE_RE = re.compile(r"[^.!?\n。※]+[.!?。]*")
# the sender's name where senders put it: right after "(광고)" or in the bracket a care message opens with
_OWN_NAME_RE = re.compile(r"^\s*(?:\(광고\)\s*)?(?:[\[【<〈「]([^\]】>〉」\n]{2,30})[\]】>〉」]|([^\s\[\]()]{2,30}))")
_PROVIDER_END_RE = re.compile(
    r"(?:의원|병원|치과|한의원|안과|피부과|외과|내과|[가-힣]과|클리닉|센터|clinic|dental|hospital)$", re.I
)


# checks read on the original text, at the finding's first or last character
_ORIGINAL = frozenset({"original", "original_end"})


@dataclass(frozen=True)
class Check:
    name: str  # the class of false reading
    rules: frozenset[str]
    where: str  # near | sentence | message | ends_in | original | original_end
    pattern: re.Pattern[str]
    window: int = 0
    unless: re.Pattern[str] | None = None
    unless_message: re.Pattern[str] | None = None
    also_message: re.Pattern[str] | None = None  # must be found in the message too (what the reading refers back to)
    informational_only: bool = False
    advertising_only: bool = False
    alimtalk_only: bool = False
    scored_only: bool = False
    negated: bool = False


@dataclass(frozen=True)
class _Table:
    checks: tuple[Check, ...]
    by_rule: dict[str, tuple[Check, ...]]
    # per rule, every pattern of its checks in one alternation: a message none of them can match skips the
    # sentence work (lint speed); rules with a ``negated`` or ``original`` check always do it
    any_re: dict[str, GatedAlternation | None]
    scored_cues: dict[str, re.Pattern[str]]
    own_name_rules: frozenset[str]


def _compile(raw: str | list[str]) -> re.Pattern[str]:
    items = raw if isinstance(raw, list) else [raw]
    return re.compile("|".join(f"(?:{p})" for p in items))


@cache
def _table() -> _Table:
    doc: dict[str, Any] = json.loads((RULES_DIR / "context_checks.json").read_text("utf-8"))
    for extra in sorted(RULES_DIR.glob("context_checks_*.json")):  # more classes, one file per owner (English: eng)
        doc["checks"] = [*doc["checks"], *json.loads(extra.read_text("utf-8"))["checks"]]
    checks = tuple(
        Check(
            name=entry["class"],
            rules=frozenset(entry["rules"]),
            where=entry.get("where", "near"),
            pattern=_compile(entry.get("re", "(?!)")),
            window=int(entry.get("window", 0)),
            unless=_compile(entry["unless"]) if entry.get("unless") else None,
            unless_message=_compile(entry["unless_message"]) if entry.get("unless_message") else None,
            also_message=_compile(entry["also_message"]) if entry.get("also_message") else None,
            informational_only=bool(entry.get("informational_only")),
            advertising_only=bool(entry.get("advertising_only")),
            alimtalk_only=bool(entry.get("alimtalk_only")),
            scored_only=bool(entry.get("scored_only")),
            negated=bool(entry.get("negated")),
        )
        for entry in doc["checks"]
    )
    by_rule: dict[str, list[Check]] = {}
    for check in checks:
        for rule in check.rules:
            by_rule.setdefault(rule, []).append(check)
    any_re: dict[str, GatedAlternation | None] = {
        rule: None
        if any(check.negated or check.where in _ORIGINAL for check in found)
        else GatedAlternation([check.pattern.pattern for check in found])
        for rule, found in by_rule.items()
    }
    return _Table(
        checks,
        {rule: tuple(found) for rule, found in by_rule.items()},
        any_re,
        {rule: _compile(words) for rule, words in doc["scored_cues"].items()},
        frozenset(doc["own_name_rules"]),
    )


@cache
def checked_rules() -> frozenset[str]:
    """Rules some context check may withdraw."""
    table = _table()
    return frozenset(table.by_rule) | frozenset(table.scored_cues) | table.own_name_rules


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of ``text`` as (start, end), in order (the sentences :func:`sentences` reads)."""
    return [m.span() for m in _SENTENCE_RE.finditer(text)]


def sentences(text: str, span: Span) -> Span:
    """The original-text region of the sentences of ``text`` that overlap ``span``."""
    start, end = span
    lo, hi = start, max(end, start + 1)
    first, last = None, None
    for m in _SENTENCE_RE.finditer(text):
        a, b = m.start(), m.end()
        if a < hi and b > lo:
            first = a if first is None else first
            last = b
        elif a >= hi:
            break
    return (first if first is not None else start, last if last is not None else end)


@lru_cache(maxsize=512)
def _normal(text: str) -> Normalized:
    return normalize(text)


def _compact_range(norm: Normalized, start: int, end: int) -> Span:
    """Compact indices of the characters of ``norm`` whose original offsets fall in ``[start, end)``."""
    starts = norm.starts
    return bisect_left(starts, start), bisect_left(starts, max(end, start + 1))


def own_name(text: str) -> Span | None:
    """The sender's name where senders put it in ``text`` ("(광고) 새날모발이식의원", "[다온한의원]"), or None."""
    m = _OWN_NAME_RE.match(text)
    if m is None:
        return None
    group = 1 if m.group(1) is not None else 2
    if group == 2 and not _PROVIDER_END_RE.search(m.group(2)):
        return None
    return m.span(group)


@dataclass(frozen=True)
class Context:
    """One message being linted: its text and the facts checks depend on."""

    text: str
    informational: bool  # the declared purpose is informational (care messages)
    alimtalk: bool
    compact: str = ""  # the message's compact text (:mod:`.normalize`), when the caller has it
    # the text's analysis (:mod:`.analysis`), when the caller has it: where a finding's sentence is, and whether any
    # check of a rule can match in the message at all, are the text's alone and kept there (every check still runs)
    analysis: TextAnalysis | None = None

    def withdrawn(self, rule: str, span: Span, origin: str = "found") -> str | None:
        """The name of the check that withdraws a finding of ``rule`` at ``span``, or None. ``origin``: "frame"
        (a frame's match), "scored" (the scorer's sentence) or "found" (any finding, its origin unknown)."""
        scored = origin == "scored"
        table = _table()
        checks = table.by_rule.get(rule, ())
        if scored and rule in table.scored_cues and not self._cued(rule, span):
            return "scored-without-cue"
        if origin == "frame" and rule in table.own_name_rules and self._in_own_name(span):
            return "own-name"
        if not checks:
            return None
        if table.any_re[rule] is not None and not self._checkable(rule):
            return None  # no check of this rule can match anywhere in the message
        # whether a check's words are there is the text's alone (kept with its analysis); which checks apply to
        # this channel, purpose and origin is decided on every call
        if self.analysis is None:
            found: list[bool | None] = [None] * len(checks)
        else:
            found = self.analysis.memo(("context checks", rule, span), lambda: [None] * len(checks))
        for index, check in enumerate(checks):
            if (check.informational_only and not self.informational) or (check.alimtalk_only and not self.alimtalk):
                continue
            if check.advertising_only and self.informational:
                continue
            if check.scored_only and not scored:
                continue
            holds = found[index]
            if holds is None:
                holds = found[index] = self._holds(check, span)
            if holds:
                return check.name
        return None

    def _holds(self, check: Check, span: Span) -> bool:
        """Whether the words ``check`` looks for are where it looks for them around ``span`` (flags aside)."""
        if check.negated:
            return negated(self.text, *span)
        if self.analysis is None:
            region, sentence, (a, b) = self._sentence(span)
        else:
            region, sentence, (a, b) = self.analysis.memo(("context sentence", span), lambda: self._sentence(span))
        if check.unless is not None and check.unless.search(sentence):
            return False
        compact = self.compact or _normal(self.text).text
        if check.unless_message is not None and check.unless_message.search(compact):
            return False
        if check.also_message is not None and not check.also_message.search(compact):
            return False
        if check.where == "message":
            return check.pattern.search(compact) is not None
        if check.where == "sentence":
            return check.pattern.search(sentence) is not None
        if check.where in _ORIGINAL:
            at = span[0] if check.where == "original" else max(span[0], span[1] - 1)
            return any(m.start() <= at < m.end() for m in check.pattern.finditer(self.text, *region))
        if check.where == "ends_in":
            return any(m.start() < b <= m.end() for m in check.pattern.finditer(sentence))
        return any(
            m.start() < b + check.window and a - check.window < m.end() and m.end() > m.start()
            for m in check.pattern.finditer(sentence)
        )

    def _checkable(self, rule: str) -> bool:
        """Whether some check of ``rule`` (one without negation or original-text checks) can match in the message."""
        if self.analysis is not None:
            return self.analysis.memo(("context gate", rule), lambda: self._gate(rule))
        return self._gate(rule)

    def _gate(self, rule: str) -> bool:
        quick = _table().any_re[rule]
        assert quick is not None
        compact = self.compact or _normal(self.text).text
        pattern = quick.pattern_for(grams(compact))
        return pattern is not None and pattern.search(compact) is not None

    def _sentence(self, span: Span) -> tuple[Span, str, Span]:
        """The region of the sentences around ``span``, their compact text and the span's compact range in it."""
        region = sentences(self.text, span)
        sentence = _normal(self.text[region[0] : region[1]])
        return region, sentence.text, _compact_range(sentence, span[0] - region[0], span[1] - region[0])

    def _cued(self, rule: str, span: Span) -> bool:
        region = sentences(self.text, span)
        words = self.text[region[0] : region[1]]
        own = self.own_name()
        if own is not None and own[0] < region[1] and region[0] < own[1]:  # the clinic's name is no cue
            words = self.text[region[0] : max(region[0], own[0])] + " " + self.text[min(region[1], own[1]) : region[1]]
        return _table().scored_cues[rule].search(_normal(words).text) is not None

    def own_name(self) -> Span | None:
        """The sender's name where senders put it ("(광고) 새날모발이식의원", "[다온한의원]"), or None."""
        if self.analysis is None:
            return own_name(self.text)
        return self.analysis.memo("own name", lambda: own_name(self.text))

    def _in_own_name(self, span: Span) -> bool:
        own = self.own_name()
        return own is not None and own[0] <= span[0] < own[1]

    def keep(
        self, items: Iterable[T], rule_of: Callable[[T], str], span_of: Callable[[T], Span], origin: str = "found"
    ) -> list[T]:
        """``items`` without those a check withdraws."""
        rules = checked_rules()
        return [
            item
            for item in items
            if rule_of(item) not in rules or self.withdrawn(rule_of(item), span_of(item), origin) is None
        ]

    def keep_findings(self, findings: list[Finding]) -> list[Finding]:
        """Findings without those a check withdraws (findings without a span are kept)."""
        rules = checked_rules()
        return [
            f
            for f in findings
            if f.rule not in rules
            or f.start is None
            or f.end is None
            or self.withdrawn(f.rule, (f.start, f.end)) is None
        ]
