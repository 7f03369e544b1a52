"""Metamorphic robustness of the compliance checker (compliance/metamorphic.py): every training line rewritten
without changing its meaning (speech level, synonyms, sentence order, spacing, numbers, the clinic's name, the
envelope, Korean↔English procedure names) and linted again.

- ``lint.metamorphic_kept``: of the (line, rule) findings a training line is labelled with and the checker finds,
  the share still found on each rewrite (every rewrite that changes the line counts once);
- ``lint.metamorphic_clean_kept``: of the clean traps the checker leaves clean, the share still clean;
- ``lint.metamorphic_added``: labelled-clean findings the rewrites add (on any line);
- ``lint.metamorphic.<rewrite>`` and ``lint.metamorphic.rule.<id>``: the same per rewrite and per rule.

Only training files are read (never a held-out or *unseen* file). ``--quick`` leaves out ``dev.jsonl`` (its
1,400 lines are seed sentences in a few envelopes) and reads the independently written files only.
"""

from __future__ import annotations

import json
from typing import Any

from compliance.metamorphic import REWRITE_NAMES, measure, training_files


def run(quick: bool) -> list[dict[str, Any]]:
    files = [name for name in training_files() if not (quick and name == "dev")]
    result = measure(files)
    figures: list[dict[str, Any]] = [
        {"bench": "lint.metamorphic_kept", "value": round(result.ratio(), 4), "unit": "ratio",
         "findings": result.count(), "files": len(files)},
        {"bench": "lint.metamorphic_clean_kept", "value": round(result.clean_ratio(), 4), "unit": "ratio",
         "clean": sum(result.clean_total.values())},
        {"bench": "lint.metamorphic_added", "value": sum(result.added.values()), "unit": "findings"},
    ]  # fmt: skip
    for name in REWRITE_NAMES:
        figures.append(
            {
                "bench": f"lint.metamorphic.{name}",
                "value": round(result.ratio(name), 4),
                "unit": "ratio",
                "findings": result.count(name),
                "clean_kept": round(result.clean_ratio(name), 4),
                "clean": result.clean_total[name],
                "added": sum(n for (rewrite, _), n in result.added.items() if rewrite == name),
            }
        )
    for rule in result.rules():
        figures.append(
            {
                "bench": f"lint.metamorphic.rule.{rule}",
                "value": round(result.ratio(rule=rule), 4),
                "unit": "ratio",
                "findings": result.count(rule=rule),
            }
        )
    return figures


if __name__ == "__main__":
    for figure in run(quick=False):
        print(json.dumps(figure, ensure_ascii=False))
