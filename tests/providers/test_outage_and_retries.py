"""A provider outage leaves messages queued, not lost, and every message is delivered exactly once."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from runtime.channels.base import ChannelClient, OutboundMessage, SendResult
from runtime.channels.nhncloud import NhnCloudClient
from runtime.channels.solapi import SolapiClient
from runtime.outbox import RETRY_CAP_S, retry_delay_s
from tests.support.fakes import NhnCloudFake, SolapiFake
from tests.support.fakes._http import FailureScript
from tests.support.messages import SMS


class VirtualClock:
    """Time for the fake's outage window and the scheduler's passes: no real waiting in tests."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def sms(key: str) -> OutboundMessage:
    return replace(SMS, key=key)


async def deliver_all(client: ChannelClient, keys: list[str], clock: VirtualClock) -> dict[str, SendResult]:
    """A miniature outbox: rows stay queued while results are retriable; the scheduler re-runs them."""
    queued, done = list(keys), {}
    for _round in range(150):
        for key in list(queued):
            result = await client.send(sms(key))
            if result.accepted or not result.retriable:
                done[key] = result
                queued.remove(key)
        if not queued:
            break
        await clock.sleep(5.0)  # the outbox's first back-off before the scheduler hands the row out again
    assert not queued, f"still queued: {queued}"
    return done


async def test_solapi_500_for_a_minute_then_recovery_delivers_every_message_once(solapi_fake: SolapiFake) -> None:
    # Given SOLAPI answers 500 for 60 (virtual) seconds
    clock = VirtualClock()
    solapi_fake.failures = FailureScript(clock=clock)
    solapi_fake.failures.fail_for(60.0, 500)
    client = SolapiClient(solapi_fake.settings())
    keys = [f"run:{i}:node:remind" for i in range(20)]
    # When the outbox keeps retrying
    results = await deliver_all(client, keys, clock)
    await client.aclose()
    # Then every message was accepted once, after the outage
    assert all(r.accepted for r in results.values())
    assert all(solapi_fake.delivered_count(k) == 1 for k in keys)
    assert clock.now >= 60.0 and len(solapi_fake.messages) == 20


async def test_nhn_lost_answers_during_an_outage_never_duplicate(nhncloud_fake: NhnCloudFake) -> None:
    # Given NHN processes requests but the answers are lost (500), then 503s, then recovers
    clock = VirtualClock()
    nhncloud_fake.failures.fail_next(5, 500, after_processing=True)
    nhncloud_fake.failures.fail_next(5, 503)
    client = NhnCloudClient(nhncloud_fake.settings())
    keys = [f"run:{i}:node:remind" for i in range(10)]
    results = await deliver_all(client, keys, clock)
    await client.aclose()
    # Then each outbox key produced exactly one message at NHN, thanks to the idempotency key
    assert all(r.accepted for r in results.values())
    assert [nhncloud_fake.count_by_grouping_key(k) for k in keys] == [1] * 10


async def test_4xx_is_final_not_retriable(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings(api_secret="wrong"))
    result = await client.send(sms("k"))
    await client.aclose()
    assert not result.accepted and not result.retriable and len(solapi_fake.requests) == 1


@given(st.integers(min_value=1, max_value=60))
def test_outbox_backoff_doubles_from_5_s_up_to_the_cap(attempts: int) -> None:
    delay = retry_delay_s(attempts)
    assert delay == min(RETRY_CAP_S, 5 * 2 ** (attempts - 1)) and 5 <= delay <= RETRY_CAP_S


async def test_solapi_lost_answers_during_an_outage_never_duplicate(solapi_fake: SolapiFake) -> None:
    # Given SOLAPI processes requests but the answers are lost (500), then refuses (503), then recovers
    solapi_fake.failures.fail_next(5, 500, after_processing=True)
    solapi_fake.failures.fail_next(5, 503)
    client = SolapiClient(solapi_fake.settings())
    keys = [f"run:{i}:node:remind" for i in range(10)]
    results = await deliver_all(client, keys, VirtualClock())
    await client.aclose()
    # Then each outbox key has exactly one message at SOLAPI (found by customFields.outboxKey on retry)
    assert all(r.accepted for r in results.values())
    assert [solapi_fake.delivered_count(k) for k in keys] == [1] * 10
