"""Session 22 (fp22a): classes of false findings and misses left over in the training files and seen in a blind
writer's file, each checked on sentences written for these tests (not corpus lines): the reading a reviewer who reads
RULES.md gives, and its counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from compliance.text_rules import lint_text

FOOTER = " ※ 시술 후 붓기·멍 등 부작용이 있을 수 있으며 개인차가 있습니다. 무료수신거부 080-515-2290"
EN_FOOTER = " Side effects may occur; results vary. 무료수신거부 080-515-2290"


def _rules(text: str, channel: str = "friendtalk", purpose: str = "advertising") -> set[str]:
    return {f.rule for f in lint_text(text, channel, purpose)}


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
    assert "MSA-FAKE-TITLE" in _rules(text + EN_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Spine Dr. Oh holds a master's degree in sports medicine and sees patients on Tuesdays.",
        "(광고) Nuri Spine We were designated as a spine specialty hospital by the Ministry of Health and Welfare.",
        "(광고) Nuri Spine Pay by MasterCard or Visa at the front desk.",
    ],
)
def test_a_degree_a_card_or_the_ministrys_designation_is_no_title(text: str) -> None:
    assert "MSA-FAKE-TITLE" not in _rules(text + EN_FOOTER)


def test_a_subspecialist_title_is_a_title_unless_a_society_names_it() -> None:
    assert "MSA-FAKE-TITLE" in _rules("(광고) 누리이비인후과 코골이 세부전문의 상담, 예약 02-515-2290" + FOOTER)
    society = "(광고) 누리내과 대한소화기내시경학회 인정 세부전문의가 내시경을 합니다. 예약 02-515-2290"
    assert "MSA-FAKE-TITLE" not in _rules(society + FOOTER)


def test_bijeonmun_runs_others_down_but_claims_no_title() -> None:
    found = _rules("(광고) 누리피부과 비전문 병원에서 받은 시술로 생긴 흉터, 상담하세요." + FOOTER)
    assert "MSA-COMPARISON" in found and "MSA-FAKE-TITLE" not in found


def test_a_community_selection_of_the_clinic_is_an_unverified_award() -> None:
    assert "MSA-UNVERIFIED" in _rules("(광고) 누리소아과 동네 맘카페가 뽑은 친절한 병원, 야간진료 합니다." + FOOTER)
    topic = "(광고) 누리소아과 주민들이 뽑은 건강강좌 주제: 겨울철 독감 예방. 12/20(일) 오후 2시."
    assert "MSA-UNVERIFIED" not in _rules(topic + FOOTER)


def test_an_excellent_hospital_certificate_is_unverified_but_the_ministrys_is_not() -> None:
    assert "MSA-UNVERIFIED" in _rules("(광고) 누리안과 의료관광 우수병원 인증 획득! 라식 상담 02-515-2290" + FOOTER)
    official = "(광고) 누리안과 보건복지부 지정 외국인환자 유치 우수의료기관 지정. 라식 상담 02-515-2290"
    assert "MSA-UNVERIFIED" not in _rules(official + FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리여성의원 질 타이트닝 레이저 상담 예약 02-515-2290 무료수신거부 080-515-2290",
        "(광고) Nuri ENT Septoplasty consultations on Saturday mornings. 무료수신거부 080-515-2290",
    ],
)
def test_named_procedures_need_a_notice(text: str) -> None:
    assert "MSA-OMIT-RISK" in _rules(text)
    assert "MSA-OMIT-RISK" not in _rules(text.replace(" 무료수신거부", FOOTER.split(" 무료")[0] + " 무료수신거부"))


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Dental If your last dentist took X-rays, please bring them to your first visit.",
        "(광고) Nuri Dental Please send records from your previous clinic before your consultation.",
    ],
)
def test_records_from_the_previous_provider_compare_nobody(text: str) -> None:
    assert not {"MSA-COMPARISON", "MSA-DEFAME"} & _rules(text + EN_FOOTER)


def test_records_asked_for_beside_a_comparison_stay_a_comparison() -> None:
    text = "(광고) Nuri Dental Unlike your last dentist, we never rush; bring your X-rays and see the difference."
    assert "MSA-COMPARISON" in _rules(text + EN_FOOTER)


def test_advice_about_what_a_test_might_show_is_no_result() -> None:
    advice = "Nuri Clinic: If your blood test shows anemia, the nurse will explain iron-rich meals. 02-515-2290"
    assert "PII-HEALTH-IN-SMS" not in _rules(advice, "sms", "informational")
    result = "Nuri Clinic: Your blood test shows anemia (hemoglobin 9.1). Please call us. 02-515-2290"
    assert "PII-HEALTH-IN-SMS" in _rules(result, "sms", "informational")


def test_jeonwon_as_a_transfer_is_no_gift_to_everyone() -> None:
    transfer = "(광고) 누리치과 교정 중 이사하셨나요? 전원하시는 분도 이어서 진행해 드립니다."
    assert "MSA-INDUCEMENT" not in _rules(transfer + FOOTER)
    gift = "(광고) 누리치과 12월 내원 고객 전원에게 전동칫솔을 드립니다."
    assert "MSA-INDUCEMENT" in _rules(gift + FOOTER)


def test_a_medicine_named_by_its_complaint_in_an_ad_is_no_diagnosis() -> None:
    assert "PII-HEALTH-IN-SMS" not in _rules("(광고) 누리한의원 불면증 한약 상담 예약 02-515-2290" + FOOTER, "sms")
    care = "[누리한의원] 불면증 한약은 오늘 오후 택배로 발송됩니다."
    assert "PII-HEALTH-IN-SMS" in _rules(care, "sms", "informational")
