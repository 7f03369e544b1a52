"""Session 24 (fp24): the classes fp23 left (a student offer with no price, the clinic itself on the news, "바로
일상생활 가능") and clean-line false findings in the product's own care forms (a recheck with no finding named, a
newsletter named as where a notice was given), each checked on sentences written for these tests (not corpus lines):
the reading a reviewer who reads RULES.md gives, and its counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import rule_ids

SMS_FOOTER = " 무료수신거부 080-515-2290"
FT_FOOTER = " 수신거부: 채널 차단"
RISK = " ※ 부작용·개인차가 있을 수 있습니다."


def _rules(text: str, channel: str = "friendtalk", purpose: str = "advertising") -> set[str]:
    return rule_ids(text, channel, purpose, labelled_only=False)


def test_the_rule_files_load_with_a_comment_per_entry() -> None:
    frames = json.loads((RULES_DIR / "frames_s24.json").read_text("utf-8"))["frames"]
    checks = json.loads((RULES_DIR / "context_checks_s24.json").read_text("utf-8"))["checks"]
    assert frames and all(frame["comment"] for frame in frames)
    assert checks and all(check["class"] for check in checks)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [소나무한의원] 시험을 끝낸 수험생이라면 이번 겨울 경옥고로 체력 챙기세요.",
        "(광고) [소나무한의원] 재수생 자녀를 위한 공진단, 12월에 처방해 드립니다.",
        "(광고) [해맑은안과] 수능 마친 고3, 졸업 전에 라섹으로 안경 벗으세요." + RISK,
        "(광고) [Sonamu Clinic] Exams are over! Students, come in for a herbal tonic before spring term.",
    ],
)
def test_exam_takers_offered_a_remedy_without_a_price_are_a_student_lure(text: str) -> None:
    assert "MSA-STUDENT-LURE" in _rules(text + FT_FOOTER)


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        (
            "(광고) [소나무한의원] 수험생 여러분, 긴 시간 고생 많으셨어요. 오늘은 푹 주무세요." + SMS_FOOTER,
            "sms",
            "advertising",
        ),
        ("(광고) [소나무한의원] 수험생 여러분, 시험 전날엔 기름진 음식을 피하세요." + SMS_FOOTER, "sms", "advertising"),
        (
            "[소나무한의원] 재수생 자녀분의 공진단 조제가 끝났습니다. 하루 1환 드시면 됩니다.",
            "alimtalk",
            "informational",
        ),
        ("[소나무한의원] 김하늘님, 경옥고는 시험 당일 아침에는 드시지 마세요.", "sms", "informational"),
    ],
)
def test_cheer_advice_or_a_prescription_notice_for_students_is_no_lure(text: str, channel: str, purpose: str) -> None:
    assert "MSA-STUDENT-LURE" not in _rules(text, channel, purpose)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [해맑은안과] 지난달 저희 안과가 지역 뉴스에 나왔습니다.",
        "(광고) [해맑은안과] 일간지에 본원 백내장 수술 이야기가 실렸습니다." + RISK,
        "(광고) [해맑은안과] 대표원장님이 KBS 라디오에 출연하셨어요!",
        "(광고) [Haemalgeun Eye] Our surgeons were featured in a national newspaper this week.",
        "(광고) [Haemalgeun Eye] Our doctors were interviewed on KBS radio about dry eye.",
    ],
)
def test_the_clinic_or_its_doctor_on_the_news_is_article_form(text: str) -> None:
    assert "MSA-ARTICLE-FORM" in _rules(text + FT_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [해맑은안과] 뉴스에 나왔던 인공눈물 회수 소식, 원장님이 설명해 드립니다.",
        "(광고) [해맑은안과] 본원 진료 시간 변경은 홈페이지 뉴스 게시판에 나와 있습니다.",
        "(광고) [해맑은안과] 원장님 방송 녹화 관계로 12월 4일 오후 휴진합니다.",
        "(광고) [해맑은안과] 뉴스에서 보신 것처럼 독감이 유행입니다. 저희 병원에서 접종하세요.",
    ],
)
def test_news_the_clinic_is_not_the_story_of_is_no_article_form(text: str) -> None:
    assert "MSA-ARTICLE-FORM" not in _rules(text + FT_FOOTER)


def test_back_to_daily_life_at_once_is_a_safety_claim_in_an_ad_and_care_advice_in_care() -> None:
    # "회복기간 없이" (RULES.md) in other words; the corpus README reads "당일 일상 복귀", "다음 날 바로 출근" the same way
    assert "MSA-SAFETY-CLAIM" in _rules("(광고) [해맑은안과] 라섹 다음 날 바로 일상생활 가능!" + RISK + FT_FOOTER)
    care = "[해맑은안과] 김하늘님, 수술 다음 날부터 가벼운 일상생활은 가능합니다. 눈은 비비지 마세요."
    assert "MSA-SAFETY-CLAIM" not in _rules(care, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[온새내과] 김하늘님, 재검사를 권해 드립니다. 편하실 때 내원해 주세요.",
        "[온새내과] 김하늘님, 지난 검진에서 추가 확인이 필요한 부분이 있습니다. 결과는 내원하시면 설명드립니다.",
        "[온새내과] 김하늘님, 지난번 검사에서 다시 확인이 필요한 항목이 있어 재검을 권해 드립니다.",
    ],
)
def test_a_recheck_with_no_finding_named_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in _rules(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[온새내과] 김하늘님, 당화혈색소 7.1%로 재검사를 권해 드립니다.",
        "[온새내과] 김하늘님, 소변검사에서 혈뇨가 나와 재검이 필요합니다.",
        "[온새내과] 김하늘님, 갑상선 결절이 보여 추가 검사가 필요합니다.",
        "[온새내과] 김하늘님, 위염 소견으로 재검사를 권해 드립니다.",
    ],
)
def test_a_recheck_beside_a_finding_value_or_disease_stays_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in _rules(text, "sms", "informational")


def test_a_newsletter_named_as_where_a_notice_was_given_is_no_newsletter() -> None:
    closure = "[해맑은안과] 김하늘님, 병원 소식지에서 안내드린 대로 1월 1일은 휴진입니다."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in _rules(closure, "alimtalk", "informational")
    sent = "[해맑은안과] 김하늘님, 이번 달 병원 소식지를 보내드립니다. 겨울철 눈 건강 정보를 확인해 보세요."
    assert "KAKAO-ALIMTALK-BLACKLIST" in _rules(sent, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[해맑은안과] 김하늘님, 새해 복 많이 받으세요. 1월 1일은 휴진하고 2일부터 정상 진료합니다.",
        "[해맑은안과] 메리 크리스마스! 12월 25일(금)은 휴진합니다.",
        "[해맑은안과] 12월 31일은 오후 1시까지 단축진료합니다. 새해 복 많이 받으세요.",
    ],
)
def test_a_season_greeting_beside_a_closure_is_the_closure_notice(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in _rules(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[해맑은안과] 김하늘님, 새해 복 많이 받으세요. 올해도 눈 건강 지켜 드리겠습니다.",
        "[해맑은안과] 김하늘님, 생일 축하드립니다! 12월 25일은 휴진입니다.",
        "[해맑은안과] 새해 복 많이 받으세요. 1월 1일은 휴진합니다. 이번 달 병원 소식지도 함께 보내드립니다.",
    ],
)
def test_a_greeting_alone_or_beside_other_black_listed_content_stays(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in _rules(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [해맑은안과] 녹내장은 국내 실명 원인 1위 질환입니다. 40세 이상은 해마다 검진을 받으세요.",
        "(광고) [든든정형외과] 겨울은 빙판길 낙상이 가장 많은 계절입니다. 미끄럼 방지 신발을 신으세요.",
        "(광고) [든든내과] 대장암은 50대 이후 가장 많이 발생하는 암 중 하나입니다.",
        "(광고) [웃음치과] 충치가 가장 잘 생기는 곳은 어금니의 씹는 면입니다.",
    ],
)
def test_a_disease_statistic_is_no_claim_of_being_best(text: str) -> None:
    assert "MSA-SUPERLATIVE" not in _rules(text + FT_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [든든정형외과] 겨울철 낙상 환자를 가장 많이 치료하는 병원입니다.",
        "(광고) [해맑은안과] 녹내장 수술 건수 지역 1위 안과." + RISK,
        "(광고) [해맑은안과] 실명 원인 1위 녹내장, 저희 안과가 가장 많이 수술합니다." + RISK,
    ],
)
def test_the_clinic_as_the_most_stays_a_superlative(text: str) -> None:
    assert "MSA-SUPERLATIVE" in _rules(text + FT_FOOTER)


def test_a_public_insurance_benefits_period_is_no_offer() -> None:
    text = "[웃음치과] 김하늘님, 스케일링 건강보험 혜택은 해마다 1회입니다. 올해 혜택은 12월 31일까지입니다."
    assert not {"KAKAO-ALIMTALK-PROMO"} & _rules(text, "alimtalk", "informational")
    assert not {"ADV-PURPOSE-MISMATCH"} & _rules(text, "sms", "informational")


def test_a_benefits_deadline_with_a_push_or_without_insurance_stays_promotion() -> None:
    push = "[웃음치과] 김하늘님, 스케일링 건강보험 혜택은 해마다 1회입니다. 올해 혜택은 12월 31일까지이니 서둘러 예약하세요."
    assert "KAKAO-ALIMTALK-PROMO" in _rules(push, "alimtalk", "informational")
    member = "[웃음치과] 김하늘님, 멤버십 혜택은 12월 31일까지입니다."
    assert "KAKAO-ALIMTALK-PROMO" in _rules(member, "alimtalk", "informational")


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[해맑은안과] 김하늘님, 새로 도입한 모바일 문진표를 내원 전날까지 작성해 주세요.", "alimtalk"),
        (
            "[해맑은안과] 김하늘님, 1층에 무인 수납기를 새로 설치했습니다. 진료 후 바로 결제하실 수 있습니다.",
            "alimtalk",
        ),
        ("[해맑은안과] 김하늘님, 전자 동의서가 새로 도입되어 태블릿으로 서명하시면 됩니다.", "sms"),
    ],
)
def test_a_new_administrative_tool_is_no_new_medical_service(text: str, channel: str) -> None:
    assert not {"KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH"} & _rules(text, channel, "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[해맑은안과] 김하늘님, 새로 도입한 건성안 레이저 장비로 관리받아 보세요.",
        "[해맑은안과] 김하늘님, 드림렌즈 클리닉을 새로 시작했습니다. 상담 예약하세요.",
    ],
)
def test_a_new_device_clinic_or_programme_stays_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in _rules(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[든든내과] 김하늘님, 올해 독감 백신은 입고 물량이 적어 선착순으로 접종합니다. 오시기 전 전화 주세요.", "sms"),
        ("[든든내과] 김하늘님, 대상포진 백신 입고가 늦어져 도착하는 대로 선착순 접종합니다.", "alimtalk"),
        ("[든든내과] 일요일 진료는 예약 없이 선착순 접수입니다.", "sms"),
    ],
)
def test_first_come_for_a_queue_or_a_scarce_supply_is_no_offer(text: str, channel: str) -> None:
    assert not {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH", "KAKAO-ALIMTALK-PROMO"} & _rules(
        text, channel, "informational"
    )


def test_first_come_with_a_benefit_or_a_headcount_stays_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in _rules(
        "[든든내과] 독감 백신 입고 물량이 적어 선착순 30명만 5천 원 할인합니다.", "sms", "informational"
    )
    assert "MSA-INDUCEMENT" in _rules(
        "(광고) [든든내과] 독감 백신 선착순 50명 무료 접종!" + SMS_FOOTER, "sms", "advertising"
    )


@pytest.mark.parametrize(
    "text",
    [
        "[든든내과] 김하늘님, 12월 9일 갑상선 초음파 검사 결과 상담 예약입니다.",
        "[해맑은안과] 김하늘님, 녹내장 정기검사(시야·안압) 예약이 12월 10일입니다.",
    ],
)
def test_the_yak_of_yeyak_is_no_medicine(text: str) -> None:
    # 예약 (booking) ends in 약; a condition beside it named the patient's medicine where none is
    assert "PII-HEALTH-IN-SMS" not in _rules(text, "sms", "informational")


def test_a_condition_beside_its_medicine_stays_health_data() -> None:
    assert "PII-HEALTH-IN-SMS" in _rules(
        "[든든내과] 김하늘님, 당뇨약이 떨어지기 전에 예약해 주세요.", "sms", "informational"
    )


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [Haemalgeun Eye] Winter tip: the best way to ease dry eyes is a warm compress.",
        "(광고) [Haemalgeun Eye] Glaucoma is the number one cause of irreversible blindness; get checked after 40.",
        "(광고) [Haemalgeun Skin] Sunscreen works best when applied 15 minutes before going out.",
    ],
)
def test_english_best_in_plain_advice_or_a_statistic_is_no_superlative(text: str) -> None:
    assert "MSA-SUPERLATIVE" not in _rules(text + FT_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "(광고) [Haemalgeun Dental] The best way to fix your smile is our porcelain veneers.",
        "(광고) [Haemalgeun Eye] We are the number one LASIK clinic in Seoul.",
    ],
)
def test_english_best_of_the_clinic_stays_a_superlative(text: str) -> None:
    assert "MSA-SUPERLATIVE" in _rules(text + " Side effects may occur; results vary." + FT_FOOTER)
