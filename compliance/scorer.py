"""A second opinion per rule family: a linear scorer over the character bigrams and trigrams of the compact text
(``rules/scorer.json``, trained by :mod:`.scorer_train` on the labelled dev lines).

Frames find what their phrases say; a message in wording no frame was written for ("어디서 하셔도 같다고
생각하시나요?") still shares short character sequences with the labelled lines of its family (어디서, 다릅,
저희는 …). The scorer adds those up; a rule is reported only when the score clears a threshold chosen for
precision on held-back folds of the training lines, and only where no frame or word list found that rule.

It needs no morphology model (character n-grams of :mod:`.normalize`'s compact text) and is computed once per
text (cached): ordinary messages pay one pass over their n-grams.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .findings import RULES_DIR
from .normalize import Normalized, normalize

Span = tuple[int, int]
_DIGITS_RE = re.compile(r"[0-9]")
_SENTENCE_RE = re.compile(r"[^.!?\n。]+[.!?。]*")
_LABEL_RE = re.compile(r"\s*\(광고\)\s*(?:[\[【<][^\]】>\n]{1,30}[\]】>]\s*)?")
# Fewer characters than this are too little wording to judge: "예약 확인: {{ link }}" is four characters once its
# variables are gone, and a handful of n-grams shared with promotions must not make a reminder an advertisement.
MIN_CHARS = 20
_FOOTER_RE = re.compile(r"부작용|개인차|sideeffect|resultsvary|mayvary|수신거부|무료거부|optout")


def features(compact: str) -> set[str]:
    """Character bigrams and trigrams of the compact text, every digit written 0 (50% and 30% alike)."""
    text = _DIGITS_RE.sub("0", compact)
    return {text[i : i + n] for n in (2, 3) for i in range(len(text) - n + 1)}


@dataclass(frozen=True)
class _Scope:
    """The scorers of one scope ("ad" advertising content, "info" informational messages, "kakao" AlimTalk)."""

    rules: tuple[str, ...]
    bias: tuple[float, ...]
    threshold: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # n-gram → its weight for each rule of the scope (0.0 where unused)


@cache
def _scopes() -> dict[str, _Scope]:
    path = RULES_DIR / "scorer.json"
    if not path.exists():
        return {}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in json.loads(path.read_text("utf-8"))["rules"]:
        grouped.setdefault(entry.get("scope", "ad"), []).append(entry)
    scopes: dict[str, _Scope] = {}
    for name, entries in grouped.items():
        grams = sorted({gram for entry in entries for gram in entry["weights"]})
        scopes[name] = _Scope(
            rules=tuple(entry["rule"] for entry in entries),
            bias=tuple(float(entry["bias"]) for entry in entries),
            threshold=tuple(float(entry["threshold"]) for entry in entries),
            weights={g: tuple(float(entry["weights"].get(g, 0.0)) for entry in entries) for g in grams},
        )
    return scopes


def _totals(scope: _Scope, grams: set[str]) -> list[float]:
    """Bias plus the weights of the n-grams present, per rule: the columns are summed in C (zip, sum), which
    keeps an uncached message at a few tens of microseconds."""
    rows = [scope.weights[g] for g in grams & scope.weights.keys()]
    if not rows:
        return list(scope.bias)
    return [bias + sum(column) for bias, column in zip(scope.bias, zip(*rows, strict=True), strict=True)]


@lru_cache(maxsize=4096)
def _rules_over_threshold(compact: str, scope_name: str) -> tuple[str, ...]:
    scope = _scopes().get(scope_name)
    if scope is None or len(compact) < MIN_CHARS:
        return ()
    totals = _totals(scope, features(compact))
    return tuple(
        rule for rule, total, limit in zip(scope.rules, totals, scope.threshold, strict=True) if total >= limit
    )


def scored_rules(norm: Normalized, scope: str) -> list[str]:
    """Rule ids of one scope whose score clears its threshold on this message: ``ad`` (MSA rules, applied to
    advertising content), ``info`` (PROMO: promotional content of an informational message) or ``kakao``
    (KAKAO-ALIMTALK-BLACKLIST)."""
    return list(_rules_over_threshold(norm.text, scope))


def best_sentence(norm: Normalized, rule: str) -> Span:
    """The original-text span of the sentence that contributes most to ``rule``'s score (where to point): not
    the '(광고)' label, and not a risk notice or opt-out footer when the message has another sentence."""
    return _best_sentence(norm.original, rule)


@lru_cache(maxsize=1024)
def _best_sentence(original: str, rule: str) -> Span:
    best: Span = (0, len(original))
    found = [(scope, scope.rules.index(rule)) for scope in _scopes().values() if rule in scope.rules]
    if not found:
        return best
    scope, index = found[0]
    top = float("-inf")
    for m in _SENTENCE_RE.finditer(original):
        start, end = m.start(), m.start() + len(m.group(0).rstrip())
        label = _LABEL_RE.match(original, start, end)
        if label is not None:
            start = label.end()
        compact = normalize(original[start:end]).text
        if not compact:
            continue
        total = sum(scope.weights[g][index] for g in features(compact) & scope.weights.keys())
        if _FOOTER_RE.search(compact):
            total -= 1000.0  # a footer only when nothing else is there
        if total > top:
            top, best = total, (start, end)
    return best
