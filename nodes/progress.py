"""A progress bar for long commands (big imports, lint-text), drawn with ``rich`` on stderr and only when stderr
is a terminal: piped or JSON output stays exactly as it was."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Advance(Protocol):
    def __call__(self, amount: int) -> None: ...


@contextmanager
def byte_progress(total: int, description: str) -> Iterator[Advance]:
    """``with byte_progress(size, "가져오기 / importing") as advance: advance(n)`` — a no-op off a terminal."""
    if not sys.stderr.isatty() or total <= 0:
        yield lambda amount: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda amount: bar.advance(task, amount)
