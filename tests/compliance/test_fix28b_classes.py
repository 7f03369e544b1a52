"""Session 28 (fix28b): classes the blind training writer writer_s28_b showed — safety claims without 부작용/통증
words (nobody notices, nothing has ever gone wrong, nothing can go wrong, the procedure day as any other),
inducements without 할인/증정/무료 (a product handed over, an add-on that comes along, sessions folded into the fee,
a bundle's per-session price, a price against an area average, a fee not charged), celebrities by role in English,
procedure names by specialty without a risk notice (rules/msa_omit_risk_s28_b.json) and the false readings beside
them (a plain-English notice, a membership, a creator's channel, another patient's reported result). Each on
sentences written for these tests (not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, korean_ad, rule_ids

ad = partial(korean_ad, clinic="새결의원")
en_ad = partial(english_ad, clinic="Saegyeol Clinic")


def bare_ad(body: str, clinic: str = "새결의원") -> set[str]:
    """An ad with its opt-out but no risk notice (what MSA-OMIT-RISK is about)."""
    return rule_ids(f"(광고) {clinic} {body} 무료수신거부 080-414-2291", "friendtalk", "advertising")


def bare_en_ad(body: str) -> set[str]:
    return rule_ids(
        f"(광고) Saegyeol Clinic | {body} Free opt-out (무료수신거부) 080-414-2291", "friendtalk", "advertising"
    )


# 1. nobody notices, said of the hours or days after the procedure
@pytest.mark.parametrize(
    "body",
    [
        "필러 맞고 바로 돌아가셔도 주변에서 아무도 눈치 못 채요.",
        "토요일 오전에 수술하고 월요일에 출근하세요. 동료들도 모를 거예요.",
        "점심시간에 스킨부스터 받고 들어가셔도 아무도 모릅니다.",
        "주말에 지방이식 받고 출근하시면 가족들도 눈치 못 챕니다.",
        "시술받은 티가 하나도 안 나서 친구들도 모르실 거예요.",
    ],
)
def test_nobody_notices_after_the_procedure_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "진료 내용은 본인 외에는 아무도 모르게 비밀로 관리합니다.",
        "라인이 자연스러워 아무도 모를 만큼 티 나지 않는 결과를 목표로 합니다.",
        "수술 후 2~3일은 붓기가 있어 출근 일정은 여유 있게 잡아 주세요.",
    ],
)
def test_privacy_or_a_recovery_range_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "A brow lift on Friday, back at work on Monday, and nobody at the office will notice.",
        "Get your fillers at lunch; no one will ever guess when you walk out.",
        "Eyelid surgery you won't even see the following day.",
    ],
)
def test_english_nobody_notices_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Your records stay confidential; no one will know about your visit without your consent.",
        "Results look natural, so no one will guess you had work done.",
        "Most patients return to work after five to seven days; swelling varies.",
    ],
)
def test_english_privacy_or_a_natural_result_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in en_ad(body)


# 2. a record of nobody coming back with a problem; nothing can go wrong
@pytest.mark.parametrize(
    "body",
    [
        "15년간 라섹 후 염증이 생겨 다시 찾아오신 환자가 한 명도 없습니다.",
        "지금까지 단 한 분도 부작용으로 고생하신 적 없는 시술입니다.",
        "녹는 실만 사용해서 실패할 걱정이 전혀 없습니다.",
        "검증된 장비라 잘못될 일은 하나도 없어요.",
    ],
)
def test_a_clean_record_or_no_risk_at_all_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "문제가 생겨 다시 오시는 분이 없도록 수술 후 1주, 1개월, 3개월 검진을 꼭 받아 주세요.",
        "주의사항을 지키시면 염증이 생길 일이 줄어듭니다. 불편하시면 언제든 다시 오세요.",
        "드문 경우 재수술이 필요할 수 있어 상담 때 자세히 설명드립니다.",
    ],
)
def test_follow_up_advice_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "It is your own plasma, so nothing could possibly go wrong.",
        "Not a single patient has come back with a complication.",
        "Zero revisions in the last eight years of rhinoplasty.",
        "There is no way it could go wrong with our protocol.",
    ],
)
def test_english_nothing_can_go_wrong_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If anything goes wrong after your treatment, call our night line.",
        "You can't go wrong with a winter skin check before the dry season.",
    ],
)
def test_english_care_advice_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in en_ad(body)


# 3. the procedure day as any other: even strenuous or everyday things allowed
@pytest.mark.parametrize(
    "body",
    [
        "연골 주사 한 번이면 당일 골프도 됩니다.",
        "레이저 받은 날부터 샤워, 메이크업 모두 가능합니다.",
        "시술 당일 헬스까지 하셔도 돼요.",
    ],
)
def test_the_procedure_day_as_any_other_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "시술 당일 운동과 사우나는 피해 주세요.",
        "세안은 시술 6시간 뒤부터, 화장은 다음 날부터 하실 수 있습니다.",
    ],
)
def test_a_care_limit_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in ad(body)


# 4. inducements without their keywords
@pytest.mark.parametrize(
    "body",
    [
        "스킨부스터 받으시는 날 진정 앰플 정품 2병을 챙겨 가세요. 수량 소진 시 마감.",
        "임플란트 결제하시면 전동칫솔 1개를 보내 드려요.",
        "모발이식 1,500모 이상 결정하시면 두피 스케일링 5회가 따라옵니다.",
        "윤곽 수술 예약하시면 리프팅 레이저 3회분이 덤으로 붙어요.",
        "코 수술비에 붓기 관리 고주파 4회가 모두 포함입니다. 따로 내실 비용이 없어요.",
        "도수치료 20회 패키지는 회당 5만원, 한 번씩 결제하는 것보다 훨씬 아끼세요.",
        "울쎄라 300샷, 서울 평균가보다 40% 낮게 받습니다.",
        "저희서 건강검진 받으시면 대장내시경 수면비는 따로 받지 않습니다.",
    ],
)
def test_an_inducement_without_its_keyword(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "시술 후 처방된 진정 크림은 하루 두 번 발라 주세요.",
        "수술비에는 실밥 제거와 경과 진료가 포함되어 있으며 금액은 상담 시 서면으로 안내드립니다.",
        "도수치료 비급여 비용은 1회 8만원이며 횟수는 진료 후 정합니다.",
        "울쎄라 300샷 비용은 상담 시 부위와 샷 수에 따라 안내드립니다.",
        "국가건강검진은 공단 부담으로 본인부담금이 없습니다.",
    ],
)
def test_a_fee_statement_or_care_note_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


def test_a_price_against_an_area_average_compares_with_other_clinics() -> None:
    assert {"MSA-INDUCEMENT", "MSA-COMPARISON"} <= ad("인모드 리프팅, 강남 시세의 절반 수준으로 모십니다.")
    assert "MSA-COMPARISON" not in ad("수술 후 평균 회복 기간은 1~2주이며 개인차가 있습니다.")
    assert {"MSA-INDUCEMENT", "MSA-COMPARISON"} <= en_ad("Ulthera at 30% below the Gangnam average price.")
    assert "MSA-COMPARISON" not in en_ad("The average recovery time is one to two weeks; it varies by person.")


@pytest.mark.parametrize(
    "body",
    [
        "Friends who had it elsewhere paid more — book your Rejuran with us for less.",
        "Get Thermage here at half the price of a typical Gangnam clinic.",
        "Book your implant surgery and we will cover the CT scan fee.",
        "Choose LASIK this winter and we waive your pre-op exam charge.",
        "Pay for six sessions and get eight.",
        "Our fees sit 25% below the Seoul average price for the same laser.",
    ],
)
def test_english_a_price_against_other_clinics_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Treatment takes less than twenty minutes; fees are listed at the front desk.",
        "Book a consultation for less pain and shorter downtime options.",
        "National insurance covers the exam fee for patients aged 40 and over.",
        "Pay for your first session and get ten minutes of aftercare advice.",
    ],
)
def test_english_a_short_time_or_a_fee_list_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


# 5. celebrities by role in English; a creator's channel
@pytest.mark.parametrize(
    "body",
    [
        "Our clients include a famous K-pop singer and an Olympic skater.",
        "Our patients include two national-team volleyball players.",
        "A pro golfer and a well-known news anchor are among our patients.",
        "As seen on a popular beauty YouTuber's channel: the skin booster everyone wants.",
    ],
)
def test_english_celebrities_by_role_are_an_endorsement(body: str) -> None:
    found = en_ad(body)
    assert "MSA-CELEBRITY" in found
    assert "MSA-ARTICLE-FORM" not in found


@pytest.mark.parametrize(
    "body",
    [
        "Our patients include office workers, students and retirees.",
        "Our clients include many first-time visitors from abroad.",
    ],
)
def test_english_ordinary_patients_are_no_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" not in en_ad(body)


def test_a_broadcast_stays_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in en_ad("As seen on KBS News: our doctor explains the new laser.")


# 6. a membership is no idol group's member
@pytest.mark.parametrize(
    "body",
    [
        "첫 방문 시 VIP 멤버십에 가입하시면 포인트가 적립됩니다.",
        "방문 고객 멤버십 등급에 따라 주차 시간이 달라집니다.",
    ],
)
def test_a_membership_is_no_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" not in ad(body)


def test_an_idol_group_member_stays_a_celebrity() -> None:
    assert "MSA-CELEBRITY" in ad("인기 걸그룹 멤버가 방문해 받고 간 바로 그 리프팅입니다.")


# 7. another patient's reported result is a testimonial, not the recipient's health data
@pytest.mark.parametrize(
    "body",
    [
        "석 달 만에 체중이 7kg 빠졌다는 고객 이야기, 홈페이지에서 보세요.",
        "공복혈당이 110까지 내려갔다는 환자분 후기를 블로그에 올렸습니다.",
    ],
)
def test_another_patients_reported_result_is_a_testimonial_not_health_data(body: str) -> None:
    found = rule_ids(f"(광고) 새결한의원 {body} 무료수신거부 080-414-2291", "sms", "advertising")
    assert "MSA-TESTIMONIAL" in found
    assert "PII-HEALTH-IN-SMS" not in found


def test_the_recipients_own_result_stays_health_data() -> None:
    found = rule_ids("[새결의원] 홍길동님 공복혈당 검사 결과 145mg/dL로 당뇨가 의심됩니다.", "sms", "informational")
    assert "PII-HEALTH-IN-SMS" in found


# 8. procedure names by specialty, Korean and English, without a risk notice
@pytest.mark.parametrize(
    "body",
    [
        "정관복원술 상담, 평일 저녁에도 받습니다.",
        "가슴 보형물 제거 수술, 12월 예약 받습니다.",
        "양방향 척추내시경 수술 상담 예약 받습니다.",
        "추간공 확장술, 토요일 진료합니다.",
        "전방십자인대 재건술 전문 상담 시작합니다.",
        "상악동 거상술 상담, 당일 CT 가능합니다.",
        "자궁근종 하이푸 상담 받아 보세요.",
        "매선 시술 예약 오픈했습니다.",
    ],
)
def test_a_procedure_named_without_a_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in bare_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Vasectomy consultations now on Saturday mornings.",
        "Biportal endoscopic spine surgery: book a consultation.",
        "Breast implant removal and exchange, weekday evenings.",
        "ACL reconstruction consultations with our sports team.",
        "Book PRP scalp sessions before the holidays.",
        "Try HIFU at our Sinsa branch this winter.",
        "Ask about ICL when glasses no longer suit you.",
    ],
)
def test_an_english_procedure_named_without_a_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in bare_en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "정관장 선물세트 택배 수령은 1층에서 가능합니다.",
        "척추 건강 강좌가 12월 12일 열립니다.",
    ],
)
def test_no_procedure_named(body: str) -> None:
    assert "MSA-OMIT-RISK" not in bare_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Read our article on dry eyes before winter.",
        "New videos are up on our YouTube channel.",
    ],
)
def test_a_short_english_name_inside_a_word_names_no_procedure(body: str) -> None:
    assert "MSA-OMIT-RISK" not in bare_en_ad(body)


def test_a_named_procedure_with_its_notice_is_kept_clean() -> None:
    assert "MSA-OMIT-RISK" not in ad("정관복원술 상담, 평일 저녁에도 받습니다.")


@pytest.mark.parametrize(
    "body",
    [
        "Eyelid lift: swelling peaks on day two and settles within two weeks; a touch-up is occasionally needed.",
        "Nerve block injections may cause brief soreness at the injection site.",
        "Gum grafting: a second procedure is sometimes required.",
        "PRP for hair loss: expect slight tenderness for a day or two.",
        "Hair transplant: a small number of patients notice temporary shedding.",
    ],
)
def test_a_plain_english_notice_is_a_risk_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" not in bare_en_ad(body)


def test_the_care_note_for_a_patients_own_procedure_stays_clean() -> None:
    assert not care_note("정관수술 후 이틀은 무리한 운동을 피하시고, 통증이 심하면 연락 주세요.")
