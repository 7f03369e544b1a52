"""Session 22 (fp22c): classes of false findings and misses seen in the blind writers' files writer_s22_h/i (the
hidden corpus's mix; foreign patients, mostly English), each checked on sentences written for these tests (not
corpus lines): the reading a reviewer who reads RULES.md gives, and its counterpart."""

from __future__ import annotations

import pytest

from tests.support.compliance import SHORT_RISK_FOOTER, rule_ids

FOOTER = " Results vary; swelling may occur. 무료수신거부 080-414-2290"


def test_an_english_word_is_not_read_across_word_boundaries() -> None:
    notice = "[Haon Skin Clinic] Your consent to receive ads expires soon. This is a legally required notice."
    assert not {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} & rule_ids(notice, "alimtalk", "informational")
    sale = "[Haon Skin Clinic] Your toning is booked for Friday. Our winter sale starts next week!"
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(sale, "alimtalk", "informational")


@pytest.mark.parametrize(
    "place",
    ["Counter No. 1 on the 2nd floor", "Exit No. 1 of Sinsa station", "접수창구 No.1"],
)
def test_a_place_numbered_one_is_no_ranking(place: str) -> None:
    text = f"[Haon Check-up Center] On arrival, please go to {place} and show your booking code."
    assert "MSA-SUPERLATIVE" not in rule_ids(text, "alimtalk", "informational")


def test_a_ranking_numbered_one_still_is() -> None:
    assert "MSA-SUPERLATIVE" in rule_ids(f"(광고) Haon Skin Clinic: Gangnam's No. 1 laser toning clinic.{FOOTER}")


def test_an_intake_questionnaire_at_the_visit_is_no_survey() -> None:
    intake = "[해온정신건강의학과] 12/14(월) 오전 10시 초진 예약입니다. 접수와 설문 작성을 위해 15분 일찍 와 주세요."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(intake, "alimtalk", "informational")
    survey = "[해온정신건강의학과] 진료는 만족스러우셨나요? 설문 작성 부탁드립니다. 참여하신 분께 커피 쿠폰을 드립니다."
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(survey, "alimtalk", "informational")


def test_manual_therapy_is_no_lab_value() -> None:
    booking = "[해온정형외과] 도수치료는 100% 예약제입니다. 금요일 오후 3시 예약을 확인해 주세요."
    assert "PII-HEALTH-IN-SMS" not in rule_ids(booking, "sms", "informational")
    value = "[해온내과] 검사 결과 염증 수치 12mg로 나왔습니다. 내일 내원해 주세요."
    assert "PII-HEALTH-IN-SMS" in rule_ids(value, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[해온요양병원] 보호자님, 아버님께서 오늘 폐렴 진단을 받아 입원 치료를 시작했습니다.",
        "[해온정형외과] 김○○님 MRI 판독: 요추 협착증 확인. 다음 주 시술 일정 안내드립니다.",
        "[Haon Fertility] Your AMH today is 0.9 ng/mL. Please book a consultation.",
        "[Haon Men's Clinic] Sperm test for Mr. Lee: motility 22%. Please call us.",
        "[Haon Skin Clinic] Swab result for Ms. Kim: strep A detected. Please see the doctor on Monday.",
    ],
)
def test_a_diagnosis_or_result_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "alimtalk", "informational")  # SMS/LMS only


@pytest.mark.parametrize(
    "text",
    [
        "[해온요양병원] 기침과 고열이 계속되면 폐렴일 수 있으니 바로 연락 주세요.",
        "[Haon Fertility] If your hCG is above 100 mIU/mL, we will call you to book a scan.",
        "[Haon Skin Clinic] If the swab result is positive, the doctor will call you on Monday.",
        "[해온정형외과] MRI 결과는 다음 주 진료 때 원장님이 직접 설명드립니다.",
    ],
)
def test_advice_and_appointments_carry_no_result(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


def test_english_comparison_with_a_typical_provider() -> None:
    ad = "(광고) Haon Dental: our surgeons place three times as many implants as an ordinary local dental clinic."
    assert "MSA-COMPARISON" in rule_ids(ad + FOOTER)
    fact = "(광고) Haon Dental: Dr. Kim placed implants for more than 10 years at a university hospital."
    assert "MSA-COMPARISON" not in rule_ids(fact + FOOTER)


def test_english_only_or_most_in_a_region_is_a_superlative() -> None:
    assert "MSA-SUPERLATIVE" in rule_ids(f"(광고) Haon Eye: the most advanced LASIK suite in Seoul.{FOOTER}")
    assert "MSA-SUPERLATIVE" in rule_ids(f"(광고) Haon Eye: the only SMILE Pro center in Busan.{FOOTER}")
    common = "(광고) Haon Eye: dry eye is the most common side effect in Korea's LASIK patients; ask us."
    assert "MSA-SUPERLATIVE" not in rule_ids(common + FOOTER)


def test_a_patients_treatment_diary_is_a_testimonial() -> None:
    diary = "(광고) Haon Hair Clinic: follow Tom's weekly diary about how his hair transplant is growing in."
    assert "MSA-TESTIMONIAL" in rule_ids(diary + FOOTER, "friendtalk")
    care = "[Haon Internal Medicine] Please bring your glucose diary to Thursday's visit."
    assert "MSA-TESTIMONIAL" not in rule_ids(care, "sms", "informational")


def test_a_newspaper_feature_about_the_clinic_is_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in rule_ids(f"(광고) Haon Dental: read the magazine article about our team.{FOOTER}")


@pytest.mark.parametrize(
    "text",
    [
        "[Haon Dental] Your scaling is done. Why not add a whitening session while you're here?",
        "[Haon Check-up Center] Thank you for visiting. New in 2027: our Premium Brain Program with MRI.",
        "[해온검진센터] 검진 감사합니다. 지금 내년 검진을 예약하시면 원하시는 날짜를 우선 배정해 드립니다.",
    ],
)
def test_a_pitch_in_a_care_message_is_the_channel_rule(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(text, "sms", "informational")


def test_care_wording_is_no_pitch() -> None:
    text = "[Haon Check-up Center] Your check-up is on Dec 14. Our new lounge opens at 8 am; bring your ID."
    assert not {"KAKAO-ALIMTALK-PROMO"} & rule_ids(text, "alimtalk", "informational")


def test_a_state_funded_screening_with_a_free_sedation_is_an_inducement() -> None:
    ad = "(광고) 해온내과 국가검진 받으시는 분 대장내시경 수면비 0원."
    assert "MSA-INDUCEMENT" in rule_ids(ad + SHORT_RISK_FOOTER)
    fact = "(광고) 해온내과 국가검진은 공단 부담으로 본인부담 0원입니다."
    assert "MSA-INDUCEMENT" not in rule_ids(fact + SHORT_RISK_FOOTER)


def test_a_patients_quote_beside_her_photos_stays_a_testimonial() -> None:
    quoted = (
        "(광고) Haon Skin Clinic: Mia's story, with her before/after photos: “My acne scars are gone after 4 visits!”"
    )
    assert {"MSA-BEFORE-AFTER", "MSA-TESTIMONIAL"} <= rule_ids(quoted + FOOTER, "friendtalk")
    photos = "(광고) Haon Skin Clinic: see our patients' before/after photos of acne scar treatment on the website."
    assert "MSA-TESTIMONIAL" not in rule_ids(photos + FOOTER, "friendtalk")
