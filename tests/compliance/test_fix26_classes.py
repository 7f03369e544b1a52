"""Session 26 (fix26d): channel-rule classes the blind training writers writer_s26_c and writer_s26_d showed — each
on sentences written for these tests (not corpus lines), beside the counterpart a reviewer who reads RULES.md leaves
clean (or keeps)."""

from __future__ import annotations

import pytest

from tests.support.compliance import info_alimtalk, info_sms


# 1. English check-in questions on how the treated part feels (Kakao black list: 안부 messages)
@pytest.mark.parametrize(
    "text",
    [
        "Bora Dental: Hi #{name}, your implant was placed ten days ago. How are the gums healing so far?",
        "Lumi Skin Clinic: How is your face feeling after Tuesday's laser session? Reply anytime.",
        "Hana Ortho: How are you recovering since your knee arthroscopy last week?",
    ],
)
def test_an_english_check_in_question_in_alimtalk_is_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bora Dental: Your check-up is on 12/20. Can you make it at 3pm, or shall we move it?",
        "Lumi Skin Clinic: If the treated area feels hot or swollen for more than three days, call us.",
        "Hana Ortho: How is parking handled? Use the B2 lot; validation is at the front desk.",
    ],
)
def test_a_booking_question_or_care_advice_in_english_is_not_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


# 2. a "new post" notice of the clinic's blog / YouTube channel
@pytest.mark.parametrize(
    "text",
    [
        "[바른척추의원] 유튜브 채널에 '허리 통증 스트레칭 5분' 새 영상이 올라왔습니다. 구독하고 함께 따라 해 보세요.",
        "[Mint Dental] A new video is up on our YouTube channel: flossing tips for kids.",
        "[하늘치과] 치과 블로그에 '시린 이 관리법' 새 글을 올렸어요.",
    ],
)
def test_a_new_post_notice_in_alimtalk_is_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)


def test_a_care_page_the_patient_is_pointed_to_is_not_black_listed() -> None:
    text = "[하늘치과] #{이름}님 발치 후 주의사항은 병원 블로그의 안내문에서 다시 보실 수 있습니다. 출혈이 계속되면 연락 주세요."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


# 3. a survey with a reward
@pytest.mark.parametrize(
    "text",
    [
        "[다온내과] 진료 만족도 설문을 마쳐 주시면 커피 쿠폰을 보내 드립니다.",
        "[Mint Dental] Complete our 2-minute survey and get a coffee voucher on your next visit.",
    ],
)
def test_a_survey_with_a_reward_in_alimtalk_is_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)


def test_a_pre_visit_questionnaire_is_not_black_listed() -> None:
    text = "[다온내과] #{이름}님 내일 검진 전 사전 문진표를 작성해 주세요. 주차는 지하 2층을 이용하시면 됩니다."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


# 4. health data in SMS: a held or flagged result, a scale score, English findings with a size or a RADS grade
@pytest.mark.parametrize(
    "text",
    [
        "[미래검진센터] #{이름}님 위 조직검사 결과 재검 필요 소견입니다. 외래로 연락 주세요.",
        "[마음정신건강의학과] #{이름}님 불안 척도 점수 18점(중등도)입니다. 다음 면담에서 함께 보겠습니다.",
        "[Mirae Checkup] #{name}, your liver ultrasound shows a cyst 2.3cm in the right lobe. Please book a visit.",
        "[미래검진센터] #{이름}님 유방 초음파 결과 BI-RADS 4 입니다. 조직검사 예약을 위해 연락 주세요.",
    ],
)
def test_a_named_patients_result_in_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[미래검진센터] 검사 결과 재검이 필요한 경우 따로 연락드립니다.",
        "[마음정신건강의학과] 자가 척도 점수가 10점 이상이면 상담을 권해 드립니다.",
        "[미래검진센터] 내시경 전날 아스피린은 의사와 상의 후 중단하시고, 혈압약은 아침에 물 한 모금과 드세요.",
    ],
)
def test_general_pre_exam_instructions_and_thresholds_in_sms_are_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 5. interest-free instalments as a payment fact
def test_a_payment_processed_interest_free_is_no_promotion() -> None:
    text = "[다온한의원] #{이름}님 보약 결제(240,000원)가 완료되었습니다. 무이자 할부 6개월이 적용되었습니다."
    assert not {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} & info_sms(text)


def test_interest_free_instalments_offered_for_booking_stay_a_promotion() -> None:
    text = "[다온한의원] 이번 달 다이어트 한약 예약하시면 카드 무이자 6개월 혜택을 드립니다."
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


# 6. new equipment as the cause of a move
def test_new_equipment_as_the_cause_of_a_move_is_no_promotion() -> None:
    text = (
        "[밝은눈안과] 새로 도입한 망막 촬영 장비 설치로 12/20(토) 진료실을 3층으로 옮깁니다. 예약 시간은 변동 없습니다."
    )
    assert "KAKAO-ALIMTALK-PROMO" not in info_alimtalk(text)


def test_a_new_equipment_launch_stays_a_promotion() -> None:
    text = "[밝은눈안과] 최신 망막 촬영 장비를 새로 도입했습니다. 지금 예약하세요."
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk(text)


def test_a_cost_price_anchor_in_an_informational_sms_stays_a_promotion() -> None:
    text = "[다온한의원] 다이어트 한약 원가 300,000원에서 190,000원으로, 이번 주까지만 예약 가능합니다."
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


# 7. a cross-sell call in a care or booking message is promotion (AlimTalk: KAKAO-ALIMTALK-PROMO, SMS: mismatch)
@pytest.mark.parametrize(
    "text",
    [
        "[푸른피부과] #{이름}님 12/9 진료 예약되었습니다. 이번 주부터 레이저 제모 상담도 시작했으니 관심 있으시면 문의해 주세요.",
        "[다솜한의원] #{이름}님 침 치료 예약 확인드립니다. 다이어트 한약 상담도 같은 날 하실 수 있으니 신청해 주세요.",
        "[바른치과] 스케일링 예약 확인: 12/14 오전 10시. 연말엔 치아미백 시작해 보세요!",
        "[Haneul Clinic] 예약 확인 12/20 오후 2시. 신규 탈모 클리닉 오픈 소식은 홈페이지에서 확인하세요.",
    ],
)
def test_a_cross_sell_call_in_alimtalk_is_a_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk(text)


def test_a_cross_sell_call_in_an_informational_sms_is_a_mismatch() -> None:
    text = "[바른정형외과] 주사 치료 예약 확인: 12/11 오후 3시. 주말엔 체외충격파 받아보세요!"
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[바른내과] #{이름}님 위내시경 예약 확인드립니다. 혈액검사도 같은 날 받으실 수 있습니다.",
        "[바른내과] 기침이 2주 넘게 계속되면 진료를 받아 보세요.",
        "[해솔소아과] #{이름}님 1차 접종을 마쳤습니다. 2차 접종도 4주 뒤 받으실 수 있으니 예약하세요.",
        "[바른치과] #{이름}님 결과 상담도 같은 날 가능하니 예약 변경은 문의해 주세요.",
    ],
)
def test_care_advice_and_the_patients_own_next_visit_are_no_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in info_alimtalk(text)
    assert "ADV-PURPOSE-MISMATCH" not in info_sms(text)
