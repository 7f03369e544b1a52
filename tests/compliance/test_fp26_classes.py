"""Session 26 (fp26): false findings left in the readable corpus, judged on RULES.md and issue 17 — a frame's words
spread over a "※" risk notice, a school vacation named as a season with no student addressed, an English sentence
ending on "pain" glued to a "Free opt-out" — each checked on sentences written for these tests (not corpus lines):
the reading a reviewer who reads RULES.md gives, and its violating counterpart."""

from __future__ import annotations

import json

import pytest

from compliance.findings import RULES_DIR
from tests.support.compliance import rule_ids

SMS_FOOTER = " 무료수신거부 080-626-3310"


def test_the_rule_file_loads_with_a_class_per_check() -> None:
    checks = json.loads((RULES_DIR / "context_checks_s26_fp.json").read_text("utf-8"))["checks"]
    assert checks and all(check["class"] and check["rules"] for check in checks)


# --- a "※" notice starts a new sentence: its 부작용 is the sender's disclosure, not the harm of cheap clinics ---


@pytest.mark.parametrize(
    "body",
    [
        "구 평균 교정비보다 20% 저렴한 교정 ※교정 중 잇몸 통증 등 부작용이 생길 수 있고 개인차가 있습니다.",
        "저렴한 필러 시술 가격 안내 ※ 멍·붓기 등 부작용이 있을 수 있으며 효과는 개인마다 다릅니다.",
    ],
)
def test_a_price_line_before_a_risk_notice_disparages_no_one(body: str) -> None:
    assert "MSA-DEFAME" not in rule_ids("(광고) 하람치과 " + body + SMS_FOOTER)


@pytest.mark.parametrize(
    "body",
    [
        "싼 곳에서 받은 필러, 결국 부작용으로 고생하십니다. ※개인차가 있습니다.",
        "저렴한 임플란트의 함정, 재수술로 오시는 분이 많습니다. ※부작용이 있을 수 있습니다.",
    ],
)
def test_cheap_clinics_blamed_for_harm_in_one_sentence_stay_a_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in rule_ids("(광고) 하람치과 " + body + SMS_FOOTER)


# --- a school vacation as a season, with no student named, is no offer aimed at students ---


@pytest.mark.parametrize(
    "body",
    [
        "여름방학 맞이 등 여드름 관리 1회 19,000원 (정상가 60,000원) ※부작용·개인차가 있을 수 있습니다.",
        "방학 기간 특별 혜택! 기미 토닝 첫 회 30% 할인 ※부작용·개인차가 있을 수 있습니다.",
    ],
)
def test_a_vacation_offer_naming_no_student_is_no_student_lure(body: str) -> None:
    found = rule_ids("(광고) 윤슬피부과 " + body + SMS_FOOTER)
    assert "MSA-STUDENT-LURE" not in found
    assert "MSA-INDUCEMENT" in found  # the offer itself is still an inducement


@pytest.mark.parametrize(
    "body",
    [
        "여름방학 맞이 대학생 여드름 관리 1회 19,000원 ※부작용·개인차가 있을 수 있습니다.",
        "방학 기간 학생증 제시하시면 기미 토닝 30% 할인 ※부작용·개인차가 있을 수 있습니다.",
        "겨울방학 맞이 수험생 특별 혜택! 쌍꺼풀 상담 ※부작용·개인차가 있을 수 있습니다.",
        "이번 여름방학 시력교정 특가, 라섹 상담 예약 받습니다. ※부작용·개인차가 있을 수 있습니다.",
    ],
)
def test_a_vacation_offer_naming_students_stays_a_student_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" in rule_ids("(광고) 윤슬피부과 " + body + SMS_FOOTER)


# --- English: "… knee pain. Free opt-out" is two sentences, no "pain-free" claim ---


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[Seoul Joint Clinic] Our new video explains what helps with long-lasting knee pain. Free opt-out: 080-626-3310",
        "(광고) Mapo Spine Center: tips for lower back pain! Free to refuse: 무료수신거부 080-626-3310",
    ],
)
def test_pain_ending_a_sentence_before_free_is_no_safety_claim(text: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in rule_ids(text, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고)[Seoul Joint Clinic] Pain-free knee injections. Side effects may occur; results vary. "
        "Free opt-out: 080-626-3310",
        "(광고) Mapo Spine Center: pain free, scar free spine care. Results vary. 무료수신거부 080-626-3310",
    ],
)
def test_a_pain_free_claim_stays_a_safety_claim(text: str) -> None:
    assert "MSA-SAFETY-CLAIM" in rule_ids(text, "friendtalk")


# --- English: "lifting" named as the procedure (HIFU lifting, lifting treatments) is RULES.md's 리프팅 ---


@pytest.mark.parametrize(
    "body",
    [
        "HIFU lifting now booking for December.",
        "15% off lifting treatments this month for new patients.",
        "Non-surgical lifting sessions on Saturdays, 10 AM to 2 PM.",
    ],
)
def test_an_english_lifting_advertisement_without_a_notice_omits_the_risk(body: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids("(광고) Hana Skin Clinic " + body + SMS_FOOTER, "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "HIFU lifting sessions now booking. Swelling may occur; results vary.",
        "Back pain when lifting your child? Book a posture check.",
        "Avoid heavy lifting for two weeks after any back injection.",
    ],
)
def test_a_lifting_notice_or_an_everyday_lift_owes_no_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" not in rule_ids("(광고) Hana Spine Clinic " + body + SMS_FOOTER, "friendtalk")


# --- a patient's words quoted beside a review reward are still a testimonial; a quote given as an example is not ---


@pytest.mark.parametrize(
    "body",
    [
        '"두 번 만에 기미가 옅어졌어요" 소중한 후기 고맙습니다! 후기를 남겨 주시면 다음 방문 때 5천 포인트를 드려요.',
        '"My new crown feels just like my own tooth" — Jae P. Share your story with us and receive a coffee voucher!',
    ],
)
def test_a_quoted_patient_story_beside_a_review_reward_stays_a_testimonial(body: str) -> None:
    found = rule_ids("(광고) 다솜피부과 " + body + " ※부작용·개인차가 있을 수 있습니다." + SMS_FOOTER, "friendtalk")
    assert {"MSA-TESTIMONIAL", "MSA-REVIEW-INCENTIVE"} <= found


@pytest.mark.parametrize(
    "body",
    [
        '"상담이 친절했어요" 같은 짧은 리뷰를 남겨 주시면 다음 방문 때 5천 포인트를 드려요.',
        "진료 후기를 남겨 주시면 다음 방문 때 5천 포인트를 드려요.",
    ],
)
def test_a_review_reward_with_an_example_quote_is_the_review_incentive_alone(body: str) -> None:
    found = rule_ids("(광고) 다솜피부과 " + body + " ※부작용·개인차가 있을 수 있습니다." + SMS_FOOTER, "friendtalk")
    assert "MSA-REVIEW-INCENTIVE" in found
    assert "MSA-TESTIMONIAL" not in found
