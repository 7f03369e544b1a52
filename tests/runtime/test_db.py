"""The runtime's inline SQLite sessions (storage/db.py): a writer waiting for another process's lock never stalls the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from sqlalchemy import text

from storage.config import Settings
from storage.db import batched_write, dispose_engines, write_scope


async def test_a_writer_waits_for_a_foreign_lock_without_blocking_the_loop(settings: Settings) -> None:
    path = settings.database_url.split(":///", 1)[1]
    locked, release = threading.Event(), threading.Event()

    def hold_write_lock() -> None:  # another process's writer, as SQLite sees it
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        connection.execute("COMMIT")
        connection.close()

    holder = threading.Thread(target=hold_write_lock)
    holder.start()
    locked.wait(10)
    ticks = 0

    async def other_work() -> None:  # what the server does meanwhile: it must keep getting turns
        nonlocal ticks
        while ticks < 20:
            await asyncio.sleep(0.01)
            ticks += 1
        release.set()

    async def writer() -> int:
        async with write_scope(settings, None) as session:
            await session.execute(text("UPDATE clinics SET name = name"))
            return ticks

    ticks_when_written, _ = await asyncio.gather(writer(), other_work())
    holder.join(10)
    await dispose_engines()
    assert ticks_when_written >= 20  # the write went through only after the lock was released


async def test_a_writer_of_another_process_gets_the_next_turn_before_this_loops_next_writer(
    settings: Settings,
) -> None:
    # Given this loop holds the write turn, and a writer of another process (here: another thread's loop,
    # which SQLite and flock see the same way) is waiting for it
    order: list[str] = []
    holding, release = asyncio.Event(), asyncio.Event()
    started = threading.Event()

    async def first() -> None:
        async with write_scope(settings, None) as session:
            await session.execute(text("UPDATE clinics SET name = name"))
            holding.set()
            await release.wait()
            order.append("first")  # inside the turn: the other process may append as soon as it is released

    def other_process() -> None:
        async def write() -> None:
            started.set()
            async with write_scope(settings, None) as session:
                await session.execute(text("UPDATE clinics SET name = name"))
                order.append("other")
            await dispose_engines()

        asyncio.run(write())

    async def second() -> None:  # this loop's next writer, queued while the other process waits
        async with write_scope(settings, None) as session:
            await session.execute(text("UPDATE clinics SET name = name"))
            order.append("second")

    holder = asyncio.create_task(first())
    await holding.wait()
    thread = threading.Thread(target=other_process)
    thread.start()
    await asyncio.to_thread(started.wait, 10)
    await asyncio.sleep(0.5)  # let it reach its wait (if it has not yet, it is not waiting: nothing to be fair to)
    queued = asyncio.create_task(second())
    await asyncio.sleep(0)
    # When this loop's writer commits
    release.set()
    await asyncio.gather(holder, queued)
    await asyncio.to_thread(thread.join, 30)
    await dispose_engines()
    # Then the waiting process wrote next, before this loop's queued writer
    assert order == ["first", "other", "second"]


async def test_statements_handed_in_together_share_one_write_transaction(settings: Settings) -> None:
    # Given a clinic, and SQLite's count of committed transactions (data_version moves when another connection commits)
    path = settings.database_url.split(":///", 1)[1]
    watcher = sqlite3.connect(path, isolation_level=None)
    before = watcher.execute("PRAGMA data_version").fetchone()[0]
    rename = text("UPDATE clinics SET name = :name WHERE id = (SELECT min(id) FROM clinics)")
    nobody = text("UPDATE clinics SET name = 'x' WHERE id = -1")

    # When ten statements are handed in at once
    counts = await asyncio.gather(
        *(batched_write(settings, rename, {"name": f"병원 {i}"}) for i in range(9)), batched_write(settings, nobody, {})
    )

    # Then each got its own rowcount, in order, and they committed in at most two transactions, not ten
    after = watcher.execute("PRAGMA data_version").fetchone()[0]
    name = watcher.execute("SELECT name FROM clinics ORDER BY id LIMIT 1").fetchone()[0]
    watcher.close()
    await dispose_engines()
    assert counts == [1] * 9 + [0]
    assert name == "병원 8"
    assert 1 <= after - before <= 2


async def test_a_shared_write_transaction_that_fails_fails_every_statement_in_it(settings: Settings) -> None:
    rename = text("UPDATE clinics SET name = 'renamed' WHERE id = (SELECT min(id) FROM clinics)")
    broken = text("UPDATE no_such_table SET x = 1")
    results = await asyncio.gather(
        batched_write(settings, rename, {}), batched_write(settings, broken, {}), return_exceptions=True
    )
    assert all(isinstance(r, Exception) for r in results)  # rolled back together: nothing of it was written
    async with write_scope(settings, None) as session:
        names = set((await session.execute(text("SELECT name FROM clinics"))).scalars())
    await dispose_engines()
    assert "renamed" not in names
    assert await batched_write(settings, rename, {}) == 1  # the next batch goes on
    await dispose_engines()
