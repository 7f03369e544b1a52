"""An idle consumer wakes when a message is enqueued (runtime/doorbell.py), on a real embedded Redis."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import dramatiq
import pytest

from runtime.broker import EmbeddedRedis
from runtime.doorbell import DoorbellRedisBroker

IDLE_MS = 3_000  # far longer than any wake-up below may take: a consumer that slept it out fails the test


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DoorbellRedisBroker]:
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    broker = DoorbellRedisBroker(url=server.url, namespace="doorbell-test", middleware=[])
    broker.declare_queue("q")
    yield broker
    broker.close()
    server.server.shutdown(nosave=True)
    server.stop()


def _message(n: int) -> dramatiq.Message[None]:
    return dramatiq.Message(queue_name="q", actor_name="noop", args=(n,), kwargs={}, options={})


def test_an_idle_consumer_wakes_when_a_message_is_enqueued(broker: DoorbellRedisBroker) -> None:
    consumer = broker.consume("q", prefetch=4, timeout=IDLE_MS)
    # As after a long lull: dramatiq's own consumer would now sleep 1.5–3 s between fetches (its Consumer type does
    # not name the attribute, hence setattr).
    setattr(consumer, "misses", 30)  # noqa: B010
    woke: list[float] = []

    def idle_turn() -> None:
        assert next(consumer) is None  # the queue is empty: it waits
        woke.append(time.monotonic())

    waiting = threading.Thread(target=idle_turn)
    waiting.start()
    time.sleep(0.2)  # it is waiting now
    enqueued = time.monotonic()
    broker.enqueue(_message(1))
    waiting.join(IDLE_MS / 1000 + 2)
    assert woke and woke[0] - enqueued < 1.0, "the consumer slept out its idle timeout"
    message = next(consumer)
    assert message is not None and message.args == (1,)
    consumer.ack(message)
    consumer.close()


def test_a_ring_while_nobody_waits_is_not_lost(broker: DoorbellRedisBroker) -> None:
    """Enqueued between a consumer's empty fetch and its wait: the token left behind ends that wait at once."""
    consumer = broker.consume("q", prefetch=4, timeout=IDLE_MS)
    broker.enqueue(_message(2))
    broker.flush("q")  # the message is gone (as if another consumer took it), its token stays
    started = time.monotonic()
    assert next(consumer) is None
    assert time.monotonic() - started < 1.0, "the token was lost: the consumer slept out its idle timeout"
    assert broker.client.llen(broker.doorbell("q")) == 0
    consumer.close()


def test_a_burst_of_enqueues_leaves_one_token(broker: DoorbellRedisBroker) -> None:
    for n in range(20):
        broker.enqueue(_message(n))
    assert broker.client.llen(broker.doorbell("q")) == 1
    broker.flush("q")
    broker.client.delete(broker.doorbell("q"))
