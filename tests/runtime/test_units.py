"""Pure parts: send-time rules, event validation, the sandbox channel, join semantics of the walk."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nodes.channels import CHANNELS, get_channel
from runtime.channels.base import OutboundMessage
from runtime.channels.sandbox import SandboxChannel
from runtime.clock import SEOUL, VirtualClock
from runtime.events import validate_event
from runtime.interpreter import Graph, RunData, walk
from runtime.policy import Decision, decide
from runtime.views import mask_name, mask_phone

CLINIC: dict[str, str] = {}
moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(SEOUL))


def _decide(channel: str, purpose: str, now: datetime, **consents: bool | None) -> Decision:
    return decide(
        channel=get_channel(channel),
        purpose=purpose,
        consents=consents,
        opted_out=False,
        has_phone=True,
        now=now,
        clinic_settings=CLINIC,
    )


@given(moments)
def test_friendtalk_is_never_sent_between_20_and_8(now: datetime) -> None:
    decision = _decide("friendtalk", "advertising", now, marketing=True, night_ads=True)
    local = now.astimezone(SEOUL)
    night = local.hour >= 20 or local.hour < 8
    assert decision.action == ("hold" if night else "send")
    if night:
        assert decision.until is not None
        until = decision.until.astimezone(SEOUL)
        assert (until.hour, until.minute) == (8, 0) and timedelta(0) < until - local <= timedelta(hours=12)


@given(moments, st.booleans())
def test_sms_ads_at_night_need_night_consent(now: datetime, night_ads: bool) -> None:
    decision = _decide("sms", "advertising", now, marketing=True, night_ads=night_ads)
    local = now.astimezone(SEOUL)
    night = local.hour >= 21 or local.hour < 8
    assert decision.action == ("hold" if night and not night_ads else "send")


def test_consent_and_opt_out_rules() -> None:
    noon = datetime(2026, 12, 1, 12, 0, tzinfo=SEOUL)
    assert _decide("sms", "advertising", noon).action == "skip"
    assert _decide("alimtalk", "informational", noon).action == "send"
    assert _decide("alimtalk", "informational", noon, treatment=False).action == "skip"
    opted = decide(
        channel=CHANNELS["sms"],
        purpose="informational",
        consents={},
        opted_out=True,
        has_phone=True,
        now=noon,
        clinic_settings={},
    )
    assert opted.action == "skip" and "수신거부" in (opted.reason or "")
    custom = {"night_sms_start": "22:00"}
    late = datetime(2026, 12, 1, 21, 30, tzinfo=SEOUL)
    consents = {"marketing": True}
    assert (
        decide(
            channel=CHANNELS["sms"],
            purpose="advertising",
            consents=consents,
            opted_out=False,
            has_phone=True,
            now=late,
            clinic_settings=custom,
        ).action
        == "send"
    )


@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["type", "external_id", "occurred_at", "patient", "appointment", "consent", "phone", "id", "x"]
                ),
                c,
                max_size=5,
            )
        ),
    )
)
def test_event_validation_never_raises_and_always_names_a_path(payload: object) -> None:
    problems = validate_event(payload)
    assert problems, "random data is never a valid event"
    assert all(p.message and " / " in p.message for p in problems)


def test_valid_event_has_no_problems() -> None:
    payload = {
        "type": "consent.granted",
        "external_id": "k-1",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"phone": "010-1234-5678"},
        "consent": {"purpose": "marketing", "method": "kiosk"},
    }
    assert validate_event(payload) == []
    assert validate_event({**payload, "consent": {"purpose": "marketing"}})[0].path == "/consent/method"


async def test_sandbox_is_idempotent_per_key_across_instances(tmp_path: Path) -> None:
    clock = VirtualClock(datetime(2026, 12, 1, tzinfo=UTC))
    message = OutboundMessage(
        key="run:1:node:a", kind="sms", purpose="informational", to="01012345678", sender="", text="hi"
    )
    first = await SandboxChannel(journal=tmp_path, clock=clock).send(message)
    again = await SandboxChannel(journal=tmp_path, clock=clock).send(message)
    assert first.provider_message_id == again.provider_message_id
    assert len(list(tmp_path.glob("*.json"))) == 1
    failing = SandboxChannel(fail_numbers={"01012345678": ["sms"]}, report_delay=timedelta(minutes=1), clock=clock)
    sent = await failing.send(message)
    assert await failing.poll_reports([sent.provider_message_id or ""]) == []
    clock.advance(timedelta(minutes=1))
    (report,) = await failing.poll_reports([sent.provider_message_id or ""])
    assert report.state == "failed"


def test_a_node_with_two_incoming_paths_acts_once() -> None:
    # Given a diamond: start → a, start → b, a → join, b → join
    document = {
        "nodes": [
            {"id": "start", "type": "trigger.manual"},
            {"id": "a", "type": "patient.tag", "params": {"add": ["a"]}},
            {"id": "b", "type": "patient.tag", "params": {"add": ["b"]}},
            {"id": "join", "type": "notify.staff", "params": {"text": "joined"}},
        ],
        "edges": [
            {"source": "start", "target": "a"},
            {"source": "start", "target": "b"},
            {"source": "a", "target": "join"},
            {"source": "b", "target": "join"},
        ],
    }
    now = datetime(2026, 12, 1, tzinfo=UTC)
    data = RunData(now, now, {"name": "김민지"}, None, {"name": "의원"}, {}, {})
    # When the walk runs both paths
    results = walk(Graph.from_document(document), ["a", "b"], {"start"}, data)
    # Then the join acts exactly once (when first reached)
    assert [r.node_id for r in results] == ["a", "b", "join"]


def test_masking() -> None:
    assert mask_name("김민지") == "김*지"
    assert mask_name("남궁민수") == "남**수"
    assert mask_phone("01012345678") == "010-****-5678"
