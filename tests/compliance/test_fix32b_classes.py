"""Session 32 (fix32b): English readings by meaning of the classes the blind training writer writer_s32_b (English and
mixed messages to foreign patients: perks, review rewards, testimonials, influencers, celebrities, health details in
English SMS, promotion inside informational messages) showed missed — a review bought with any reward, a benefit offered
on a condition or for a period, patients' own content and a named patient's story, an influencer's code, a celebrity's
signed endorsement, an official team clinic, another country's prices and waiting lists, a test said to suggest a
condition, the patient's own medicine, a referral pitch, a patient's story pointed to in a care message, a newsletter in
AlimTalk, SMILE named in an ad — and the false readings beside them (a review asked for read as a testimonial, a review
reward denied, "everyone's booking" read as a promise). Each on sentences written for these tests (not corpus lines),
beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import english_ad, info_alimtalk, info_sms, rule_ids

en_ad = partial(english_ad, clinic="Sebit Clinic")


def bare_ad(body: str) -> set[str]:
    """An English FriendTalk ad with no risk notice (for MSA-OMIT-RISK)."""
    return rule_ids(f"(광고) Sebit Eye Clinic | {body} 무료수신거부 080-515-2290", "friendtalk", "advertising")


# 1. a review, rating or post asked for, with any reward for it
@pytest.mark.parametrize(
    "body",
    [
        "Drop us a 5-star rating on Google Maps and you'll be entered into our prize draw for a spa day.",
        "Every review you write on Naver this month earns you a ₩5,000 credit toward your next facial.",
        "Rated us 3 stars? Update it to 5 stars and your next peel is on us.",
        "Patients who rate us on Tripadvisor get priority slots for touch-ups.",
        "Share your recovery journey on Instagram and collect a gift card at the front desk.",
        "For each review you post, we donate ₩3,000 to a local shelter in your name.",
    ],
)
def test_a_review_with_a_reward_is_a_review_incentive(body: str) -> None:
    found = en_ad(body)
    assert "MSA-REVIEW-INCENTIVE" in found
    assert "MSA-INDUCEMENT" not in found  # a review reward is the review rule alone (conventions)


@pytest.mark.parametrize(
    "body",
    [
        "We'd really appreciate an honest review on Google — whatever you thought of us.",
        "Reviews help other patients; there is no reward for writing one, and every review is read by our manager.",
        "Our winter donation to the food bank is our own and isn't linked to reviews or visits.",
    ],
)
def test_a_review_asked_for_or_a_reward_denied_is_clean(body: str) -> None:
    found = en_ad(body)
    assert not found & {"MSA-REVIEW-INCENTIVE", "MSA-TESTIMONIAL", "MSA-INDUCEMENT"}


def test_a_post_op_review_with_free_parking_is_no_review_reward() -> None:
    text = "[Sebit Clinic] Your post-op review is on 3 Jul at 10:00; free parking is available in the basement."
    assert "MSA-REVIEW-INCENTIVE" not in info_sms(text)


# 2. a benefit offered on a condition, for a period or to a group
@pytest.mark.parametrize(
    "body",
    [
        "A welcome pack with sheet masks and a shopping voucher comes with every laser course booked in June.",
        "Book your implant consultation before 30 Sep and the CT scan fee is waived.",
        "Complimentary hotel night for new patients from Almaty who book rhinoplasty.",
        "We'll cover your taxi from Incheon when you book a full check-up.",
        "Free skin-analysis weekend — just walk in with your passport!",
    ],
)
def test_a_benefit_on_a_condition_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Consultation fee: ₩50,000, credited to the surgery fee only if your insurer requires it — ask for a written quote.",
        "Free parking is available for 2 hours when you book a morning slot; the car park is on B2.",
        "Feel free to bring a friend to the consultation for support; interpreters are available this month.",
        "Same-day implants are not risk-free; bone grafts are charged separately for every patient.",
    ],
)
def test_a_fee_or_an_amenity_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


@pytest.mark.parametrize(
    "text,rule",
    [
        (
            "[Sebit Clinic] Your scaling is confirmed for 3 May 10:00. Pay in full today and your fluoride varnish is free!",
            "ADV-PURPOSE-MISMATCH",
        ),
        (
            "[세빛의원] 예약 확정 / Ms. Omar, see you on 3 May. As a returning guest you'll get a complimentary LED session with any booking this month!",
            "KAKAO-ALIMTALK-PROMO",
        ),
    ],
)
def test_a_conditional_perk_in_a_care_message_is_promotion(text: str, rule: str) -> None:
    found = info_sms(text) if rule == "ADV-PURPOSE-MISMATCH" else info_alimtalk(text)
    assert {rule, "MSA-INDUCEMENT"} <= found


def test_logistics_in_a_care_message_are_no_promotion() -> None:
    text = "[Sebit Clinic] Your driver meets you at Gate 4 on 3 May; the ₩80,000 transfer is on the invoice you paid."
    assert not info_sms(text) & {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"}


# 3. patients' own content about their results; a named patient's story or interview
@pytest.mark.parametrize(
    "body",
    [
        "Our clients' vlogs about their jawline recovery now have over a million views.",
        "Watch our new chat with Fatima from Doha about her rhinoplasty and her first month after it.",
        "Read how Mr. Tanaka from Osaka finally ditched his glasses after one visit.",
    ],
)
def test_a_patients_own_story_is_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "New video: Dr. Kim explains, with subtitles, how a rhinoplasty is planned and what swelling to expect.",
        "Please send us photos of your scalp on day 7 so our nurse can check the grafts.",
    ],
)
def test_the_clinics_own_video_or_a_photo_request_is_no_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in en_ad(body)


def test_a_patients_story_pointed_to_in_a_booking_sms_is_a_purpose_mismatch() -> None:
    text = "[Sebit Clinic] Booking confirmed: 2 Jun 15:00. Her full story is on our blog — see how Ms. Lee from Busan got her confidence back!"
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


# 4. influencers and celebrities: a code, a signed endorsement, the official clinic of a team
@pytest.mark.parametrize(
    "body",
    [
        "Quote code MINA10 from beauty creator @minaglow and your first aqua peel is 10% off.",
        "Grab @seoulskinjen's exclusive code for 20% off a hydrafacial this week.",
        "A framed, signed poster from K-pop idol Jae now hangs in our waiting room.",
        "The singer Lina personally recommends Dr. Park to her fans.",
        "Official dental partner of the Busan FC squad — the dentists the players trust.",
    ],
)
def test_an_influencer_or_celebrity_endorsing_is_a_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "The Instagram account @seoulskinjen is not affiliated with us; its codes are not valid here.",
        "We do not use celebrities' signatures or photos in our advertising.",
        "Dr. Park gives a free public talk on eye safety in sport at the city library on 9 May.",
    ],
)
def test_a_disclaimer_or_a_public_talk_is_no_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" not in en_ad(body)


def test_everyone_booking_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in en_ad(
        "Our lifting program is the one everyone's talking about — see why every patient's booking it."
    )


# 5. another country's prices or waiting lists set against the sender
@pytest.mark.parametrize(
    "body",
    [
        "Fed up with Canadian waiting lists? Your cataract surgery can be done here the week you land.",
        "Veneers for a fraction of a typical Sydney quote, fitted in one trip.",
        "In Toronto you would wait a year for this scan; in Seoul it takes one morning.",
        "Implants for less than the average US deposit.",
    ],
)
def test_another_countrys_care_set_against_ours_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If you have a UK treatment plan already, bring the X-rays; we quote in KRW (about GBP 900).",
        "Flights from Toronto take about 13 hours; most patients stay in Seoul for five nights.",
    ],
)
def test_a_plan_from_home_or_a_flight_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in en_ad(body)


# 6. health details in an English SMS: a test said to suggest a condition, the patient's medicine, an allergy on file
@pytest.mark.parametrize(
    "text",
    [
        "[Sebit Eye] Mr. Grant, today's OCT is consistent with early glaucoma in the right eye; Dr. Yoo will call you.",
        "[Sebit Clinic] Ms. Park, your ultrasound points to two small fibroids; please book a follow-up.",
        "[Sebit Clinic] Mr. Ali, please keep taking your bisoprolol on the morning of surgery with a sip of water.",
        "[Sebit Dental] Ms. Reyes, Dr. Han has prescribed amoxicillin 500 mg for after tomorrow's extraction.",
        "[Sebit Clinic] Noted: latex allergy. We'll prepare a latex-free room for your visit on 4 May.",
    ],
)
def test_the_patients_own_finding_or_medicine_in_an_sms(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[Sebit Eye] Mr. Grant, your OCT results are ready; Dr. Yoo will go through them at your visit on 4 May.",
        "[Sebit Eye] If the scan shows any problem, the doctor will explain the options at your next visit.",
        "[Sebit Clinic] Please stop taking isotretinoin a month before your laser session, as advised at consultation.",
        "[Sebit Clinic] If you take blood thinners, tell us before your procedure. Your prescription is ready at 1F.",
    ],
)
def test_a_results_notice_or_general_advice_in_an_sms_is_clean(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


def test_the_same_finding_in_alimtalk_is_clean() -> None:
    text = "[세빛안과] 검사 결과 안내 / Mr. Grant, today's OCT is consistent with early glaucoma in the right eye."
    assert "PII-HEALTH-IN-SMS" not in info_alimtalk(text)


# 7. promotion inside informational messages: a referral pitch; a newsletter in AlimTalk
@pytest.mark.parametrize(
    "text",
    [
        "[Sebit Dental] Your check-up is due next month. Know anyone who needs a dentist who speaks English? Send them to us!",
        "[Sebit Clinic] Thanks for visiting today. Please spread the word to friends who are considering LASIK.",
    ],
)
def test_a_referral_pitch_in_a_care_sms_is_a_purpose_mismatch(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


def test_a_friend_told_how_to_book_is_no_referral_pitch() -> None:
    text = "[Sebit Clinic] As you asked, your brother can book his own consultation on +82-2-555-0101."
    assert "ADV-PURPOSE-MISMATCH" not in info_sms(text)


def test_a_newsletter_in_alimtalk_is_black_listed() -> None:
    text = (
        "[세빛의원] Sebit Wellness Newsletter, June issue: sleep and your skin, plus what your vitamin D number means."
    )
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)


def test_care_tips_for_the_patients_own_treatment_are_no_newsletter() -> None:
    text = "[세빛의원] 시술 후 안내 / Ms. Omar, aftercare tips for your peel: no scrubs for 5 days and SPF 50 each morning."
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


# 8. SMILE, the refractive procedure, named in an advertisement without a risk notice
def test_smile_surgery_in_an_ad_needs_a_risk_notice() -> None:
    assert "MSA-OMIT-RISK" in bare_ad("SMILE for short-sighted eyes: a 2 mm keyhole instead of a corneal flap.")


def test_a_dental_smile_is_no_procedure() -> None:
    assert "MSA-OMIT-RISK" not in bare_ad("Fresh teeth, fresh smile: English-speaking staff every Saturday.")
