"""The clinic guides exist and the checklist has an anchor for every rule id the reports link to."""

from __future__ import annotations

from pathlib import Path

from compliance.findings import rule_catalogue
from compliance.formats import rule_anchor

DOCS = Path(__file__).resolve().parents[2] / "docs" / "compliance"


def test_checklist_has_an_anchor_and_citation_for_every_rule() -> None:
    text = (DOCS / "checklist.md").read_text("utf-8")
    for rule_id, rule in rule_catalogue().items():
        assert f'<a id="{rule_anchor(rule_id)}"></a>' in text, rule_id
        assert f"### {rule_id}" in text
        assert rule.citation in text


def test_prereview_guide_names_the_review_bodies_and_validity() -> None:
    text = (DOCS / "prereview.md").read_text("utf-8")
    for needle in ("대한의사협회 의료광고심의위원회", "3년", "심의필", "10만"):
        assert needle in text
