"""A claim only advertising makes — a celebrity treated here, a patient's story retold — makes an informational
message's content advertising, as a discount or an event would (the learned scorer's promotion reading; a
purpose-step reason from the claim frames was tried in session 17 and added one finding on the training files)."""

from __future__ import annotations

import pytest

from tests.support.compliance import rule_ids

REMINDER = "[밝은빛안과] 12/3(목) 10시 검진 예약 안내드립니다. "


@pytest.mark.parametrize(
    ("text", "channel", "mismatch", "claim"),
    [
        (REMINDER + "지난주에는 가수 ○○○ 님도 저희 병원에서 라식을 받고 가셨어요.", "sms", "ADV-PURPOSE-MISMATCH",
         "MSA-CELEBRITY"),
        (REMINDER + "지난주에는 가수 ○○○ 님도 저희 병원에서 라식을 받고 가셨어요.", "alimtalk", "KAKAO-ALIMTALK-PROMO",
         "MSA-CELEBRITY"),
        ("[다온치과] 내일 오후 3시 스케일링 예약입니다. 같은 치료 받으신 분들이 \"이제 시린 게 없어요\"라고 많이들 "
         "말씀하세요.", "sms", "ADV-PURPOSE-MISMATCH", "MSA-TESTIMONIAL"),
    ],
)  # fmt: skip
def test_a_claim_in_a_reminder_makes_it_advertising(text: str, channel: str, mismatch: str, claim: str) -> None:
    assert {mismatch, claim} <= rule_ids(text, channel, "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[다온치과] 내일 오후 3시 스케일링 예약입니다. 양치 후 치실을 꼭 사용해 주세요.",
        "[밝은빛안과] 검사 결과는 다음 진료 때 원장님이 직접 설명해 드립니다. 궁금한 점은 02-123-4567로 문의해 주세요.",
        "[다온치과] 치료 후기는 의료법에 따라 게시하지 않습니다. 예약 변경은 전화로 부탁드립니다.",
    ],
)
def test_a_reminder_without_a_claim_stays_informational(text: str) -> None:
    assert not rule_ids(text, "sms", "informational")
