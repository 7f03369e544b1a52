"""Write transactions of the runtime. On SQLite, one writer at a time per event loop.

SQLite lets one connection write at a time; the others retry in its busy handler with growing sleeps, and
under load a writer can lose that race for longer than the busy timeout ("database is locked"). Queuing
this process's writers on a lock first keeps the busy handler for the few writers of other processes.
PostgreSQL needs none of this: row locks and the compare-and-set updates suffice.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from storage.config import Settings
from storage.db import session_scope

_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


def _writer_lock() -> asyncio.Lock:
    loop = asyncio.get_running_loop()
    lock = _locks.get(loop)
    if lock is None:
        lock = _locks[loop] = asyncio.Lock()
    return lock


@asynccontextmanager
async def write_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    """``storage.db.session_scope`` for transactions that write."""
    if not settings.is_sqlite:
        async with session_scope(settings, clinic_id) as session:
            yield session
        return
    async with _writer_lock(), session_scope(settings, clinic_id) as session:
        yield session
