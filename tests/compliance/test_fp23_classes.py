"""Session 23 (fp23): classes of false findings on clean wording and wrong-rule findings (the fp22a leftovers and the
blind writers' own labels), each checked on sentences written for these tests (not corpus lines): the reading a
reviewer who reads RULES.md gives, and its counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import EN_RISK_FOOTER, RISK_FOOTER, rule_ids


def test_the_rule_files_load_with_a_comment_per_entry() -> None:
    frames = json.loads((RULES_DIR / "frames_s23.json").read_text("utf-8"))["frames"]
    checks = json.loads((RULES_DIR / "context_checks_s23.json").read_text("utf-8"))["checks"]
    assert frames and all(frame["comment"] for frame in frames)
    assert checks and all(check["class"] for check in checks)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 새결성형외과 타 병원 재수술 전문, 다른 곳에서 받은 코 수술 상담하세요.",
        "(광고) 새결성형외과 다른 병원에서 한 눈 재수술 전문입니다.",
    ],
)
def test_redo_surgery_after_other_clinics_is_a_comparison_not_a_title(text: str) -> None:
    found = rule_ids(text + RISK_FOOTER, "friendtalk")
    assert "MSA-COMPARISON" in found
    assert "MSA-FAKE-TITLE" not in found


def test_a_redo_specialty_without_other_clinics_or_with_a_hospital_title_stays_a_title() -> None:
    assert "MSA-FAKE-TITLE" in rule_ids("(광고) 새결성형외과 코 재수술 전문." + RISK_FOOTER, "friendtalk")
    assert "MSA-FAKE-TITLE" in rule_ids("(광고) 새결성형외과 타 병원 재수술 전문병원." + RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Nuri Dental Rated No.1 by our patients in Daegu!",
        "(광고) Nuri Dental Our patients rated us the No.1 clinic in Daegu.",
        "(광고) Nuri Dental Voted the top family dentist by local patients.",
    ],
)
def test_a_rank_patients_gave_is_a_superlative_not_a_testimonial(text: str) -> None:
    found = rule_ids(text + EN_RISK_FOOTER, "friendtalk")
    assert "MSA-SUPERLATIVE" in found
    assert "MSA-TESTIMONIAL" not in found


def test_a_score_or_stars_from_patients_stays_a_testimonial() -> None:
    assert "MSA-TESTIMONIAL" in rule_ids(
        "(광고) Nuri Dental Rated 4.8 stars by 900 patients." + EN_RISK_FOOTER, "friendtalk"
    )


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리피부과 무료 상담에 피부 진단까지 무료!",
        "(광고) 누리피부과 무료 상담 이벤트, 선착순 30명.",
        "(광고) Nuri Skin Clinic Free consultation and a free skin scan this week.",
        "(광고) Nuri Skin Clinic Free consultation plus a gift set for every new patient.",
    ],
)
def test_a_free_consultation_beside_a_free_test_gift_or_event_stays_an_inducement(text: str) -> None:
    assert "MSA-INDUCEMENT" in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "[누리소아청소년과] 예방접종을 기간 안에 받지 않으면 국가 지원을 받으실 수 없습니다.",
        "[누리내과] 올해 건강검진을 받지 않으시면 내년으로 이월되지 않습니다.",
    ],
)
def test_a_patient_not_getting_a_checkup_is_no_refund_promise(text: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(text, "alimtalk", "informational")


def test_a_refund_when_the_result_disappoints_stays_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in rule_ids(
        "(광고) 누리피부과 효과가 나오지 않으면 시술비를 받지 않습니다." + RISK_FOOTER, "friendtalk"
    )


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 누리정형외과 PRP 주사로 닳은 무릎 연골이 다시 자랍니다.",
        "(광고) 누리탈모의원 빠진 머리카락이 새로 납니다.",
        "(광고) 누리정형외과 연골 주사로 닳은 연골이 재생됩니다.",
        "(광고) Nuri Ortho PRP makes your knee cartilage grow back.",
    ],
)
def test_lost_tissue_said_to_grow_back_in_an_ad_is_a_guarantee(text: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        (
            "(광고) 누리탈모의원 모발이식 후 빠진 머리카락은 3~4개월 뒤 다시 자랍니다." + RISK_FOOTER,
            "friendtalk",
            "advertising",
        ),
        ("(광고) 누리탈모의원 치료로 모발이 다시 자랄 수 있습니다." + RISK_FOOTER, "friendtalk", "advertising"),
        (
            "(광고) Nuri Hair Shed hair usually grows back within 3 months." + EN_RISK_FOOTER,
            "friendtalk",
            "advertising",
        ),
        (
            "[누리탈모의원] 이식 후 한 달쯤 머리카락이 빠졌다가 다시 자랍니다. 걱정하지 마세요.",
            "alimtalk",
            "informational",
        ),
    ],
)
def test_regrowth_with_a_time_a_hedge_or_in_care_is_no_guarantee(text: str, channel: str, purpose: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(text, channel, purpose)


def test_regrowth_by_stem_cells_is_unverified_alone() -> None:
    found = rule_ids("(광고) 누리정형외과 자가 줄기세포 주사로 연골이 다시 자랍니다." + RISK_FOOTER, "friendtalk")
    assert "MSA-UNVERIFIED" in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[누리피부과] 예약하신 레이저 토닝 10회 패키지 중 7회차입니다. 12월 12일 오후 4시에 뵙겠습니다.", "alimtalk"),
        ("[누리피부과] 레이저 토닝 10회 패키지 중 7회차 예약이 12월 12일 오후 4시입니다.", "sms"),
        ("[Nuri Derm] Session 7 of your 10-session laser toning package is on Dec 12 at 4 PM.", "alimtalk"),
    ],
)
def test_the_patients_own_session_count_is_a_booking_fact(text: str, channel: str) -> None:
    found = rule_ids(text, channel, "informational")
    assert not found & {"KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT", "MSA-OMIT-RISK"}


def test_a_session_count_beside_a_repurchase_discount_stays_promotion() -> None:
    text = "[누리피부과] 레이저 토닝 10회 패키지 중 7회차입니다. 다음 패키지 재구매 시 20% 할인해 드립니다."
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[누리피부과] 홍길동님의 적립 포인트는 12,000점입니다. 포인트는 진료비 결제 시 사용하실 수 있습니다.",
        "[누리피부과] 예약이 취소되어 예약금 30,000원을 돌려드렸습니다.",
        "[누리이비인후과] 보청기 보조금(장애인 보장구 급여) 신청 서류가 준비되었습니다. 신분증을 지참해 주세요.",
        "[Nuri Derm] You have 2 sessions left in the package you bought. Book your next session in the app.",
    ],
)
def test_account_and_payment_facts_in_care_messages_are_clean(text: str) -> None:
    assert not rule_ids(text, "alimtalk", "informational", labelled_only=False) - {"MSG-SMS-LENGTH"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("[누리피부과] 결제 완료. 적립된 3,000포인트는 다음 시술에 사용하세요.", "KAKAO-ALIMTALK-PROMO"),
        ("[누리피부과] 친구를 소개해 주시면 포인트 5만 점을 적립해 드립니다.", "MSA-INDUCEMENT"),
        ("[누리피부과] 효과가 없으면 시술비를 전액 돌려드립니다.", "MSA-GUARANTEE"),
        (
            "[Nuri Derm] You have 2 sessions left. Our new branch opens next week — book your next session there!",
            "KAKAO-ALIMTALK-PROMO",
        ),
        ("[누리이비인후과] 보청기 구매 시 보조금 외에 추가 10% 할인해 드립니다.", "MSA-INDUCEMENT"),
    ],
)
def test_points_offered_a_refund_promised_or_a_pitch_beside_them_stay(text: str, rule: str) -> None:
    assert rule in rule_ids(text, "alimtalk", "informational")


def test_medicines_asked_for_as_examples_name_nobodys_condition() -> None:
    for text in (
        "[누리검진센터] 복용 중인 약(혈압약, 당뇨약, 항응고제 등)이 있으면 예약 시 알려 주세요.",
        "[누리검진센터] 검진 당일 복용 중인 약 목록(고혈압·당뇨약 등)을 적어 오세요.",
    ):
        assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")
    named = "[누리내과] 홍길동님 당뇨약 처방이 끝났습니다. 재진 예약해 주세요."
    assert "PII-HEALTH-IN-SMS" in rule_ids(named, "sms", "informational")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "(광고) 누리이비인후과 환자분들의 소중한 의견을 듣습니다. 진료 후 설문(보상 없음)에 참여해 주세요.",
            "MSA-TESTIMONIAL",
        ),
        ("(광고) 누리한의원 수험생 여러분, 시험 전날은 충분히 주무세요. 누리한의원이 응원합니다.", "MSA-STUDENT-LURE"),
        (
            "(광고) 누리산부인과 HPV 국가 예방접종은 만 12~17세 여성청소년이 무료로 받을 수 있습니다.",
            "MSA-STUDENT-LURE",
        ),
        ("(광고) 누리소아과 구청 주최 어린이 건강 이벤트에 원장님이 강사로 참여합니다(구민회관).", "MSA-INDUCEMENT"),
    ],
)
def test_feedback_cheer_a_state_programme_or_a_public_event_is_no_claim_or_offer(text: str, rule: str) -> None:
    assert rule not in rule_ids(text + " 무료수신거부 080-515-2290", "friendtalk")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("(광고) 누리이비인후과 환자분들의 생생한 치료 후기를 블로그에 올렸습니다.", "MSA-TESTIMONIAL"),
        ("(광고) 누리한의원 수험생 여러분 힘내세요! 수능 끝나면 수험생 보약 상담 받으세요.", "MSA-STUDENT-LURE"),
        ("(광고) 누리한의원 수험생 여러분 응원합니다! 수험표 지참 시 총명탕 20% 할인.", "MSA-STUDENT-LURE"),
        ("(광고) 누리소아과 구청 주최 건강 이벤트에서 저희 부스를 방문하시면 무료 검진!", "MSA-INDUCEMENT"),
    ],
)
def test_a_review_shown_an_offer_to_students_or_a_free_check_at_the_event_stay(text: str, rule: str) -> None:
    assert rule in rule_ids(text + " 무료수신거부 080-515-2290", "friendtalk")


def test_a_permanence_denied_with_a_noun_is_a_limit_not_a_promise() -> None:
    for text in (
        "(광고) 누리피부과 레이저 제모는 영구 제모는 아닙니다.",
        "(광고) 누리피부과 필러는 영구 시술이 아니며 흡수됩니다.",
    ):
        assert "MSA-GUARANTEE" not in rule_ids(text + RISK_FOOTER, "friendtalk")
    for text in ("(광고) 누리피부과 레이저로 영구 제모!", "(광고) 누리피부과 영구 제모가 아니면 전액 환불해 드립니다."):
        assert "MSA-GUARANTEE" in rule_ids(text + RISK_FOOTER, "friendtalk")


def test_a_state_subsidy_stated_in_an_ad_is_no_inducement_unless_pitched() -> None:
    fact = "(광고) 누리이비인후과 보청기 구입 시 장애 등급에 따라 국가 보조금이 지원됩니다(조건 확인 필요)."
    pitched = "(광고) 누리이비인후과 보청기 국가 보조금 131만 원 지원! 이번 달 한정, 서두르세요."
    assert "MSA-INDUCEMENT" not in rule_ids(fact + " 무료수신거부 080-515-2290")
    assert "MSA-INDUCEMENT" in rule_ids(pitched + " 무료수신거부 080-515-2290")


def test_a_booked_package_or_a_used_coupon_is_the_patients_own_transaction() -> None:
    for text in (
        "[누리검진센터] 예약하신 종합검진 패키지(기본형)는 12월 14일 오전 8시입니다. 전날 밤 9시부터 금식해 주세요.",
        "[누리피부과] 12월 5일 결제 시 사용하신 쿠폰(10,000원)이 정상 처리되었습니다. 영수증은 앱에서 확인하세요.",
    ):
        assert not rule_ids(text, "alimtalk", "informational") & {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"}
    for text in (
        "[누리검진센터] 예약하신 종합검진 패키지를 프리미엄으로 업그레이드하면 20% 할인해 드립니다.",
        "[누리피부과] 사용하신 쿠폰이 처리되었습니다. 다음 방문 때 쓰실 쿠폰을 새로 발급해 드렸어요!",
    ):
        assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


def test_news_about_a_disease_or_a_recall_and_a_spouse_along_for_forms_are_clean() -> None:
    for text in (
        "[누리안과] 뉴스에 나온 안약 회수 제품은 저희 병원에서 처방하지 않았습니다. 안심하고 사용하세요.",
        "[누리내과] 뉴스에 나온 대로 백일해 환자가 늘고 있습니다. 기침이 2주 넘게 가면 진료를 받으세요.",
        "[누리피부과] 배우자분과 함께 오시면 보호자 동의서를 미리 작성하실 수 있습니다.",
    ):
        assert not rule_ids(text, "alimtalk", "informational") & {
            "MSA-ARTICLE-FORM",
            "KAKAO-ALIMTALK-PROMO",
            "MSA-INDUCEMENT",
        }
    assert "MSA-ARTICLE-FORM" in rule_ids(
        "(광고) 누리내과 독감 유행 관련 뉴스에 저희 원장님이 출연했습니다." + RISK_FOOTER, "friendtalk"
    )
    assert "MSA-INDUCEMENT" in rule_ids(
        "(광고) 누리피부과 배우자분과 함께 오시면 두 분 모두 20% 할인!" + RISK_FOOTER, "friendtalk"
    )


def test_a_patient_moving_from_another_provider_compares_nobody() -> None:
    for text in (
        "(광고) Nuri Dental Transferring from another dentist? Bring your X-rays and we'll continue your plan.",
        "(광고) 누리치과 다른 치과에서 교정하다가 옮겨 오시는 분도 이어서 치료받으실 수 있습니다.",
    ):
        assert "MSA-COMPARISON" not in rule_ids(text + EN_RISK_FOOTER, "friendtalk")
    for text in (
        "(광고) Nuri Dental Unhappy with another dentist? We fix what they got wrong.",
        "(광고) 누리안과 저희 환자의 절반은 다른 안과에서 옮겨 오신 분들입니다.",
    ):
        assert "MSA-COMPARISON" in rule_ids(text + EN_RISK_FOOTER, "friendtalk")


def test_a_free_convenience_or_document_is_no_benefit_but_a_ride_stays() -> None:
    for text in (
        "(광고) 누리치과 외국인 환자 통역 서비스 제공(통역비 없음).",
        "(광고) 누리정형외과 휠체어 무료 대여(원내 이용). 안내 데스크에 문의하세요.",
        "(광고) Nuri Clinic Medical certificates for insurance are issued free of charge on request.",
    ):
        assert "MSA-INDUCEMENT" not in rule_ids(text + EN_RISK_FOOTER, "friendtalk")
    assert "MSA-INDUCEMENT" in rule_ids("(광고) 누리정형외과 통역 무료, 공항 픽업 무료!" + EN_RISK_FOOTER, "friendtalk")
