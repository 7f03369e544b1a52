"""Session 33 (fix33b): classes the blind training writer writer_s33_b (Korean precision traps: 실손 서류, 포인트 제도,
후기 요청, 소식지, 복약 안내 in AlimTalk vs SMS, 재수술 상담) showed — a condition named as the reason of the
patient's own prescription, a free voucher handed over with a document, a charge waived for a posted review, a
patient's memoir pointed to; and the false readings beside them (a points scheme said to be ended, a survey with no
reward, a bought package in its refund settlement, the place of the patient's earlier operation). Each on sentences
written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, info_sms, korean_ad

ad = partial(korean_ad, clinic="가온의원")
note = partial(care_note, clinic="가온의원")


# 1. the patient's condition as the reason of their own prescription, in an SMS
@pytest.mark.parametrize(
    "text",
    [
        "[가온의원] 박은지님, 방광염으로 처방한 항생제는 사흘 동안 빠짐없이 드세요.",
        "[가온소아과] 하준이는 장염으로 정장제 시럽을 이틀 더 먹여야 합니다. 물을 자주 주세요.",
        "[가온의원] 오세훈님, 역류성식도염 치료 약(14일분)이 처방되었습니다. 식전 30분에 드세요.",
        "[가온한의원] 문정희님, 불면증 증상으로 처방해드린 한약은 자기 전에 한 포 드세요.",
    ],
)
def test_a_condition_given_as_the_reason_of_the_prescription_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[가온의원] 방광염이 있는 분은 처방받은 항생제를 끝까지 드시고 물을 자주 드세요.",
        "[가온소아과] 장염일 때는 정장제 시럽을 먹여도 설사가 이어지면 내원해 주세요.",
        "[가온의원] 박은지님, 처방약 수령이 확인되었습니다. 복용법은 약국 안내문을 참고하세요.",
        "[가온의원] 오세훈님, 7일분 약이 처방되었습니다. 다 드신 뒤 다시 오세요.",
    ],
)
def test_advice_to_whoever_has_it_or_a_bare_prescription_notice_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


def test_the_same_prescription_in_an_alimtalk_is_clean() -> None:
    assert "PII-HEALTH-IN-SMS" not in note("박은지님, 방광염으로 처방한 항생제는 사흘 동안 빠짐없이 드세요.")


# 2. a free voucher handed over is an inducement (in an AlimTalk also a promotion)
@pytest.mark.parametrize(
    "body",
    [
        "진료비 영수증이 준비되었습니다. 찾으러 오실 때 두피 관리 1회 체험권도 같이 드릴게요!",
        "검진 예약이 확정되었습니다. 검진 당일 오시는 분께 카페 음료 교환권을 드립니다.",
    ],
)
def test_a_voucher_given_in_a_care_note_is_an_offer(body: str) -> None:
    found = note(body)
    assert {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "진료비 영수증이 준비되었습니다. 1층 수납 창구에서 신분증을 보여주시고 받아가세요.",
        "임신·출산 진료비 바우처(국민행복카드)로 결제하실 수 있습니다. 카드를 지참해 주세요.",
        "주차권은 접수처에서 차량번호를 등록하시면 됩니다.",
    ],
)
def test_a_document_a_state_voucher_or_a_parking_note_is_no_offer(body: str) -> None:
    found = note(body)
    assert "MSA-INDUCEMENT" not in found
    assert "KAKAO-ALIMTALK-PROMO" not in found


# 3. a charge waived for a posted review is a review reward, not a second inducement
@pytest.mark.parametrize(
    "text",
    [
        "[가온의원] 한지민님, 카페에 후기를 올려주시면 다음 재진 진료비는 받지 않겠습니다.",
        "[가온의원] 지도 앱에 리뷰 남겨주시면 오늘 주차비는 저희가 내드릴게요.",
    ],
)
def test_a_waived_charge_for_a_review_is_a_review_incentive(text: str) -> None:
    found = info_sms(text)
    assert "MSA-REVIEW-INCENTIVE" in found
    assert "MSA-INDUCEMENT" not in found


def test_a_review_asked_for_without_a_reward_is_no_review_incentive() -> None:
    found = info_sms("[가온의원] 한지민님, 진료가 만족스러우셨다면 카페에 후기를 올려주시면 큰 힘이 됩니다.")
    assert "MSA-REVIEW-INCENTIVE" not in found


# 4. a patient's memoir pointed to is a testimonial (and promotion in a care message)
@pytest.mark.parametrize(
    "text",
    [
        "[가온의원] 이번 달 소식지에 실린 '무릎 통증에서 벗어난 어머니' 환자 가족 수기를 읽어보세요.",
        "[가온의원] 홈페이지에 완치 환자분의 투병기를 올렸습니다. 많은 관심 부탁드립니다.",
    ],
)
def test_a_patients_memoir_pointed_to_is_a_testimonial(text: str) -> None:
    assert {"MSA-TESTIMONIAL", "ADV-PURPOSE-MISMATCH"} <= info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[가온의원] 환자 수기 공모를 받습니다. 원고는 원무과로 보내주세요.",
        "[가온의원] 이번 달 소식지에는 겨울철 관절 관리법과 진료 시간 변경 안내가 실렸습니다.",
    ],
)
def test_a_call_for_entries_or_a_plain_newsletter_is_no_testimonial(text: str) -> None:
    assert "MSA-TESTIMONIAL" not in info_sms(text)


# 5. a points scheme said to be ended offers nothing
@pytest.mark.parametrize(
    "body",
    [
        "멤버십 포인트 적립을 5월 말로 중단합니다. 남은 포인트는 진료비 수납 때 사용하실 수 있습니다.",
        "포인트 제도는 올해 3월 31일자로 종료되었습니다. 문의는 원무과로 해주세요.",
        "새 진료카드에는 적립 기능이 없습니다. 접수 때 카드를 보여주세요.",
    ],
)
def test_a_points_scheme_said_to_end_is_no_offer(body: str) -> None:
    found = note(body)
    assert "MSA-INDUCEMENT" not in found
    assert "KAKAO-ALIMTALK-PROMO" not in found


def test_points_doubled_before_the_scheme_ends_is_still_an_offer() -> None:
    found = note("포인트 적립은 이달로 종료됩니다. 종료 전 예약하시면 포인트 2배 적립해 드려요!")
    assert "KAKAO-ALIMTALK-PROMO" in found


# 6. a survey said to carry no reward is no black-listed survey
def test_a_survey_with_no_reward_is_clean() -> None:
    found = note("김하늘님, 진료 만족도 설문(3문항)에 참여 부탁드립니다. 사례품은 따로 없습니다.")
    assert "KAKAO-ALIMTALK-BLACKLIST" not in found


def test_a_survey_with_a_prize_draw_stays_black_listed() -> None:
    found = note("김하늘님, 진료 만족도 설문에 참여하시면 추첨으로 커피 쿠폰을 드립니다.")
    assert found & {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO"}


# 7. a bought package in its refund settlement is the patient's contract, not a package offered
def test_a_package_in_its_refund_settlement_is_no_promotion() -> None:
    body = "도수치료 8회 패키지 중 3회를 이용하셨습니다. 남은 5회분은 위약금을 공제하고 환불해 드립니다."
    assert "KAKAO-ALIMTALK-PROMO" not in note(body)


def test_a_package_pitched_in_a_settlement_note_stays_a_promotion() -> None:
    body = "환불 정산이 끝났습니다. 이번 달 새로 나온 도수치료 패키지는 20% 할인 중이니 예약하세요."
    assert "KAKAO-ALIMTALK-PROMO" in note(body)


# 8. the place of the patient's earlier operation sets nothing against the sender
def test_where_the_patient_was_operated_before_is_no_comparison() -> None:
    found = ad("타 병원에서 수술받으신 분은 이전 수술 기록을 지참하시면 재수술 상담이 빨라집니다.")
    assert not found & {"MSA-COMPARISON", "MSA-DEFAME"}


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 수술받은 코가 망가졌다면, 저희가 바로잡아 드립니다.",
        "타 병원에서 시술받은 분보다 훨씬 자연스러운 결과를 약속합니다.",
    ],
)
def test_a_fault_or_contrast_with_the_earlier_clinic_stays_a_comparison(body: str) -> None:
    assert ad(body) & {"MSA-COMPARISON", "MSA-DEFAME"}


# 9. a plain contrast with the clinic of the first operation is a comparison, not disparagement
def test_a_plain_contrast_with_the_first_clinic_is_comparison_alone() -> None:
    found = ad("코 재수술, 처음 수술한 병원보다 한층 자연스럽게 다듬어 드립니다.")
    assert "MSA-COMPARISON" in found
    assert "MSA-DEFAME" not in found


def test_the_first_clinic_run_down_stays_disparagement() -> None:
    assert "MSA-DEFAME" in ad("처음 수술한 병원에서 망친 코, 그 병원보다 훨씬 자연스럽게 바로잡아 드립니다.")
