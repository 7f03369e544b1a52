"""Compliance checker accuracy on the corpus splits rules are never tuned to: precision and recall overall,
per family and per rule id.

- ``heldout`` (compliance/corpus/heldout.jsonl): the owned held-out split (``lint.heldout_*``).
- ``independent_dev`` and ``independent_dev2``: written by someone who read neither the rules nor the owned
  corpus, from public pages of their own; reported overall and per issue-17 family
  (``lint.independent_dev.topic.<family>``, the family is the id's third part). Rules work may read them, so
  they are not held-out figures: ``independent_dev2`` was the first independent *held-out* set until session
  16, retired into development once its aggregate had been read too often to stay blind.
- ``independent2_heldout`` (compliance/corpus/independent2_heldout.jsonl, session 15): a fresh independent set
  whose writer read only RULES.md and independent_dev's form, from public pages no other split cites, because
  the first independent set's aggregate had been read too often to stay blind (``lint.independent2_*``, the same
  per-family, per-rule, per-topic and clean-trap figures).
- ``independent3_heldout`` (compliance/corpus/independent3_heldout.jsonl, session 16): a third independent set,
  written the same way by another writer from other public pages (``lint.independent3_*``, the same figures).
- ``independent4_heldout`` (compliance/corpus/independent4_heldout.jsonl, session 17): a fourth independent set by
  yet another writer, from public pages no other file cites (``lint.independent4_*``, the same figures).
- ``independent5_heldout`` (compliance/corpus/independent5_heldout.jsonl, session 18): a fifth independent set made
  to look like the issue's hidden corpus (about one fault per violating line), labelled from RULES.md and the issue
  text only, from public pages no other file cites (``lint.independent5_*``, the same figures).
- ``independent6_heldout`` (compliance/corpus/independent6_heldout.jsonl, session 19): a sixth independent set, made
  the same way by another writer from other public pages (``lint.independent6_*``, the same figures).
- ``independent7_heldout`` (compliance/corpus/independent7_heldout.jsonl, session 20): a seventh independent set,
  made the same way by another writer from other public pages (``lint.independent7_*``, the same figures).
- ``independent8_heldout`` (compliance/corpus/independent8_heldout.jsonl, session 21): an eighth independent set,
  made the same way by another writer from other public pages (``lint.independent8_*``, the same figures).
- ``independent9_heldout`` (compliance/corpus/independent9_heldout.jsonl, session 22): a ninth independent set,
  made the same way by another writer from other public pages (``lint.independent9_*``, the same figures).
- ``independent10_heldout`` (compliance/corpus/independent10_heldout.jsonl, session 23): a tenth independent set,
  made the same way by another writer from other public pages (``lint.independent10_*``, the same figures).
- ``independent11_heldout`` (compliance/corpus/independent11_heldout.jsonl, session 23): an eleventh independent set,
  made the same way by another writer, paraphrasing real cases from other public pages (``lint.independent11_*``).
- ``independent12_heldout`` (compliance/corpus/independent12_heldout.jsonl, session 24): a twelfth independent set,
  made the same way by another writer, paraphrasing real cases from other public pages (``lint.independent12_*``).
- ``independent13_heldout`` (compliance/corpus/independent13_heldout.jsonl, session 24): a thirteenth independent
  set, made the same way by another writer for 안과·성형외과·피부과·치과 messages (``lint.independent13_*``).
- ``independent14_heldout`` (compliance/corpus/independent14_heldout.jsonl, session 25): a fourteenth independent
  set, made the same way by another writer, paraphrasing real cases from other public pages (``lint.independent14_*``).
- ``independent15_heldout`` (compliance/corpus/independent15_heldout.jsonl, session 25): a fifteenth independent
  set, made the same way by another writer family by family from issue 17's list (``lint.independent15_*``).
- ``independent16_heldout`` (compliance/corpus/independent16_heldout.jsonl, session 26): a sixteenth independent
  set, made the same way for 안과·성형외과·피부과 messages and medical-tourism English (``lint.independent16_*``).
- ``independent17_heldout`` (compliance/corpus/independent17_heldout.jsonl, session 26): a seventeenth independent
  set, made the same way in receptionists' casual wording with template variables (``lint.independent17_*``).
- ``independent18_heldout`` (compliance/corpus/independent18_heldout.jsonl, session 26): an eighteenth independent
  set, made the same way for 치과·한의원·검진·정형외과·산부인과·소아과 messages (``lint.independent18_*``).
- ``independent19_heldout`` (compliance/corpus/independent19_heldout.jsonl, session 26): a nineteenth independent
  set, made the same way as an agency's FriendTalk campaigns and the same clinics' front-desk messages
  (``lint.independent19_*``).
- ``independent20_heldout`` (compliance/corpus/independent20_heldout.jsonl, session 26): a twentieth independent
  set, made the same way to imitate issue 17's hidden corpus literally, disguised spellings included
  (``lint.independent20_*``).
- ``independent21_heldout`` (compliance/corpus/independent21_heldout.jsonl, session 26): a twenty-first independent
  set, made the same way of a reviewer's hard cases: implied violations beside innocent keywords
  (``lint.independent21_*``).
- ``independent22_heldout`` … ``independent25_heldout`` (session 27): four more, made the same way — issue 17's
  hidden corpus imitated literally (22), a month of every clinic type's messages (23), a reviewer's implied
  violations beside innocent keywords (24), English/mixed medical-tourism and casual receptionists' Korean (25).
- ``independent26_heldout`` … ``independent29_heldout`` (session 28): four more — the hidden corpus imitated one
  public case per line (26), issue 17's blind spots and false positives as violation/look-alike pairs (27), a month
  of fourteen clinic types (28), a reviewer's hard cases half in English (29).
- ``independent30_heldout`` … ``independent33_heldout`` (session 29): four more — the hidden corpus imitated (30), the
  issue's blind spots as pairs (31), a month of less-used clinic types (32), hard cases ~60 % English/medical tourism (33).
- ``independent34_heldout`` … ``independent37_heldout`` (session 30): four more — the hidden corpus imitated one public
  case per line (34), the issue's blind spots and false positives as pairs (35), hard cases for clinics with foreign
  patients ~60 % English (36), a month of an eye clinic and a plastic-surgery/dermatology clinic (37).
- ``independent38_heldout`` … ``independent41_heldout`` (session 31): four more — the hidden corpus imitated one public
  case per line (38), the issue's blind spots and false positives as pairs (39), clinics for foreign patients ~89 %
  English (40), an advertising agency's month for a dermatology, an orthopedics, a Korean-medicine and a dental clinic
  with copy a pre-review board rejects beside its approved rewrite (41).
- ``independent42_heldout`` … ``independent45_heldout`` (session 32): four more — the hidden corpus imitated one public
  case per line (42), clinics for foreign patients ~66 % English or mixed (43), an eye and a plastic-surgery clinic
  sending reminders, post-op care, recalls and campaigns through the workflow tool (44), the weakest families as
  look-alike pairs (45).
- ``independent46_heldout`` (session 33): the hidden corpus imitated once more, one public case per line.
- ``independent_pooled_*``: all the fresh sets above at once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from compliance.corpus_score import Score, load, score

# The fresh independent held-out sets by number: ``compliance/corpus/independent<N>_heldout.jsonl``.
FRESH_SETS = tuple(range(2, 47))


def _counts(result: Score, key: str) -> dict[str, int]:
    return {"tp": result.tp[key], "fp": result.fp[key], "fn": result.fn[key]}


def _split_figures(name: str, prefix: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Overall, per rule family and per rule id figures of one split, named ``lint.<prefix>…``."""
    by_family = score(rows)
    by_rule = score(rows, by="rule")
    figures: list[dict[str, Any]] = [
        {"bench": f"lint.{prefix}_precision", "value": round(by_family.precision(), 3), "unit": "ratio",
         "messages": len(rows), "split": name, "target": 0.95},
        {"bench": f"lint.{prefix}_recall", "value": round(by_family.recall(), 3), "unit": "ratio",
         "messages": len(rows), "split": name, "target": 0.90},
    ]  # fmt: skip
    for family in by_family.names():
        figures.append(
            {
                "bench": f"lint.{prefix}.{family}",
                "value": round(by_family.recall(family), 3),
                "unit": "recall",
                "precision": round(by_family.precision(family), 3),
                **_counts(by_family, family),
            }
        )
    for rule in by_rule.names():
        figures.append(
            {
                "bench": f"lint.{prefix}.rule.{rule}",
                "value": round(by_rule.recall(rule), 3),
                "unit": "recall",
                "precision": round(by_rule.precision(rule), 3),
                **_counts(by_rule, rule),
            }
        )
    return figures


def _pooled_figures(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Precision and recall over every fresh independent set at once (``lint.independent_pooled_*``): one
    writer's set is 160-190 lines, so one set's figure moves by 0.01 with two lines; the pool is what a hidden
    corpus of new writers' messages is likeliest to read."""
    pooled = score(rows, by="rule")
    counts = {
        name: sum(counter.values()) for name, counter in (("tp", pooled.tp), ("fp", pooled.fp), ("fn", pooled.fn))
    }
    return [
        {"bench": "lint.independent_pooled_precision", "value": round(pooled.precision(), 3), "unit": "ratio",
         "messages": len(rows), "sets": len(FRESH_SETS), "target": 0.95, **counts},
        {"bench": "lint.independent_pooled_recall", "value": round(pooled.recall(), 3), "unit": "ratio",
         "messages": len(rows), "sets": len(FRESH_SETS), "target": 0.90, **counts},
    ]  # fmt: skip


def _topic(row: dict[str, Any]) -> str:
    """The issue-17 family a line of the independent set exercises: ``ind-<split>-<family>-NN``."""
    parts = str(row["id"]).split("-")
    return parts[2] if len(parts) >= 4 else "unknown"


def _topic_figures(prefix: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Precision and recall over every rule id of the lines of each issue family (testimonial, comparison …)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[_topic(row)].append(row)
    figures: list[dict[str, Any]] = []
    for topic in sorted(grouped):
        result = score(grouped[topic], by="rule")
        tp, fp, fn = (sum(counter.values()) for counter in (result.tp, result.fp, result.fn))
        figures.append(
            {
                "bench": f"lint.{prefix}.topic.{topic}",
                "value": round(result.recall(), 3),
                "unit": "recall",
                "precision": round(result.precision(), 3),
                "messages": len(grouped[topic]),
                "clean": sum(1 for row in grouped[topic] if not row["expected"]),
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
        )
    return figures


def _clean_trap_figure(prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Share of clean traps (lines expecting nothing) on which the checker reports nothing labelled."""
    clean = [row for row in rows if not row["expected"]]
    passed = sum(1 for row in clean if not score([row], by="rule").fp)
    return {"bench": f"lint.{prefix}.clean_traps_passed", "value": round(passed / len(clean), 3) if clean else 1.0,
            "unit": "ratio", "clean": len(clean), "flagged": len(clean) - passed}  # fmt: skip


def run(quick: bool) -> list[dict[str, Any]]:
    figures = _split_figures("heldout", "heldout", load("heldout"))
    fresh_rows: list[dict[str, Any]] = []
    for number in FRESH_SETS:
        name, prefix = f"independent{number}_heldout", f"independent{number}"
        fresh = load(name)
        fresh_rows += fresh
        figures += _split_figures(name, prefix, fresh)
        figures += _topic_figures(prefix, fresh)
        figures.append(_clean_trap_figure(prefix, fresh))
    figures += _pooled_figures(fresh_rows)
    for name in ("independent_dev", "independent_dev2"):
        dev = load(name)
        dev_score = score(dev)
        figures += [
            {"bench": f"lint.{name}_precision", "value": round(dev_score.precision(), 3), "unit": "ratio",
             "messages": len(dev), "split": name},
            {"bench": f"lint.{name}_recall", "value": round(dev_score.recall(), 3), "unit": "ratio",
             "messages": len(dev), "split": name},
        ]  # fmt: skip
        figures += _topic_figures(name, dev)
        figures.append(_clean_trap_figure(name, dev))
    return figures


if __name__ == "__main__":
    for figure in run(quick=False):
        print(json.dumps(figure, ensure_ascii=False))
