"""Purpose classification over lemmas, the AlimTalk black list as frames, health data in SMS and negated
promotion words (issue 17: purpose mismatch without discount words, and the false positives it lists)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import lint_text
from compliance.negation import negated
from tests.support.compliance import rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "[가람안과] 이번 달부터 새로 들여온 안저 촬영 장비로 검사해 드립니다.",  # new equipment
        "[가람내과] 호흡기내과 전문의 한지우 원장이 새롭게 합류했습니다.",  # new doctor
        "[가람치과] 1층 대기 공간을 카페 라운지로 새로 꾸몄습니다.",  # lounge
        "[가람피부과] 오신 김에 수분 관리도 함께 받아 보시는 건 어떠세요?",  # add-on offer
        "[가람내과] 대상포진 예방접종을 시작했습니다. 부모님도 함께 예약해 주세요.",  # new service, relatives
        "[가람안과] 주변에 눈이 불편하신 분이 계시면 저희 병원을 소개해 주세요.",  # referral asked for
        "[가람안과] 이번 주 안에 상담 예약하시면 검사비를 받지 않습니다.",  # charges waived on a condition
    ],
)
def test_promotion_without_discount_words_is_a_purpose_mismatch(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(text, "sms", "informational")
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


def test_the_mismatch_shows_the_frame_reason() -> None:
    findings = lint_text("[가람내과] 소화기내과 원장님을 새로 모셨습니다.", "sms", "informational")
    mismatch = next(f for f in findings if f.rule == "ADV-PURPOSE-MISMATCH")
    assert "new equipment, service, doctor or space" in mismatch.message
    assert mismatch.excerpt and "모셨" in mismatch.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "[가람안과] 채널 친구가 되어 주셔서 고맙습니다.",
        "[가람치과] 발치하신 자리는 잘 아물고 있나요?",
        "[가람내과] 메리 크리스마스! 행복한 연말 보내세요.",
        "[가람피부과] 진료 만족도 설문에 참여해 주세요.",
        "[가람안과] 가람 뉴스 5월호: 봄철 안구건조증 이야기.",
    ],
)
def test_alimtalk_black_list_without_promotion(text: str) -> None:
    assert rule_ids(text, "alimtalk", "informational") == {"KAKAO-ALIMTALK-BLACKLIST"}
    assert "KAKAO-ALIMTALK-BLACKLIST" not in rule_ids(text, "sms", "informational")  # Kakao's list is for AlimTalk only


def test_a_birthday_greeting_in_alimtalk_is_black_listed_not_promotion() -> None:
    assert rule_ids("[가람안과] 생일을 진심으로 축하드립니다.", "alimtalk", "informational") == {
        "KAKAO-ALIMTALK-BLACKLIST"
    }


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[가람피부과] 비용은 진료 후 안내드리며, 저희는 할인 행사를 하지 않습니다.", "sms"),
        ("[가람안과] 의료법에 따라 진료비 할인이나 사은품 제공은 하지 않습니다.", "alimtalk"),
        ("[가람치과] 본원을 사칭한 '무료 검진 이벤트' 문자가 돌고 있습니다. 주의하세요.", "sms"),
        ("[가람내과] 할인이나 무료 검진을 미끼로 연락하는 전화는 저희와 관계가 없습니다.", "sms"),
        ("[가람내과] 설 연휴 휴진 안내: 2월 9~12일. 즐거운 명절 보내세요.", "alimtalk"),
        ("[가람내과] 수면내시경 후에는 운전하실 수 없으니 보호자와 함께 오세요.", "alimtalk"),
        ("[가람안과] 새로 처방된 안약은 하루 네 번 넣어 주세요.", "sms"),
        ("[가람치과] 수술 후 관리 방법을 홈페이지 공지사항에 올려 두었으니 확인해 보세요.", "alimtalk"),
        ("[가람내과] 검사 결과가 나왔습니다. 자세한 내용은 원장님이 설명해 드립니다.", "sms"),
        ("[가람안과] 예약을 취소하셔도 위약금은 받지 않습니다.", "sms"),
    ],
)
def test_informational_messages_stay_clean(text: str, channel: str) -> None:
    assert rule_ids(text, channel, "informational") == set()


def test_a_discount_that_is_offered_is_still_found_next_to_a_negated_one() -> None:
    text = "[가람피부과] 이번 달 레이저 토닝 20% 할인해 드립니다. 단, 중복 할인은 되지 않습니다."
    assert {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} <= rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[가람내과] 갑상선 초음파에서 1.5cm 결절이 보여 조직검사를 예약했습니다.",
        "[가람내과] 혈액검사에서 B형 간염 항체가 없는 것으로 나왔습니다.",
        "[가람안과] 당뇨망막병증 2단계로 확인되어 3개월 뒤 재검합니다.",
        "[가람치과] 파노라마 상 사랑니가 신경관에 근접해 있습니다.",
    ],
)
def test_health_findings_in_sms(text: str) -> None:
    assert rule_ids(text, "sms", "informational") == {"PII-HEALTH-IN-SMS"}
    assert rule_ids(text, "alimtalk", "informational") == set()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="할인 이벤트를하지않습니다없다'\"사칭주의.? 가나", max_size=40), st.data())
def test_negation_never_fails_on_any_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert negated(text, start, end) in (True, False)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("(광고) Banobagi 가을 진료 시간 안내 무료수신거부 080-555-0101", True),
        ("(광고)[바노바기] 가을 진료 시간 안내 무료수신거부 080-555-0101", True),
        ("(광고) Seoul ENT 진료 안내 무료수신거부 080-555-0101", True),
        ("(광고) Hanbit Oriental Medicine 진료 안내 무료수신거부 080-555-0101", True),
        ("(광고) 가을맞이 진료 안내 무료수신거부 080-555-0101", False),
        ("(광고) SALE 진료 안내 무료수신거부 080-555-0101", False),
    ],
)
def test_a_clinic_name_in_english_or_brackets_after_the_label_is_the_sender(text: str, named: bool) -> None:
    assert ("ADV-SENDER" not in rule_ids(text)) is named
