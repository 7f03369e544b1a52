"""Session 27 (lead): the public-programme checks no longer withdraw a clinic's own offer beside them — a fee the clinic
says it bears itself (저희가 부담합니다, 병원에서 부담합니다), and "…비도 지원합니다", whose 도 is a particle, not a
province (도 지원); a programme the state or the insurer pays for stays a fact, not an inducement."""

from __future__ import annotations

import pytest

from compliance.text_rules import lint_text

AD = "(광고) 하늘내과\n{}\n*부작용·개인차가 있을 수 있습니다\n무료수신거부 080-123-4567"


def _rules(text: str, channel: str = "friendtalk", purpose: str = "advertising") -> set[str]:
    return {finding.rule for finding in lint_text(text, channel, purpose)}


@pytest.mark.parametrize(
    "offer",
    [
        "국가검진 받으러 오시는 분의 추가 갑상선 초음파 비용은 저희가 부담합니다. 예약하세요.",
        "국가검진 오시는 분들께 추가 초음파 검사비는 병원에서 부담합니다.",
        "지방에서 오시는 환자분께는 숙박비도 지원합니다. 위 내시경 상담을 예약하세요.",
    ],
)
def test_the_clinics_own_offer_beside_a_public_programme_is_an_inducement(offer: str) -> None:
    assert "MSA-INDUCEMENT" in _rules(AD.format(offer))


@pytest.mark.parametrize(
    "fact",
    [
        "국가검진은 공단에서 비용을 부담합니다. 예약일에 신분증을 지참하세요.",
        "경기도 지원 사업으로 독감 예방접종이 무료입니다. 신분증을 지참하세요.",
    ],
)
def test_a_programme_the_state_pays_for_stays_a_fact(fact: str) -> None:
    assert not _rules(fact, "sms", "informational") & {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"}


EN_AD = "(광고) Daon Skin Clinic\n{}\nSide effects may occur; results vary. 무료수신거부 080-515-2290"


@pytest.mark.parametrize(
    "promise",
    [
        "Not satisfied with the result? The touch-up session is free of charge.",
        "If you are not satisfied with your lips after 4 weeks, we'll redo them at no cost.",
    ],
)
def test_an_english_redo_on_the_clinic_when_the_result_disappoints_is_a_guarantee(promise: str) -> None:
    assert "MSA-GUARANTEE" in _rules(EN_AD.format(promise))


def test_an_english_satisfaction_survey_is_no_guarantee() -> None:
    survey = "If you're not happy with anything about your visit, please tell us in the survey."
    assert "MSA-GUARANTEE" not in _rules(EN_AD.format(survey))


@pytest.mark.parametrize(
    "balance",
    [
        "Top up 600,000 won in clinic credit and you get 600,000 to use on any treatment.",
        "Load 300,000 won onto your clinic card and 300,000 won is there for your next visits.",
    ],
)
def test_credit_loaded_as_it_is_is_no_inducement(balance: str) -> None:
    assert "MSA-INDUCEMENT" not in _rules(EN_AD.format(balance))


def test_credit_loaded_with_a_bonus_stays_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in _rules(EN_AD.format("Top up 600,000 won in clinic credit and you get 720,000 to use."))


@pytest.mark.parametrize(
    "anchor",
    [
        "원래 30만 원이던 보톡스, 이달엔 19만 원입니다.",
        "기존 가격 40만 원이던 울쎄라가 이번 달 29만 원입니다.",
    ],
)
def test_a_price_anchored_to_what_it_was_is_an_inducement_even_ending_in_a_fee(anchor: str) -> None:
    assert "MSA-INDUCEMENT" in _rules(AD.format(anchor))


def test_a_plain_fee_stays_a_fee_notice() -> None:
    assert "MSA-INDUCEMENT" not in _rules(AD.format("보톡스 비용은 19만 원입니다. 원래 예약하신 시간에 오세요."))
