"""Provider client figures against the local fake servers (no internet): send rate, batch rate, parsing.

The fakes are Python http.server threads, so absolute send rates measure our client plus the fake; they
are for comparing changes, not for predicting SOLAPI's or NHN's own throughput.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from runtime.billing.rates import euckr_len
from runtime.channels.base import OutboundMessage
from runtime.channels.nhncloud import NhnCloudClient
from runtime.channels.solapi import SolapiClient, parse_solapi_webhook
from tests.support.fakes import NhnCloudFake, SolapiFake


def _sms(i: int) -> OutboundMessage:
    return OutboundMessage(
        key=f"bench:{i}",
        kind="sms",
        purpose="informational",
        to="01012345678",
        sender="0212345678",
        text="내일 오전 10시 진료 예약이 있습니다.",
    )


async def _send_rate(client: Any, count: int, concurrency: int) -> float:
    semaphore = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with semaphore:
            result = await client.send(_sms(i))
            assert result.accepted, result

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(count)))
    return count / (time.perf_counter() - started)


async def _measure(quick: bool) -> list[dict[str, Any]]:
    count = 200 if quick else 1000
    figures: list[dict[str, Any]] = []
    with SolapiFake() as solapi, NhnCloudFake() as nhn:
        client = SolapiClient(solapi.settings())
        for concurrency in (1, 8):
            rate = await _send_rate(client, count, concurrency)
            figures.append(
                {
                    "bench": "providers.solapi_sends_per_s",
                    "value": round(rate, 1),
                    "unit": "msg/s",
                    "concurrency": concurrency,
                    "messages": count,
                }
            )
        batch = [_sms(i) for i in range(100)]
        started = time.perf_counter()
        rounds = 5 if quick else 20
        for _ in range(rounds):
            await client.send_batch(batch)
        figures.append(
            {
                "bench": "providers.solapi_batch_msgs_per_s",
                "value": round(100 * rounds / (time.perf_counter() - started), 1),
                "unit": "msg/s",
                "batch": 100,
            }
        )
        await client.aclose()
        nhn_client = NhnCloudClient(nhn.settings())
        rate = await _send_rate(nhn_client, count, 8)
        figures.append(
            {
                "bench": "providers.nhncloud_sends_per_s",
                "value": round(rate, 1),
                "unit": "msg/s",
                "concurrency": 8,
                "messages": count,
            }
        )
        await nhn_client.aclose()
    return figures


def _parsing(quick: bool) -> list[dict[str, Any]]:
    n = 2000 if quick else 20000
    body = json.dumps(
        [
            {
                "eventDataId": f"e{i}",
                "data": {"messageId": f"M{i}", "statusCode": "4000", "dateReceived": "2026-12-01T01:00:00Z"},
            }
            for i in range(n)
        ]
    )
    started = time.perf_counter()
    parse_solapi_webhook(body)
    reports_rate = n / (time.perf_counter() - started)
    text = "안녕하세요 김민지님, 내일 오전 10시 진료 예약이 있습니다. 😀" * 4
    started = time.perf_counter()
    for _ in range(n):
        euckr_len(text)
    return [
        {"bench": "providers.webhook_reports_per_s", "value": round(reports_rate), "unit": "reports/s"},
        {
            "bench": "providers.euckr_len_per_s",
            "value": round(n / (time.perf_counter() - started)),
            "unit": "texts/s",
            "chars": len(text),
        },
    ]


def run(quick: bool) -> list[dict[str, Any]]:
    return asyncio.run(_measure(quick)) + _parsing(quick)
