"""Session 33 (fix33a): classes the blind training writer writer_s33_a (English and mixed precision traps) showed —
the false readings withdrawn by their context (a discount said not to be given, a check-up free under a national
programme, 100% of a deposit returned, "before" as where the patient went before, clinical photos kept in the chart, a
survey said to carry no reward, a price set against others' average, a free redo after "not 100% satisfied", "not 100%
satisfied" as the patient's doubt) and the findings missed (a copay waived or topped up, points promised for a visit,
a review's free gift in AlimTalk, patients' interviews, a sportsman by role, other places' diagnoses run down, a
comparison invited with the former clinic, a price below others' average, the patient's medicine or finding in an
English SMS). Each on sentences written for these tests (not corpus lines), beside the twin a reviewer who reads
RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import care_note, english_ad, info_alimtalk, info_sms

en_ad = partial(english_ad, clinic="Onbit Clinic")


# 1. a discount said not to be given is a fee policy (context)
@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Dental] We do not discount implant fees; installment plans are available at reception.",
        "[Onbit Dental] Your bridge estimate is ₩1,800,000. We don't offer discounts, but you may pay in two parts.",
    ],
)
def test_a_discount_said_not_to_be_given_is_no_offer(text: str) -> None:
    found = info_sms(text)
    assert "MSA-INDUCEMENT" not in found and "ADV-PURPOSE-MISMATCH" not in found


def test_a_real_discount_in_an_informational_sms_stays_a_promotion() -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms("[Onbit Dental] Book this week and get a 20% discount on whitening!")


# 2. free because a national programme pays (context)
@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Your flu shot is free under the national vaccination programme for those over 65.",
        "[Onbit Clinic] The cervical screening is free of charge through the government-funded cancer screening.",
    ],
)
def test_free_under_a_national_programme_is_no_offer(text: str) -> None:
    found = info_sms(text)
    assert "MSA-INDUCEMENT" not in found and "ADV-PURPOSE-MISMATCH" not in found


# 3. 100% of a deposit returned or credited is a payment term (context)
@pytest.mark.parametrize(
    "body",
    [
        "Your booking deposit will be refunded 100% if you cancel 48 hours ahead.",
        "Your deposit comes back 100% as treatment credit on the day of your session.",
    ],
)
def test_a_deposit_returned_in_full_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If your skin does not clear in three months, we refund 100% of the fee.",
        "Not happy with the result? Get a 100% refund.",
    ],
)
def test_a_refund_bound_to_the_result_stays_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


# 4. "before" as a past visit; clinical photos for the chart (context)
def test_before_as_where_the_patient_went_is_no_before_photo() -> None:
    assert "MSA-BEFORE-AFTER" not in en_ad("Compare our follow-up care with the clinic you visited before.")
    assert "MSA-BEFORE-AFTER" in en_ad("See our before-and-after photos: real patients, real results.")


def test_clinical_photos_kept_in_the_chart_are_no_before_after_ad() -> None:
    note = "We take clinical before-and-after photos for your chart only; they are never used in advertising."
    assert "MSA-BEFORE-AFTER" not in care_note(note, clinic="Onbit Clinic")
    shown = "Before-and-after photos of last month's patients are now in our website gallery."
    assert "MSA-BEFORE-AFTER" in care_note(shown, clinic="Onbit Clinic")


# 5. a survey said to carry no reward (context)
def test_a_survey_without_reward_is_no_blacklist_content() -> None:
    plain = "We'd love your feedback in a short survey. There is no reward; it is completely optional."
    rewarded = "We'd love your feedback in a short survey — everyone who answers gets a coffee coupon!"
    assert "KAKAO-ALIMTALK-BLACKLIST" not in care_note(plain, clinic="Onbit Clinic")
    assert "KAKAO-ALIMTALK-BLACKLIST" in care_note(rewarded, clinic="Onbit Clinic")


# 6. a price below others' average is a comparison (frame); a percentage under it is also an offer, as fix28b
# reads "30% below the Gangnam average price" (the lead dropped fix33a's context check that withdrew it)
@pytest.mark.parametrize(
    "body",
    ["Our whitening costs 30% less than the Seoul average.", "Our scaling is priced lower than most clinics nearby."],
)
def test_a_price_below_others_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


def test_a_percentage_below_the_average_price_is_also_an_offer() -> None:
    assert "MSA-INDUCEMENT" in en_ad("Our whitening costs 30% less than the Seoul average.")


def test_a_time_below_average_compares_no_provider() -> None:
    assert "MSA-COMPARISON" not in en_ad("Recovery takes less than the average time for this procedure.")


# 7. a free redo after "not 100% satisfied" is the guarantee; the doubt alone is none (context)
def test_a_free_redo_after_dissatisfaction_is_the_guarantee_alone() -> None:
    found = en_ad("Not 100% satisfied with your new eyelids? Your revision is on us.")
    assert "MSA-GUARANTEE" in found and "MSA-INDUCEMENT" not in found


def test_not_fully_satisfied_asked_about_is_no_guarantee() -> None:
    assert "MSA-GUARANTEE" not in en_ad("Not 100% satisfied? Let us know and we will review your case.")


# 8. the patient's copay waived or topped up (frame)
@pytest.mark.parametrize(
    "body",
    [
        "No copay for first-time visitors: we absorb your share of the bill through June.",
        "Tired of insurance paperwork? We pay whatever your insurer won't reimburse, so you pay nothing.",
        "Zero copay at our clinic for every vaccination this winter.",
    ],
)
def test_a_copay_waived_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Your out-of-pocket is zero because the national programme covers it.",
        "[Onbit Clinic] Your copay for today's visit was ₩4,500; the receipt is attached.",
    ],
)
def test_a_copay_the_state_covers_is_no_offer(text: str) -> None:
    assert "MSA-INDUCEMENT" not in info_sms(text)


# 9. points promised for a visit (frame), a review's gift in AlimTalk (frame)
def test_points_promised_for_a_visit_are_a_promotion() -> None:
    found = info_alimtalk(
        "[Onbit Clinic] Come to your check-up on time and we will add 3,000 points to your membership."
    )
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"} <= found


def test_points_already_earned_promise_nothing() -> None:
    found = info_alimtalk(
        "[Onbit Clinic] You earned 1,200 points on your last visit; they have been added to your account."
    )
    assert "MSA-INDUCEMENT" not in found and "KAKAO-ALIMTALK-PROMO" not in found


def test_a_review_gift_in_alimtalk_is_a_promotion_too() -> None:
    found = info_alimtalk(
        "[Onbit ENT] Thanks for coming in. Leave a review on Naver and receive a free saline spray kit!"
    )
    assert {"KAKAO-ALIMTALK-PROMO", "MSA-REVIEW-INCENTIVE"} <= found
    plain = info_alimtalk("[Onbit ENT] Please leave a review if you like; no gift or reward is offered for reviews.")
    assert "KAKAO-ALIMTALK-PROMO" not in plain and "MSA-REVIEW-INCENTIVE" not in plain


# 10. patients' interviews (frame)
@pytest.mark.parametrize(
    "body",
    [
        "Real patients share their stories on our YouTube channel — see what changed for them.",
        "Watch our patients' interviews about their LASIK recovery.",
    ],
)
def test_patients_interviews_are_testimonials(body: str) -> None:
    assert "MSA-TESTIMONIAL" in en_ad(body)


def test_a_call_for_volunteers_with_consent_is_no_testimonial() -> None:
    body = "We are looking for patient volunteers for a short interview; please sign the consent form if you wish to take part."
    assert "MSA-TESTIMONIAL" not in en_ad(body)


# 11. a sportsman by role (frame)
@pytest.mark.parametrize(
    "body",
    [
        "An Olympic gold medallist chose us for her shoulder rehab.",
        "The national baseball team's ace pitcher trusts our physiotherapists.",
    ],
)
def test_a_sportsman_by_role_is_a_celebrity(body: str) -> None:
    assert "MSA-CELEBRITY" in en_ad(body)


def test_amateur_athletes_as_patients_are_no_celebrity() -> None:
    assert "MSA-CELEBRITY" not in en_ad("Our sports medicine clinic treats amateur athletes and weekend runners.")


# 12. other places' diagnoses run down; a comparison with the former clinic (frames)
def test_other_places_run_down_is_disparagement() -> None:
    assert "MSA-DEFAME" in en_ad("Treated somewhere else before? Other clinics miss these problems all the time.")
    assert "MSA-DEFAME" not in en_ad("Diagnosed somewhere else? Bring your slides and reports for a second opinion.")


def test_comparing_with_the_former_dentist_is_a_comparison() -> None:
    assert "MSA-COMPARISON" in en_ad("Compare our implants with your previous dentist's work.")


# 13. the patient's medicine or finding in an English SMS (frames)
@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Ms. Park, please stop your aspirin 7 days before the procedure.",
        "[Onbit Clinic] Take metformin 500 mg twice daily with meals, as prescribed for you.",
        "[Onbit Clinic] Ms. Park, the pathology report reads early melanoma.",
    ],
)
def test_the_patients_medicine_or_finding_in_an_sms(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Patients who take blood thinners such as warfarin should tell the nurse before surgery.",
        "[Onbit Clinic] Ms. Park, the pathology report reads benign; no further treatment is needed.",
    ],
)
def test_a_general_rule_or_a_benign_result_names_no_finding(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)
