"""Session 29 (fix29c): English and mixed classes the blind training writer writer_s29_c showed — celebrities by title,
pageant or sporting role, programmes aimed at exam takers, referral credit and prize draws, a patient's video diary,
"only at our center", "Korea's first clinic to offer", other providers run down in English (frames_s29_c.json) — and
the false readings beside them (context_checks_s29_c.json): a patient's quoted words read as the clinic's safety claim,
pain gone for good read as a safety claim beside its guarantee, celebrities said not to be used, a campaign's photos,
a promotion only named in AlimTalk, a return flight, a satisfaction ranking. Each on sentences written for these tests
(not corpus lines), beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, rule_ids

en_ad = partial(english_ad, clinic="Saegyeol Clinic")
alim = partial(care_note, clinic="Saegyeol Clinic")


def en_sms_ad(body: str) -> set[str]:
    """An English advertising SMS with its label, sender, risk notice and free opt-out."""
    return rule_ids(
        f"(광고) Saegyeol Clinic\n{body}\nSide effects may occur; results vary.\n무료수신거부 080-414-2291",
        "sms",
        "advertising",
    )


# 1. celebrities by title, pageant or sporting role (RULES.md MSA-CELEBRITY)
@pytest.mark.parametrize(
    "body",
    [
        "A retired national-team fencer chose our rhinoplasty team last spring.",
        "Two Miss Korea contestants prepare for the pageant here every year.",
        "A gold-medal figure skater trusts our sports dermatology clinic with her skin.",
        "Miss World finalists from Asia picked our eyelid surgeons before the final.",
    ],
)
def test_english_celebrity_by_title_or_sport_is_an_endorsement(body: str) -> None:
    assert "MSA-CELEBRITY" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our surgeon, a former national-team fencer himself, explains every step in English.",
        "Our campaign features brand model Kim Ha-yoon (image model, not a patient).",
        "Runners and cyclists with knee pain can book a sports-injury consultation.",
        "Dr. Park served as team doctor for the national archery team for ten years.",
    ],
)
def test_a_clinicians_past_an_image_model_or_amateur_athletes_are_no_endorsement(body: str) -> None:
    assert "MSA-CELEBRITY" not in en_ad(body)


# 2. programmes aimed at exam takers and students (RULES.md MSA-STUDENT-LURE)
@pytest.mark.parametrize(
    "body",
    [
        "Post-CSAT vision correction package for high-school seniors — consultations open in December.",
        "수능 끝! A skin-reset program for students who just finished the Suneung.",
        "Acne treatment package for high-school students this winter — book a consultation.",
    ],
)
def test_a_programme_aimed_at_exam_takers_is_a_student_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Meningitis vaccination sessions for students entering university dormitories — bring your record.",
        "Our school screening results will be mailed to the guardian of each student.",
        "Exam season tips: sleep well, drink water and take short walks between study sessions.",
    ],
)
def test_a_vaccination_a_school_screening_or_advice_is_no_student_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" not in en_ad(body)


# 3. referral credit and prize draws (RULES.md MSA-INDUCEMENT)
@pytest.mark.parametrize(
    "body",
    [
        "Bring a colleague to your check-up and earn 20,000 won in points.",
        "Refer two friends this month and receive USD 40 credit toward your next peel.",
        "Enter the draw: tag 3 friends and one follower wins a free laser toning course.",
        "Giveaway! One lucky follower wins a free Botox session — like and share to enter.",
    ],
)
def test_english_referral_credit_or_a_prize_draw_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Referrals from your GP are welcome; please bring the referral letter.",
        "We draw blood for the lab test in the morning, fasting from midnight.",
        "Winter hours: Mon–Sat 10:00–19:00; consultations in English by appointment.",
        "Winner of the national hospital accreditation in 2024 (Ministry of Health and Welfare).",
    ],
)
def test_a_referral_letter_a_blood_draw_or_winter_hours_offer_nothing(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


# 4. a patient's video diary shown to show the effect (RULES.md MSA-TESTIMONIAL)
@pytest.mark.parametrize(
    "body",
    [
        "Watch Min-ji's recovery diary on our channel and see how her nose settled week by week.",
        "Follow Daniel's 8-week hair transplant vlog — his journey, in his own words.",
        "Hear how Priya's skin changed: her story, her words, on our YouTube.",
    ],
)
def test_a_patients_vlog_or_story_in_her_words_is_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in en_sms_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Keep your own diary of swelling and pain for the first week and bring it to your check.",
        "Our YouTube channel shares the doctor's lectures on skin care.",
    ],
)
def test_a_care_diary_or_a_doctors_lecture_is_no_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in en_sms_ad(body)


# 5. a treatment said to be available only at the sender (RULES.md MSA-SUPERLATIVE: only, 국내 유일)
@pytest.mark.parametrize(
    "body",
    [
        "Our 3D-guided implant technique, only at our clinic in Busan.",
        "A scar-laser protocol you won't find anywhere else in Seoul.",
        "Hair regeneration therapy available exclusively at our center.",
    ],
)
def test_a_treatment_only_at_our_center_is_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Card payment is available only at the front desk on the 2nd floor.",
        "Laser sessions are booked only at our clinic's reception, not by phone.",
        "This laser is also available at many dermatology clinics; we explain which option suits you.",
    ],
)
def test_logistics_only_at_the_front_desk_is_no_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in en_ad(body)


# 6. the first to introduce or offer a treatment in a country (RULES.md MSA-UNVERIFIED: 최초 도입)
@pytest.mark.parametrize(
    "body",
    [
        "Seoul's first clinic to introduce the new 1064 nm picosecond laser for melasma.",
        "We were the first in Korea to offer AI-planned implant surgery.",
        "Asia's first-ever center to perform this robotic knee procedure.",
    ],
)
def test_first_in_korea_to_offer_is_unverified(body: str) -> None:
    assert "MSA-UNVERIFIED" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Your first session includes a skin analysis; the second follows two weeks later.",
        "First-time visitors to Korea: our coordinator meets you at the airport.",
        "Our first clinic in Busan opened in 2012; the Seoul branch followed.",
    ],
)
def test_a_first_session_or_a_first_branch_is_no_introduction_claim(body: str) -> None:
    assert "MSA-UNVERIFIED" not in en_ad(body)


# 7. other providers run down in English (RULES.md MSA-DEFAME)
@pytest.mark.parametrize(
    "body",
    [
        "Cheap overseas hair-transplant trips look tempting, but their grafts fail within a year.",
        "Those sloppy pop-up injectors leave lumps; we see their results every week.",
        "Turkish clinics use knock-off implants and disappear after the surgery.",
        "Went to a walk-in injector? Most of the uneven lips we see are what they botched.",
    ],
)
def test_english_others_given_a_verdict_of_harm_are_disparaged(body: str) -> None:
    assert "MSA-DEFAME" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Coming from a clinic abroad? Bring your X-rays and the implant brand card to the first visit.",
        "Patients who had Botox elsewhere should wait three months before a new session.",
        "Tell us if you had fillers elsewhere; we need to know the product used.",
    ],
)
def test_a_patient_from_elsewhere_with_no_verdict_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in en_ad(body)


# 8. a patient's quoted words: the testimonial is the fault, not a safety claim of the clinic's
@pytest.mark.parametrize(
    "body",
    [
        'Maria from Lyon: "The injection was painless and I was back at the hotel in an hour." Read her review.',
        'Our patients say it best: "No pain at all, and the nurses were lovely" - see more reviews on our page.',
    ],
)
def test_a_patients_quoted_words_are_the_testimonial_not_a_safety_claim(body: str) -> None:
    found = en_ad(body)
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-SAFETY-CLAIM" not in found


@pytest.mark.parametrize(
    "body",
    [
        "Our painless laser toning leaves no downtime at all.",
        "Read our patients' reviews. Our procedure is completely painless with zero side effects.",
        'Read our reviews: "Lovely staff." Completely painless laser, zero downtime.',
    ],
)
def test_the_clinics_own_painless_claim_stays_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


# 9. pain gone for good: the guarantee, not a safety claim
@pytest.mark.parametrize(
    "body",
    [
        "Be pain-free for good: your knee pain will never come back after our injection.",
        "One session and you stay pain-free forever.",
    ],
)
def test_pain_gone_for_good_is_a_guarantee_not_a_safety_claim(body: str) -> None:
    found = en_ad(body)
    assert "MSA-GUARANTEE" in found
    assert "MSA-SAFETY-CLAIM" not in found


def test_a_painless_procedure_beside_the_promise_stays_a_safety_claim() -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad("A painless procedure with no needles, and your back pain will not come back.")


# 10. English negation of celebrity endorsements
@pytest.mark.parametrize(
    "body",
    [
        "We do not use celebrity endorsements; our surgeons' results speak through published data.",
        "No paid influencers, no celebrity endorsements - just board-certified surgeons.",
        "We have never hired K-pop idols to promote our clinic.",
    ],
)
def test_celebrities_said_not_to_be_used_are_no_endorsement(body: str) -> None:
    assert "MSA-CELEBRITY" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "K-pop idols trust our clinic for their skin before every tour.",
        "We don't hide it: a famous actress chose our eyelid surgery.",
    ],
)
def test_an_endorsement_beside_a_negated_word_stays(body: str) -> None:
    assert "MSA-CELEBRITY" in en_ad(body)


# 11. a campaign's photos; a promotion only named in AlimTalk
def test_campaign_photos_with_an_image_model_offer_nothing() -> None:
    body = "Our spring campaign photos feature model Park Ji-woo (image model only). Laser consultations open."
    assert "MSA-INDUCEMENT" not in en_ad(body)


def test_a_campaign_with_a_discount_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in en_ad("Our spring campaign: 20% off laser toning until April 30.")


def test_a_promotion_named_in_a_care_alimtalk_is_the_channel_rule_alone() -> None:
    found = alim("Your filler check is Tue 11:00. Our summer 프로모션 starts in June – stay tuned!")
    assert "KAKAO-ALIMTALK-PROMO" in found
    assert "MSA-INDUCEMENT" not in found


def test_a_promotion_with_its_discount_in_alimtalk_is_an_inducement_too() -> None:
    found = alim("Your filler check is Tue 11:00. Our summer 프로모션: 30% off all fillers in June!")
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= found


# 12. travel booking in care advice is no sales call
@pytest.mark.parametrize(
    "body",
    [
        "After your rhinoplasty, please do not book your return flight until the splint is removed on day 7.",
        "Please book your hotel within 15 minutes of the clinic for the first three nights.",
    ],
)
def test_booking_a_flight_or_hotel_in_care_advice_is_no_promotion(body: str) -> None:
    assert alim(body) == set()


def test_a_procedure_pressed_on_the_patient_in_alimtalk_stays_a_promotion() -> None:
    found = alim("Your check-up is Friday. While you are here, book your Botox session now at 30% off!")
    assert "KAKAO-ALIMTALK-PROMO" in found


# 13. a satisfaction ranking is the superlative, not a testimonial
@pytest.mark.parametrize(
    "body",
    [
        "Eyelid surgery no.1 in Seoul – 외국인 환자 만족도 1위 clinic for double eyelids.",
        "외국인 환자 만족도 1위 clinic for eyelid surgery in Gangnam.",
        "Patient satisfaction No.1 dental clinic in Itaewon.",
    ],
)
def test_a_satisfaction_ranking_is_a_superlative_not_a_testimonial(body: str) -> None:
    found = en_ad(body)
    assert "MSA-SUPERLATIVE" in found
    assert "MSA-TESTIMONIAL" not in found


def test_a_ranking_beside_a_quoted_review_keeps_the_testimonial() -> None:
    found = en_ad('만족도 1위 - 실제 환자 후기 "붓기가 금방 빠졌어요" 확인하세요.')
    assert "MSA-TESTIMONIAL" in found


# 14. English negation for the families that lacked it: a claim or offer the clinic says it does not make
@pytest.mark.parametrize(
    ("body", "rule"),
    [
        (
            "We never claim to be the best clinic in Gangnam; we publish our complication rates instead.",
            "MSA-SUPERLATIVE",
        ),
        ("We won't tell you this surgery is painless: expect soreness for three days.", "MSA-SAFETY-CLAIM"),
        ("We do not offer student discounts or exam-ticket deals.", "MSA-STUDENT-LURE"),
        ("We do not run lucky draws or giveaways for procedures.", "MSA-INDUCEMENT"),
    ],
)
def test_a_claim_or_offer_said_not_to_be_made_is_no_finding(body: str, rule: str) -> None:
    assert rule not in en_ad(body)


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("We never claim miracles, but our laser is completely painless.", "MSA-SAFETY-CLAIM"),
        ("We do not offer payment plans; our implants are the best value in Seoul.", "MSA-SUPERLATIVE"),
    ],
)
def test_a_claim_beside_an_unrelated_denial_stays(body: str, rule: str) -> None:
    assert rule in en_ad(body)
