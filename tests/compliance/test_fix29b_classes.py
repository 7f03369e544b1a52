"""Session 29 (fix29b): classes the blind training writer writer_s29_b showed — disparagement implied without a
failure word (a fault of making blamed on another clinic, an unskilled practitioner, a disease another clinic missed,
rounds of places without a cure, one treatment elsewhere blamed for the harm, a pejorative label, another place's
old equipment, another's inferior test, English dilution), the sender set against a place it ran down (comparison),
outcome-conditional redo or refund in care messages (guarantee), a referral rewarded with an extra session, and the
false readings beside them (a cue inside 한방치료 or a risk notice, the sender's own low revision rate, a refund
processed, a waiver tied to an outcome, record copies and programme weeks, an English cancellation policy). Each on
sentences written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, info_alimtalk, info_sms, korean_ad, rule_ids

ad = partial(korean_ad, clinic="새봄의원")
en_ad = partial(english_ad, clinic="Saebom Clinic")


def plain_ad(body: str, clinic: str = "새봄한의원") -> set[str]:
    """An SMS ad with the clinic's own risk notice as its last line (no footer added by the helper)."""
    return rule_ids(f"(광고) {clinic}\n{body}\n무료수신거부 080-414-7720", "sms", "advertising")


# 1. a fault of making blamed on another clinic, in an ad or a care message
@pytest.mark.parametrize(
    "text,channel,purpose",
    [
        (
            "(광고) 새봄치과 이전 치과에서 씌운 크라운이 자꾸 빠지셨다면 처음부터 잘못 만들었기 때문입니다. "
            "부작용·개인차가 있을 수 있습니다. 무료수신거부 080-414-7720",
            "friendtalk",
            "advertising",
        ),
        (
            "(광고) 새봄성형외과 다른 병원에서 받은 쌍꺼풀이 풀리셨나요? 애초에 잘못 꿰맸기 때문입니다. "
            "부작용·개인차가 있을 수 있습니다. 무료수신거부 080-414-7720",
            "friendtalk",
            "advertising",
        ),
        (
            "[새봄치과] 김하나님, 타 치과에서 하신 브릿지가 잘 맞지 않게 제작되어 잇몸이 부었습니다. 내원 예약 부탁드립니다.",
            "alimtalk",
            "informational",
        ),
    ],
)
def test_a_fault_of_making_blamed_on_another_clinic_is_disparagement(text: str, channel: str, purpose: str) -> None:
    assert "MSA-DEFAME" in rule_ids(text, channel, purpose)


@pytest.mark.parametrize(
    "body",
    [
        "지난번 예약 문자를 저희가 잘못 보내 드려 죄송합니다. 다른 병원 진료 기록은 그대로 지참해 주세요.",
        "다른 치과에서 하신 크라운이 오래되어 교체 시기가 되었습니다. 진료 때 자세히 설명드리겠습니다.",
        "잘못된 양치 습관이 잇몸을 상하게 합니다. 다른 치과 검진 기록이 있으면 가져와 주세요.",
    ],
)
def test_an_own_mistake_or_a_plain_finding_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in care_note(body, clinic="새봄치과")


# 2. another practitioner called unskilled
@pytest.mark.parametrize(
    "body",
    [
        "경험 부족한 의사에게 맡긴 눈매, 다시 고치기 어렵습니다.",
        "실력 없는 원장에게 받은 시술이 걱정되신다면 상담하세요.",
        "경력이 짧은 시술자에게 받으셨다면 결과가 다를 수 있습니다.",
    ],
)
def test_an_unskilled_practitioner_elsewhere_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


@pytest.mark.parametrize(
    "body",
    ["경력 20년 원장이 직접 상담합니다.", "처음 오시는 분도 경험 많은 의료진이 차례로 안내합니다."],
)
def test_the_senders_own_staff_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in ad(body)


# 3. a disease another clinic missed
@pytest.mark.parametrize(
    "body",
    [
        "동네 병원에서 놓친 갑상선 결절, 정밀 초음파로 다시 보세요.",
        "타 병원에서 발견하지 못한 용종이 정밀 내시경에서 보이는 경우가 있습니다.",
    ],
)
def test_a_disease_another_clinic_missed_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원 일정 때문에 예약을 놓치셨다면 다시 잡아 드립니다.",
        "검진 시기를 놓친 분들을 위해 토요일 검진을 엽니다.",
    ],
)
def test_a_missed_appointment_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in ad(body)


# 4. rounds of places without a cure; 5. one treatment elsewhere blamed for the harm
@pytest.mark.parametrize(
    "body",
    [
        "피부과 네 군데를 다녀도 그대로였던 여드름, 원인부터 다시 봅니다.",
        "병원 여러 곳을 전전해도 낫지 않던 두통, 상담 예약하세요.",
        "마사지샵에서 지압만 받다가 목 디스크가 악화되어 오시는 분이 많습니다.",
        "약국 연고만 바르다 덧난 상처, 제대로 치료하세요.",
    ],
)
def test_other_places_failing_or_harming_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "여러 곳을 다니기 어려운 분을 위해 검사와 진료를 한 번에 합니다.",
        "저희 도수치료만 받으셔도 되는지 진료 때 여쭤 보세요.",
        "처방받은 약만 드시다가 불편하시면 연락 주세요.",
    ],
)
def test_a_convenience_or_own_treatment_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in ad(body)


# 6. a pejorative label; 7. another place's old equipment; 9. English dilution
@pytest.mark.parametrize(
    "body",
    [
        "덤핑 치과의 저가 경쟁에 흔들리지 마세요.",
        "날림 병원에서 받은 수술, 후회하지 마세요.",
        "레이저가 낡은 피부과에서 받으면 화상 위험이 커집니다.",
        "기계가 오래된 검진센터는 작은 용종을 놓치기 쉽습니다.",
    ],
)
def test_a_label_or_old_equipment_elsewhere_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


def test_a_price_word_or_the_senders_own_equipment_is_no_disparagement() -> None:
    assert "MSA-DEFAME" not in ad("덤핑 가격이 아닌 정직한 가격을 안내합니다.")
    note = "저희 검사 장비가 오래되어 다음 주에 새 장비로 교체합니다. 검사 일정은 그대로입니다."
    assert "MSA-DEFAME" not in care_note(note)


@pytest.mark.parametrize(
    "body",
    [
        "Many clinics water down their filler. Ours is never diluted.",
        "Budget injectors reuse needles - choose a doctor.",
    ],
)
def test_english_others_diluting_or_reusing_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in en_ad(body)


def test_english_a_product_warning_is_no_disparagement() -> None:
    text = "[Saebom Clinic] Please don't buy numbing creams online; unlicensed products can irritate healing skin."
    assert "MSA-DEFAME" not in info_alimtalk(text)


# 8. another clinic's test called inaccurate, in a care message too
@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 받으신 초음파는 해상도가 낮아 저희 병원에서 다시 보시길 권합니다.",
        "타 병원 검사는 정확도가 떨어질 수 있으니 예약하시면 다시 확인해 드립니다.",
    ],
)
def test_another_clinics_inferior_test_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in care_note(body)


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 받으신 결과지를 가져오시면 중복 검사 없이 진료합니다.",
        "검사 전 금식을 지키지 않으면 정확도가 떨어질 수 있습니다.",
    ],
)
def test_results_from_elsewhere_or_a_preparation_note_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in care_note(body)


# 10. the sender set against a place it ran down: the disparagement is found; the comparison is the conventions'
# either reading (the lead withdrew fix29b's two comparison frames: on the 28 older blind sets they added 3 false
# MSA-COMPARISON findings for 1 true one — the blind writers split on it)
@pytest.mark.parametrize(
    "body",
    [
        "마취를 대충 하는 곳이 많습니다. 저희는 마취 전문의가 함께합니다.",
        "다른 병원에서 2년 치료받고도 그대로였던 무릎, 저희 치료는 접근부터 다릅니다.",
    ],
)
def test_the_sender_set_against_a_place_it_ran_down_is_a_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


@pytest.mark.parametrize(
    "body",
    ["저희는 역 앞에서 20년 진료한 치과입니다.", "저희는 토요일에도 진료하는 의원입니다. 예약은 전화로 받습니다."],
)
def test_the_sender_describing_itself_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in ad(body)


# 11. an outcome-conditional redo, refund or cost borne, in a care message
@pytest.mark.parametrize(
    "text",
    [
        "[새봄치과] 김하나님, 원하시는 라인이 나올 때까지 무료로 다시 교정해 드립니다.",
        "[새봄한의원] 김하나님, 목표 체중에 못 도달하시면 다음 달 한약은 저희가 부담합니다.",
        "[새봄치과] 김하나님, 원하는 색이 안 나오시면 추가 회차는 비용 없이 진행합니다.",
    ],
)
def test_an_outcome_conditional_remedy_is_a_guarantee_in_care_messages(text: str) -> None:
    assert "MSA-GUARANTEE" in info_alimtalk(text)


@pytest.mark.parametrize(
    "body",
    [
        "보철물은 장착 후 2년 안에 파절되면 무상으로 다시 제작해 드립니다.",
        "원하시는 결과가 나오지 않을 수 있어 수술 전 충분히 상담합니다.",
        "재수술이 필요하다고 의사가 판단하면 비용을 받지 않습니다.",
    ],
)
def test_a_warranty_a_hedge_or_a_doctors_decision_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in care_note(body)


# 12. a referral rewarded with an extra session
@pytest.mark.parametrize(
    "body",
    ["친구를 모시고 오시면 관리 1회를 더 해 드립니다.", "가족과 함께 오시면 두 번째 회차를 덤으로 얹어 드려요."],
)
def test_a_referral_rewarded_with_an_extra_session_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


def test_a_companion_asked_to_come_is_no_inducement() -> None:
    assert "MSA-INDUCEMENT" not in ad("보호자와 함께 오시면 설명을 같이 들으실 수 있습니다.")


# 13. cues read inside the sender's risk notice; 14. the sender's own low revision rate
def test_a_cue_inside_the_risk_notice_is_no_disparagement_or_comparison() -> None:
    found = plain_ad("가족이 함께 오시면 두 분째 진맥은 무료입니다.\n한방치료 결과는 개인차가 있습니다.")
    assert not found & {"MSA-DEFAME", "MSA-COMPARISON"}
    found = plain_ad(
        "맞지 않으면 편해지실 때까지 다시 맞춰 드립니다. 저희가 책임집니다.\n틀니는 부작용·개인차가 있습니다.",
        clinic="새봄치과",
    )
    assert "MSA-DEFAME" not in found


def test_neglect_said_of_another_clinic_stays_a_disparagement() -> None:
    assert "MSA-DEFAME" in ad("다른 병원에서 몇 달째 방치한 허리 통증, 이제 제대로 보세요.")


def test_the_senders_own_low_revision_rate_is_no_disparagement() -> None:
    found = ad("근처 치과보다 한 번 더 확인합니다. 재수술률이 낮은 이유입니다.")
    assert "MSA-DEFAME" not in found
    assert "MSA-COMPARISON" in found


# 15. a refund processed; 16. a fee waived when the promised outcome fails
def test_a_refund_processed_is_no_promotion() -> None:
    found = info_sms("[새봄의원] 선결제하신 관리비 환불이 완료되었습니다. 카드사에 따라 3~5일 걸립니다.")
    assert not found & {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"}
    assert "ADV-PURPOSE-MISMATCH" in info_sms("[새봄의원] 환불이 완료되었습니다. 다음 시술은 20% 할인해 드립니다.")


@pytest.mark.parametrize(
    "body",
    [
        "주름 시술 4회면 이마가 펴집니다. 안 펴지면 남은 회차 비용은 받지 않습니다.",
        "3개월이면 허리둘레가 줄어듭니다. 줄지 않으면 다음 달 관리비는 저희가 부담합니다.",
    ],
)
def test_a_fee_waived_when_the_outcome_fails_is_the_guarantee_alone(body: str) -> None:
    found = ad(body)
    assert "MSA-GUARANTEE" in found
    assert "MSA-INDUCEMENT" not in found


def test_a_fee_waived_for_everyone_stays_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in ad("이번 달 첫 방문 고객은 상담비와 검사비를 받지 않습니다.")


# 17. record copies; 18. a programme week
@pytest.mark.parametrize(
    "text",
    [
        "[새봄병원] 김하나님, 다른 병원 진료에 필요하신 판독지와 영상 CD는 원무과에서 발급해 드립니다.",
        "[새봄병원] 2차 소견을 원하시면 검사 영상 CD를 복사해 드리니 신분증을 지참해 주세요.",
        "[새봄한의원] 김하나님, 다이어트 프로그램 3주차입니다. 이번 주도 식단 기록 잊지 마세요.",
    ],
)
def test_record_copies_or_a_programme_week_are_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[새봄병원] 김하나님, 판독 결과 갑상선 결절이 의심되어 판독지를 발급해 드렸습니다.",
        "[새봄산부인과] 김하나님, 임신 14주차 태아 초음파 결과 안내드립니다.",
    ],
)
def test_a_finding_beside_a_record_or_a_pregnancy_week_stays_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


# 19. an English cancellation policy in AlimTalk
def test_english_a_cancellation_policy_is_informational() -> None:
    text = "[Saebom Clinic] Refund policy: deposits are refunded if you cancel 24 hours ahead; no-shows forfeit the deposit."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)
    review = "[Saebom Clinic] Leave us a review and get a coupon for your next visit!"
    assert info_alimtalk(review) & {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO"}


# 20. another clinic's test run down and the sender's own offered, in a care message: a disparagement (the comparison
# is the conventions' either reading, as in 10)
def test_another_clinics_inferior_test_set_against_the_sender_is_a_disparagement() -> None:
    note = "다른 병원에서 받으신 초음파는 해상도가 낮은 편이라 저희 병원에서 다시 보시길 권합니다."
    assert "MSA-DEFAME" in care_note(note)
    assert "MSA-COMPARISON" not in care_note("다른 병원에서 받으신 초음파 결과지를 가져오시면 저희가 함께 봐 드립니다.")


# 21. a put-off consultation urged in AlimTalk is promotion; the patient's own pending treatment is care
@pytest.mark.parametrize(
    "body",
    [
        "올 한 해 감사했습니다. 미뤄 두신 라식 상담, 새해에는 꼭 받아 보세요.",
        "망설이시던 교정 상담도 이번 방문 때 받아 보세요.",
    ],
)
def test_a_put_off_consultation_urged_is_alimtalk_promotion(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in care_note(body)


@pytest.mark.parametrize(
    "body",
    [
        "미뤄 두신 신경치료가 남아 있습니다. 다음 예약일에 마무리하겠습니다.",
        "고민하시던 부분은 진료 때 원장님께 편하게 여쭤 보세요.",
    ],
)
def test_the_patients_own_pending_treatment_is_no_promotion(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in care_note(body)
