"""The counting provider of `make bench-peer` (bench/peer/provider.py) counts both sides' sends the same way:
a real SOLAPI client's send (our side) and a plain JSON POST (n8n's HTTP Request node)."""

from __future__ import annotations

import dataclasses

import httpx

from bench.peer.loadgen import event_of, key_of, phone_of
from bench.peer.provider import CountingProvider
from runtime.channels.solapi import SolapiClient
from tests.support.messages import SMS


async def test_both_sides_arrive_keyed_by_the_recipients_digits() -> None:
    with CountingProvider() as provider:
        client = SolapiClient(provider.settings())
        result = await client.send(dataclasses.replace(SMS, to=key_of(phone_of(1))))
        await client.aclose()
        assert result.accepted, result
        async with httpx.AsyncClient(base_url=provider.url) as http:
            posted = await http.post("/peer/send", json={"to": event_of(2)["patient"]["phone"], "text": "t"})
            assert posted.status_code == 200
            arrivals = (await http.get("/peer/arrivals", params={"since": 0})).json()["arrivals"]
            later = (await http.get("/peer/arrivals", params={"since": 1})).json()["arrivals"]
    assert [(side, to) for side, to, _ in arrivals] == [("doctorsflow", "01020000001"), ("n8n", "01020000002")]
    assert [(side, to) for side, to, _ in later] == [("n8n", "01020000002")]
