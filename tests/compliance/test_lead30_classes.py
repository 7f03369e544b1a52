"""Session 30 (lead): a review asked for in an advertisement with nothing given for it is no reward for a review —
the courtesy endings 감사드립니다 / 부탁드립니다 and the opt-out footer's 무료 are no gift — on sentences written for these
tests (not corpus lines)."""

from __future__ import annotations

import pytest

from tests.support.compliance import english_ad, korean_ad


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
