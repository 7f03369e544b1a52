"""Peak resident memory of one ``doctorsflow`` command run in a child process (``os.wait4``'s rusage of that
child alone), for the memory figures ``import.peak_rss_mb`` and ``lint.peak_rss_mb`` and their tests."""

from __future__ import annotations

import os
import subprocess
import sys
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
    import time

    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=ROOT, env=dict(env or os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    return usage.ru_maxrss / 1024, process.returncode, time.perf_counter() - started  # Linux: KiB


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
