"""The labelling conventions (compliance/conventions.py) on sentences written for these tests: the one rule a
reviewer who reads RULES.md names where two rules see the same words, and the corpus labels read the same way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.conventions import disparagement_compares, labels_by_convention
from compliance.corpus_score import load
from compliance.findings import rule_catalogue
from compliance.scorer_train import training_splits
from tests.support.compliance import RISK_FOOTER, rule_ids


@pytest.mark.parametrize(
    "body",
    [
        "카카오맵에 방문 후기를 남겨 주시면 다음 진료 때 치약 세트를 드려요.",
        "시술 후기를 맘카페에 올려 주신 분께는 다음 관리비 만 원을 빼 드립니다.",
        "Post a photo review on Naver and get 5,000 won off your next scaling.",
    ],
)
def test_a_review_reward_is_the_review_incentive_alone(body: str) -> None:
    rules = rule_ids(f"(광고) 해온치과의원 {body}{RISK_FOOTER}")
    assert "MSA-REVIEW-INCENTIVE" in rules
    assert "MSA-INDUCEMENT" not in rules


def test_an_offer_in_a_sentence_of_its_own_stays_an_inducement_beside_a_review_reward() -> None:
    text = f"(광고) 해온피부과 이번 달 보톡스 전 부위 50% 할인! 방문 후기를 남겨 주시면 진정팩도 드려요.{RISK_FOOTER}"
    assert {"MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"} <= rule_ids(text)


@pytest.mark.parametrize(
    "body",
    [
        "MBC 아침 건강 코너에 나왔던 원장이 직접 진료합니다.",
        "As seen on Arirang TV: our chief dermatologist explains laser toning.",
    ],
)
def test_a_clinician_on_television_is_article_form_not_celebrity(body: str) -> None:
    rules = rule_ids(f"(광고) 해온피부과 {body}{RISK_FOOTER}")
    assert "MSA-ARTICLE-FORM" in rules
    assert "MSA-CELEBRITY" not in rules


def test_a_celebrity_named_by_role_on_television_stays_a_celebrity() -> None:
    text = f"(광고) 해온피부과 예능 방송에 나온 아이돌 멤버들이 관리받는 바로 그 피부과입니다.{RISK_FOOTER}"
    assert "MSA-CELEBRITY" in rule_ids(text)


def test_an_english_free_opt_out_with_a_number_is_a_free_opt_out() -> None:
    body = "(광고) [Haeon Dental] Saturday hours: 9 am to 1 pm. Free opt-out: 080-414-2280"
    assert "ADV-OPTOUT" not in rule_ids(body)
    assert "ADV-OPTOUT" in rule_ids(body.replace("Free opt-out", "Opt-out"))  # not said to be free


@pytest.mark.parametrize(
    ("text", "channel", "channel_rule"),
    [
        (
            "[해온안과] 김하늘님, 12월 9일(수) 오전 10시 검진 예약 안내입니다. 이번 달 스마일라식 상담 고객께는 수술비 20% "
            "할인도 드려요.",
            "alimtalk",
            "KAKAO-ALIMTALK-PROMO",
        ),
        (
            "[해온안과] 김하늘님, 12월 9일(수) 오전 10시 검진 예약 안내입니다. 이번 달부터 스마일라식 상담도 받습니다. "
            "지금 예약하세요.",
            "alimtalk",
            "KAKAO-ALIMTALK-PROMO",
        ),
        (
            "[해온피부과] 내일 오후 3시 진료 예약입니다. 새로 들여온 울쎄라 리프팅도 함께 받아 보세요.",
            "sms",
            "ADV-PURPOSE-MISMATCH",
        ),
        (
            "[해온치과] 내일 오후 2시 스케일링 예약입니다. 저희 치과 임플란트는 통증이 전혀 없습니다.",
            "sms",
            "ADV-PURPOSE-MISMATCH",
        ),
    ],
)
def test_a_promotion_in_an_informational_message_is_the_channel_rule_without_the_risk_notice(
    text: str, channel: str, channel_rule: str
) -> None:
    # session 23: blind writers name the channel rule (and the claim or offer), never the missing risk notice
    rules = rule_ids(text, channel, "informational")
    assert channel_rule in rules
    assert "MSA-OMIT-RISK" not in rules


def test_the_same_procedure_in_an_advertisement_still_needs_its_risk_notice() -> None:
    ad = "(광고) 해온피부과 새로 들여온 울쎄라 리프팅, 12월 한 달 상담 예약 받습니다. 무료수신거부 080-414-2280"
    assert "MSA-OMIT-RISK" in rule_ids(ad)
    assert "MSA-OMIT-RISK" not in rule_ids(
        ad.replace("울쎄라 리프팅,", "울쎄라 리프팅(붓기·멍 등 부작용, 개인차 있음),")
    )


def test_corpus_labels_follow_the_same_conventions() -> None:
    assert labels_by_convention("후기 쓰면 커피 쿠폰", ["MSA-INDUCEMENT", "MSA-REVIEW-INCENTIVE"]) == [
        "MSA-REVIEW-INCENTIVE"
    ]
    assert labels_by_convention("KBS 출연 원장", ["MSA-ARTICLE-FORM", "MSA-CELEBRITY"]) == ["MSA-ARTICLE-FORM"]
    assert labels_by_convention("KBS에 나온 배우도 찾는 곳", ["MSA-ARTICLE-FORM", "MSA-CELEBRITY"]) == [
        "MSA-ARTICLE-FORM",
        "MSA-CELEBRITY",
    ]
    # a named provider keeps the writer's reading (session 28); a comparison of its own adds it
    assert labels_by_convention("다른 병원에서 실패한 코", ["MSA-DEFAME"]) == ["MSA-DEFAME"]
    assert labels_by_convention("다른 병원에서 실패한 코", ["MSA-COMPARISON", "MSA-DEFAME"]) == [
        "MSA-COMPARISON",
        "MSA-DEFAME",
    ]
    assert labels_by_convention("다른 병원보다 꼼꼼히, 실패 없는 코", ["MSA-DEFAME"]) == [
        "MSA-COMPARISON",
        "MSA-DEFAME",
    ]
    assert labels_by_convention("라식 20% 할인", ["KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT", "MSA-OMIT-RISK"]) == [
        "KAKAO-ALIMTALK-PROMO",
        "MSA-INDUCEMENT",
    ]
    assert labels_by_convention(
        "통증 없는 임플란트", ["ADV-PURPOSE-MISMATCH", "MSA-OMIT-RISK", "MSA-SAFETY-CLAIM"]
    ) == [
        "ADV-PURPOSE-MISMATCH",
        "MSA-SAFETY-CLAIM",
    ]
    assert labels_by_convention("통증 없는 임플란트", ["MSA-OMIT-RISK", "MSA-SAFETY-CLAIM"]) == [
        "MSA-OMIT-RISK",
        "MSA-SAFETY-CLAIM",
    ]  # an advertisement keeps it


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        # RULES.md's own MSA-DEFAME example names the other: either reading (session 28)
        ("다른 병원에서 실패한 코, 재수술로 바로잡습니다.", None),
        ("큰 병원처럼 3분 보고 끝내지 않습니다.", True),  # a comparison of its own
        ("여기저기 다녀봐도 효과 없으셨던 분들, 상담 오세요.", None),  # the patient's rounds of other places
        ("Many LASIK centres rush you through in ten minutes.", None),
        ("Unlike many LASIK centres, we never rush you through in ten minutes.", True),
        ("다른 병원과 달리 저희는 재수술 걱정 없는 코를 만듭니다.", True),
        ("수술부터 권하는 척추병원, 한 번 더 의심하세요. 저희는 비수술로 먼저 봅니다.", None),  # set against us only
        ("싸게 받았다가 화상 입고 오시는 분들이 많습니다. 개인에 따라 결과가 다를 수 있습니다.", False),
        # a risk notice's 차이 is about the sender's own results
        ("진통제만 놓는 병원 치료로는 통증이 반복됩니다. ※ 개인에 따라 효과와 부작용에 차이가 있습니다.", False),
    ],
)
def test_a_disparagement_compares_where_it_contrasts_and_may_where_it_names_another_provider(
    text: str, compares: bool | None
) -> None:
    assert disparagement_compares(text) is compares


def test_a_disparagement_label_keeps_the_comparison_only_where_the_message_compares() -> None:
    paired = ["MSA-COMPARISON", "MSA-DEFAME"]
    assert labels_by_convention("싼 맛에 찍어내는 라식 공장, 검사는 제대로 하던가요?", paired) == ["MSA-DEFAME"]
    assert labels_by_convention("수술부터 권하는 병원 말고, 비수술부터 보는 곳", paired) == paired  # either reading
    assert labels_by_convention("수술부터 권하는 병원 말고, 비수술부터 보는 곳", ["MSA-DEFAME"]) == ["MSA-DEFAME"]
    assert labels_by_convention("일반 레이저보다 색소침착이 적은 토닝", ["MSA-DEFAME"]) == paired


@pytest.mark.parametrize("name", [n for n in training_splits() if n != "dev"])
def test_training_files_are_labelled_by_the_conventions(name: str) -> None:
    # dev.jsonl is rebuilt through them (build_dev.py); the other training files were relabelled in place
    off = [r["id"] for r in load(name) if set(labels_by_convention(r["text"], r["expected"])) != set(r["expected"])]
    assert not off, off


@given(
    st.text(max_size=40),
    st.lists(st.sampled_from(sorted(r for r in rule_catalogue() if r.startswith("MSA-"))), max_size=4),
)
def test_labels_by_convention_is_idempotent_and_never_invents_a_rule_but_the_comparison(
    text: str, labels: list[str]
) -> None:
    once = labels_by_convention(text, labels)
    assert labels_by_convention(text, once) == once
    assert set(once) - set(labels) <= {"MSA-COMPARISON"}
    assert once == sorted(set(once))
