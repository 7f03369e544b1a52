"""The default channel: records every message and produces delivery reports; nothing leaves the machine.

Behaviour is deterministic: a message fails when its number is in ``fail_numbers`` (per kind, e.g. only
its AlimTalk) or when a seeded hash of its key falls under ``failure_rate``; its delivery report is ready
``report_delay`` after sending. ``reject_numbers`` are refused at send time instead (a 4xx-like answer).

With a ``journal`` folder each message is one file named by its idempotency key, created with
``O_EXCL``: a second send of the same key (a worker killed mid-send and retried) returns the first result
instead of recording twice, across processes. Without a journal the records live in memory (simulate).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runtime.channels.base import ChannelClient, DeliveryReport, DeliveryState, OutboundMessage, SendResult
from runtime.clock import Clock, SystemClock
from storage import crypto

PROVIDER = "sandbox"


@dataclass(frozen=True)
class SandboxRecord:
    message_id: str
    key: str
    kind: str
    to: str
    text: str
    purpose: str
    sent_at: str  # ISO 8601 UTC
    report_at: str
    final_state: str  # "delivered" | "failed"
    template_code: str | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)  # FriendTalk link buttons {"name", "url"}
    image_url: str | None = None


@dataclass
class SandboxChannel(ChannelClient):
    report_delay: timedelta = timedelta(0)
    failure_rate: float = 0.0
    seed: int = 0
    fail_numbers: Mapping[str, Iterable[str]] = field(default_factory=dict)  # number -> kinds ("*": all)
    reject_numbers: Iterable[str] = ()
    send_delay_s: float = 0.0  # a slow provider (crash tests kill a worker while it waits)
    journal: Path | None = None
    clock: Clock = field(default_factory=SystemClock)
    name: str = PROVIDER

    def __post_init__(self) -> None:
        self._records: dict[str, SandboxRecord] = {}
        self._lock = threading.Lock()
        if self.journal is not None:
            self.journal.mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_settings(cls, options: Mapping[str, Any], *, clock: Clock, journal: Path | None) -> SandboxChannel:
        """From a clinic's ``sandbox`` settings: report_delay_s, failure_rate, seed, fail_numbers, …"""
        fail = options.get("fail_numbers") or {}
        if not isinstance(fail, Mapping):  # a plain list fails every kind
            fail = {str(number): ["*"] for number in fail}
        return cls(
            report_delay=timedelta(seconds=float(options.get("report_delay_s", 0))),
            failure_rate=float(options.get("failure_rate", 0.0)),
            seed=int(options.get("seed", 0)),
            fail_numbers={_digits(k): list(v) for k, v in fail.items()},
            reject_numbers=[_digits(n) for n in options.get("reject_numbers") or ()],
            send_delay_s=float(options.get("send_delay_s", 0.0)),
            journal=journal,
            clock=clock,
        )

    def _fails(self, message: OutboundMessage) -> bool:
        kinds = set(self.fail_numbers.get(_digits(message.to), ()))
        if "*" in kinds or message.kind in kinds:
            return True
        if self.failure_rate <= 0:
            return False
        digest = hashlib.sha256(f"{self.seed}:{message.key}:{message.kind}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.failure_rate

    async def send(self, message: OutboundMessage) -> SendResult:
        if self.send_delay_s:
            import asyncio

            await asyncio.sleep(self.send_delay_s)
        if _digits(message.to) in set(self.reject_numbers):
            return SendResult(
                accepted=False,
                provider=PROVIDER,
                state="failed",
                error_code="rejected",
                error_message="샌드박스: 수신 번호 거부 / sandbox: number rejected",
            )
        now = self.clock.now()
        message_id = _message_id(message.key)
        record = SandboxRecord(
            message_id=message_id,
            key=message.key,
            kind=message.kind,
            to=message.to,
            text=message.text,
            purpose=message.purpose,
            sent_at=now.isoformat(),
            report_at=(now + self.report_delay).isoformat(),
            final_state="failed" if self._fails(message) else "delivered",
            template_code=message.template_code,
            buttons=[{"name": button.name, "url": button.url} for button in message.buttons],
            image_url=message.image_url,
        )
        stored = self._store(record)
        # With no report delay a delivered message is reported at once; failures still arrive as reports.
        at_once = not self.report_delay and stored.final_state == "delivered"
        state: DeliveryState = "delivered" if at_once else "sent"
        return SendResult(accepted=True, provider=PROVIDER, provider_message_id=stored.message_id, state=state)

    async def lookup(self, message: OutboundMessage) -> SendResult | None:
        """The journal's record of this outbox key, if an earlier attempt made one."""
        record = self._load(_message_id(message.key))
        if record is None:
            return None
        return SendResult(accepted=True, provider=PROVIDER, provider_message_id=record.message_id, state="sent")

    def _store(self, record: SandboxRecord) -> SandboxRecord:
        """Keep the first record of a key; a repeat returns it (idempotency across retries and crashes)."""
        with self._lock:
            if record.message_id in self._records:
                return self._records[record.message_id]
            if self.journal is not None:
                path = self.journal / f"{record.message_id}.json"
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    existing = _read_record(path)
                    self._records[record.message_id] = existing
                    return existing
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(_sealed(record), handle, ensure_ascii=False)
            self._records[record.message_id] = record
            return record

    def _load(self, message_id: str) -> SandboxRecord | None:
        with self._lock:
            if message_id in self._records:
                return self._records[message_id]
        if self.journal is None:
            return None
        path = self.journal / f"{message_id}.json"
        if not path.exists():
            return None
        return _read_record(path)

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        now = self.clock.now()
        reports = []
        for message_id in provider_message_ids:
            record = self._load(message_id)
            if record is None or datetime.fromisoformat(record.report_at) > now:
                continue
            failed = record.final_state == "failed"
            reports.append(
                DeliveryReport(
                    provider=PROVIDER,
                    provider_message_id=message_id,
                    state="failed" if failed else "delivered",
                    at=datetime.fromisoformat(record.report_at),
                    error_code="undeliverable" if failed else None,
                    error_message="샌드박스: 전달 실패 / sandbox: undeliverable" if failed else None,
                    report_id=f"{message_id}:final",
                )
            )
        return reports

    def records(self) -> list[SandboxRecord]:
        """Every message recorded (this process's memory plus the journal), oldest first."""
        found = dict(self._records)
        if self.journal is not None:
            for path in self.journal.glob("sbx-*.json"):
                found.setdefault(path.stem, _read_record(path))
        return sorted(found.values(), key=lambda r: (r.sent_at, r.message_id))


# The journal's personal fields, encrypted like the outbox's (storage/crypto.py): the recipient and the text.
_SEALED_FIELDS = ("to", "text")


def _sealed(record: SandboxRecord) -> dict[str, Any]:
    keyring = crypto.current()
    fields = asdict(record)
    for name in _SEALED_FIELDS:
        fields[name] = keyring.encrypt(fields[name], f"sandbox.{name}")
    return fields


def _read_record(path: Path) -> SandboxRecord:
    fields = json.loads(path.read_text("utf-8"))
    keyring = crypto.current()
    for name in _SEALED_FIELDS:
        if crypto.is_token(fields.get(name)):  # journals written before encryption hold plain values
            fields[name] = keyring.decrypt(fields[name], f"sandbox.{name}")
    return SandboxRecord(**fields)


def _message_id(key: str) -> str:
    """The sandbox's message id of an outbox key: one record per key (its journal file name)."""
    return "sbx-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def _digits(number: str) -> str:
    return "".join(ch for ch in str(number) if ch.isdigit())
