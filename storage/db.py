"""Engines and sessions: the one module that connects to the database.

Every session is a transaction scoped to one clinic by :mod:`storage.tenancy` (None: every clinic — system
tasks only). Async connections belong to the event loop that opened them, so engines are kept per loop and
database URL (:func:`dispose_engines` closes them at the end of a command, a test or a thread's loop).

- :func:`session_scope` — HTTP handlers, commands: one pooled engine per database (aiosqlite runs SQLite's
  statements on a helper thread; PostgreSQL through asyncpg).
- :func:`read_scope` / :func:`write_scope` — the runtime's hot path of many small transactions. On PostgreSQL
  they are :func:`session_scope` (row locks and compare-and-set updates suffice). On SQLite two things differ,
  both for throughput:

  - Statements run in the calling thread. aiosqlite hands every statement to a helper thread; on a busy
    two-core machine that hop costs about a millisecond, while the runtime's SQLite statements take
    microseconds. :class:`InlineConnection` keeps aiosqlite's interface (what SQLAlchemy's async dialect
    drives) and runs each call directly.
  - One writer at a time per event loop. SQLite lets one connection write at a time; the others retry in its
    busy handler with growing sleeps, and under load a writer can lose that race for longer than the busy
    timeout ("database is locked"). Queuing this loop's writers on a lock first leaves the busy handler to
    the few writers of other processes.

  - Fair turns between processes. SQLite's busy handler polls with growing sleeps, so a writer of another
    process (the worker, while the server ingests) can lose nearly every race for the lock to the process
    that holds it and queues its next writer at once. Writers therefore also take an exclusive ``flock`` on
    ``<database>-writer.lock``; a writer that has to wait for it announces itself with a shared lock on
    ``<database>-waiting.lock`` and blocks in the kernel (on a helper thread), which wakes it as soon as the
    holder releases. A writer that sees someone waiting first waits until each of them holds the turn (an
    exclusive lock on the waiting file), so a released turn goes to the waiting process, not back to the
    process that released it.
    The uncontended path is two non-blocking ``flock`` calls, no thread hop.

  The trade-off of running inline: while a statement runs, this event loop runs nothing else. That is sound
  only because no statement here waits long for a lock:

  - Write transactions start with ``BEGIN IMMEDIATE``, taken with a short busy timeout and retried with
    ``asyncio.sleep`` until :data:`LOCK_WAIT` has passed. A busy database (another process writing) thus
    costs this loop at most :data:`BUSY_MS` per attempt, never the whole wait; once the write lock is held,
    WAL mode lets the transaction's statements and its commit run without waiting on anyone.
  - Reads never wait for writers in WAL mode (the short busy timeout covers WAL's brief transient locks).
  - The runtime's statements are small and indexed; a slow one (a cold page cache on a huge database)
    stalls this loop for its duration, as it would stall aiosqlite's single helper thread anyway.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import weakref
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Literal

import aiosqlite
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.sql.base import Executable

from storage import tenancy
from storage.config import Settings
from storage.files import private_sqlite_file

BUSY_MS = 20  # the longest an inline connection blocks its loop inside SQLite's busy handler, per attempt
LOCK_WAIT = 30.0  # seconds an inline writer keeps retrying for the write lock before "database is locked"

Kind = Literal["pooled", "inline"]
_engines: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[Kind, str], AsyncEngine]] = (
    weakref.WeakKeyDictionary()
)
_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


def _engine(kind: Kind, database_url: str) -> AsyncEngine:
    per_loop = _engines.setdefault(asyncio.get_running_loop(), {})
    if (kind, database_url) not in per_loop:
        create = _create_inline_engine if kind == "inline" else _create_engine
        per_loop[(kind, database_url)] = create(database_url)
    return per_loop[(kind, database_url)]


def engine_for(database_url: str) -> AsyncEngine:
    """The pooled engine of this database URL for the running event loop (created on first use)."""
    return _engine("pooled", database_url)


def inline_engine_for(database_url: str) -> AsyncEngine:
    """This loop's inline engine of a SQLite database (``simulate`` creates its tables through it)."""
    return _engine("inline", database_url)


async def dispose_engines(database_url: str | None = None) -> None:
    """Close the running loop's connections (of one database, or all): end of a command, a test or a loop."""
    per_loop = _engines.get(asyncio.get_running_loop(), {})
    for key in [k for k in per_loop if database_url is None or k[1] == database_url]:
        await per_loop.pop(key).dispose()


def _create_engine(database_url: str) -> AsyncEngine:
    if database_url.startswith("sqlite"):
        private_sqlite_file(database_url)  # 0600 before SQLite creates it with the umask's mode
        engine = create_async_engine(database_url, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        engine = create_async_engine(database_url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_ms: int = 30_000) -> None:
    # WAL lets the server read while workers write; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", f"busy_timeout={busy_ms}"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _inline_pragmas(dbapi_connection: Any, record: Any) -> None:
    _sqlite_pragmas(dbapi_connection, record, busy_ms=BUSY_MS)


def sessionmaker_for(settings: Settings) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine_for(settings.database_url), expire_on_commit=False)


@asynccontextmanager
async def session_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    """A transaction that sees only ``clinic_id``'s rows (None: every clinic — system tasks only)."""
    async with sessionmaker_for(settings)() as session:
        tenancy.bind_session(session, clinic_id)
        async with session.begin():
            yield session


@asynccontextmanager
async def read_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    """A runtime transaction that only reads."""
    if not settings.is_sqlite:
        async with session_scope(settings, clinic_id) as session:
            yield session
        return
    async with _inline_scope(settings, clinic_id) as session:
        yield session


@asynccontextmanager
async def write_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    """A runtime transaction that writes (on SQLite: after this loop's earlier writers)."""
    if not settings.is_sqlite:
        async with session_scope(settings, clinic_id) as session:
            yield session
        return
    async with _writer_lock(), _writer_turn(settings.database_url), _inline_scope(settings, clinic_id) as session:
        await _begin_immediate(session)
        yield session


# -- fair turns between processes (see the module's docstring) --------------------------------------------------
_waiters = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sqlite-turn")


def _lock_paths(database_url: str) -> tuple[str, str]:
    path = database_url.split(":///", 1)[1]
    return f"{path}-writer.lock", f"{path}-waiting.lock"


def _try_flock(fd: int, operation: int) -> bool:
    try:
        fcntl.flock(fd, operation | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _nobody_waits(waiting: int) -> bool:
    if not _try_flock(waiting, fcntl.LOCK_EX):
        return False
    fcntl.flock(waiting, fcntl.LOCK_UN)
    return True


def _wait_for_turn(turn: int, waiting: int, behind: bool) -> None:
    """On a helper thread. ``behind``: others wait already — first let each of them have its turn (their shared
    locks on the waiting file go once they hold the turn). Then announce this wait, block until the turn is
    free, and withdraw the announcement."""
    if behind:
        fcntl.flock(waiting, fcntl.LOCK_EX)
        fcntl.flock(waiting, fcntl.LOCK_UN)
    fcntl.flock(waiting, fcntl.LOCK_SH)
    try:
        fcntl.flock(turn, fcntl.LOCK_EX)
    finally:
        fcntl.flock(waiting, fcntl.LOCK_UN)


@asynccontextmanager
async def _writer_turn(database_url: str) -> AsyncIterator[None]:
    """This loop's turn to write to the SQLite file, fair between processes (held until the transaction ends)."""
    loop = asyncio.get_running_loop()
    files = _turn_files.setdefault(loop, {})
    if database_url not in files:
        turn_path, waiting_path = _lock_paths(database_url)
        opened = (
            os.open(turn_path, os.O_RDWR | os.O_CREAT, 0o600),
            os.open(waiting_path, os.O_RDWR | os.O_CREAT, 0o600),
        )
        files[database_url] = (*opened, weakref.finalize(loop, _close, *opened))
    turn, waiting, closer = files[database_url]
    handed_off = False
    try:
        behind = not _nobody_waits(waiting)
        if behind or not _try_flock(turn, fcntl.LOCK_EX):
            wait = loop.run_in_executor(_waiters, _wait_for_turn, turn, waiting, behind)
            try:
                await asyncio.wait_for(asyncio.shield(wait), LOCK_WAIT)
            except BaseException as exc:  # cancelled or timed out: the helper thread closes the files when it returns
                handed_off = True  # the files go with the helper thread; this loop opens new ones next time
                del files[database_url]
                closer.detach()
                wait.add_done_callback(lambda _: _close(turn, waiting))
                if isinstance(exc, TimeoutError):  # as SQLite's busy timeout says it (the API answers 503)
                    locked = sqlite3.OperationalError("database is locked")
                    raise OperationalError("BEGIN IMMEDIATE", None, locked) from exc
                raise
        yield
    finally:
        if not handed_off:
            fcntl.flock(turn, fcntl.LOCK_UN)


def _close(*fds: int) -> None:
    for fd in fds:
        os.close(fd)  # closing releases a flock


# This loop's open lock files per database (closed with the loop): no open/close per transaction.
_turn_files: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, tuple[int, int, weakref.finalize]]] = (
    weakref.WeakKeyDictionary()
)


# -- SQLite without aiosqlite's thread --------------------------------------------------------------------------
class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection without its thread: each call runs in the caller's thread."""

    def __await__(self) -> Any:
        return self._connect().__await__()

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    async def _execute(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        if not self._running or self._connection is None:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def stop(self) -> None:
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        self.stop()

    def __del__(self) -> None:
        if self._connection is not None:
            self._connection.close()


def _create_inline_engine(database_url: str) -> AsyncEngine:
    private_sqlite_file(database_url)
    path = database_url.split(":///", 1)[1]

    async def connect() -> InlineConnection:
        connection = InlineConnection(lambda: sqlite3.connect(path, timeout=30, check_same_thread=False), 64)
        return await connection

    engine = create_async_engine(database_url, async_creator=connect)  # the URL keys caches (graph_of)
    event.listen(engine.sync_engine, "connect", _inline_pragmas)
    return engine


def _writer_lock() -> asyncio.Lock:
    loop = asyncio.get_running_loop()
    lock = _locks.get(loop)
    if lock is None:
        lock = _locks[loop] = asyncio.Lock()
    return lock


@asynccontextmanager
async def _inline_scope(settings: Settings, clinic_id: int | None) -> AsyncIterator[AsyncSession]:
    maker = async_sessionmaker(inline_engine_for(settings.database_url), expire_on_commit=False)
    async with maker() as session:
        tenancy.bind_session(session, clinic_id)
        async with session.begin():
            yield session


def _locked(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return "locked" in message or "busy" in message


async def _begin_immediate(session: AsyncSession) -> None:
    """Take SQLite's write lock now, waiting for other processes' writers with ``asyncio.sleep``.

    Taking it up front also means the transaction's reads see what it then writes over (a deferred
    transaction that read first can fail its first write with SQLITE_BUSY_SNAPSHOT).
    """
    connection = await session.connection()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LOCK_WAIT
    pause = 0.002
    while True:
        try:
            await connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if not _locked(exc) or loop.time() > deadline:
                raise
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.05)


# -- group commit ---------------------------------------------------------------------------------------------
class _Batch:
    """Single statements waiting for this loop's next shared write transaction (see :func:`batched_write`)."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Executable, dict[str, Any], asyncio.Future[int]]] = []
        self.flushing = False
        self.task: asyncio.Task[None] | None = None  # the running flush (a reference keeps it alive)


_batches: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, _Batch]] = weakref.WeakKeyDictionary()


async def batched_write(settings: Settings, statement: Executable, params: dict[str, Any]) -> int:
    """Run one self-contained statement (e.g. a guarded UPDATE) in a write transaction shared with the other
    statements this loop hands in meanwhile (group commit): while one transaction waits for the write lock or
    commits, the next statements gather and go together, so a busy loop pays one BEGIN/COMMIT and one write
    turn for many. Returns the statement's rowcount once its transaction committed; if the shared transaction
    fails, every statement in it fails with that error and nothing of it was written (as with its own)."""
    loop = asyncio.get_running_loop()
    batch = _batches.setdefault(loop, {}).setdefault(settings.database_url, _Batch())
    done: asyncio.Future[int] = loop.create_future()
    batch.waiting.append((statement, params, done))
    if not batch.flushing:
        batch.flushing = True
        batch.task = loop.create_task(_flush(settings, batch))
    return await done


async def _flush(settings: Settings, batch: _Batch) -> None:
    try:
        while batch.waiting:
            taken, batch.waiting = batch.waiting, []
            try:
                from storage import fast_sql  # it builds on this module's inline connections

                counts = []
                async with write_scope(settings, None) as session:
                    connection = await session.connection()
                    for statement, params, _ in taken:
                        counts.append(
                            int(getattr(await fast_sql.execute(connection, statement, params), "rowcount", 0) or 0)
                        )
            except BaseException as exc:  # handed to each waiting caller
                for _, _, done in taken:
                    if not done.done():
                        done.set_exception(exc if isinstance(exc, Exception) else RuntimeError(repr(exc)))
                if not isinstance(exc, Exception):
                    raise
                continue
            for (_, _, done), count in zip(taken, counts, strict=True):
                if not done.done():
                    done.set_result(count)
    finally:
        batch.flushing = False
