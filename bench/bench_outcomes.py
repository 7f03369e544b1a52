"""The outcomes dashboard over a year at 20,000 messages a month (appointments, reminders, post-op care,
consents seeded by tests/support/outcomes_seed.py) on the embedded SQLite database.

``outcomes.dashboard_ms``: one dashboard load of the whole year (the service the API calls, answer encoded as
JSON) once the closed days are kept — the median of repeated loads; ``outcomes.dashboard_cold_ms``: the first
load, which counts every day (decrypting each message's text to price it as SMS/LMS) and keeps them.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from runtime.outcomes.periods import Period
from runtime.outcomes.service import outcomes
from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic, upgrade
from tests.support.outcomes_seed import seed_year

FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)


async def _load(settings: Settings, clinic_id: int) -> float:
    started = time.perf_counter()
    async with session_scope(settings, clinic_id) as session:
        answer = await outcomes(session, clinic_id, Period(FIRST, LAST))
    json.dumps(answer, ensure_ascii=False)
    return (time.perf_counter() - started) * 1000


async def _measure(settings: Settings, per_month: int, loads: int) -> list[dict[str, Any]]:
    clinic_id = await ensure_default_clinic(settings)
    started = time.perf_counter()
    seeded = await seed_year(
        settings, clinic_id, FIRST, messages_per_month=per_month, appointments_per_month=per_month // 8, patients=2000
    )
    seed_s = time.perf_counter() - started
    cold = await _load(settings, clinic_id)
    warm = [await _load(settings, clinic_id) for _ in range(loads)]
    await dispose_engines()
    common = {"messages": len(seeded.messages), "appointments": len(seeded.bookings), "months": 12}
    return [
        {
            "bench": "outcomes.dashboard_ms",
            "value": round(statistics.median(warm), 1),
            "unit": "ms",
            "target": "< 300",
            "loads": loads,
            "min_ms": round(min(warm), 1),
            "max_ms": round(max(warm), 1),
            **common,
        },
        {
            "bench": "outcomes.dashboard_cold_ms",
            "value": round(cold, 1),
            "unit": "ms",
            "seed_s": round(seed_s, 1),
            **common,
        },
    ]


def run(quick: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        secret = os.environ.get("DOCTORSFLOW_SECRET_KEY") or "bench-secret-key-0123456789abcdef"
        settings = Settings(Path(tmp), f"sqlite+aiosqlite:///{tmp}/bench.db", None, secret)
        upgrade(settings)
        crypto.configure(settings)
        # The year at 20,000 messages a month is the figure asked for; --quick keeps the same year, fewer loads.
        return asyncio.run(_measure(settings, 20_000, 5 if quick else 20))


if __name__ == "__main__":
    for figure in run(quick=True):
        print(figure)
