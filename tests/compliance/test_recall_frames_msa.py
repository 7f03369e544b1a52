"""The MSA families of issue 17 without their key words (후기, 할인, 보장, 병원), as probe rounds 12–17 found them:
a disparagement also reported as the comparison it implies (RULES.md), another method disparaged, and the clean
traps the new frames must leave alone."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from tests.support.compliance import rule_ids

AD = "(광고) 리본성형외과 {} 붓기·멍 등 부작용이 생길 수 있습니다. 무료수신거부 080-901-2000"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("임플란트 하신 70대 어르신 왈, 이제 갈비도 뜯으신답니다.", {"MSA-TESTIMONIAL"}),
        ("저도 처음엔 겁났는데 하루 만에 눈이 편해졌어요.", {"MSA-TESTIMONIAL"}),  # a patient's own voice
        ("I was so nervous, but my nose looks natural now.", {"MSA-TESTIMONIAL"}),
        ("이미 세 군데서 상담받고 오셨다면, 저희 검사가 왜 2시간인지 아실 겁니다.", {"MSA-COMPARISON"}),
        # a named provider with no comparison of its own: the comparison is either reading (session 28)
        ("재수술 환자의 70%가 타원 수술 후 찾아오십니다.", {"MSA-DEFAME"}),
        ("기존 라식은 각막을 깎아 건조증이 심하지만, 저희 방식은 다릅니다.", {"MSA-DEFAME"}),
        ("Traditional braces damage enamel — our clear aligners don't.", {"MSA-DEFAME"}),
        ("울쎄라 10회 끊으시면 2회 더 얹어드려요.", {"MSA-INDUCEMENT"}),
        ("리프팅 첫 체험가 19만 원, 이달 말까지.", {"MSA-INDUCEMENT"}),
        ("한 번 빠진 지방은 다시 늘어나지 않습니다.", {"MSA-GUARANTEE"}),
        ("임플란트 성공률 99.8%, 실패 걱정은 내려놓으세요.", {"MSA-GUARANTEE"}),
        ("팔로워 80만 뷰티 크리에이터가 극찬한 물광 관리.", {"MSA-CELEBRITY"}),
        ("리본 서포터즈 3기 모집 — 시술비 전액 지원", {"MSA-REVIEW-INCENTIVE"}),
        ("수능 끝난 고3, 라식 25만 원에 모십니다.", {"MSA-STUDENT-LURE", "MSA-INDUCEMENT"}),
        ("코 성형 전 과정을 인스타 라이브로 생중계합니다.", {"MSA-SURGERY-SCENE"}),
    ],
)
def test_issue_17_msa_families_without_key_words(body: str, expected: set[str]) -> None:
    assert rule_ids(AD.format(body), "friendtalk") == expected


def test_a_disparagement_is_no_comparison_unless_one_is_drawn() -> None:
    """Session 24: running down an unnamed place or practice is MSA-DEFAME alone; a named provider run down with no
    comparison drawn is either reading since session 28 (a comparison found stays, none is implied)."""
    assert rule_ids(AD.format("싸게 받았다가 화상 입고 오시는 분들이 많습니다."), "friendtalk") == {"MSA-DEFAME"}
    named = AD.format("다른 곳에서 망친 코, 리본에서 바로잡습니다.")
    assert "MSA-DEFAME" in rule_ids(named, "friendtalk") and disparagement_compares(named) is None
    drawn = rule_ids(AD.format("다른 곳에서 망친 코, 여기와 달리 리본은 끝까지 책임집니다."), "friendtalk")
    assert {"MSA-COMPARISON", "MSA-DEFAME"} <= drawn


def test_english_procedure_names_need_a_risk_notice() -> None:
    text = "(광고) Lumi Aesthetic Clinic Hydrafacial and microneedling now available. 무료수신거부 080-902-5000"
    assert rule_ids(text, "friendtalk") == {"MSA-OMIT-RISK"}


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        ("{{ patient.name }}님, 붓기는 다시 나빠지지 않도록 냉찜질을 해 주세요.", "alimtalk", "informational"),
        ("{{ patient.name }}님, 완치될 때까지 처방받은 안약을 하루 4번 넣어 주세요.", "alimtalk", "informational"),
        ("[맑은눈안과] 수험생 시력검사 결과지는 접수처에서 받아 가세요.", "sms", "informational"),
        ("{{ patient.name }}님, 누구나 시술 후 1~2일은 붉어질 수 있으니 걱정하지 마세요.", "alimtalk", "informational"),
        (
            "(광고) 세움성형외과 절개·비절개 쌍꺼풀 방식 설명회. 절개법은 흉터, 비절개는 풀림이 생길 수 있습니다. "
            "무료수신거부 080-904-2000",
            "friendtalk",
            "advertising",
        ),
    ],
)
def test_clean_traps_of_rounds_12_to_17(text: str, channel: str, purpose: str) -> None:
    assert rule_ids(text, channel, purpose) == set()


def test_a_lifetime_care_voucher_is_a_gift_not_a_guarantee() -> None:
    text = "(광고) 담결피부과 제모 5회권 구매 시 겨드랑이 평생 관리권 추가 증정. 개인차가 있습니다. 무료수신거부 080-901-3000"
    assert rule_ids(text, "friendtalk") == {"MSA-INDUCEMENT"}
