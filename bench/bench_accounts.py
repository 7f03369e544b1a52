"""Accounts figures: the cost of a password check and of authenticating a request.

- ``accounts.password_verify_ms``: one argon2id verification (the floor of a log-in).
- ``accounts.authed_requests_per_s``: GET /api/auth/me with a session cookie (session lookup + guard).
- ``accounts.token_requests_per_s``: the same with a bearer token (lookup + last-used + audit write).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from litestar.testing import AsyncTestClient

from storage.accounts import passwords, sessions, users
from storage.accounts.config import AuthSettings
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import upgrade


def _password_ms(rounds: int) -> float:
    stored = passwords.hash_password("benchmark password")
    started = time.perf_counter()
    for _ in range(rounds):
        passwords.verify_password(stored, "benchmark password")
    return (time.perf_counter() - started) * 1000 / rounds


async def _requests_per_s(settings: Settings, count: int) -> tuple[float, float]:
    from server import create_app

    async with session_scope(settings, None) as db:
        clinic = await users.create_clinic(db, "bench", "벤치 의원")
        user = await users.create_user(db, "bench@clinic.kr", "벤치", "manager", clinic.id)
        cookie, row = await sessions.open_session(db, user, AuthSettings(), "127.0.0.1", "bench")
    app = create_app(settings)
    async with AsyncTestClient(app=app) as client:
        client.cookies.set("df_session", cookie, domain="testserver.local")
        client.cookies.set("df_csrf", row.csrf_token, domain="testserver.local")
        started = time.perf_counter()
        for _ in range(count):
            assert (await client.get("/api/auth/me")).status_code == 200
        by_session = count / (time.perf_counter() - started)
        made = await client.post(
            "/api/tokens",
            json={"name": "bench", "permissions": ["workflow.read"]},
            headers={"X-CSRF-Token": row.csrf_token},
        )
        client.cookies.clear()
        bearer = {"Authorization": f"Bearer {made.json()['token']}"}
        started = time.perf_counter()
        for _ in range(count):
            assert (await client.get("/api/workflows", headers=bearer)).status_code == 200
        by_token = count / (time.perf_counter() - started)
    await dispose_engines()
    return by_session, by_token


def run(quick: bool) -> list[dict[str, Any]]:
    count = 100 if quick else 500
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            database_url=f"sqlite+aiosqlite:///{folder}/bench.db",
            redis_url=None,
            secret_key="bench-secret",
        )
        upgrade(settings)
        by_session, by_token = asyncio.run(_requests_per_s(settings, count))
    return [
        {"bench": "accounts.password_verify_ms", "value": round(_password_ms(5 if quick else 20), 1), "unit": "ms"},
        {"bench": "accounts.authed_requests_per_s", "value": round(by_session, 1), "unit": "req/s", "requests": count},
        {"bench": "accounts.token_requests_per_s", "value": round(by_token, 1), "unit": "req/s", "requests": count},
    ]
