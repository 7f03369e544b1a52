"""A clinic's channel that follows its stored provider credentials without a restart.

``Runtime.channel_for`` hands out one :class:`ClinicChannel` per clinic. Before a send it looks at the
clinic's active ``provider_credentials`` row — only its (id, version), no decryption — at most every
``check_every_s`` seconds, and at once after a save committed in this process. When the version changed
it builds the provider client from the stored (decrypted) settings, or the fallback (clinic settings /
environment, as before stored credentials existed) when no row is active. The old client is closed once
the sends already running on it have finished.

A stored sender number and Kakao sender key replace the clinic settings' ones in each message.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from runtime.channels.base import ChannelClient, DeliveryReport, OutboundMessage, SendResult
from runtime.channels.registry import ChannelConfigError, build_channel
from runtime.credentials import service as credentials
from storage.config import Settings
from storage.crypto import DecryptionError
from storage.db import read_scope

_T = TypeVar("_T")


@dataclasses.dataclass(eq=False)
class _Client:
    version: tuple[int, int] | None  # None: the fallback (no active stored credentials)
    client: ChannelClient
    sender: str | None = None
    sender_key: str | None = None
    in_flight: int = 0
    retired: bool = False
    closed: bool = False

    async def close_when_idle(self) -> None:
        if self.retired and self.in_flight == 0 and not self.closed:
            self.closed = True
            await self.client.aclose()


class ClinicChannel(ChannelClient):
    name = "clinic"  # the current provider client's name once one is built

    def __init__(
        self, settings: Settings, clinic_id: int, fallback: Callable[[], ChannelClient], check_every_s: float = 5.0
    ) -> None:
        self._settings = settings
        self._clinic_id = clinic_id
        self._fallback = fallback
        self._check_every_s = check_every_s
        self._current: _Client | None = None
        self._checked_at = -math.inf
        self._checked_generation = -1
        self._lock = threading.Lock()

    async def _client(self) -> _Client:
        current = self._current
        generation = credentials.generation()
        fresh = time.monotonic() - self._checked_at < self._check_every_s and generation == self._checked_generation
        if current is not None and fresh:
            return current
        async with read_scope(self._settings, self._clinic_id) as session:
            version = await credentials.active_version(session)
            if current is not None and version == current.version:
                self._checked_at, self._checked_generation = time.monotonic(), generation
                return current
            loaded = await credentials.load_active(session) if version is not None else None
        if loaded is None:
            made = _Client(None, self._fallback())
        else:
            version, stored = loaded
            made = _Client(
                version,
                build_channel(stored),
                sender=stored.get("sender_number") or None,
                sender_key=stored.get("kakao_sender_key") or None,
            )
        winner: _Client | None
        loser: _Client | None
        with self._lock:
            if self._current is not current:  # another task swapped first: keep theirs
                winner, loser = self._current, made
            else:
                winner, loser = made, current
                self._current = made
                self.name = made.client.name
                self._checked_at, self._checked_generation = time.monotonic(), generation
        if loser is not None:
            loser.retired = True
            await loser.close_when_idle()
        return winner if winner is not None else await self._client()

    def _refusal(self, exc: Exception) -> SendResult:
        return SendResult(
            accepted=False,
            provider=self.name,
            state="queued",
            error_code="channel_config",
            error_message=f"저장된 발송 설정을 쓸 수 없습니다 / stored channel settings unusable: {exc}",
            retriable=True,
        )

    @staticmethod
    def _stored(entry: _Client, message: OutboundMessage) -> OutboundMessage:
        if entry.sender or entry.sender_key:
            message = dataclasses.replace(
                message, sender=entry.sender or message.sender, sender_key=entry.sender_key or message.sender_key
            )
        return message

    async def open_handle(self, message: OutboundMessage) -> str | SendResult | None:
        return await self._through_client(message, lambda client, stored: client.open_handle(stored))

    async def send(self, message: OutboundMessage) -> SendResult:
        return await self._through_client(message, lambda client, stored: client.send(stored))

    async def lookup(self, message: OutboundMessage) -> SendResult | None:
        return await self._through_client(message, lambda client, stored: client.lookup(stored))

    async def _through_client(
        self, message: OutboundMessage, call: Callable[[ChannelClient, OutboundMessage], Awaitable[_T]]
    ) -> _T | SendResult:
        """``call`` on the clinic's current client (kept open while in flight), or the refusal of a bad config."""
        try:
            entry = await self._client()
        except (ChannelConfigError, DecryptionError) as exc:
            return self._refusal(exc)
        entry.in_flight += 1
        try:
            return await call(entry.client, self._stored(entry, message))
        finally:
            entry.in_flight -= 1
            await entry.close_when_idle()

    async def send_in_handle(self, messages: Sequence[OutboundMessage]) -> list[SendResult]:
        try:
            entry = await self._client()
        except (ChannelConfigError, DecryptionError) as exc:
            return [self._refusal(exc)] * len(messages)
        entry.in_flight += 1
        try:
            return await entry.client.send_in_handle([self._stored(entry, m) for m in messages])
        finally:
            entry.in_flight -= 1
            await entry.close_when_idle()

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        try:
            entry = await self._client()
        except (ChannelConfigError, DecryptionError):
            return []
        entry.in_flight += 1
        try:
            return await entry.client.poll_reports(provider_message_ids)
        finally:
            entry.in_flight -= 1
            await entry.close_when_idle()

    async def aclose(self) -> None:
        current, self._current = self._current, None
        self.name = "clinic"
        if current is not None:
            current.retired = True
            await current.close_when_idle()
