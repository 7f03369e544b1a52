"""Writer B's training lines (session 16, `writer_s16_b.jsonl`) are well formed: real rule ids, a cited `wb-` source
for every line, channel and purpose allowed together, every issue-17 family present, about a third clean traps, and
no text shared with any other corpus file (so they can never leak into a held-out split)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from compliance.findings import rule_catalogue
from nodes.channels import CHANNELS

CORPUS = Path(__file__).resolve().parents[2] / "compliance" / "corpus"
NAME = "writer_s16_b"
UNLABELLED = {"MSA-PREREVIEW", "MSG-SMS-LENGTH"}  # info-only findings the corpus never lists
FAMILIES = {"inducement", "testimonial", "purpose", "english", "safety", "transmission", "health", "other", "clean"}


def _rows(stem: str) -> list[dict[str, Any]]:
    lines = (CORPUS / f"{stem}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _wb_sources() -> dict[str, str]:
    table = (CORPUS / "SOURCES.md").read_text("utf-8")
    return dict(re.findall(r"^\| (wb-[a-z0-9-]+) \| (https?://\S+) \|", table, re.M))


def test_lines_use_known_rules_allowed_channels_and_cited_sources() -> None:
    rules, sources = set(rule_catalogue()), _wb_sources()
    rows = _rows(NAME)
    assert len(rows) >= 220
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["text"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "channel", "purpose", "text", "expected", "source"}, row["id"]
        assert re.fullmatch(r"wb-[a-z]+-\d\d", row["id"]), row["id"]
        assert row["channel"] in CHANNELS, row["id"]
        assert row["purpose"] in CHANNELS[row["channel"]].purposes, row["id"]
        assert row["text"].strip(), row["id"]
        assert set(row["expected"]) <= rules - UNLABELLED, row["id"]
        assert len(set(row["expected"])) == len(row["expected"]), row["id"]
        assert row["source"] in sources, row["id"]
        assert (row["id"].split("-")[1] == "clean") == (not row["expected"]), row["id"]


def test_every_family_is_covered_with_about_a_third_clean_traps() -> None:
    rows = _rows(NAME)
    families = {row["id"].split("-")[1] for row in rows}
    assert families >= FAMILIES
    clean = sum(1 for row in rows if not row["expected"])
    assert 0.30 <= clean / len(rows) <= 0.40
    cited = {row["source"] for row in rows}
    assert cited == set(_wb_sources()), "every wb- source listed in SOURCES.md is cited, and only those"


def test_no_text_is_shared_with_any_other_corpus_file() -> None:
    texts = {row["text"] for row in _rows(NAME)}
    for path in sorted(CORPUS.glob("*.jsonl")):
        if path.stem == NAME:
            continue
        shared = texts & {row["text"] for row in _rows(path.stem)}
        assert not shared, f"{len(shared)} line(s) shared with {path.name}"
