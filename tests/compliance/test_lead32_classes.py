"""Session 32 (lead): what the retrained scorer read into logistics questions, beside the check-in questions the
black list names (compliance/rules/context_checks_s32_lead.json)."""

from __future__ import annotations

import pytest

from tests.support.compliance import info_alimtalk


@pytest.mark.parametrize(
    "text",
    [
        "Hana Ortho: How is parking handled? Use the B2 lot; validation is at the front desk.",
        "Seoul Clear Eye: Where do I pay on the day? At the 3rd-floor desk, by card or cash.",
        "새솔치과: 주차는 어떻게 하나요? 건물 B2 주차장을 이용하시고 접수처에서 주차권을 받으세요.",
    ],
)
def test_a_logistics_question_answered_in_alimtalk_is_no_check_in(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hana Ortho: How are your eyes feeling since Tuesday's surgery? Any discomfort at all?",
        "새솔치과: 발치하신 부위는 좀 어떠세요? 불편하신 곳은 없으신가요?",
    ],
)
def test_a_check_in_question_stays_black_listed(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)
