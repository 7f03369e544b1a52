"""Compliance checker speed: messages linted per second (one core) and a 200-node workflow lint time."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from compliance import morph
from compliance.graph_rules import lint_workflow
from compliance.text_rules import lint_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "compliance" / "corpus.jsonl"
ALL_CORPUS_FILES = (*sorted((CORPUS.parents[2] / "compliance" / "corpus").glob("*.jsonl")), CORPUS)
SETTINGS = (
    ("sms", "informational"),
    ("sms", "advertising"),
    ("alimtalk", "informational"),
    ("friendtalk", "advertising"),
)


def _messages() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def corpus_model_texts() -> tuple[int, int]:
    """(texts that make linting analyse them, texts): every line of every corpus file, in four channel/purpose
    settings and its own. Issue 18: each such text loads the ≈ 300 MB analyser into the linting process."""
    needing = total = 0
    for path in ALL_CORPUS_FILES:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            before = morph.analysed()
            for channel, purpose in {(row["channel"], row["purpose"]), *SETTINGS}:
                lint_text(row["text"], channel, purpose, use_cache=False)
            needing += morph.analysed() > before
            total += 1
    return needing, total


def workflow_of(size: int) -> dict[str, Any]:
    """A realistic large workflow: a trigger, then rounds of wait → consent → ad / care sends."""
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": ["lasik"]}}
    ]
    edges: list[dict[str, Any]] = []
    previous = "start"
    i = 0
    while len(nodes) < size:
        wait, consent, care, ad = f"w{i}", f"c{i}", f"care{i}", f"ad{i}"
        nodes += [
            {"id": wait, "type": "wait.until", "params": {"anchor": "trigger", "offset_days": i + 1, "at": "10:00"}},
            {
                "id": care,
                "type": "send.alimtalk",
                "params": {
                    "template": "POSTOP_CATARACT_D1",
                    "variables": {
                        "이름": "{{ patient.name }}",
                        "병원명": "{{ clinic.name }}",
                        "병원전화": "{{ clinic.phone }}",
                    },
                    "failover": {"channel": "sms"},
                },
            },
            {"id": consent, "type": "branch.consent", "params": {"purpose": "marketing"}},
            {
                "id": ad,
                "type": "send.sms",
                "params": {
                    "purpose": "advertising",
                    "text": "(광고) {{ clinic.name }} 정기 검진 안내입니다. 검진 결과는 개인차가 있습니다. 무료수신거부 080-500-1234",
                },
            },
        ]
        edges += [
            {"source": previous, "target": wait},
            {"source": wait, "target": care},
            {"source": wait, "target": consent},
            {"source": consent, "target": ad, "sourcePort": "yes"},
        ]
        previous = wait
        i += 1
    kept = {n["id"] for n in nodes[:size]}
    return {
        "format": "doctorsflow.workflow/v1",
        "name": "bench",
        "nodes": nodes[:size],
        "edges": [e for e in edges if e["source"] in kept and e["target"] in kept],
    }


def run(quick: bool) -> list[dict[str, Any]]:
    messages = _messages()
    rounds = 5 if quick else 40
    batch = [(m["text"], m["channel"], m["purpose"]) for m in messages] * rounds
    analysed = morph.analysed()
    for message in messages:  # compile the patterns (and load the morphology model, if any text needs it) first
        lint_text(message["text"], message["channel"], message["purpose"], use_cache=False)
    needing_model = morph.analysed() - analysed  # ordinary messages should need none (≈ 300 MB once loaded)
    started = time.process_time()
    # every rule's decision runs each time; analyses of the text alone (normalisation, frame matches, word-list
    # spans: compliance/analysis.py) are cached per text, as the morphology is
    for text, channel, purpose in batch:
        lint_text(text, channel, purpose, use_cache=False)
    elapsed = time.process_time() - started
    # without any cache: every message text made unique (a suffix), so no analysis of it is cached yet and
    # morphology runs where a rule needs it
    unique = [
        (f"{text} #{i}", channel, purpose) for i, (text, channel, purpose) in enumerate(batch[: len(messages) * 3])
    ]
    started = time.process_time()
    for text, channel, purpose in unique:
        lint_text(text, channel, purpose)
    uncached = len(unique) / (time.process_time() - started)
    corpus_needing, corpus_texts = corpus_model_texts()
    doc = workflow_of(200)
    lint_workflow(doc)
    timings = []
    for _ in range(5 if quick else 30):
        started = time.process_time()
        lint_workflow(doc)
        timings.append((time.process_time() - started) * 1000)
    return [
        {
            "bench": "lint.messages_per_s",
            "value": round(len(batch) / elapsed, 1),
            "unit": "messages/s",
            "messages": len(batch),
            "target": 5000,
        },
        {
            "bench": "lint.messages_per_s_uncached",
            "value": round(uncached, 1),
            "unit": "messages/s",
            "messages": len(unique),
            "note": "every text new: no per-text cache hit",
        },
        {
            "bench": "lint.model_texts",
            "value": needing_model,
            "unit": "texts",
            "messages": len(messages),
            "note": "bench-corpus texts the morphology model analysed (it loads for the first)",
        },
        {
            "bench": "lint.corpus_model_texts",
            "value": corpus_needing,
            "unit": "texts",
            "messages": corpus_texts,
            "note": "texts of every corpus file, in four channel/purpose settings and their own, the model analysed",
        },
        {
            "bench": "lint.graph200_ms",
            "value": round(statistics.median(timings), 2),
            "unit": "ms",
            "nodes": len(doc["nodes"]),
            "runs": len(timings),
            "target": 50,
        },
    ]


if __name__ == "__main__":
    for figure in run(quick=False):
        print(json.dumps(figure, ensure_ascii=False))
