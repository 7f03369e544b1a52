"""Session 30 (lead): a review asked for in an advertisement with nothing given for it is no reward for a review —
the courtesy endings 감사드립니다 / 부탁드립니다 and the opt-out footer's 무료 are no gift; a quoted question (FAQ) and a
review board said to be closed are no patient's story; a provider of another country set against the sender is a
comparison, "more than an hour" is not; a rewrite keeps a Korean brand sender (루미에스테틱) at the head — on
sentences written for these tests (not corpus lines)."""

from __future__ import annotations

import pytest

from compliance.text_rules import lint_text
from tests.compliance.suggestion_audit import audit_finding
from tests.support.compliance import english_ad, info_alimtalk, korean_ad


@pytest.mark.parametrize(
    "body",
    [
        "진료가 만족스러우셨다면 방문 후기를 남겨 주시면 감사드립니다.",
        "네이버 플레이스에 솔직한 리뷰를 남겨 주세요. 부탁드립니다.",
        "지도 앱에 별점을 남겨 주시면 진료 개선에 참고하겠습니다. 안내드립니다.",
        "후기를 써 주시면 큰 힘이 됩니다. 늘 감사드립니다.",
    ],
)
def test_a_review_asked_for_with_nothing_given_is_no_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in korean_ad(body, clinic="맑은안과")


@pytest.mark.parametrize(
    "body",
    ["Please leave us a review on Google if you were happy with your visit. Thank you!"],
)
def test_an_english_review_ask_with_nothing_given_is_no_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in english_ad(body, clinic="Malgeun Eye Clinic")


@pytest.mark.parametrize(
    "body",
    [
        "방문 후기를 남겨 주시면 커피 쿠폰을 드립니다.",
        "리뷰를 남겨 주세요. 추첨으로 다섯 분께 커피를 보내 드립니다.",
        "후기를 남겨 주시면 다음 방문 때 관리 1회 서비스로 해 드려요.",
        "리뷰 남겨 주시면 실밥 제거 비용을 면제해 드려요.",
        "후기를 남겨 주시면 무료 세안 1회 드립니다.",
    ],
)
def test_a_review_with_a_reward_stays_an_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in korean_ad(body, clinic="맑은안과")


def test_a_review_with_a_reward_in_english_stays_an_incentive() -> None:
    found = english_ad("Leave us a Google review and your next LED session is on the house.", clinic="Lumi Skin")
    assert "MSA-REVIEW-INCENTIVE" in found


@pytest.mark.parametrize(
    "body",
    [
        '"수술 후 언제부터 운동할 수 있나요?" 자주 받는 질문에 답해 드립니다.',
        '"렌즈는 언제 다시 낄 수 있나요?" 상담 때 가장 많이 듣는 질문입니다. 원장님이 답합니다.',
    ],
)
def test_a_quoted_question_is_no_patient_story(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in korean_ad(body, clinic="맑은안과")


@pytest.mark.parametrize(
    "body",
    [
        '"수술하고 다음 날 바로 출근했어요!" 김OO님 이야기.',
        '"이렇게 잘 보일 줄 누가 알았을까요?" 라식 3년 차 환자분의 말씀.',
    ],
)
def test_a_quoted_story_stays_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in korean_ad(body, clinic="맑은안과")


@pytest.mark.parametrize(
    "text",
    [
        "[맑은안과] 홈페이지 환자 후기 게시판은 의료법에 따라 운영하지 않습니다. 문의는 전화로 부탁드립니다.",
        "[맑은안과] 치료 후기 코너는 지난달 폐쇄되었습니다. 진료 문의는 상담실로 해 주세요.",
        "[Malgeun Eye] Our patient reviews page has been closed under the Medical Service Act. Call us with questions.",
    ],
)
def test_a_review_board_kept_closed_is_no_testimonial(text: str) -> None:
    assert "MSA-TESTIMONIAL" not in info_alimtalk(text)


def test_a_story_from_the_review_board_stays_a_testimonial() -> None:
    found = korean_ad("후기 게시판에 올라온 글처럼 '하나도 안 아팠어요'라는 분이 많습니다.", clinic="맑은안과")
    assert "MSA-TESTIMONIAL" in found


@pytest.mark.parametrize(
    "body",
    [
        "미국 병원보다 저렴합니다.",
        "일본 안과보다 빠른 회복.",
        "해외 병원에 비해 대기가 짧습니다.",
        "중국 현지 병원과 달리 대기 없이 바로 수술합니다.",
    ],
)
def test_a_provider_of_another_country_set_against_the_sender_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in korean_ad(body, clinic="서울밝은안과")


@pytest.mark.parametrize(
    "body",
    [
        "해외 병원 진료기록이 있으시면 상담 때 가져오세요.",
        "미국 안과 전문의 자격을 가진 원장이 상담합니다.",
    ],
)
def test_a_provider_of_another_country_named_without_a_contrast_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in korean_ad(body, clinic="서울밝은안과")


@pytest.mark.parametrize(
    ("text", "rule", "name"),
    [
        (
            "(광고) 루미에스테틱 수술 장면 풀영상을 유튜브에 공개했습니다. 부작용·개인차 있음. 무료수신거부 080-111-2222",
            "MSA-SURGERY-SCENE",
            "루미에스테틱",
        ),
        (
            "(광고) 한빛덴탈 다른 치과보다 절반 가격! 임플란트 상담 받으세요. 부작용·개인차 있음. 무료수신거부 080-111-2222",
            "MSA-COMPARISON",
            "한빛덴탈",
        ),
    ],
)
def test_a_rewrite_keeps_a_korean_brand_sender_at_the_head(text: str, rule: str, name: str) -> None:
    findings = tuple(lint_text(text, "sms", "advertising"))
    finding = next(f for f in findings if f.rule == rule)
    assert audit_finding(text, "sms", "advertising", finding, findings) == ("", "")
    assert finding.suggestion is not None
    assert finding.suggestion.apply(text).startswith(f"(광고) {name} ")


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have waited more than an hour, please tell the desk.",
        "Please arrive no later than 10 minutes before your slot.",
    ],
)
def test_than_of_a_time_is_no_comparison(sentence: str) -> None:
    assert "MSA-COMPARISON" not in english_ad(sentence, clinic="Bright Clinic")


def test_than_beside_other_clinics_stays_a_comparison() -> None:
    found = english_ad("Other clinics make you wait more than an hour; we see you on time.", clinic="Bright Clinic")
    assert "MSA-COMPARISON" in found
