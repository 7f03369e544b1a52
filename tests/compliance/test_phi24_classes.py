"""Session 24 (phi24): health information in an SMS, read as RULES.md words it ("diagnosis or test-result details
inserted into an SMS/LMS") — SMS that only talk about health (safety advice, a disease described in general, a rule
for whoever takes a medicine, results sent by post, a test that may find something, a schedule or a reference range)
against a named patient's result, pathogen, medicine-with-disease or diagnosis-revealing test; and the AlimTalk
check-in and follow-up booking classes the near-miss writer clean24's lines showed. Every sentence is written for
these tests (not a corpus line); each class has its twin that still breaks the rule
(rules/frames_s24b.json, rules/context_checks_s24b.json)."""

from __future__ import annotations

import pytest

from tests.support.compliance import rule_ids

PII = "PII-HEALTH-IN-SMS"


def _rules(text: str, channel: str = "sms", purpose: str = "informational") -> set[str]:
    return rule_ids(text, channel, purpose, labelled_only=False)


@pytest.mark.parametrize(
    "text",
    [
        "[해맑은안과] 일식을 맨눈으로 오래 보면 망막이 손상될 수 있으니 반드시 전용 필터 안경을 쓰세요.",
        "[해맑은안과] 용접 불꽃을 보호구 없이 보면 각막과 망막에 손상이 생길 수 있습니다. 작업 때 보안경을 꼭 쓰세요.",
        "[든든내과] 당뇨를 오래 방치하면 망막과 신장에 손상이 올 수 있습니다. 1년에 한 번 안저검사를 받으세요.",
        "[든든내과] 고혈압을 치료하지 않으면 시신경과 혈관이 손상될 위험이 있습니다. 혈압약은 꾸준히 드세요.",
    ],
)
def test_a_harm_that_may_follow_an_exposure_is_safety_advice(text: str) -> None:
    assert PII not in _rules(text)


def test_a_named_patients_damage_found_stays_health_data() -> None:
    assert PII in _rules("[해맑은안과] 김하늘님, 오늘 검사에서 망막에 손상이 관찰되었습니다. 내일 정밀검사를 받으세요.")
    found = "[해맑은안과] 김하늘님, 안압을 오래 방치하셔서 시신경 손상이 진행될 수 있는 상태로 확인되었습니다."
    assert PII in _rules(found)
    assert PII in _rules(
        "[해맑은안과] 김하늘님은 녹내장 초기 소견으로, 치료하지 않으면 시야 손상이 진행될 수 있습니다."
    )


def test_a_disease_described_in_general_is_health_education() -> None:
    assert PII not in _rules(
        "[밝은안과] 녹내장은 초기에 증상이 거의 없어 40세 이후에는 1년에 한 번 검사를 받으시는 것이 좋습니다."
    )
    assert PII not in _rules("[튼튼정형외과] 골다공증은 증상 없이 진행되니 65세 이상 여성은 골밀도 검사를 받아 보세요.")
    assert PII in _rules("[해맑은안과] 김하늘님 녹내장은 안압 28mmHg로 진행되고 있어 약을 바꿉니다.")


@pytest.mark.parametrize(
    "text",
    [
        "[든든내과] 이번 건강검진에서 추가 검사가 필요한 분들께는 따로 전화로 안내해 드립니다.",
        "[든든내과] 건강검진 결과는 2주 뒤 우편으로 발송됩니다. 재검이 필요하신 분께는 별도로 연락드립니다.",
        "[바른치과] 고혈압약, 당뇨약, 갑상선약을 복용 중인 분은 발치 전에 알려 주세요.",
        "[바른치과] 혈압약, 당뇨약, 골다공증약을 드시는 분은 임플란트 상담 때 약 이름을 알려 주세요.",
        "[새봄내과] 건강검진 결과 재검 판정을 받으신 분은 2주 안에 재검을 받으셔야 공단 비용이 지원됩니다.",
        "[맑은빛안과] 녹내장 환자분은 감기약을 드시기 전에 안과 의사와 상의하세요.",
    ],
)
def test_a_group_addressed_by_a_need_or_a_medicine_is_no_ones_result(text: str) -> None:
    assert PII not in _rules(text)


def test_a_group_defined_by_a_value_or_finding_stays_health_data() -> None:
    # README: an advertising SMS to "those whose ALT was high" or who had a finding is PII-HEALTH-IN-SMS
    high = (
        "(광고) 든든내과 지난 검진에서 간수치가 높게 나오셨던 분들께 정밀검사를 안내합니다. 무료수신거부 080-111-2222"
    )
    assert PII in _rules(high, purpose="advertising")
    nodule = "(광고) 든든내과 작년 검진에서 갑상선 결절 소견을 받으신 분들께 초음파 재검을 권합니다. 무료수신거부 080-111-2222"
    assert PII in _rules(nodule, purpose="advertising")
    assert PII in _rules("[바른치과] 이정희님, 드시는 당뇨약 용량이 늘었으니 발치 전 혈당을 재고 오세요.")


def test_results_sent_by_post_name_no_result() -> None:
    posted = "[든든내과] 검진 결과지를 등기우편으로 보내 드렸습니다. 재검 대상이신 경우 안내문이 동봉되어 있으니 확인해 주세요."
    assert PII not in _rules(posted)
    assert PII not in _rules(
        "[든든내과] 박민수님, 검진 결과지를 이메일로 보내 드렸습니다. 재검 여부는 결과지 마지막 장에서 확인하세요."
    )
    value = "[든든내과] 박민수님, 결과지를 우편으로 보내 드렸습니다. 공복혈당이 138로 높아 재검이 필요합니다."
    assert PII in _rules(value)
    assert PII in _rules("[든든내과] 박민수님, 검진 결과 재검이 필요합니다. 이번 주 안에 내원해 주세요.")


def test_a_pathogen_the_patients_test_found_is_health_data() -> None:
    assert PII in _rules(
        "[서울비뇨의학과] 정우성님, 소변 배양검사에서 대장균이 자랐습니다. 항생제를 처방해 드렸습니다."
    )
    assert PII in _rules("[하늘소아과] 하준이 인후 검사에서 연쇄상구균이 나왔습니다. 항생제를 열흘간 먹여 주세요.")
    assert PII in _rules(
        "[바른비뇨의학과] 최민호님, 요도 분비물 검사에서 임균이 검출되었습니다. 함께 치료받으셔야 합니다."
    )


def test_a_pathogen_or_positive_test_as_a_condition_is_advice() -> None:
    assert PII not in _rules("[든든내과] 헬리코박터균이 검출되면 제균 치료를 받으시는 것이 좋습니다.")
    assert PII not in _rules("[서울비뇨의학과] 소변 배양검사에서 균이 검출되면 항생제를 바꿀 수 있습니다.")
    assert PII not in _rules("[하늘소아과] 연쇄상구균 검사는 10분이면 결과가 나옵니다. 양성이면 항생제를 처방합니다.")
    assert PII not in _rules("[하늘소아과] 노로바이러스가 유행입니다. 손을 비누로 30초 이상 씻어 주세요.")


def test_a_named_patients_medicine_with_its_disease_is_health_data() -> None:
    assert PII in _rules("[행복약국] 김영수님, 파킨슨병 약 조제가 끝났습니다. 찾아가세요.")
    assert PII in _rules("[튼튼약국] 박영자님, 갑상선암 호르몬제 처방약이 준비되었습니다.")
    assert PII in _rules("[City Pharmacy] Maria, your metformin for type 2 diabetes is ready for pickup.")
    assert PII in _rules("[City Pharmacy] Hi Tom, your lithium for bipolar disorder has been refilled.")


def test_a_medicine_without_a_patients_disease_is_clean() -> None:
    assert PII not in _rules("[City Pharmacy] Your prescription is ready for pickup at counter 2.")
    assert PII not in _rules("[행복약국] 조제가 끝났습니다. 오늘 중 찾아가 주세요.")
    assert PII not in _rules("[City Pharmacy] Your appointment for diabetes education is on Dec 9 at 10 a.m.")
    assert PII not in _rules(
        "[City Pharmacy] If you take medication for diabetes, bring your glucose meter to your visit."
    )
    assert PII not in _rules("[튼튼약국] 갑상선암 수술 후 호르몬제를 드시는 분은 매일 아침 공복에 드세요.")
    assert PII not in _rules(
        "[온누리약국] 당뇨병 환자용 소모품(혈당 측정지, 주사 바늘) 구입 시 건강보험 요양비 청구 서류를 준비해 드립니다."
    )


def test_a_test_only_the_disease_brings_names_the_diagnosis() -> None:
    assert PII in _rules("[한빛내과] 김철수님, B형간염 바이러스 DNA 검사 예약이 12월 10일 오전 9시입니다.")
    assert PII in _rules("[Riverside Clinic] Hi Sam, your CD4 count check is booked for Monday at 10.")
    assert PII not in _rules(
        "[Riverside Clinic] Free anonymous HIV testing is available every Friday. No appointment needed."
    )
    assert PII not in _rules("[한빛내과] B형간염 항체 검사는 예방접종 전에 받으시면 좋습니다.")


def test_a_range_is_a_schedule_or_reference_not_a_reading() -> None:
    assert PII not in _rules(
        "[하나산부인과] 임신 24~28주에는 임신성 당뇨 선별검사를 받습니다. 검사 전 금식은 필요 없습니다."
    )
    assert PII not in _rules("[온누리내과] 공복혈당 100~125는 당뇨 전단계, 126 이상은 당뇨로 봅니다.")
    assert PII in _rules("[온누리내과] 김민수님, 공복혈당이 131로 나와 재검이 필요합니다.")


def test_low_or_high_inside_an_english_word_is_no_result() -> None:
    assert PII not in _rules(
        "[Seoul Care Clinic] Reminder: your follow-up for your blood test results is on Dec 9 at 3 p.m."
    )
    assert PII not in _rules(
        "[Seoul Care Clinic] Your lab results are in the portal; please allow 24 hours for the doctor's notes."
    )
    assert PII not in _rules("[Seoul Care Clinic] Your scan is booked; please follow the prep sheet and allow 2 hours.")
    assert PII in _rules(
        "[Seoul Care Clinic] Hi Jin, your iron test was low (ferritin 8). Please start the tablets we prescribed."
    )
    assert PII in _rules("[Seoul Care Clinic] Hi Jin, your thyroid test result is high. Dr. Kim will call you.")


def test_booking_ones_own_follow_up_is_care_not_a_sales_call() -> None:
    assert "ADV-PURPOSE-MISMATCH" not in _rules(
        "[Harbor Clinic] Hi Ana, your results are ready. Please book your follow-up visit this week."
    )
    stitches = "[Harbor Clinic] Your stitches come out next week. Please book your follow-up appointment online."
    assert "ADV-PURPOSE-MISMATCH" not in _rules(stitches)
    offer = "[Harbor Clinic] Your visit is on Dec 9. Book your free skin consultation this week and get 20% off Botox!"
    assert "ADV-PURPOSE-MISMATCH" in _rules(offer)


def test_a_check_in_on_the_body_part_a_procedure_touched_is_black_listed() -> None:
    black = "KAKAO-ALIMTALK-BLACKLIST"
    assert black in _rules("[튼튼정형외과] 주사 맞으신 무릎은 좀 편하신가요? 불편하시면 답장 주세요.", "alimtalk")
    assert black in _rules("[하늘소아과] 어제 접종한 아기는 괜찮은가요? 열이 나면 연락 주세요.", "alimtalk")
    assert black in _rules("[편한내과] 어제 위내시경 후 속은 괜찮으세요? 궁금한 점은 답장 주세요.", "alimtalk")
    assert black not in _rules("[튼튼정형외과] 주사 후 무릎이 붓거나 열이 나면 바로 연락 주세요.", "alimtalk")
    assert black not in _rules("[속편한내과] 내시경 후 속이 불편하시면 미음부터 드세요.", "alimtalk")
    assert black not in _rules("[하늘소아과] 접종 후 아기가 열이 나면 해열제를 먹이고 연락 주세요.", "alimtalk")


def test_the_yak_of_a_booking_at_a_findings_end_is_no_medicine() -> None:
    assert PII not in _rules("[바른내과] 김철수님, 12월 9일 갑상선 초음파 결과 상담 예약입니다.")
    assert PII in _rules("[바른내과] 김철수님, 갑상선 기능 저하로 약 처방을 바꿨습니다. 예약은 다음 달입니다.")
    assert PII in _rules("[바른내과] 김철수님, 당뇨 약 처방 예약이 12월 9일입니다.")  # the medicine names the disease


def test_a_gestational_week_as_the_next_visits_date_is_the_booking() -> None:
    assert PII not in _rules("[바른산부인과] 김서연님, 다음 산전 진찰은 임신 20주인 12월 12일입니다.")
    finding = "[바른산부인과] 김서연님, 임신 20주 정밀초음파에서 태아 심장에 이상 소견이 있어 재검이 필요합니다."
    assert PII in _rules(finding)


def test_months_or_hours_after_a_labs_name_are_no_reading() -> None:
    assert PII not in _rules("[바른내과] 당화혈색소는 3개월 평균 혈당을 보여 주는 검사입니다.")
    assert PII not in _rules("[바른내과] 혈당은 식후 2시간에 재서 수첩에 적어 오세요.")
    assert PII in _rules("[바른내과] 김철수님 식후 2시간 혈당이 210mg/dL로 높게 나왔습니다.")
    assert PII in _rules("[바른내과] 김철수님 당화혈색소 8.2%로 당뇨 조절이 필요합니다.")


def test_reassurance_about_what_a_test_usually_finds_is_advice() -> None:
    ad = "(광고) 든든내과 갑상선 초음파 검사 예약을 받습니다. 결절이 있어도 대부분 양성이니 너무 걱정하지 마세요."
    assert PII not in _rules(ad + " 무료수신거부 080-111-2222", purpose="advertising")
    assert PII not in _rules("[든든내과] 대장 용종은 대개 양성이지만 크기가 크면 떼어 내는 것이 좋습니다.")
    seen = "[든든내과] 김철수님, 초음파 검사에서 갑상선 결절이 보였지만 대부분 양성이니 6개월 뒤 재검하세요."
    assert PII in _rules(seen)


def test_an_english_test_named_in_its_booking_or_with_its_duration_is_no_result() -> None:
    assert PII not in _rules("[Seoul Intl Clinic] Your allergy test is tomorrow. Stop antihistamines 5 days before.")
    assert PII not in _rules("[Seoul Intl Clinic] Your eye pressure test takes 5 minutes; no eye drops are needed.")
    mites = "[Seoul Intl Clinic] Hi Emma, your allergy test was positive for dust mites. Your next test is booked for Monday."
    assert PII in _rules(mites)
    assert PII in _rules(
        "[Seoul Intl Clinic] Hi Emma, your eye pressure was 28 mmHg today; your next test is in 2 weeks."
    )
    hiv = "[Riverside Clinic] Reminder for Tom: your HIV viral load follow-up blood test is on Dec 10 at 9 a.m."
    assert PII in _rules(hiv)  # the test's name discloses the diagnosis
    biopsy = "[Hanul Skin] Ms. Seo, your biopsy confirmed psoriasis. Dr. Oh will explain the treatment on Friday."
    assert PII in _rules(biopsy)  # confirmed by a test is a result, not a confirmed booking
