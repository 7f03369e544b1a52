"""How the per-rule scorer is trained (compliance/scorer_train.py): which corpus files it learns from, and
thresholds that a few lucky lines cannot set."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import scorer_train
from compliance.corpus_score import CORPUS_DIR, load
from compliance.findings import RULES_DIR
from compliance.scorer_train import (
    MIN_POSITIVES,
    PRECISION,
    SCOPES,
    VETO_MIN_POSITIVES,
    threshold,
    training_splits,
)


def test_training_never_reads_a_held_back_file() -> None:
    splits = training_splits()
    assert {"dev", "independent_dev", "independent_dev2", "probes4_s14"} <= set(splits)
    for name in splits:
        assert "heldout" not in name and "unseen" not in name and name not in scorer_train.HELD_BACK
    every_probe = {p.stem for p in CORPUS_DIR.glob("probes*.jsonl")}
    kept_back = {n for n in every_probe if "unseen" in n or n in scorer_train.HELD_BACK}
    assert every_probe - kept_back <= set(splits)  # a new probe file is picked up without editing code


@pytest.mark.parametrize(
    "name",
    [
        "independent2_heldout",
        "independent3_heldout",
        "independent4_heldout",
        "independent5_heldout",
        "heldout",
        "probes2_s14",
        "probes4_unseen_s14",
    ],
)
def test_training_refuses_a_held_back_file(name: str) -> None:
    with pytest.raises(ValueError):
        scorer_train.train(["dev", name])


def test_scorer_json_is_trained_on_todays_files() -> None:
    written = json.loads((RULES_DIR / "scorer.json").read_text("utf-8"))
    assert written["splits"] == training_splits(), "a corpus file was added: retrain with `make scorer`"


def test_every_scored_rule_had_enough_positives() -> None:
    written = json.loads((RULES_DIR / "scorer.json").read_text("utf-8"))
    rows = [row for name in written["splits"] for row in load(name)]
    for entry in written["rules"]:
        rule = entry["rule"]
        positives = sum(
            1 for row in rows if scorer_train._in_scope(row, SCOPES[rule]) and scorer_train._label(row, rule)
        )
        if entry["threshold"] is None:  # weights for the veto only: it needs its own count of positives
            assert positives >= VETO_MIN_POSITIVES and entry["veto"] < 0.0, rule
            continue
        assert positives >= MIN_POSITIVES, rule
        assert entry["threshold"] >= 0.0
        assert entry.get("veto", float("-inf")) < entry["threshold"], rule  # a scored finding is never vetoed


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-20, 20, allow_nan=False), max_size=60), st.floats(0, 3))
def test_the_veto_is_below_every_positive_score(scores: list[float], margin: float) -> None:
    cut = scorer_train.veto_cut(scores, len(scores), margin)
    if len(scores) < VETO_MIN_POSITIVES:
        assert cut is None
    else:
        assert cut is not None and all(cut <= s - margin + 1e-4 for s in scores)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-5, 5, allow_nan=False), st.integers(0, 1)), max_size=80),
    st.integers(1, 5),
)
def test_a_threshold_keeps_precision_with_a_phantom_false_positive(pairs: list[tuple[float, int]], passes: int) -> None:
    scores = [s for s, _ in pairs]
    labels = [label for _, label in pairs]
    cut = threshold(scores, labels, passes)
    if math.isinf(cut):
        return
    above = [label for s, label in pairs if s >= cut]
    assert cut >= 0.0
    assert sum(above) / (len(above) + passes) >= PRECISION


def test_a_few_lucky_positives_set_no_threshold() -> None:
    # Five clean positives at the top used to be enough (precision 1.0, three true positives); with one phantom
    # false positive a cut needs PRECISION / (1 - PRECISION) true positives above it (49 at 0.98)
    assert math.isinf(threshold([3.0, 2.9, 2.8, 2.7, 2.6, 0.1], [1, 1, 1, 1, 1, 0]))
    needed = math.ceil(PRECISION / (1 - PRECISION) - 1e-9)
    assert math.isinf(threshold([3.0 - i / 100 for i in range(needed - 1)], [1] * (needed - 1)))
    assert threshold([3.0 - i / 100 for i in range(needed + 5)], [1] * (needed + 5)) == pytest.approx(
        3.0 - (needed + 4) / 100
    )


def test_writer_files_are_training_lines_unless_held_back() -> None:
    writers = {p.stem for p in CORPUS_DIR.glob("writer_*.jsonl")}
    splits = training_splits()
    assert {n for n in writers if "heldout" not in n and "unseen" not in n} <= set(splits)
    with pytest.raises(ValueError):
        scorer_train.train(["dev", "writer_s16_heldout"])


def test_sessions_stay_in_one_fold() -> None:
    # thresholds are set on wording the model never saw: a whole file, or one round of dev.jsonl
    assert scorer_train._group("writer_s16_a", "wa-comparison-03", "session") == "writer_s16_a"
    assert scorer_train._group("dev", "d017b", "session") == scorer_train._group("dev", "d101", "session")
    assert scorer_train._group("dev", "d017b", "session") != scorer_train._group("dev", "y017b", "session")
    assert scorer_train._group("dev", "d017b", "sentence") == scorer_train._group("dev", "d017a", "sentence")


def test_every_cue_class_compiles_and_is_in_the_json() -> None:
    written = json.loads((RULES_DIR / "scorer.json").read_text("utf-8"))
    assert written["cues"] == scorer_train.cue_classes(), "cue classes changed: retrain with `make scorer`"


def test_a_line_scores_what_its_best_unit_of_the_rules_kind_scores() -> None:
    import numpy as np

    claim, filler = 0, 1  # feature columns
    # positive lines: a claim sentence among 1-4 filler sentences; negative lines: fillers only
    lines = [[[filler]] * k + [[claim]] for k in range(1, 5)] * 10 + [[[filler]] * k for k in range(1, 5)] * 10
    units = [unit for line in lines for unit in line]
    x = scorer_train._Grams.of(units, 2)
    bags = scorer_train._Bags.of(x, np.ones((len(units), 1), dtype=bool), [len(line) for line in lines])
    y = np.array([[1.0]] * 40 + [[0.0]] * 40, dtype=np.float32)
    w, b = scorer_train._fit(bags, y, np.ones_like(y))
    scores = bags.scores(w, b)[:, 0]
    assert scores[:40].min() > 0 > scores[40:].max()
    # more filler neither dilutes a claim nor makes one
    assert np.allclose(scores[:4], scores[0]) and np.allclose(scores[40:44], scores[40])
