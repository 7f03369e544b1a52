"""Leave-one-FILE-out measure of the scorer's veto (:func:`.scorer.vetoed`) on findings made blind.

A checker's findings on the files its frames were written against are nearly all right (precision 0.99), so they
cannot show what a veto gains. Each writer file was once new: the checker of the commit before the file landed
read it blind, with the false findings an outside writer's messages get. This tool runs that checker (``git
archive`` of the commit's ``compliance/`` and ``nodes/`` into a temporary folder, a subprocess with it on
``PYTHONPATH``) on each writer file, then drops each finding the veto would drop: the rule's score from the
session fold that never saw the file, below the lowest score of any line labelled with that rule in the *other*
files, less the margin. A file not committed yet (a writer's file copied in) is read by today's checker, which
never saw it either.

``python -m compliance.scorer_veto_lofo`` prints per rule and overall P/R with and without the veto (one fold
seed: about six fits of the scorer), and the same for today's checker on the writer files (its frames saw them:
only the recall the veto costs is meaningful there).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import scorer_train
from .corpus_score import CORPUS_DIR, UNLABELLED, load
from .normalize import normalize
from .scorer import SCORED_AS, veto_applies

REPO = Path(__file__).resolve().parent.parent
_DUMP = """
import json, sys
from compliance.text_rules import lint_text
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
found = [sorted({f.rule for f in lint_text(r["text"], r["channel"], r["purpose"], use_cache=False)}) for r in rows]
json.dump(found, sys.stdout)
"""


def commit_before(name: str) -> str | None:
    """The commit before ``compliance/corpus/<name>.jsonl`` was added (``None``: not committed yet)."""
    path = f"compliance/corpus/{name}.jsonl"
    out = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "--", path], cwd=REPO, capture_output=True, text=True
    ).stdout.split()
    return f"{out[-1]}^" if out else None


def blind_findings(name: str, cache: dict[str, Any]) -> list[list[str]]:
    """Rule ids per line of ``name`` found by the checker of the commit before it landed (cached by name)."""
    if name in cache:
        return list(cache[name])
    commit = commit_before(name)
    with tempfile.TemporaryDirectory() as tree:
        if commit is not None:
            archive = subprocess.run(["git", "archive", commit, "compliance", "nodes"], cwd=REPO, capture_output=True)
            subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=True)
        root = tree if commit is not None else str(REPO)
        done = subprocess.run(
            [sys.executable, "-c", _DUMP, str(CORPUS_DIR / f"{name}.jsonl")],
            cwd=root,  # "-c" puts the working folder first on sys.path: it must be the old tree
            env={"PYTHONPATH": root, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
    found: list[list[str]] = json.loads(done.stdout)
    cache[name] = found
    return found


def veto_counts(
    names: list[str], findings: dict[str, list[list[str]]], held: dict[str, Any], margin: float
) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per rule, counts ``tp``/``fp`` of the findings kept, ``tp_drop``/``fp_drop`` of those vetoed, ``fn``
    of the labels never found; and the totals."""
    scores: dict[str, dict[str, float]] = {rule: {} for rule in held}
    positives: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for rule, kept in held.items():
        for line, label, score in zip(kept["ids"], kept["labels"], kept["scores"][0], strict=True):
            scores[rule][line] = score
            if label:
                positives[rule].append((line.split(":", 1)[0], score))
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        cuts = {}
        for rule, pos in positives.items():
            other = [s for split, s in pos if split != name]
            cut = scorer_train.veto_cut(other, len(other), margin)
            if cut is not None:
                cuts[rule] = cut
        for row, found in zip(load(name), findings[name], strict=True):
            expected = set(row["expected"])
            norm = normalize(row["text"])
            enough = veto_applies(norm.original, norm.text)
            for rule in set(found) - UNLABELLED:
                scored = SCORED_AS.get(rule, rule)
                score = scores.get(scored, {}).get(f"{name}:{row['id']}")
                drop = enough and scored in cuts and score is not None and score < cuts[scored]
                per[rule][("tp" if rule in expected else "fp") + ("_drop" if drop else "")] += 1
            for rule in expected - set(found):
                per[rule]["fn"] += 1
    total: Counter[str] = Counter()
    for counts in per.values():
        total.update(counts)
    return per, total


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:.3f} / {r:.3f}"


def table(title: str, per: dict[str, Counter[str]], total: Counter[str]) -> None:
    print(
        f"\n{title}\n| rule | P / R without veto | P / R with veto | false dropped | true dropped |\n|---|---|---|---|---|"
    )
    for rule, c in sorted([*per.items(), ("all", total)], key=lambda kv: (kv[0] == "all", kv[0])):
        tp0, fp0 = c["tp"] + c["tp_drop"], c["fp"] + c["fp_drop"]
        without = _pr(tp0, fp0, c["fn"])
        with_veto = _pr(c["tp"], c["fp"], c["fn"] + c["tp_drop"])
        print(f"| {rule} | {without} | {with_veto} | {c['fp_drop']} | {c['tp_drop']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", nargs="*", default=scorer_train.writer_files())
    parser.add_argument("--margin", type=float, nargs="*", default=[scorer_train.VETO_MARGIN])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "scorer_veto_blind.json")
    parser.add_argument("--held", type=Path, default=None, help="cache of the one-seed held-back scores")
    args = parser.parse_args()
    cache: dict[str, Any] = json.loads(args.cache.read_text("utf-8")) if args.cache.exists() else {}
    blind = {name: blind_findings(name, cache) for name in args.files}
    args.cache.write_text(json.dumps(cache), "utf-8")
    if args.held is not None and args.held.exists():
        held = json.loads(args.held.read_text("utf-8"))
    else:
        held = scorer_train.train(keep_scores=True, seeds=scorer_train.SEEDS[:1], veto=True)["held"]
        if args.held is not None:
            args.held.write_text(json.dumps(held), "utf-8")
    today = {name: _today(name) for name in args.files}
    for margin in args.margin:
        table(
            f"Blind (checker before each file landed), margin {margin}", *veto_counts(args.files, blind, held, margin)
        )
        table(
            f"Today's checker (frames saw these files), margin {margin}", *veto_counts(args.files, today, held, margin)
        )


def _today(name: str) -> list[list[str]]:
    """Today's checker's rule ids per line, the veto left out (it is applied by :func:`veto_counts`)."""
    from . import scorer
    from .text_rules import lint_text

    with scorer.veto_off():
        return [
            sorted({f.rule for f in lint_text(r["text"], r["channel"], r["purpose"], use_cache=False)})
            for r in load(name)
        ]


if __name__ == "__main__":
    main()
