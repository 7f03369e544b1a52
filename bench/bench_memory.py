"""Peak memory of the two commands that read big files, on 50 MB inputs (10 MB with --quick), each in a child
process (bench/peak_rss.py): ``import.peak_rss_mb`` (``import-patients`` of a CP949 EMR export into a fresh
embedded database), ``lint.peak_rss_mb`` (``lint-text`` of a JSONL file whose texts need no morphology: the
kiwipiepy model is never loaded), ``lint.morph_peak_rss_mb`` (the same file after a message that needed the
model for its lemmas before issue 18's written reading: 면제해 드립니다) and ``lint.corpus_mix_peak_rss_mb``
(every line of every corpus file in its own and four channel/purpose settings, shuffled and repeated: no line
loads the model any more, see docs/compliance/checker-v2.md). Target: ≤ 200 MB at 50 MB. ``import.big_rows_per_cpu_s``: the same import's rows per CPU second of the child (1.14 million
patients encrypted and indexed at 50 MB; docs/privacy/README.md).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench.bench_import import make_export
from bench.peak_rss import corpus_mix_file, doctorsflow, messages_file, peak_rss_mb

BYTES_PER_ROW = 46  # of make_export's rows, measured
# An inflected verb only the lemma frames catch (면제해 드립니다 → 면제하다 + 드리다): loads the analyser.
NEEDS_MORPHOLOGY = {
    "id": "morph",
    "channel": "sms",
    "purpose": "advertising",
    "text": "(광고) 이번 달 본인부담금을 면제해 드립니다. 무료수신거부 080-123-4567",
}


def _env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "DOCTORSFLOW_DATA_DIR": str(data_dir), "DOCTORSFLOW_SECRET_KEY": "bench-secret-" + "0" * 40}
    for key in ("DATABASE_URL", "REDIS_URL"):
        env.pop(key, None)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(quick: bool = False) -> list[dict[str, Any]]:
    megabytes = 10 if quick else 50
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _env(folder / "data")
        export = folder / "emr.csv"
        export.write_bytes(make_export(megabytes * 1024 * 1024 // BYTES_PER_ROW))
        peak_rss_mb(doctorsflow("migrate"), env)
        cpu = _children_cpu()
        peak, code, seconds = peak_rss_mb(doctorsflow("import-patients", str(export), "--format", "json"), env)
        cpu = _children_cpu() - cpu
        assert code == 0, f"import-patients exited {code}"
        rows = megabytes * 1024 * 1024 // BYTES_PER_ROW
        figures.append(
            {
                "bench": "import.peak_rss_mb",
                "value": round(peak, 1),
                "unit": "MB",
                "input_mb": round(export.stat().st_size / 1024 / 1024, 1),
                "seconds": round(seconds, 1),
                "cpu_seconds": round(cpu, 1),
            }
        )
        # The same run's speed, per CPU second (a shared machine's wall clock also measures the neighbours).
        figures.append(
            {"bench": "import.big_rows_per_cpu_s", "value": round(rows / cpu, 1), "unit": "rows/s", "rows": rows}
        )
        messages = messages_file(folder / "messages.jsonl", megabytes)
        figures.append(_lint_figure("lint.peak_rss_mb", messages, env))
        with_lemmas = folder / "messages-morph.jsonl"
        with with_lemmas.open("wb") as out, messages.open("rb") as rest:
            out.write((json.dumps(NEEDS_MORPHOLOGY, ensure_ascii=False) + "\n").encode())
            shutil.copyfileobj(rest, out)
        figures.append(_lint_figure("lint.morph_peak_rss_mb", with_lemmas, env))
        mixed = corpus_mix_file(folder / "corpus-mix.jsonl", megabytes)
        figures.append(_lint_figure("lint.corpus_mix_peak_rss_mb", mixed, env))
    return figures


def _lint_figure(name: str, messages: Path, env: dict[str, str]) -> dict[str, object]:
    """Peak RSS of `doctorsflow lint-text` over ``messages`` (exit 1 only says the corpus holds findings)."""
    peak, code, seconds = peak_rss_mb(doctorsflow("lint-text", str(messages)), env)
    assert code in (0, 1), f"lint-text exited {code}"
    return {
        "bench": name,
        "value": round(peak, 1),
        "unit": "MB",
        "input_mb": round(messages.stat().st_size / 1024 / 1024, 1),
        "seconds": round(seconds, 1),
    }
