"""Session 32 (fix32e): classes the blind training writer writer_s32_e (Korean precision traps) showed — false readings
of factual fees, points, other clinics' records, notices and videos (points credited on a payment or their terms
stated, a booking confirmation laid out, a rumour the clinic denies, an image model disclaimed, an aftercare video,
무통주사 named with its risks, another clinic's records asked for, a risk notice in the clinic's own words) and the
misses beside them (travel money, a waived co-payment, half price in words, a thank-you gift, the reader's own
medicine after an honorific, a named patient's cancer stage in a record). Each on sentences written for these tests
(not corpus lines), beside the twin a reviewer who reads RULES.md reads the other way."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, info_alimtalk, info_sms, korean_ad, rule_ids

ad = partial(korean_ad, clinic="하늘빛의원")
care = partial(care_note, clinic="미소치과의원")


# 1. points credited on the patient's own payment are an account record; points promised stay an offer
def test_points_credited_on_a_payment_are_a_record() -> None:
    assert care("박지훈님, 오늘 결제하신 진료비 120,000원에 대해 포인트 1,200점이 적립되었습니다.") == set()
    assert care("포인트 3,000점이 적립되었습니다.\n※ 유료 결제로 적립된 포인트 안내입니다.") == set()


@pytest.mark.parametrize(
    "body",
    [
        "박지훈님, 이번 달 방문하시면 포인트 1,200점을 적립해 드립니다!",
        "포인트 적립 안내: 1,200점이 적립되었습니다. 친구를 소개해 주시면 1만 점을 더 드려요.",
    ],
)
def test_points_promised_stay_an_offer(body: str) -> None:
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= care(body)


# 2. the terms of points held (validity, expiry notice, no cash) are a policy
def test_points_terms_are_a_policy() -> None:
    body = (
        "12월 진료 안내: 25일 휴진합니다. 보유 포인트의 유효기간은 적립일로부터 2년이며, 만료 전 문자로 알려드립니다."
    )
    assert "MSA-INDUCEMENT" not in ad(body)
    assert "MSA-INDUCEMENT" in ad(
        "이번 달 스케일링 받으시면 포인트 2만 점 적립! 포인트 유효기간은 1년이니 서둘러 오세요."
    )


# 3. a booking confirmation laid out as its particulars is the patient's appointment
def test_a_booking_confirmation_is_no_promotion() -> None:
    text = "[하늘성형외과의원] 수술 상담 예약 확인 안내\n· 일시: 1/8(수) 11:00\n· 장소: 5층 상담실\n· 준비물: 신분증\n변경은 하루 전까지 연락 주세요."
    assert info_alimtalk(text) == set()
    offer = "[하늘성형외과의원] 수술 상담 예약 확인 안내\n· 일시: 1/8(수) 11:00\n당일 계약하시면 수술비 할인 혜택을 드립니다."
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk(offer)


# 4. a rumour the clinic denies or declines to confirm
@pytest.mark.parametrize(
    "text",
    [
        "[하늘치과의원] 일부 카페에 저희가 리뷰를 쓰면 미백을 무료로 해준다는 글이 있으나 사실이 아닙니다. 리뷰 작성에는 어떤 대가도 없습니다.",
        "[별하피부과의원] 요즘 아이돌 방문설이 퍼져 문의가 많습니다. 저희는 어떤 분이 내원하셨는지 확인해 드리지 않습니다.",
    ],
)
def test_a_rumour_denied_is_no_claim(text: str) -> None:
    assert info_sms(text) == set()


def test_the_claim_itself_still_fires() -> None:
    assert "MSA-REVIEW-INCENTIVE" in info_sms("[하늘치과의원] 리뷰를 써 주시면 미백을 무료로 해드립니다.")
    assert "MSA-CELEBRITY" in ad("아이돌 멤버도 다녀간 피부과! 같은 관리를 받아 보세요.")


# 5. an image model said to be no patient (RULES.md: a celebrity as image model only is allowed)
def test_an_image_model_disclaimed() -> None:
    assert "MSA-CELEBRITY" not in ad("광고 속 모델은 이미지 모델로, 저희 의원에서 시술을 받은 분이 아닙니다.")
    assert "MSA-CELEBRITY" in ad("인기 배우 모델도 저희 의원에서 시술을 받았습니다.")


# 6. an aftercare video, or one said to show no operation, is no surgery footage; 없이 takes the noun before it
def test_an_aftercare_video_is_no_footage() -> None:
    body = "유튜브 채널에 '지방흡입 후 압박복 관리법' 영상을 올렸습니다. 수술 장면 없이 관리 방법만 설명합니다."
    assert ad(body) & {"MSA-SURGERY-SCENE", "MSA-SAFETY-CLAIM"} == set()
    assert "MSA-SAFETY-CLAIM" not in ad("수술 장면 없이 붓기 관리 요령만 담았습니다.")
    assert "MSA-SURGERY-SCENE" in ad("유튜브 채널에서 지방흡입 수술 장면을 그대로 공개합니다. 지금 구독하세요!")


# 7. 무통주사 as the procedure's name, its pros, cons and risks explained
def test_epidural_named_with_its_risks() -> None:
    assert "MSA-SAFETY-CLAIM" not in ad("출산 준비 교실: 무통주사의 장단점과 부작용을 마취과 전문의가 설명합니다.")
    assert "MSA-SAFETY-CLAIM" in ad("무통으로 아프지 않게, 편안한 분만을 약속합니다.")


# 8. another clinic's records asked for compare nothing; a verdict on that clinic still runs it down
def test_other_clinics_records_asked_for() -> None:
    body = (
        "가슴 재수술 상담 안내: 다른 병원에서 수술받으신 분은 이전 수술 기록과 사진을 가져오시면 상담에 도움이 됩니다."
    )
    assert ad(body) & {"MSA-COMPARISON", "MSA-DEFAME"} == set()
    assert "MSA-DEFAME" in ad("다른 병원에서 망친 가슴, 수술 기록과 사진만 가져오시면 저희가 바로잡아 드립니다.")


# 9. travel money for the trip is a benefit; free parking is a convenience
def test_travel_money_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in ad("검진 받으러 오시는 어르신께 왕복 교통비 5천 원을 지급해 드립니다.")
    assert "MSA-INDUCEMENT" in ad("멀리서 오시는 분께 택시비를 지원해 드려요.")
    assert "MSA-INDUCEMENT" not in ad("건물 지하 주차장은 진료 당일 2시간 무료입니다.")


# 10. a co-payment waived by the clinic (art. 27(3)); a co-payment stated or not charged by the insurer is a fee fact
def test_a_waived_copayment_is_an_inducement() -> None:
    found = info_sms("[바른정형외과의원] 다음 주에 물리치료 받으러 오시는 분은 본인부담금을 받지 않겠습니다.")
    assert {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "[바른정형외과의원] 오늘 본인부담금 8,300원이 결제되었습니다. 영수증은 원무과에서 받아 가세요.",
        "[바른정형외과의원] 국가검진 2차 검사는 공단 기준상 본인부담이 없습니다.",
    ],
)
def test_a_copayment_stated_is_a_fee_fact(text: str) -> None:
    assert info_sms(text) == set()


# 11. half the price said in words is 반값
def test_half_price_in_words() -> None:
    assert "MSA-INDUCEMENT" in ad("라식 수술비, 이제 절반 가격에 받으세요.")
    assert "MSA-INDUCEMENT" not in ad("라식 양안 180만 원, 검사비는 별도입니다.")


# 12. a thank-you gift handed out; thanks in words give nothing
def test_a_thank_you_gift() -> None:
    gift = "[하늘치과의원] 설문에 응해 주신 분께 감사의 뜻으로 칫솔 세트를 드립니다. 다음 방문 때 받아 가세요."
    assert {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} <= info_sms(gift)
    thanks = "[하늘치과의원] 설문에 응해 주셔서 감사의 뜻을 전합니다. 보내 주신 의견은 진료에 반영하겠습니다."
    assert info_sms(thanks) == set()


# 13. the reader's own medicine after an honorific; advice to whoever takes it names nobody
def test_the_readers_own_medicine() -> None:
    own = "[온누리내과의원] 복용 중이신 로수바스타틴 10mg이 다음 주에 떨어집니다. 진료 예약을 해 주세요."
    assert "PII-HEALTH-IN-SMS" in info_sms(own)
    assert info_sms("[온누리내과의원] 와파린을 복용 중이신 분은 내시경 전에 꼭 알려 주세요.") == set()
    assert info_sms("[온누리내과의원] 지난번 받으신 약이 다음 주에 떨어집니다. 진료 예약을 해 주세요.") == set()


# 14. a named patient's cancer stage in the record handed over
def test_a_cancer_stage_in_a_record() -> None:
    record = "[온누리내과의원] 김영자님 요청하신 진료기록 사본 발급을 마쳤습니다. 위암 2기 수술 기록과 조직검사 판독지 포함 30매입니다."
    assert "PII-HEALTH-IN-SMS" in info_sms(record)
    plain = "[온누리내과의원] 김영자님 요청하신 진료기록 사본 30매 발급을 마쳤습니다. 신분증을 지참해 받아 가세요."
    assert info_sms(plain) == set()
    assert (
        info_sms("[온누리내과의원] 위암 검진 안내: 만 40세 이상은 2년마다 위내시경 검진을 받으실 수 있습니다.") == set()
    )


# 15. a risk notice in the clinic's own words (what may last, a revision that may be needed)
def test_a_risk_notice_in_own_words() -> None:
    head = "(광고) 하늘성형외과의원 비절개 쌍꺼풀 안내\n"
    foot = "\n무료수신거부 080-111-2222"
    notice = "붓기와 멍이 2주 정도 갈 수 있고, 풀림으로 재교정이 필요할 수 있습니다."
    assert "MSA-OMIT-RISK" not in rule_ids(head + notice + foot, "friendtalk", "advertising")
    assert "MSA-OMIT-RISK" in rule_ids(head + "붓기 걱정 없이 바로 일상으로!" + foot, "friendtalk", "advertising")
