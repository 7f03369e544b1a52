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
        assert positives >= MIN_POSITIVES, rule
        assert entry["threshold"] >= 0.0


def test_the_lint_loads_no_veto() -> None:
    """The veto is measured (make scorer-veto-lofo trains its own), not applied: scorer.json has no veto cut and
    no rule kept only for it."""
    written = json.loads((RULES_DIR / "scorer.json").read_text("utf-8"))
    assert written["rules"]
    for entry in written["rules"]:
        assert "veto" not in entry and entry["threshold"] is not None, entry["rule"]
        assert entry["rule"] not in scorer_train.VETO_ONLY


def test_the_veto_is_trained_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scorer_train, "STEPS", 20)  # the mechanism, not a good model
    monkeypatch.setattr(scorer_train, "VETO_MIN_POSITIVES", 1)
    plain = scorer_train.train(["probes_s15", "probes_s16_prec"], seeds=(0,))
    with_veto = scorer_train.train(["probes_s15", "probes_s16_prec"], seeds=(0,), veto=True)
    assert all("veto" not in entry and entry["rule"] not in scorer_train.VETO_ONLY for entry in plain["rules"])
    vetoes = {entry["rule"]: entry for entry in with_veto["rules"]}
    assert any(entry["threshold"] is None for entry in vetoes.values())  # a rule kept for the veto only
    assert all(entry["veto"] < (entry["threshold"] or 0.0) + 1e9 for entry in vetoes.values() if "veto" in entry)
    for entry in plain["rules"]:  # each rule is its own regression: the veto's rules change no other rule
        other = vetoes[entry["rule"]]
        assert entry["threshold"] == other["threshold"] and entry["bias"] == pytest.approx(other["bias"], abs=1e-3)


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


def _logistic_pool(seed: int, n: int, slope: float = 2.0, bias: float = -1.0) -> tuple[list[float], list[int]]:
    import numpy as np

    generator = np.random.default_rng(seed)
    scores = generator.normal(-2.0, 2.5, size=n)
    labels = (generator.random(n) < 1.0 / (1.0 + np.exp(-(slope * scores + bias)))).astype(int)
    return [float(v) for v in scores], [int(v) for v in labels]


def test_the_calibrated_cut_is_where_a_line_is_labelled_at_the_asked_precision() -> None:
    scores, labels = _logistic_pool(1, 40_000)
    # P(labelled | s) = 1 / (1 + exp(-(2s - 1))) is 0.9 at s = (ln 9 + 1) / 2
    assert scorer_train.calibrated_cut(scores, labels, 0.9) == pytest.approx((math.log(9) + 1) / 2, abs=0.1)
    assert scorer_train.calibrated_cut(scores, labels, 0.8) < scorer_train.calibrated_cut(scores, labels, 0.9)


def test_the_calibrated_cut_holds_when_a_tenth_more_lines_are_added() -> None:
    scores, labels = _logistic_pool(2, 8_000)
    more_scores, more_labels = _logistic_pool(3, 800)
    before = scorer_train.calibrated_cut(scores, labels)
    after = scorer_train.calibrated_cut(scores + more_scores, labels + more_labels)
    assert abs(after - before) < 0.1


def test_no_calibrated_cut_where_the_score_says_nothing() -> None:
    assert math.isinf(scorer_train.calibrated_cut([0.5, 1.0, 2.0], [1, 1, 1]))
    assert math.isinf(scorer_train.calibrated_cut([], []))
    falling = [float(i) for i in range(-20, 20)]
    assert math.isinf(scorer_train.calibrated_cut(falling, [1 if s < 0 else 0 for s in falling]))


def test_writer_files_are_training_lines_unless_held_back() -> None:
    writers = {p.stem for p in CORPUS_DIR.glob("writer_*.jsonl")}
    splits = training_splits()
    assert {n for n in writers if "heldout" not in n and "unseen" not in n} - scorer_train.HELD_BACK <= set(splits)
    assert not scorer_train.HELD_BACK & set(splits)
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


def _joint_fit(bags: scorer_train._Bags, y: object, mask: object) -> tuple[object, object]:
    """The fit of session 18, every rule over every unit and line at once, for comparison."""
    import numpy as np

    y, mask = np.asarray(y), np.asarray(mask)
    n = mask.sum(axis=0) + 1.0
    w = np.zeros((bags.x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for t in range(1, scorer_train.STEPS + 1):
        units, top = bags.pooled(w)
        p = 1.0 / (1.0 + np.exp(-(top + b)))
        g = ((p - y) * mask).astype(np.float32)
        winners = ((units == top[bags.line_of]) & bags.eligible).astype(np.float32)
        gu = winners * (g / np.add.reduceat(winners, bags.starts, axis=0))[bags.line_of]
        gw, gb = (bags.x.transposed_times(gu) + scorer_train.L2 * w) / n, g.sum(axis=0) / n
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= 0.05 * (mw / (1 - 0.9**t)) / (np.sqrt(vw / (1 - 0.999**t)) + 1e-8)
        b -= 0.05 * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    return w, b


def test_fitting_rules_by_kind_of_unit_gives_the_joint_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules are fitted in groups of the units they read over the lines they judge (speed); the weights must be
    those of fitting every rule over everything at once."""
    import numpy as np

    monkeypatch.setattr(scorer_train, "STEPS", 60)
    rng = np.random.default_rng(7)
    sizes = [int(k) for k in rng.integers(1, 5, size=120)]
    units = [
        sorted(set(rng.choice(40, size=int(rng.integers(0, 8)), replace=False).tolist())) for _ in range(sum(sizes))
    ]
    x = scorer_train._Grams.of(units, 40)
    kinds = [["msp"] if k == 1 else ["m"] + ["sp"] * ((k + 1) // 2) + ["p"] * (k - 1 - (k + 1) // 2) for k in sizes]
    letters = "mmsp"  # two rules read whole messages, one sentences, one sentences and pairs
    eligible = np.array([[letter in kind for letter in letters] for line in kinds for kind in line])
    bags = scorer_train._Bags.of(x, eligible, sizes)
    y = (rng.random((len(sizes), 4)) < 0.3).astype(np.float32)
    mask = np.ones_like(y)
    mask[: len(sizes) // 3, 1] = 0.0  # a rule that judges only some lines (PROMO: informational messages)
    w, b = scorer_train._fit(bags, y, mask)
    w0, b0 = _joint_fit(bags, y, mask)
    assert np.abs(w - w0).max() < 1e-4 and np.abs(b - b0).max() < 1e-4
    assert np.abs(bags.scores(w, b) - bags.scores(w0, b0)).max() < 1e-3
