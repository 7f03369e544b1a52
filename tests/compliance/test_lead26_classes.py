"""Session 26 (lead): classes the blind training writers writer_s26_a and writer_s26_b showed at landing — each on
sentences written for these tests (not corpus lines), beside the counterpart a reviewer who reads RULES.md leaves
clean (or keeps)."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from compliance.negation import negated_by_analysis, negated_in_writing
from tests.support.compliance import english_ad, korean_ad, rule_ids

OPT_OUT = " 무료수신거부 080-123-4567"


@pytest.mark.parametrize(
    "body",
    [
        "Complimentary skin analysis for the first 30 visitors this month.",
        "Free cataract consultation for new patients until Friday.",
        "Free eye exam for the first 20 people who call.",
    ],
)
def test_an_english_free_test_with_a_limit_or_a_target_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Your follow-up visits after surgery are included in the fee, as listed on our price page.",
        "National cancer screening is free for those aged 40 and over; ask at the desk.",
        "Parking is free for visitors this week while the lift is repaired.",
    ],
)
def test_an_included_visit_the_state_programme_or_parking_is_not(body: str) -> None:
    assert "MSA-INDUCEMENT" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our hygienists spend more time with you than those at most Seoul dental practices.",
        "Unlike typical downtown clinics, we see every patient ourselves.",
        "Gentler than the average Gangnam clinics, our laser team takes its time.",
    ],
)
def test_other_providers_named_by_kind_and_place_are_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our Gangnam clinic is a five-minute walk from exit 3.",
        "Most Seoul clinics close on Sundays; please book ahead for Saturday.",
    ],
)
def test_a_place_without_a_contrast_is_not(body: str) -> None:
    assert "MSA-COMPARISON" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "인근 안과들보다 한발 앞선 검사 장비를 갖췄습니다.",
        "근처 치과와 비교해 보시면 차이를 아실 겁니다.",
    ],
)
def test_nearby_providers_set_against_us_are_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in korean_ad(body)


def test_nearby_providers_as_directions_are_not() -> None:
    assert "MSA-COMPARISON" not in korean_ad("인근 약국은 건물 1층에 있습니다. 주차는 2시간 무료입니다.")


@pytest.mark.parametrize(
    "body",
    [
        "속 쓰리게 하는 독한 진통제 대신 침 치료로 통증을 다스리세요.",
        "값싼 수입 필러는 울퉁불퉁한 자국을 남길 수 있습니다. 상담 예약 받습니다.",
        "위장을 해치는 양약 말고 속 편한 한방 치료를 받아 보세요.",
    ],
)
def test_another_method_run_down_as_harmful_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in korean_ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[하람한의원] 진통제를 드시고 계시면 침 치료 전에 알려 주세요.",
        "[하람피부과] 필러 시술 후 일주일은 사우나를 피해 주세요.",
    ],
)
def test_a_medicine_or_a_filler_in_care_advice_is_not(text: str) -> None:
    assert "MSA-DEFAME" not in rule_ids(text, "sms", "informational")


def test_failing_elsewhere_with_the_name_masked_names_a_provider_and_disparages() -> None:
    body = "근처 ○○이비인후과에서 약을 받고도 낫지 않으셨던 분들, 한번 오셔서 상담받아 보세요."
    assert disparagement_compares(body) is None  # a named provider: either reading (session 28)
    assert "MSA-DEFAME" in korean_ad(body)


def test_before_and_after_surgery_in_care_advice_is_a_time() -> None:
    text = "[Haram Clinic] Please avoid alcohol for one week before and after surgery to lower the bleeding risk."
    assert "MSA-BEFORE-AFTER" not in rule_ids(text, "sms", "informational")
    photos = "Swipe through our before and after surgery photos of real patients!"
    assert "MSA-BEFORE-AFTER" in english_ad(photos)


def test_a_patented_in_house_method_is_unverified_not_a_superlative() -> None:
    found = english_ad("Ask about our proprietary lifting protocol, developed in-house by our team.")
    assert "MSA-SUPERLATIVE" not in found
    assert "MSA-SUPERLATIVE" in english_ad("Our patented thread lift, the only one of its kind in Korea.")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 하람한의원\n환자분들이 자주 물어보시는 '침 맞은 날 샤워해도 되나요?'에 대한 답변을 정리했습니다."
        + OPT_OUT,
        "(광고) 하람치과\n자주 묻는 질문: '임플란트 후 언제부터 씹을 수 있나요?' 원장님이 답해 드립니다." + OPT_OUT,
    ],
)
def test_a_patients_question_answered_is_an_faq_not_a_testimonial(text: str) -> None:
    assert "MSA-TESTIMONIAL" not in rule_ids(text, "friendtalk", "advertising")


def test_a_patients_words_about_their_result_stay_a_testimonial() -> None:
    text = "(광고) 하람치과\n환자분들이 자주 말씀하세요. '임플란트 하고 나서 고기도 씹고 너무 만족해요!'" + OPT_OUT
    assert "MSA-TESTIMONIAL" in rule_ids(text, "friendtalk", "advertising")


def test_a_safety_word_set_aside_is_no_safety_claim() -> None:
    assert "MSA-SAFETY-CLAIM" not in korean_ad("무통이 아니라 통증을 줄이는 마취를 충분히 합니다.")
    assert "MSA-SAFETY-CLAIM" in korean_ad("무통 레이저로 편안하게 받으세요.")


@pytest.mark.parametrize(
    "body",
    [
        "개원 이래 의료사고가 단 한 건도 없었습니다.",
        "무사고 10년, 안심하고 수술받으세요.",
        "수술 사고 0건의 기록을 이어 갑니다.",
    ],
)
def test_a_record_of_no_accidents_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in korean_ad(body)


def test_an_accident_named_in_care_or_insurance_is_not() -> None:
    text = "[하람한방병원] 교통사고 치료는 자동차보험으로 처리되며 보험사 접수번호가 필요합니다."
    assert "MSA-SAFETY-CLAIM" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "body",
    [
        "방송 인터뷰에서 밝힌 눈매 교정 노하우, 직접 상담받아 보세요.",
        "일간지 인터뷰에서 소개한 탈모 치료, 예약 받습니다.",
    ],
)
def test_an_interview_in_the_press_is_article_form(body: str) -> None:
    assert "MSA-ARTICLE-FORM" in korean_ad(body)


@pytest.mark.parametrize(
    "body", ["국내에 단 하나뿐인 맞춤 리프팅 프로그램.", "세계에 하나밖에 없는 레이저 장비로 시술합니다."]
)
def test_the_only_one_in_a_place_is_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in korean_ad(body)


def test_a_patients_own_one_of_a_kind_is_not() -> None:
    assert "MSA-SUPERLATIVE" not in korean_ad("한 분 한 분의 얼굴에 맞춰 디자인합니다.")


@pytest.mark.parametrize(
    "text",
    [
        "[하람내과] 매달 건강 정보를 보내 드립니다. 이번 달은 겨울철 혈압 관리입니다.",
        "[이달의 피부 소식] 겨울철 보습, 이렇게 하세요. 하람피부과가 매월 소식을 전해 드립니다.",
    ],
)
def test_a_newsletter_in_an_alimtalk_is_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(text, "alimtalk", "informational")


def test_a_monthly_check_reminder_is_not_a_newsletter() -> None:
    text = "[하람내과] 홍길동님, 매달 받으시는 혈압약 처방일이 12월 10일입니다. 예약 시간을 확인해 주세요."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "문의하신 진료비 할인은 의료법상 불가한 점 양해 부탁드립니다.",
        "이벤트 가격 적용은 법적으로 불가합니다.",
        "할인은 관련 규정상 금지되어 있습니다.",
    ],
)
def test_a_discount_refused_by_the_law_is_negated_in_both_readings(text: str) -> None:
    word = "할인" if "할인" in text else "이벤트"
    end = text.index(word) + len(word)
    assert negated_in_writing(text, end) and negated_by_analysis(text, end)
    assert "MSA-INDUCEMENT" not in rule_ids("[하람치과] " + text, "alimtalk", "informational")


def test_a_discount_whose_stacking_is_refused_still_offers() -> None:
    text = "이번 달 할인 이벤트는 다른 쿠폰과 중복 적용 불가합니다."
    end = text.index("이벤트") + len("이벤트")
    assert not negated_in_writing(text, end) and not negated_by_analysis(text, end)


def test_sales_naming_a_person_is_no_sale() -> None:
    assert "MSA-INDUCEMENT" not in english_ad("Your surgeon, not a sales consultant, explains every option.")
    assert "MSA-INDUCEMENT" in english_ad("Year-end sale: 30% off all laser packages this week.")


def test_a_winter_trip_is_no_prize() -> None:
    assert "MSA-INDUCEMENT" not in english_ad("Planning a winter trip to Seoul for your surgery? Allow ten days.")
    assert "MSA-INDUCEMENT" in english_ad("Book a consultation and win a free trip to Jeju!")


def test_numbered_care_steps_are_no_ranking() -> None:
    steps = "[Haram Clinic] No. 1 reminder: stop blood thinners as told. No. 2: no make-up on the day."
    assert "MSA-SUPERLATIVE" not in rule_ids(steps, "alimtalk", "informational")
    assert "MSA-SUPERLATIVE" in english_ad("The No. 1 clinic in Gangnam for double eyelids.")


def test_top_describing_the_influencers_is_no_superlative_of_the_clinic() -> None:
    found = english_ad("Loved by Seoul's top beauty influencers, our skin booster is now bookable in English.")
    assert "MSA-SUPERLATIVE" not in found and "MSA-CELEBRITY" in found
    assert "MSA-SUPERLATIVE" in english_ad("Seoul's top skin clinic for boosters.")


def test_a_model_with_a_treatment_disclaimer_is_an_image_model() -> None:
    model = "이번 캠페인 모델로 가수 한지우 씨와 함께합니다(광고 모델이며 시술 경험과는 무관합니다)."
    assert "MSA-CELEBRITY" not in korean_ad(model)
    assert "MSA-CELEBRITY" in korean_ad("가수 한지우 씨도 시술받은 그 리프팅, 지금 상담하세요.")


def test_a_comparison_declined_is_none() -> None:
    declined = "People ask how we compare with other clinics. We do not compare; we explain your options in writing."
    assert "MSA-COMPARISON" not in english_ad(declined)
    assert "MSA-COMPARISON" in english_ad("Unlike other clinics that rush you, we take an hour with every patient.")


def test_a_treatment_that_only_holds_pain_off_run_down_is_disparagement() -> None:
    assert "MSA-DEFAME" in korean_ad("진통제로 버티는 치료는 몸만 망칩니다. 원인부터 치료하세요.")
    assert "MSA-DEFAME" not in korean_ad("진통제를 드시는 분은 치료 전에 알려 주세요.")


def test_a_reporter_meeting_the_doctor_is_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in korean_ad("기자가 만난 의사: 원장이 말하는 위암 검진의 모든 것.")
    assert "MSA-ARTICLE-FORM" not in korean_ad("원장 칼럼 '겨울철 보습 관리'를 블로그에 올렸습니다.")


def test_pain_denied_with_words_between_is_no_safety_claim() -> None:
    text = "[하람정형외과] 체외충격파는 통증이 없는 치료는 아니어서 뻐근할 수 있습니다. 아프시면 말씀해 주세요."
    assert "MSA-SAFETY-CLAIM" not in rule_ids(text, "alimtalk", "informational")


def test_numbered_korean_care_steps_are_no_ranking_either() -> None:
    care = "홍길동님, 수술 전 안내입니다. No. 1: 전날 밤 12시부터 금식. No. 2: 렌즈를 빼고 오세요."
    assert "MSA-SUPERLATIVE" not in rule_ids("[하람안과] " + care, "sms", "informational")


def test_a_free_consultation_of_any_treatment_for_the_first_visitors_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in english_ad("Free acupuncture consultation for the first 30 visitors this week.")
    assert "MSA-INDUCEMENT" not in english_ad("Free parking for visitors; the consultation fee is listed at the desk.")
