"""Headers on every answer (the router's 404/405 too), HSTS only behind https, no caching of the API, and
forwarded headers believed only from DOCTORSFLOW_TRUSTED_PROXIES."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage.proxies import client_address, request_scheme
from storage.security import CSP, HSTS


@pytest.fixture
async def proxied(app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests arrive from 127.0.0.1, like those of a reverse proxy on the same host."""
    transport = httpx.ASGITransport(app=cast(Any, app), client=("127.0.0.1", 40000))  # Litestar is an ASGI app
    async with AsyncTestClient(app), httpx.AsyncClient(transport=transport, base_url="http://x.example") as client:
        yield client  # (the AsyncTestClient only runs the app's start-up)


def _scope(peer: str, **headers: str) -> dict[str, object]:
    return {
        "type": "http",
        "scheme": "http",
        "client": (peer, 1234),
        "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()],
    }


async def test_404_and_405_carry_the_security_headers(anonymous_client: AsyncTestClient[Litestar]) -> None:
    for answer in (
        await anonymous_client.get("/api/no-such-route"),
        await anonymous_client.delete("/api/auth/login"),  # 405
        await anonymous_client.get("/schema/openapi.json"),
    ):
        assert answer.headers["content-security-policy"] == CSP, answer.status_code
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["cache-control"] == "no-store"
    assert (await anonymous_client.delete("/api/auth/login")).status_code == 405


async def test_patient_data_is_never_cached(client: AsyncTestClient[Litestar]) -> None:
    answer = await client.get("/api/patients")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"


async def test_hsts_only_when_a_trusted_proxy_says_https(
    proxied: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not trusted: X-Forwarded-Proto is the client's own claim and is ignored
    answer = await proxied.get("/api/nope", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in answer.headers
    # Trusted proxy on loopback: its https is believed
    monkeypatch.setenv("DOCTORSFLOW_TRUSTED_PROXIES", "127.0.0.1")
    answer = await proxied.get("/api/nope", headers={"X-Forwarded-Proto": "https"})
    assert answer.headers["strict-transport-security"] == HSTS
    assert "strict-transport-security" not in (await proxied.get("/api/nope")).headers


async def test_rotating_x_forwarded_for_does_not_escape_the_address_lock(proxied: httpx.AsyncClient) -> None:
    # Given an attacker on the server's own host and no trusted proxy configured
    statuses = []
    for attempt in range(22):  # more than the 20 failures an address may make; a new account name each time
        answer = await proxied.post(
            "/api/auth/login",
            json={"email": f"guess{attempt}@clinic.kr", "password": "wrong password"},
            headers={"X-Forwarded-For": f"203.0.113.{attempt}"},
        )
        statuses.append(answer.status_code)
    # Then the address is locked all the same
    assert statuses[-1] == 429, statuses


def test_forwarded_for_counts_only_from_a_trusted_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCTORSFLOW_TRUSTED_PROXIES", raising=False)
    monkeypatch.delenv("DOCTORSFLOW_TRUST_PROXY", raising=False)
    spoofed = _scope("127.0.0.1", x_forwarded_for="198.51.100.7", x_forwarded_proto="https")
    assert client_address(spoofed) == "127.0.0.1" and request_scheme(spoofed) == "http"
    monkeypatch.setenv("DOCTORSFLOW_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1")
    assert client_address(spoofed) == "198.51.100.7" and request_scheme(spoofed) == "https"
    # The client's own claims come first in the list: the last untrusted hop is the client
    chain = _scope("10.1.1.1", x_forwarded_for="6.6.6.6, 198.51.100.7, 10.2.2.2")
    assert client_address(chain) == "198.51.100.7"
    # A peer outside the list is the client, whatever it says
    assert client_address(_scope("192.0.2.9", x_forwarded_for="1.2.3.4")) == "192.0.2.9"
