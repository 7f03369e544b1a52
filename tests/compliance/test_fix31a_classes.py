"""Session 31 (fix31a): classes the blind training writer writer_s31_a (English and mixed English/Korean messages for
foreign and medical-tourism patients) showed — other providers at home or seen before said to have failed, the sender
set against "my dentist back home", a fraction of what clinics abroad quote, a city's prices, "not … like back home",
Japanese/Chinese price comparisons; free leisure perks, a service at ₩0, points or a share of the fee back, the next
session on the house, an agency's commission kept by booking direct; social-media posts and reviews rewarded; surveys
with rewards, expiring coupons and holiday greetings in AlimTalk; money-back and idiomatic guarantees; the clinic's
doctor on TV; a star's feature as the goal; star ratings and "read what they wrote"; a measured vision in an SMS; skin
lesion removals with an adjective — and the false readings beside them (half the price of clinics abroad read as a
discount, a surgeon's experience read as a patient's). Each on sentences written for these tests (not corpus lines),
beside the twin a reviewer who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import english_ad, info_alimtalk, info_sms, korean_ad, rule_ids

en_ad = partial(english_ad, clinic="Onsae Clinic")
ad = partial(korean_ad, clinic="온새의원")


# 1. other providers at home, or seen before, said to have failed — a comparison, and running them down
@pytest.mark.parametrize(
    "body",
    [
        'A patient from Perth: "Three surgeons back home could not fix my knee. Here I was walking on day two."',
        "The dentists you tried before sent you home with a quote. We send you home with the teeth they couldn't give you.",
    ],
)
def test_providers_elsewhere_said_to_have_failed(body: str) -> None:
    found = en_ad(body)
    assert {"MSA-COMPARISON", "MSA-DEFAME"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "Skin results your hometown dermatologist simply cannot match.",
        "Sent from doctor to doctor back home? Then you know why so many families fly to us for a diagnosis.",
        "Quicker than my eye doctor back home, and I could read the menu the same evening.",
        "Unlike the dentists in your country, we fit the crown within one trip.",
        "Veneers at half of what dentists in Sydney charge.",
        "Hair transplant at a third of London prices, with English-speaking staff.",
        "Grafts here cost less than 800 in Toronto.",
        "Scan, results and surgeon in one building — not weeks of referrals like back home.",
    ],
)
def test_the_sender_set_against_providers_abroad_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    ["大阪の半額で受けられるピコトーニング。", "比北京便宜很多的双眼皮手术。"],
)
def test_japanese_and_chinese_price_comparisons(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Please bring the X-rays from the clinics you visited before; our dentist reviews them first.",
        "If the doctors back home could not find the cause, send us your records and imaging first.",
        "Halal meals are served on the ward, just like back home.",
        "After the transplant you cannot wash your hair like at home for three days.",
        "We will send a written summary to your doctor back home after the visit.",
        "Consultation fee: ₩30,000; CT scan: ₩180,000. Prices in KRW; a USD conversion is shown for convenience.",
    ],
)
def test_records_from_other_doctors_or_comfort_like_home_compare_nothing(body: str) -> None:
    found = en_ad(body)
    assert "MSA-COMPARISON" not in found
    assert "MSA-DEFAME" not in found


# 2. half the price of clinics abroad is a comparison, not money off — unless the sentence offers a deal too
def test_half_the_price_of_clinics_abroad_is_no_discount() -> None:
    found = en_ad("Crowns at half the price of clinics in Melbourne.")
    assert "MSA-COMPARISON" in found
    assert "MSA-INDUCEMENT" not in found
    assert "MSA-INDUCEMENT" not in en_ad("Spine care on a par with Germany — at half the cost, with Arabic support.")


def test_half_the_price_with_a_deadline_is_still_an_offer() -> None:
    assert "MSA-INDUCEMENT" in en_ad("This month only: crowns at half the price, 50% off every crown.")


# 3. free perks, ₩0, points back, the next session on the house, an agency's commission kept
@pytest.mark.parametrize(
    "body",
    [
        "Laser package with 2 free hotel nights.",
        "Skin analysis and consultation: ₩0 for first-time visitors from abroad.",
        "Every treatment earns 5% back in points for your next stay.",
        "Earn 20,000 points on your first peel.",
        "Book a peel today — your second session is on us.",
        "Skip the broker, keep their 25% fee in your pocket and book with us directly.",
    ],
)
def test_perks_and_money_back_are_inducements(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


def test_agency_fee_saved_in_chinese() -> None:
    assert "MSA-INDUCEMENT" in ad("省下中介费，直接预约。")


@pytest.mark.parametrize(
    "text",
    [
        "Onsae Clinic: your booking for 6/2 is confirmed. Your partner gets a complimentary massage while you wait!",
        "Onsae Clinic: see you Friday! Your next LED session is on the house.",
    ],
)
def test_a_perk_in_a_booking_sms_makes_it_a_promotion(text: str) -> None:
    assert {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} <= info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Onsae Clinic: free parking is available for 2 hours; the hotel shuttle is not run by the clinic.",
        "Onsae Clinic: free hotel pickup from Myeongdong at 09:00 on your surgery day; please wait in the lobby.",
        "Onsae Clinic: your follow-up visit on 6/3 is included in the surgery fee, so there is nothing to pay.",
        "Onsae Clinic: VAT refund — you can get about 7% back at the airport refund counter with our certificate.",
    ],
)
def test_facilities_included_visits_and_tax_refunds_offer_nothing(text: str) -> None:
    found = info_sms(text)
    assert "MSA-INDUCEMENT" not in found
    assert "ADV-PURPOSE-MISMATCH" not in found


@pytest.mark.parametrize(
    "body",
    [
        "Hotel nights are not included; we can recommend hotels nearby.",
        "We pay no commission to agencies; you may book directly or through a registered agent.",
    ],
)
def test_excluded_perks_and_a_no_commission_notice_offer_nothing(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


# 4. posts and reviews rewarded
def test_a_social_media_post_for_money_back_is_a_review_incentive() -> None:
    found = info_alimtalk(
        "[Onsae Clinic] Join our ambassador programme: share your recovery on TikTok and get 20% off your next visit."
    )
    assert "MSA-REVIEW-INCENTIVE" in found
    found = info_sms("Onsae Clinic: Write us a Naver review and your next facial is on us.")
    assert {"MSA-REVIEW-INCENTIVE", "ADV-PURPOSE-MISMATCH"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "[Onsae Clinic] Please do not post photos of other patients on social media.",
        "[Onsae Clinic] You may share your story on Instagram if you wish; there is no reward and it does not affect your care.",
        "[Onsae Clinic] If you'd like, leave us a review on Google. No rewards are given for reviews.",
    ],
)
def test_a_post_without_a_reward_is_no_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in info_alimtalk(text)


# 5. AlimTalk black list: surveys with rewards, expiring coupons, holiday greetings
@pytest.mark.parametrize(
    "text",
    [
        "[Onsae Clinic] Rate today's consultation in 1 minute and get a free drink voucher.",
        "[Onsae Clinic] Complete our short survey for a chance to win a Starbucks gift card.",
        "[Onsae Clinic] Your 20,000-point reward expires on 6/30 — use it before then!",
        "[Onsae Clinic] Ramadan Kareem to you and your loved ones!",
        "[Onsae Clinic] Happy Diwali from the whole team in Seoul!",
    ],
)
def test_alimtalk_black_list_in_english(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" in info_alimtalk(text)


@pytest.mark.parametrize(
    "text",
    [
        "[Onsae Clinic] Your consent form and pre-op questionnaire are attached; please bring them on 5/2.",
        "[Onsae Clinic] Your referral letter expires on 6/30; please bring it to your first visit.",
        "[Onsae Clinic] The clinic is closed for Eid al-Fitr on 3/30–3/31 and reopens on 4/1. Eid Mubarak!",
        "[Onsae Clinic] Chuseok hours: open 9/17 10:00–14:00; your appointment is unchanged.",
    ],
)
def test_forms_documents_and_holiday_hours_are_information(text: str) -> None:
    assert "KAKAO-ALIMTALK-BLACKLIST" not in info_alimtalk(text)


# 6. guarantees by refund or idiom
@pytest.mark.parametrize(
    "body",
    [
        "Clear skin in 8 weeks or your fee back.",
        "Full refund if you don't see results.",
        "A foolproof way to lose the double chin.",
        "Results you can count on, from the first session.",
    ],
)
def test_refund_promises_and_idioms_of_certainty_are_guarantees(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Deposits are refunded in full if you cancel 7 days before surgery.",
        "No treatment is foolproof; your surgeon will explain the risks at consultation.",
    ],
)
def test_a_deposit_policy_or_a_disclaimer_promises_nothing(body: str) -> None:
    assert "MSA-GUARANTEE" not in en_ad(body)


# 7. the clinic's doctor on TV; a star's feature as the goal
def test_the_doctor_on_tv_is_article_form() -> None:
    assert "MSA-ARTICLE-FORM" in en_ad(
        "Dr. Han appeared on KBS's health show last month — watch the clip before you visit."
    )


@pytest.mark.parametrize(
    "body",
    [
        "A film crew from MBC will shoot the lobby on 6/3; no patients will be filmed.",
        "Dr. Han is on leave this week; the TV in the waiting room shows your queue number.",
    ],
)
def test_a_film_crew_or_a_waiting_room_tv_is_no_broadcast_claim(body: str) -> None:
    assert "MSA-ARTICLE-FORM" not in en_ad(body)


def test_a_stars_feature_as_the_goal_is_celebrity() -> None:
    assert "MSA-CELEBRITY" in en_ad("Want Jennie's lips? Book a filler consultation in English.")
    assert "MSA-CELEBRITY" not in en_ad("Dr. Kim's nose technique uses your own cartilage.")


# 8. ratings and patients' words pointed to; a surgeon's experience is not a patient's
@pytest.mark.parametrize(
    "body",
    [
        "Rated 4.8/5 by 1,200 patients from 30 countries.",
        "Read what our Japanese patients wrote after their first session.",
    ],
)
def test_ratings_and_patients_words_are_testimonials(body: str) -> None:
    assert "MSA-TESTIMONIAL" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "We do not display star ratings; ask us for our complication figures instead.",
        "Read what your surgeon wrote on the aftercare sheet before you fly.",
        "Thread lifts by our most experienced injectors, Tuesday to Saturday.",
    ],
)
def test_no_ratings_or_the_staffs_experience_is_no_testimonial(body: str) -> None:
    assert "MSA-TESTIMONIAL" not in en_ad(body)


# 9. a measured vision in an SMS
def test_a_measured_vision_in_sms_is_health_data() -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms("Onsae Eye Clinic: your vision without glasses was 0.2 in both eyes.")
    assert "PII-HEALTH-IN-SMS" not in info_sms(
        "Onsae Eye Clinic: your vision will be tested first; the visit takes 2 hours."
    )


# 10. a removal named after an adjective is still a named procedure
def test_an_adjective_does_not_hide_the_procedure() -> None:
    bare = "(광고) Onsae Skin\nPainless wart removal over lunch.\n무료수신거부 080-515-2290"
    assert "MSA-OMIT-RISK" in rule_ids(bare, "friendtalk", "advertising")
    assert "MSA-OMIT-RISK" not in en_ad("Painless wart removal over lunch.")
