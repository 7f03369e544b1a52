"""Train :mod:`.defame_scope`: MSA-DEFAME's logistic regression over the content sentences that speak of another
party, written to ``rules/model_s28_defame.json``. Run with the scorer (``make scorer`` trains both:
``python -m compliance.scorer_train``) or alone (``python -m compliance.defame_scope_train``).

Lines: the advertising-content lines of the scorer's training files (:func:`.scorer_train.training_splits`; no
held-back, held-out or unseen file) with at least one sentence in scope; a line is labelled with MSA-DEFAME or not
and scores what its highest in-scope sentence scores (the fit of :mod:`.scorer_train`). The threshold is a calibrated
cut (:func:`.scorer_train.calibrated_cut` at ``MARGINAL_PRECISION``) on scores of whole files held back in folds, so
it is set on wording the model never saw, as a new writer's will be.

``--lowo``: the leave-one-writer-out measure — for each training file, the model trained (threshold included) without
it, and its score on each of the file's lines; written as JSON for :mod:`.defame_scope` evaluation.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import defame_scope
from .corpus_score import load
from .scorer import compile_cues
from .scorer_train import _adam, _Grams, _in_scope, calibrated_cut, cue_classes, threshold, training_splits

# The cut: where a logistic fit of the label on the pooled held-back scores says a line scoring it is labelled
# MSA-DEFAME this often (scorer_train.calibrated_cut). The scorer's second cut, the lowest score above which the
# pooled precision stays ≥ 0.98, never exists here: the highest-scoring unlabelled lines are the writers' own split
# between a comparison and a disparagement ("다른 안과에서 어렵다는 말 들으셨나요? 저희는 …": DEFAME for most
# writers, COMPARISON alone for some), so it is recorded, not used. Chosen leave-one-writer-out (docs, session 28).
MARGINAL_PRECISION = 0.9
KIND = "words*6"  # what the model reads of a sentence (defame_scope.sentence_features), chosen leave-one-writer-out
MIN_COUNT = 3  # a feature must occur in this many lines
FOLDS = 5
SEEDS = (0, 1, 2)
KEEP = 1e-3
RULE = "MSA-DEFAME"


@dataclass
class Lines:
    """The in-scope lines: their file, id, label, and the features of each in-scope sentence."""

    split: list[str]
    ids: list[str]
    y: Any
    units: list[list[frozenset[str]]]


def cues() -> dict[str, str]:
    """The model's cue classes: the scorer's, the verdict lemma classes and the party classes."""
    return (
        cue_classes()
        | {f"s28.{k}": defame_scope.expand(v) for k, v in defame_scope.verdict_classes().items()}
        | {f"s28.{k}": defame_scope.expand(v) for k, v in defame_scope.party_classes().items()}
    )


def lines(splits: list[str], kind: str = KIND) -> Lines:
    compiled = compile_cues(cues())
    out = Lines([], [], [], [])
    labels = []
    for split in splits:
        for row in load(split):
            if not _in_scope(row, "ad"):
                continue
            scoped = defame_scope.scoped_sentences(row["text"])
            if not scoped:
                continue
            out.split.append(split)
            out.ids.append(row["id"])
            labels.append(1.0 if RULE in row["expected"] else 0.0)
            out.units.append([defame_scope.sentence_features(s, compiled, kind) for _, s in scoped])
    out.y = np.array(labels, dtype=np.float32)
    return out


def _matrix(units: list[list[frozenset[str]]], vocab: dict[str, int]) -> tuple[_Grams, Any]:
    x = _Grams.of([sorted(vocab[f] for f in u if f in vocab) for line in units for u in line], len(vocab))
    return x, np.array([len(line) for line in units], dtype=np.int64)


def fit(data: Lines, rows: Any) -> tuple[dict[str, float], float]:
    """Weights and bias fitted on the lines ``rows`` selects (bool)."""
    selected = [data.units[i] for i in np.flatnonzero(rows)]
    counts = Counter(f for line in selected for f in frozenset().union(*line))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    x, sizes = _matrix(selected, vocab)
    y = data.y[rows].reshape(-1, 1)
    w, b = _adam(x, sizes, y, np.array([len(selected) + 1.0], dtype=np.float32))
    names = list(vocab)
    return {names[i]: float(w[i, 0]) for i in range(len(names))}, float(b[0])


def scores(data: Lines, rows: Any, weights: dict[str, float], bias: float) -> Any:
    """The score of each line ``rows`` selects: its highest in-scope sentence's."""
    return np.array(
        [bias + max(sum(weights.get(f, 0.0) for f in u) for u in data.units[i]) for i in np.flatnonzero(rows)],
        dtype=np.float64,
    )


def held_scores(data: Lines, rows: Any, seeds: tuple[int, ...] = SEEDS) -> list[Any]:
    """Per seed, the score of each line ``rows`` selects from a model of the folds that never saw its file."""
    idx = np.flatnonzero(rows)
    files = sorted({data.split[i] for i in idx})
    out = []
    for seed in seeds:
        order = np.random.default_rng(seed).permutation(len(files))
        fold_of = {files[i]: rank % FOLDS for rank, i in enumerate(order)}
        folds = np.array([fold_of[data.split[i]] for i in idx])
        held = np.zeros(len(idx))
        for k in range(FOLDS):
            if not (folds == k).any():
                continue
            train = np.zeros(len(data.ids), dtype=bool)
            train[idx[folds != k]] = True
            test = np.zeros(len(data.ids), dtype=bool)
            test[idx[folds == k]] = True
            w, b = fit(data, train)
            held[folds == k] = scores(data, test, w, b)
        out.append(held)
    return out


def train_doc(data: Lines, rows: Any, kind: str = KIND, seeds: tuple[int, ...] = SEEDS) -> dict[str, Any]:
    """The model document trained on the lines ``rows`` selects: weights, bias, threshold (None: no cut held)."""
    held = held_scores(data, rows, seeds)
    labels = [int(v) for v in data.y[rows]]
    pooled = [float(v) for h in held for v in h]
    calibrated = calibrated_cut(pooled, labels * len(held), MARGINAL_PRECISION)
    pooled_cut = threshold(pooled, labels * len(held))
    cut = max(calibrated, 0.0)  # never below a probability of one half
    weights, bias = fit(data, rows)
    return {
        "about": "compliance/defame_scope.py; trained by compliance/defame_scope_train.py (make scorer)",
        "splits": sorted({data.split[i] for i in np.flatnonzero(rows)}),
        "kind": kind,
        "lines": int(rows.sum()),
        "positives": int(sum(labels)),
        "threshold": None if not np.isfinite(cut) else round(cut, 4),
        "calibrated": round(calibrated, 4) if np.isfinite(calibrated) else None,
        "pooled_cut": round(pooled_cut, 4) if np.isfinite(pooled_cut) else None,
        "bias": round(bias, 4),
        "cues": cues(),
        "weights": {f: round(v, 4) for f, v in sorted(weights.items()) if abs(v) >= KEEP},
    }


def train(splits: list[str] | None = None, kind: str = KIND) -> dict[str, Any]:
    """The document for ``rules/model_s28_defame.json``, trained on ``splits`` (default: the scorer's)."""
    splits = training_splits() if splits is None else splits
    data = lines(splits, kind)
    doc = train_doc(data, np.ones(len(data.ids), dtype=bool), kind)
    doc["splits"] = splits
    print(f"{RULE} scoped model: {doc['lines']} lines in scope, {doc['positives']} positives, threshold "
          f"{doc['threshold']} (calibrated {doc['calibrated']}, pooled precision {doc['pooled_cut']})")  # fmt: skip
    return doc


def write(doc: dict[str, Any]) -> None:
    defame_scope.MODEL_FILE.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")


def lowo(kind: str = KIND, seeds: tuple[int, ...] = SEEDS) -> dict[str, dict[str, Any]]:
    """Leave-one-writer-out: for each training file, the model document trained without it."""
    splits = training_splits()
    data = lines(splits, kind)
    docs = {}
    for name in splits:
        rows = np.array([s != name for s in data.split])
        docs[name] = train_doc(data, rows, kind, seeds)
        print(f"without {name}: threshold {docs[name]['threshold']}", flush=True)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--kind", default=KIND, help="words, words*N (cue classes counted N times), stems, cues or full"
    )
    parser.add_argument("--lowo", default=None, help="write the leave-one-writer-out models (JSON) here")
    args = parser.parse_args()
    if args.lowo:
        with open(args.lowo, "w", encoding="utf-8") as out:
            json.dump(lowo(args.kind), out, ensure_ascii=False)
    else:
        write(train(kind=args.kind))


if __name__ == "__main__":
    main()
