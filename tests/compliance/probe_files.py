"""The check every precision probe file shares: its clean traps raise nothing, no line gets a rule its label does not
give, and the violations next to them are still found at the file's measured rate."""

from __future__ import annotations

from compliance import lint_text
from compliance.corpus_score import UNLABELLED, load


def assert_no_false_finding(name: str, prefix: str, min_recall: float) -> list[dict[str, object]]:
    """Check ``compliance/corpus/<name>.jsonl`` (ids ``<prefix>…``); its rows, for further checks."""
    rows = load(name)
    assert len({row["id"] for row in rows}) == len(rows) and all(row["id"].startswith(prefix) for row in rows)
    found_expected = expected = 0
    for row in rows:
        found = {f.rule for f in lint_text(row["text"], row["channel"], row["purpose"])} - UNLABELLED
        assert found <= set(row["expected"]), (row["id"], found - set(row["expected"]))
        found_expected += len(found)
        expected += len(row["expected"])
    assert found_expected / expected >= min_recall
    return rows
