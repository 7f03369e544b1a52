"""Session 29 (lead): classes the lead's own probes showed — a patient's earlier records (검사 기록, 수술 기록) asked
for from another hospital are paperwork, not a comparison; a clinic's name ending in 과 ("리움성형외과 다른 곳에서") is no
"과 다른" contrast, "다 같은 X가 아닙니다" is one — on sentences written for these tests (not corpus lines)."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from compliance.negation import negated_by_analysis, negated_in_writing
from tests.support.compliance import english_ad, info_alimtalk, info_sms, korean_ad


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


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        # a clinic's name ending in 과 before another place draws no contrast ("과 다른" is no particle there)
        ("(광고) 리움성형외과 다른 곳에서 망친 코, 재수술 상담은 원장이 직접 합니다.", None),
        ("(광고) 하람안과 다른 병원에서 실패한 라식, 재수술 상담받으세요.", None),
        ("(광고) 새봄피부과 다른 데서 받은 레이저로 생긴 색소, 상담받으세요.", None),
        # not all clinics are the same: a contrast
        (
            "(광고) 하람의원 피부과라고 다 같은 피부과가 아닙니다. 비전문의 레이저로 생긴 흉터로 오시는 분이 늘고 있습니다.",
            True,
        ),
        ("(광고) 하람치과 임플란트, 모두 같은 치과가 아니죠. 싼 재료로 흔들리는 임플란트가 많습니다.", True),
        ("(광고) 하람안과 다른 안과와 다른 점은 검사 시간입니다. 대충 보는 곳이 많습니다.", True),
        # English chains and providers abroad are another provider
        (
            "(광고) Mapo Skin: Budget laser chains burn skin with old machines. Come to a real dermatologist. 무료거부 080-111-2222",
            None,
        ),
        (
            "(광고) Gangnam Dental: Cheap implant packages overseas fail within years. Choose Korean care. 무료거부 080-111-2222",
            None,
        ),
    ],
)
def test_the_comparison_convention_reads_names_contrasts_and_other_providers(text: str, compares: bool | None) -> None:
    assert disparagement_compares(text) is compares


@pytest.mark.parametrize(
    "body",
    [
        "Glare at night is the most common complaint in Korea's SMILE patients; ask us.",
        "Swelling is the most frequent complication in Seoul's eyelid patients; call us.",
        "Dry eye is the most common side effect after LASIK; use the drops we gave you.",
    ],
)
def test_how_often_a_side_effect_comes_up_is_no_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "The most advanced LASIK suite in Seoul.",
        "Seoul's most trusted eyelid surgeons, with the most common-sense prices.",
    ],
)
def test_a_claim_of_being_the_most_stays_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "K-pop idol Minjun appeared on MBC after his LASIK here.",
        "Actress Jiwon talked about it on a KBS show after her eyelid surgery with us.",
    ],
)
def test_a_celebrity_treated_here_stays_one_beside_a_broadcast(body: str) -> None:
    assert "MSA-CELEBRITY" in english_ad(body)


def test_a_broadcast_without_a_celebrity_treated_here_is_article_form_alone() -> None:
    found = english_ad("Dr. Han appeared on MBC to explain LASIK safety.")
    assert "MSA-CELEBRITY" not in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[하람의원] 할인 적용 불가 품목입니다.", "할인"),
        ("[하람의원] 무료 주차 불가 안내입니다.", "무료"),
    ],
)
def test_a_bare_short_noun_before_bulga_reads_as_the_analysis_reads(text: str, word: str) -> None:
    end = text.index(word) + len(word)
    assert negated_in_writing(text, end) == negated_by_analysis(text, end) is True


@pytest.mark.parametrize(
    "text",
    [
        "[하람치과] 오늘 진료 감사합니다. 네이버 영수증 리뷰에 별점을 남겨 주세요.",
        "[하람치과] 영수증 사진과 함께 후기를 올려 주시면 감사하겠습니다.",
    ],
)
def test_a_review_asked_on_a_receipt_is_promotion(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


def test_a_receipt_sent_for_insurance_stays_a_receipt() -> None:
    assert not info_sms("[하람치과] 오늘 진료비 영수증을 보내드립니다. 실손보험 청구에 사용하세요.")


def test_a_friend_brought_in_for_an_extra_session_of_a_package_is_an_offer() -> None:
    found = info_alimtalk("[하람피부과] 남은 패키지 이용 시 지인을 모시고 오시면 1회를 더 얹어 드려요.")
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= found
    assert not info_alimtalk("[하람피부과] 남은 패키지 3회는 12월 31일까지 이용 가능합니다.")


@pytest.mark.parametrize(
    "body",
    [
        "If you refer a friend, thank you — there is no reward, we simply appreciate it.",
        "Reviews are welcome; no discount or gift is offered for them.",
    ],
)
def test_a_referral_or_review_said_to_carry_no_reward_is_no_offer(body: str) -> None:
    assert not english_ad(body) & {"MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"}


def test_a_referral_rewarded_stays_an_offer() -> None:
    assert "MSA-INDUCEMENT" in english_ad("Refer a friend — no gift card needed, you both get a free session.")


def test_hours_for_students_and_office_workers_are_no_student_lure() -> None:
    assert "MSA-STUDENT-LURE" not in english_ad("Evening clinic for students and office workers, open until 9 pm.")
    assert "MSA-STUDENT-LURE" in english_ad("Students and office workers get 20% off evening laser sessions.")
