"""The scale-out bench's helpers: which PostgreSQL it uses, and counting rows on either database."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bench.bench_runtime import Database, postgres_database
from bench.scaleout import postgres_server


def test_postgres_server_takes_database_url_first_and_picks_the_async_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DOCTORSFLOW_TEST_POSTGRES", raising=False)
    assert postgres_server() is None

    monkeypatch.setenv("DOCTORSFLOW_TEST_POSTGRES", "postgresql://u:p@127.0.0.1:5432/postgres")
    assert postgres_server() == "postgresql+asyncpg://u:p@127.0.0.1:5432/postgres"

    monkeypatch.setenv("DATABASE_URL", "postgres://v:q@db:5432/admin")
    assert postgres_server() == "postgresql+asyncpg://v:q@db:5432/admin"

    monkeypatch.setenv("DATABASE_URL", "sqlite+aiosqlite:////tmp/x.db")  # SQLite is not a server to create on
    assert postgres_server() is None


def test_database_counts_sqlite_rows_with_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "counted.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, status TEXT, version INTEGER)")
        connection.executemany(
            "INSERT INTO runs (status, version) VALUES (?, ?)", [("completed", 1), ("completed", 2), ("running", 1)]
        )
    database = Database(f"sqlite+aiosqlite:///{path}")
    assert database.name == "sqlite"
    assert database.count("SELECT count(*) FROM runs WHERE status = ? AND version != ?", "completed", 2) == 1
    assert database.server_cpu_seconds() == 0.0


@pytest.mark.postgres
def test_database_counts_postgres_rows_in_a_fresh_database_dropped_after() -> None:
    from tests.conftest import require_postgres

    postgres_url = require_postgres()
    import asyncpg

    async def execute(url: str, sql: str) -> None:
        connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def exists(name: str) -> bool:
        connection = await asyncpg.connect(postgres_url.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            return bool(await connection.fetchval("SELECT count(*) FROM pg_database WHERE datname = $1", name))
        finally:
            await connection.close()

    with postgres_database(postgres_url) as url:
        name = url.rsplit("/", 1)[1]
        assert asyncio.run(exists(name))
        asyncio.run(execute(url, "CREATE TABLE runs (id serial PRIMARY KEY, status text, version int)"))
        asyncio.run(
            execute(url, "INSERT INTO runs (status, version) VALUES ('completed', 1), ('completed', 2), ('running', 1)")
        )
        database = Database(url)
        assert database.name == "postgresql"
        assert database.count("SELECT count(*) FROM runs WHERE status = ? AND version != ?", "completed", 2) == 1
        assert database.server_cpu_seconds() >= 0.0
    assert not asyncio.run(exists(name))
