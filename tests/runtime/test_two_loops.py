"""Cause 1 of issue 13: the worker's Dramatiq loop and its scheduler thread's loop share one Runtime. A provider
client (an ``httpx.AsyncClient``: keep-alive connections bound to the loop that opened them) must not be shared
between them: each loop gets its own, closed with its loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Mapping
from functools import partial
from typing import Any

from runtime.channels.base import OutboundMessage, SendResult
from runtime.context import Runtime
from storage.db import dispose_engines
from tests.support.fakes import SolapiFake
from tests.support.solapi import use_solapi


async def _send(rt: Runtime, clinic_id: int, settings: Mapping[str, Any], message: OutboundMessage) -> SendResult:
    return await rt.channel_for(clinic_id, settings).send(message)


def sms(key: str, to: str) -> OutboundMessage:
    return OutboundMessage(
        key=key, kind="sms", purpose="informational", to=to, sender="0212345678", text="내일 오전 10시 예약입니다."
    )


class LoopThread(threading.Thread):
    """A thread running its own event loop until stopped (like the scheduler thread next to Dramatiq's loop)."""

    def __init__(self, name: str) -> None:
        super().__init__(name=name, daemon=True)
        self.loop = asyncio.new_event_loop()

    def run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def call(self, make: Callable[[], Awaitable[Any]], timeout: float = 30.0) -> Any:
        async def wrapped() -> Any:
            return await make()

        return asyncio.run_coroutine_threadsafe(wrapped(), self.loop).result(timeout)

    def stop(self, runtime: Runtime) -> None:
        self.call(runtime.aclose_loop_channels)
        self.call(dispose_engines)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.join(10)
        self.loop.close()


async def test_two_loops_sharing_a_runtime_each_send_on_their_own_connections(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given a clinic on (fake) SOLAPI and two long-lived loops in two threads, both using the same Runtime
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    settings = {"provider": "solapi", "solapi_api_key": solapi_fake.api_key, "solapi_base_url": solapi_fake.url}
    settings["solapi_api_secret"] = solapi_fake.api_secret
    await dispose_engines()
    worker, scheduler = LoopThread("dramatiq-loop"), LoopThread("scheduler-loop")
    worker.start()
    scheduler.start()
    try:
        results: list[SendResult] = []
        # When each loop sends in turn, twice (the second send of each would reuse a keep-alive connection)
        for round_ in range(2):
            for n, loop in enumerate((worker, scheduler)):
                key, to = f"run:{round_}{n}:node:a", f"0105555{round_}{n:03d}"
                results.append(loop.call(partial(_send, rt, clinic_id, settings, sms(key, to))))
    finally:
        worker.stop(rt)
        scheduler.stop(rt)
    # Then no send saw another loop's connection: all four accepted, each exactly once at the provider
    assert [r.error_code for r in results] == [None] * 4, [r.error_message for r in results]
    assert all(r.accepted for r in results)
    assert sorted(solapi_fake.accepted_counts().values()) == [1, 1, 1, 1]
