"""Session 28 (fix28a): disparagement classes the blind training writer writer_s28_a showed missed at landing, and the
precision classes beside them (``rules/frames_s28_a.json``, ``rules/context_checks_s28_a.json``) — each on sentences
written for these tests (not corpus lines), beside the counterpart a reviewer who reads RULES.md leaves clean (or
reads as the other rule)."""

from __future__ import annotations

import pytest

from tests.support.compliance import english_ad, rule_ids
from tests.support.compliance import korean_ad as ad

DEFAME, COMPARISON = "MSA-DEFAME", "MSA-COMPARISON"
INDUCEMENT, SAFETY, TESTIMONIAL = "MSA-INDUCEMENT", "MSA-SAFETY-CLAIM", "MSA-TESTIMONIAL"


# (1) a place implied by what it does (…하는 곳, 그런 데) described by a practice that runs it down


@pytest.mark.parametrize(
    "body",
    [
        "하루 백 명씩 보톡스 놓는 곳에서 제대로 된 상담을 기대하긴 어렵죠.",
        "코디네이터가 상담하고 시술은 조무사가 하는 곳, 생각보다 흔합니다.",
        "정체 모를 필러를 쓰는 곳은 가격부터 다릅니다.",
        "15년 된 장비를 아직도 돌리는 병원, 결과가 좋을 리 없죠.",
        "검진 한 번에 급한 치료가 여섯 개씩 생기는 치과, 한 번쯤 의심해 보세요.",
        "진료 3분 만에 수술 날짜부터 잡는 곳도 있습니다.",
        "수술 위험은 한마디도 설명 안 하던 병원, 믿고 맡기셨나요?",
    ],
)
def test_an_implied_place_run_down_by_its_practice_is_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "하루 다섯 분만 예약을 받는 곳이라 대기 시간이 짧습니다.",
        "하루 30명씩 예약을 나눠 받아 대기 없이 진료하는 곳입니다.",
        "시술은 전문의가 직접 하며, 간호사가 사후 관리를 안내해 드립니다.",
        "저희가 쓰는 필러의 제품명과 허가번호는 시술 전에 보여 드립니다.",
        "10년 넘은 임플란트도 점검해 드리는 치과입니다.",
        "오래된 장비를 교체하고 새 레이저를 들였습니다.",
        "잘못된 자세로 생긴 통증을 바로잡는 곳입니다.",
        "허리 통증으로 고생하시는 분들을 위해 토요일에도 진료하는 병원입니다.",
        "피부가 망가지기 전에 찾아오는 곳이 되겠습니다.",
        "원장님 얼굴 보고 상담받을 수 있는 곳, 저희 병원입니다.",
    ],
)
def test_the_senders_own_practice_or_a_neutral_place_is_no_disparagement(body: str) -> None:
    assert DEFAME not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 받은 검사 결과지를 가져오시면 중복 검사를 줄일 수 있습니다.",
        "가까운 곳에서 진료를 원하시면 협력병원으로 진료의뢰서를 써 드립니다.",
        "이전 병원 수술 기록지를 가져오시면 재수술 계획에 도움이 됩니다.",
    ],
)
def test_referral_and_records_from_another_place_stay_clean(body: str) -> None:
    assert not ad(body) & {DEFAME, COMPARISON}


def test_the_place_run_down_and_the_sender_set_against_it_is_a_disparagement() -> None:
    # the sender set against an unnamed place is either reading for the comparison (conventions): the frames name
    # the disparagement only — their comparison twins cost 3 false findings on the blind sets and found nothing more
    assert DEFAME in ad("매번 다른 원장이 수술하는 곳에서 불안하셨다면, 저희는 상담부터 한 원장이 봅니다.")
    assert DEFAME in ad("출처 모를 보형물을 쓰는 곳이 있습니다. 하람의원은 정품만 씁니다.")


# (2) sarcasm, rhetorical questions and a quoted claim knocked down


@pytest.mark.parametrize(
    "body",
    [
        "그건 관리가 아니라 장사입니다.",
        "상담 한 번에 원장님을 몇 분이나 보셨는지 기억나시나요?",
        "마취도 안 깬 환자 두고 다음 수술 들어가는 게, 그게 정말 최선이었을까요?",
        "수술은 정말 전문의가 했을까요? 확인해 보셨나요?",
        "'통증 없다'던 말만 믿었다가 일주일을 고생하셨다고요?",
        "싸게 해 준다던 광고, 그 가격엔 다 이유가 있습니다.",
        "약 한 봉지 주고 끝나는 진료, 그게 치료라면 누구나 하겠죠.",
        "'석 달이면 붓기 다 빠진다'던 말, 1년째 그대로라면 그 말을 한 병원을 의심해 보세요.",
    ],
)
def test_sarcasm_rhetoric_and_quoted_claims_knocked_down_are_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "시술 시간은 30분 정도이며, 그 뒤 20분간 냉찜질을 합니다.",
        "궁금한 점은 상담 때 원장님께 직접 물어보세요.",
        "통증이 심하면 참지 마시고 바로 연락 주세요.",
        "희석 없이 정량을 사용하며 사용량을 기록해 드립니다.",
        "무료 상담해 준다는 광고를 보고 오셨다면 창구에 말씀해 주세요.",
    ],
)
def test_plain_explanations_in_the_same_words_stay_clean(body: str) -> None:
    assert DEFAME not in ad(body)


# (3) a failed result blamed on the first place; (4) another method run down as covering the disease up


@pytest.mark.parametrize(
    "body",
    [
        "처음 수술한 병원에서 보형물을 무리하게 넣은 경우가 많습니다.",
        "처음부터 제대로 된 곳에서 했다면 겪지 않았을 일입니다.",
        "진통제로 버티다 위까지 상한 분들, 이제 원인을 치료하세요.",
        "스테로이드 연고로 덮어 두면 피부는 더 나빠집니다.",
    ],
)
def test_a_failure_blamed_on_the_first_place_or_a_method_covering_up_is_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "재수술은 첫 수술보다 회복이 길 수 있어 일정을 넉넉히 잡으세요.",
        "2차 수술은 1차 수술보다 시간이 더 걸릴 수 있습니다.",
        "진통제는 처방받은 용량대로 드시고, 속이 불편하면 알려 주세요.",
        "진통제만으로 버티기 힘드시면 내원해 주세요.",
    ],
)
def test_a_revision_compared_with_the_first_operation_or_medication_advice_stays_clean(body: str) -> None:
    assert not ad(body) & {DEFAME, COMPARISON}


def test_another_clinic_named_and_compared_stays_a_comparison() -> None:
    assert COMPARISON in ad("다른 병원보다 회복이 빠릅니다.")


# (5) English: another party described by a verdict


@pytest.mark.parametrize(
    "body",
    [
        "Those discount clinics rush you through a ten-minute consult and straight into surgery.",
        "Your last dentist had a sales quota. We do not.",
        "Some budget clinics still use decade-old lasers.",
        "Other clinics let unqualified staff inject filler. Here, only physicians do.",
        "Cheap packages abroad come with no follow-up once you fly home.",
    ],
)
def test_english_another_party_with_a_verdict_is_a_disparagement(body: str) -> None:
    assert DEFAME in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If another clinic has treated you, please bring your records and X-rays.",
        "We explain the risks of each option during a 2-hour exam.",
        "Our lasers are serviced every year and the model name is on our website.",
        "Those who had surgery elsewhere are welcome for a follow-up check.",
        "They rushed to book after the news, so slots are limited.",
        "We are not a factory: one surgeon, one patient at a time.",
    ],
)
def test_english_records_referrals_and_own_practice_stay_clean(body: str) -> None:
    assert DEFAME not in english_ad(body)


# (6) precision: another party's words are not the sender's claim


@pytest.mark.parametrize(
    "body",
    [
        "무료로 해 준다며 부르던 곳에서 결국 비싼 패키지를 권하셨다고요? 상담은 부담 없이 받으세요.",
        "반값이라던 치과에서 추가 비용이 붙어 오신 분들이 많습니다.",
    ],
)
def test_a_competitors_offer_quoted_is_no_inducement_of_ours(body: str) -> None:
    assert INDUCEMENT not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "이번 달 스케일링 30% 할인해 드립니다.",
        "할인해 준다는 곳 말고, 저희는 이번 주 반값 이벤트를 합니다.",
    ],
)
def test_an_offer_of_our_own_stays_an_inducement(body: str) -> None:
    assert INDUCEMENT in ad(body)


def test_english_sales_of_a_sales_target_is_no_sale() -> None:
    assert INDUCEMENT not in english_ad("Nobody here works to a sales target. Just honest advice.")
    assert INDUCEMENT in english_ad("Winter sale: 30% off all peels this month.")


@pytest.mark.parametrize(
    "body",
    [
        "흉터 없다던 광고만 믿고 수술받았다가 다시 오신 분들이 많습니다.",
        "안 아프다는 말에 속아 받은 시술, 이제 제대로 상담받으세요.",
    ],
)
def test_a_safety_claim_quoted_to_knock_it_down_is_no_safety_claim(body: str) -> None:
    found = ad(body)
    assert SAFETY not in found
    assert DEFAME in found


def test_our_own_safety_claim_stays() -> None:
    assert SAFETY in ad("저희 시술은 흉터가 전혀 없습니다.")


def test_patients_of_another_place_are_no_testimonial_but_ours_are() -> None:
    found = ad("그런 곳에서 받은 뒤 더 붉어졌다는 분들이 자주 오십니다.")
    assert TESTIMONIAL not in found
    assert DEFAME in found
    assert TESTIMONIAL in ad("저희 병원에서 치료받고 좋아졌다는 분들의 후기를 소개합니다.")


# (7) a Korean name with a capitalised English kind of clinic names the sender


_AD = "(광고) {} 스케일링 예약 받습니다. ※부작용·개인차가 있을 수 있습니다. 무료수신거부 080-111-2222"


@pytest.mark.parametrize("name", ["하늘 Dental", "바른 Clinic", "새봄 Skin", "한결 Eye Center"])
def test_a_korean_name_with_an_english_kind_of_clinic_names_the_sender(name: str) -> None:
    assert "ADV-SENDER" not in rule_ids(_AD.format(name), "friendtalk", "advertising")


@pytest.mark.parametrize("name", ["", "하늘 dental", "예약 Clinic은"])
def test_no_name_or_a_lower_case_kind_word_leaves_the_sender_unnamed(name: str) -> None:
    assert "ADV-SENDER" in rule_ids(_AD.format(name).replace("  ", " "), "friendtalk", "advertising")


# (8) a method of others described by the same practice classes (…하는 이식, …대는 수술)


@pytest.mark.parametrize(
    "body",
    [
        "직원이 대신 상담하고 견적 내는 임플란트, 괜찮으셨나요?",
        "하루 수십 건씩 찍어 내는 시술은 결과도 제각각입니다.",
        "스태프에게 맡겨 버리는 모발이식, 생착률이 다를 수밖에요.",
    ],
)
def test_a_method_described_by_a_practice_that_runs_it_down_is_a_disparagement(body: str) -> None:
    assert DEFAME in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "원장이 직접 상담하고 수술하는 임플란트입니다.",
        "직원이 예약 시간을 문자로 안내해 드립니다.",
        "수술부터 권하지 않는 치료, 비수술 치료를 먼저 합니다.",
        "코디네이터가 상담 일정을 잡아 드립니다.",
        "실장님이 비용을 항목별로 설명해 드립니다.",
        "기공소에서 만든 보철은 1~2주 뒤 완성됩니다.",
        "멀쩡한 치아는 깎지 않는 라미네이트입니다.",
        "바로 좋아진다는 말만 믿고 무리하시면 안 됩니다.",
        "이건 광고가 아니라 진료 안내입니다.",
        "그 가격에 사후관리까지 포함됩니다.",
        "시술 전 누가 시술하는지 꼭 확인하세요.",
        "매일 100명씩 상담을 받는 인기 병원입니다.",
    ],
)
def test_the_senders_own_method_or_a_caution_in_the_same_words_stays_clean(body: str) -> None:
    assert DEFAME not in ad(body)
