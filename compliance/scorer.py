"""A second opinion per rule family: a linear scorer over what a message says (``rules/scorer.json``, trained by
:mod:`.scorer_train` on the labelled training lines).

Frames find what their phrases say; a message in wording no frame was written for ("다른 데 다니다 결국 여기로
옮겨오시는 분들이 제일 많아요") still shares pieces with the labelled lines of its family. The scorer adds up:

- character bigrams and trigrams of the compact text (어디서, 다릅, 저희는 …; digits written 0);
- word stems with Korean particles and endings stripped (병원에서는 → 병원, 비교해 → 비교) and pairs of adjacent
  stems, so one claim inflected another way still counts;
- cue classes written once for the frames and the disparagement step (another provider, a contrast, a refusal
  retold, a promise, a celebrity role …): a class fires on a member no training line used.

All of it is read from the message's *content*: the '(광고)' label and sender name, risk notices and opt-out footers
are left out (they differ from writer to writer and say nothing about the claim: a footer's "효과는 개인마다
다릅니다" is no contrast with another clinic). A rule is reported only when the score clears a threshold chosen for
precision on whole writing sessions held back in training, and only where no frame or word list found that rule.

It needs no morphology model and is computed once per text (cached).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from .findings import RULES_DIR
from .normalize import Normalized, normalize
from .prefilter import grams, required_grams
from .sender_name import ENGLISH_NAME_RE

Span = tuple[int, int]
_DIGITS_RE = re.compile(r"[0-9]")
_SENTENCE_RE = re.compile(r"[^.!?\n。]+[.!?。]*")
_LABEL_RE = re.compile(r"\s*\(광고\)\s*(?:[\[【<][^\]】>\n]{1,30}[\]】>]\s*)?")
# Fewer characters than this are too little wording to judge: "예약 확인: {{ link }}" is four characters once its
# variables are gone, and a handful of n-grams shared with promotions must not make a reminder an advertisement.
MIN_CHARS = 20
MIN_CONTENT_CHARS = 15  # of the content itself (below): a 14-character sentence is too little to judge
_FOOTER_RE = re.compile(r"부작용|개인차|sideeffect|resultsvary|mayvary|수신거부|무료거부|optout")

# The envelope of a message says nothing about its claims and differs from writer to writer: the '(광고)' label
# and the sender's name after it (or a bracketed name first), risk notices and opt-out footers. Features are
# read from the rest (a notice's "효과는 개인마다 다릅니다" is no contrast with another clinic).
_SENDER_RE = re.compile(
    r"^\s*(?:[\[(【<]\s*광\s*고\s*[\])】>]|광고\))?\s*"
    r"(?:[\[【<][^\]】>\n]{1,30}[\]】>]|[^\s\[\]()]{1,20}(?:병원|의원|치과|안과|피부과|외과|한의원|클리닉|센터)(?=\s))?",
)
# the rest of the sender's line when it is an English name as written ("부산블루안과 Busan Blue Eye Center"): its
# place name is no claim, and the writers' own clinics' names taught the grams of one (session 33)
_NAME_LINE_RE = re.compile(rf"[ \t]*(?:{ENGLISH_NAME_RE.pattern})[ \t]*(?=\n|$)")
_PART_RE = re.compile(r"[^.!?\n。※*]+")
_NOTICE_RE = re.compile(
    r"개인차|개인(?:별|마다|에따라)|사람마다|수신거부|무료거부|무료수신|수신을원치|거부080|optout|unsubscribe|stop0"
    r"|resultsvary|resultsmayvary|mayvary|individualresults|(?:효과|결과|경과)[가-힣,]{0,12}(?:차이가있|다를수)"
    r"|(?:부작용|sideeffect|risk)[가-힣a-z0-9,]{0,16}(?:있을수|있습니다|있으며|있고|생길수|가능|有|may|can)"
    # a notice that names the symptoms instead ("수술 후 붓기·통증이 있을 수 있습니다"): only in the modal "may"
    # ("통증이 있는 분도 받으실 수 있습니다" is a claim and stays)
    r"|(?:통증|붓기|부기|멍|출혈|염증|감염|흉터|가려움|시림|이물감|홍조|딱지|착색)[가-힣,]{0,10}"
    r"(?:있을수|생길수|나타날수|동반될수|발생할수)"
)
_NEGATIVE_RE = re.compile(r"없|않|zero|never|no")
_SQUEEZE_RE = re.compile(r"[\W_]+")
_OPTOUT_RE = re.compile(
    r"(?:무료\s*)?수신\s*거부[^.!?\n]*|무료\s*거부[^.!?\n]*|(?:opt[\s-]*out|unsubscribe|reply\s+stop)[^.!?\n]*", re.I
)


@lru_cache(maxsize=1024)  # read twice per text: for the length gate and for the features
def content_parts(original: str) -> tuple[str, ...]:
    """The sentences of the message without its envelope: sender label and name, risk notices and opt-out
    footers (a claim such as "부작용 걱정 없는" is kept)."""
    head = _SENDER_RE.match(original)
    body = original[head.end() :] if head is not None else original
    name = _NAME_LINE_RE.match(body)  # the sender's English name after (or instead of) its Korean one
    if name is not None:
        body = body[name.end() :]
    body = _OPTOUT_RE.sub(" ", body)
    kept = []
    for part in _PART_RE.findall(body):
        compact = _SQUEEZE_RE.sub("", part).lower()  # enough for the notice words (no look-alikes in them)
        if compact and (_NOTICE_RE.search(compact) is None or _NEGATIVE_RE.search(compact) is not None):
            kept.append(part.strip())
    return tuple(kept)


def content(original: str) -> str:
    """The message without its envelope (:func:`content_parts`), its sentences joined by " . "."""
    return " . ".join(content_parts(original))


# What a rule's scorer scores of a message, the message scoring what the highest of them scores (``unit`` of each
# rule in rules/scorer.json): its whole content (``message``); each content sentence (``sentence``: a violation
# is usually one sentence, and the other sentences of a long message neither dilute it nor add to it); or each
# sentence and each two adjacent ones (``sentence+pair``: "대학병원은 몇 달씩 기다리셔야 하죠. 저희는 당일 일정
# 잡아 드립니다" contrasts across two). The letter is the kind of unit each stands for (see :func:`units`).
UNITS = {"message": "m", "sentence": "s", "sentence+pair": "p"}


def units(original: str, kinds: str = "msp") -> tuple[tuple[str, str], ...]:
    """The units of a message's content (:func:`content_parts`), each with the letters of the unit kinds it is
    one of (:data:`UNITS`): the whole content ``m``, a sentence ``sp``, two adjacent sentences ``p``; a content of
    one sentence is one unit of every kind. Only units of ``kinds`` are listed."""
    parts = content_parts(original)
    whole = " . ".join(parts)
    if len(parts) <= 1:
        return ((whole, "msp"),)
    listed = [(whole, "m")] if "m" in kinds else []
    if "s" in kinds or "p" in kinds:
        listed += [(part, "sp") for part in parts]
    if "p" in kinds:
        listed += [(f"{a} . {b}", "p") for a, b in pairwise(parts)]
    return tuple(listed)


# Korean endings and particles stripped from a written word to leave its stem (model-free): 병원에서는 → 병원,
# 비교해 → 비교, 다녀보셨다면 → 다녀보; a stem keeps two syllables at least.
_ENDINGS = sorted(
        {
            *"은는이가을를에의도만로와과요다고며게지서나면던한할해된될신셨실시세겠었았였했드려린",
            "에서", "에게", "께서", "부터", "까지", "처럼", "보다", "으로", "이나", "이랑", "하고", "에는", "에도",
            "와는", "과는", "습니다", "니다", "합니다", "됩니다", "입니다", "드립니다", "어요", "아요", "에요",
            "예요", "세요", "다면", "으면", "는데", "지만", "니까", "다가", "어서", "아서", "하는", "하면", "해서",
            "했던", "하신", "하시", "되는", "되어", "돼요", "드리", "드린", "드릴", "려요", "셔서", "으세요",
        },
    key=len,
    reverse=True,
)  # fmt: skip
_WORD_RE = re.compile(r"[가-힣]+|[a-z]+")
_EN_SUFFIX_RE = re.compile(r"(?:ing|ed|es|s)$")


# the endings by length, longest first: a word's ending of each length is one lookup (of one length, at most one
# ending can match, so this strips what trying every ending longest first strips)
_ENDINGS_BY_LENGTH = tuple(
    (n, frozenset(e for e in _ENDINGS if len(e) == n)) for n in sorted({len(e) for e in _ENDINGS}, reverse=True)
)


@lru_cache(maxsize=16384)  # words repeat across messages and sentences; stemming was most of an uncached score
def stem(word: str) -> str:
    """A written word's stem: endings and particles off (Hangul), ``-s/-ed/-ing`` off (Latin)."""
    if word.isascii():
        return _EN_SUFFIX_RE.sub("", word) if len(word) > 4 else word
    while True:
        for n, endings in _ENDINGS_BY_LENGTH:
            if len(word) - n >= 2 and word[-n:] in endings:
                word = word[:-n]
                break
        else:
            return word


@dataclass(frozen=True)
class Cue:
    """A cue class: its pattern over the compact text, and the short strings one of which any match contains
    (:func:`.prefilter.required_grams`; ``None`` when there are none), so most classes are never scanned."""

    name: str
    pattern: re.Pattern[str]
    required: frozenset[str] | None


def compile_cues(cues: dict[str, str]) -> tuple[Cue, ...]:
    return tuple(Cue(name, re.compile(pattern), required_grams(pattern)) for name, pattern in cues.items())


def features(text: str, cues: tuple[Cue, ...] = ()) -> set[str]:
    """What the scorer reads of a message's content (:func:`content`): see :func:`body_features`."""
    return body_features(content(text), cues)


def body_features(body: str, cues: tuple[Cue, ...] = ()) -> set[str]:
    """What the scorer reads of some content (a message's, or one of its sentences): character bigrams and
    trigrams of the compact text (every digit written 0: 50% and 30% alike), word stems ``w:`` and pairs of
    adjacent stems ``b:`` (wording that inflects differently), and the cue classes ``c:`` whose pattern occurs
    (a class such as "another provider" stands for words no training line used)."""
    written = normalize(body).text
    compact = _DIGITS_RE.sub("0", written)
    found = {compact[i : i + n] for n in (2, 3) for i in range(len(compact) - n + 1)}
    words = [stem(w) for w in _WORD_RE.findall(unicodedata.normalize("NFKC", body).lower())]
    found.update(f"w:{w}" for w in words)
    found.update(f"b:{a}_{b}" for a, b in pairwise(words))
    if cues:
        present = grams(written)
        for cue in cues:
            if (cue.required is None or not cue.required.isdisjoint(present)) and cue.pattern.search(written):
                found.add(f"c:{cue.name}")
    return found


def unit_features(text: str, cues: tuple[Cue, ...] = (), kinds: str = "msp") -> list[tuple[frozenset[str], str]]:
    """The features of each unit of a message (:func:`units`), with its kind letters."""
    return [(frozenset(body_features(part, cues)), kind) for part, kind in units(text, kinds)]


# A comparison needs something said about the other party, one of the cue classes that speak for it (a contrast, a
# verdict, a refusal retold, shopping around …): the words "타 병원" or "병원" alone are no comparison ("타 병원 진료
# 기록을 지참하세요"), however often the training lines that use them compare.
NEEDS_CUE = frozenset({"MSA-COMPARISON", "MSA-DEFAME"})
CUE_SUPPORT = 0.1  # summed weight of such classes (a class barely seen with the rule in training weighs about 0.01)


@dataclass(frozen=True)
class _Scope:
    """The scorers of one scope ("ad" advertising content, "info" informational messages, "kakao" AlimTalk)."""

    rules: tuple[str, ...]
    bias: tuple[float, ...]
    threshold: tuple[float, ...]
    kind: tuple[str, ...]  # the letter of the units each rule scores (UNITS)
    veto: tuple[float, ...]  # below this score a finding of the rule is dropped (-inf: never; see vetoed_rules)
    weights: dict[str, tuple[float, ...]]  # n-gram → its weight for each rule of the scope (0.0 where unused)


_OVERRIDE: list[dict[str, Any]] = []  # a trained document used instead of rules/scorer.json (evaluation only)


def use(doc: dict[str, Any] | None) -> None:
    """Score with ``doc`` (what :mod:`.scorer_train` writes to ``rules/scorer.json``) instead of the rules file,
    or with the rules file again for ``None``: the leave-one-file-out measure (:mod:`.scorer_lofo`) scores each
    file with a scorer that never saw it. Lint with ``use_cache=False`` after switching."""
    _OVERRIDE[:] = [] if doc is None else [doc]
    _scopes.cache_clear()
    _veto_scope.cache_clear()
    _document.cache_clear()
    _cues.cache_clear()
    _features.cache_clear()
    _cue_features.cache_clear()
    _rules_over_threshold.cache_clear()
    _vetoed_rules.cache_clear()
    _best_sentence.cache_clear()


@cache
def _document() -> dict[str, Any]:
    path = RULES_DIR / "scorer.json"
    if _OVERRIDE:
        return _OVERRIDE[0]
    return json.loads(path.read_text("utf-8")) if path.exists() else {"rules": []}


@cache
def _cues() -> tuple[Cue, ...]:
    """The cue classes the scorer was trained with (patterns over the compact text, kept in its JSON)."""
    return compile_cues(_document().get("cues", {}))


@lru_cache(maxsize=8)  # one message's scopes share it; a few hundred strings each, so not one per text
def _features(original: str, kinds: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The features of each unit of the ``kinds`` scored (:func:`units`)."""
    return tuple((frozenset(_cue_features(part)), kind) for part, kind in units(original, kinds))


@lru_cache(maxsize=64)  # a message's units and sentences are read by each scope and by best_sentence: once each
def _cue_features(body: str) -> set[str]:
    """:func:`body_features` with the trained cue classes; the same set object for the same text (read only)."""
    return body_features(body, _cues())


@cache
def _scopes() -> dict[str, _Scope]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in _document()["rules"]:
        grouped.setdefault(entry.get("scope", "ad"), []).append(entry)
    scopes: dict[str, _Scope] = {}
    for name, entries in grouped.items():
        grams = sorted({gram for entry in entries for gram in entry["weights"]})
        scopes[name] = _Scope(
            rules=tuple(entry["rule"] for entry in entries),
            bias=tuple(float(entry["bias"]) for entry in entries),
            # a rule without a threshold has weights for the veto only (it adds no finding)
            threshold=tuple(
                float("inf") if entry["threshold"] is None else float(entry["threshold"]) for entry in entries
            ),
            kind=tuple(UNITS[entry.get("unit", "message")] for entry in entries),
            veto=tuple(float(entry.get("veto", float("-inf"))) for entry in entries),
            weights={g: tuple(float(entry["weights"].get(g, 0.0)) for entry in entries) for g in grams},
        )
    return scopes


def _totals(scope: _Scope, grams: frozenset[str]) -> list[float]:
    """Bias plus the weights of the n-grams present, per rule: the columns are summed in C (zip, sum), which
    keeps an uncached message at a few tens of microseconds."""
    rows = [scope.weights[g] for g in grams & scope.weights.keys()]
    if not rows:
        return list(scope.bias)
    return [bias + sum(column) for bias, column in zip(scope.bias, zip(*rows, strict=True), strict=True)]


def judged(original: str, compact: str) -> bool:
    """Whether there is enough wording to judge: the content (no label, name, notices or opt-out) counts, and a
    14-character sentence inside an envelope of 60 is still too little ("검진 결과를 알기 쉽게 해 드립니다")."""
    return len(compact) >= MIN_CHARS and len(_SQUEEZE_RE.sub("", content(original))) >= MIN_CONTENT_CHARS


@lru_cache(maxsize=4096)
def _rules_over_threshold(original: str, compact: str, scope_name: str) -> tuple[str, ...]:
    scope = _scopes().get(scope_name)
    if scope is None or not judged(original, compact):
        return ()
    fired: set[str] = set()
    for present, kinds in _features(original, "".join(sorted(set(scope.kind)))):
        totals = _totals(scope, present)  # the message scores what the highest of its units of a rule's kind scores
        for index, (rule, total, limit, kind) in enumerate(
            zip(scope.rules, totals, scope.threshold, scope.kind, strict=True)
        ):
            if kind in kinds and total >= limit and (rule not in NEEDS_CUE or _cued(scope, index, present)):
                fired.add(rule)
    return tuple(rule for rule in scope.rules if rule in fired)


def _cued(scope: _Scope, index: int, present: frozenset[str]) -> bool:
    """Whether cue classes that speak for the rule are among the features (see NEEDS_CUE)."""
    support = sum(max(0.0, scope.weights[g][index]) for g in present if g.startswith("c:") and g in scope.weights)
    return support >= CUE_SUPPORT


def scored_rules(norm: Normalized, scope: str) -> list[str]:
    """Rule ids of one scope whose score clears its threshold on this message: ``ad`` (MSA rules, applied to
    advertising content), ``info`` (PROMO: promotional content of an informational message) or ``kakao``
    (KAKAO-ALIMTALK-BLACKLIST)."""
    return list(_rules_over_threshold(norm.original, norm.text, scope))


# The rules a finding of which is judged by another rule's scorer: the promotion in an informational message
# (ADV-PURPOSE-MISMATCH on SMS, KAKAO-ALIMTALK-PROMO on AlimTalk) is scored as one, PROMO.
SCORED_AS = {"ADV-PURPOSE-MISMATCH": "PROMO", "KAKAO-ALIMTALK-PROMO": "PROMO"}


_VETO_OFF: list[bool] = []  # set by veto_off (measurement only)


@contextmanager
def veto_off() -> Iterator[None]:
    """Lint without the veto inside this block (the veto's leave-one-file-out measure compares both)."""
    _VETO_OFF.append(True)
    try:
        yield
    finally:
        _VETO_OFF.pop()


def vetoed(norm: Normalized, rule: str) -> bool:
    """Whether a finding of ``rule`` (a frame's, a word list's or the purpose step's) is vetoed: the rule scores
    below the lowest score any line writers labelled with it got on wording its model never saw (less a margin: a
    rule's ``veto`` in a document trained with ``scorer_train.train(veto=True)``, as :mod:`.scorer_veto_lofo` does;
    ``rules/scorer.json`` has none, so the lint loads no veto). Frames see a few words; when everything else the
    message says is unlike every message writers gave that rule, the words were read out of their sense (a second
    rule on a line whose fault is another: "최신 장비로 안전하게" beside an inducement). Never on too little wording
    nor on a message mostly in Latin letters (:func:`veto_applies`)."""
    if _VETO_OFF:
        return False
    scored = SCORED_AS.get(rule, rule)
    scope = _veto_scope().get(scored)
    return scope is not None and scored in _vetoed_rules(norm.original, norm.text, scope)


@cache
def _veto_scope() -> dict[str, str]:
    """The scope of each rule with a veto."""
    return {
        rule: name
        for name, scope in _scopes().items()
        for rule, cut in zip(scope.rules, scope.veto, strict=True)
        if math.isfinite(cut)
    }


_HANGUL_RE = re.compile(r"[가-힣]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# The training lines are mostly Korean, so an English sentence scores low for every rule: unlike the labelled lines
# because it is English, not because writers would not label it. The veto reads messages mostly in Hangul only.
VETO_MIN_HANGUL = 0.5


def veto_applies(original: str, compact: str) -> bool:
    """Whether the veto may judge this message: enough wording (:func:`judged`), mostly Hangul letters."""
    return judged(original, compact) and not mostly_latin(original)


def mostly_latin(original: str) -> bool:
    """Whether the message's content (:func:`content`) has fewer Hangul letters than VETO_MIN_HANGUL of its
    letters: an English message, or a Korean label around one."""
    body = content(original)
    hangul, latin = len(_HANGUL_RE.findall(body)), len(_LATIN_RE.findall(body))
    return hangul < VETO_MIN_HANGUL * (hangul + latin)


@lru_cache(maxsize=4096)
def _vetoed_rules(original: str, compact: str, scope_name: str) -> frozenset[str]:
    """The rules of one scope that score below their veto on this message (each its highest unit of its kind)."""
    if not veto_applies(original, compact):
        return frozenset()
    scope = _scopes()[scope_name]
    top = [float("-inf")] * len(scope.rules)
    for present, kinds in _features(original, "".join(sorted(set(scope.kind)))):
        for index, (total, kind) in enumerate(zip(_totals(scope, present), scope.kind, strict=True)):
            if kind in kinds and total > top[index]:
                top[index] = total
    return frozenset(rule for rule, score, cut in zip(scope.rules, top, scope.veto, strict=True) if score < cut)


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
        grams = _cue_features(content(original[start:end]))  # features(), kept per sentence
        total = sum(scope.weights[g][index] for g in grams & scope.weights.keys())
        if _FOOTER_RE.search(compact):
            total -= 1000.0  # a footer only when nothing else is there
        if total > top:
            top, best = total, (start, end)
    return best
