"""'무조건' (unconditionally) is a guarantee only when an outcome follows it ("무조건 예뻐집니다"); before a verb of
recommending or a booking rule it describes what a clinic does ("무조건 임플란트부터 권하는 병원"), not a result."""

from __future__ import annotations

import pytest

from tests.support.compliance import ad_template, rule_ids

AD = ad_template("다솜치과")


@pytest.mark.parametrize(
    "body",
    [
        "무조건 임플란트부터 권하는 병원, 이제 그만.",
        "아프면 무조건 수술하자는 병원 말고, 비수술 치료부터 상담하세요.",
        "무조건 뽑자고 하는 치과에 지치셨나요?",
        "임플란트 상담은 무조건 사전 예약제로 운영합니다.",
        "스케일링은 정기검진 때 무조건 함께 받으시길 권해 드립니다.",
    ],
)
def test_unconditionally_before_a_practice_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "무조건 예뻐지는 비결, 지금 상담받으세요.",
        "무조건 효과 보는 리프팅.",
        "무조건 만족!",
        "무조건 좋아지는 시술, 원장님이 직접 권해 드립니다.",  # an outcome first, the recommending verb after
        "무조건 성공하는 임플란트, 자신 있게 권합니다.",
    ],
)
def test_unconditionally_before_an_outcome_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(AD.format(body), "friendtalk")
