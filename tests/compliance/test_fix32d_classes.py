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
