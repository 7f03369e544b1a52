"""Learn and measure the overlap precedences (:mod:`.overlaps`) leave-one-writer-file-out.

Two steps, because the honest findings are those of a checker that never saw the line:

``dump OUT NAME...`` lints corpus files with whichever ``compliance`` package is importable and writes each
line's findings (rule, start, end) with its labels. Run it from an older commit's worktree on the files that
landed after it (texts and labels are read from ``--corpus``, this checkout's corpus by default)::

    git worktree add /tmp/old <commit before the file>
    cd /tmp/old && PYTHONPATH=. python /path/to/compliance/overlaps_lofo.py dump /tmp/d/w.jsonl writer_s18_i

``lofo DUMP... [--write]`` then, for each writer file in the dumps, learns the table on every other line (any
dump, any file) and scores the left-out writer file before → after; ``--write`` learns on everything and writes
``rules/overlaps.json``. Held-out files are refused.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.overlaps import Relation

CORPUS = Path(__file__).parent / "corpus"


def _held_back(name: str) -> bool:
    return "heldout" in name or "unseen" in name or name == "probes2_s14"


def _rows(corpus: Path, name: str) -> list[dict[str, Any]]:
    if _held_back(name):
        raise SystemExit(f"refusing a held-out file: {name}")
    text = (corpus / f"{name}.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def dump(out: Path, names: list[str], corpus: Path) -> None:
    from compliance.text_rules import lint_text  # the importable checker: maybe an older commit's

    with out.open("w", encoding="utf-8") as fh:
        for name in names:
            for row in _rows(corpus, name):
                found = lint_text(row["text"], row["channel"], row["purpose"])  # older commits have no use_cache
                record = {
                    "file": name,
                    "id": row["id"],
                    "expected": sorted(row["expected"]),
                    "findings": [[f.rule, f.start or 0, f.end or 0] for f in found],
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def lofo(
    paths: list[Path], corpus: Path, min_benefit: int, min_sources: int, write: bool, relations: tuple[Relation, ...]
) -> None:
    from compliance.corpus_score import UNLABELLED
    from compliance.overlaps import Example, Precedence, learn

    texts: dict[str, dict[str, str]] = {}
    examples: list[tuple[str, Example]] = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            name = record["file"]
            if name not in texts:
                texts[name] = {row["id"]: row["text"] for row in _rows(corpus, name)}
            findings = tuple((rule, start, end) for rule, start, end, *_ in record["findings"])
            example = Example(texts[name][record["id"]], findings, frozenset(record["expected"]), name)
            examples.append((f"{path.stem}:{name}", example))

    def score(part: list[Example], table: list[Precedence] | None) -> tuple[int, int, int]:
        tp = fp = fn = 0
        for ex in part:
            found = {rule for rule, *_ in ex.findings} - UNLABELLED
            if table:
                found = {rule for rule, *_ in _resolved(ex, table)} - UNLABELLED
            tp, fp, fn = tp + len(found & ex.expected), fp + len(found - ex.expected), fn + len(ex.expected - found)
        return tp, fp, fn

    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for key in sorted({k for k, _ in examples if k.split(":", 1)[1].startswith("writer_")}):
        name = key.split(":", 1)[1]
        train = [ex for k, ex in examples if k.split(":", 1)[1] != name]
        table = learn(
            train, min_benefit=min_benefit, min_sources=min_sources, unlabelled=UNLABELLED, relations=relations
        )
        part = [ex for k, ex in examples if k == key]
        before, after = score(part, None), score(part, table)
        for i, v in enumerate(before + after):
            totals[key.split(":", 1)[0]][i] += v
        print(f"{key:32s} {_pr(before)} -> {_pr(after)}  ({len(table)} pairs)")
    for dump_name, t in totals.items():
        print(f"{'all writers, ' + dump_name:32s} {_pr(tuple(t[:3]))} -> {_pr(tuple(t[3:]))}")
    table = learn(
        [ex for _, ex in examples],
        min_benefit=min_benefit,
        min_sources=min_sources,
        unlabelled=UNLABELLED,
        relations=relations,
    )
    for p in table:
        print(f"  {p.keep} > {p.drop} ({p.relation}): {p.reason}")
    if write:
        doc = {
            "about": "Learned by python -m compliance.overlaps_lofo (see compliance/overlaps.py); do not edit by hand.",
            "min_benefit": min_benefit,
            "min_sources": min_sources,
            "precedences": [vars(p) for p in table],
        }
        out = Path(__file__).parent / "rules" / "overlaps.json"
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")


def _resolved(ex: Any, table: Any) -> list[tuple[str, int, int]]:
    from compliance.findings import make_finding
    from compliance.overlaps import resolve

    findings = [make_finding(rule, start, end, "") for rule, start, end in ex.findings]
    return [(f.rule, f.start or 0, f.end or 0) for f in resolve(ex.text, findings, table)]


def _pr(t: tuple[int, ...]) -> str:
    tp, fp, fn = t
    return f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} (fp {fp:3d}, fn {fn:3d})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("names", nargs="+")
    m = sub.add_parser("lofo")
    m.add_argument("dumps", nargs="+", type=Path)
    m.add_argument("--min-benefit", type=int, default=2)
    m.add_argument("--min-sources", type=int, default=2)
    m.add_argument("--write", action="store_true")
    m.add_argument("--relations", default="contains", help="the relations a pair may use")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.names, args.corpus)
    else:
        lofo(args.dumps, args.corpus, args.min_benefit, args.min_sources, args.write, tuple(args.relations.split(",")))


if __name__ == "__main__":
    main()
