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

from .findings import RULES_DIR
from .normalize import Normalized, normalize

Span = tuple[int, int]
_DIGITS_RE = re.compile(r"[0-9]")
_SENTENCE_RE = re.compile(r"[^.!?\n。]+[.!?。]*")


def features(compact: str) -> set[str]:
    """Character bigrams and trigrams of the compact text, every digit written 0 (50% and 30% alike)."""
    text = _DIGITS_RE.sub("0", compact)
    return {text[i : i + n] for n in (2, 3) for i in range(len(text) - n + 1)}


@dataclass(frozen=True)
class _Model:
    rules: tuple[str, ...]
    bias: tuple[float, ...]
    threshold: tuple[float, ...]
    scope: tuple[str, ...]  # "ad" advertising content, "info" informational messages, "kakao" AlimTalk
    weights: dict[str, tuple[tuple[int, float], ...]]  # n-gram → (rule index, weight) for every rule using it


@cache
def _model() -> _Model | None:
    path = RULES_DIR / "scorer.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    rules = [entry["rule"] for entry in data["rules"]]
    weights: dict[str, list[tuple[int, float]]] = {}
    for index, entry in enumerate(data["rules"]):
        for gram, weight in entry["weights"].items():
            weights.setdefault(gram, []).append((index, float(weight)))
    return _Model(
        rules=tuple(rules),
        bias=tuple(float(entry["bias"]) for entry in data["rules"]),
        threshold=tuple(float(entry["threshold"]) for entry in data["rules"]),
        scope=tuple(entry.get("scope", "ad") for entry in data["rules"]),
        weights={gram: tuple(pairs) for gram, pairs in weights.items()},
    )


def _scores(model: _Model, grams: set[str]) -> list[float]:
    totals = list(model.bias)
    table = model.weights
    for gram in grams:
        for index, weight in table.get(gram, ()):
            totals[index] += weight
    return totals


@lru_cache(maxsize=4096)
def _rules_over_threshold(compact: str) -> tuple[tuple[str, str], ...]:
    model = _model()
    if model is None:
        return ()
    totals = _scores(model, features(compact))
    return tuple((model.rules[i], model.scope[i]) for i, total in enumerate(totals) if total >= model.threshold[i])


def scored_rules(norm: Normalized, scope: str) -> list[str]:
    """Rule ids of one scope whose score clears its threshold on this message: ``ad`` (MSA rules, applied to
    advertising content), ``info`` (PROMO: promotional content of an informational message) or ``kakao``
    (KAKAO-ALIMTALK-BLACKLIST)."""
    return [rule for rule, rule_scope in _rules_over_threshold(norm.text) if rule_scope == scope]


def best_sentence(norm: Normalized, rule: str) -> Span:
    """The original-text span of the sentence that contributes most to ``rule``'s score (where to point)."""
    model = _model()
    best: Span = (0, len(norm.original))
    if model is None or rule not in model.rules:
        return best
    index = model.rules.index(rule)
    top = float("-inf")
    for m in _SENTENCE_RE.finditer(norm.original):
        grams = features(normalize(m.group(0)).text)
        total = sum(w for gram in grams for i, w in model.weights.get(gram, ()) if i == index)
        if total > top:
            top, best = total, (m.start(), m.end() - len(m.group(0)) + len(m.group(0).rstrip()))
    return best
