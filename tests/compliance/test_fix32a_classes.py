"""Session 32 (fix32a): classes the blind training writer writer_s32_a (English and mixed idioms of comparison,
disparagement, safety, guarantees and superlatives) showed — the sender set above another provider or place by idiom
(beats, a cut above, can't match, never got back home), a contrast marker with another place, other providers run down
by idiom, another country set against the sender by 보다; pain and downtime denied by idiom, the safest; results for
life or perfect; a celebrity by role; lifetime-free or special-rate offers; a patient's medicine with its condition; the
clinic's specials in a care SMS; SMILE and BBL named without a notice — and the false readings beside them (a guarantee
denied, a fee policy, "be stopped", the surgeon going through options, surgery elsewhere welcomed, a scan that shows
whether, crowns made in the clinic's lab). Each on sentences written for these tests (not corpus lines), beside the twin
a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import english_ad, info_sms, korean_ad, rule_ids

en_ad = partial(english_ad, clinic="Dalbit Clinic")
ad = partial(korean_ad, clinic="달빛의원")


# 1. English: the sender above another provider or place by idiom
@pytest.mark.parametrize(
    "body",
    [
        "Our veneers beat anything you could buy back in London.",
        "Aftercare that the big hospitals abroad simply cannot match.",
        "A level of attention most dentists back home never give.",
        "Toronto-style queues for a cataract slot? Not here.",
        "Our lens surgeons are miles ahead of what you'll be offered back in Australia.",
        "Forget the long waits at the clinics in your country — our care is a cut above.",
    ],
)
def test_the_sender_set_above_others_by_idiom_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Please bring the records and X-rays from your dentist back home to your first visit.",
        "Our team will forward a written summary to your doctor back home after surgery.",
        "Book early: Saturday consultations fill up fast, and we cannot match every requested time.",
    ],
)
def test_the_patients_own_doctor_or_a_booking_note_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in en_ad(body)


# 2. English: a contrast marker with another place; mixed: another country set against the sender by 보다
@pytest.mark.parametrize(
    "body",
    [
        "Three scans in one visit, faster than a month of referrals back in the States.",
        "Unlike the walk-in laser bars, every session here is done by a dermatologist.",
    ],
)
def test_a_contrast_with_another_place_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Please arrive no later than 9 am; records from your dentist back home are welcome.",
        "SMILE uses a smaller incision than LASIK; your surgeon explains which suits you.",
    ],
)
def test_a_time_limit_or_procedure_fact_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    ["Crowns 호주보다 40% 저렴하게, same-week fitting!", "London보다 훨씬 빠르고 깨끗한 검진 환경."],
)
def test_a_country_set_against_the_sender_by_boda_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


def test_a_flight_compared_by_boda_is_no_comparison() -> None:
    assert "MSA-COMPARISON" not in ad("서울은 미국보다 비행시간이 짧아 수술 전후 일정 잡기가 수월합니다.")


# 3. English: other providers run down by idiom: a disparagement and a comparison (brief convention)
@pytest.mark.parametrize(
    "body",
    [
        "Other clinics still use outdated lasers. Why gamble with your skin?",
        "Had veneers done elsewhere and they chipped? That's what happens when corners get cut.",
        "Seen what comes back from those Bangkok package deals? We fix their work every week.",
    ],
)
def test_others_run_down_by_idiom_is_a_disparagement_and_comparison(body: str) -> None:
    found = en_ad(body)
    assert {"MSA-DEFAME", "MSA-COMPARISON"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "Had veneers done elsewhere? Bring your records and we will check them before planning.",
        "Older laser models are still safe; we chose a newer one for shorter sessions.",
    ],
)
def test_surgery_elsewhere_or_a_device_note_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in en_ad(body)


# 4. English: pain, downtime and risk denied by idiom; the safest
@pytest.mark.parametrize(
    "body",
    [
        "Tummy tuck on Friday, back at your desk on Monday good as new.",
        "Getting veneers is as easy as booking a haircut.",
        "Thread lift at lunch, and your colleagues won't even notice.",
    ],
)
def test_pain_or_downtime_denied_by_idiom_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


def test_the_safest_procedure_is_a_safety_claim_and_a_superlative() -> None:
    assert {"MSA-SAFETY-CLAIM", "MSA-SUPERLATIVE"} <= en_ad("Seoul's safest implants, placed by specialists.")


@pytest.mark.parametrize(
    "body",
    [
        "You won't notice the full result for about three months; swelling settles first.",
        "The safest way to get here from the airport is the limousine bus.",
    ],
)
def test_a_recovery_fact_or_travel_advice_is_no_safety_claim(body: str) -> None:
    found = en_ad(body)
    assert "MSA-SAFETY-CLAIM" not in found and "MSA-SUPERLATIVE" not in found


# 5. English: results for life or perfect; a guarantee denied is the notice the law wants
@pytest.mark.parametrize("body", ["Fuller lips, locked in for life.", "Just perfect vision from day one."])
def test_a_result_for_life_or_perfect_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Laser hair removal for every skin type, by appointment.",
        "Touch-ups may be possible, but no surgical result can be guaranteed.",
        "Our fees are the same for every patient; we do not offer discounts or packages.",
    ],
)
def test_a_risk_a_skin_type_a_denied_guarantee_or_fee_policy_is_no_guarantee(body: str) -> None:
    found = en_ad(body)
    assert "MSA-GUARANTEE" not in found and "MSA-INDUCEMENT" not in found


# 6. celebrity by role, lifetime-free and special-rate offers, SMILE/BBL without a notice
def test_a_celebrity_by_role_is_a_celebrity() -> None:
    assert "MSA-CELEBRITY" in en_ad("Trusted by a K-pop idol for her eyelid surgery.")


def test_an_amateur_player_is_no_celebrity() -> None:
    assert "MSA-CELEBRITY" not in en_ad("Our sports clinic is chosen by amateur footballers for knee rehab.")


@pytest.mark.parametrize(
    "body", ["Implant check-ups, free for life!", "Exam week: a special SMILE rate for students with ID."]
)
def test_a_lifetime_free_service_or_special_rate_is_an_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


def test_a_standard_rate_is_no_inducement() -> None:
    assert "MSA-INDUCEMENT" not in en_ad("Consultation at our standard rate of 50,000 KRW, the same for everyone.")


@pytest.mark.parametrize("body", ["SMILE on weekdays, English-speaking surgeons.", "Skinny BBL, planned in one visit."])
def test_smile_or_bbl_without_a_notice_omits_the_risk(body: str) -> None:
    text = f"(광고) Dalbit Clinic | {body} 무료수신거부 080-515-2290"
    assert "MSA-OMIT-RISK" in rule_ids(text, "friendtalk", "advertising")


def test_a_smile_in_lower_case_names_no_procedure() -> None:
    text = "(광고) Dalbit Dental | Whiter teeth for a brighter smile, by appointment. 무료수신거부 080-515-2290"
    assert "MSA-OMIT-RISK" not in rule_ids(text, "friendtalk", "advertising")


# 7. a patient's medicine with its condition in an SMS; the clinic's specials in a care SMS
def test_a_medicine_with_its_condition_is_health_data() -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms("[Dalbit Eye] Your timolol eye drops for glaucoma are ready to collect.")


def test_a_bare_refill_reminder_is_no_health_data() -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms("[Dalbit Eye] Your prescription is ready at the front desk.")


def test_the_clinics_specials_make_a_care_sms_promotional() -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms(
        "[Dalbit Skin] Thank you for visiting! See our website for our weekly specials."
    )


def test_a_specialist_is_no_special() -> None:
    assert "ADV-PURPOSE-MISMATCH" not in info_sms(
        "[Dalbit Skin] Your follow-up with our specialists is on Friday at 3 pm."
    )


# 8. false readings: 'be stopped', the surgeon going through options, surgery elsewhere, a scan that shows whether
def test_be_stopped_is_no_best() -> None:
    assert "MSA-SUPERLATIVE" not in en_ad("Contact lenses must be stopped a week before the eye tests.")


def test_the_surgeon_going_through_options_is_no_story() -> None:
    assert "MSA-TESTIMONIAL" not in en_ad(
        "Implant types differ, and your surgeon will go through the options with you."
    )


def test_surgery_elsewhere_welcomed_is_no_comparison() -> None:
    assert "MSA-COMPARISON" not in ad("Other clinic에서 시술 받으신 분도 상담 가능합니다. 이전 기록을 가져오세요.")


def test_a_scan_that_shows_whether_is_no_result() -> None:
    text = "(광고) Dalbit Dental | The CT scan at your consultation shows whether you need a graft. 무료수신거부 080-515-2290"
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "advertising")
