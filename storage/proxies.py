"""Which reverse proxies may speak for a client: ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are believed only
from the addresses in ``DOCTORSFLOW_TRUSTED_PROXIES`` (comma-separated addresses or networks, e.g.
``127.0.0.1,10.0.0.0/8``). From anyone else they are ignored: a client that could name its own address
would walk around the per-address log-in lock by rotating the header.

``DOCTORSFLOW_TRUST_PROXY=1`` without a list (the older setting) trusts a proxy on the same host (loopback).
"""

from __future__ import annotations

import ipaddress
import logging
import os
from functools import lru_cache
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
TRUSTED_PROXIES_ENV = "DOCTORSFLOW_TRUSTED_PROXIES"
LOOPBACK = "127.0.0.1/8,::1"

log = logging.getLogger("doctorsflow.proxies")


def trusted_proxies() -> tuple[Network, ...]:
    configured = os.environ.get(TRUSTED_PROXIES_ENV, "").strip()
    if not configured and os.environ.get("DOCTORSFLOW_TRUST_PROXY", "").lower() in ("1", "true", "yes"):
        configured = LOOPBACK
    return _parse(configured)


@lru_cache(maxsize=8)
def _parse(text: str) -> tuple[Network, ...]:
    networks: list[Network] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            log.warning("%s: not an address or network, ignored: %r", TRUSTED_PROXIES_ENV, item)
    return tuple(networks)


def is_trusted(host: str | None) -> bool:
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a unix socket or a test client's name: never a proxy
    return any(address in network for network in trusted_proxies())


def _header(scope: Any, name: bytes) -> str | None:
    values = [value for key, value in scope.get("headers", []) if key.lower() == name]
    return ", ".join(v.decode("latin-1") for v in values) if values else None


def _peer(scope: Any) -> str | None:
    client = scope.get("client")
    return str(client[0]) if client else None


def client_address(scope: Any) -> str | None:
    """The client's address: the peer itself, or — when the peer is a trusted proxy — the last address in
    ``X-Forwarded-For`` that is not itself a trusted proxy (earlier entries are the client's own claims)."""
    peer = _peer(scope)
    forwarded = _header(scope, b"x-forwarded-for") if is_trusted(peer) else None
    if not forwarded:
        return peer
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop):
            return hop
    return hops[0] if hops else peer


def request_scheme(scope: Any) -> str:
    """``https`` or ``http`` as the browser used it: ``X-Forwarded-Proto`` counts only from a trusted proxy."""
    scheme = str(scope.get("scheme", "http"))
    if is_trusted(_peer(scope)):
        forwarded = _header(scope, b"x-forwarded-proto")
        if forwarded:
            return forwarded.split(",")[-1].strip().lower() or scheme
    return scheme
