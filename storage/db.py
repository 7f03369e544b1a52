"""Engine and sessions. One engine per process and database URL; sessions are units of work."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage import tenancy
from storage.config import Settings

# Async connections belong to the event loop that opened them, so engines are kept per loop.
_engines: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, AsyncEngine]] = weakref.WeakKeyDictionary()


def engine_for(database_url: str) -> AsyncEngine:
    """The engine of this database URL for the running event loop (created on first use)."""
    per_loop = _engines.setdefault(asyncio.get_running_loop(), {})
    if database_url not in per_loop:
        per_loop[database_url] = _create_engine(database_url)
    return per_loop[database_url]


async def dispose_engines() -> None:
    """Close the running loop's connections (end of a command or a test)."""
    for engine in _engines.pop(asyncio.get_running_loop(), {}).values():
        await engine.dispose()


def _create_engine(database_url: str) -> AsyncEngine:
    if database_url.startswith("sqlite"):
        engine = create_async_engine(database_url, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        engine = create_async_engine(database_url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the server read while workers write; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def sessionmaker_for(settings: Settings) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine_for(settings.database_url), expire_on_commit=False)


@asynccontextmanager
async def session_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    """A transaction that sees only ``clinic_id``'s rows (None: every clinic — system tasks only)."""
    async with sessionmaker_for(settings)() as session:
        tenancy.bind_session(session, clinic_id)
        async with session.begin():
            yield session
