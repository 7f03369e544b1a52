"""Leave-one-FILE-out measure of the scorer (:mod:`.scorer`): for each corpus file X it may train on, train on
every other training file, then lint X with that scorer and with none, and print the checker's overall precision
and recall on X both ways, and a third way: the scorer's additions left out on messages mostly in Latin letters
(:func:`.scorer.mostly_latin`), which is how the gate on English text was decided.

Random folds over all lines flatter a scorer: one writer's wording is in both halves. A file left out whole is
wording the scorer never saw, which is what an outside writer's messages are. ``python -m compliance.scorer_lofo``
(one training per file left out, a few minutes each); ``--files`` picks the files to leave out; ``--save`` keeps
each trained scorer and ``--load`` scores with the kept ones instead of training again.
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

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} ({self.tp}/{self.tp + self.fn}, {self.fp} false)"


def checker_findings(rows: list[dict[str, Any]], doc: dict[str, Any]) -> list[set[str]]:
    """The checker's rule ids on each of ``rows`` when scoring with ``doc`` (``{"rules": []}``: no scorer)."""
    scorer.use(doc)
    try:
        return [
            {f.rule for f in lint_text(row["text"], row["channel"], row["purpose"], use_cache=False)} - UNLABELLED
            for row in rows
        ]
    finally:
        scorer.use(None)


def counts_of(rows: list[dict[str, Any]], found: list[set[str]]) -> tuple[Counts, Counter[str]]:
    """Counts of ``found`` against the labels, and the rule ids of its false positives."""
    counts, false = Counts(), Counter[str]()
    for row, rules in zip(rows, found, strict=True):
        expected = set(row["expected"])
        counts.tp += len(rules & expected)
        counts.fp += len(rules - expected)
        counts.fn += len(expected - rules)
        false.update(rules - expected)
    return counts, false


def checker_counts(rows: list[dict[str, Any]], doc: dict[str, Any]) -> tuple[Counts, Counter[str]]:
    """The checker's counts on ``rows`` when scoring with ``doc``, and the rule ids of its false positives."""
    return counts_of(rows, checker_findings(rows, doc))


def leave_out(
    name: str, save: Path | None = None, saved: Path | None = None, **train_options: Any
) -> tuple[Counts, Counts, Counts]:
    """Counts on file ``name`` without a scorer, with one trained on every other training file, and with that
    scorer adding nothing to messages mostly in Latin letters."""
    if saved is not None:
        doc = json.loads((saved / f"{name}.json").read_text("utf-8"))
    else:
        splits = [split for split in scorer_train.training_splits() if split != name]
        doc = scorer_train.train(splits, keep_scores=save is not None, **train_options)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    rows = load(name)
    without_found = checker_findings(rows, {"rules": []})
    with_found = checker_findings(rows, doc)
    latin = [scorer.mostly_latin(row["text"]) for row in rows]
    gated_found = [
        plain if gate else scored for plain, scored, gate in zip(without_found, with_found, latin, strict=True)
    ]
    without, _ = counts_of(rows, without_found)
    with_scorer, false = counts_of(rows, with_found)
    gated, _ = counts_of(rows, gated_found)
    english = [i for i, gate in enumerate(latin) if gate]
    added = Counter[str]()
    for i in english:
        expected = set(rows[i]["expected"])
        for rule in with_found[i] - without_found[i]:
            added["true" if rule in expected else "false"] += 1
        for rule in without_found[i] - with_found[i]:
            added["lost true" if rule in expected else "lost false"] += 1
    print(f"LOFO {name}: without {without} | with {with_scorer} | English gated {gated}; false by rule "
          f"{dict(false)}; on {len(english)} mostly-Latin lines the scorer changed {dict(added)}", flush=True)  # fmt: skip
    return without, with_scorer, gated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", nargs="*", default=list(DEFAULT_FILES) + scorer_train.writer_files())
    parser.add_argument("--save", type=Path, default=None, help="write each left-out file's trained scorer here")
    parser.add_argument("--load", type=Path, default=None, help="score with the scorers --save wrote there")
    parser.add_argument("--group-by", default=scorer_train.GROUP_BY, choices=("session", "sentence"))
    parser.add_argument("--unit", default=None, choices=list(scorer.UNITS), help="one unit for every rule")
    parser.add_argument("--seeds", type=int, default=len(scorer_train.SEEDS), help="fold seeds pooled (fewer: faster)")
    args = parser.parse_args()
    options = {"group_by": args.group_by, "unit": args.unit, "seeds": scorer_train.SEEDS[: args.seeds]}
    table = {name: leave_out(name, args.save, args.load, **options) for name in args.files}
    print("| left-out file | without scorer | with scorer | with scorer, none added to English |\n|---|---|---|---|")
    total = [Counts(), Counts(), Counts()]
    for name, counts in table.items():
        print(f"| {name} | {' | '.join(str(c) for c in counts)} |")
        for acc, part in zip(total, counts, strict=True):
            acc.add(part)
    print(f"| all | {' | '.join(str(c) for c in total)} |")


if __name__ == "__main__":
    main()
