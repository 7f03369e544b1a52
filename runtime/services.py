"""Long-running pieces: Dramatiq worker threads, the scheduler loop, the embedded Redis — and their shutdown.

``serve --with-worker`` calls :func:`start_background`; ``doctorsflow worker`` calls :func:`run_worker`.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import dramatiq

from runtime.broker import BrokerDispatcher, EmbeddedRedis, redis_url, setup_broker
from runtime.context import Runtime, current, set_current
from runtime.watchdog import SchedulerSupervisor
from storage.config import Settings

log = logging.getLogger("doctorsflow.worker")


# Dramatiq's consumer backs off exponentially while its queue is empty, up to ``worker_timeout`` (default 1 s):
# the first event after a lull then waited up to a second in Redis before a worker fetched it. Our consumers
# wait on the queue's doorbell instead (runtime/doorbell.py: an enqueue wakes them at once); 50 ms is how long
# one waits before it looks again anyway, and bounds how long stopping a worker takes.
IDLE_FETCH_MS = 50
# Dramatiq threads per worker process. Each holds one run or delivery while it awaits the database or the provider
# (the work itself runs on the process's one event loop), so more in flight means fuller SOLAPI send groups and
# shared write transactions: 8 took ~20 % less CPU per event than 4 (docs/bench-peer.md).
DEFAULT_THREADS = 8  # also named in `doctorsflow worker --help` (runtime/cli.py)


# One advertisement that meets the checker's frames, word lists, context checks and scorer (the text is ours, not
# a patient's): linting it once builds every table they compile lazily (~4–9 s here, kiwipiepy never loaded).
_WARM_UP_TEXT = (
    "(광고) [밝은눈안과] 12월 백내장 검진 이벤트, 국내 유일 최고의 수술! The best clinic. 무료수신거부 080-123-4567"
)


def warm_compliance_checker() -> float:
    """Build the compliance checker's tables before the server listens; the seconds it took.

    Otherwise the first lint after a start pays for them: the first manager to publish, check or open a review
    waited 6–10 s, and a browser test's first publish on a fresh server outlasted its 10 s wait under load."""
    from compliance.text_rules import lint_text

    started = time.perf_counter()
    lint_text(_WARM_UP_TEXT, "friendtalk", "advertising", use_cache=False)
    return time.perf_counter() - started


def freeze_startup_heap() -> None:
    """Move everything allocated so far (modules, the app, the compliance checker's tables: ~200,000 objects) out
    of the cyclic collector's reach. A full collection walked them all, ~40–280 ms with the event loop stopped,
    whenever enough new objects had piled up: the worst latency of a request or a send. They live as long as the
    process anyway; objects created later are collected as before."""
    gc.collect()
    gc.freeze()


def stale_after() -> timedelta:
    """How old a claim must be before the sweeper hands it out again (``DOCTORSFLOW_STALE_AFTER_S``)."""
    return timedelta(seconds=float(os.environ.get("DOCTORSFLOW_STALE_AFTER_S", "60")))


def make_runtime(settings: Settings) -> Runtime:
    return Runtime(settings, dispatcher=BrokerDispatcher(), stale_after=stale_after())


def dispatching_runtime(settings: Settings) -> Runtime | None:
    """The runtime the web app hands new runs to, decided once at app start-up.

    ``serve --with-worker`` already set one up for these settings; with ``REDIS_URL`` the app enqueues on a
    broker started now; otherwise (embedded Redis, no worker in this process) None: new runs wait in the
    database for the next scheduler poll of a worker.
    """
    try:
        active: Runtime | None = current()
    except RuntimeError:
        active = None
    if active is not None and active.settings == settings:
        return active
    if settings.redis_url:
        setup_broker(settings.redis_url)
        active = Runtime(settings, dispatcher=BrokerDispatcher())
        set_current(active)
        return active
    return None


@dataclass
class Background:
    """What ``start_background`` started; ``stop()`` ends it all, newest first."""

    worker: dramatiq.Worker | None = None
    scheduler: SchedulerSupervisor | None = None
    embedded: EmbeddedRedis | None = None
    children: list[Any] = field(default_factory=list)

    def stop(self) -> None:
        for child in self.children:
            if child.is_alive():
                child.terminate()
        for child in self.children:
            child.join(15)
        if self.scheduler is not None:
            self.scheduler.stop()
        if self.worker is not None:
            self.worker.stop(timeout=10_000)
        if self.embedded is not None:
            self.embedded.stop()


def start_background(
    settings: Settings, *, threads: int = DEFAULT_THREADS, scheduler: bool = True, runtime: Runtime | None = None
) -> Background:
    """Broker (embedded Redis unless ``REDIS_URL``), in-process worker threads and the scheduler loop."""
    url, embedded = redis_url(settings)
    broker = setup_broker(url)
    active = runtime or make_runtime(settings)
    set_current(active)
    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=IDLE_FETCH_MS)
    worker.start()
    loop = None
    if scheduler:  # the scheduler loop on its own thread, restarted by a watchdog if it stalls
        loop = SchedulerSupervisor(active).start()
    log.info("worker started: %d threads, scheduler %s", threads, "on" if scheduler else "off")
    return Background(worker=worker, scheduler=loop, embedded=embedded)


def _child(settings: Settings, url: str, threads: int) -> None:
    """A worker process without scheduler (the parent runs the one scheduler of this machine)."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    background = start_background(
        Settings(settings.data_dir, settings.database_url, url, settings.secret_key), threads=threads, scheduler=False
    )
    freeze_startup_heap()
    stop.wait()
    background.stop()


def run_worker(settings: Settings, *, processes: int = 1, threads: int = DEFAULT_THREADS) -> int:
    """Run until SIGINT/SIGTERM: this process (worker threads + scheduler) and ``processes - 1`` children."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    url, embedded = redis_url(settings)
    shared = Settings(settings.data_dir, settings.database_url, url, settings.secret_key)
    background = start_background(shared, threads=threads)
    background.embedded = embedded
    freeze_startup_heap()
    context = multiprocessing.get_context("spawn")
    for _ in range(max(0, processes - 1)):
        child = context.Process(target=_child, args=(shared, url, threads), daemon=False)
        child.start()
        background.children.append(child)
    log.info("doctorsflow worker running (%d process(es) × %d threads); Ctrl-C stops", processes, threads)
    stop.wait()
    log.info("stopping worker …")
    background.stop()
    return 0
