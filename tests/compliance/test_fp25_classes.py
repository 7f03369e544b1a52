"""Session 25 (fp25): the classes fp24 left, judged on RULES.md and issue 17 — a state screening programme's free
check told by its cohort, 백내장 named as a disease rather than its operation, an English "Dr. X appeared on MBC",
"the only … clinic" followed by what it alone does — each checked on sentences written for these tests (not corpus
lines): the reading a reviewer who reads RULES.md gives, and its counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import rule_ids

SMS_FOOTER = " 무료수신거부 080-515-2290"
RISK = " ※ 부작용·개인차가 있을 수 있습니다."


def test_the_rule_files_load_with_a_comment_per_entry() -> None:
    frames = json.loads((RULES_DIR / "frames_s25.json").read_text("utf-8"))["frames"]
    checks = json.loads((RULES_DIR / "context_checks_s25.json").read_text("utf-8"))["checks"]
    assert frames and all(frame["comment"] for frame in frames)
    assert checks and all(check["class"] for check in checks)


# --- a national screening's free check, told by the cohort it is for, is the state's, not the clinic's offer ---


@pytest.mark.parametrize(
    "body",
    [
        "올해 홀수년생 여성의 자궁경부암 검진은 무료입니다. 예약 031-222-1100",
        "홀수년도 출생자는 올해 위암·대장암 검진을 무료로 받으실 수 있어요.",
        "만 40세 이상 위내시경 검진은 2년마다 무료예요. 연말 전에 예약하세요.",
        "만 50세 이상이면 매년 대장암 분변잠혈검사를 무료로 받으실 수 있습니다.",
        "만 54세 생애전환기 검진 항목은 무료입니다.",
    ],
)
def test_a_screening_programme_told_by_its_cohort_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in rule_ids("(광고) 새솔내과 " + body + SMS_FOOTER)


@pytest.mark.parametrize(
    "body",
    [
        "올해 홀수년생 자궁경부암 검진은 무료! 이번 달 예약하시면 초음파도 무료로 해 드립니다.",
        "만 40세 이상 위내시경 검진은 2년마다 무료, 선착순 30분께는 수면비도 받지 않습니다.",
        "이번 주 자궁경부암 검진 무료 이벤트!",
        "자궁경부암 검진 무료! 선착순 50명.",
    ],
)
def test_the_clinics_own_offer_beside_a_screening_stays_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in rule_ids("(광고) 새솔내과 " + body + SMS_FOOTER)


# --- 백내장 named as a disease (its signs, a check-up) is no procedure owing a risk notice ---


@pytest.mark.parametrize(
    "body",
    [
        "백내장 초기 증상: 글씨가 겹쳐 보이면 안과 검진을 받아 보세요.",
        "백내장은 나이가 들면 누구에게나 올 수 있습니다. 60세 이상은 해마다 검진을 받으세요.",
        "녹내장·백내장 정기 검진 예약을 받습니다. 토요일 오전에도 검사합니다.",
        "백내장 자가진단표를 채널에 올렸습니다.",
    ],
)
def test_cataract_as_a_disease_in_an_ad_needs_no_risk_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" not in rule_ids("(광고) 새눈안과 " + body + SMS_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "백내장 수술 상담은 원장이 직접 합니다.",
        "백내장 검사 당일 수술 일정까지 잡아 드립니다.",
        "백내장이 의심되면 다초점 렌즈 상담을 받아 보세요.",
        "백내장, 이제 당일 퇴원.",
        "백내장 검진 주간, 라식 상담도 함께 받습니다.",
    ],
)
def test_cataract_operation_or_another_procedure_still_needs_the_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids("(광고) 새눈안과 " + body + SMS_FOOTER, "friendtalk")


def test_a_cataract_operation_with_its_notice_is_clean_of_omit_risk() -> None:
    text = "(광고) 새눈안과 백내장 수술 상담은 원장이 직접 합니다." + RISK + SMS_FOOTER
    assert "MSA-OMIT-RISK" not in rule_ids(text, "friendtalk")


# --- a clinician named by title on a broadcast (English) is article form, not a celebrity ---


@pytest.mark.parametrize(
    "body",
    [
        "Dr. Yoon appeared on KBS's morning health show last week.",
        "Dr. Han Seo-jin, who was featured on MBC News, now sees patients on Saturdays.",
        "Professor Lim has been interviewed by SBS about dry eye.",
        "Dr. Choi appeared on tvN. Book a consultation today.",
    ],
)
def test_a_clinician_on_a_broadcast_is_article_form_alone(body: str) -> None:
    found = rule_ids("(광고) Saesol Eye Clinic " + body + SMS_FOOTER, "friendtalk")
    assert "MSA-ARTICLE-FORM" in found
    assert "MSA-CELEBRITY" not in found


@pytest.mark.parametrize(
    "body",
    [
        "Actress Jung Ha-eun, who appeared on KBS dramas, chose our clinic for her LASIK." + RISK,
        "K-pop idol Minjun appeared on MBC after his LASIK here." + RISK,
    ],
)
def test_a_celebrity_on_a_broadcast_stays_a_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" in rule_ids("(광고) Saesol Eye Clinic " + body + SMS_FOOTER, "friendtalk")


def test_a_clinician_named_without_a_broadcast_is_neither() -> None:
    found = rule_ids("(광고) Saesol Eye Clinic Dr. Yoon now sees patients on Saturdays." + SMS_FOOTER, "friendtalk")
    assert not found & {"MSA-ARTICLE-FORM", "MSA-CELEBRITY"}


# --- "the only … clinic" followed by what it alone does is an 'only' claim (RULES.md: 유일), in care text too ---


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        (
            "(광고) Mirae Dental: the only dental clinic open on Sundays near Sinchon Station." + SMS_FOOTER,
            "sms",
            "advertising",
        ),
        (
            "(광고) Mirae Dental The only practice accepting walk-ins after 10 pm in Mapo." + SMS_FOOTER,
            "friendtalk",
            "advertising",
        ),
        (
            "[Mirae Dental] We are the only clinic in Sinchon open on Sundays. Your visit is confirmed for Dec 9.",
            "alimtalk",
            "informational",
        ),
        (
            "[Mirae Dental] As the only dental clinic in Mapo open at night, we book up fast. See you Dec 9.",
            "sms",
            "informational",
        ),
        (
            "[미래치과] 저희는 신촌역 근처에서 유일하게 일요일에도 진료하는 치과입니다. 예약은 12월 9일입니다.",
            "sms",
            "informational",
        ),
    ],
)
def test_the_only_clinic_doing_something_is_a_superlative(text: str, channel: str, purpose: str) -> None:
    assert "MSA-SUPERLATIVE" in rule_ids(text, channel, purpose)


@pytest.mark.parametrize(
    ("text", "channel", "purpose"),
    [
        (
            "[Mirae Dental] Our only weekend clinic runs on Saturdays 9 to 1. Your visit is Dec 9.",
            "sms",
            "informational",
        ),
        (
            "[미래치과] 밤에 아프시면 근처에서 유일하게 24시간 여는 곳은 세브란스병원 응급실입니다.",
            "sms",
            "informational",
        ),
        ("[Mirae Dental] The only thing to avoid today is hot food. Your next visit is Dec 9.", "sms", "informational"),
    ],
)
def test_an_only_that_claims_nothing_for_the_clinic_is_clean(text: str, channel: str, purpose: str) -> None:
    assert "MSA-SUPERLATIVE" not in rule_ids(text, channel, purpose)


# --- cheap places run down in a care or booking message are a disparagement (RULES.md MSA-DEFAME, any message) ---


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("[새빛치과] 임플란트는 싼 데는 다 이유가 있습니다. 12월 9일 오전 10시 상담 예약입니다.", "sms"),
        ("[새빛치과] 12월 9일 예약 확인드립니다. 저렴한 곳 찾다가 재수술하러 오시는 분이 많아요.", "alimtalk"),
        (
            "[Saebit Dental] Your consultation is on Dec 9. Cheap implant clinics cut corners, so choose with care.",
            "sms",
        ),
    ],
)
def test_cheap_places_run_down_in_a_care_message_are_a_disparagement(text: str, channel: str) -> None:
    assert "MSA-DEFAME" in rule_ids(text, channel, "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[새빛약국] 처방받은 인공눈물은 가까운 약국 어디서든 저렴한 곳에서 사셔도 됩니다.",
        "[새빛치과] 임플란트 비용이 저렴해진 이유는 만 65세 이상 건강보험 적용 때문입니다. 예약은 12월 9일입니다.",
    ],
)
def test_a_cheap_price_explained_runs_nobody_down(text: str) -> None:
    assert "MSA-DEFAME" not in rule_ids(text, "sms", "informational")


# --- a recheck said as a condition, with how the clinic follows it up, is how results are handled ---


@pytest.mark.parametrize(
    "text",
    [
        "[온빛검진센터] 검진 결과 재검이 필요한 항목은 개별 연락드립니다.",
        "[온빛검진센터] 결과에서 추가 검사가 필요하면 담당 간호사가 전화드립니다. 연락이 없으면 이상이 없는 것입니다.",
        "[온빛검진센터] 검사 결과 재확인이 필요한 경우 따로 문자로 안내드립니다.",
    ],
)
def test_a_recheck_as_a_condition_with_its_follow_up_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[온빛검진센터] 김하나님, 검진 결과 재검 항목이 있어 개별 연락드립니다.",
        "[온빛검진센터] 김하나님은 간 수치가 높게 나와 재검이 필요합니다. 따로 연락드립니다.",
        "[온빛검진센터] 검진 결과 재검이 필요합니다. 12월 12일에 내원해 주세요.",
    ],
)
def test_a_recheck_the_recipient_has_stays_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


# --- reviews or review rewards said not to be taken or offered are a policy, not a testimonial or an incentive ---


@pytest.mark.parametrize(
    "body",
    [
        "치료 후기는 받지 않습니다. 궁금한 점은 상담 때 물어봐 주세요.",
        "리뷰 이벤트는 진행하지 않습니다. 진료 예약 02-515-3300",
        "후기 작성 보상은 없습니다. 진료 예약 02-515-3300",
        "We never post patient reviews or testimonials.",
    ],
)
def test_reviews_said_not_to_be_taken_or_rewarded_are_clean(body: str) -> None:
    found = rule_ids("(광고) 온결치과 " + body + SMS_FOOTER, "friendtalk")
    assert not found & {"MSA-TESTIMONIAL", "MSA-REVIEW-INCENTIVE"}


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("내돈내산 후기, 광고 아닙니다.", "MSA-TESTIMONIAL"),
        ("실제 환자 후기를 블로그에 올렸습니다.", "MSA-TESTIMONIAL"),
        ("리뷰 이벤트! 후기 쓰면 스케일링 무료.", "MSA-REVIEW-INCENTIVE"),
    ],
)
def test_a_review_shown_or_rewarded_stays(body: str, rule: str) -> None:
    assert rule in rule_ids("(광고) 온결치과 " + body + SMS_FOOTER, "friendtalk")


# --- new equipment named as the cause of a closure or a changed booking is the schedule notice ---


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            "[라온안과] 새 검사 장비 도입으로 12월 9일 오전 검사실 이용이 어렵습니다. 오후로 예약을 바꿔 드렸습니다.",
            "alimtalk",
        ),
        ("[라온치과] 신규 장비 도입 관계로 12월 5일 오후 진료가 어렵습니다. 예약을 12월 6일로 옮겨 드렸습니다.", "sms"),
    ],
)
def test_new_equipment_as_the_cause_of_a_schedule_change_is_no_promotion(text: str, channel: str) -> None:
    assert not rule_ids(text, channel, "informational") & {"KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH"}


@pytest.mark.parametrize(
    "text",
    [
        "[라온안과] 새 검사 장비를 도입했습니다. 12월 9일 검사 때 만나보세요.",
        "[라온안과] 새 장비 도입으로 검사가 빨라졌습니다. 예약은 12월 9일입니다.",
        "[라온안과] 최신 라식 장비 도입으로 12월 9일은 휴진합니다. 10일부터 새 장비로 상담하세요.",
    ],
)
def test_new_equipment_sold_for_what_it_does_stays_a_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")


# --- a date or an interval after a test of a value is the booking's time, not a reading ---


@pytest.mark.parametrize(
    "text",
    [
        "[Sora Eye] Ms. Han, your glaucoma follow-up (visual field and eye pressure) is on Dec 13.",
        "[소라안과] 한지수님, 다음 안압 검사는 3개월 뒤입니다. 안약은 계속 넣어 주세요.",
        "[소라내과] 한지수님, 혈당 측정은 2주 후에 다시 합니다.",
    ],
)
def test_a_date_or_interval_after_a_test_of_a_value_is_no_reading(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[Sora Eye] Ms. Han, your eye pressure was 28 on Dec 13, so we changed your drops.",
        "[Sora Clinic] Your blood pressure reading on Dec 3 was 168/102. Please come in.",
        "[소라안과] 한지수님, 안압이 28로 높아 3개월 뒤 다시 검사합니다.",
    ],
)
def test_a_reading_beside_its_date_stays_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")


# --- who attends the patient's own booking is information about the appointment ---


@pytest.mark.parametrize(
    "text",
    [
        "[다솜치과] 이서준님, 예약하신 임플란트 상담에 새로 오신 박원장님이 함께합니다.",
        "[다솜치과] 이서준님, 12월 9일 예정된 진료는 새로 오신 박원장님이 담당합니다.",
    ],
)
def test_who_attends_the_patients_booking_is_no_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[다솜치과] 이서준님, 예약하신 상담에 대학병원 출신 박원장님이 함께합니다. 지금 예약하세요.",
        "[다솜치과] 새로 오신 박원장님을 소개합니다! 임플란트 상담 예약하세요.",
    ],
)
def test_a_new_doctor_sold_stays_a_promotion(text: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in rule_ids(text, "alimtalk", "informational")
