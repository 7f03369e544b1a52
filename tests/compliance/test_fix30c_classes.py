"""Session 30 (fix30c): precision classes seen in the session-30 training writers' files (writer_s30_c's precision
traps, two classes of writer_s30_a), each checked on sentences written for these tests (not corpus lines): the
innocent reading stays clean and the violating twin is still found."""

from __future__ import annotations

import pytest

from tests.support.compliance import RISK_FOOTER, rule_ids

# --- (1) ADV-SENDER: a Korean clinic name right after the label whose kind word is a brand's ending ----------------


@pytest.mark.parametrize(
    "opening",
    [
        "(광고) 하람에스테틱 여름 피부 관리 상담을 받습니다.",
        "(광고) 도담코성형 Dodam Nose 코 재수술 상담 주간입니다.",
        "(광고) 온빛성형 눈매 교정 상담, 평일 저녁 8시까지.",
        "(광고) 새솔덴탈 임플란트 상담 예약을 받습니다.",
    ],
)
def test_a_brand_name_after_the_label_names_the_sender(opening: str) -> None:
    assert "ADV-SENDER" not in rule_ids(opening + RISK_FOOTER)


@pytest.mark.parametrize(
    "opening",
    [
        "(광고) 코성형 상담 주간입니다. 평일 저녁 8시까지.",
        "(광고) 눈코성형 상담 예약을 받습니다.",
        "(광고) 쁘띠성형 상담, 이번 주 토요일도 가능합니다.",
        "(광고) 여름맞이성형 상담 주간입니다.",
        "(광고) 안면윤곽성형 상담 예약 받습니다.",
        "(광고) 겨울방학 피부 관리 상담 받습니다.",
    ],
)
def test_a_procedure_or_an_occasion_after_the_label_names_nobody(opening: str) -> None:
    assert "ADV-SENDER" in rule_ids(opening + RISK_FOOTER)
