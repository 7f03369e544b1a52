"""A local HTTP endpoint that records webhook calls (what a provider posts to us) and answers 200."""

from __future__ import annotations

from tests.support.fakes._http import FakeHttpServer, Reply, Request


class WebhookSink(FakeHttpServer):
    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[bytes] = []

    def handle(self, request: Request) -> Reply:
        self.bodies.append(request.body)
        return Reply(200, {"ok": True})
