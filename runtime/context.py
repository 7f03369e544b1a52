"""What the runtime's functions share: settings, the clock, the channels and how follow-up work is dispatched.

The same functions run under Dramatiq actors (dispatch = enqueue on Redis), in ``simulate`` (dispatch =
an in-memory queue drained on a virtual clock) and in tests. Nothing here imports the broker.
"""

from __future__ import annotations

import threading
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

    def deliver(self, message_id: int) -> None: ...


class QueueDispatcher:
    """Collects work in memory; ``simulate`` and tests drain it themselves (no broker)."""

    def __init__(self) -> None:
        self.work: deque[tuple[str, int]] = deque()

    def advance(self, run_id: int) -> None:
        self.work.append(("advance", run_id))

    def deliver(self, message_id: int) -> None:
        self.work.append(("deliver", message_id))


@dataclass
class Runtime:
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    dispatcher: Dispatcher = field(default_factory=QueueDispatcher)
    stale_after: timedelta = timedelta(seconds=60)  # a claim older than this was lost (worker died)
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
    _channels: dict[int, ChannelClient] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def channel_for(self, clinic_id: int, clinic_settings: Mapping[str, Any]) -> ChannelClient:
        """The clinic's channel, one per process: its stored credentials when it has active ones (picked up
        without a restart, runtime/channels/clinic_channel.py), else built from its settings / environment."""
        if self.channel is not None:
            return self.channel
        with self._lock:
            if clinic_id not in self._channels:
                settings = dict(clinic_settings)
                self._channels[clinic_id] = ClinicChannel(
                    self.settings,
                    clinic_id,
                    fallback=lambda: self._build_channel(settings),
                    check_every_s=self.credentials_check_s,
                )
            return self._channels[clinic_id]

    async def aclose(self) -> None:
        """Close the provider clients this runtime opened (their HTTP connections); it builds new ones if used again."""
        with self._lock:
            channels, self._channels = list(self._channels.values()), {}
        for channel in channels:
            await channel.aclose()

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
