"""Session 27 (fp27): a second rule beside the right one, judged on RULES.md and issue 17 — a certainty word that
intensifies a safety claim or an offer read as a promise of a result, … — each checked on sentences written for
these tests (not corpus lines): the reading a reviewer who reads RULES.md gives, and its violating counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import EN_RISK_FOOTER, SHORT_RISK_FOOTER, rule_ids


def ad(body: str, clinic: str = "해솔성형외과") -> str:
    return f"(광고) {clinic} {body}{SHORT_RISK_FOOTER}"


def test_the_rule_files_load_with_a_class_per_check() -> None:
    checks = json.loads((RULES_DIR / "context_checks_s27_fp.json").read_text("utf-8"))["checks"]
    assert checks and all(check["class"] and check["rules"] for check in checks)
    frames = json.loads((RULES_DIR / "frames_s27_fp.json").read_text("utf-8"))["frames"]
    assert frames and all(frame["comment"] and frame["rule"] for frame in frames)


# --- a certainty word on a denial of pain, scars or side effects is the safety claim's emphasis ---


@pytest.mark.parametrize(
    "body",
    [
        "100% 무통 제모 레이저로 여름을 준비하세요.",
        "백퍼 통증 없는 수면 임플란트.",
        "100% 흉터 없는 비절개 눈매교정.",
        "완벽한 무통 시스템으로 받는 분만.",
        "100% 부작용 없는 한방 다이어트.",
    ],
)
def test_a_certainty_word_on_a_safety_denial_is_the_safety_claim_alone(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


def test_english_a_certainty_word_on_pain_free_is_the_safety_claim_alone() -> None:
    found = rule_ids("(광고) Haesol Clinic 100% pain-free tattoo removal." + EN_RISK_FOOTER, "friendtalk")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "100% 무통 레이저에 효과는 확실하게 보장합니다. 제모.",
        "통증 없이 한 번에 끝나고 효과는 평생 유지되는 눈매교정.",
    ],
)
def test_a_promised_result_beside_a_safety_claim_stays_a_guarantee(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert {"MSA-SAFETY-CLAIM", "MSA-GUARANTEE"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "무조건 안전한 수면 마취로 받는 가슴 성형.",
        "100% 안심 스마일라식, 지금 상담하세요.",
        "흉터 100% 없는 절개 눈매교정.",
    ],
)
def test_a_certainty_word_on_safety_itself_is_a_safety_claim(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "환자 안전을 위해 모든 수술은 마취과 전문의가 함께합니다. 코 성형.",
        "수술 다음 날은 절대 안정이 필요합니다. 지방흡입.",
    ],
)
def test_safety_as_a_goal_or_rest_as_an_instruction_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in rule_ids(ad(body), "friendtalk")


# --- a certainty word bound to the offer itself is the inducement, not a promised result ---


@pytest.mark.parametrize(
    "body",
    [
        "12월 첫 방문 고객 100% 사은품 증정! 울쎄라 상담.",
        "참여만 하면 100% 당첨되는 룰렛 이벤트, 스킨부스터.",
        "무조건 50% 할인, 이번 주 보톡스.",
        "연말 이벤트: 누구나 무조건 1회 무료 체험, 여드름 압출.",
        "임플란트 하신 분은 평생 무료 스케일링 혜택.",
        "가족 등록하면 평생 20% 할인되는 멤버십, 제모.",
    ],
)
def test_a_certainty_word_on_an_offer_is_the_inducement_not_a_guarantee(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert "MSA-INDUCEMENT" in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "text",
    [
        "(광고) Haesol Clinic Every new patient gets a guaranteed gift with a filler booking." + EN_RISK_FOOTER,
        "(광고) Haesol Clinic 100% cashback on your first skin booster session this month." + EN_RISK_FOOTER,
    ],
)
def test_english_a_certain_gift_or_cashback_is_the_inducement_not_a_guarantee(text: str) -> None:
    found = rule_ids(text, "friendtalk")
    assert "MSA-INDUCEMENT" in found
    assert "MSA-GUARANTEE" not in found


def test_a_certain_gift_in_a_care_message_is_the_channel_rule_and_the_inducement() -> None:
    found = rule_ids("[해솔성형외과] 내일 예약 고객님께 100% 사은품 증정 이벤트 중입니다.", "alimtalk", "informational")
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "교정 후 치아가 다시 돌아오면 평생 무료로 재교정해 드립니다.",
        "시력이 다시 떨어지면 평생 무료 재수술을 약속드립니다. 라식.",
        "효과가 없으면 무조건 100% 환불해 드립니다. 리프팅.",
    ],
)
def test_a_free_redo_or_refund_when_the_result_fails_stays_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(ad(body), "friendtalk")


def test_a_certainty_word_on_a_result_beside_a_discount_stays_a_guarantee() -> None:
    found = rule_ids(ad("무조건 효과 보는 다이어트 주사, 이번 달 30% 할인."), "friendtalk")
    assert "MSA-GUARANTEE" in found


# --- a certainty word about who treats, what is used or how the patient is looked after promises no result ---


@pytest.mark.parametrize(
    "body",
    [
        "눈 재수술은 100% 대표원장 직접 집도합니다.",
        "상담부터 시술까지 무조건 원장님이 직접 봅니다. 보톡스.",
        "필러는 1인 1회용 키트를 100% 사용합니다. 정품·정량 보장.",
        "상담 내용은 완벽한 비밀 보장, 가슴 성형 1:1 상담.",
        "완벽주의 원장이 직접 디자인하는 코 성형.",
        "우리 가족 평생 주치의, 임플란트 상담 받으세요.",
    ],
)
def test_a_certainty_word_about_the_way_of_working_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(ad(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "원장이 직접 집도하고 결과는 100% 보장합니다. 코 성형.",
        "정품 보톡스로 효과가 평생 유지됩니다.",
    ],
)
def test_a_promised_result_beside_the_way_of_working_stays_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in rule_ids(ad(body), "friendtalk")


# --- English: the sender's own discount or a plain price comparison runs nobody down ---


def en_ad(body: str) -> str:
    return f"(광고) Dasom Skin Clinic {body}{EN_RISK_FOOTER}"


@pytest.mark.parametrize(
    ("body", "right"),
    [
        ("Discount month at our clinic: 30% off laser toning until Dec 31.", "MSA-INDUCEMENT"),
        ("Bargain prices at this clinic for December: skin booster from 150,000 won.", "MSA-INDUCEMENT"),
        ("Cheaper than most clinics in Hongdae, with the same laser.", "MSA-COMPARISON"),
        ("More affordable than other dermatology clinics nearby: acne scar care.", "MSA-COMPARISON"),
    ],
)
def test_an_own_discount_or_a_price_comparison_is_no_disparagement(body: str, right: str) -> None:
    found = rule_ids(en_ad(body), "friendtalk")
    assert right in found
    assert "MSA-DEFAME" not in found


@pytest.mark.parametrize(
    "body",
    [
        "Cheaper clinics cut corners with diluted filler. We never do.",
        "Bargain clinics botch eyelids every week, and we are the ones who fix them.",
    ],
)
def test_cheap_clinics_given_a_verdict_stay_a_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in rule_ids(en_ad(body), "friendtalk")


def test_reduced_fees_for_a_period_are_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in rule_ids(en_ad("Reduced fees this weekend only for pigment laser."), "friendtalk")


# --- a broadcast that says who the celebrity is: the endorsement, not the clinic dressed as a programme ---


@pytest.mark.parametrize(
    "body",
    [
        "주말 드라마에 나온 배우가 받고 간 윤곽 주사.",
        "예능에 출연 중인 개그우먼이 다니는 다이어트 한의원.",
        "TV 출연 아이돌들이 찾는 물광 관리.",
    ],
)
def test_a_broadcast_naming_the_celebrity_is_the_celebrity_rule_alone(body: str) -> None:
    found = rule_ids(ad(body, "단아한의원"), "friendtalk")
    assert "MSA-CELEBRITY" in found
    assert "MSA-ARTICLE-FORM" not in found


@pytest.mark.parametrize(
    "body",
    ["건강 프로그램에 출연한 원장이 알려 주는 관절 관리.", "TV 출연 원장과 배우가 함께 소개한 다이어트 한약."],
)
def test_the_clinics_own_doctor_on_a_programme_stays_article_form(body: str) -> None:
    assert "MSA-ARTICLE-FORM" in rule_ids(ad(body, "단아한의원"), "friendtalk")


# --- a guarantee read in a sentence does not hide a sale of its own there; a free redo is still its remedy ---


@pytest.mark.parametrize(
    "body",
    [
        "효과 확실한 윤곽 주사, 12월 한 달 40% 할인.",
        "100% 만족 보장 리프팅, 예약 고객 전원 사은품 증정.",
    ],
)
def test_a_guarantee_beside_a_sale_of_its_own_leaves_the_sale(body: str) -> None:
    found = rule_ids(ad(body, "다온피부과"), "friendtalk")
    assert {"MSA-GUARANTEE", "MSA-INDUCEMENT"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "보톡스 효과가 2주 안에 안 나타나면 추가 시술은 무료로 해 드립니다.",
        "If you are not happy with your new smile, your next whitening is on us.",
    ],
)
def test_a_free_redo_when_the_result_disappoints_is_the_guarantee_alone(body: str) -> None:
    found = rule_ids(ad(body, "다온피부과"), "friendtalk")
    assert "MSA-GUARANTEE" in found
    assert "MSA-INDUCEMENT" not in found


# --- a promise (약속, 책임) of freedom from pain or harm, or safety guaranteed, is the safety claim ---


@pytest.mark.parametrize(
    "body",
    [
        "수면 마취로 통증 없는 사랑니 발치를 약속드립니다.",
        "흉터 걱정 없는 절개 쌍꺼풀, 끝까지 책임지겠습니다.",
        "안전만큼은 원장이 확실히 책임집니다. 가슴 성형.",
        "마취과 전문의 상주, 안전한 수술을 보장합니다. 안면윤곽.",
    ],
)
def test_a_promise_of_safety_is_the_safety_claim_alone(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


def test_english_safety_guaranteed_is_the_safety_claim_alone() -> None:
    found = rule_ids(en_ad("Your safety is fully guaranteed: sleep sedation for every rhinoplasty."), "friendtalk")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


@pytest.mark.parametrize(
    "body",
    [
        "통증 없는 시술과 확실한 효과를 약속드립니다. 리프팅.",
        "흉터 없는 수술에 결과까지 책임집니다. 코 성형.",
        "무통을 보장합니다. 레이저 제모.",
    ],
)
def test_a_promised_result_or_guarantee_word_beside_safety_stays_a_guarantee(body: str) -> None:
    found = rule_ids(ad(body), "friendtalk")
    assert {"MSA-SAFETY-CLAIM", "MSA-GUARANTEE"} <= found


def test_a_prize_game_in_an_advertisement_is_an_inducement() -> None:
    found = rule_ids(ad("100% 당첨! 연말 룰렛 돌리고 수분 관리 받아 가세요."), "friendtalk")
    assert "MSA-INDUCEMENT" in found
    assert "MSA-GUARANTEE" not in found


def test_english_a_guaranteed_gift_for_every_visitor_is_an_inducement() -> None:
    found = rule_ids(en_ad("Every visitor is guaranteed a free gift at our open house this Saturday."), "friendtalk")
    assert "MSA-INDUCEMENT" in found
    assert "MSA-GUARANTEE" not in found


# --- the patient's own clinical photos taken before and after: a step of their treatment, no before/after ad ---


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[정담성형외과] #{이름}님, 내일은 수술 전후 비교 사진 촬영이 있으니 화장을 지우고 와 주세요.", "alimtalk"),
        ("[정담성형외과] 시술 전후 사진을 찍을 예정이니 10분 일찍 도착해 주세요.", "sms"),
    ],
)
def test_clinical_photos_taken_in_a_care_message_are_no_before_after_ad(text: str, channel: str) -> None:
    assert "MSA-BEFORE-AFTER" not in rule_ids(text, channel, "informational")


def test_before_after_photos_posted_in_a_care_message_stay() -> None:
    text = "[정담성형외과] #{이름}님, 고객님들의 수술 전후 비교 사진을 홈페이지에 새로 올렸습니다. 내일 예약도 확인해 주세요."
    assert "MSA-BEFORE-AFTER" in rule_ids(text, "alimtalk", "informational")


# --- English: every patient as the one the clinic sees or calls is the way it works, no promised result ---


@pytest.mark.parametrize(
    "body",
    [
        "Dr. Kang personally sees every patient before and after surgery. Rhinoplasty consultations open.",
        "Every patient is examined by a board-certified dermatologist before any laser.",
        "We call every patient the morning after their eyelid surgery.",
    ],
)
def test_every_patient_seen_or_called_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in rule_ids(en_ad(body), "friendtalk")


def test_a_result_for_every_patient_stays_a_guarantee() -> None:
    found = rule_ids(en_ad("Every patient we treat sees the difference after one session. Acne scars."), "friendtalk")
    assert "MSA-GUARANTEE" in found


# --- another place's claim quoted to run it down is the disparagement's words, not the sender's claim ---


@pytest.mark.parametrize(
    "body",
    [
        "'평생 간다'는 곳들 말만 믿고 맞은 실리프팅, 석 달 만에 풀리셨나요? 재시술 상담은 저희에게.",
        "'부작용 없는 시술'이라던 레이저 제모, 화상 자국만 남으셨나요? 화상 흉터 상담.",
    ],
)
def test_a_claim_quoted_from_other_places_is_not_the_senders(body: str) -> None:
    found = rule_ids(ad(body, "결고운피부과"), "friendtalk")
    assert "MSA-GUARANTEE" not in found
    assert "MSA-SAFETY-CLAIM" not in found


def test_the_senders_own_claim_in_quotes_stays() -> None:
    found = rule_ids(ad("'평생 유지'를 약속드립니다. 결고운 실리프팅.", "결고운피부과"), "friendtalk")
    assert "MSA-GUARANTEE" in found


# --- what patients say or ask most often ranks their words, not the clinic ---


def test_what_patients_say_most_often_is_no_superlative() -> None:
    body = "라식 받으신 분들이 가장 많이 해 주신 말씀: '아침에 눈 뜨자마자 시계가 보여요.'"
    found = rule_ids(ad(body, "밝은눈안과"), "friendtalk")
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-SUPERLATIVE" not in found


def test_the_clinics_own_volume_stays_a_superlative() -> None:
    assert "MSA-SUPERLATIVE" in rule_ids(ad("강남에서 라식을 가장 많이 하는 안과.", "밝은눈안과"), "friendtalk")


# --- 전원 as a transfer to another hospital is a care step, not everyone getting a benefit ---


@pytest.mark.parametrize(
    "text",
    [
        "[한빛정형외과] #{이름}님, 수술이 필요하면 협력 대학병원으로 전원 의뢰서를 써 드립니다.",
        "[한빛정형외과] 전원하실 때 영상 CD와 소견서를 저희가 챙겨 드립니다.",
    ],
)
def test_a_transfer_to_another_hospital_is_no_offer(text: str) -> None:
    found = rule_ids(text, "alimtalk", "informational")
    assert "KAKAO-ALIMTALK-PROMO" not in found
    assert "MSA-INDUCEMENT" not in found


def test_a_gift_for_everyone_stays_an_offer() -> None:
    found = rule_ids("[한빛정형외과] 이번 주 내원하신 분 전원 핫팩 증정해 드립니다.", "alimtalk", "informational")
    assert "KAKAO-ALIMTALK-PROMO" in found


# --- another hospital named as where the patient is treated or may ask, with no contrast, is no comparison ---


@pytest.mark.parametrize(
    "body",
    [
        "다른 병원에서 항암 치료 중이셔도 통증 관리를 함께 받으실 수 있는지 상담해 드립니다.",
        "수술 결정 전 다른 병원 의견도 들어 보시고 천천히 정하셔도 됩니다. 무릎 인공관절 상담.",
    ],
)
def test_a_referral_or_second_opinion_note_is_no_comparison(body: str) -> None:
    found = rule_ids(ad(body, "한빛정형외과"), "friendtalk")
    assert "MSA-COMPARISON" not in found
    assert "MSA-DEFAME" not in found


def test_another_hospital_that_failed_the_patient_stays_a_comparison() -> None:
    body = "다른 병원에서 치료 중인데도 안 낫는 무릎, 저희는 원인부터 다시 봅니다."
    assert "MSA-COMPARISON" in rule_ids(ad(body, "한빛정형외과"), "friendtalk")
