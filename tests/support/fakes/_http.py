"""A real local HTTP server (127.0.0.1, a free port, a thread) for fake providers, with scripted failures.

A fake subclasses :class:`FakeHttpServer` and implements ``handle(request) -> Reply``. Before ``handle``
runs, the :class:`FailureScript` may answer instead (500/503/429 …), delay the answer, or let the request
through and then lose the answer ("processed, but the client saw a 500") — the case idempotency keys exist
for.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

HOST = "127.0.0.1"


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    hold_s: float = 0.0  # answer only after this long (the request was processed already)
    drop: bool = False  # close the connection instead of answering (the request was processed already)


@dataclass
class _Step:
    status: int | None = None  # answer with this status (None: handle normally)
    delay_s: float = 0.0
    after_processing: bool = False  # handle the request, then answer ``status`` instead of the real reply
    drop: bool = False  # handle the request, then close the connection without any answer


class FailureScript:
    """Misbehaviour consumed in order: ``fail_next(3)``; ``fail_for(60)``; ``slow_next(1, 2.0)`` …"""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._steps: deque[_Step] = deque()
        self._window: tuple[float, int] | None = None  # (until, status)
        self._lock = threading.Lock()

    def fail_next(self, count: int, status: int = 500, *, after_processing: bool = False) -> None:
        with self._lock:
            self._steps.extend(_Step(status=status, after_processing=after_processing) for _ in range(count))

    def pass_next(self, count: int) -> None:
        """Let the next ``count`` requests through untouched (to script a later one)."""
        with self._lock:
            self._steps.extend(_Step() for _ in range(count))

    def drop_next(self, count: int) -> None:
        """Process the next ``count`` requests, then close each connection without answering (the client sees
        the connection dropped after its request left: the provider accepted it, the answer never came)."""
        with self._lock:
            self._steps.extend(_Step(drop=True) for _ in range(count))

    def rate_limit_next(self, count: int) -> None:
        self.fail_next(count, 429)

    def slow_next(self, count: int, seconds: float) -> None:
        with self._lock:
            self._steps.extend(_Step(delay_s=seconds) for _ in range(count))

    def fail_for(self, seconds: float, status: int = 500) -> None:
        """Every request fails with ``status`` until ``seconds`` have passed on the script's clock."""
        with self._lock:
            self._window = (self._clock() + seconds, status)

    def clear(self) -> None:
        with self._lock:
            self._steps.clear()
            self._window = None

    def take(self) -> _Step | None:
        with self._lock:
            if self._window and self._clock() < self._window[0]:
                return _Step(status=self._window[1])
            return self._steps.popleft() if self._steps else None


DROPPED = Reply(0, drop=True)  # the connection is closed without an answer


def error_body(status: int) -> dict[str, str]:
    return {
        "errorCode": "TooManyRequests" if status == 429 else "InternalError",
        "errorMessage": f"scripted failure {status}",
    }


class FakeHttpServer:
    """Base of the fake providers: start/stop, request log, failure script, JSON replies."""

    def __init__(self) -> None:
        self.failures = FailureScript()
        self.requests: list[Request] = []
        self.lock = threading.RLock()
        self._send_faults: deque[tuple[bool, float]] = deque()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, so clients can reuse connections

            def setup(self) -> None:
                super().setup()
                # Headers and body are separate writes: without this, Nagle + delayed ACK add ~40 ms.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                request = Request(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
                reply = fake._dispatch(request)
                if reply.drop:
                    self.close_connection = True
                    return
                payload = b"" if reply.body is None else json.dumps(reply.body, ensure_ascii=False).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._server.server_port}"

    def start(self) -> FakeHttpServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def after_next_send(self, *, drop: bool = False, hold_s: float = 0.0) -> None:
        """The next request that makes messages go (a send, not a look-up) is processed, then its connection
        dropped (``drop``) or its answer held ``hold_s`` seconds: the provider accepted, the client cannot know."""
        with self.lock:
            self._send_faults.append((drop, hold_s))

    def sent(self, reply: Reply) -> Reply:
        """Called by a fake on the reply of a request that made messages go: applies :meth:`after_next_send`."""
        if reply.status == 200 and self._send_faults:
            reply.drop, reply.hold_s = self._send_faults.popleft()
        return reply

    def _dispatch(self, request: Request) -> Reply:
        with self.lock:
            self.requests.append(request)
        step = self.failures.take()
        if step and step.delay_s:
            time.sleep(step.delay_s)
        if step and step.status is not None and not step.after_processing:
            return self.failure_reply(step.status)
        try:
            with self.lock:
                reply = self.handle(request)
        except Exception as exc:  # a bug in a fake must show up as a 500, not a hung client
            return Reply(500, {"errorCode": "FakeServerBug", "errorMessage": repr(exc)})
        if reply.hold_s:
            time.sleep(reply.hold_s)  # outside the lock: other requests are answered meanwhile
        if step and step.drop:
            return DROPPED
        if step and step.status is not None:
            return self.failure_reply(step.status)
        return reply

    def failure_reply(self, status: int) -> Reply:
        return Reply(status, error_body(status))

    def handle(self, request: Request) -> Reply:
        raise NotImplementedError
