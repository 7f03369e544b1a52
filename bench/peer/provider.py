"""The counting fake provider both sides send to, in its own process (its CPU is neither side's).

A :class:`SolapiFake` (tests/support/fakes) that records when each accepted message arrived, keyed by the
recipient's number (digits only), plus two endpoints of the bench:

- ``POST /peer/send`` (``{"to": …, "text": …}``): the send of n8n's HTTP Request node, counted the same way;
- ``GET /peer/arrivals?since=I``: arrivals from index ``I`` on, ``[[side, to, unix time], …]`` (the load
  generator polls it to close its loop and to measure latency from POST to provider).

Run: ``python -m bench.peer.provider`` prints ``{"url": …, "api_key": …, "api_secret": …}`` on one line.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time

from tests.support.fakes import SolapiFake
from tests.support.fakes._http import Reply, Request


class CountingProvider(SolapiFake):
    def __init__(self) -> None:
        super().__init__()
        self.arrivals: list[tuple[str, str, float]] = []  # (side, to, unix time), in arrival order
        self._arrival_lock = threading.Lock()

    def handle(self, request: Request) -> Reply:
        if request.path == "/peer/send" and request.method == "POST":
            body = request.json() or {}
            self._arrive("n8n", [str(body.get("to", ""))])
            return Reply(200, {"statusCode": "2000", "to": body.get("to")})
        if request.path == "/peer/arrivals":
            since = int(request.arg("since") or 0)
            with self._arrival_lock:
                return Reply(200, {"arrivals": self.arrivals[since:]})
        before = len(self.messages)
        reply = super().handle(request)
        if len(self.messages) > before:  # messages accepted for sending (send-many, or a sent group)
            added = list(self.messages.values())[before:]
            self._arrive("doctorsflow", [str(m.get("to", "")) for m in added])
        return reply

    def _arrive(self, side: str, recipients: list[str]) -> None:
        now = time.time()
        with self._arrival_lock:
            self.arrivals.extend((side, re.sub(r"\D", "", to), now) for to in recipients)


def main() -> int:
    provider = CountingProvider()
    provider.start()
    print(json.dumps({"url": provider.url, "api_key": provider.api_key, "api_secret": provider.api_secret}), flush=True)
    try:
        sys.stdin.read()  # until the bench closes our stdin (or dies)
    finally:
        provider.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
