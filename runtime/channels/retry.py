"""When to try a send again: exponential back-off with full jitter, only for retriable results.

The runtime's Dramatiq retry middleware asks :meth:`RetryPolicy.delay_after` for the wait before attempt
``n + 1`` (and gives up at ``max_attempts``, leaving the outbox row queued for the scheduler, never
dropped). :func:`send_with_retries` does the same in-process for callers without a broker (the connection
check, the CLI, tests). The outbox key stays the same across attempts, so NHN Cloud refuses a duplicate.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from runtime.channels.base import ChannelClient, OutboundMessage, SendResult


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    base_delay_s: float = 2.0
    max_delay_s: float = 300.0

    def should_retry(self, result: SendResult, attempt: int) -> bool:
        """``attempt`` counts from 1: the attempt that produced ``result``."""
        return result.retriable and not result.accepted and attempt < self.max_attempts

    def delay_after(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based): uniform in [0, min(cap, base·2^(n-1))]."""
        ceiling = min(self.max_delay_s, self.base_delay_s * 2 ** (attempt - 1))
        return (rng or random).uniform(0, ceiling)


async def send_with_retries(
    client: ChannelClient,
    message: OutboundMessage,
    policy: RetryPolicy | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> tuple[SendResult, int]:
    """Send, retrying retriable failures per ``policy``; returns the last result and the attempts made."""
    policy = policy or RetryPolicy()
    attempt = 0
    while True:
        attempt += 1
        result = await client.send(message)
        if not policy.should_retry(result, attempt):
            return result, attempt
        await sleep(policy.delay_after(attempt))
