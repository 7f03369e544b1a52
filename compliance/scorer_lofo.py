"""Leave-one-FILE-out measure of the scorer (:mod:`.scorer`): for each corpus file X it may train on, train on
every other training file, then lint X with that scorer and with none, and print the checker's overall precision
and recall on X both ways.

Random folds over all lines flatter a scorer: one writer's wording is in both halves. A file left out whole is
wording the scorer never saw, which is what an outside writer's messages are. ``python -m compliance.scorer_lofo``
(about two minutes of training per file); ``--files`` picks the files to leave out.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import scorer, scorer_train
from .corpus_score import UNLABELLED, load
from .text_rules import lint_text

DEFAULT_FILES = ("independent_dev", "independent_dev2", "probes_s15")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} ({self.tp}/{self.tp + self.fn}, {self.fp} false)"


def checker_counts(rows: list[dict[str, Any]], doc: dict[str, Any]) -> tuple[Counts, Counter[str]]:
    """The checker's counts on ``rows`` when scoring with ``doc`` (``{"rules": []}``: no scorer), and the rule
    ids of its false positives."""
    scorer.use(doc)
    try:
        counts, false = Counts(), Counter[str]()
        for row in rows:
            found = {f.rule for f in lint_text(row["text"], row["channel"], row["purpose"], use_cache=False)}
            found -= UNLABELLED
            expected = set(row["expected"])
            counts.tp += len(found & expected)
            counts.fp += len(found - expected)
            counts.fn += len(expected - found)
            false.update(found - expected)
        return counts, false
    finally:
        scorer.use(None)


def leave_out(name: str, save: Path | None = None, **train_options: Any) -> tuple[Counts, Counts]:
    """Counts on file ``name`` without a scorer and with one trained on every other training file."""
    splits = [split for split in scorer_train.training_splits() if split != name]
    doc = scorer_train.train(splits, keep_scores=save is not None, **train_options)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    rows = load(name)
    without, _ = checker_counts(rows, {"rules": []})
    with_scorer, false = checker_counts(rows, doc)
    print(f"LOFO {name}: without {without} | with {with_scorer}; false by rule {dict(false)}", flush=True)
    return without, with_scorer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", nargs="*", default=list(DEFAULT_FILES) + scorer_train.writer_files())
    parser.add_argument("--save", type=Path, default=None, help="write each left-out file's trained scorer here")
    parser.add_argument("--group-by", default=scorer_train.GROUP_BY, choices=("session", "sentence"))
    parser.add_argument("--unit", default=None, choices=list(scorer.UNITS), help="one unit for every rule")
    parser.add_argument("--seeds", type=int, default=len(scorer_train.SEEDS), help="fold seeds pooled (fewer: faster)")
    args = parser.parse_args()
    options = {"group_by": args.group_by, "unit": args.unit, "seeds": scorer_train.SEEDS[: args.seeds]}
    table = {name: leave_out(name, args.save, **options) for name in args.files}
    print("| left-out file | without scorer | with scorer |\n|---|---|---|")
    for name, (without, with_scorer) in table.items():
        print(f"| {name} | {without} | {with_scorer} |")
    total = [Counts(), Counts()]
    for pair in table.values():
        for acc, part in zip(total, pair, strict=True):
            acc.tp, acc.fp, acc.fn = acc.tp + part.tp, acc.fp + part.fp, acc.fn + part.fn
    print(f"| all | {total[0]} | {total[1]} |")


if __name__ == "__main__":
    main()
