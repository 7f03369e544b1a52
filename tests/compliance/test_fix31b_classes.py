"""Session 31 (fix31b): classes the blind training writer writer_s31_b (cases paraphrased from MOHW violation notices,
medical-association review decisions, FTC fake-review cases, Kakao and KISA guides) showed missed — a discount said
with a verb (30% 빼 드릴게요), a prepaid top-up worth more than paid, a free shuttle from where patients live, the
ordinary treatment that failed the reader set against ours, another clinic's proposed extraction overturned, an ad
addressed to exam takers with a call to act, the recipient's own medicine and a graded result code in an SMS — and
the false readings beside them (dissatisfaction in the past read as a result promise, news posted first read as a
superlative, a product suggested as a gift read as a gift given). Each on sentences written for these tests (not
corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import info_sms, korean_ad

ad = partial(korean_ad, clinic="하늘빛의원")


# 1. a price cut said with a verb: an inducement (and, in an informational SMS, a purpose mismatch)
@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛치과] 정기검진 오시는 김에 스케일링까지 하시면 진료비 20% 빼 드릴게요.",
        "[하늘빛의원] 이번 달 안에 예약하시면 주사비 2만 원 깎아 드립니다.",
        "[하늘빛피부과] 재방문 고객님은 레이저 비용에서 10% 덜어 드려요.",
    ],
)
def test_a_price_cut_by_a_verb_is_an_inducement(text: str) -> None:
    found = info_sms(text)
    assert {"MSA-INDUCEMENT", "ADV-PURPOSE-MISMATCH"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛치과] 예약금 3만 원은 빼 드리고 나머지 금액만 당일 결제하시면 됩니다.",
        "[하늘빛의원] 실손보험 청구 시 본인부담 20%를 뺀 금액이 지급됩니다.",
        "[하늘빛의원] 체중을 3kg 빼 드리는 약은 처방하지 않습니다. 식단 상담은 예약해 주세요.",
    ],
)
def test_a_deposit_or_insurer_share_taken_off_is_no_offer(text: str) -> None:
    found = info_sms(text)
    assert "MSA-INDUCEMENT" not in found
    assert "ADV-PURPOSE-MISMATCH" not in found


# 2. a prepaid top-up worth more than paid
@pytest.mark.parametrize(
    "body",
    [
        "20만 원 충전하시면 24만 원 사용! 관리 회원권 오픈.",
        "50만 원 선결제 시 60만 원 적립해 드립니다.",
    ],
)
def test_a_prepaid_bonus_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "회원권 잔액 확인: 10만 원 충전하신 금액 중 남은 금액은 6만 원입니다.",
        "충전하신 금액은 관리 1회마다 차감되며, 남은 금액은 언제든 환불됩니다.",
    ],
)
def test_a_balance_or_refund_offers_nothing(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


# 3. a free ride from where patients live, in an advertisement
@pytest.mark.parametrize(
    "body",
    [
        "햇살마을 경로당 앞에서 매일 오전 무료 셔틀을 운행합니다. 무릎 검사 예약하세요.",
        "읍내에서 병원까지 차량 무료 운행! 어르신 백내장 상담 받으세요.",
    ],
)
def test_a_free_ride_from_home_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "건물 지하 주차장은 2시간 무료입니다. 오시는 길은 지도를 참고하세요.",
        "셔틀버스는 이번 달부터 운행하지 않습니다. 대중교통을 이용해 주세요.",
    ],
)
def test_parking_or_a_stopped_shuttle_is_no_ride_offered(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


# 4. the ordinary treatment that failed the reader, set against ours
@pytest.mark.parametrize(
    "body",
    [
        "기존 레이저로 효과 없으셨던 기미, 저희 복합 프로토콜은 차원이 다릅니다.",
        "보통 물리치료로 좋아지지 않으셨나요? 본원 도수치료는 접근부터 다릅니다.",
    ],
)
def test_a_failed_ordinary_treatment_against_ours_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "기존 레이저로 효과가 없으셨다면 진료 후 다른 치료 방법을 함께 상의해 드립니다.",
        "물리치료 3주 후에도 좋아지지 않으면 재진 예약을 해 주세요.",
    ],
)
def test_a_treatment_that_did_not_help_with_advice_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in ad(body)


# 5. another clinic's proposed extraction or operation overturned
@pytest.mark.parametrize(
    "body",
    [
        "다른 치과에서 발치하자던 어금니, 신경치료로 살렸습니다.",
        "타 병원에서 수술해야 한다던 무릎, 주사 치료로 수술 없이 지켜 드렸어요.",
    ],
)
def test_another_clinics_verdict_overturned_is_a_comparison_and_defamation(body: str) -> None:
    assert {"MSA-COMPARISON", "MSA-DEFAME"} <= ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛치과] 다른 치과에서 발치하라고 하신 소견서가 있으면 진료 당일 지참해 주세요.",
        "[하늘빛의원] 타 병원에서 수술하자고 들으셨다면 영상 CD를 가져와 주세요. 함께 검토합니다.",
    ],
)
def test_another_clinics_advice_brought_along_overturns_nothing(text: str) -> None:
    found = info_sms(text)
    assert "MSA-COMPARISON" not in found
    assert "MSA-DEFAME" not in found


# 6. an advertisement addressed to exam takers with a call to act
@pytest.mark.parametrize(
    "body",
    [
        "수험생이라면 겨울방학 전에 여드름 흉터 정리하세요.",
        "졸업 사진 찍기 전에 눈매 교정 상담 받으세요.",
    ],
)
def test_an_ad_to_exam_takers_with_a_call_is_a_student_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "수험생 여러분 그동안 수고 많으셨습니다. 모두의 새 출발을 응원합니다.",
        "수험생이라면 시험 전날 새 렌즈 착용은 피하세요. 평소 쓰던 안경이 안전합니다.",
    ],
)
def test_encouragement_or_exam_day_advice_is_no_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" not in ad(body)


# 7. the recipient's own medicine, named with a second-person honorific
@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛내과] 와파린 복용 중이시니 발치 전에는 꼭 저희에게 먼저 알려 주세요.",
        "[하늘빛의원] 지난번 처방해 드린 로수바스타틴은 저녁 식후에 드시면 됩니다.",
    ],
)
def test_the_recipients_own_medicine_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛내과] 와파린을 복용 중인 분은 발치 전 진료실에 미리 알려 주세요.",
        "[하늘빛의원] 혈압약을 드시는 경우 검사 당일 아침에도 평소처럼 복용하세요.",
    ],
)
def test_advice_to_whoever_takes_a_medicine_names_nobody(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 8. a graded or coded result of the patient's test
@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛여성의원] 유방 초음파 판독 결과 BI-RADS 4로 분류되었습니다. 조직검사 예약을 도와드리겠습니다.",
        "[하늘빛비뇨의학과] 전립선 조직검사 결과 3등급으로 확인되었습니다. 진료 예약 부탁드립니다.",
    ],
)
def test_a_graded_result_in_an_sms_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[하늘빛여성의원] 검사 결과가 나왔습니다. 결과지는 앱에서 PDF로 확인하실 수 있습니다.",
        "[하늘빛의원] 조직검사 결과는 약 7일 후 나옵니다. 진료실에서 설명드리겠습니다.",
    ],
)
def test_results_ready_or_where_to_read_them_is_no_finding(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 9. false readings: past dissatisfaction, news posted first, a product suggested as a gift
@pytest.mark.parametrize(
    "body",
    [
        "눈매 교정 결과가 만족스럽지 않으셨던 분들을 위한 재수술 상담을 진행합니다.",
        "인스타그램 계정을 열었습니다. 휴진 소식을 가장 먼저 알려 드릴게요.",
        "녹용 보약은 부모님 명절 선물로도 좋습니다.",
    ],
)
def test_audience_news_and_gift_ideas_are_not_promises_firsts_or_gifts(body: str) -> None:
    found = ad(body)
    assert not {"MSA-GUARANTEE", "MSA-SUPERLATIVE", "MSA-INDUCEMENT"} & found


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("결과가 만족스럽지 않으시면 무료 재수술을 약속드립니다.", "MSA-GUARANTEE"),
        ("이 장비를 지역에서 가장 먼저 도입한 피부과입니다.", "MSA-SUPERLATIVE"),
        ("상담만 받으셔도 명절 선물로 홍삼 세트를 드립니다.", "MSA-INDUCEMENT"),
    ],
)
def test_a_promise_a_first_and_a_gift_given_still_fire(body: str, rule: str) -> None:
    assert rule in ad(body)
