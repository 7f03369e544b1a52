"""Gated alternations (compliance/prefilter.py): an alternation scanned, per text, with only the alternatives whose
required grams the text has must find exactly what the whole alternation finds — the same spans in the same order —
for every alternation the checker uses (frames, word lists, the context step, the missing-risk rule), on the corpus
and on generated text. ``alternatives`` must split a pattern into alternatives that match as the pattern does."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import context, text_rules
from compliance.corpus_score import load
from compliance.frames import _scoped, frames
from compliance.normalize import normalize
from compliance.prefilter import GatedAlternation, GateIndex, alternatives, grams, required_sets

BENCH_CORPUS = Path(__file__).parent / "corpus.jsonl"


@cache
def _texts() -> tuple[str, ...]:
    rows = [json.loads(line) for line in BENCH_CORPUS.read_text("utf-8").splitlines() if line.strip()]
    dev = [row["text"] for row in load("dev")][::3]  # a third of dev keeps the test near half a minute here
    return tuple(dict.fromkeys([*(row["text"] for row in rows), *dev]))


@cache
def _compact_gates() -> tuple[GatedAlternation, ...]:
    """Every gated alternation read on the compact text."""
    rules = text_rules._rules()
    families = (*rules.msa, rules.promo, rules.blacklist, rules.health, rules.inducement_strong, rules.inducement_soft)
    found = [g for f in families for g in (f.any_re, f.both_re, f.exceptions) if g is not None]
    found += [rules.procedures, rules.disclosures]
    found += [g for g in context._table().any_re.values() if g is not None]
    found += [g for frame in frames() if frame.kind == "window" for g in frame.gated]
    return tuple(found)


@cache
def _original_gates() -> tuple[GatedAlternation, ...]:
    """Every gated alternation read on the original text (original-text frames)."""
    return tuple(g for frame in frames() if frame.kind == "original" for g in frame.gated)


def _same(gate: GatedAlternation, text: str) -> bool:
    pattern = gate.pattern_for(grams(text))
    whole = [m.span() for m in gate.full.finditer(text)]
    return whole == ([m.span() for m in pattern.finditer(text)] if pattern is not None else [])


def test_alternatives_of_known_patterns() -> None:
    assert alternatives("a|(?:b|c)") == ["a", "b", "c"]
    assert alternatives("(?:x|y)") == ["x", "y"]
    assert alternatives("[|]a|b") == ["[|]a", "b"]  # a | in a class is a character
    assert alternatives(r"a\|b") == [r"a\|b"]  # so is an escaped one
    assert alternatives("[]|]a|b") == ["[]|]a", "b"]  # ] first in a class is a character
    assert alternatives("(a|b)c") == ["(a|b)c"]  # a group that is not the whole alternative stays
    assert alternatives("(?:a|b)?") == ["(?:a|b)?"]
    assert alternatives("(?:a)(?:b|c)") == ["(?:a)(?:b|c)"]
    assert alternatives("(?i)a|b") == ["(?i)a|b"]  # a global flag belongs to every alternative
    assert alternatives("(?i:a)|b") == ["(?i:a)", "b"]
    assert alternatives("a|") == ["a", ""]


def test_a_gate_drops_only_alternatives_the_text_lacks() -> None:
    gate = GatedAlternation(["타병원", "다른(병원|의원)", "[0-9]+%할인"])
    assert gate.pattern_for(grams("타병원과 달리")) is not None
    assert gate.pattern_for(grams("안녕하세요")) is None
    only = gate.pattern_for(grams("다른의원"))  # one alternative can match: it alone is searched
    assert isinstance(only, re.Pattern) and only.pattern == "(?:다른(병원|의원))"
    assert gate.pattern_for(grams("타병원 다른병원 20%할인")) is gate.full


def test_an_alternative_needs_every_gram_set_it_requires() -> None:
    assert set(required_sets("(이번달|오늘)(한정|까지)")) == {frozenset({"이번", "오늘"}), frozenset({"한정", "까지"})}
    assert required_sets("(이번달|오늘)(만|한정)") == (frozenset({"이번", "오늘"}),)  # a single 만: too weak to ask
    assert required_sets("[0-9]+%(저렴|싸게)") == (frozenset({"%저", "%싸"}), frozenset({"저렴", "싸게"}))
    assert set(required_sets("타병원")) == {frozenset({"병원"}), frozenset({"타병"})}
    assert required_sets(".*") == ()
    gate = GatedAlternation(["(이번달|오늘)(한정|까지)할인", "타병원"])
    assert gate.pattern_for(grams("오늘예약하세요")) is None  # 오늘 without 한정·까지: the offer cannot match
    assert gate.pattern_for(grams("오늘까지할인")) is not None
    for text in ("오늘예약하세요", "오늘까지할인", "이번달한정할인 타병원", "한정 오늘", "병원 타"):
        assert _same(gate, text)


def test_a_gate_index_gives_each_gate_its_own_mask() -> None:
    first, second = GatedAlternation(["무료", "할인"]), GatedAlternation(["할인가", "특가"])
    masks = GateIndex([first, second]).masks(grams("할인가"))
    for gate in (first, second):
        assert gate.searcher(masks.get(gate, 0)) == gate.pattern_for(grams("할인가"))
    assert GateIndex([first, second]).masks(grams("안녕")) == {}


def test_every_compact_alternation_finds_what_it_finds_whole_on_the_corpus() -> None:
    texts = [normalize(text).text for text in _texts()]
    for gate in _compact_gates():
        for text in texts:
            assert _same(gate, text), (gate.full.pattern[:80], text)


def test_every_original_alternation_finds_what_it_finds_whole_on_the_corpus() -> None:
    for gate in _original_gates():
        for text in _texts():
            assert _same(gate, text), (gate.full.pattern[:80], text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_texts()), min_size=1, max_size=3), st.data())
def test_gated_alternations_on_cut_and_joined_corpus_text(texts: list[str], data: st.DataObject) -> None:
    joined = " ".join(texts)
    cut = data.draw(st.integers(0, len(joined)))
    text = joined[cut:] if data.draw(st.booleans()) else joined[:cut]
    compact = normalize(text).text
    assert all(_same(gate, compact) for gate in _compact_gates())
    assert all(_same(gate, text) for gate in _original_gates())


def test_the_frame_index_picks_exactly_the_frames_whose_gram_sets_the_text_meets() -> None:
    for ad_only in (False, True):
        scope = _scoped(ad_only)
        for text in _texts():
            text_grams = normalize(text).grams
            plain = [i for i, f in enumerate(scope.frames) if not any(map(text_grams.isdisjoint, f.requires))]
            assert scope.candidates(text_grams) == plain, text


# generated patterns: literals, classes (with | and ] inside), groups of every kind, escapes, quantifiers
_ATOMS = st.sampled_from(["a", "b", "가", "나", r"\|", "[|a]", "[]b]", "[^a]", ".", r"\d", "%"])


@st.composite
def _pattern(draw: st.DrawFn, depth: int = 0) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        if depth < 2 and draw(st.booleans()):
            inner = "|".join(draw(_pattern(depth + 1)) for _ in range(draw(st.integers(1, 3))))
            piece = draw(st.sampled_from(["(?:{})", "({})", "(?={})", "(?<!x)(?:{})"])).format(inner)
        else:
            piece = draw(_ATOMS)
        pieces.append(piece + draw(st.sampled_from(["", "", "?", "*", "+", "{1,2}"])))
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pattern(), min_size=1, max_size=4).map("|".join), st.text(alphabet="ab가나|]%x1", max_size=12))
def test_split_alternatives_match_as_the_pattern_does(pattern: str, text: str) -> None:
    split = re.compile("|".join(f"(?:{a})" for a in alternatives(pattern)))
    whole = re.compile(pattern)
    assert [m.span() for m in split.finditer(text)] == [m.span() for m in whole.finditer(text)]
    gate = GatedAlternation([pattern])
    assert _same(gate, text)


# phrases as rule lists write them: literal words, some sharing a start, with optional endings and classes
_PHRASES = st.lists(
    st.sampled_from(
        ["무료", "할인", "타병원", "다른", "병원", "의원", "후기", "최고", "1위", "%", "[0-9]+", "(은|는)?"]
    ),
    min_size=1,
    max_size=3,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PHRASES, min_size=1, max_size=40),
    st.lists(st.sampled_from(["무료", "할인", "타병원", "다른", "병원은", "의원", "후기", "최고", "1위", "20%", " "])),
)
def test_a_long_list_searched_apart_or_in_blocks_finds_what_it_finds_whole(
    phrases: list[str], words: list[str]
) -> None:
    gate = GatedAlternation(phrases)
    text = "".join(words)
    assert _same(gate, text)
    for start in range(len(text)):  # a search from any position, as the frames' windows search
        pattern = gate.pattern_for(grams(text))
        found = pattern.search(text, start) if pattern is not None else None
        whole = gate.full.search(text, start)
        assert (found.span() if found else None) == (whole.span() if whole else None)
