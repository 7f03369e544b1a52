"""First sends that go out together: one provider handle, one request for several outbox rows.

SOLAPI sends through a group (create → store its id on the row → add → send): three requests per message when
each row has a group of its own, and each request costs about a millisecond of CPU. First attempts of rows
that reach this loop while an earlier group is still on its way therefore share the next group: it is created
once, its id is stored on every row (one shared write transaction, ``storage.db.batched_write``) before any
message is added, then all are added in one request and the group is sent in one more.

Exactly once is unchanged: every row holds the group id before anything can leave; a later attempt of any of
them resumes with that id (``GET …/groups/{id}``; a group sent by another row's attempt is reconciled from its
messages by outbox key). A group never holds two messages to one recipient (SOLAPI's ``allowDuplicates``
false refuses a racing second add), so such a row waits for the next group. Providers that need no stored
handle (NHN Cloud takes our key, the sandbox) send each row in its own task as before.
"""

from __future__ import annotations

import asyncio
import dataclasses
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from runtime.channels.base import ChannelClient, SendResult
from runtime.context import Runtime
from storage.db import batched_write

if TYPE_CHECKING:
    from runtime.outbox import Prepared

MAX_GROUP = 100  # messages per group (SOLAPI takes up to 10,000 per add)
ALONE = object()  # "no handle to share: send it yourself"


@dataclass
class _Waiting:
    message_id: int
    prepared: Prepared
    done: asyncio.Future[Any]


@dataclass
class _Queue:
    waiting: list[_Waiting] = field(default_factory=list)
    task: asyncio.Task[None] | None = None


_queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, _Queue]] = weakref.WeakKeyDictionary()


async def send_first(
    runtime: Runtime, channel: ChannelClient, message_id: int, prepared: Prepared, handle_statement: Any
) -> SendResult | None:
    """Send a row's first attempt (no handle yet), in a group with the rows waiting beside it. None: the row
    was handed to another attempt before its handle was stored (nothing was sent)."""
    loop = asyncio.get_running_loop()
    queue = _queues.setdefault(loop, {}).setdefault(id(channel), _Queue())
    waiting = _Waiting(message_id, prepared, loop.create_future())
    queue.waiting.append(waiting)
    if queue.task is None or queue.task.done():
        queue.task = loop.create_task(_drain(runtime, channel, queue, handle_statement))
    answer = await waiting.done
    if answer is ALONE:
        return await channel.send(prepared.message)
    return cast(SendResult | None, answer)


async def _drain(runtime: Runtime, channel: ChannelClient, queue: _Queue, handle_statement: Any) -> None:
    while queue.waiting:
        taken: list[_Waiting] = []
        recipients: set[str] = set()
        for waiting in list(queue.waiting):
            if waiting.prepared.message.to in recipients or len(taken) >= MAX_GROUP:
                continue
            recipients.add(waiting.prepared.message.to)
            taken.append(waiting)
            queue.waiting.remove(waiting)
        try:
            answers = await _send_together(runtime, channel, taken, handle_statement)
        except BaseException as exc:  # each caller records its row as uncertain (outbox.deliver_prepared)
            for waiting in taken:
                if not waiting.done.done():
                    waiting.done.set_exception(exc if isinstance(exc, Exception) else RuntimeError(repr(exc)))
            if not isinstance(exc, Exception):
                raise
            continue
        for waiting, answer in zip(taken, answers, strict=True):
            if not waiting.done.done():
                waiting.done.set_result(answer)


async def _send_together(
    runtime: Runtime, channel: ChannelClient, taken: list[_Waiting], handle_statement: Any
) -> list[Any]:
    opened = await channel.open_handle(taken[0].prepared.message)
    if opened is None:
        return [ALONE] * len(taken)
    if isinstance(opened, SendResult):  # no group could be made (configuration, outage): nothing was sent
        return [opened] * len(taken)
    stored = await asyncio.gather(
        *(
            batched_write(
                runtime.settings,
                handle_statement,
                {"message": w.message_id, "attempt": w.prepared.attempt, "handle": opened},
            )
            for w in taken
        )
    )
    answers: list[Any] = [None] * len(taken)  # None: handed to another attempt first, nothing sent
    kept = [i for i, count in enumerate(stored) if count]
    if kept:
        messages = [dataclasses.replace(taken[i].prepared.message, handle=opened) for i in kept]
        for i, result in zip(kept, await channel.send_in_handle(messages), strict=True):
            answers[i] = result
    return answers
