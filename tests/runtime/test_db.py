"""The runtime's inline SQLite sessions (storage/db.py): a writer waiting for another process's lock never stalls the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from sqlalchemy import text

from storage.config import Settings
from storage.db import dispose_engines, write_scope


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
