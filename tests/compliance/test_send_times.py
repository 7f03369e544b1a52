"""Send-time sets: rotations, cron reading, and robustness on any input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compliance.send_times import ANY_TIME, DAY, NIGHT, _cron_minutes, _hhmm, _rotate, describe_minutes


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
    assert NIGHT["friendtalk"] >> (20 * 60) & 1 and not NIGHT["friendtalk"] >> (19 * 60 + 59) & 1
    assert NIGHT["sms"] >> (21 * 60) & 1 and not NIGHT["sms"] >> (20 * 60 + 59) & 1
    assert NIGHT["sms"] >> (7 * 60 + 59) & 1 and not NIGHT["sms"] >> (8 * 60) & 1


@given(st.text(max_size=8))
def test_hhmm_reads_only_valid_times(value: str) -> None:
    minutes = _hhmm(value)
    assert minutes is None or 0 <= minutes < DAY
