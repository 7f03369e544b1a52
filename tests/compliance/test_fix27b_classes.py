"""Session 27 (fix27b): classes the blind training writer writer_s27_b showed — keyword-free inducement (a bundle
charged as fewer sessions, prepaid credit topped up, a fee the clinic takes on, first come without 선착순), an
English refund promise and no charge when the result fails, a painless claim without 통증/무통, the words patients
say most (no superlative), a patient's story on video (a testimonial, not a before/after). Each on sentences
written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean (or keeps)."""

from __future__ import annotations

from functools import partial

import pytest

from compliance.frames import frame_matches
from compliance.normalize import normalize
from tests.support.compliance import english_ad, info_alimtalk, info_sms, korean_ad, rule_ids

AD = "(광고) 새솔의원 "
ad = partial(korean_ad, clinic="새솔의원")
en_ad = partial(english_ad, clinic="Saesol Clinic")


# 1. a bundle charged as fewer sessions: a discount without the word
@pytest.mark.parametrize(
    "body",
    [
        "체외충격파 12회를 한꺼번에 결제하시면 9회분 금액만 받습니다.",
        "수액 관리 6회 묶음으로 등록하시면 5회 값만 받아요.",
        "비타민 주사 4회분 가격에 5회를 진행해 드립니다.",
    ],
)
def test_a_bundle_charged_as_fewer_sessions_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "재활 치료 12회 중 7회를 받으시고 해지하시면 7회분 금액만 공제하고 환불해 드립니다.",
        "재활 치료는 회당 6만 원이며 12회를 받으시면 72만 원입니다.",
        "치료비는 회차마다 결제하셔도 되고 한 번에 결제하셔도 금액은 같습니다.",
    ],
)
def test_a_session_price_or_a_refund_rule_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


# 2. prepaid credit topped up by the clinic
@pytest.mark.parametrize(
    "body",
    [
        "적립금 50만 원을 충전하시면 60만 원으로 채워 드립니다.",
        "300만 원을 예치하시면 350만 원까지 시술에 쓰실 수 있습니다.",
        "150만 원 선결제하시면 170만 원어치 관리를 받으실 수 있어요.",
    ],
)
def test_prepaid_credit_topped_up_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "충전금은 사용하신 만큼 차감되며 남은 금액은 언제든 환불해 드립니다.",
    ],
)
def test_a_plain_credit_or_its_refund_term_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


def test_the_same_amount_credited_is_no_bonus_to_the_frames() -> None:
    """The top-up frame compares the two amounts: 80만 원 in, 80만 원 to spend is a plain credit (what the scorer
    makes of a prepayment ad is its own business, retrained each session)."""
    norm = normalize(AD + "80만 원을 충전하시면 80만 원까지 모든 시술에 쓰실 수 있습니다.")
    assert not [m for scope in (False, True) for m in frame_matches(norm, scope) if m.rule == "MSA-INDUCEMENT"]
    norm = normalize(AD + "80만 원을 충전하시면 95만 원까지 모든 시술에 쓰실 수 있습니다.")
    assert [m for m in frame_matches(norm, True) if m.rule == "MSA-INDUCEMENT"]


def test_a_credit_balance_in_a_care_message_is_no_promotion() -> None:
    found = info_alimtalk(
        "[새솔의원] 홍길동님, 충전금 40만 원이 결제되었습니다. 남은 잔액은 앱에서 확인하실 수 있습니다."
    )
    assert not found & {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"}


# 3. a fee the clinic takes on
@pytest.mark.parametrize(
    "body",
    [
        "첫 진료일 초음파 검사 비용은 본원이 냅니다.",
        "주차 요금은 저희 병원에서 부담합니다. 예약하고 오세요.",
        "왕복 택시비는 병원 측이 대신 내 드립니다.",
    ],
)
def test_a_fee_the_clinic_takes_on_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[새솔의원] 검체 처리 오류로 재채혈이 필요합니다. 재검사 비용은 본원이 부담합니다. 불편을 드려 죄송합니다.",
        "[새솔의원] 초음파 검사 비용은 환자분 본인 부담이며 실손보험 청구 서류를 발급해 드립니다.",
    ],
)
def test_a_remedy_for_the_clinics_error_or_a_patient_share_is_no_inducement(text: str) -> None:
    assert not info_alimtalk(text) & {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"}


# 4. first come without 선착순
@pytest.mark.parametrize(
    "body",
    [
        "먼저 신청하신 15명께만 물광주사 1회 59,000원.",
        "이번 달 앞서 예약하시는 10분에 한해 수액 30% 할인가로 모십니다.",
        "가장 먼저 오시는 5팀까지 상담 당일 혜택을 드려요.",
    ],
)
def test_the_first_n_who_book_getting_a_price_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "토요일은 먼저 예약하신 분부터 순서대로 진료합니다.",
        "먼저 도착하신 분도 예약하신 시간 순서대로 진료해 드립니다.",
    ],
)
def test_an_order_or_a_capacity_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


def test_the_first_to_book_is_no_superlative() -> None:
    assert "MSA-SUPERLATIVE" not in ad("가장 먼저 신청하신 25명께 수액 1회 3만 원.")


# 5. the fee back if the result does not hold, in English; no charge for the rest if the result does not come
@pytest.mark.parametrize(
    "body",
    [
        "We refund the full laser fee if the freckles reappear within a year.",
        "Should the acne scars come back in 6 months, your payment is returned.",
        "Your hair treatment cost is refunded if the thinning comes back by spring.",
    ],
)
def test_an_english_refund_on_a_result_that_fails_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Deposits are refunded if you cancel 24 hours before your visit.",
        "If the redness comes back after your peel, use the cooling gel and give us a call.",
    ],
)
def test_a_cancellation_refund_or_care_advice_in_english_is_no_guarantee(body: str) -> None:
    assert not en_ad(body) & {"MSA-GUARANTEE", "MSA-INDUCEMENT"}


@pytest.mark.parametrize(
    "body",
    [
        "한약 한 달 드시고 소화가 나아지지 않으면 다음 달 약값은 청구하지 않겠습니다.",
        "도수치료 4회 안에 허리가 좋아지지 않으면 남은 회차는 결제하지 않으셔도 돼요.",
    ],
)
def test_no_charge_when_the_result_fails_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "도수치료비는 한 번에 결제하지 않으셔도 되며 회차마다 결제하실 수 있습니다.",
        "예약을 하루 전에 취소하셔도 위약금은 받지 않습니다.",
    ],
)
def test_a_payment_term_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in ad(body)


# 6. a painless claim without 통증/무통
@pytest.mark.parametrize(
    "body",
    [
        "마취 연고 하나로 아무 느낌도 없이 끝나는 겨드랑이 제모.",
        "바늘이 들어가는 줄도 모르게 끝나는 물광주사.",
        "감각조차 없는 편안한 문신 제거 레이저.",
    ],
)
def test_nothing_felt_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[새솔치과] 마취가 풀릴 때까지 3시간쯤은 혀에 아무 느낌이 없을 수 있으니 뜨거운 음식은 피하세요.",
        "[새솔의원] 주사 부위에 아무 감각이 없거나 저린 느낌이 이틀 넘게 계속되면 연락 주세요.",
    ],
)
def test_numbness_told_as_care_is_no_safety_claim(text: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in info_alimtalk(text)


def test_numbness_told_in_an_ad_is_no_safety_claim() -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(
        "마취가 풀릴 때까지는 입술에 아무 느낌이 없을 수 있어 식사는 2시간 뒤에 하세요."
    )


# 7. the words patients say most frame a quote: a testimonial, no superlative
@pytest.mark.parametrize(
    "body",
    [
        "발목 재활 끝내신 분들께 가장 자주 듣는 말씀: '이제 계단이 겁나지 않아요.'",
        "교정 마친 분들이 제일 많이 남기신 한마디는 '웃을 때 손으로 안 가려요'예요.",
    ],
)
def test_the_words_patients_say_most_are_a_testimonial_not_a_superlative(body: str) -> None:
    found = ad(body)
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-SUPERLATIVE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "지역에서 교정을 가장 많이 하는 치과입니다.",
        "가장 많은 분들이 찾는 도수치료, 새솔의원.",
    ],
)
def test_the_clinic_doing_or_drawing_most_stays_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in ad(body)


# 8. a patient's story on video: a testimonial, not a before/after
@pytest.mark.parametrize(
    "body",
    [
        "불면증으로 괴로워하던 40대 직장인 K씨, 한방 치료 8주 뒤 되찾은 일상을 영상으로 공개합니다.",
        "손목 통증으로 고생하시던 주부 L님의 재활 과정을 유튜브에서 만나 보세요.",
    ],
)
def test_a_patients_story_on_video_is_a_testimonial_not_a_before_after(body: str) -> None:
    found = ad(body)
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-BEFORE-AFTER" not in found


@pytest.mark.parametrize(
    "body",
    [
        "주름 보톡스 2주 뒤 달라진 모습을 영상으로 공개합니다.",
        "여드름 흉터 레이저 5회 전후 사진을 나란히 보여 드립니다.",
    ],
)
def test_a_changed_look_on_video_stays_a_before_after(body: str) -> None:
    assert "MSA-BEFORE-AFTER" in ad(body)


def test_a_care_video_for_everyone_names_no_patient() -> None:
    body = "손목 통증으로 고생하시는 분들을 위한 5분 스트레칭 영상을 유튜브 채널에 올렸습니다."
    assert "MSA-TESTIMONIAL" not in ad(body)


# 9. one of two charged nothing (1+1 without the word); a cancelled session not charged is a fee term
@pytest.mark.parametrize(
    "body",
    [
        "보톡스 두 부위 받으시면 한 부위 값은 받지 않아요.",
        "레진 치료 3개 하시면 1개 비용은 안 받습니다.",
    ],
)
def test_one_of_two_charged_nothing_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[새솔의원] 전날까지 예약을 취소하신 회차의 비용은 받지 않습니다.",
        "[새솔의원] 진료 일정을 변경하셔도 추가 비용은 받지 않습니다. 편한 날짜를 알려 주세요.",
    ],
)
def test_a_cancelled_or_moved_booking_not_charged_is_no_promotion(text: str) -> None:
    assert not info_alimtalk(text) & {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"}


# 10. no recovery needed (RULES.md 회복기간 없이 in other words)
@pytest.mark.parametrize(
    "body",
    ["회복 기간이 따로 필요 없는 실리프팅.", "회복기도 거의 없어 주말에 받고 월요일에 출근하세요."],
)
def test_no_recovery_needed_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


def test_a_recovery_that_may_differ_is_a_disclosure() -> None:
    assert "MSA-SAFETY-CLAIM" not in ad("사람에 따라 회복 기간이 필요할 수 있어 일정에 여유를 두세요.")


# 11. patients' thanks shown
@pytest.mark.parametrize(
    "body",
    ["치료 마친 분들이 보내 주신 감사 메시지를 모아 소개합니다.", "원장님께 온 고마움의 손편지, 오늘 몇 장 공개해요."],
)
def test_patients_thanks_shown_are_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in ad(body)


def test_the_clinic_thanking_its_patients_is_no_testimonial() -> None:
    text = "[새솔의원] 올 한 해 믿고 찾아 주셔서 감사합니다. 연말 휴진은 12월 31일 하루입니다."
    assert "MSA-TESTIMONIAL" not in info_alimtalk(text)


# 12. a remedy on failure promised as a new one, or as no cost worry
@pytest.mark.parametrize(
    "body",
    [
        "교정 끝나고 이가 다시 틀어지면 장치를 새로 맞춰 드립니다.",
        "실 리프팅 후 라인이 처지면 다시 잡아 드리니 비용 걱정 마세요.",
    ],
)
def test_a_new_one_if_it_fails_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in ad(body)


def test_instalments_without_cost_worry_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in ad(
        "교정비는 진행 기간 동안 나눠 내실 수 있어 한꺼번에 비용 걱정하지 않으셔도 됩니다."
    )


def test_a_warranty_term_is_no_guarantee() -> None:
    text = "[새솔치과] 지르코니아 크라운은 3년간 품질보증이 되며, 보증서에 적힌 규정에 따라 교체해 드립니다."
    assert "MSA-GUARANTEE" not in rule_ids(text, "friendtalk", "advertising")


# 13. the keyword-free offers of this file in English
@pytest.mark.parametrize(
    "body",
    [
        "Prepay twelve peels and pay for only nine.",
        "Get 4 syringes pay for 3 this spring.",
        "Load 300,000 won onto your clinic card and we add 60,000.",
        "The first 30 patients to book get a 20% lower lifting price.",
        "The first fifty people who sign up get a complimentary LED session.",
    ],
)
def test_english_keyword_free_offers_are_inducements(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "You pay for only one session at a time; there is no package to buy.",
        "Cancelled sessions are refunded, so you pay for only the 6 you attended.",
        "The first 15 minutes of your visit are a consultation with the doctor.",
    ],
)
def test_english_payment_and_visit_terms_are_no_inducements(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "We keep treating your knee until the pain is gone, at no extra cost.",
        "Our team will keep adjusting your aligners until you are happy, free of charge.",
    ],
)
def test_english_treated_until_the_result_at_no_cost_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


def test_english_care_until_a_symptom_goes_is_no_guarantee() -> None:
    body = "Keep using the ointment until the redness is gone; refills are free at the front desk."
    assert "MSA-GUARANTEE" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Walk out after your lunch-break thread lift and head straight back to work.",
        "Get right back to your day after the laser.",
    ],
)
def test_english_straight_back_to_work_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


def test_english_recovery_told_as_a_range_is_no_safety_claim() -> None:
    body = "Most patients return to work in two or three days, but swelling can last a week."
    assert "MSA-SAFETY-CLAIM" not in en_ad(body)


# 14. health data in SMS: an HPV genotype found, a named patient's missing immunity
@pytest.mark.parametrize(
    "text",
    [
        "[새솔여성의원] 박수진님 HPV 52형이 검출되어 6개월 뒤 재검사 예약을 잡아 드렸습니다.",
        "[새솔의원] 이도현님 A형간염 항체가 없어 두 차례 접종을 권해 드립니다.",
        "[새솔의원] 정민아님은 풍진 면역이 형성되지 않은 것으로 나와 임신 전 접종이 필요합니다.",
    ],
)
def test_a_genotype_found_or_a_named_patients_missing_immunity_in_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[새솔의원] A형간염 항체가 없는 분은 두 차례 접종으로 예방하실 수 있습니다.",
        "[새솔여성의원] 박수진님 HPV 예방접종 3차는 4월 2일 오전 10시입니다.",
        "[새솔여성의원] HPV 검출 여부는 검사 후 일주일 안에 알려 드립니다.",
    ],
)
def test_advice_or_a_vaccination_booking_in_sms_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 15. English: credit loaded on top, a gift for spending, treated until the result, patients telling their course
@pytest.mark.parametrize(
    "body",
    [
        "Top up 600,000 won in clinic credit and we'll load 720,000 onto your account.",
        "Spend over 400,000 won on body contouring and take home a massage device worth 120,000 won.",
    ],
)
def test_english_credit_on_top_or_a_gift_for_spending_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Top up 600,000 won in clinic credit and you get 600,000 to use on any treatment.",
        "Spend 300,000 won or more and you can pay in three card instalments.",
    ],
)
def test_english_plain_credit_or_payment_terms_are_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


def test_english_or_we_keep_treating_until_is_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in en_ad("Glasses-free reading, or we keep adjusting your lenses until you get there.")


def test_english_treatment_as_long_as_needed_billed_per_visit_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in en_ad("We see you as long as you need; each visit is billed separately.")


@pytest.mark.parametrize(
    "body",
    [
        "New on our channel: 15 patients describing their first week after jaw surgery.",
        "Three of our knee patients talk candidly about their recovery in this month's podcast.",
        "Follow Hana's patient diary, written by Hana herself, every Monday.",
    ],
)
def test_english_patients_telling_their_course_are_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our surgeons talk openly about the risks of jaw surgery at every consultation.",
        "Patients should share their treatment history with the nurse before surgery.",
    ],
)
def test_english_staff_or_instructions_are_no_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in en_ad(body)
