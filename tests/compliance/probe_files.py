"""The check every precision probe file shares: its clean traps raise nothing, no line gets a rule its label does not
give, and the violations next to them are still found at the file's measured rate."""

from __future__ import annotations

from compliance.corpus_score import load
from tests.support.compliance import rule_ids


def assert_no_false_finding(name: str, prefix: str, min_recall: float) -> list[dict[str, object]]:
    """Check ``compliance/corpus/<name>.jsonl`` (ids ``<prefix>…``); its rows, for further checks."""
    rows = load(name)
    assert len({row["id"] for row in rows}) == len(rows) and all(row["id"].startswith(prefix) for row in rows)
    found_expected = expected = 0
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        assert found <= set(row["expected"]), (row["id"], found - set(row["expected"]))
        found_expected += len(found)
        expected += len(row["expected"])
    assert found_expected / expected >= min_recall
    return rows
