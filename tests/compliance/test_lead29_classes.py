"""Session 29 (lead): classes the lead's own probes showed — a patient's earlier records (검사 기록, 수술 기록) asked
for from another hospital are paperwork, not a comparison — on sentences written for these tests (not corpus lines)."""

from __future__ import annotations

import pytest

from tests.support.compliance import korean_ad


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 받은 검사 기록이 있으시면 가져오시면 참고하겠습니다.",
        "타 병원 수술 기록을 가져오시면 상담에 참고하겠습니다.",
        "이전 병원 치료 기록을 챙겨 오시면 진료가 빨라집니다.",
    ],
)
def test_records_from_another_hospital_are_paperwork(body: str) -> None:
    found = korean_ad(body, clinic="맑은안과")
    assert not found & {"MSA-COMPARISON", "MSA-DEFAME"}


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 망친 수술 기록을 가져오시면 저희가 바로잡아 드립니다.",
        "타 병원보다 정확한 검사 기록을 남겨 드리니 비교해 보세요.",
    ],
)
def test_records_beside_a_failure_or_a_contrast_stay_flagged(body: str) -> None:
    found = korean_ad(body, clinic="맑은안과")
    assert found & {"MSA-COMPARISON", "MSA-DEFAME"}
