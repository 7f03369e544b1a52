"""Overlapping findings: when two rules see the same words, report the one writers choose.

A line that breaks one rule often trips a second one on the same words: "100% safe" is a safety claim, and its
"100%" reads as a guarantee; patients' before/after photos read as a testimonial; a review reward in AlimTalk is
also a review request on Kakao's black list. Writers of the labelled corpus name one rule there, and most of our
false findings on unseen text are such a second rule on a violating line.

Each *precedence* (``rules/overlaps.json``) says: where a finding of ``keep`` stands in ``relation`` to a finding
of ``drop``, drop the ``drop`` finding. Relations, from the narrowest:

* ``contains``: the ``keep`` finding's span contains the ``drop`` finding's span;
* ``within``: the ``keep`` finding's span lies inside the ``drop`` finding's span;
* ``overlap``: the spans share a character;
* ``sentence``: the spans' sentences overlap (:func:`.context.sentences`);
* ``line``: both are anywhere in the message (empty spans take part only here).

The table is learned (:func:`learn`, run by ``python -m compliance.overlaps_lofo``) from labelled lines and the
checker's findings on them: a pair enters when dropping ``drop`` would have removed a false finding on at least
``min_benefit`` lines of at least ``min_sources`` corpus files and never an expected one; each pair keeps the
relation that gains most. The shipped table uses ``contains`` only: same-sentence pairs removed a few more false
findings but lost expected rules on left-out files (measured leave-one-writer-file-out, docs/compliance/checker-v2.md,
session 19). Hand-made resolutions with their own reading of the span stay in :mod:`.text_rules`
(:mod:`.conventions`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .context import sentences
from .findings import RULES_DIR, Finding

Relation = Literal["contains", "within", "overlap", "sentence", "line"]
RELATIONS: tuple[Relation, ...] = ("contains", "within", "overlap", "sentence", "line")
Span = tuple[int, int]


@dataclass(frozen=True)
class Precedence:
    keep: str
    drop: str
    relation: Relation
    reason: str  # why writers name ``keep`` there (Korean / English), or the learned evidence
    benefit: int = 0  # training lines where dropping removed a false finding
    harm: int = 0  # training lines where dropping removed an expected finding


@dataclass(frozen=True)
class Example:
    """A labelled line and the checker's findings on it (rule, start, end)."""

    text: str
    findings: tuple[tuple[str, int, int], ...]
    expected: frozenset[str]
    source: str = ""  # the corpus file: a precedence must hold for more than one writer


@cache
def precedences() -> tuple[Precedence, ...]:
    """The precedence table of ``rules/overlaps.json``."""
    doc = json.loads((RULES_DIR / "overlaps.json").read_text("utf-8"))
    return tuple(Precedence(**entry) for entry in doc["precedences"])


def related(text: str, keep: Span, drop: Span, relation: Relation) -> bool:
    """Whether a ``keep`` finding at ``keep`` stands in ``relation`` to a ``drop`` finding at ``drop``."""
    if relation == "line":
        return True
    (a, b), (c, d) = keep, drop
    if b <= a or d <= c:  # an empty span (a missing label, a sender) is about the message, not words
        return False
    if relation == "contains":
        return a <= c and d <= b
    if relation == "within":
        return c <= a and b <= d
    if c <= a and b <= d and (c, d) != (a, b):  # a wider finding is never redundant beside the words inside it
        return False
    if a < d and c < b:  # overlapping spans share their sentence too
        return True
    if relation == "sentence":
        (s, e), (t, u) = sentences(text, keep), sentences(text, drop)
        return s < u and t < e
    return False


def resolve(text: str, findings: list[Finding], table: Sequence[Precedence] | None = None) -> list[Finding]:
    """``findings`` without those a finding of a preferred rule makes redundant (``table``: the learned one).

    Every finding is judged against the findings as they came: dropping one never revives or removes another.
    """
    table = precedences() if table is None else table
    rules = {f.rule for f in findings}
    active = [p for p in table if p.keep in rules and p.drop in rules]
    if not active:
        return findings

    def dominated(finding: Finding) -> bool:
        span = (finding.start or 0, finding.end or 0)
        return any(
            other.rule == p.keep and related(text, (other.start or 0, other.end or 0), span, p.relation)
            for p in active
            if p.drop == finding.rule
            for other in findings
        )

    return [f for f in findings if not dominated(f)]


def learn(
    examples: Iterable[Example],
    *,
    min_benefit: int = 3,
    min_sources: int = 2,
    unlabelled: frozenset[str] = frozenset(),
    relations: Sequence[Relation] = ("contains", "sentence"),
) -> list[Precedence]:
    """The precedences the labels support: for each ordered pair of rules and relation, count the lines where the
    pair co-occurs and the ``drop`` rule was not expected (benefit) or was (harm). A pair enters with no harm and
    at least ``min_benefit`` benefit from ``min_sources`` corpus files (one writer's habit is no convention), at the
    relation that gains most (the narrowest on a tie); of two opposite
    pairs the better supported stays. Rules in ``unlabelled`` (never labelled) take no part."""
    counts: dict[tuple[str, str, Relation], list[int]] = defaultdict(lambda: [0, 0])
    sources: dict[tuple[str, str, Relation], set[str]] = defaultdict(set)
    for example in examples:
        found = [(rule, (a, b)) for rule, a, b in example.findings if rule not in unlabelled]
        for relation in relations:
            pairs = {
                (x, y)
                for x, keep in found
                for y, drop in found
                if x != y and related(example.text, keep, drop, relation)
            }
            for x, y in pairs:
                harmed = y in example.expected
                counts[(x, y, relation)][harmed] += 1
                if not harmed:
                    sources[(x, y, relation)].add(example.source)
    best: dict[tuple[str, str], Precedence] = {}
    for (x, y, relation), (benefit, harm) in sorted(counts.items(), key=lambda kv: RELATIONS.index(kv[0][2])):
        if harm or benefit < min_benefit or len(sources[(x, y, relation)]) < min_sources:
            continue
        current = best.get((x, y))
        if current is None or benefit > current.benefit:
            reason = f"learned: {benefit} lines with {y} not expected beside {x}, none expected"
            best[(x, y)] = Precedence(x, y, relation, reason, benefit, harm)
    return [p for (x, y), p in sorted(best.items()) if (y, x) not in best or (p.benefit, x) > (best[(y, x)].benefit, y)]
