"""Campaign schedules (cron in Seoul time), segments, and Korean business days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nodes.timeutil import SEOUL, holiday_name, is_business_day, next_business_day, parse_datetime
from nodes.trigger_schedule import is_valid_cron, next_fire, segment_matches


def test_cron_fires_in_seoul_time() -> None:
    # 2026-11-29 16:00 UTC is Monday 11-30 01:00 in Seoul: the next Monday-10:00 is that same Monday
    fire = next_fire({"cron": "0 10 * * 1"}, datetime(2026, 11, 29, 16, 0, tzinfo=UTC))
    assert fire == datetime(2026, 11, 30, 10, 0, tzinfo=SEOUL)
    assert next_fire({"cron": "0 10 15 3,9 *"}, fire) == datetime(2027, 3, 15, 10, 0, tzinfo=SEOUL)


def test_only_five_field_crons_are_valid() -> None:
    assert is_valid_cron("*/15 9-18 * * 1-5")
    assert not is_valid_cron("0 10 * * 1 2026")
    assert not is_valid_cron("0 24 * * *")
    assert not is_valid_cron("@daily")


def test_segment_needs_marketing_consent_and_tags() -> None:
    params = {"cron": "0 10 * * 1", "segment": {"tags": ["vip"], "exclude_tags": ["수신거부"], "procedures": ["lasik"]}}
    patient = {"tags": ["vip"]}
    assert segment_matches(params, patient, {"marketing": True}, {"lasik"})
    assert not segment_matches(params, patient, {}, {"lasik"})  # marketing consent only by default
    assert not segment_matches(params, {"tags": ["vip", "수신거부"]}, {"marketing": True}, {"lasik"})
    assert not segment_matches(params, patient, {"marketing": True}, {"cataract"})
    everyone = {"cron": "0 10 * * 1", "segment": {"marketing_consent_only": False}}
    assert segment_matches(everyone, {}, {})


def test_korean_business_days() -> None:
    assert holiday_name(date(2026, 9, 25)) == "추석"
    assert not is_business_day(date(2026, 10, 5))  # substitute holiday for 개천절 (Saturday 10-03)
    assert next_business_day(date(2026, 10, 3)) == date(2026, 10, 6)
    assert next_business_day(date(2026, 12, 2)) == date(2026, 12, 2)


def test_naive_times_are_seoul() -> None:
    assert parse_datetime("2026-12-03T14:30:00") == datetime(2026, 12, 3, 14, 30, tzinfo=SEOUL)
    assert parse_datetime("2026-12-03T05:30:00Z") == datetime(2026, 12, 3, 14, 30, tzinfo=SEOUL)
