"""Train :mod:`.scorer` (``python -m compliance.scorer_train``): one logistic regression per rule over character
n-grams of the labelled lines rules may be written against (``dev.jsonl``, ``independent_dev.jsonl``,
``probes_s14.jsonl`` — never a held-out split), written to ``rules/scorer.json``.

Thresholds are chosen on held-back folds (lines of one seed sentence, its envelopes, stay in one fold): the
lowest score at which the folds' predictions keep precision ≥ ``PRECISION`` for that rule, and never below a
probability of 0.5. numpy is used here only (it comes with kiwipiepy); linting reads the JSON without it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

import numpy as np

from .corpus_score import load
from .findings import RULES_DIR
from .normalize import normalize
from .scorer import features

SPLITS = ("dev", "independent_dev", "probes_s14")
RULES = {  # rule → scope: "ad" advertising content, "info" informational messages, "kakao" AlimTalk
    "MSA-TESTIMONIAL": "ad",
    "MSA-COMPARISON": "ad",
    "MSA-DEFAME": "ad",
    "MSA-INDUCEMENT": "ad",
    "MSA-GUARANTEE": "ad",
    "MSA-SAFETY-CLAIM": "ad",
    "MSA-CELEBRITY": "ad",
    "MSA-SUPERLATIVE": "ad",
    "MSA-REVIEW-INCENTIVE": "ad",
    "MSA-SURGERY-SCENE": "ad",
    "MSA-ARTICLE-FORM": "ad",
    "MSA-BEFORE-AFTER": "ad",
    "PROMO": "info",
    "KAKAO-ALIMTALK-BLACKLIST": "kakao",
}
PROMO_RULES = frozenset({"ADV-PURPOSE-MISMATCH", "KAKAO-ALIMTALK-PROMO"})  # what PROMO stands for in the labels


def _in_scope(row: dict[str, Any], scope: str) -> bool:
    """Lines the scorer of that scope is applied to (and so trained on)."""
    if scope == "kakao":
        return bool(row["channel"] == "alimtalk")
    informational = row["purpose"] == "informational" and row["channel"] != "friendtalk"
    if scope == "info":
        return informational
    return not informational or bool(PROMO_RULES & set(row["expected"]))


def _label(row: dict[str, Any], rule: str) -> float:
    if rule == "PROMO":
        return 1.0 if PROMO_RULES & set(row["expected"]) else 0.0
    return 1.0 if rule in row["expected"] else 0.0


PRECISION = 0.95
MIN_COUNT = 3
FOLDS = 5
L2 = 1.0
STEPS = 250
KEEP = 1e-3  # weights smaller than this are dropped from the JSON


def _group(row_id: str) -> str:
    return re.sub(r"[a-d]$", "", row_id)


def _fit(x: Any, y: Any, mask: Any) -> tuple[Any, Any]:
    """L2-regularised logistic regressions, one per column of ``y`` over the rows ``mask`` selects for it, by
    full-batch Adam (float32)."""
    n = mask.sum(axis=0) + 1.0
    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = ((p - y) * mask).astype(np.float32)
        gw = (x.T @ g + L2 * w) / n
        gb = g.sum(axis=0) / n
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        w -= lr * (mw / (1 - beta1**t)) / (np.sqrt(vw / (1 - beta2**t)) + eps)
        b -= lr * (mb / (1 - beta1**t)) / (np.sqrt(vb / (1 - beta2**t)) + eps)
    return w, b


def _threshold(scores: list[float], labels: list[int]) -> float:
    """The lowest score keeping precision ≥ PRECISION among lines at or above it (logit 0 at the least)."""
    ranked = sorted(zip(scores, labels, strict=True), reverse=True)
    tp = fp = 0
    best = float("inf")
    for score, label in ranked:
        tp += label
        fp += 1 - label
        if score >= 0 and tp / (tp + fp) >= PRECISION and tp >= 3:
            best = score
    return best


def train() -> dict[str, Any]:
    rows = [row for split in SPLITS for row in load(split)]
    grams = [features(normalize(row["text"]).text) for row in rows]
    counts = Counter(g for gs in grams for g in gs)
    vocab = sorted(g for g, c in counts.items() if c >= MIN_COUNT)
    index = {g: i for i, g in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for r, gs in enumerate(grams):
        x[r, [index[g] for g in gs if g in index]] = 1.0
    groups = sorted({_group(row["id"]) for row in rows})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    folds = np.array([fold_of[_group(row["id"])] for row in rows])
    rules = list(RULES)
    y = np.array([[_label(row, rule) for rule in rules] for row in rows], dtype=np.float32)
    mask = np.array([[1.0 if _in_scope(row, RULES[rule]) else 0.0 for rule in rules] for row in rows], np.float32)
    held = np.zeros_like(y)
    for k in range(FOLDS):
        w, b = _fit(x[folds != k], y[folds != k], mask[folds != k])
        held[folds == k] = x[folds == k] @ w + b
    w, b = _fit(x, y, mask)
    out = []
    for j, rule in enumerate(rules):
        rows_in = np.flatnonzero(mask[:, j])
        labels = [int(v) for v in y[rows_in, j]]
        scores = [float(v) for v in held[rows_in, j]]
        threshold = _threshold(scores, labels)
        weights = {vocab[i]: round(float(w[i, j]), 4) for i in np.flatnonzero(np.abs(w[:, j]) >= KEEP)}
        caught = sum(1 for s, label in zip(scores, labels, strict=True) if label and s >= threshold)
        print(f"{rule}: {sum(labels)} positives, threshold {threshold:.2f}, held-back recall "
              f"{caught}/{sum(labels)}, {len(weights)} weights")  # fmt: skip
        if math.isinf(threshold):
            continue
        out.append({"rule": rule, "scope": RULES[rule], "bias": round(float(b[j]), 4),
                    "threshold": round(threshold, 4), "weights": weights})  # fmt: skip
    return {"about": "compliance/scorer.py; trained by python -m compliance.scorer_train", "rules": out}


def main() -> None:
    doc = train()
    (RULES_DIR / "scorer.json").write_text(json.dumps(doc, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
