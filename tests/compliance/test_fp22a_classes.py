"""Session 22 (fp22a): classes of false findings and misses left over in the training files and seen in a blind
writer's file, each checked on sentences written for these tests (not corpus lines): the reading a reviewer who reads
RULES.md gives, and its counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import EN_RISK_FOOTER, RISK_FOOTER, rule_ids


def test_the_rule_files_load_with_a_comment_per_entry() -> None:
    frames = json.loads((RULES_DIR / "frames_s22a.json").read_text("utf-8"))["frames"]
    checks = json.loads((RULES_DIR / "context_checks_s22a.json").read_text("utf-8"))["checks"]
    assert frames and all(frame["comment"] for frame in frames)
    assert checks and all(check["class"] for check in checks)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Spine Dr. Oh is a master spine surgeon with 20 years in the operating room.",
        "(광고) Nuri Dental Meet Seoul's implant master, Dr. Yoon.",
        "(광고) Nuri Eye Clinic Busan's LASIK specialty hospital for international patients.",
    ],
)
def test_english_master_surgeons_and_specialty_hospitals_are_titles(text: str) -> None:
    assert "MSA-FAKE-TITLE" in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Spine Dr. Oh holds a master's degree in sports medicine and sees patients on Tuesdays.",
        "(광고) Nuri Spine We were designated as a spine specialty hospital by the Ministry of Health and Welfare.",
        "(광고) Nuri Spine Pay by MasterCard or Visa at the front desk.",
    ],
)
def test_a_degree_a_card_or_the_ministrys_designation_is_no_title(text: str) -> None:
    assert "MSA-FAKE-TITLE" not in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


def test_a_subspecialist_title_is_a_title_unless_a_society_names_it() -> None:
    assert "MSA-FAKE-TITLE" in rule_ids(
        "(광고) 누리이비인후과 코골이 세부전문의 상담, 예약 02-515-2290" + RISK_FOOTER, "friendtalk"
    )
    society = "(광고) 누리내과 대한소화기내시경학회 인정 세부전문의가 내시경을 합니다. 예약 02-515-2290"
    assert "MSA-FAKE-TITLE" not in rule_ids(society + RISK_FOOTER, "friendtalk")


def test_bijeonmun_runs_others_down_but_claims_no_title() -> None:
    found = rule_ids("(광고) 누리피부과 비전문 병원에서 받은 시술로 생긴 흉터, 상담하세요." + RISK_FOOTER, "friendtalk")
    # an unnamed kind of provider run down with no comparison drawn is the disparagement alone (session 25's convention)
    assert "MSA-DEFAME" in found and "MSA-FAKE-TITLE" not in found


def test_a_community_selection_of_the_clinic_is_an_unverified_award() -> None:
    assert "MSA-UNVERIFIED" in rule_ids(
        "(광고) 누리소아과 동네 맘카페가 뽑은 친절한 병원, 야간진료 합니다." + RISK_FOOTER, "friendtalk"
    )
    topic = "(광고) 누리소아과 주민들이 뽑은 건강강좌 주제: 겨울철 독감 예방. 12/20(일) 오후 2시."
    assert "MSA-UNVERIFIED" not in rule_ids(topic + RISK_FOOTER, "friendtalk")


def test_an_excellent_hospital_certificate_is_unverified_but_the_ministrys_is_not() -> None:
    assert "MSA-UNVERIFIED" in rule_ids(
        "(광고) 누리안과 의료관광 우수병원 인증 획득! 라식 상담 02-515-2290" + RISK_FOOTER, "friendtalk"
    )
    official = "(광고) 누리안과 보건복지부 지정 외국인환자 유치 우수의료기관 지정. 라식 상담 02-515-2290"
    assert "MSA-UNVERIFIED" not in rule_ids(official + RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리여성의원 질 타이트닝 레이저 상담 예약 02-515-2290 무료수신거부 080-515-2290",
        "(광고) Nuri ENT Septoplasty consultations on Saturday mornings. 무료수신거부 080-515-2290",
    ],
)
def test_named_procedures_need_a_notice(text: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids(text, "friendtalk")
    assert "MSA-OMIT-RISK" not in rule_ids(
        text.replace(" 무료수신거부", RISK_FOOTER.split(" 무료")[0] + " 무료수신거부"), "friendtalk"
    )


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Dental If your last dentist took X-rays, please bring them to your first visit.",
        "(광고) Nuri Dental Please send records from your previous clinic before your consultation.",
    ],
)
def test_records_from_the_previous_provider_compare_nobody(text: str) -> None:
    assert not {"MSA-COMPARISON", "MSA-DEFAME"} & rule_ids(text + EN_RISK_FOOTER, "friendtalk")


def test_records_asked_for_beside_a_comparison_stay_a_comparison() -> None:
    text = "(광고) Nuri Dental Unlike your last dentist, we never rush; bring your X-rays and see the difference."
    assert "MSA-COMPARISON" in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


def test_advice_about_what_a_test_might_show_is_no_result() -> None:
    advice = "Nuri Clinic: If your blood test shows anemia, the nurse will explain iron-rich meals. 02-515-2290"
    assert "PII-HEALTH-IN-SMS" not in rule_ids(advice, "sms", "informational")
    result = "Nuri Clinic: Your blood test shows anemia (hemoglobin 9.1). Please call us. 02-515-2290"
    assert "PII-HEALTH-IN-SMS" in rule_ids(result, "sms", "informational")


def test_jeonwon_as_a_transfer_is_no_gift_to_everyone() -> None:
    transfer = "(광고) 누리치과 교정 중 이사하셨나요? 전원하시는 분도 이어서 진행해 드립니다."
    assert "MSA-INDUCEMENT" not in rule_ids(transfer + RISK_FOOTER, "friendtalk")
    gift = "(광고) 누리치과 12월 내원 고객 전원에게 전동칫솔을 드립니다."
    assert "MSA-INDUCEMENT" in rule_ids(gift + RISK_FOOTER, "friendtalk")


def test_a_medicine_named_by_its_complaint_in_an_ad_is_no_diagnosis() -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids("(광고) 누리한의원 불면증 한약 상담 예약 02-515-2290" + RISK_FOOTER)
    care = "[누리한의원] 불면증 한약은 오늘 오후 택배로 발송됩니다."
    assert "PII-HEALTH-IN-SMS" in rule_ids(care, "sms", "informational")


# classes seen in the blind writer F's file (writer_s22_f), tested on sentences of our own


def test_a_measurements_maximum_is_no_superlative() -> None:
    advice = "(광고) 누리안과 지난 검진에서 최고 안압이 높았던 분은 올해도 꼭 검사받으세요."
    assert "MSA-SUPERLATIVE" not in rule_ids(advice + RISK_FOOTER, "friendtalk")
    assert "MSA-SUPERLATIVE" in rule_ids(
        "(광고) 누리안과 최고의 의료진이 라식을 집도합니다." + RISK_FOOTER, "friendtalk"
    )


def test_a_famous_doctor_is_a_title_and_a_superlative() -> None:
    found = rule_ids("(광고) 누리이비인후과 원장님은 비염 수술 명의로 알려져 있습니다." + RISK_FOOTER, "friendtalk")
    assert {"MSA-FAKE-TITLE", "MSA-SUPERLATIVE"} <= found
    account = "[누리이비인후과] 환불은 예약자 본인 명의로 된 계좌로 보내 드립니다."
    assert not {"MSA-FAKE-TITLE", "MSA-SUPERLATIVE"} & rule_ids(account, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리치과 미백 효과는 영구적이지 않아 몇 년 뒤 다시 관리가 필요할 수 있습니다.",
        "(광고) 누리피부과 기미는 한 번에 끝나지 않으며 몇 주 간격으로 여러 번 치료합니다.",
        "(광고) Nuri Eye Clinic LASIK consultations are 100% by appointment.",
        "(광고) 누리치과 미백 효과는 평생 유지되지 않으며 1~2년마다 관리가 필요합니다.",
        "(광고) 누리피부과 흉터는 한 번의 시술로 완전히 없어지지 않습니다.",
        "(광고) 누리의원 체중 감량 약물은 누구에게나 같은 효과가 있지 않습니다.",
        "(광고) Nuri Dental No results are guaranteed; every mouth is different.",
    ],
)
def test_a_limit_of_the_result_or_a_booking_rule_is_no_guarantee(text: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(text + RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리치과 미백 효과가 영구적으로 유지됩니다.",
        "(광고) 누리피부과 기미, 한 번에 끝내 드립니다.",
        "(광고) Nuri Eye Clinic LASIK: perfect vision for life.",
        "(광고) 누리치과 임플란트는 평생 빠지지 않습니다.",
        "(광고) 누리치과 완전히 없어지지 않던 잇몸 통증, 이제 한 번에 해결됩니다.",
    ],
)
def test_a_promised_result_stays_a_guarantee(text: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(text + RISK_FOOTER, "friendtalk")


def test_a_method_the_clinic_does_not_offer_is_no_claim() -> None:
    assert "MSA-UNVERIFIED" not in rule_ids(
        "(광고) 누리재활의원 허가받지 않은 줄기세포 시술은 하지 않습니다." + RISK_FOOTER, "friendtalk"
    )
    assert "MSA-UNVERIFIED" not in rule_ids(
        "(광고) Nuri Rehab We do not offer unapproved stem cell injections." + RISK_FOOTER, "friendtalk"
    )
    assert "MSA-UNVERIFIED" in rule_ids(
        "(광고) 누리재활의원 무릎 줄기세포 주사 상담 받으세요." + RISK_FOOTER, "friendtalk"
    )
    later = "(광고) 누리재활의원 줄기세포 치료는 아직 검증이 부족해 저희 의원에서는 시행하지 않습니다."
    assert "MSA-UNVERIFIED" not in rule_ids(later + RISK_FOOTER, "friendtalk")
    other = "(광고) 누리재활의원 무릎 줄기세포 주사, 수술은 권하지 않습니다."  # the surgery is what is not offered
    assert "MSA-UNVERIFIED" in rule_ids(other + RISK_FOOTER, "friendtalk")


def test_the_clinics_own_two_methods_compared_is_information() -> None:
    own = (
        "(광고) 누리성형외과 비절개법과 절개법의 차이: 비절개법은 회복이 빠른 편이지만 풀릴 수 있고, 절개법은 붓기가"
        " 오래가지만 교정 폭이 넓습니다. 두 방법 모두 부작용이 있을 수 있고 개인차가 있습니다. 무료수신거부 080-515-2290"
    )
    assert not {"MSA-COMPARISON", "MSA-DEFAME"} & rule_ids(own, "friendtalk")
    others = "(광고) 누리성형외과 다른 병원 절개법은 붓기가 오래가지만 저희 비절개법은 다릅니다."
    assert "MSA-COMPARISON" in rule_ids(others + RISK_FOOTER, "friendtalk")


def test_an_english_notice_that_names_a_common_side_effect_counts() -> None:
    text = "(광고) Nuri Dental Teeth whitening in one visit. Gum irritation is a possible side effect. 무료수신거부 080-515-2290"
    assert "MSA-OMIT-RISK" not in rule_ids(text, "friendtalk")
    assert "MSA-OMIT-RISK" in rule_ids(
        "(광고) Nuri Dental Teeth whitening in one visit. 무료수신거부 080-515-2290", "friendtalk"
    )


def test_the_first_and_last_day_side_by_side_is_a_before_after() -> None:
    text = "(광고) 누리치과 교정을 시작한 날과 마친 날의 사진을 나란히 보여 드립니다."
    assert "MSA-BEFORE-AFTER" in rule_ids(text + RISK_FOOTER, "friendtalk")


def test_a_concession_that_others_failed_runs_them_down() -> None:
    text = "(광고) 누리피부과 일반 피부과에서 여러 번 받아도 안 지워지던 점, 저희는 다릅니다."
    assert {"MSA-COMPARISON", "MSA-DEFAME"} <= rule_ids(text + RISK_FOOTER, "friendtalk")


def test_a_ride_to_the_clinic_is_an_inducement_in_an_ad_only() -> None:
    assert "MSA-INDUCEMENT" in rule_ids(
        "(광고) 누리내과 검진 당일 댁 앞까지 차량으로 모시러 갑니다." + RISK_FOOTER, "friendtalk"
    )
    care = "[누리내과] 검진 당일 셔틀버스는 오전 7시부터 30분 간격으로 운행합니다."
    assert "MSA-INDUCEMENT" not in rule_ids(care, "alimtalk", "informational")


def test_a_clinic_of_the_year_by_vote_is_an_unverified_award() -> None:
    text = "(광고) 누리의원 지역 커뮤니티 회원 투표로 선정된 올해의 친절 병원입니다."
    assert "MSA-UNVERIFIED" in rule_ids(text + RISK_FOOTER, "friendtalk")
    assert "MSA-UNVERIFIED" not in rule_ids(
        "(광고) 누리의원 올해의 마지막 진료일은 12월 31일입니다." + RISK_FOOTER, "friendtalk"
    )


def test_a_conditional_word_before_a_kind_of_clinic_names_no_sender() -> None:
    nameless = "(광고) 눈이 자주 충혈되고 인공눈물로 부족하면 안과 진료를 받아 보세요. 무료수신거부 080-515-2290"
    assert "ADV-SENDER" in rule_ids(nameless, "friendtalk")
    assert "ADV-SENDER" not in rule_ids(
        "(광고) 누리안과 인공눈물로 부족하면 진료를 받아 보세요. 무료수신거부 080-515-2290", "friendtalk"
    )


def test_one_price_called_the_list_price_is_a_fee() -> None:
    assert "MSA-INDUCEMENT" not in rule_ids("(광고) 누리피부과 토닝 1회 55,000원(정가)." + RISK_FOOTER, "friendtalk")
    for cut in (
        "(광고) 누리피부과 토닝 1회 9,900원(정가 55,000원).",
        "(광고) 누리피부과 토닝 정가 55,000원 → 12월 29,000원",
    ):
        assert "MSA-INDUCEMENT" in rule_ids(cut + RISK_FOOTER, "friendtalk")


def test_a_risk_notice_is_no_safety_claim_but_a_denial_beside_it_is() -> None:
    notice = "(광고) 누리치과 치과 공포증 있으신 분도 수면 임플란트로 편하게. 수술 후 붓기·통증이 있을 수 있습니다."
    assert "MSA-SAFETY-CLAIM" not in rule_ids(notice + RISK_FOOTER, "friendtalk")
    denial = "(광고) 누리치과 잠든 사이 끝나는 수면 임플란트, 아픔도 두려움도 0% ※ 염증 등 부작용이 생길 수 있습니다."
    assert "MSA-SAFETY-CLAIM" in rule_ids(denial + " 무료수신거부 080-515-2290", "friendtalk")


def test_a_promise_to_everyone_is_a_guarantee_not_a_story() -> None:
    found = rule_ids(
        "(광고) 누리비만클리닉 한 달 만에 누구나 5kg 감량 보장! 체성분 검사 1회 10,000원." + RISK_FOOTER, "friendtalk"
    )
    assert "MSA-GUARANTEE" in found and "MSA-TESTIMONIAL" not in found


def test_a_treatment_whose_name_holds_suchi_is_no_lab_value() -> None:
    booking = "[누리통증의학과] 도수치료는 100% 예약제입니다. 12/12(토) 오전 10시 예약을 확인해 주세요."
    assert "PII-HEALTH-IN-SMS" not in rule_ids(booking, "sms", "informational")
    value = "[누리내과] 김하늘님, 간 수치가 120으로 높게 나왔습니다. 내원해 주세요."
    assert "PII-HEALTH-IN-SMS" in rule_ids(value, "sms", "informational")


def test_an_intake_questionnaire_is_part_of_the_booking_not_a_survey() -> None:
    intake = (
        "[누리정신건강의학과] 홍○○님, 12/10(목) 오후 4시 초진 예약입니다. 접수와 설문 작성을 위해 20분 일찍 와 주세요."
    )
    assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(intake, "alimtalk", "informational")
    survey = "[누리정신건강의학과] 진료 만족도 설문에 참여해 주시면 추첨으로 커피 쿠폰을 드립니다."
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(survey, "alimtalk", "informational")


def test_the_best_season_for_a_treatment_is_advice_not_a_superlative() -> None:
    advice = "(광고) 누리피부과 겨울은 레이저 치료하기 가장 좋은 계절입니다. 자외선이 약하기 때문입니다."
    assert "MSA-SUPERLATIVE" not in rule_ids(advice + RISK_FOOTER, "friendtalk")
    assert "MSA-SUPERLATIVE" not in rule_ids(
        "(광고) Nuri Skin Winter is the best season for laser toning." + EN_RISK_FOOTER, "friendtalk"
    )
    assert "MSA-SUPERLATIVE" in rule_ids(
        "(광고) 누리피부과 강남에서 가장 좋은 레이저 장비를 갖춘 피부과." + RISK_FOOTER, "friendtalk"
    )
