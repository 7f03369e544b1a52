"""Session 27 (fix27d): English and mixed Korean/English classes the blind training writer writer_s27_d showed at
landing (rules/frames_s27_d.json, rules/context_checks_s27_d.json) — each on sentences written for these tests (not
corpus lines), beside the counterpart a reviewer who reads RULES.md leaves clean (or keeps)."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from tests.support.compliance import english_ad, info_alimtalk, info_sms

OPT_OUT = " 무료수신거부 080-123-4567"


def mixed_ad(body: str) -> set[str]:
    return english_ad(body, "하람의원 Haram Clinic")


# (1) English disparagement and comparison without a place word


@pytest.mark.parametrize(
    "body",
    [
        "Tattoo removal with outdated lasers only scars the skin. Come and see a modern one.",
        "Cheap knock-off fillers leave lumps under the skin; ours are imported from the maker.",
        "Hair removal on budget machines often burns darker skin.",
        "Old-fashioned lasers damage the skin barrier and leave pigment.",
    ],
)
def test_english_equipment_of_others_run_down_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our laser is serviced every month by the manufacturer.",
        "Laser hair removal can cause temporary redness; rarely it burns the skin, so tell us about any tanning.",
    ],
)
def test_own_equipment_or_a_risk_notice_is_not(body: str) -> None:
    assert "MSA-DEFAME" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Filler done at nail salons is behind many of the complications we treat every week.",
        "Botched eyelids from cheap walk-in clinics end up in our consultation room every month.",
        "Fillers injected at spas by unqualified staff are a common cause of complications.",
    ],
)
def test_english_unnamed_providers_blamed_for_bad_outcomes_are_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


def test_a_beauty_salon_blamed_is_a_disparagement_and_a_named_place_either_reading() -> None:
    text = "Lash lifts done in beauty salons are behind the eye infections we see each month."
    assert "MSA-DEFAME" in english_ad(text)
    assert disparagement_compares(text) is None  # a named place without a comparison of its own (session 28)


@pytest.mark.parametrize(
    "body",
    [
        "Complications after filler are rare, but call us at once if the skin turns white.",
        "We do not offer treatments at spas or salons; all procedures take place in our clinic.",
        "If you have had fillers at a salon, tell us so we can check for complications.",
    ],
)
def test_a_complication_notice_or_our_own_premises_is_not(body: str) -> None:
    assert "MSA-DEFAME" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Prescription diet pills leave you jittery and the weight piles right back on — our coaching program works with your habits instead.",
        "Steroid creams only mask the rash; our herbal care treats the cause instead.",
        "Painkillers just numb the ache for a day, and they wreck your stomach.",
    ],
)
def test_english_another_method_belittled_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If you take prescription diet pills, please tell us at the consultation.",
        "Keep taking the painkillers your doctor prescribed; we will plan the physiotherapy around them.",
    ],
)
def test_another_medicine_mentioned_for_care_is_not(body: str) -> None:
    assert "MSA-DEFAME" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    ["No assembly-line surgery here. Your surgeon sees you at every visit.", "We are not a factory-style clinic."],
)
def test_english_factory_clinic_put_down_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


def test_a_factory_in_another_sense_is_not() -> None:
    assert "MSA-DEFAME" not in english_ad("Our skin-care products are made in a factory in Osaka certified to GMP.")


@pytest.mark.parametrize(
    "body",
    [
        "Our cataract team uses the same lens systems as the major university hospitals, without the six-week wait.",
        "Our imaging is as well equipped as any university hospital.",
        "Implant planning on par with the top Gangnam clinics, at a neighbourhood practice.",
        "University hospitals와 같은 장비, 대기시간은 절반.",
    ],
)
def test_english_parity_with_a_kind_of_institution_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Our clinic is in the same building as Hangang University Hospital, 2nd floor.",
        "We send your scans to the same radiology team as last time.",
    ],
)
def test_one_hospital_as_a_place_is_not(body: str) -> None:
    assert "MSA-COMPARISON" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Been to a few clinics already? You'll feel the difference at your first consultation.",
        "Looked around Sinsa before? See why patients stay with us.",
        "Visited several clinics for your nose? Notice the difference in how we plan it.",
    ],
)
def test_english_rounds_of_other_clinics_with_a_difference_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in english_ad(body)


def test_a_second_opinion_is_not() -> None:
    body = "Been to a few clinics already? Bring their scans and estimates so we can review them with you."
    assert "MSA-COMPARISON" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Unlike most dermatology clinics that only prescribe creams, we look for the cause.",
        "Many hospitals, which just give you painkillers, miss the nerve problem.",
    ],
)
def test_english_other_clinics_that_only_hand_out_medicine_is_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


def test_other_clinics_named_for_records_is_not() -> None:
    body = "If other clinics that you visited gave you medicine, please bring the list."
    assert "MSA-DEFAME" not in english_ad(body)


# (2) testimonial by format


@pytest.mark.parametrize(
    "body",
    [
        "New on our YouTube channel: three LASIK patients talk frankly about their first week.",
        "Our reels this month: patients describing their recovery after eyelid surgery, in their own words.",
        "Episode 4 of our podcast: a patient opens up about her hair transplant.",
    ],
)
def test_english_patients_telling_their_treatment_on_a_channel_is_a_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "New on our YouTube channel: Dr. Han explains how LASIK candidates are screened.",
        "Our podcast this week covers sunscreen for the winter months.",
    ],
)
def test_a_channel_without_patients_telling_their_treatment_is_not(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "A recovery journal from week 1 to week 12 after rhinoplasty, written by Yuna herself, is on our blog.",
        "Read the patient's diary: day 1 to day 60 after her breast surgery.",
    ],
)
def test_english_patient_diary_is_a_testimonial_not_before_after(body: str) -> None:
    found = english_ad(body)
    assert "MSA-TESTIMONIAL" in found
    assert "MSA-BEFORE-AFTER" not in found


def test_diary_photos_side_by_side_stay_before_after() -> None:
    found = english_ad("Patient diary photos: day 1 vs day 90 after fat grafting, side by side.")
    assert "MSA-BEFORE-AFTER" in found


def test_a_symptom_diary_the_patient_keeps_is_not() -> None:
    assert "MSA-TESTIMONIAL" not in info_alimtalk(
        "Please keep a pain diary from day 1 after surgery and bring it on day 7."
    )


# (3) English inducement without a keyword


@pytest.mark.parametrize(
    "body",
    [
        "Prepay ₩500,000 and we'll add ₩600,000 to your treatment balance.",
        "Top up 2,000,000 won this month and get 2,400,000 won to spend on any laser.",
        "Load ₩300,000 onto your membership card and receive 20% extra.",
    ],
)
def test_english_prepaid_credit_with_a_bonus_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Prepayment of ₩500,000 holds your surgery date; the remaining ₩1,000,000 is due on the day.",
        "Your membership balance is ₩300,000 after today's session.",
    ],
)
def test_a_prepayment_or_balance_stated_is_not(body: str) -> None:
    assert "MSA-INDUCEMENT" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Spend 300,000 won on lifting and receive a home-care kit worth 90,000 won.",
        "Spend more than ₩1,000,000 this season and take home a cleansing device.",
    ],
)
def test_english_gift_over_a_spending_threshold_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in english_ad(body)


def test_spending_time_is_not() -> None:
    body = "Plan to spend 90 minutes with us: you get a full eye exam and a talk with the surgeon."
    assert "MSA-INDUCEMENT" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "오늘 밤 9시까지만 special price! 물광주사 ₩99,000",
        "Today only until 8 pm: jaw Botox ₩45,000.",
        "오늘 자정까지만 open price, 울쎄라 ₩590,000",
    ],
)
def test_a_price_held_until_an_hour_today_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in mixed_ad(body)


def test_todays_closing_hour_is_not() -> None:
    assert "MSA-INDUCEMENT" not in mixed_ad("오늘 오후 6시까지만 진료합니다. Reception closes at 5:30 pm.")


# (4) English guarantee by refund, redo or promise


@pytest.mark.parametrize(
    "body",
    [
        "Your money back if the melasma returns within six months.",
        "Full refund if the fat comes back after liposuction.",
        "Free retreatment if the spots reappear within a year.",
        "색소가 다시 생기면 full refund 해 드립니다.",
    ],
)
def test_english_refund_or_free_retreatment_if_it_returns_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Refunds: treatments you have not started can be refunded within 14 days.",
        "Melasma can return with sun exposure; wear sunscreen daily after your sessions.",
    ],
)
def test_a_refund_policy_or_a_recurrence_warning_is_not(body: str) -> None:
    assert "MSA-GUARANTEE" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Clear skin, or we keep treating you at no extra cost.",
        "We continue adjusting your aligners until you love your smile.",
    ],
)
def test_english_treatment_until_the_target_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in english_ad(body)


def test_treating_until_an_infection_clears_in_a_care_message_is_not() -> None:
    assert "MSA-GUARANTEE" not in info_alimtalk(
        "We will keep treating the eye with drops until the inflammation settles."
    )


def test_mixed_english_result_with_a_korean_promise_is_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in mixed_ad("Perfect line 보장합니다, 눈매 교정.")


def test_mixed_result_asked_about_is_not() -> None:
    assert "MSA-GUARANTEE" not in mixed_ad("Natural result를 원하시면 상담 때 말씀해 주세요, 눈매 교정.")


# (5) English safety claims without a pain or scar word


@pytest.mark.parametrize(
    "body",
    [
        "Mole removal that leaves no marks at all.",
        "Go back to the office with not a single trace of the treatment.",
        "Zero healing time after our thread lift.",
        "No recovery period needed: back to the gym the same evening.",
    ],
)
def test_english_no_trace_or_no_recovery_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Mole removal may leave a small mark that fades over months.",
        "Plan a recovery period of 5–7 days after the thread lift.",
        "There is no recovery room at our Sinsa branch, so sedation cases go to Gangnam.",
    ],
)
def test_a_mark_or_a_recovery_period_disclosed_is_not(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" not in english_ad(body)


def test_english_safe_every_time_is_a_safety_claim_not_a_guarantee() -> None:
    found = english_ad("Safe procedures for every patient, every single time.")
    assert "MSA-SAFETY-CLAIM" in found
    assert "MSA-GUARANTEE" not in found


def test_safety_beside_a_promised_result_keeps_the_guarantee() -> None:
    found = english_ad("Always safe, and guaranteed results for every patient.")
    assert "MSA-GUARANTEE" in found


# (6) celebrity by role


@pytest.mark.parametrize(
    "body",
    [
        "The clinic where a whole boy group had their skin treatments before the world tour.",
        "A K-drama lead chose us for his nose revision.",
        "A former prime minister received the same knee treatment here.",
    ],
)
def test_english_celebrity_by_role_is_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Dr. Oh, former president of the Korean Society of Plastic Surgeons, sees patients on Tuesdays.",
        "Our staff choir sang at the drama festival last week.",
    ],
)
def test_a_clinicians_office_or_a_drama_event_is_not(body: str) -> None:
    assert "MSA-CELEBRITY" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Dr. Yoon was interviewed on MBC News about dry eye.",
        "Our head surgeon appeared on SBS as a guest expert.",
    ],
)
def test_english_clinician_on_a_broadcast_is_article_form_not_celebrity(body: str) -> None:
    found = english_ad(body)
    assert "MSA-ARTICLE-FORM" in found
    assert "MSA-CELEBRITY" not in found


# (7) English review reward


@pytest.mark.parametrize(
    "body",
    [
        "Share your recovery photos on Instagram and earn ₩30,000 in treatment credit.",
        "Give us five stars on Google Maps and get a free LED session.",
        "Leave us a 5-star rating on Naver for 10% off your next peel.",
    ],
)
def test_english_review_or_rating_reward_is_review_incentive_not_inducement(body: str) -> None:
    found = english_ad(body)
    assert "MSA-REVIEW-INCENTIVE" in found
    assert "MSA-INDUCEMENT" not in found


def test_a_rating_asked_without_a_reward_is_not() -> None:
    assert "MSA-REVIEW-INCENTIVE" not in english_ad("You can rate your visit in the app; there is no reward for it.")


# (8) singles


@pytest.mark.parametrize(
    "body",
    [
        "A jawline that changes how colleagues see you.",
        "With a new nose, people will finally take you seriously.",
        "A smile that changes how strangers react to you.",
    ],
)
def test_english_how_others_will_treat_you_is_appearance(body: str) -> None:
    assert "MSA-APPEARANCE" in english_ad(body)


def test_how_staff_treat_patients_is_not() -> None:
    assert "MSA-APPEARANCE" not in english_ad("Our nurses will show you how the aftercare kit works.")


@pytest.mark.parametrize(
    "body",
    [
        "A scalp serum formulated in our own research lab.",
        "Our peptide booster, created at the clinic's own laboratory.",
    ],
)
def test_english_own_laboratory_method_is_unverified(body: str) -> None:
    assert "MSA-UNVERIFIED" in english_ad(body)


def test_a_blood_test_sent_to_a_laboratory_is_not() -> None:
    assert "MSA-UNVERIFIED" not in english_ad("Blood samples are analysed by an accredited outside laboratory.")


@pytest.mark.parametrize(
    "body",
    [
        "New surgery footage follows a complete rhinoplasty from the first incision to the last stitch.",
        "Our operating room video shows the whole procedure, step by step.",
    ],
)
def test_english_operation_video_with_its_steps_is_surgery_scene(body: str) -> None:
    assert "MSA-SURGERY-SCENE" in english_ad(body)


def test_no_recording_notice_is_not() -> None:
    body = "We do not record surgery video; the operating room is closed to cameras for your privacy."
    assert "MSA-SURGERY-SCENE" not in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Your cervical cytology report: LSIL. Please book a colposcopy.",
        "Biopsy result: CIN 2. Dr. Park will explain the next step.",
    ],
)
def test_english_cytology_grade_in_an_sms_is_health_data(body: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(body)


def test_a_test_explained_in_general_is_not() -> None:
    body = "A Pap smear checks for changes such as ASC-US or LSIL; your result will be in the app."
    assert "PII-HEALTH-IN-SMS" not in info_sms(body)


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for adding Seoul Bright Dental as your Kakao friend!",
        "Thanks so much for following Haram Clinic's channel.",
    ],
)
def test_english_thanks_for_adding_the_channel_is_blacklisted(body: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(body)


def test_thanks_for_a_booking_is_not() -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(
        "Thanks for booking with Haram Clinic: see you on 4 Feb at 10:00."
    )


@pytest.mark.parametrize(
    "body",
    [
        "We miss you, Jiwoo! Drop by and see our new skin-care room.",
        "It's been a while — come back and check out what's new at the clinic.",
    ],
)
def test_english_lapsed_patient_invited_back_is_promotion(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk(body)


@pytest.mark.parametrize(
    "body",
    [
        "Your annual eye check-up is due. Reply 1 to book a time.",
        "We miss you at the check-ups: your annual eye exam is due.",
    ],
)
def test_a_recall_that_is_due_is_not(body: str) -> None:
    assert "KAKAO-ALIMTALK-PROMO" not in info_alimtalk(body)


# (9) precision


@pytest.mark.parametrize(
    "body",
    [
        "Please wait at Gate No. 1; the shuttle leaves at 8:00.",
        "Your locker is No. 1 in the changing room; the key is at reception.",
    ],
)
def test_no_1_numbering_a_place_is_not_a_superlative(body: str) -> None:
    assert "MSA-SUPERLATIVE" not in info_alimtalk(body)


def test_no_1_clinic_stays_a_superlative() -> None:
    assert "MSA-SUPERLATIVE" in english_ad("Seoul's No. 1 clinic for hair transplants.")


@pytest.mark.parametrize(
    "body",
    [
        "Patients without a booking will be seen on arrival if a doctor is free.",
        "Children can only be seen on weekday mornings this month.",
    ],
)
def test_being_seen_on_a_day_is_not_article_form(body: str) -> None:
    assert "MSA-ARTICLE-FORM" not in info_sms(body)


def test_as_seen_on_tv_stays_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in english_ad("As seen on KBS: our dry-eye clinic.")


@pytest.mark.parametrize(
    "body",
    [
        "At the consultation you will see the surgeon and get a written quote.",
        "On the next screen you'll see the fee and the available times.",
    ],
)
def test_you_will_see_a_person_or_a_document_is_not_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in english_ad(body)


def test_you_will_see_a_result_stays_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in english_ad("After one session you will see the difference in your skin.")


def test_redo_specialist_for_other_clinics_work_is_a_comparison_not_a_title_or_guarantee() -> None:
    found = mixed_ad("눈 재수술 전문 — 다른 병원 수술 후 불만족 patients 상담 환영합니다.")
    assert "MSA-COMPARISON" in found
    assert "MSA-FAKE-TITLE" not in found
    assert "MSA-GUARANTEE" not in found


def test_a_free_redo_for_our_own_work_stays_a_guarantee() -> None:
    assert "MSA-GUARANTEE" in mixed_ad("수술 후 불만족 시 무료 재수술 해 드립니다.")
