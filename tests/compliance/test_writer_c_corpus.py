"""writerC's session-16 training file is well formed: real rule ids, its own cited sources, channel and purpose
allowed together, every README family present, a clean share near a third, and no text or source shared with any
other corpus file (its writer read neither the rules nor the other corpus texts)."""

from __future__ import annotations

import re
from typing import Any

from compliance.corpus_score import CORPUS_DIR, UNLABELLED, load
from compliance.findings import rule_catalogue
from nodes.channels import CHANNELS

STEM, PREFIX = "writer_s16_c", "wc"
# writerC's lines from pages independent3's writer also cited, set apart (never trained on): see corpus README
UNSEEN = f"{STEM}_unseen"
FAMILIES = {
    "testimonial",
    "comparison",
    "inducement",
    "guarantee",
    "safety",
    "celebrity",
    "english",
    "health",
    "purpose",
    "transmission",
    "other",
    "mixed",
    "clean",
}


def _rows() -> list[dict[str, Any]]:
    return load(STEM) + load(UNSEEN)


def _source_keys() -> set[str]:
    table = (CORPUS_DIR / "SOURCES.md").read_text("utf-8")
    return set(re.findall(r"^\| ([a-z0-9-]+) \| http", table, re.M))


def test_writer_c_lines_are_labelled_with_known_rules_and_cited() -> None:
    rules, sources = set(rule_catalogue()), _source_keys()
    rows = _rows()
    assert len(rows) >= 240 and len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "channel", "purpose", "text", "expected", "source"}, row["id"]
        assert re.fullmatch(rf"{PREFIX}-[a-z]+-\d\d", row["id"]), row["id"]
        assert row["id"].split("-")[1] in FAMILIES, row["id"]
        assert row["purpose"] in CHANNELS[row["channel"]].purposes, row["id"]
        assert row["text"].strip(), row["id"]
        assert set(row["expected"]) <= rules - UNLABELLED, row["id"]
        assert row["expected"] == sorted(set(row["expected"])), row["id"]
        assert row["source"] in sources and row["source"].startswith(f"{PREFIX}-"), row["id"]
        assert (row["id"].split("-")[1] == "clean") == (not row["expected"]), row["id"]
    assert {row["id"].split("-")[1] for row in rows} == FAMILIES
    clean = sum(1 for row in rows if not row["expected"])
    assert 0.28 <= clean / len(rows) <= 0.38


def test_writer_c_sources_are_all_cited_and_its_own() -> None:
    cited = {row["source"] for row in _rows()}
    listed = {key for key in _source_keys() if key.startswith(f"{PREFIX}-")}
    assert cited == listed  # no page listed that no line cites


def test_writer_c_file_shares_no_text_or_source_with_any_other_corpus_file() -> None:
    rows = _rows()
    texts, cited = {row["text"] for row in rows}, {row["source"] for row in rows}
    assert len(texts) == len(rows)
    for path in CORPUS_DIR.glob("*.jsonl"):
        if path.stem in (STEM, UNSEEN):
            continue
        others = load(path.stem)
        assert not texts & {row["text"] for row in others}, path.name
        assert not cited & {row.get("source") for row in others}, path.name
