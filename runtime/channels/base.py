"""The interface every delivery channel implements (sandbox, SOLAPI, NHN Cloud).

The runtime hands a channel one :class:`OutboundMessage` per outbox row. ``key`` is the outbox row's
idempotency key — stable across retries, worker crashes and Redis restarts — and a channel passes it to
the provider where the provider supports idempotency (NHN Cloud ``X-NC-API-IDEMPOTENCY-KEY``).

Exactly once (docs/providers/README.md, "Exactly once"): before the first request that could send, the runtime
asks :meth:`ChannelClient.open_handle` for a provider-side handle and stores it on the outbox row (SOLAPI: the
group id; providers that take our key as theirs need none). ``OutboundMessage.resume`` tells a channel that an
earlier attempt of this row may have reached the provider: it asks the provider about ``handle`` / ``key``
first and never sends blindly.

Exceptions: a channel never raises for a provider's answer; it returns a :class:`SendResult` whose
``retriable`` says whether the runtime may try again (5xx, 429, time-outs) or must record a failure (4xx), and
``uncertain`` that the request may have been accepted (the answer was lost): the next attempt resumes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from nodes.channels import MessageKind as MessageKind  # re-exported for the provider clients
from nodes.channels import Purpose

DeliveryState = Literal["queued", "sent", "delivered", "failed"]


@dataclass(frozen=True)
class Button:
    """A web-link button under a Kakao message: label ≤ 14 characters, an https address."""

    name: str
    url: str


@dataclass(frozen=True)
class OutboundMessage:
    key: str  # outbox idempotency key, e.g. "run:42:node:care1"
    kind: MessageKind  # resolved by the runtime: sms vs lms by EUC-KR byte length
    purpose: Purpose
    to: str  # E.164-less Korean mobile, digits only: "01012345678"
    sender: str  # registered sender number (SMS) — clinic setting
    text: str
    subject: str | None = None  # LMS title
    template_code: str | None = None  # AlimTalk
    variables: Mapping[str, str] = field(default_factory=dict)  # AlimTalk #{변수} values, keys without #{}
    sender_key: str | None = None  # Kakao channel sender key / pfId — clinic setting
    failover_text: str | None = None  # provider-side SMS/LMS failover text (None: no provider failover)
    buttons: tuple[Button, ...] = ()  # FriendTalk / Brand Message link buttons, at most 5
    image_url: str | None = None  # FriendTalk / Brand Message image (https)
    handle: str | None = None  # provider-side handle stored on the row before the send (SOLAPI group id)
    resume: bool = False  # an earlier attempt may have reached the provider: ask about handle / key first


@dataclass(frozen=True)
class SendResult:
    accepted: bool
    provider: str
    provider_message_id: str | None = None
    state: DeliveryState = "sent"
    error_code: str | None = None
    error_message: str | None = None  # Korean first, English after " / "
    retriable: bool = False
    cost_krw: float = 0.0
    # The request may have reached the provider and been accepted (a lost answer, a broken connection, an
    # exception while reading): never "failed"; the next attempt resumes (asks the provider) instead of sending.
    uncertain: bool = False


@dataclass(frozen=True)
class DeliveryReport:
    provider: str
    provider_message_id: str
    state: DeliveryState
    at: datetime
    error_code: str | None = None
    error_message: str | None = None
    report_id: str | None = None  # provider's event id, for idempotent handling
    failover_sent: bool = False  # the provider itself already resent by SMS/LMS


class ChannelClient(ABC):
    """A provider connection configured for one clinic."""

    name: str

    @abstractmethod
    async def send(self, message: OutboundMessage) -> SendResult:
        """Hand one message to the provider. Never raises for provider answers."""

    async def open_handle(self, message: OutboundMessage) -> str | SendResult | None:
        """A provider-side handle to store on the outbox row before :meth:`send` (None: the provider takes the
        outbox key itself, nothing to store), or the failure that kept it from being made. Never sends."""
        return None

    async def lookup(self, message: OutboundMessage) -> SendResult | None:
        """What became of an earlier attempt of ``message`` (by ``handle`` / ``key``, never by phone), sending
        nothing: its result when the provider has it, None when the provider never got it, an uncertain
        result when the provider could not say. Default: uncertain (a channel that cannot be asked)."""
        from runtime.channels._results import uncertain

        return uncertain(self.name, "this channel cannot be asked")

    async def send_in_handle(self, messages: Sequence[OutboundMessage]) -> list[SendResult]:
        """Send first attempts that share one handle (made by :meth:`open_handle` and stored on each of their
        rows), in as few requests as the provider allows; results in order. Default: one by one."""
        return [await self.send(message) for message in messages]

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        """Delivery reports for messages sent earlier (providers without webhooks). Default: none."""
        return []

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most channels hold nothing
        """Release connections."""
