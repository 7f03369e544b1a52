"""Session 32 (fix32d): classes the blind training writer writer_s32_d (English and mixed precision traps: care,
logistics, FAQ, records and fee messages to foreign patients, each beside its violating twin) showed — the false
readings of ordinary English (a nodule "seen on" a scan read as "as seen on TV", "Our No. 1 request", "best reached
on WhatsApp", seniors as school seniors, a patient whom no one noticed, an interview clip read as surgery footage)
and the claims the checker missed. Each on sentences written for these tests (not corpus lines), beside the twin a
reviewer who reads RULES.md reads the other way."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import english_ad, info_alimtalk, info_sms

en_ad = partial(english_ad, clinic="Hanul Clinic")


# 1. something seen on a scan or in public is no broadcast appearance
@pytest.mark.parametrize(
    "text",
    [
        "Hanul Clinic: Ms. Park, a small cyst was seen on your MRI; the doctor will explain it on Friday.",
        "Hanul Clinic: Most people feel ready to be seen in public after about a week of swelling.",
        "Hanul Clinic: The crack in your molar could only be seen on the 3D scan, so please keep Tuesday's slot.",
    ],
)
def test_something_seen_on_a_scan_or_in_public_is_no_article_form(text: str) -> None:
    assert "MSA-ARTICLE-FORM" not in info_sms(text)


@pytest.mark.parametrize(
    "body",
    [
        "The eyelid technique as seen on KBS Morning — book a consultation with Dr. Han.",
        "Our director was seen on Arirang TV's health hour last week; book the check-up he recommends.",
    ],
)
def test_a_broadcast_seen_on_stays_article_form(body: str) -> None:
    assert "MSA-ARTICLE-FORM" in en_ad(body)


# 2. a No. 1 among the sender's own instructions ranks nothing
@pytest.mark.parametrize(
    "text",
    [
        "[Hanul Clinic] Our No. 1 rule for tonight: keep your head raised on two pillows.",
        "[Hanul Clinic] The No. 1 question after LASIK is about eye drops — the schedule is on the sheet we gave you.",
        "[Hanul Clinic] No.1 tip after a peel: don't pick at the flakes; let them fall off by themselves.",
    ],
)
def test_a_no_1_instruction_is_no_superlative(text: str) -> None:
    assert "MSA-SUPERLATIVE" not in info_alimtalk(text)


@pytest.mark.parametrize(
    "body",
    [
        "Voted No. 1 request among overseas patients: our Gangnam eyelid package.",
        "Gangnam's No. 1 clinic for eyelid surgery, now with English consultations.",
    ],
)
def test_a_no_1_rank_stays_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in en_ad(body)


# 3. 'best' as an adverb of manner
@pytest.mark.parametrize(
    "body",
    [
        "English-speaking coordinators on weekdays. We are best reached by email at intl@hanul.kr.",
        "Laser sessions are best booked four weeks apart; ask the front desk for the next free slot.",
        "Questions about fees are best answered at the consultation, once the doctor has seen you.",
    ],
)
def test_best_as_an_adverb_is_no_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "The best eyelid surgeons in Seoul, with English consultations every day.",
        "Best reached results in Korea: our lifting team, voted top clinic by overseas patients.",
    ],
)
def test_the_best_clinic_stays_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" in en_ad(body)


# 4. seniors as older people
@pytest.mark.parametrize(
    "body",
    [
        "Gentle sedation that our anaesthetist adjusts for seniors over 70. Fee 180,000 won.",
        "Cataract consultations for seniors every Tuesday; special 10% family rate for the carer.",
    ],
)
def test_seniors_as_older_people_are_no_student_lure(body: str) -> None:
    assert "MSA-STUDENT-LURE" not in en_ad(body)


def test_high_school_seniors_stay_a_student_lure() -> None:
    assert "MSA-STUDENT-LURE" in en_ad("High-school seniors: 20% off LASIK once your exams are over.")


# 5. no one noticing, told as a patient's past experience
@pytest.mark.parametrize(
    "body",
    [
        "Our guest from Dubai flew home a week after her rhinoplasty and says no one at work noticed a thing.",
        "Real patient story: back at his desk ten days after eyelid surgery, and nobody in the office noticed a thing.",
    ],
)
def test_nobody_noticed_in_a_patients_story_is_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Eyelid surgery on Friday, back at work on Monday — nobody will ever know.",
        "Scarless thread lift: no one at the office will notice a thing.",
    ],
)
def test_nobody_will_know_stays_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


# 6. an interview clip is no surgery footage
@pytest.mark.parametrize(
    "body",
    [
        "Watch Dr. Han's interview about rhinoplasty recovery on our YouTube channel.",
        "After her rhinoplasty, Mia sat down for an interview — watch the clip on our YouTube channel.",
    ],
)
def test_an_interview_clip_is_no_surgery_footage(body: str) -> None:
    assert "MSA-SURGERY-SCENE" not in en_ad(body)


def test_the_operation_on_video_stays_surgery_footage() -> None:
    body = "Watch a full rhinoplasty, uncut, on our YouTube channel."
    assert "MSA-SURGERY-SCENE" in en_ad(body)


# 7. a review asked for and a fee taken off, waived or a session given at no charge for it; a review crew
@pytest.mark.parametrize(
    "body",
    [
        "Rate your visit 5 stars on Google Maps and we'll knock 30,000 won off your next scaling.",
        "Write us a review on Naver after your peel and your next LED session is at no charge.",
        "Your scalp booster is at no charge in exchange for three Instagram stories about your recovery.",
        "Join our international review crew and share your hair-transplant journey with us.",
    ],
)
def test_a_reward_for_a_review_is_a_review_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Reviews on Google are welcome; they do not change your fee and nothing is given for them.",
        "Your follow-up laser session is at no charge, as agreed in your treatment plan.",
        "Our review team answers every online comment within two working days.",
    ],
)
def test_a_review_without_a_reward_is_no_review_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in en_ad(body)


# 8. comparisons with providers elsewhere: a quoted 'than any … I ever had', the GP at home, other centres
@pytest.mark.parametrize(
    "body",
    [
        '"Gentler than any dentist I have ever been to in Sydney." — our guest Mark, after his implant.',
        "Your family doctor at home may give you ten minutes; we give you a whole afternoon with the specialist.",
        "Most imaging labs give you one reading of your MRI; here two radiologists read every scan.",
    ],
)
def test_a_comparison_with_providers_elsewhere_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Patients tell us they feel better than they have in years after a full check-up.",
        "Please send the report to your family doctor at home; he can follow up on the results.",
        "Other check-up centres can send us your earlier results; we compare them with today's scan.",
    ],
)
def test_providers_elsewhere_mentioned_factually_are_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in en_ad(body)


# 9. other places run down: factories, 'just drill and bill', prices low for a reason
@pytest.mark.parametrize(
    "body",
    [
        "Unlike the busy implant factories, we see only six patients a day.",
        "Fed up with clinics abroad that only upsell? Our coordinators quote one fixed fee.",
        "Hair transplants in Istanbul cost less — ask yourself why they are so cheap. Here a surgeon takes every graft.",
    ],
)
def test_other_places_run_down_are_a_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in en_ad(body)


def test_unlike_the_factories_in_a_care_message_is_a_disparagement() -> None:
    text = "Hanul Eye Clinic: Your LASIK is confirmed for 3 May. Unlike the LASIK factories, we never rush you."
    assert "MSA-DEFAME" in info_sms(text)


@pytest.mark.parametrize(
    "body",
    [
        "Prices differ between countries; our fee of 8,000,000 won includes the surgeon, anaesthesia and aftercare.",
        "Our doctors who just joined from Seoul National University Hospital see patients on Saturdays.",
        "The clinic is next to the old textile factories, five minutes from Exit 2.",
    ],
)
def test_prices_and_places_stated_are_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in en_ad(body)


# 10. a companion rewarded, an offer for the first N bookers
def test_a_friend_brought_along_for_free_visits_is_an_inducement() -> None:
    text = "Hanul Skin Clinic: Your peel is on Friday at 3 pm. Bring your sister along and both consultations are free."
    assert "MSA-INDUCEMENT" in info_sms(text)


def test_a_companion_who_interprets_is_no_inducement() -> None:
    text = "Hanul Skin Clinic: Your peel is on Friday at 3 pm. Bring a friend along to translate if you like."
    assert "MSA-INDUCEMENT" not in info_sms(text)


def test_the_first_n_bookers_at_a_price_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in en_ad("The first 30 patients this month pay 1,200,000 won for SMILE, both eyes.")


def test_the_first_sessions_of_a_course_are_no_inducement() -> None:
    assert "MSA-INDUCEMENT" not in en_ad("Your first 2 sessions are four weeks apart; the course fee is 600,000 won.")


# 11. a test said to catch every disease
@pytest.mark.parametrize(
    "body",
    [
        "Our whole-body scan detects every tumour at an early stage.",
        "A colonoscopy with our new scope never misses a polyp.",
    ],
)
def test_a_test_that_catches_everything_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "No screening can catch every cancer, so tell a doctor about new symptoms even after a normal result.",
        "The check-up is designed to find common conditions early; your report explains its limits.",
    ],
)
def test_the_limits_of_a_test_are_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in en_ad(body)


# 12. without the pain, no discomfort at all
@pytest.mark.parametrize(
    "body",
    [
        "Wisdom-tooth removal without the pain, thanks to our gentle sedation.",
        "Our new laser means there's no discomfort at all during the treatment.",
    ],
)
def test_a_procedure_without_pain_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Most patients need pain relief for 2–3 days; if the discomfort gets worse, call us.",
        "Extraction can rarely be done without any discomfort, so we numb the area and give you pain medicine.",
    ],
)
def test_pain_relief_and_advice_are_no_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in en_ad(body)


# 13. the clinic's doctor on a broadcast show
def test_the_director_on_a_health_show_is_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in en_ad("See Dr. Park on KBS's morning health show this Sunday, then book with her.")


def test_a_doctor_on_duty_is_no_article_form() -> None:
    body = "Our doctor on duty this Sunday is Dr. Park; the clinic is closed for a TV shoot on Monday."
    assert "MSA-ARTICLE-FORM" not in en_ad(body)


# 14. the patient's own medicine with its dose in an SMS
def test_the_patients_medicine_and_dose_in_an_sms_is_health_data() -> None:
    text = "Hanul Clinic: Your cephalexin 500 mg is ready at the front desk; take one capsule four times a day."
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hanul Clinic: Your prescription is ready at the front desk. Please collect it before 6 pm.",
        "Hanul Clinic: After the extraction you may take ibuprofen 400 mg for pain, up to three times a day.",
    ],
)
def test_a_prescription_or_general_advice_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


def test_the_medicine_in_an_alimtalk_is_no_sms_finding() -> None:
    text = "[Hanul Clinic] Your cephalexin 500 mg is ready at the front desk; take one capsule four times a day."
    assert "PII-HEALTH-IN-SMS" not in info_alimtalk(text)
