"""Session 21 (fp21b): classes of false findings and misses seen in blind writers' files, each checked on sentences
written for these tests (not corpus lines): the reading a reviewer who reads RULES.md gives, and its counterpart."""

from __future__ import annotations

import pytest

from tests.support.compliance import RISK_FOOTER, rule_ids


def test_a_clock_time_is_no_headcount_offer() -> None:
    care = "[해온성형외과] 수술 전날 안내: 자정 이후 금식하시고 오전 8시 30분까지 내원해 주세요."
    assert not {"MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"} & rule_ids(care, "alimtalk", "informational")
    assert "MSA-INDUCEMENT" in rule_ids(f"(광고) 해온피부과 선착순 30분까지 토닝 1회 무료!{RISK_FOOTER}")


def test_a_receipt_that_says_no_discount_is_a_fee_notice() -> None:
    receipt = "[해온한의원] 한약이 발송되었습니다. 결제 금액 185,000원(할인 없음), 영수증은 앱에서 확인하세요."
    assert not {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"} & rule_ids(receipt, "sms", "informational")


def test_a_document_downloaded_in_the_app_is_no_app_install_pitch() -> None:
    paid = "[해온정형외과] 진료비가 결제되었습니다. 진료비 세부내역서는 앱에서 내려받으실 수 있습니다."
    assert "KAKAO-ALIMTALK-PROMO" not in rule_ids(paid, "alimtalk", "informational")
    pitch = "[해온정형외과] 예약 확인 안내입니다. 저희 병원 앱을 설치하시면 대기 순서를 보실 수 있어요."
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(pitch, "alimtalk", "informational")


def test_a_new_facility_shown_off_is_the_purpose_rule_of_the_channel() -> None:
    text = "[해온안과] 내일 오전 검진 예약입니다. 새로 연 소아 근시 클리닉도 둘러보시고 상담받아 보세요."
    sms = rule_ids(text, "sms", "informational")
    assert "ADV-PURPOSE-MISMATCH" in sms and "KAKAO-ALIMTALK-PROMO" not in sms
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


def test_instagram_is_no_star() -> None:
    story = "(광고) 해온피부과 여드름 치료를 받은 직장인 ○○님의 치료 일기가 인스타그램에 연재 중입니다."
    assert "MSA-CELEBRITY" not in rule_ids(story + RISK_FOOTER)
    assert "MSA-CELEBRITY" in rule_ids(f"(광고) 해온피부과 한류 스타가 선택한 바로 그 리프팅{RISK_FOOTER}")


def test_a_celebrity_as_a_campaigns_image_model_is_allowed() -> None:
    model = "(광고) 해온피부과 홍보모델 배우 ○○○과 함께하는 겨울철 보습 캠페인. 토닝 상담 가능합니다."
    assert "MSA-CELEBRITY" not in rule_ids(model + RISK_FOOTER)
    assert "MSA-CELEBRITY" in rule_ids(f"(광고) 해온피부과 개그우먼 ○○님과 함께한 12kg 감량 프로젝트{RISK_FOOTER}")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 해온치과 체험단 5명 모집! 교정 일기 작성 조건으로 교정비 30%를 지원합니다.",
        "(광고) 해온치과 네이버 리뷰를 남겨 주신 분께 커피 교환권을 드립니다. 리뷰 캡처를 채널로 보내 주세요.",
    ],
)
def test_a_review_groups_reward_in_the_next_sentence_is_the_review_incentive_alone(text: str) -> None:
    rules = rule_ids(text + RISK_FOOTER)
    assert "MSA-REVIEW-INCENTIVE" in rules
    assert not {"MSA-INDUCEMENT", "MSA-TESTIMONIAL"} & rules


def test_a_sale_next_to_a_review_reward_stays_an_inducement() -> None:
    text = f"(광고) 해온피부과 방문 후기를 남겨 주시면 진정팩을 드려요. 이번 달 보톡스 50% 할인!{RISK_FOOTER}"
    assert {"MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"} <= rule_ids(text)


@pytest.mark.parametrize(
    "claim",
    [
        "3개월이면 누구나 발모, 지금 상담 예약하세요.",
        "요실금 레이저 3회면 누구나 재채기해도 걱정 없는 일상으로 돌아갑니다.",
    ],
)
def test_a_result_for_everyone_after_a_set_time_is_a_guarantee(claim: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(f"(광고) 해온의원 {claim}{RISK_FOOTER}")


def test_an_event_anyone_may_attend_is_no_guarantee() -> None:
    talk = "(광고) 해온정형외과 12월 14일 허리 건강강좌, 1회 이상 내원하셨으면 누구나 참석 가능합니다. 무료수신거부 080-414-2280"
    assert "MSA-GUARANTEE" not in rule_ids(talk)


def test_a_kind_of_clinic_in_a_sentence_is_no_sender_name() -> None:
    unnamed = "(광고) 12월 토요일 오후에도 안과 검진이 가능합니다. 예약 02-555-0101 무료수신거부 080-414-2280"
    assert "ADV-SENDER" in rule_ids(unnamed)
    for named in (
        "(광고) 해온안과 토요일 오후에도 검진",
        "(광고) 밝은 안과 토요일 오후에도 검진",
        "(광고) 라임성형외과 SNS에 병원 소식",
    ):
        assert "ADV-SENDER" not in rule_ids(f"{named} 무료수신거부 080-414-2280"), named


def test_an_anniversary_that_opens_a_promotion_is_promotion_not_a_greeting() -> None:
    promo = (
        "[해온의원] 12/17 예약이 확정되었습니다. 오픈 1주년을 맞아 새 두피 관리 프로그램을 시작했어요. 지금 예약하세요!"
    )
    rules = rule_ids(promo, "alimtalk", "informational")
    assert "KAKAO-ALIMTALK-PROMO" in rules and "KAKAO-ALIMTALK-BLACKLIST" not in rules
    greeting = "[해온안과] 개원 10주년을 맞아 감사 인사 드립니다. 늘 건강하세요."
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(greeting, "alimtalk", "informational")


def test_a_new_room_opened_beside_a_recall_is_promotion() -> None:
    recall = "[해온치과] 마지막 스케일링 후 1년이 지났습니다. 새 진료실도 열었으니 이번 기회에 꼭 예약하세요."
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(recall, "alimtalk", "informational")


def test_a_patient_quoting_how_young_she_looks_is_a_testimonial_not_a_promise() -> None:
    quote = '(광고) Haeon Plastic Surgery "I look ten years younger!" - Grace, 42, facelift patient'
    rules = rule_ids(quote + RISK_FOOTER, "friendtalk")
    assert "MSA-TESTIMONIAL" in rules and "MSA-GUARANTEE" not in rules
    assert "MSA-GUARANTEE" in rule_ids(
        f"(광고) Haeon Plastic Surgery Look 10 years younger in 30 minutes.{RISK_FOOTER}"
    )


def test_a_lifetime_voucher_given_away_is_no_guarantee() -> None:
    gift = "(광고) 해온안과 라식 상담 후 수술받으시면 평생 정기검진권을 드려요."
    assert "MSA-GUARANTEE" not in rule_ids(gift + RISK_FOOTER)
    assert "MSA-GUARANTEE" in rule_ids(
        f"(광고) 해온치과 임플란트가 빠지면 평생 무상으로 다시 심어 드립니다.{RISK_FOOTER}"
    )


def test_a_clinic_introducing_its_own_programme_is_no_article_form() -> None:
    own = "[해온산부인과] 새로 문을 연 산후 회복 프로그램을 소개합니다. 자세한 내용은 홈페이지에서 확인하세요."
    assert "MSA-ARTICLE-FORM" not in rule_ids(own, "alimtalk", "informational")
    assert "MSA-ARTICLE-FORM" in rule_ids(f"(광고) 해온피부과 아침 방송 프로그램에 소개된 기미 레이저{RISK_FOOTER}")


def test_a_seasonal_programme_pointed_to_in_a_receipt_is_promotion() -> None:
    text = "[해온통증의학과] 진료비 영수증이 발급되었습니다. 겨울철 관절 관리 프로그램 안내는 링크에서 확인하세요."
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "offer",
    [
        "No-cost MRI review with every consultation this month.",
        "Student-only acne package at 99,000 KRW (regular 180,000 KRW).",
        "Show your exam ticket for a special student rate on eyelid surgery.",
    ],
)
def test_english_offers_are_inducements(offer: str) -> None:
    assert "MSA-INDUCEMENT" in rule_ids(
        f"(광고) Haeon Clinic {offer} Side effects may occur. 무료수신거부 080-414-2280"
    )


def test_an_offer_for_every_patient_names_its_target_not_a_result() -> None:
    text = "[Haeon Dental] Your cleaning is confirmed for Dec 18. Bonus: this month only, 50% off for every patient!"
    rules = rule_ids(text, "alimtalk", "informational")
    assert "MSA-GUARANTEE" not in rules and "MSA-INDUCEMENT" in rules


def test_the_clinics_own_post_of_photos_is_no_upload_for_a_reward() -> None:
    text = f"(광고) 해온피부과 여드름 흉터 레이저 6회 전후 사진, 채널 게시글에서 확인하세요.{RISK_FOOTER}"
    rules = rule_ids(text, "friendtalk")
    assert "MSA-BEFORE-AFTER" in rules and "MSA-REVIEW-INCENTIVE" not in rules


def test_an_expiring_coupon_with_its_rate_in_brackets_is_black_listed() -> None:
    text = "[해온피부과] 보유 쿠폰(시술 10% 할인)이 12/31 만료됩니다. 서둘러 예약하세요!"
    assert "KAKAO-ALIMTALK-BLACKLIST" in rule_ids(text, "alimtalk", "informational")


def test_a_national_team_trial_is_an_event_not_a_celebrity() -> None:
    closed = "[해온정형외과] 국가대표 선발전 일정으로 담당 원장님 진료가 12일 휴진합니다."
    assert "MSA-CELEBRITY" not in rule_ids(closed, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[해온의원] 김○○님 PSA 수치가 6.2ng/mL로 나왔습니다. 상담 예약해 주세요.",
        "[해온피부과] 패치테스트 결과 니켈 양성(++)으로 나왔습니다.",
    ],
)
def test_a_patients_lab_value_or_graded_positive_in_an_sms_is_health_information(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


def test_a_threshold_in_advice_is_no_patients_value() -> None:
    advice = "[해온의원] 공복 혈당 수치가 126mg/dL 이상이면 재검사를 권합니다."
    assert "PII-HEALTH-IN-SMS" not in rule_ids(advice, "sms", "informational")


def test_an_offer_good_until_midnight_today_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in rule_ids(f"(광고) 해온피부과 오늘 자정까지만! 여드름 관리 9,900원.{RISK_FOOTER}")


def test_a_lifetime_free_redo_on_a_warranty_is_a_guarantee_but_a_warranty_card_is_not() -> None:
    promise = f"(광고) 해온치과 임플란트 평생 무상 보증서 발급, 빠지면 다시 해 드립니다.{RISK_FOOTER}"
    assert "MSA-GUARANTEE" in rule_ids(promise)
    card = "[해온치과] 임플란트 보증서를 발급해 드렸습니다. 보증 기간은 5년이며 조건은 뒷면을 확인해 주세요."
    assert "MSA-GUARANTEE" not in rule_ids(card, "alimtalk", "informational")


def test_community_recommendations_cited_in_an_ad_are_a_testimonial() -> None:
    text = (
        f"(광고) 해온소아청소년과 지역 맘카페에 '밤에도 믿고 가는 곳'이라는 추천글이 30개 넘게 올라왔어요.{RISK_FOOTER}"
    )
    assert "MSA-TESTIMONIAL" in rule_ids(text)
