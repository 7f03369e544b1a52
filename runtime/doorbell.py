"""A Redis broker whose idle consumers wake when a message is enqueued, instead of polling on a timer.

Dramatiq's Redis consumer finds an empty queue and then sleeps with exponential back-off (5–10, 10–20, 20–40 ms …
up to ``worker_timeout``) before it looks again. At a steady trickle of events (one every 25 ms at 40 events/s)
each new message thus waited in Redis for most of such a sleep: ~10 ms at the median and up to the whole
``worker_timeout`` in the tail, on every event.

Here every enqueue also pushes a token onto the queue's *doorbell* list (one Lua call: push, keep at most one
token), and an idle consumer waits on that list with ``BLPOP`` for as long as it would have slept. A message
enqueued while the consumer waits wakes it at once; one enqueued while it was busy leaves a token, so the next
wait returns at once and the consumer fetches again (no lost wake-up). Redis still holds the messages: the
doorbell carries no data, and a consumer that misses a token still polls every ``worker_timeout``, as before.
"""

from __future__ import annotations

import time
from typing import Any

import redis
from dramatiq.broker import MessageProxy
from dramatiq.brokers.redis import RedisBroker, _RedisConsumer
from dramatiq.common import compute_backoff
from dramatiq.errors import ConnectionClosed
from dramatiq.message import Message

# Push one token and keep at most one: a burst of enqueues rings once, a consumer wakes once per burst.
_RING = """
redis.call('lpush', KEYS[1], '1')
redis.call('ltrim', KEYS[1], 0, 0)
"""


class DoorbellRedisBroker(RedisBroker):
    """:class:`RedisBroker` whose ``enqueue`` rings the queue's doorbell and whose consumers wait on it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ring = self.client.register_script(_RING)

    def doorbell(self, queue_name: str) -> str:
        return f"{self.namespace}:{queue_name}.doorbell"

    def do_enqueue(self, queue_name: str, *args: Any) -> Any:
        result = self._dispatch("enqueue")(queue_name, *args)
        self._ring(keys=[self.doorbell(queue_name)])
        return result

    @property
    def consumer_class(self) -> type[_RedisConsumer]:
        return _DoorbellConsumer


class _DoorbellConsumer(_RedisConsumer):
    """Dramatiq's Redis consumer with the idle sleep replaced by a wait on the queue's doorbell."""

    def __init__(self, broker: DoorbellRedisBroker, queue_name: str, prefetch: int, timeout: int) -> None:
        super().__init__(broker, queue_name, prefetch, timeout)
        self.doorbell = broker.doorbell(queue_name)

    def __next__(self) -> MessageProxy | None:
        try:
            while True:
                if self.message_cache:
                    data = self.message_cache.pop(0)
                    if data is None:  # dramatiq's own consumer skips these too (its #266)
                        continue
                    message = Message.decode(data)
                    self.queued_message_ids.add(message.message_id)
                    return MessageProxy(message)
                messages = []
                if self.outstanding_message_count < self.prefetch:
                    self.message_cache = messages = self.broker.do_fetch(
                        self.queue_name, self.prefetch - self.outstanding_message_count
                    )
                if messages:
                    self.misses = 0
                elif self.outstanding_message_count >= self.prefetch:
                    # Our prefetch is full: what frees it is an ack, not a ring; back off as dramatiq does.
                    self.misses, backoff_ms = compute_backoff(self.misses, max_backoff=self.timeout)
                    time.sleep(backoff_ms / 1000)
                    return None
                else:
                    # Until the doorbell rings or ``timeout`` ms pass (BLPOP's timeout in seconds, fractions allowed).
                    self.broker.client.blpop([self.doorbell], timeout=max(self.timeout, 1) / 1000)
                    return None
        except redis.ConnectionError as exc:
            raise ConnectionClosed(exc) from None


__all__ = ["DoorbellRedisBroker"]
