"""Session 23 (fp23b): classes of false findings seen in the near-miss clean traps of the blind writer
writer_s23_clean (care, payment and notice messages; compliant advertisements), each checked on sentences written for
these tests (not corpus lines): the reading a reviewer who reads RULES.md gives, and its counterpart that still breaks
the rule (rules/context_checks_s23b.json)."""

from __future__ import annotations

import pytest

from tests.support.compliance import SHORT_RISK_FOOTER, rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "[해온정형외과] 김민수님, 무릎 수술 후기(수술 6주 이후) 재활 운동 안내입니다. 계단 오르기는 천천히 늘려 주세요.",
        "[해온산부인과] 제왕절개 수술 후기에는 상처 부위가 가려울 수 있으니 긁지 마세요.",
        "[해온안과] 수술 후기(後期) 관리 안내: 안약은 하루 2회로 줄여 주세요.",
    ],
)
def test_the_late_phase_after_an_operation_is_no_review(text: str) -> None:
    assert "MSA-TESTIMONIAL" not in rule_ids(text, "alimtalk", "informational")


def test_a_collection_of_operation_reviews_still_is_a_testimonial() -> None:
    assert "MSA-TESTIMONIAL" in rule_ids(
        f"(광고) 해온정형외과 무릎 수술 후기 모음: 환자분들의 생생한 이야기를 확인하세요.{SHORT_RISK_FOOTER}",
        "friendtalk",
    )
    shown = "(광고) 해온성형외과 쌍꺼풀 수술 후기 3개월 후 모습을 채널에서 확인하세요."
    assert "MSA-TESTIMONIAL" in rule_ids(shown + SHORT_RISK_FOOTER, "friendtalk")


def test_doing_what_other_clinics_do_is_no_comparison() -> None:
    same = "(광고) 해온내과 위내시경 조직검사 결과는 다른 병원과 마찬가지로 병리 판독 후 1주 뒤 안내됩니다. 예약 02-555-1234"
    assert "MSA-COMPARISON" not in rule_ids(same + SHORT_RISK_FOOTER, "friendtalk")
    unlike = "(광고) 해온내과 다른 병원과 달리 조직검사 결과를 당일 안내해 드립니다."
    assert "MSA-COMPARISON" in rule_ids(unlike + SHORT_RISK_FOOTER, "friendtalk")
    spared = "(광고) 해온내과 대부분의 병원처럼 기다리실 필요가 없습니다."  # others made out to keep you waiting
    assert {"MSA-COMPARISON", "MSA-DEFAME"} & rule_ids(spared + SHORT_RISK_FOOTER, "friendtalk")
    better = "(광고) 해온내과 다른 병원과 마찬가지로 가격은 같지만 결과는 훨씬 정확합니다."
    assert "MSA-COMPARISON" in rule_ids(better + SHORT_RISK_FOOTER, "friendtalk")


def test_a_sum_glued_to_its_list_price_is_no_treatment_trip() -> None:
    anchor = rule_ids(
        f"(광고) 해온피부과 레이저 토닝 10회 35만 원 → 21만 원, 정가 대비 40% 저렴합니다.{SHORT_RISK_FOOTER}",
        "friendtalk",
    )
    assert "MSA-INDUCEMENT" in anchor
    assert "MSA-COMPARISON" not in anchor
    assert "MSA-COMPARISON" in rule_ids(
        f"(광고) 해온안과 해외 원정 수술보다 비용은 절반입니다.{SHORT_RISK_FOOTER}", "friendtalk"
    )


def test_a_permanent_tooth_is_no_lasting_result() -> None:
    sealant = "(광고) 해온소아치과 실란트는 만 18세 이하 영구 어금니에 건강보험이 적용됩니다. 비용 문의 02-555-1234"
    assert "MSA-GUARANTEE" not in rule_ids(sealant + SHORT_RISK_FOOTER, "friendtalk")
    assert "MSA-GUARANTEE" in rule_ids(
        f"(광고) 해온치과 라미네이트 효과는 영구적입니다.{SHORT_RISK_FOOTER}", "friendtalk"
    )


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[해온안과] 김민지님, 12월 3일 진료비 중 중복 결제된 15,000원을 12월 10일 카드로 돌려드립니다.", "alimtalk"),
        ("[해온안과] 김민지님, 12월 3일 진료비 중 과다 수납된 15,000원을 돌려드릴 예정입니다.", "alimtalk"),
        ("[해온내과] 과오납된 진료비 8,000원을 등록하신 계좌로 돌려드립니다.", "alimtalk"),
        ("[해온내과] 잘못 입금하신 3만 원은 내일 돌려드리겠습니다.", "sms"),
        (
            "[해온성형외과] 상담 예약금 5만 원은 수술비에서 차감되며, 수술을 하지 않으셔도 예약금은 전액 돌려드립니다.",
            "sms",
        ),
    ],
)
def test_money_overpaid_or_a_deposit_returned_is_a_payment_term(text: str, channel: str) -> None:
    found = rule_ids(text, channel, "informational")
    assert not {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH"} & found


def test_money_returned_as_a_reward_still_is_an_inducement() -> None:
    voucher = rule_ids("[해온성형외과] 수술 예약금만큼 백화점 상품권으로 돌려드립니다.", "sms", "informational")
    assert {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"} <= voucher
    booked = "[해온안과] 김민지님, 다음 달 라식 수술을 예약하시면 검사비 전액을 돌려드립니다."
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(booked, "alimtalk", "informational")


def test_an_image_models_health_content_is_no_testimonial() -> None:
    tips = "(광고) 해온피부과 홍보모델 배우 김하늘과 함께 만든 자외선 차단 수칙 영상이 채널에 올라왔습니다."
    assert not {"MSA-TESTIMONIAL", "MSA-CELEBRITY"} & rule_ids(tips + SHORT_RISK_FOOTER, "friendtalk")
    treated = "(광고) 해온피부과 배우 김하늘이 직접 받은 리프팅 과정을 담은 영상이 올라왔습니다."
    assert "MSA-TESTIMONIAL" in rule_ids(treated + SHORT_RISK_FOOTER, "friendtalk")


def test_the_operating_room_cctv_notice_is_no_surgery_footage() -> None:
    notice = "[해온외과] 수술실 CCTV 안내: 환자분이 요청하시면 수술 장면을 촬영하고 영상은 30일 보관 후 삭제합니다."
    assert "MSA-SURGERY-SCENE" not in rule_ids(notice, "alimtalk", "informational")
    shown = "(광고) 해온성형외과 유튜브 채널에서 실제 수술 장면을 공개합니다."
    assert "MSA-SURGERY-SCENE" in rule_ids(shown + SHORT_RISK_FOOTER, "friendtalk")


def test_press_as_the_source_of_third_party_news_is_no_article_form() -> None:
    recall = "[해온안과] 뉴스에 보도된 점안제 리콜 대상 제품은 본원에서 처방하지 않았습니다. 문의 02-555-1234"
    assert "MSA-ARTICLE-FORM" not in rule_ids(recall, "sms", "informational")
    featured = "(광고) 해온안과 언론 보도로 소개된 원장의 라식 노하우를 만나 보세요."
    assert "MSA-ARTICLE-FORM" in rule_ids(featured + SHORT_RISK_FOOTER, "friendtalk")


def test_a_phone_number_after_a_test_is_no_measured_value() -> None:
    booking = "[해온내과] 골밀도 검사 예약을 받습니다. 02-611-4545"
    assert "PII-HEALTH-IN-SMS" not in rule_ids(booking, "sms", "informational")
    value = "[해온내과] 김민지님 공복혈당 138로 나왔습니다. 예약 02-611-4545"
    assert "PII-HEALTH-IN-SMS" in rule_ids(value, "sms", "informational")


def test_a_painless_test_in_a_preparation_note_is_no_safety_claim() -> None:
    prep = "[해온수면클리닉] 수면다원검사는 아프지 않은 검사입니다. 검사 당일 커피는 피해 주세요."
    assert "MSA-SAFETY-CLAIM" not in rule_ids(prep, "sms", "informational")
    extraction = "[해온치과] 저희는 아프지 않은 무통 발치만 합니다. 내일 오후 2시 예약입니다."
    assert "MSA-SAFETY-CLAIM" in rule_ids(extraction, "sms", "informational")
    advertised = "(광고) 해온내과 수면다원검사는 아프지 않은 검사입니다."
    assert "MSA-SAFETY-CLAIM" in rule_ids(advertised + SHORT_RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 해온정형외과 체외충격파 비용 안내(정가): 1회 6만 원.",
        "(광고) 해온정형외과 체외충격파 정가: 1회 6만 원입니다. 할인은 없습니다.",
    ],
)
def test_a_fee_list_at_its_list_price_is_no_price_anchor(text: str) -> None:
    assert "MSA-INDUCEMENT" not in rule_ids(text + SHORT_RISK_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 해온정형외과 체외충격파 정가 6만 원 → 4만 원.",
        "(광고) 해온정형외과 할인은 없습니다. 대신 처음 오신 분께 파스를 드립니다.",
    ],
)
def test_a_lower_price_or_a_gift_instead_still_is_an_inducement(text: str) -> None:
    assert "MSA-INDUCEMENT" in rule_ids(text + SHORT_RISK_FOOTER, "friendtalk")
