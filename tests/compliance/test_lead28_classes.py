"""Session 28 (lead): classes the merge showed — a fee waived beside a national check-up is the clinic's offer, and
the written reading of a negation passes over a short topic before its 불가 as the analysis does — each on sentences
written for these tests (not corpus lines)."""

from __future__ import annotations

import pytest

from compliance.negation import negated_by_analysis, negated_in_writing
from tests.support.compliance import korean_ad, rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "[하늘내과] 국가검진 받으시는 날 위내시경을 함께 하시면 수면비는 받지 않습니다.",
        "[하늘내과] 국가건강검진 오시는 분께는 수면 마취 비용도 면제해 드립니다.",
    ],
)
def test_a_fee_waived_beside_a_national_check_up_is_the_clinics_offer(text: str) -> None:
    assert "MSA-INDUCEMENT" in rule_ids(text, "sms", "advertising")


def test_a_national_check_up_announced_stays_no_offer() -> None:
    text = "[하늘내과] 올해 국가검진 대상자이시면 공단에서 검진 비용을 부담합니다. 신분증을 지참해 주세요."
    assert "MSA-INDUCEMENT" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[하람의원] 무료 주차는 불가하고 대중교통을 이용해 주세요.", "무료"),
        ("[하람의원] 할인 적용은 불가합니다.", "할인"),
        ("[하람의원] 무료 셔틀이 운행합니다. 주차는 불가합니다.", "무료"),
    ],
)
def test_the_written_reading_of_a_negation_after_a_short_topic_is_the_analysis_reading(text: str, word: str) -> None:
    end = text.index(word) + len(word)
    assert negated_in_writing(text, end) == negated_by_analysis(text, end)


@pytest.mark.parametrize(
    "body",
    ["시술 후 붓기가 없으면 다음 날부터 운동하셔도 됩니다.", "출혈이 없어도 거즈는 한 시간 물고 계세요."],
)
def test_a_symptom_made_a_condition_of_care_advice_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in korean_ad(body)


def test_a_symptom_denied_outright_stays_a_safety_claim() -> None:
    assert "MSA-SAFETY-CLAIM" in korean_ad("붓기도 통증도 전혀 없는 리프팅입니다.")


@pytest.mark.parametrize(
    "body", ["약 드시는 시간을 잊지 않도록 알림을 보내 드립니다.", "정기 검진을 거르지 않게 미리 문자로 알려 드립니다."]
)
def test_a_reminders_purpose_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in korean_ad(body)


def test_a_result_promised_stays_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in korean_ad("한 번이면 효과를 100% 보장합니다.")


@pytest.mark.parametrize(
    "body",
    [
        "낡은 장비를 모두 교체하고 새 레이저를 도입했습니다.",
        "We were fully booked: patients rushed to book after the broadcast.",
    ],
)
def test_the_senders_own_renewal_or_patients_rushing_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in korean_ad(body)


def test_old_equipment_blamed_on_other_places_stays_a_disparagement() -> None:
    body = "낡은 장비를 교체하지 않고 그대로 쓰는 곳에서 받으시면 화상 위험이 큽니다."
    assert "MSA-DEFAME" in korean_ad(body)
