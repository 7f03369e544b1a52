"""Session 30 (fix30b): classes the blind training writer writer_s30_b showed — claims a reviewer reads in an idiom
or a sentence's structure with no tell-tale word (the answer already known, a name that needs no introduction, a
reputation quoted as hearsay, the discerning all ending up here, nobody outdone; you won't need glasses again, the
last worry, the result will speak; few places like us, compare anywhere and come back; over while you sleep, pain a
thing of the past, suits everyone; patients' reactions as proof, patients bringing their family; goods that come
along, nobody leaves empty-handed; the other side urged in an AlimTalk; a condition's grade or a refraction change
in an SMS) and the false readings beside them (an everyday 가장 먼저 / 제일 많은, a target value in an advertisement,
an obligation read as a promise, a receipt's 0원, a review or referral policy notice). Each on sentences written
for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean
(rules/frames_s30_b.json, rules/context_checks_s30_b.json)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, info_sms, korean_ad, rule_ids

ad = partial(korean_ad, clinic="다솜안과")
en_ad = partial(english_ad, clinic="Dasom Eye Clinic")


def sms_ad(body: str) -> set[str]:
    return rule_ids(f"(광고) 다솜안과 {body} ※부작용·개인차가 있을 수 있습니다. 무료수신거부 080-414-3301")


# 1. superlatives by idiom or structure
@pytest.mark.parametrize(
    "body",
    [
        "백내장 잘하는 병원 고민 중이시라면, 답은 이미 알고 계실 거예요.",
        "어디서 할지 망설이신다면 정답은 벌써 나와 있습니다. 노안 상담 예약.",
        "쌍꺼풀이라면 설명이 필요 없는 이름, 다솜입니다.",
        "리프팅은 소개가 필요 없는 원장이 직접 합니다.",
        "눈매 하나만큼은 다솜이라는 말, 괜히 나온 게 아닙니다.",
        "시력교정 하면 다솜이라는 얘기 들어 보셨을 거예요.",
        "눈 좀 아는 분들은 결국 다솜으로 모이십니다.",
        "까다로운 고객님들이 하나같이 저희를 선택하십니다.",
        "백내장 수술 30년, 저희 원장보다 많이 집도한 의사는 찾기 어렵습니다.",
        "이 지역 라식 환자는 대부분 저희가 수술했습니다.",
    ],
)
def test_a_superlative_by_idiom_is_flagged(body: str) -> None:
    assert "MSA-SUPERLATIVE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "검사 결과에 대한 답은 진료실에서 원장이 직접 드립니다.",
        "따로 설명드릴 필요가 없는 간단한 검사라 10분이면 끝납니다.",
        "라식 하면 눈이 건조해진다는 말, 상담 때 정확히 설명드립니다.",
        "백내장 수술을 미루면 안 된다는 말이 있지만 시기는 검사로 정합니다.",
        "라식이라면 각막을 깎는 수술이라는 말이 있지만, 스마일은 절개 방식이 다릅니다.",
        "평소보다 오래 붓는 분은 드물지만, 그럴 땐 연락 주세요.",
        "원장 약력: 안과 전문의, 2001년부터 백내장 진료.",
    ],
)
def test_the_same_words_used_plainly_are_no_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in ad(body)


def test_english_the_surgeon_people_fly_in_to_see_is_a_superlative() -> None:
    assert "MSA-SUPERLATIVE" in en_ad("Eyelid surgery by the doctor patients travel from overseas to see.")
    assert "MSA-SUPERLATIVE" in en_ad("Meet the surgeon people fly in from around the world for.")
    assert "MSA-SUPERLATIVE" not in en_ad("Patients who fly in from abroad can book airport pickup at 50,000 KRW.")


# 2. guarantees by idiom
@pytest.mark.parametrize(
    "body",
    [
        "노안 수술 후엔 돋보기 다시 찾으실 일 없으실 거예요.",
        "렌즈 또 끼실 일, 저희가 만들지 않겠습니다. 라섹 상담 예약.",
        "재수술 받으실 일 없게 해 드립니다. 눈매교정 상담.",
        "기미 치료, 올해가 마지막 고민이 되도록 해 드리겠습니다.",
        "다시는 흉터로 고민하지 않게 해 드릴게요.",
        "시술 한 달 뒤, 효과가 스스로 말해 줄 겁니다.",
    ],
)
def test_a_guarantee_by_idiom_is_flagged(body: str) -> None:
    assert "MSA-GUARANTEE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "노안 수술 후에도 작은 글씨를 오래 볼 때는 돋보기가 필요할 수 있습니다.",
        "5회 과정 중 이번 방문이 마지막 치료 일정입니다.",
        "드림렌즈는 관리만 잘하시면 걱정할 일이 적은 렌즈입니다.",
        "재수술은 한 번에 끝내야 하니 검사를 더 꼼꼼히 합니다.",
    ],
)
def test_care_words_and_obligations_are_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in ad(body)


def test_english_one_and_done_and_our_promise_are_guarantees() -> None:
    assert "MSA-GUARANTEE" in en_ad("Cataract surgery, one and done.")
    assert "MSA-GUARANTEE" in en_ad("Sharp vision by Friday — that is our promise.")
    assert "MSA-GUARANTEE" in en_ad("Your results will speak for themselves.")
    assert "MSA-GUARANTEE" not in en_ad("Cataract surgery is done one eye at a time, a week apart.")
    assert "MSA-GUARANTEE" not in en_ad("Your results will be explained by the surgeon at your follow-up.")


# 3. comparisons implied
@pytest.mark.parametrize(
    "body",
    [
        "저희만큼 검사를 꼼꼼히 하는 병원은 흔치 않습니다.",
        "여기처럼 장비를 다 갖춘 데는 의외로 드뭅니다.",
        "다른 곳 다 둘러보셔도 결국 저희로 오십니다.",
        "비교해 보세요. 결국 다시 여기로 오실 겁니다.",
        "Compare around — 결국엔 저희를 찾으실 테니까요.",
        "대학병원 다니시던 분들이 저희 검사 시간을 듣고 많이 놀라십니다.",
    ],
)
def test_an_implied_comparison_is_flagged(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "수술 방법은 두 가지를 비교해 설명드리고, 결국 선택은 환자분이 하십니다.",
        "결국 수술 시기는 검사 결과를 보고 함께 정합니다.",
        "백내장 검사 시간은 약 1시간이며 결과는 당일 설명드립니다.",
    ],
)
def test_records_and_plain_scheduling_are_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in ad(body)


# 4. safety by idiom
@pytest.mark.parametrize(
    "body",
    [
        "한숨 자고 나면 이미 끝나 있습니다. 수면 리프팅 상담.",
        "주무시는 동안 끝납니다. 수면 눈매교정 예약.",
        "통증 하나 못 느끼실 거예요. 백내장 수술 상담.",
        "라식 후 그 시린 며칠, 이젠 옛말입니다.",
        "흉터 걱정은 옛날이야기, 레이저 점 제거 예약.",
        "울쎄라는 누구에게나 맞춰 조절합니다.",
    ],
)
def test_a_safety_claim_by_idiom_is_flagged(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[다솜안과] 수면마취 시술 당일에는 운전을 하실 수 없습니다. 보호자와 함께 오세요.",
        "[다솜안과] 수술 중 빛이 보이거나 누르는 느낌이 있을 수 있습니다.",
        "[다솜안과] 건강강좌는 누구나 예약하실 수 있습니다.",
    ],
)
def test_care_notes_with_the_same_words_are_no_safety_claim(text: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in rule_ids(text, "alimtalk", "informational")


def test_a_quoted_patient_who_slept_through_it_is_a_testimonial_not_a_safety_claim() -> None:
    found = ad("수면 시술 받으신 분 말씀, '푹 자고 일어나니 끝나 있었어요'")
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-SAFETY-CLAIM" not in found


# 5. testimonials offered as proof
@pytest.mark.parametrize(
    "body",
    [
        "지난주 시술받으신 분들 반응이 다 말해 줍니다. 리프팅 예약.",
        "수술하신 고객님들 만족도가 그대로 증명해 줍니다.",
        "'왜 이제야 했을까, 진작 할걸' 하시는 분이 많습니다. 노안 상담.",
        "수술받으신 분이 딸과 사위까지 모시고 오십니다. 그게 저희 라식입니다.",
        "한 번 오신 고객님이 친구를 데리고 다시 오십니다.",
        "지난 시즌 오신 분들 반응이 곧 답입니다. 리프팅 예약.",
        "수술하신 고객님들 재방문이 증거입니다.",
    ],
)
def test_patients_reactions_offered_as_proof_are_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[다솜안과] 보내 주신 메시지 잘 받았습니다. 궁금하신 점은 다음 진료 때 설명드릴게요.",
        "[다솜안과] 수술받으신 분은 다음 날 보호자와 함께 오세요.",
        "[다솜안과] 어르신은 가족분과 함께 오시면 설명 듣기가 편합니다.",
    ],
)
def test_care_notes_about_patients_and_carers_are_no_testimonial(text: str) -> None:
    assert "MSA-TESTIMONIAL" not in rule_ids(text, "alimtalk", "informational")


# 6. inducements without their keywords
@pytest.mark.parametrize(
    "body",
    [
        "라섹 예약하시면 석 달 치 인공눈물 세트가 따라갑니다.",
        "리프팅 받으시면 홈케어 앰플이 함께 나갑니다.",
        "상담만 하셔도 빈손으로 돌려보내지 않습니다.",
        "검사만 받고 가셔도 그냥 보내 드리지 않아요. 드림렌즈 상담.",
    ],
)
def test_an_inducement_without_its_keyword_is_flagged(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


def test_coming_in_without_a_gift_is_no_inducement() -> None:
    found = ad("상담만 받고 가셔도 괜찮습니다. 수술 여부는 천천히 정하세요.")
    assert "MSA-INDUCEMENT" not in found


def test_a_care_kit_note_is_no_inducement() -> None:
    found = care_note(
        "수술 후 쓰실 보호안경과 안약은 퇴원하실 때 설명과 함께 드립니다. 비용은 수술비에 포함되어 있습니다."
    )
    assert "MSA-INDUCEMENT" not in found


# 7. the other side urged in an AlimTalk
@pytest.mark.parametrize(
    "body",
    [
        "백내장 한쪽 수술 6개월 검진입니다. 다른 쪽도 요즘 다들 같이 하세요.",
        "쌍꺼풀 1개월 검진 안내입니다. 다른 부위도 이번에 많이들 받으세요.",
    ],
)
def test_the_other_side_urged_in_an_alimtalk_is_promotion(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in care_note(body, clinic="다솜안과")


def test_checking_the_other_eye_is_care() -> None:
    found = care_note("백내장 수술 6개월 검진입니다. 반대쪽 눈도 함께 검사하며 약 1시간 걸립니다.", clinic="다솜안과")
    assert "KAKAO-ALIMTALK-PROMO" not in found


# 8. health details in an SMS without diagnosis vocabulary
@pytest.mark.parametrize(
    "text",
    [
        "[다솜안과] 김민수님, 검사상 경도 근시성 황반변성에 해당합니다. 다음 주 진료 때 설명드릴게요.",
        "[다솜안과] 이정희님, 망막 사진에서 열공(retinal tear) 초기 소견입니다. 레이저 예약해 주세요.",
        "[다솜안과] 하준 어머님, 하준이 근시가 1년 새 -0.75에서 -1.50으로 진행했습니다.",
        "[다솜안과] 박철수님, 안압이 18에서 26으로 올랐습니다. 내일 다시 재 보겠습니다.",
    ],
)
def test_a_grade_or_a_value_change_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[다솜안과] 김민수님, 요청하신 소견서 발급이 완료되었습니다. 1층 원무과에서 받아 가세요.",
        "[다솜안과] 김민수님, 검사 결과가 나왔습니다. 자세한 내용은 진료실에서 설명드립니다.",
        "[다솜안과] 박철수님, 정기검사 예약은 12월 20일 오전 10시입니다.",
        "[다솜안과] 박철수님, 초기 백내장 소견이 있으시면 운전 전에 꼭 검진을 받으세요.",
    ],
)
def test_results_ready_or_a_certificate_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 9. false readings withdrawn
@pytest.mark.parametrize(
    "body",
    [
        "라섹 받으신 분들이 가장 먼저 물으시는 건 '언제 운전해도 되나요'입니다.",
        "'이렇게 편한 줄 몰랐네' 하시는 분이 제일 많은 검사입니다.",
    ],
)
def test_an_everyday_first_or_most_is_no_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in ad(body)


def test_a_first_introduction_stays_a_superlative() -> None:
    assert "MSA-SUPERLATIVE" in ad("이 장비, 지역에서 가장 먼저 도입했습니다.")


def test_a_target_value_in_an_advertising_sms_is_no_health_data() -> None:
    found = sms_ad("시력 1.2 나올 때까지 끝까지 책임지고 관리합니다. 라식 상담 예약.")
    assert "PII-HEALTH-IN-SMS" not in found
    assert "MSA-GUARANTEE" in found


def test_a_receipt_with_a_zero_fee_is_no_offer() -> None:
    found = care_note(
        "진료비 영수증: 초진 상담료 0원, 시야검사 22,000원(카드 결제). 세부내역서는 원무과에서 발급합니다."
    )
    assert not found & {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"}
    offer = care_note("결제 완료: 시야검사 22,000원. 이번 달 결제하신 분께는 다음 검사 할인 쿠폰을 드립니다.")
    assert "KAKAO-ALIMTALK-PROMO" in offer


@pytest.mark.parametrize(
    "body",
    [
        "후기 작성 여부는 예약 순서와 아무 상관이 없습니다.",
        "리뷰는 자율이며, 리뷰에 따른 사은품은 없습니다.",
        "지인을 소개해 주셔도 소개에 따른 혜택은 없으니 양해 바랍니다.",
    ],
)
def test_a_review_or_referral_policy_notice_is_informational(body: str) -> None:
    found = care_note(body, clinic="다솜안과")
    assert not found & {"KAKAO-ALIMTALK-BLACKLIST", "KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"}


def test_a_review_request_with_a_disclaimer_stays_black_listed() -> None:
    found = care_note("진료는 어떠셨나요? 리뷰 남겨 주세요. 작성 여부와 관계없이 진료는 같습니다.", clinic="다솜안과")
    assert "KAKAO-ALIMTALK-BLACKLIST" in found
