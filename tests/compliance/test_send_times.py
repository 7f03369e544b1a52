"""Send-time sets: rotations, cron reading, and robustness on any input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compliance.send_times import channel_night
from nodes.send_window import ANY_TIME, DAY, describe_minutes
from nodes.send_window import hhmm_minute as _hhmm
from nodes.send_window import rotate as _rotate
from nodes.trigger_schedule.schedule import cron_minutes


def _cron_minutes(expression: object) -> int:
    return cron_minutes({"cron": expression})


@given(st.integers(min_value=0, max_value=ANY_TIME), st.integers(min_value=0, max_value=10 * DAY))
def test_rotation_is_a_bijection_on_the_day(bits: int, minutes: int) -> None:
    rotated = _rotate(bits, minutes)
    assert 0 <= rotated <= ANY_TIME
    assert bin(rotated).count("1") == bin(bits).count("1")
    assert _rotate(rotated, DAY - minutes % DAY) == bits


@given(st.text())
def test_any_cron_text_gives_a_non_empty_set(expression: str) -> None:
    bits = _cron_minutes(expression)
    assert 0 < bits <= ANY_TIME


def test_cron_hours_and_minutes() -> None:
    assert describe_minutes(_cron_minutes("30 9,22 * * 1-5")) == "09:30, 22:30"
    assert _cron_minutes("not a cron") == ANY_TIME


def test_night_windows() -> None:
    friendtalk, sms = channel_night("friendtalk"), channel_night("sms")
    assert friendtalk is not None and sms is not None and channel_night("alimtalk") is None
    assert friendtalk.minutes >> (20 * 60) & 1 and not friendtalk.minutes >> (19 * 60 + 59) & 1
    assert sms.minutes >> (21 * 60) & 1 and not sms.minutes >> (20 * 60 + 59) & 1
    assert sms.minutes >> (7 * 60 + 59) & 1 and not sms.minutes >> (8 * 60) & 1
    assert (friendtalk.label, sms.label) == ("20:00–08:00", "21:00–08:00")


def test_night_windows_are_the_clinics_settings() -> None:
    night = channel_night("sms", {"night_sms_start": "22:30", "night_end": "07:00"})
    assert night is not None and night.label == "22:30–07:00"
    assert night.minutes >> (22 * 60 + 30) & 1 and not night.minutes >> (22 * 60 + 29) & 1
    assert night.minutes >> (6 * 60 + 59) & 1 and not night.minutes >> (7 * 60) & 1


@given(st.text(max_size=8))
def test_hhmm_reads_only_valid_times(value: str) -> None:
    minutes = _hhmm(value)
    assert minutes is None or 0 <= minutes < DAY
