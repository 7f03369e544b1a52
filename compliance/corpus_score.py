"""Score the text rules on a labelled corpus (compliance/corpus/*.jsonl): precision and recall overall and
per rule family, counted per message and rule id (the way tests/compliance/test_corpus.py counts).

Info-severity rules (MSA-PREREVIEW, MSG-SMS-LENGTH) inform and are not labelled.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import family_of
from .text_rules import lint_text

CORPUS_DIR = Path(__file__).parent / "corpus"
UNLABELLED = frozenset({"MSA-PREREVIEW", "MSG-SMS-LENGTH"})
FAMILIES = ("MSA", "KAKAO", "ADV", "CONSENT/PII", "MSG")


def load(name: str) -> list[dict[str, Any]]:
    """The rows of ``compliance/corpus/<name>.jsonl``."""
    text = (CORPUS_DIR / f"{name}.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def _ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else 1.0

    def precision(self, key: str | None = None) -> float:
        if key is None:
            return self._ratio(sum(self.tp.values()), sum(self.fp.values()))
        return self._ratio(self.tp[key], self.fp[key])

    def recall(self, key: str | None = None) -> float:
        if key is None:
            return self._ratio(sum(self.tp.values()), sum(self.fn.values()))
        return self._ratio(self.tp[key], self.fn[key])

    def names(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def score(rows: list[dict[str, Any]], by: str = "family") -> Score:
    """Counts per family (``by="family"``) or per rule id (``by="rule"``)."""
    result = Score()
    for row in rows:
        found = {f.rule for f in lint_text(row["text"], row["channel"], row["purpose"])} - UNLABELLED
        expected = set(row["expected"])
        for hits, rules in (
            (result.tp, found & expected),
            (result.fp, found - expected),
            (result.fn, expected - found),
        ):
            for rule in rules:
                hits[family_of(rule) if by == "family" else rule] += 1
    return result
