"""One load generator for both sides (loopback only, bounded in count and time).

- Closed loop: ``concurrency`` virtual senders; each POSTs an event, waits for its answer **and** for its SMS to
  reach the provider, then posts the next, until ``count`` events were posted. Executions per second = SMS
  arrived / (last arrival − first POST).
- Open loop: events POSTed at a fixed ``rate`` for ``count`` events whatever the answers; latency per event.

Latency = arrival at the fake provider (its clock) − start of the POST (ours); both on this machine's clock.
An event whose SMS has not arrived by the round's deadline is counted missing (and as the deadline in the
percentiles, so a side cannot look faster by losing work).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Target:
    """Where one side takes events."""

    name: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)


def phone_of(index: int) -> str:
    return f"010-{2000 + index // 10_000:04d}-{index % 10_000:04d}"


def event_of(index: int) -> dict[str, Any]:
    """The same booking event for both sides (n8n's webhook gets it as its body)."""
    return {
        "type": "appointment.booked",
        "external_id": f"peer-{index}",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": f"P-{index}", "name": "김민지", "phone": phone_of(index)},
        "appointment": {"id": f"apt-{index}", "starts_at": "2026-12-03T14:30:00+09:00"},
    }


def key_of(phone: str) -> str:
    return re.sub(r"\D", "", phone)


class Arrivals:
    """Polls the fake provider's arrival log; resolves the wait of each event once its SMS arrived."""

    def __init__(self, provider_url: str, interval_s: float = 0.02) -> None:
        self.provider_url = provider_url
        self.interval_s = interval_s
        self.first: dict[str, float] = {}  # key → first arrival (unix time)
        self.copies: dict[str, int] = {}  # key → how many times it arrived
        self.by_side: dict[str, int] = {}
        self._waiters: dict[str, asyncio.Future[float]] = {}
        self._cursor = 0
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Arrivals:
        self._client = httpx.AsyncClient(base_url=self.provider_url, timeout=10)
        self._task = asyncio.create_task(self._poll())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._client.aclose()

    async def _poll(self) -> None:
        while True:
            try:
                answer = await self._client.get("/peer/arrivals", params={"since": self._cursor})
                rows = answer.json()["arrivals"]
            except (httpx.HTTPError, ValueError, KeyError):
                rows = []
            self._cursor += len(rows)
            for side, key, at in rows:
                self.by_side[side] = self.by_side.get(side, 0) + 1
                self.copies[key] = self.copies.get(key, 0) + 1
                if key not in self.first:
                    self.first[key] = float(at)
                    waiter = self._waiters.pop(key, None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(float(at))
            await asyncio.sleep(self.interval_s)

    def expect(self, key: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if key in self.first:
            future.set_result(self.first[key])
        else:
            self._waiters[key] = future
        return future

    async def settle(self, keys: list[str], deadline: float) -> None:
        """Wait (until ``deadline``, monotonic) for every key's first arrival."""
        while any(k not in self.first for k in keys) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


@dataclass
class RoundResult:
    side: str
    mode: str  # "closed" | "open"
    events: int
    posted_ok: int = 0
    post_errors: int = 0
    arrived: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, missing ones as the deadline
    # (index, POST start, first arrival or None), unix times: bench/peer/stages.py splits our latency by stage
    timeline: list[tuple[int, float, float | None]] = field(default_factory=list)
    cpu_s: float = 0.0
    cpu_by_process: dict[str, float] = field(default_factory=dict)  # e.g. serve / worker / redis
    first_error: str = ""
    # Checks that the bench itself was not the limit, and how busy the shared machine was.
    provider_cpu_s: float = 0.0
    loadgen_cpu_s: float = 0.0
    load_average_1m: float = 0.0

    @property
    def missing(self) -> int:
        return self.events - self.arrived

    @property
    def executions_per_s(self) -> float:
        return self.arrived / self.seconds if self.seconds else 0.0


async def _post(client: httpx.AsyncClient, target: Target, index: int, result: RoundResult) -> None:
    try:
        answer = await client.post(target.url, json=event_of(index), headers=target.headers)
    except httpx.HTTPError as exc:
        result.post_errors += 1
        result.first_error = result.first_error or repr(exc)
        return
    if answer.status_code >= 300:
        result.post_errors += 1
        result.first_error = result.first_error or f"{answer.status_code} {answer.text[:200]}"
    else:
        result.posted_ok += 1


def _finish(result: RoundResult, arrivals: Arrivals, posts: dict[int, float], timeout_s: float) -> None:
    latencies, last = [], 0.0
    for index, posted_at in posts.items():
        key = key_of(phone_of(index))
        at = arrivals.first.get(key)
        result.timeline.append((index, posted_at, at))
        if at is None:
            latencies.append(timeout_s)
            continue
        result.arrived += 1
        result.duplicates += arrivals.copies.get(key, 1) - 1
        latencies.append(max(0.0, at - posted_at))
        last = max(last, at)
    result.latencies = sorted(latencies)
    first = min(posts.values()) if posts else 0.0
    result.seconds = max(0.0, last - first) if result.arrived else timeout_s


async def closed_loop(
    target: Target, arrivals: Arrivals, first_index: int, count: int, concurrency: int, timeout_s: float
) -> RoundResult:
    result = RoundResult(target.name, "closed", count)
    posts: dict[int, float] = {}
    next_index = iter(range(first_index, first_index + count))
    deadline = time.monotonic() + timeout_s
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:

        async def sender() -> None:
            for index in next_index:
                if time.monotonic() > deadline:
                    return
                waiter = arrivals.expect(key_of(phone_of(index)))
                posts[index] = time.time()
                await _post(client, target, index, result)
                try:
                    await asyncio.wait_for(waiter, max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    return

        await asyncio.gather(*(sender() for _ in range(concurrency)))
    for index in range(first_index, first_index + count):
        posts.setdefault(index, time.time())  # never posted before the deadline: missing
    _finish(result, arrivals, posts, timeout_s)
    return result


async def open_loop(
    target: Target, arrivals: Arrivals, first_index: int, count: int, rate: float, timeout_s: float
) -> RoundResult:
    result = RoundResult(target.name, "open", count)
    posts: dict[int, float] = {}
    # No cap on connections: a slow answer must not hold back the next event (that would close the loop).
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=100)
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:
        tasks = []
        for n, index in enumerate(range(first_index, first_index + count)):
            delay = started + n / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            posts[index] = time.time()
            tasks.append(asyncio.create_task(_post(client, target, index, result)))
        await asyncio.gather(*tasks)
    keys = [key_of(phone_of(i)) for i in posts]
    await arrivals.settle(keys, started + timeout_s)
    _finish(result, arrivals, posts, timeout_s)
    return result
