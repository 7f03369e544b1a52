"""Session 30 (fix30c): precision classes seen in the session-30 training writers' files (writer_s30_c's precision
traps, two classes of writer_s30_a), each checked on sentences written for these tests (not corpus lines): the
innocent reading stays clean and the violating twin is still found."""

from __future__ import annotations

import pytest

from tests.support.compliance import RISK_FOOTER, rule_ids

# --- (1) ADV-SENDER: a Korean clinic name right after the label whose kind word is a brand's ending ----------------


@pytest.mark.parametrize(
    "opening",
    [
        "(광고) 하람에스테틱 여름 피부 관리 상담을 받습니다.",
        "(광고) 도담코성형 Dodam Nose 코 재수술 상담 주간입니다.",
        "(광고) 온빛성형 눈매 교정 상담, 평일 저녁 8시까지.",
        "(광고) 새솔덴탈 임플란트 상담 예약을 받습니다.",
    ],
)
def test_a_brand_name_after_the_label_names_the_sender(opening: str) -> None:
    assert "ADV-SENDER" not in rule_ids(opening + RISK_FOOTER)


@pytest.mark.parametrize(
    "opening",
    [
        "(광고) 코성형 상담 주간입니다. 평일 저녁 8시까지.",
        "(광고) 눈코성형 상담 예약을 받습니다.",
        "(광고) 쁘띠성형 상담, 이번 주 토요일도 가능합니다.",
        "(광고) 여름맞이성형 상담 주간입니다.",
        "(광고) 안면윤곽성형 상담 예약 받습니다.",
        "(광고) 코끝성형·앞트임성형 상담 예약 받습니다.",
        "(광고) 겨울방학 피부 관리 상담 받습니다.",
    ],
)
def test_a_procedure_or_an_occasion_after_the_label_names_nobody(opening: str) -> None:
    assert "ADV-SENDER" in rule_ids(opening + RISK_FOOTER)


# --- (2) negations: a reward, a photo or a perk said not to be there ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[하람피부과] 후기 작성에 대한 사례나 선물은 일절 드리지 않습니다. 솔직한 의견을 기다립니다.",
        "[하람피부과] 리뷰 작성과 관련한 보상은 따로 없습니다. 불편하신 점은 채널로 알려 주세요.",
        "[하람피부과] Reviews are voluntary; we give no reward of any kind for them.",
    ],
)
def test_a_review_reward_said_not_to_exist_is_no_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "offer",
    [
        "(광고) 하람피부과 후기를 남기시면 사은품을 드리며 중복 혜택은 없습니다.",
        "(광고) 하람피부과 리뷰 남겨 주시면 LED 1회 무료, 다른 혜택은 따로 없습니다.",
    ],
)
def test_a_review_reward_beside_a_no_is_still_an_incentive(offer: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in rule_ids(offer + RISK_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "[하람피부과] Please don't post before-and-after photos of other patients in our group chat.",
        "[하람피부과] Kindly do not film before and after clips in the laser room; our staff keep clinical photos.",
        "[하람피부과] We never share before and after pictures; your clinical photos stay in your chart.",
    ],
)
def test_before_and_after_photos_forbidden_are_no_before_after(text: str) -> None:
    assert "MSA-BEFORE-AFTER" not in rule_ids(text, "alimtalk", "informational")


def test_before_and_after_photos_shown_stay_before_after() -> None:
    shown = "(광고) 하람피부과 See the before and after photos of our real patients!"
    assert "MSA-BEFORE-AFTER" in rule_ids(shown + RISK_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "[하람성형외과] Quote for Mr. Chen: eyelid surgery ₩3,200,000 incl. 1 follow-up. Hotel and airport pickup are "
        "not included; please book them yourself.",
        "[하람성형외과] Your estimate: rhinoplasty ₩7,900,000. Flights and hotel stays are paid separately.",
    ],
)
def test_travel_excluded_from_a_quote_is_no_perk(text: str) -> None:
    assert not {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} & rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[하람성형외과] Your quote: eyelid surgery ₩3,200,000. Free airport pickup is included; the hotel is not "
        "included.",
        "[하람성형외과] Your quote: eyelid surgery ₩3,200,000. Airport pickup and two hotel nights are included at no "
        "extra cost.",
    ],
)
def test_travel_included_in_a_quote_stays_a_perk(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


# --- (3) writer_s30_c's own traps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[하람성형외과] Your medical visa invitation letter is ready. Bring it with your passport; the letter itself "
        "is free of charge.",
        "[하람성형외과] The English medical certificate you asked for has been issued; certificates are issued free.",
    ],
)
def test_a_document_said_to_be_free_is_no_perk(text: str) -> None:
    assert not {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} & rule_ids(text, "alimtalk", "informational")


def test_a_free_document_for_booking_stays_a_perk() -> None:
    perk = "[하람성형외과] Book your rhinoplasty this week and get a free visa invitation letter and airport pickup."
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(perk, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[하람안과] 검사 전후 안내 (before/after your eye exam): 검사 당일 렌즈 착용 금지, 산동 후 운전 금지.",
        "[하람피부과] Before/after your laser session: no retinol for 3 days, sunscreen every morning.",
    ],
)
def test_care_notes_before_and_after_a_visit_are_no_before_after(text: str) -> None:
    assert "MSA-BEFORE-AFTER" not in rule_ids(text, "alimtalk", "informational")


def test_before_after_pictures_of_a_session_stay_before_after() -> None:
    ad = "(광고) 하람피부과 Before/after photos of each laser session are on our Instagram!"
    assert "MSA-BEFORE-AFTER" in rule_ids(ad + RISK_FOOTER)


@pytest.mark.parametrize(
    "text",
    [
        "[하람안과] 라섹 3일차 안내입니다. 네이버에 후기를 올려 주시면 다음 검진 때 선크림을 챙겨 드려요.",
        "[하람치과] 오늘 진료 감사합니다. 별점 남겨 주시면 커피 한 잔 드려요.",
        "[하람피부과] 관리 안내입니다. 포토 리뷰를 작성해 주신 분께 마스크팩 세트를 드립니다.",
    ],
)
def test_a_gift_for_a_review_in_a_care_message_is_promotion(text: str) -> None:
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-REVIEW-INCENTIVE"} <= rule_ids(text, "alimtalk", "informational")
    assert "ADV-PURPOSE-MISMATCH" in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[하람안과] 수술 후 보호안경과 인공눈물을 드립니다. 내일 오전 9시 검진입니다.",
        "[하람치과] 오늘 진료 감사합니다. 후기를 남겨 주시면 감사드리겠습니다. 다음 예약은 3월 2일입니다.",
    ],
)
def test_care_items_or_thanks_are_no_review_gift(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[하람치과] 내일 잇몸 수술 안내: 재발 없는 치료법이니 안심하고 오세요. 오전 10시까지 오세요.",
        "[하람성형외과] 수술 전날 안내: 완벽한 수술로 끝내 드릴 테니 편히 주무세요. 자정 이후 금식입니다.",
        "[하람안과] 검사 안내: 저희 교정법은 재발 걱정 없는 방법입니다. 내일 9시까지 오세요.",
    ],
)
def test_a_method_called_perfect_or_free_of_recurrence_is_a_guarantee_in_care_text(text: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[하람치과] 재발 없는 치료를 위해 처방약을 끝까지 드세요.",
        "[하람치과] 완벽한 지혈을 위해 거즈를 1시간 물고 계세요.",
        "[하람피부과] 6개월 검진 결과 재발 없는 상태입니다. 다음 검진은 1년 뒤입니다.",
        "[하람안과] 완벽한 회복을 위해 2주간 수영을 피해 주세요.",
    ],
)
def test_care_instructions_and_results_are_no_guarantee(text: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(text, "alimtalk", "informational")
