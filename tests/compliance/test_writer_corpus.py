"""Session 16's writer files (training lines written by helpers who read neither the rules nor the other corpus
texts) are well formed: real rule ids, cited sources of their own, channel and purpose allowed together, a clean
share near a third, and no text or source shared with any other corpus file."""

from __future__ import annotations

import re

import pytest

from compliance.corpus_score import CORPUS_DIR, UNLABELLED, load
from compliance.findings import rule_catalogue
from nodes.channels import CHANNELS

WRITERS = {"writer_s16_a": "wa"}  # file stem -> id and source-key prefix
FAMILIES = {"comparison", "celebrity", "guarantee", "mixed", "english", "health", "clean"}


def _sources() -> set[str]:
    table = (CORPUS_DIR / "SOURCES.md").read_text("utf-8")
    return set(re.findall(r"^\| ([a-z0-9-]+) \| http", table, re.M))


@pytest.mark.parametrize(("stem", "prefix"), sorted(WRITERS.items()))
def test_writer_lines_are_labelled_with_known_rules_and_cited(stem: str, prefix: str) -> None:
    rules, sources = set(rule_catalogue()), _sources()
    rows = load(stem)
    assert len(rows) >= 220 and len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "channel", "purpose", "text", "expected", "source"}, row["id"]
        assert re.fullmatch(rf"{prefix}-[a-z]+-\d\d", row["id"]), row["id"]
        assert row["purpose"] in CHANNELS[row["channel"]].purposes, row["id"]
        assert set(row["expected"]) <= rules - UNLABELLED, row["id"]
        assert row["expected"] == sorted(set(row["expected"])), row["id"]
        assert row["source"] in sources and row["source"].startswith(f"{prefix}-"), row["id"]
        assert (row["id"].split("-")[1] == "clean") == (not row["expected"]), row["id"]
    assert {row["id"].split("-")[1] for row in rows} >= FAMILIES
    clean = sum(1 for row in rows if not row["expected"])
    assert 0.25 <= clean / len(rows) <= 0.40


@pytest.mark.parametrize("stem", sorted(WRITERS))
def test_writer_file_shares_no_text_or_source_with_any_other_corpus_file(stem: str) -> None:
    rows = load(stem)
    texts, cited = {row["text"] for row in rows}, {row["source"] for row in rows}
    assert len(texts) == len(rows)
    for path in CORPUS_DIR.glob("*.jsonl"):
        if path.stem == stem:
            continue
        others = load(path.stem)
        assert not texts & {row["text"] for row in others}, path.name
        assert not cited & {row.get("source") for row in others}, path.name
