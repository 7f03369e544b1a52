"""Compliance checker accuracy on the held-out corpus split (compliance/corpus/heldout.jsonl), which rules
are never tuned to: precision and recall overall, per family and per rule id."""

from __future__ import annotations

import json
from typing import Any

from compliance.corpus_score import load, score


def run(quick: bool) -> list[dict[str, Any]]:
    rows = load("heldout")
    by_family = score(rows)
    by_rule = score(rows, by="rule")
    figures: list[dict[str, Any]] = [
        {"bench": "lint.heldout_precision", "value": round(by_family.precision(), 3), "unit": "ratio",
         "messages": len(rows), "target": 0.95},
        {"bench": "lint.heldout_recall", "value": round(by_family.recall(), 3), "unit": "ratio",
         "messages": len(rows), "target": 0.90},
    ]  # fmt: skip
    for family in by_family.names():
        figures.append(
            {
                "bench": f"lint.heldout.{family}",
                "value": round(by_family.recall(family), 3),
                "unit": "recall",
                "precision": round(by_family.precision(family), 3),
                "tp": by_family.tp[family],
                "fp": by_family.fp[family],
                "fn": by_family.fn[family],
            }
        )
    for rule in by_rule.names():
        figures.append(
            {
                "bench": f"lint.heldout.rule.{rule}",
                "value": round(by_rule.recall(rule), 3),
                "unit": "recall",
                "precision": round(by_rule.precision(rule), 3),
                "tp": by_rule.tp[rule],
                "fp": by_rule.fp[rule],
                "fn": by_rule.fn[rule],
            }
        )
    return figures


if __name__ == "__main__":
    for figure in run(quick=False):
        print(json.dumps(figure, ensure_ascii=False))
