"""A counting fake SOLAPI for the soak test (bench/soak.py): how often each message reached the provider.

:class:`CountingSolapi` is :class:`~tests.support.fakes.solapi_fake.SolapiFake` (same contract, same signature and
replay checks) that also

- counts every accepted message per ``(recipient, text)`` and stamps when each copy was accepted
  (``time.monotonic()``), whatever endpoint accepted it: it counts what lands in ``SolapiFake.messages``;
- answers HTTP 500 to every request during an outage window (:meth:`outage`), before processing it, and
  counts those answers;
- can hold the answers to sends it has already accepted (:meth:`hold` … :meth:`release`), so that a client
  killed meanwhile dies with its message accepted but unanswered — a SIGKILL aimed at in-flight sends;
- keeps a timeline of every request (:attr:`timeline`: when, which route, which status), so a soak can show
  when the clients tried again after an outage (bench/soak_timeline.py).
"""

from __future__ import annotations

import re
import sys
import threading
import time
import traceback
from collections import Counter, defaultdict
from typing import Any

from tests.support.fakes._http import Reply, Request
from tests.support.fakes.solapi_fake import SolapiFake

_GROUP_ID = re.compile(r"/groups/[^/]+")


def route(method: str, path: str) -> str:
    """A request's route without its group id: ``PUT /messages/v4/groups/{id}/messages``."""
    return f"{method} {_GROUP_ID.sub('/groups/{id}', path)}"


class CountingSolapi(SolapiFake):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.balance = 1_000_000_000.0  # a soak must never run out of cash
        self.accepted: Counter[tuple[str, str]] = Counter()
        self.accepted_at: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.refused_during_outage = 0
        self.outage_window: tuple[float, float] | None = None  # (start, end) on time.monotonic()
        self._counted = 0  # how many records of ``self.messages`` are counted already
        self._released = threading.Event()
        self._released.set()
        self.held = 0  # sends accepted whose answer is held right now
        self.timeline: list[tuple[float, str, int]] = []  # (time.monotonic(), route, HTTP status) per request
        vars(self._server)["handle_error"] = self._handle_error  # an instance attribute shadows the method

    def outage(self, seconds: float, status: int = 500) -> tuple[float, float]:
        """From now on, every request is answered ``status`` for ``seconds``; returns the window."""
        start = time.monotonic()
        self.outage_window = (start, start + seconds)
        self.failures.fail_for(seconds, status)
        return self.outage_window

    def hold(self) -> None:
        """From now on, answer accepted sends only after :meth:`release` (at most 30 s later)."""
        self._released.clear()

    def release(self) -> None:
        self._released.set()

    def _dispatch(self, request: Request) -> Reply:
        reply = super()._dispatch(request)
        with self.lock:
            self.timeline.append((time.monotonic(), route(request.method, request.path), reply.status))
        if not self._released.is_set() and request.method == "POST" and "send" in request.path:
            with self.lock:
                self.held += 1
            self._released.wait(30)
            with self.lock:
                self.held -= 1
        return reply

    def handle(self, request: Request) -> Reply:
        reply = super().handle(request)  # runs under self.lock (FakeHttpServer._dispatch)
        if len(self.messages) > self._counted:
            now = time.monotonic()
            for record in list(self.messages.values())[self._counted :]:
                key = (str(record.get("to") or ""), str(record.get("text") or ""))
                self.accepted[key] += 1
                self.accepted_at[key].append(now)
            self._counted = len(self.messages)
        return reply

    @staticmethod
    def _handle_error(request: object, client_address: object) -> None:
        """A client SIGKILLed mid-request resets its connection: expected in a soak, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            traceback.print_exc()

    def failure_reply(self, status: int) -> Reply:
        with self.lock:
            self.refused_during_outage += 1
        return super().failure_reply(status)

    def snapshot(self) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], list[float]]]:
        """A consistent copy of the counts and acceptance times."""
        with self.lock:
            return Counter(self.accepted), {k: list(v) for k, v in self.accepted_at.items()}

    def total(self) -> int:
        with self.lock:
            return sum(self.accepted.values())
