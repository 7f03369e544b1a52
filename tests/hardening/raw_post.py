"""Posting a raw body the way a broken or hostile client would, as the right caller for the path."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient


async def raw_post_problem(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], path: str, body: bytes
) -> dict[str, Any]:
    """The first problem of a 400 answer to ``body`` sent as JSON to ``path`` (log-in routes anonymously)."""
    caller = anonymous_client if path.startswith("/api/auth") else client
    answer = await caller.post(path, content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text
    problem: dict[str, Any] = answer.json()["errors"][0]
    return problem
