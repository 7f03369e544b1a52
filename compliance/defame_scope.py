"""MSA-DEFAME where another party is spoken of: a model scoped to such sentences (issue 17, session 28).

The disparagement frames and the second step (:mod:`.defame`) catch the words of the writers they were written from:
in-sample recall was ~0.99, on blind sets ~0.65. A blind writer's disparagement the checker missed either had its
comparison found with no verdict read (the verdict in words no cue list holds), or no other party recognised at all
(an implied place: "저렴하다고 갔다가", "아무 데서나", "검증 안 된 곳", a rival method: "칼 대는 수술", "Western diet
pills"). Here:

* a broad recogniser of *another party* (``rules/party_s28_defame.json``, ``party``): another clinic or place
  named, implied or described by what it does ("…하는 곳", "아무 치과나"), another profession or a shop that is no
  clinic, another method or its materials (기존 방식, 저가 임플란트, old-school facelifts) — in Korean and English;
* a logistic regression trained only on the content sentences in that scope (``rules/model_s28_defame.json``, by
  :mod:`.defame_scope_train`): word stems, adjacent stem pairs, character grams and cue classes — the scorer's and
  the verdict lemma classes (``verdicts``: failure, rushing, cheapness, incompetence, deceit, overtreatment, neglect,
  a warning or regret, sarcasm) — a line scoring what its highest in-scope sentence scores. Its threshold is set on
  sentences where a disparagement is plausible, not over every advertisement (where the per-rule scorer found no
  cut that held precision).

It adds MSA-DEFAME to advertising content where nothing else found it; the conventions then say whether the
comparison goes beside it. A plain comparison ("다른 치과 견적서를 가져오시면 비교해 드립니다") and a neutral mention
(진료의뢰서, 협력병원, second opinion) are in scope but score low: the model learned them as negatives.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from typing import Any

from .findings import RULES_DIR, Finding, make_finding
from .scorer import Cue, body_features, compile_cues, content_parts

Span = tuple[int, int]
PARTY_FILE = RULES_DIR / "party_s28_defame.json"
MODEL_FILE = RULES_DIR / "model_s28_defame.json"

_OVERRIDE: list[dict[str, Any]] = []  # a trained document used instead of MODEL_FILE (evaluation only)


def use(doc: dict[str, Any] | None) -> None:
    """Score with ``doc`` (what :mod:`.defame_scope_train` writes) instead of the rules file, or with the file again
    for ``None`` (the leave-one-writer-out measure). Lint with ``use_cache=False`` after switching."""
    _OVERRIDE[:] = [] if doc is None else [doc]
    _model.cache_clear()


@cache
def party_classes() -> dict[str, str]:
    """The recogniser's classes of another party (name → pattern over the original text)."""
    doc: dict[str, Any] = json.loads(PARTY_FILE.read_text("utf-8"))
    return dict(doc["party"])


@cache
def verdict_classes() -> dict[str, str]:
    """The verdict lemma classes (name → pattern over the compact text), features of the model."""
    doc: dict[str, Any] = json.loads(PARTY_FILE.read_text("utf-8"))
    return dict(doc["verdicts"])


# an adnominal ending: a syllable ending in ㄴ (간, 받은, 고른, 한), or 는, 던, 을, 할 ("{adn}" in the patterns); not the
# conditional 면 ("효과 못 보시면 다음 시술은 …" describes no other place's treatment)
ADNOMINAL = (
    "[" + "".join(chr(0xAC00 + 28 * i + 4) for i in range(399) if chr(0xAC00 + 28 * i + 4) != "면") + "는던을할]"
)


def expand(pattern: str) -> str:
    """``pattern`` with its placeholders filled (``{adn}``: :data:`ADNOMINAL`)."""
    return pattern.replace("{adn}", ADNOMINAL)


@cache
def _party_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{expand(p)})" for p in party_classes().values()), re.IGNORECASE)


def speaks_of_another(sentence: str) -> bool:
    """Whether ``sentence`` speaks of another party (a clinic, place, profession, shop or method not the sender's)."""
    return _party_re().search(sentence) is not None


def scoped_sentences(text: str) -> list[tuple[Span, str]]:
    """The content sentences of ``text`` (:func:`.scorer.content_parts`: no label, sender, risk notice or opt-out)
    that speak of another party, with their spans in ``text``."""
    found: list[tuple[Span, str]] = []
    pos = 0
    for part in content_parts(text):
        at = text.find(part, pos)
        span = (at, at + len(part)) if at >= 0 else (0, len(text))
        if at >= 0:
            pos = at + len(part)
        if speaks_of_another(part):
            found.append((span, part))
    return found


def sentence_features(sentence: str, cues: tuple[Cue, ...], kind: str = "full") -> frozenset[str]:
    """What the model reads of one sentence: :func:`.scorer.body_features` (character grams, stems, stem pairs, cue
    classes); ``kind="words"`` keeps the stems, pairs and cue classes only."""
    found = body_features(sentence, cues)
    if kind == "words":  # stems, stem pairs, cue classes
        found = {f for f in found if f[1:2] == ":"}
    elif kind.startswith("words*"):  # … with each cue class counted n times (less shrunk than a single stem)
        n = int(kind[6:])
        found = {f for f in found if f[1:2] == ":"}
        found |= {f"{f}#{i}" for f in found if f[:2] == "c:" for i in range(1, n)}
    elif kind == "stems":  # stems and cue classes
        found = {f for f in found if f[:2] in ("w:", "c:")}
    elif kind == "cues":  # cue classes only
        found = {f for f in found if f[:2] == "c:"}
    return frozenset(found)


@cache
def _model() -> tuple[tuple[Cue, ...], dict[str, float], float, float, str] | None:
    doc: dict[str, Any] | None
    if _OVERRIDE:
        doc = _OVERRIDE[0]
    elif MODEL_FILE.exists():
        doc = json.loads(MODEL_FILE.read_text("utf-8"))
    else:
        doc = None
    if doc is None or doc.get("threshold") is None:
        return None
    return compile_cues(doc["cues"]), doc["weights"], float(doc["bias"]), float(doc["threshold"]), doc["kind"]


def best(text: str) -> tuple[float, Span] | None:
    """The highest score of an in-scope sentence of ``text`` and its span, or None (no model, nothing in scope)."""
    model = _model()
    if model is None:
        return None
    cues, weights, bias, _, kind = model
    top: tuple[float, Span] | None = None
    for span, sentence in scoped_sentences(text):
        score = bias + sum(weights.get(f, 0.0) for f in sentence_features(sentence, cues, kind))
        if top is None or score > top[0]:
            top = (score, span)
    return top


def disparaging(text: str, findings: list[Finding]) -> list[Finding]:
    """An MSA-DEFAME finding at the in-scope sentence of advertising content that scores over the model's threshold,
    when no disparagement was found otherwise."""
    model = _model()
    if model is None or any(f.rule == "MSA-DEFAME" for f in findings):
        return []
    found = best(text)
    if found is None or found[0] < model[3]:
        return []
    score, (a, b) = found
    chance = 1.0 / (1.0 + math.exp(-score))
    return [
        make_finding(
            "MSA-DEFAME", a, b, f"다른 기관·방법에 대한 부정적 평가 / a verdict on another party ({chance:.2f})"
        )
    ]
