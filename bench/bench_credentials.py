"""Stored provider credentials: what a save costs (validate, seal, audit) and what the runtime's version
check costs (one indexed SELECT, no decryption), on the embedded SQLite database."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from runtime.credentials import service as credentials
from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, read_scope, session_scope
from storage.migrate import ensure_default_clinic, upgrade
from storage.tenancy import Caller

BODY = {
    "fields": {
        "solapi_api_key": "NCSBENCHKEY00001",
        "solapi_api_secret": "BENCHSECRET0123456789ABCDEFGHIJK",
        "sender_number": "02-1234-5678",
        "kakao_sender_key": "KA01PF_BENCH",
    }
}


async def _measure(settings: Settings, saves: int, checks: int) -> list[dict[str, Any]]:
    clinic_id = await ensure_default_clinic(settings)
    caller = Caller(clinic_id=clinic_id, actor="bench")
    started = time.perf_counter()
    for _ in range(saves):
        async with session_scope(settings, clinic_id) as db:
            await credentials.save(db, caller, "solapi", BODY)
    save_ms = (time.perf_counter() - started) * 1000 / saves
    started = time.perf_counter()
    for _ in range(checks):
        async with read_scope(settings, clinic_id) as db:
            assert await credentials.active_version(db) is not None
    check_ms = (time.perf_counter() - started) * 1000 / checks
    await dispose_engines()
    return [
        {"bench": "channels.credentials_save_ms", "value": round(save_ms, 3), "unit": "ms", "saves": saves},
        {"bench": "channels.credentials_check_ms", "value": round(check_ms, 3), "unit": "ms", "checks": checks},
    ]


def run(quick: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        secret = os.environ.get("DOCTORSFLOW_SECRET_KEY") or "bench-secret-key-0123456789abcdef"
        settings = Settings(Path(tmp), f"sqlite+aiosqlite:///{tmp}/bench.db", None, secret)
        upgrade(settings)
        crypto.configure(settings)
        return asyncio.run(_measure(settings, 50 if quick else 300, 500 if quick else 5000))


if __name__ == "__main__":
    for figure in run(quick=True):
        print(figure)
