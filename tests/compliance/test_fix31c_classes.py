"""Session 31 (fix31c): classes the blind training writer writer_s31_c (precision traps: care, FAQ, notice, policy and
records messages beside violating twins) showed — another patient's words relayed in a booking SMS, what other doctors
told the patient or a big centre's way set against the sender, the rounds of hospitals that did not help, a result
promised to last, pain denied after the procedure, a celebrity's visit / a clinician on TV / before-after photos in a
booking notice, a Latin result category and a prescription written out in an SMS, a win-back greeting, a tagged SNS
post rewarded — and the false readings beside them (관계없이 read as "without charge", words the clinic disowns,
celebrities in a privacy notice, harm that may follow in safety advice, the booking call of an expiry notice, a
celebrity's choice read as a story, a fee with insurance paperwork scored as promotion). Each on sentences written for
these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, info_sms, korean_ad

ad = partial(korean_ad, clinic="해담의원")
note = partial(care_note, clinic="온빛의원")
MISMATCH = "ADV-PURPOSE-MISMATCH"
PROMO = "KAKAO-ALIMTALK-PROMO"


# 1. another patient's words relayed in a booking message
@pytest.mark.parametrize(
    "text",
    [
        '[다온내과] 내일 위내시경 예약입니다. 어제 검사받은 분도 "하나도 안 힘들었어요, 또 올게요"라고 하셨어요.',
        '[하늘치과] 사랑니 발치 예약 안내입니다. 발치받은 환자분들이 "생각보다 금방 끝났다"고 하시더라고요.',
    ],
)
def test_another_patients_words_relayed_are_a_testimonial_and_a_promotion(text: str) -> None:
    assert {"MSA-TESTIMONIAL", MISMATCH} <= info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[다온내과] 검사받은 분들이 자주 물으시는 질문: 검사 후 식사는 언제부터 되나요? 2시간 뒤부터 가능합니다.",
        "[다온내과] 보호자분은 검사받은 분이 깨어나실 때까지 대기실에서 기다려 주세요.",
    ],
)
def test_patients_mentioned_in_care_advice_relay_no_experience(text: str) -> None:
    assert info_sms(text) == set()


# 2. what other doctors told the patient, set against the sender
@pytest.mark.parametrize(
    "body",
    [
        "치아를 뽑아야 한다는 말을 들으셨나요? 저희는 살릴 수 있는 방법부터 찾습니다.",
        "수술해야 한다는 얘기부터 듣고 오셨다면, 비수술 치료부터 상담해 보세요.",
    ],
)
def test_what_others_told_the_patient_set_against_the_sender_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


def test_a_second_opinion_with_records_is_no_comparison() -> None:
    text = "[한결정형외과] 다른 병원에서 수술을 권유받으셨다면 판독지와 영상 CD를 가져와 주세요."
    assert info_sms(text) == set()


# 3. a big centre's way set against the sender in a booking notice
def test_a_big_centres_way_set_against_the_sender_is_a_promoted_comparison() -> None:
    found = note("건강검진 예약 확정: 3월 4일 오전 9시. 저희는 대형병원처럼 오래 기다리실 일이 없습니다.")
    assert {"MSA-COMPARISON", PROMO} <= found


def test_a_referral_to_a_university_hospital_compares_nothing() -> None:
    body = "대학병원 진료를 원하시면 진료의뢰서를 발급해 드립니다. 검사 결과지를 함께 내시면 같은 검사를 다시 받지 않으셔도 됩니다."
    assert note(body) == set()


# 4. the rounds of hospitals that did not help
def test_the_rounds_of_hospitals_that_did_not_help_is_a_comparison() -> None:
    assert "MSA-COMPARISON" in ad("이곳저곳 다녀봐도 낫지 않던 허리 통증, 이제 여기서 끝내세요.")


def test_treatment_received_elsewhere_asked_for_is_no_comparison() -> None:
    assert info_sms("[한결재활의학과] 여러 병원을 다니며 받은 치료 내역이 있으시면 진료 때 알려 주세요.") == set()


# 5. a result promised to last
def test_a_result_said_to_last_without_relapse_is_a_guarantee() -> None:
    found = note("상담 예약 확정: 5월 3일 오후 2시. 저희 복부 지방흡입은 요요 없이 라인이 평생 유지됩니다.")
    assert {"MSA-GUARANTEE", PROMO} <= found


def test_advice_on_keeping_the_result_promises_nothing() -> None:
    assert note("지방흡입 후 요요 없이 유지하려면 식단과 운동 관리가 필요합니다. 압박복은 4주간 입어 주세요.") == set()


# 6. pain denied after the procedure
def test_pain_denied_after_the_procedure_is_a_safety_claim() -> None:
    found = info_sms("[하늘치과] 내일 발치 예약입니다. 마취가 풀려도 전혀 아프지 않으니 걱정 마세요.")
    assert {"MSA-SAFETY-CLAIM", MISMATCH} <= found


def test_pain_expected_in_care_advice_is_no_claim() -> None:
    text = "[하늘치과] 발치 후 안내: 마취가 풀리면 통증이 시작될 수 있으니 처방받은 진통제를 드세요."
    assert info_sms(text) == set()


# 7. a celebrity's visit, a clinician on TV, before/after photos in a booking notice
@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("예약 확정: 4월 2일 오후 3시. 요즘 드라마에 나오는 배우 ○○○ 씨도 다녀간 피부 관리입니다.", "MSA-CELEBRITY"),
        ("예약 확정: 5월 1일 오전 10시. 지난달 KBS 건강 프로그램에 출연한 원장님이 진료합니다.", "MSA-ARTICLE-FORM"),
    ],
)
def test_a_celebrity_or_broadcast_in_a_booking_notice_is_a_promotion(body: str, rule: str) -> None:
    assert {rule, PROMO} <= note(body)


def test_before_after_photos_offered_in_a_booking_sms_are_a_promotion() -> None:
    text = "[하늘치과] 교정 예약: 6월 2일 오후 4시. 교정 마친 분들의 전후 사진이 궁금하시면 상담실에서 보여 드려요."
    assert {"MSA-BEFORE-AFTER", MISMATCH} <= info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[서림피부과] 개인정보 안내: 어떤 분이 다녀가셨는지는 연예인이라도 알려 드릴 수 없습니다.",
        "[온빛의원] 예약 확정: 5월 1일 오전 10시. 대기실 TV 화면에 호출 번호가 나오면 진료실로 들어오세요.",
        "[하늘치과] 교정 경과 확인을 위해 매 회차 치아 사진을 찍어 처음 사진과 비교해 진료기록에 남깁니다.",
    ],
)
def test_privacy_a_waiting_room_tv_or_progress_photos_are_no_promotion(text: str) -> None:
    assert info_sms(text) == set()


# 8. health details in an SMS: a Latin result category, a prescription written out
@pytest.mark.parametrize(
    "text",
    [
        "[여울산부인과] 이○○님 세포검사 결과 LSIL(저등급 병변)로 조직검사가 필요합니다.",
        "[해솔소아과] 서준 보호자님, 처방: 세티리진 시럽 하루 2회 7일분입니다.",
        "[서림안과] 김○○님 검사 결과 망막에 영구적인 손상이 확인되었습니다.",
    ],
)
def test_a_result_category_or_a_prescription_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[여울산부인과] 이○○님 세포검사 결과가 나왔습니다. 결과 설명은 다음 진료 때 드립니다.",
        "[해솔소아과] 서준 보호자님, 처방받은 약은 식후 30분에 먹여 주세요. 다음 진료는 금요일입니다.",
        "[서림피부과] 레이저 시술 중 보호안경을 벗으면 각막에 영구적인 손상이 생길 수 있습니다.",
    ],
)
def test_a_ready_notice_a_dosing_reminder_or_a_safety_warning_is_no_health_data(text: str) -> None:
    assert info_sms(text) == set()


# 9. a win-back greeting
def test_a_win_back_greeting_is_a_promotion() -> None:
    text = "[한결정형외과] 오랜만입니다! 마지막으로 오신 지 8개월이 지났네요. 언제든 편하게 들러 주세요."
    assert MISMATCH in info_sms(text)


def test_a_check_up_due_notice_is_care() -> None:
    text = "[한결정형외과] 마지막 검진 후 1년이 지나 정기검진 시기가 되었습니다. 예약은 회신으로 잡아 드립니다."
    assert info_sms(text) == set()


# 10. a tagged SNS post rewarded, and words the clinic disowns
def test_a_tagged_sns_post_rewarded_is_a_review_incentive_alone() -> None:
    found = ad(
        "시술 받으신 소감을 인스타그램에 #해담피부과 해시태그와 함께 올려 주세요. 인증해 주신 분께 수분 앰플을 드립니다."
    )
    assert "MSA-REVIEW-INCENTIVE" in found
    assert "MSA-INDUCEMENT" not in found


@pytest.mark.parametrize(
    "text",
    [
        "[해담피부과] 사칭 주의: SNS에 저희 병원 태그로 올라온 무료 시술 이벤트 게시물은 저희가 올린 글이 아닙니다.",
        "[서림성형외과] 블로그에 올라온 '서림 수술 후기' 글은 저희가 작성하거나 요청한 글이 아닙니다.",
        "[하늘치과] 언론 보도 관련: 최근 보도된 기사에 나온 치과는 저희와 관계가 없습니다.",
        "[서림성형외과] 사칭 문자 주의: '방송 출연 시 수술비 지원' 문자는 저희가 보낸 것이 아닙니다.",
    ],
)
def test_words_the_clinic_disowns_are_not_its_claims(text: str) -> None:
    assert info_sms(text) == set()


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("실제 환자분들의 수술 후기를 블로그에서 확인하세요.", "MSA-TESTIMONIAL"),
        ("언론 보도로 화제가 된 그 시술, 지금 상담하세요.", "MSA-ARTICLE-FORM"),
    ],
)
def test_reviews_or_press_the_clinic_shows_stay(body: str, rule: str) -> None:
    assert rule in ad(body)


# 11. 관계없이, an expiry notice's booking call, a celebrity's choice, a fee with insurance paperwork
def test_regardless_is_no_charge_waived() -> None:
    assert note("알림톡은 연락처 등록 여부와 관계없이 예약·결제 안내에만 발송됩니다.") == set()


def test_a_consultation_without_payment_is_an_offer() -> None:
    assert {"MSA-INDUCEMENT", PROMO} <= note("첫 상담은 결제 없이 받아 보세요.")


def test_the_booking_call_of_an_expiry_notice_is_the_black_list_alone() -> None:
    assert note("보유하신 진료 쿠폰이 이번 달 말에 소멸됩니다. 잊지 말고 예약하세요!") == {"KAKAO-ALIMTALK-BLACKLIST"}


def test_an_expiring_discount_coupon_stays_a_promotion() -> None:
    assert PROMO in note("보유하신 20% 할인 쿠폰이 이번 달 말에 소멸됩니다. 잊지 말고 예약하세요!")


def test_a_celebritys_choice_is_the_celebrity_rule_alone() -> None:
    assert ad("아이돌 메인댄서가 고른 필러, 상담은 저희 의원에서.") == {"MSA-CELEBRITY"}


def test_a_celebritys_treatment_on_video_is_a_testimonial_too() -> None:
    found = ad("아이돌 메인댄서가 직접 받고 영상으로 남긴 필러 시술, 상담 받아 보세요.")
    assert {"MSA-CELEBRITY", "MSA-TESTIMONIAL"} <= found


def test_a_non_covered_fee_with_insurance_paperwork_is_a_payment_notice() -> None:
    text = (
        "[바른몸정형외과] 체외충격파 예약 확인: 7월 1일(화) 오전 10시. 체외충격파는 비급여 항목으로 1회 70,000원이며, "
        "실손보험 청구용 세부내역서를 수납 때 발급해 드립니다."
    )
    assert info_sms(text) == set()


def test_a_review_reward_in_a_booking_sms_stays_a_promotion() -> None:
    text = "[바른몸정형외과] 체외충격파 예약 확인: 7월 1일 오전 10시. 치료 후 리뷰를 남기시면 다음 회차 비용에서 1만 원을 빼 드립니다."
    assert MISMATCH in info_sms(text)
