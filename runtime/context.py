"""What the runtime's functions share: settings, the clock, the channels and how follow-up work is dispatched.

The same functions run under Dramatiq actors (dispatch = enqueue on Redis), in ``simulate`` (dispatch =
an in-memory queue drained on a virtual clock) and in tests. Nothing here imports the broker.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from runtime.channels.base import ChannelClient
from runtime.channels.clinic_channel import ClinicChannel
from runtime.channels.sandbox import SandboxChannel
from runtime.clock import Clock, SystemClock
from storage.config import Settings


class Dispatcher(Protocol):
    """Hands follow-up work to whoever runs it. Called only after the creating transaction committed."""

    def advance(self, run_id: int) -> None: ...

    def advance_many(self, run_ids: list[int]) -> None:
        """Several runs at once (one message where the transport allows, see ``runtime/intake.py``)."""
        ...

    def deliver(self, message_id: int) -> None: ...

    def deliver_many(self, message_ids: list[int]) -> None:
        """Several rows at once (one message where the transport allows: ``outbox.deliver_many``)."""
        ...

    def probe(self, message_id: int) -> None:
        """Try a row backing off from a provider's outage early (``runtime/outage_probe.py``)."""
        ...


class QueueDispatcher:
    """Collects work in memory; ``simulate`` and tests drain it themselves (no broker)."""

    def __init__(self) -> None:
        self.work: deque[tuple[str, int]] = deque()

    def advance(self, run_id: int) -> None:
        self.work.append(("advance", run_id))

    def advance_many(self, run_ids: list[int]) -> None:
        for run_id in run_ids:
            self.advance(run_id)

    def deliver(self, message_id: int) -> None:
        self.work.append(("deliver", message_id))

    def deliver_many(self, message_ids: list[int]) -> None:
        for message_id in message_ids:
            self.deliver(message_id)

    def probe(self, message_id: int) -> None:
        self.work.append(("probe", message_id))


@dataclass
class Runtime:
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    dispatcher: Dispatcher = field(default_factory=QueueDispatcher)
    stale_after: timedelta = timedelta(seconds=60)  # a claim older than this was lost (worker died)
    # Once a process of this host is found dead (its scheduler heartbeat's pid is gone, runtime/watchdog.py),
    # claims made before that moment are lost once ``orphan_grace`` old — seconds, not ``stale_after``.
    orphan_grace: timedelta = timedelta(seconds=15)
    orphans_before: datetime | None = None
    batch: int = 500  # rows a scheduler claims per poll
    channel: ChannelClient | None = None  # one channel for every clinic (simulate); None: per clinic settings
    sandbox_journal: Path | None = None  # default: <data_dir>/sandbox
    campaigns: bool = True  # the scheduler starts trigger.schedule runs (simulate starts its own)
    credentials_check_s: float = 5.0  # how stale a worker's view of stored credentials may get (other processes)
    # Delivery reports are polled at most this often (providers rate-limit their list APIs), and only for
    # messages sent within the horizon: a report that never came is not asked for forever.
    report_poll_every: timedelta = timedelta(seconds=30)
    report_horizon: timedelta = timedelta(days=3)
    reports_polled_at: datetime | None = None
    # While a clinic's rows back off from a provider's failures, one of them is tried at least this often
    # (runtime/outage_probe.py); when this process last probed each (clinic, provider), and last looked.
    probe_every: timedelta = timedelta(seconds=5)
    probed_at: dict[tuple[int, str], datetime] = field(default_factory=dict)
    probes_checked_at: datetime | None = None
    # One channel (and so one HTTP client) per event loop and clinic: an httpx.AsyncClient's keep-alive
    # connections belong to the loop that opened them, and a worker runs Dramatiq's loop and the scheduler's.
    _channels: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, ChannelClient]] = field(
        default_factory=weakref.WeakKeyDictionary
    )
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def note_dead_process(self) -> None:
        """A process that may hold claims died: claims made until now may be orphans (runtime/scheduler.py)."""
        self.orphans_before = self.clock.now()

    def channel_for(self, clinic_id: int, clinic_settings: Mapping[str, Any]) -> ChannelClient:
        """The clinic's channel for the running event loop: its stored credentials when it has active ones
        (picked up without a restart, runtime/channels/clinic_channel.py), else built from its settings /
        environment. Close them with :meth:`aclose_loop_channels` before the loop ends."""
        if self.channel is not None:
            return self.channel
        loop = asyncio.get_running_loop()
        with self._lock:
            per_loop = self._channels.setdefault(loop, {})
            if clinic_id not in per_loop:
                settings = dict(clinic_settings)
                per_loop[clinic_id] = ClinicChannel(
                    self.settings,
                    clinic_id,
                    fallback=lambda: self._build_channel(settings),
                    check_every_s=self.credentials_check_s,
                )
            return per_loop[clinic_id]

    async def aclose_loop_channels(self) -> None:
        """Close the running loop's channels (their HTTP connections): at the end of a worker's or scheduler's
        loop, a command or a test."""
        with self._lock:
            per_loop = self._channels.pop(asyncio.get_running_loop(), {})
        for channel in per_loop.values():
            await channel.aclose()

    async def aclose(self) -> None:
        """Close the running loop's provider clients and forget every other loop's (a client can only be closed
        on its own loop: each loop closes its own with :meth:`aclose_loop_channels` before it ends)."""
        await self.aclose_loop_channels()
        with self._lock:
            self._channels.clear()

    def _build_channel(self, clinic_settings: Mapping[str, Any]) -> ChannelClient:
        """The channel of a clinic without stored credentials: its settings, else ``DOCTORSFLOW_PROVIDER`` and
        the other ``DOCTORSFLOW_*`` provider variables (registry.settings_from_env), else the sandbox."""
        from runtime.channels.registry import build_channel, settings_from_env  # provider clients

        env = settings_from_env() if not clinic_settings.get("provider") else {}
        provider = str(
            clinic_settings.get("provider") or env.get("provider") or clinic_settings.get("channel") or "sandbox"
        )
        if provider == "sandbox":
            options = clinic_settings.get("sandbox") or {}
            journal = self.sandbox_journal or self.settings.data_dir / "sandbox"
            return SandboxChannel.from_settings(options, clock=self.clock, journal=journal)
        flat = {str(k): str(v) for k, v in clinic_settings.items() if isinstance(v, str | int | float)}
        return build_channel({**env, **flat, "provider": provider})


_current: Runtime | None = None


def set_current(runtime: Runtime | None) -> None:
    """The runtime the actors of this process use (set by the worker, ``serve`` or a test)."""
    global _current
    _current = runtime


def current() -> Runtime:
    if _current is None:
        raise RuntimeError("runtime not configured: call runtime.context.set_current() first")
    return _current
