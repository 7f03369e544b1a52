"""Executors are pure: given a context they decide ports, waits and effects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from nodes.base import Failover, NotifyStaff, SendMessage, TagPatient
from nodes.registry import REGISTRY
from nodes.timeutil import SEOUL
from tests.nodes.conftest import make_context


def run(type_name: str, params: dict[str, Any], **kw: Any) -> Any:
    return REGISTRY[type_name].execute(make_context(params, **kw))


def seoul(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def test_triggers_follow_out() -> None:
    for type_name, node in REGISTRY.items():
        if node.category == "trigger":
            assert run(type_name, {}).ports == ("out",)


def test_trigger_filters_match_the_event_procedure() -> None:
    completed = REGISTRY["trigger.procedure_completed"]
    assert completed.matches is not None
    event = {"type": "procedure.completed", "appointment": {"procedure": "lasik"}}
    assert completed.matches({"procedures": ["lasik", "lasek"]}, event)
    assert not completed.matches({"procedures": ["cataract"]}, event)
    assert completed.matches({}, event) and completed.matches({"procedures": []}, {"type": "x"})
    consent = REGISTRY["trigger.consent_granted"]
    assert consent.matches is not None
    assert consent.matches({"purpose": "marketing"}, {"consent": {"purpose": "marketing"}})
    assert not consent.matches({"purpose": "marketing"}, {"consent": {"purpose": "night_ads"}})


def test_wait_until_day_after_trigger_at_ten_seoul() -> None:
    # Given a procedure completed at 17:00 Seoul
    trigger_at = seoul(2026, 12, 1, 17, 0)
    outcome = run("wait.until", {"anchor": "trigger", "offset_days": 1, "at": "10:00"}, trigger_at=trigger_at)
    # Then the run waits until 10:00 Seoul the next day
    assert outcome.wait_until == seoul(2026, 12, 2, 10, 0)
    assert outcome.ports == ("out",)


def test_wait_until_reads_utc_trigger_in_seoul_date() -> None:
    # 2026-12-01 20:00 UTC is already 12-02 05:00 in Seoul: day 1 is 12-03
    trigger_at = datetime.fromisoformat("2026-12-01T20:00:00+00:00")
    outcome = run("wait.until", {"anchor": "trigger", "offset_days": 1, "at": "10:00"}, trigger_at=trigger_at)
    assert outcome.wait_until == seoul(2026, 12, 3, 10, 0)


def test_wait_until_day_before_appointment_at_18() -> None:
    outcome = run("wait.until", {"anchor": "appointment", "offset_days": -1, "at": "18:00"})
    assert outcome.wait_until == seoul(2026, 12, 2, 18, 0)


def test_wait_until_past_time_continues_now_or_stops() -> None:
    late = seoul(2026, 12, 3, 9, 0)
    params = {"anchor": "appointment", "offset_days": -1, "at": "18:00"}
    outcome = run("wait.until", params, now=late)
    assert outcome.wait_until is None and outcome.ports == ("out",) and outcome.reason
    stopped = run("wait.until", {**params, "if_past": "stop"}, now=late)
    assert stopped.ports == () and stopped.reason


def test_wait_until_without_appointment_stops_with_reason() -> None:
    outcome = run("wait.until", {"anchor": "appointment", "at": "18:00"}, appointment=None)
    assert outcome.ports == () and "예약" in (outcome.reason or "")


def test_wait_until_moves_holidays_to_next_business_day() -> None:
    # Chuseok 2026: 9/24–9/26 (Thu–Sat); 9/27 is Sunday → Monday 9/28
    params = {"anchor": "trigger", "offset_days": 1, "at": "10:00", "skip_weekends_holidays": True}
    outcome = run("wait.until", params, now=seoul(2026, 9, 23, 9), trigger_at=seoul(2026, 9, 23, 9))
    assert outcome.wait_until == seoul(2026, 9, 28, 10, 0)
    weekday = run("wait.until", params, now=seoul(2026, 9, 21, 9), trigger_at=seoul(2026, 9, 21, 9))
    assert weekday.wait_until == seoul(2026, 9, 22, 10, 0)


def test_wait_until_before_the_anchor_moves_to_the_previous_business_day() -> None:
    # Given an appointment on Monday 2026-09-28 (the day before is Sunday, Chuseok holidays before that)
    appointment = {"id": "a", "starts_at": "2026-09-28T10:00:00+09:00"}
    params = {"anchor": "appointment", "offset_days": -1, "at": "18:00", "skip_weekends_holidays": True}
    outcome = run("wait.until", params, appointment=appointment, now=seoul(2026, 9, 20, 9))
    # Then the reminder goes on Wednesday 09-23, the last business day before, never after the appointment
    assert outcome.wait_until == seoul(2026, 9, 23, 18, 0)


def test_wait_duration_adds_days_hours_minutes() -> None:
    outcome = run("wait.duration", {"days": 1, "hours": 2, "minutes": 30})
    assert outcome.wait_until == seoul(2026, 12, 2, 11, 30)


@pytest.mark.parametrize(
    ("params", "port"),
    [
        ({"field": "patient.sex", "op": "eq", "value": "F"}, "yes"),
        ({"field": "patient.sex", "op": "ne", "value": "F"}, "no"),
        ({"field": "patient.age", "op": "gte", "value": 36}, "yes"),  # born 1990-05-01, now 2026-12-01
        ({"field": "patient.age", "op": "gt", "value": 36}, "no"),
        ({"field": "appointment.procedure", "op": "in", "value": ["cataract", "lasik"]}, "yes"),
        ({"field": "appointment.procedure", "op": "not_in", "value": ["lasik"]}, "yes"),
        ({"field": "appointment.doctor", "op": "contains", "value": "서준"}, "yes"),
        ({"field": "patient.tags", "op": "exists"}, "no"),
        ({"field": "patient.tags", "op": "not_exists"}, "yes"),
        ({"field": "patient.tags", "op": "contains", "value": "vip"}, "no"),
        ({"field": "patient.sex", "op": "lt", "value": 3}, "no"),  # incomparable → no
    ],
)
def test_branch_condition_chooses_a_port(params: dict[str, Any], port: str) -> None:
    outcome = run("branch.condition", params)
    assert outcome.ports == (port,), outcome.reason


def test_branch_condition_reads_patient_tags() -> None:
    patient = {"name": "김민지", "tags": ["vip", "lasik"]}
    assert run(
        "branch.condition", {"field": "patient.tags", "op": "contains", "value": "vip"}, patient=patient
    ).ports == ("yes",)


def test_branch_consent_follows_current_consent() -> None:
    assert run("branch.consent", {"purpose": "marketing"}, consents={"marketing": True}).ports == ("yes",)
    assert run("branch.consent", {"purpose": "marketing"}, consents={"treatment": True}).ports == ("no",)
    assert run("branch.consent", {"purpose": "night_ads"}).ports == ("no",)


def test_end_stops_the_path() -> None:
    assert run("end", {}).ports == ()


def test_send_sms_renders_text_and_keeps_purpose() -> None:
    outcome = run(
        "send.sms",
        {"text": "{{ patient.name }}님 {{ appointment.starts_at | time }}", "purpose": "advertising"},
    )
    (message,) = outcome.effects
    assert message == SendMessage(channel="sms", purpose="advertising", text="김민지님 오후 2시 30분")


def test_send_alimtalk_fills_the_approved_template_and_failover() -> None:
    clinic = {"name": "밝은눈안과", "alimtalk_templates": {"D1": {"text": "#{이름}님, 수술 다음 날입니다."}}}
    params = {
        "template": "D1",
        "variables": {"이름": "{{ patient.name }}"},
        "failover": {"channel": "sms", "text": "{{ clinic.name }}"},
    }
    (message,) = run("send.alimtalk", params, clinic=clinic).effects
    assert message.channel == "alimtalk" and message.purpose == "informational"
    assert message.text == "김민지님, 수술 다음 날입니다."
    assert message.variables == {"이름": "김민지"} and message.template == "D1"
    assert message.failover == Failover(channel="sms", text="밝은눈안과")
    (no_failover,) = run("send.alimtalk", {**params, "failover": False}, clinic=clinic).effects
    assert no_failover.failover is None
    (absent,) = run("send.alimtalk", {"template": "D1"}, clinic=clinic).effects
    assert absent.failover is None
    (own_text,) = run("send.alimtalk", {"template": "D1", "failover": {"channel": "sms"}}, clinic=clinic).effects
    assert own_text.failover == Failover(channel="sms", text=None)  # the AlimTalk's own text


def test_send_friendtalk_is_advertising_with_buttons() -> None:
    params = {
        "text": "(광고) {{ clinic.name }}",
        "buttons": [{"name": "예약", "url": "https://example.kr/r"}],
    }
    (message,) = run("send.friendtalk", params).effects
    assert message.purpose == "advertising" and message.text == "(광고) 밝은눈안과"
    assert message.buttons == ({"name": "예약", "url": "https://example.kr/r"},)


def test_tag_and_notify_effects() -> None:
    assert run("patient.tag", {"add": ["lasik"], "remove": ["lead"]}).effects == (TagPatient(("lasik",), ("lead",)),)
    (notice,) = run("notify.staff", {"text": "{{ patient.chart_no }} 확인", "recipients": ["010-1111-2222"]}).effects
    assert notice == NotifyStaff(text="A-1001 확인", recipients=("010-1111-2222",))
