"""The per-text analysis (compliance/analysis.py) is cached across channels and purposes: a text linted in one setting
and then another must get exactly the findings a fresh lint gives in each, in either order, and the cache must stay
bounded."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import analysis
from compliance.corpus_score import load
from compliance.findings import Finding
from compliance.text_rules import lint_text

BENCH_CORPUS = Path(__file__).parent / "corpus.jsonl"
SETTINGS = (
    ("sms", "informational"),
    ("sms", "advertising"),
    ("alimtalk", "informational"),
    ("friendtalk", "advertising"),
)
Row = tuple[str, str, int | None, int | None, str, str | None]


@cache
def _texts() -> tuple[str, ...]:
    rows = [json.loads(line) for line in BENCH_CORPUS.read_text("utf-8").splitlines() if line.strip()]
    training = [row["text"] for name in ("dev", "writer_s20_a", "probes_s16_prec") for row in load(name)]
    return tuple(dict.fromkeys([*(row["text"] for row in rows), *training]))


def _rows(findings: list[Finding]) -> list[Row]:
    return [(f.rule, f.severity, f.start, f.end, f.message, f.excerpt) for f in findings]


def _fresh(text: str, channel: str, purpose: str) -> list[Row]:
    """The findings with no analysis of the text kept from an earlier lint."""
    analysis.clear()
    return _rows(lint_text(text, channel, purpose, use_cache=False))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_texts()),
    st.lists(st.sampled_from(SETTINGS), min_size=2, max_size=6),
)
def test_analysis_serves_every_setting_in_any_order(text: str, order: list[tuple[str, str]]) -> None:
    expected = {setting: _fresh(text, *setting) for setting in set(order)}
    analysis.clear()
    for channel, purpose in order:  # the analysis made by the first setting serves the others
        assert _rows(lint_text(text, channel, purpose, use_cache=False)) == expected[(channel, purpose)]
    assert analysis.cached() <= 1  # one analysis served them all (none for a text past a message's length)


def test_every_bench_text_same_after_the_other_settings() -> None:
    """Each bench-corpus text in all four settings, forwards then backwards: the same findings each time."""
    rows = [json.loads(line) for line in BENCH_CORPUS.read_text("utf-8").splitlines() if line.strip()]
    analysis.clear()
    first = {(row["text"], s): _rows(lint_text(row["text"], *s, use_cache=False)) for row in rows for s in SETTINGS}
    analysis.clear()
    for row in rows:
        for setting in reversed(SETTINGS):
            assert _rows(lint_text(row["text"], *setting, use_cache=False)) == first[(row["text"], setting)]


def test_cache_is_bounded() -> None:
    analysis.clear()
    for i in range(1_100):
        lint_text(
            f"(광고) 새봄의원 {i}번째 안내: 이번 달 한정 무료 상담! 무료수신거부 080-123-4567", "sms", "advertising"
        )
    assert analysis.cached() == 1_024  # the normalisation's bound: the oldest analyses are dropped
    long_text = "수술 후 관리 안내입니다. " * 400  # past a message's length: analysed afresh, never kept
    before = analysis.cached()
    analysis.clear()
    lint_text(long_text, "sms", "informational", use_cache=False)
    assert analysis.cached() == 0 < before


def test_findings_are_never_shared_between_lints() -> None:
    """A finding carries its excerpt and its rewrite (which re-lints in its own setting): each lint makes its own."""
    text = "(광고) 새봄의원: 국내 최초 무통 시술, 부작용 없는 100% 만족! 무료수신거부 080-123-4567"
    first = lint_text(text, "sms", "advertising", use_cache=False)
    second = lint_text(text, "friendtalk", "advertising", use_cache=False)
    assert first and second
    assert not {id(f) for f in first} & {id(f) for f in second}
