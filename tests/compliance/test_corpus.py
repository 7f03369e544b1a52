"""Precision and recall per rule family on the labelled corpus (tests/compliance/corpus.jsonl).

Info-severity rules (MSA-PREREVIEW, MSG-SMS-LENGTH) are not labelled in the corpus: they inform, they do
not judge. Every other rule id found or expected counts, per message.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from compliance.findings import family_of
from tests.support.compliance import rule_ids

CORPUS = Path(__file__).parent / "corpus.jsonl"
FAMILIES = ("MSA", "KAKAO", "ADV", "CONSENT/PII", "MSG")


def load_corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def test_corpus_is_large_and_varied() -> None:
    rows = load_corpus()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["channel"] for r in rows} == {"alimtalk", "friendtalk", "sms"}
    assert sum(1 for r in rows if not r["expected"]) >= 50  # clean messages keep precision honest


def test_precision_and_recall_per_family_are_at_least_0_9() -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for row in load_corpus():
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        expected = set(row["expected"])
        for rule in found & expected:
            tp[family_of(rule)] += 1
        for rule in found - expected:
            fp[family_of(rule)] += 1
        for rule in expected - found:
            fn[family_of(rule)] += 1
    failures = []
    for family in FAMILIES:
        precision = tp[family] / (tp[family] + fp[family]) if tp[family] + fp[family] else 1.0
        recall = tp[family] / (tp[family] + fn[family]) if tp[family] + fn[family] else 1.0
        print(
            f"{family:12} precision {precision:.3f} recall {recall:.3f} (tp {tp[family]}, fp {fp[family]}, fn {fn[family]})"
        )
        if precision < 0.9 or recall < 0.9:
            failures.append(family)
    assert not failures, f"below 0.9: {failures}"
