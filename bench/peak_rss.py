"""Peak resident memory of one ``doctorsflow`` command run in a child process, for the memory figures
``import.peak_rss_mb`` and ``lint.peak_rss_mb`` and their tests.

The peak is the child's ``VmHWM`` (/proc/PID/status), read every 50 ms until it exits: the high-water mark of
its own address space after exec. ``ru_maxrss`` of ``wait4`` is not used: Linux carries the forked copy of the
parent into it, so a parent that once held a 50 MB test file reported its own size for every child.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def doctorsflow(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "doctorsflow"
    return (
        [str(script), *args]
        if script.exists()
        else [sys.executable, "-c", "import server,sys;sys.exit(server.main())", *args]
    )


def peak_rss_mb(command: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[float, int, float]:
    """(peak RSS in MB, exit code, wall seconds) of ``command``; its output is discarded."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=ROOT, env=dict(env or os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak_kib = 0
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kib = max(peak_kib, int(line.split()[1]))
        except (OSError, ValueError):
            pass  # exiting
        time.sleep(0.05)
    return peak_kib / 1024, int(process.returncode), time.perf_counter() - started


CORPUS_FILES = (
    *sorted((ROOT / "compliance" / "corpus").glob("*.jsonl")),
    ROOT / "tests" / "compliance" / "corpus.jsonl",
)
SETTINGS = (
    ("sms", "informational"),
    ("sms", "advertising"),
    ("alimtalk", "informational"),
    ("friendtalk", "advertising"),
)


def corpus_mix_file(path: Path, megabytes: float, seed: int = 18) -> Path:
    """A JSONL file of about ``megabytes`` MB mixed from every line of every corpus file (dev, held-out sets,
    probes, the bench corpus), each in its own and four channel/purpose settings, shuffled, then repeated: the
    whole variety of the checker's messages (the texts that once loaded the morphology model among them)."""
    import json
    import random

    lines: list[bytes] = []
    for corpus in CORPUS_FILES:
        for raw in corpus.read_text("utf-8").splitlines():
            if not raw.strip():
                continue
            row = json.loads(raw)
            for channel, purpose in {(row["channel"], row["purpose"]), *SETTINGS}:
                message = {"id": row["id"], "channel": channel, "purpose": purpose, "text": row["text"]}
                lines.append((json.dumps(message, ensure_ascii=False) + "\n").encode())
    random.Random(seed).shuffle(lines)
    target = int(megabytes * 1024 * 1024)
    written = 0
    with path.open("wb") as out:
        while written < target:
            for line in lines:
                out.write(line)
                written += len(line)
                if written >= target:
                    break
    return path


def messages_file(path: Path, megabytes: float) -> Path:
    """A JSONL file of about ``megabytes`` MB of realistic messages (the compliance corpus, repeated)."""
    corpus = (ROOT / "tests" / "compliance" / "corpus.jsonl").read_bytes().splitlines(keepends=True)
    corpus = [line for line in corpus if line.strip()]
    target = int(megabytes * 1024 * 1024)
    with path.open("wb") as out:
        written = 0
        while written < target:
            for line in corpus:
                out.write(line if line.endswith(b"\n") else line + b"\n")
                written += len(line) + 1
                if written >= target:
                    break
    return path
