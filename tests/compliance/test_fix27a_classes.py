"""Session 27 (fix27a): disparagement and comparison classes the blind training writer writer_s27_a showed at landing
(``rules/frames_s27_a.json``, ``rules/context_checks_s27_a.json``, :mod:`compliance.defame`) — each on sentences
written for these tests (not corpus lines), beside the counterpart a reviewer who reads RULES.md leaves clean (or
reads as the other rule)."""

from __future__ import annotations

import pytest

from compliance.defame import verdict
from tests.support.compliance import care_note as care
from tests.support.compliance import english_ad
from tests.support.compliance import korean_ad as ad

DEFAME, COMPARISON = "MSA-DEFAME", "MSA-COMPARISON"


# (1) another method or profession belittled with no place word


@pytest.mark.parametrize(
    "body",
    [
        "일단 깎고 보는 안면윤곽, 몇 년 뒤 후회합니다. 하람은 뼈 CT부터 봅니다.",
        "찜질팩만 올려 두고 나가는 물리치료는 이제 그만하세요. 저희 치료사가 1:1로 봅니다.",
        "주사 한 대 놓고 끝나는 통증 치료, 이제 그만 받으세요.",
        "붓기 빼는 약만 잔뜩 주는 다이어트, 끊으면 그대로 돌아옵니다.",
        "원장 얼굴 한 번 못 보고 끝나는 상담, 불안하지 않으셨나요?",
        "싸게 맞은 보톡스, 결국 다시 맞게 됩니다. 정품 정량으로 시술합니다.",
        "저렴한 가격에 혹해서 받은 임플란트, 3년 만에 흔들린다면 상담하세요.",
        "양방 식욕억제제, 끊고 나면 요요가 옵니다. 체질 한약으로 시작하세요.",
        "성장호르몬주사, 효과는 글쎄요. 아이만 고생합니다. 한방 성장 클리닉 상담.",
        "근거 없는 해독 주사 말고, 검사로 원인부터 찾습니다.",
    ],
)
def test_another_method_belittled_without_a_place_word_is_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "임플란트는 잇몸 치료를 먼저 하고 심어야 오래 갑니다. 잇몸 검진부터 받아 보세요.",
        "교정 장치를 빼 두면 치아가 돌아갈 수 있으니 유지장치를 꼭 끼우세요.",
        "다이어트 한약 복용 중 두근거림이 있으면 복용을 멈추고 연락 주세요.",
        "양방 약을 드시고 계시면 한약과 함께 드셔도 되는지 상담 때 알려 주세요.",
        "성장주사 치료를 받고 계신 아이도 한약을 함께 복용할 수 있는지 상담해 드립니다.",
        "물리치료는 찜질과 전기치료 후 운동치료 순서로 진행됩니다.",
        "약을 끊으면 다시 오를 수 있으니 임의로 중단하지 마세요.",
    ],
)
def test_care_advice_warning_of_a_risk_belittles_no_one(body: str) -> None:
    assert not ad(body) & {DEFAME, COMPARISON}


# (2) a put-down in the relative clause before 과/와(는) 달리 · 다릅니다


@pytest.mark.parametrize(
    "body",
    [
        "사진만 찍고 돌려보내는 병원과 달리 원장이 직접 설명드립니다.",
        "약만 처방하고 끝나는 곳들과는 진료 방식이 다릅니다.",
        "수술 당일 원장이 바뀌는 병원들과 달리 상담한 원장이 끝까지 집도합니다.",
        "10분 만에 상담을 끝내는 치과와는 다릅니다. 하람은 30분 상담합니다.",
        "레이저 몇 번 쏘고 끝나는 피부 관리와는 차원이 다릅니다.",
    ],
)
def test_a_place_defined_by_a_put_down_and_set_against_us_is_a_disparagement_and_a_comparison(body: str) -> None:
    assert {DEFAME, COMPARISON} <= ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "주말에만 여는 곳과 달리 저희는 평일 밤 9시까지 진료합니다.",
        "예약제로 운영되는 병원과 달리 당일 접수도 가능합니다.",
    ],
)
def test_a_place_that_only_differs_is_a_comparison_not_a_disparagement(body: str) -> None:
    found = ad(body)
    assert COMPARISON in found
    assert DEFAME not in found


# (3) unnamed places given a bad outcome or a warning; another party's claim quoted to knock it down


@pytest.mark.parametrize(
    "body",
    [
        "SNS 광고 보고 찾아가신 곳에서 염증이 덧나 오시는 분들이 늘고 있습니다. 필러 제거 상담.",
        "광고 보고 간 곳에서 코가 휘어서 오시는 분, 생각보다 많습니다.",
        "상담 당일 결제를 재촉하는 병원은 꼭 피하세요. 하람은 견적서만 드립니다.",
        "당일 수술을 권하는 곳은 피하세요. 검사와 상담은 충분히 해야 합니다.",
        "정품이 아닌 톡신을 쓰는 곳도 있습니다. 하람은 정품 인증 톡신만 씁니다.",
        "대학병원에서도 어렵다고 했던 턱관절, 하람에서 해결했습니다.",
        "'하루면 회복된다'는 광고, 믿으셨나요? 회복 기간은 사람마다 다릅니다.",
        "어디서도 못 고친 비염, 하람에서 잡아 보세요.",
        "여기저기 다녀도 낫지 않던 두드러기, 원인 검사부터 다시 합니다.",
        "보험 안 되는 검사부터 잔뜩 하는 곳, 이제 그만 가세요.",
        "수술 후 연락도 안 받는 병원들, 저희는 24시간 상담 전화를 운영합니다.",
    ],
)
def test_unnamed_places_given_a_bad_outcome_or_a_warning_are_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "'평생 간다'던 필러, 1년 만에 꺼졌다면 상담받아 보세요.",
        "'한 번이면 끝난다'는 시술, 믿으셨나요? 피부 상태에 따라 횟수가 다릅니다.",
    ],
)
def test_a_promise_quoted_to_knock_it_down_is_a_disparagement_not_our_guarantee(body: str) -> None:
    found = ad(body)
    assert DEFAME in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "시술 후 일주일은 사우나처럼 땀이 나는 곳은 피하세요.",
        "다른 병원에서 받으신 수술 후 염증이 생겨 내원하실 때는 진료기록을 가져와 주세요.",
        "대학병원 진료가 필요하면 진료의뢰서를 발급해 드립니다.",
        "당일 수술은 하지 않으며, 검사 후 날짜를 정합니다.",
        "전화 연결이 안 되는 시간에는 카카오톡으로 문의를 남겨 주세요.",
        "검사부터 꼼꼼히 하고 치료 계획을 세웁니다.",
    ],
)
def test_places_to_avoid_in_care_advice_and_referrals_run_nobody_down(body: str) -> None:
    assert not ad(body) & {DEFAME, COMPARISON}


def test_our_own_promise_is_still_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in ad("여드름, 확실히 잡아 드립니다.")


# (4) English: fixing what others botched


@pytest.mark.parametrize(
    "body",
    [
        "We fix botched noses.",
        "We repair failed implants placed elsewhere.",
        "Revision rhinoplasty: we correct botched results from other clinics.",
        "We specialise in correcting botched eyelid surgery.",
        "We are the ones patients come to after things go wrong at a cheap clinic.",
    ],
)
def test_english_fixing_what_others_botched_is_a_disparagement(body: str) -> None:
    assert DEFAME in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "We repair chipped teeth the same day.",
        "Revision surgery may be needed in a small number of cases; ask your surgeon.",
        "Bring records from your previous dentist so we can compare X-rays.",
    ],
)
def test_english_repairs_and_revisions_of_our_own_are_not(body: str) -> None:
    assert not english_ad(body) & {DEFAME, COMPARISON}


# (5) parity or superiority with a kind of institution


@pytest.mark.parametrize(
    "body",
    [
        "대학병원과 동일한 장비로 검사하고, 결과는 당일 안내합니다.",
        "대형 피부과 못지않은 장비, 더 꼼꼼한 상담.",
        "동네 치과보다 두 배 긴 스케일링 시간.",
        "시중 병원의 평균 상담 시간은 5분, 하람은 30분입니다.",
        "전문의가 끝까지 보는 병원, 흔치 않습니다.",
    ],
)
def test_parity_or_superiority_with_a_kind_of_institution_is_a_comparison(body: str) -> None:
    assert COMPARISON in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Same lasers as the big Gangnam chains, half the waiting time.",
        "Been to other clinics already? You will feel the difference here.",
    ],
)
def test_english_parity_or_the_difference_after_other_clinics_is_a_comparison(body: str) -> None:
    assert COMPARISON in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "대학병원과 같은 건물 3층에 있습니다. 주차는 지하 2층.",
        "필요하면 협력 대학병원과 같은 날 검사를 잡아 드립니다.",
    ],
)
def test_a_university_hospital_as_a_neighbour_or_a_partner_is_no_comparison(body: str) -> None:
    assert COMPARISON not in ad(body)


def test_english_shopping_around_for_a_second_opinion_is_no_comparison() -> None:
    assert COMPARISON not in english_ad("Shopping around for a second opinion is normal; take your time.")


# (6) precision: neutral mentions of other hospitals, transfers, bookings, time to decide


@pytest.mark.parametrize(
    "body",
    [
        "전원이 결정되면 영상 CD와 소견서를 저희가 챙겨 보내 드립니다.",
        "검진 결과지는 우편으로 보내 드립니다.",
        "다른 병원 의견도 들어 보시고 천천히 결정하셔도 됩니다.",
        "다른 병원에서 처방받은 약이 있으면 진료 때 알려 주세요.",
    ],
)
def test_transfers_records_second_opinions_and_treatment_elsewhere_are_informational(body: str) -> None:
    assert not care(body) & {COMPARISON, "MSA-INDUCEMENT", "KAKAO-ALIMTALK-PROMO"}


@pytest.mark.parametrize(
    "body",
    [
        "여드름 상담 날짜를 가장 빠른 날로 잡아 드립니다.",
        "수술 견적서를 드리니 가족과 충분히 상의해 보시고 결정하세요.",
        "다른 병원에서 치료 중이셔도 한방 치료를 함께 받으실 수 있는지 알려 드립니다.",
    ],
)
def test_a_booking_time_to_decide_or_concurrent_care_in_an_advertisement_is_no_comparison_or_promise(
    body: str,
) -> None:
    assert not ad(body) & {COMPARISON, DEFAME, "MSA-GUARANTEE"}


def test_an_invitation_to_compare_is_still_a_comparison() -> None:
    assert COMPARISON in care("다른 병원과 비교해 보시고 결정하세요. 가격 차이를 느끼실 겁니다.")


def test_a_verdict_word_glued_from_two_words_is_none() -> None:
    """방치 (neglect) read across 한방 치료 runs down no one; 안 낫던 (a cue that starts its word) still does."""
    glued = "다른 병원 약을 드시는 분도 한방 치료를 병행할 수 있습니다."
    assert verdict(glued, (0, len(glued))) is None
    whole = "다른 한의원에서 몇 달 다녀도 안 낫던 어깨, 저희 약침으로 다시 시작하세요."
    found = verdict(whole, (0, len(whole)))
    assert found is not None and "안 낫" in found[1]
    assert DEFAME in ad(whole)
