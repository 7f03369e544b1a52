"""Several test clients of one running app: each with its own cookies (its own log-in), one app lifespan.

Litestar runs an app's start-up once per ``AsyncTestClient`` entered, and an app started twice at once leaks
what the first start opened (its event emitter's stream: a ResourceWarning). So the app is started once, and
every client sends its requests through that one running app (its blocking portal).
"""

from __future__ import annotations

from types import TracebackType

from litestar import Litestar
from litestar.testing import AsyncTestClient


class AppClients:
    """``async with AppClients(app) as clients: a, b = clients.new(), clients.new()``."""

    def __init__(self, app: Litestar) -> None:
        self.app = app
        self._running = AsyncTestClient(app=app)

    async def __aenter__(self) -> AppClients:
        await self._running.__aenter__()
        return self

    def new(self) -> AsyncTestClient[Litestar]:
        """A fresh client (no cookies) of the running app."""
        client = AsyncTestClient(app=self.app)
        client.blocking_portal = self._running.blocking_portal  # requests go to the app started above
        return client  # nothing to close: its transport calls the app in-process

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._running.__aexit__(exc_type, exc, tb)
