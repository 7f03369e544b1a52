"""Literal prefilters (compliance/prefilter.py) must never skip a pattern that matches: soundness over every rule
pattern, on the corpus texts and on generated text."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.normalize import normalize
from compliance.prefilter import could_match, grams, literal_prefixes, required_grams


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [
            s for key, item in value.items() if key not in ("rule", "scope", "kind", "reason") for s in _strings(item)
        ]
    return []


@cache
def _patterns() -> tuple[str, ...]:
    found: set[str] = set()
    for path in RULES_DIR.glob("*.json"):
        for pattern in _strings(json.loads(path.read_text("utf-8"))):
            try:
                re.compile(pattern)
            except re.error:
                continue
            found.add(pattern)
    return tuple(sorted(found))


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], tuple[frozenset[str] | None, ...]], ...]:
    """Every rule pattern with both its prefilters (literal prefixes, required grams): each pattern is searched once
    per text and both must let a match through."""
    return tuple((re.compile(p), (literal_prefixes(p), required_grams(p))) for p in _patterns())


def test_known_prefixes() -> None:
    assert literal_prefixes("(타|다른)(병원|의원)") == {"다른", "타병", "타의"}
    assert literal_prefixes("(강남|서울)?어디") == {"강남", "서울", "어디"}
    assert literal_prefixes("a(bc)*d") == {"ab", "ad"}
    assert literal_prefixes("[0-9]+원") == frozenset("0123456789")  # 12원: the prefix is a digit, not 2원
    assert literal_prefixes("[가-힣]{1,3}님") is None  # may start with any syllable: no prefilter
    assert required_grams("[가-힣]{1,3}님") == {"님"}  # but it cannot do without 님
    assert required_grams("[0-9]+%(저렴|싸게)") == {"%저", "%싸"}  # more selective than the digits


@pytest.mark.slow
def test_no_rule_pattern_is_skipped_on_the_corpus() -> None:
    texts = [normalize(row["text"]).text for row in load("dev")]
    for text in texts:
        text_grams = grams(text)
        for pattern, prefilters in _compiled():
            if pattern.search(text):
                for prefixes in prefilters:
                    assert could_match(prefixes, text_grams), (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("타다른병원의어디강남서울무료상품권0129원%+abcnoe후기님 ")), max_size=30))
def test_a_matching_pattern_always_passes_its_prefilter(text: str) -> None:
    text_grams = grams(text)
    for pattern, prefilters in _compiled():
        if pattern.search(text):
            for prefixes in prefilters:
                assert could_match(prefixes, text_grams), pattern.pattern
