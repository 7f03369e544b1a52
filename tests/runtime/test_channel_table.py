"""The channel table (nodes/channels.py) on the message path: kinds, night rules, rates, unknown channels."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from nodes.channels import CHANNELS, KINDS, NIGHT_DEFAULTS, ChannelName, MessageTooLongError, euckr_len, message_kind
from runtime.billing.rates import DEFAULT_RATES, RATE_PROVIDERS
from runtime.clock import SEOUL
from runtime.context import Runtime
from runtime.outbox import deliver, resolve_kind
from runtime.policy import decide
from storage.db import session_scope
from storage.models import OutboxMessage, Patient
from storage.models.clinic import DEFAULT_SETTINGS
from tests.support.documents import START, event, workflow


@given(st.sampled_from(sorted(CHANNELS)), st.text(max_size=1200))
def test_every_channel_gives_one_of_its_kinds_or_refuses_by_its_limits(name: str, text: str) -> None:
    channel = CHANNELS[name]
    try:
        kind = message_kind(channel, text)
    except MessageTooLongError:
        assert (channel.max_chars and len(text) > channel.max_chars) or (
            channel.max_bytes and euckr_len(text) > channel.max_bytes
        )
        return
    assert kind in channel.kinds
    assert resolve_kind(name, text) == kind


def test_every_provider_prices_every_kind() -> None:
    assert {provider: set(rates) for provider, rates in DEFAULT_RATES.items()} == {
        provider: set(KINDS) for provider in RATE_PROVIDERS
    }


def test_clinic_defaults_hold_the_tables_night_windows() -> None:
    assert {key: DEFAULT_SETTINGS[key] for key in NIGHT_DEFAULTS} == NIGHT_DEFAULTS


@pytest.mark.parametrize("start,held", [("20:00", True), ("21:00", False)])
def test_friendtalk_night_starts_at_the_clinics_setting(start: str, held: bool) -> None:
    at = datetime(2026, 12, 1, 20, 30, tzinfo=SEOUL)
    decision = decide(
        channel=CHANNELS["friendtalk"],
        purpose="advertising",
        consents={"marketing": True, "night_ads": True},
        opted_out=False,
        has_phone=True,
        now=at,
        clinic_settings={"night_friendtalk_start": start},
    )
    assert decision.action == ("hold" if held else "send")
    if held:
        assert decision.reason == "친구톡 야간 발송 금지 / no FriendTalk at night"


async def test_a_row_whose_channel_is_not_in_the_table_fails_with_a_reason(rt: Runtime, clinic_id: int) -> None:
    # Given an outbox row for a channel the table does not know (a node type ahead of its providers)
    assert resolve_kind("brand", "안내") is None
    async with session_scope(rt.settings, clinic_id) as session:
        patient = Patient(clinic_id=clinic_id, name="김민지", phone="01012345678")
        session.add(patient)
        await session.flush()
        row = OutboxMessage(
            clinic_id=clinic_id,
            key="run:0:node:brand",
            node_id="brand",
            patient_id=patient.id,
            channel="brand",
            kind=None,
            purpose="informational",
            text="안내",
            status="pending",
            due_at=START - timedelta(minutes=1),
        )
        session.add(row)
        await session.flush()
        message_id = row.id
    # When a worker delivers it
    assert await deliver(rt, message_id) == []
    # Then it is recorded as failed with a bilingual reason, and nothing was sent
    async with session_scope(rt.settings, None) as session:
        stored = (await session.execute(select(OutboxMessage))).scalar_one()
    assert (stored.status, stored.error_code, stored.sent_at) == ("failed", "unknown_channel", None)
    assert "'brand'" in (stored.error_message or "") and " / " in (stored.error_message or "")


async def test_simulate_explains_a_node_whose_channel_no_provider_sends(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a node type (registered for this test) that sends on a channel the table does not have
    from nodes.base import ExecutionContext, Outcome, SendMessage
    from nodes.registry import REGISTRY
    from runtime.simulate import simulate

    def brand(ctx: ExecutionContext) -> Outcome:
        text = ctx.render(str(ctx.params["text"]))
        unknown = cast(ChannelName, "brand")  # a channel missing from the table
        return Outcome(effects=(SendMessage(channel=unknown, purpose="informational", text=text),))

    node = dataclasses.replace(REGISTRY["send.sms"], type="send.brand_message", execute=brand)
    monkeypatch.setitem(REGISTRY, "send.brand_message", node)
    document = workflow(
        [
            {"id": "start", "type": "trigger.patient_created"},
            {"id": "b", "type": "send.brand_message", "params": {"text": "안녕하세요", "purpose": "informational"}},
        ],
        [("start", "b")],
    )
    # When it is simulated
    report = await simulate(document, event("patient.created", "p-1"))
    # Then nothing crashes: the message is listed as not sent, with the reason
    assert report["messages"] == []
    assert [s["node"] for s in report["skipped"]] == ["b"]
    assert "'brand'" in report["skipped"][0]["reason"]
