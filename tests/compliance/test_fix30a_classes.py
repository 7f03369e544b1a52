"""Session 30 (fix30a): classes the blind training writer writer_s30_a (medical tourism, English and mixed messages)
showed — comparisons with the patient's own country that name no clinic (a waiting list at home, the surgeon back
home, a price abroad set against ours, 미국 가격의 1/3, 현지에서 몇 달씩), other countries' hospitals run down, patients
given up on elsewhere; travel perks and a passed-on agency commission as inducements; English review rewards, result
promises, "so safe you can fly", the surgeon other surgeons choose; health details without diagnosis words (a
reporting category, a blood pressure reading, a diagnosis code); a new treatment nudged in a payment SMS — and the
false readings beside them (a numbered parking gate, a new result in the portal, records from the doctor back home, a
perk said to be excluded). Each on sentences written for these tests (not corpus lines), beside the twin a reviewer
who reads RULES.md leaves clean."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support.compliance import english_ad, info_alimtalk, info_sms, korean_ad

ad = partial(korean_ad, clinic="온빛의원")
en_ad = partial(english_ad, clinic="Onbit Clinic")


# 1. English: waiting at home, the doctor back home, a price abroad — each set against the sender
@pytest.mark.parametrize(
    "body",
    [
        "Stuck on a two-year waiting list back home? Here your knee scan is done the day after you arrive.",
        "Waiting months in your home country for a cataract slot? With us, surgery follows within a week.",
        "Back home your dentist may give you ten minutes. Here you get a full hour in the chair with the same doctor.",
        "Most eye clinics in your country charge twice as much; in Seoul you get the same lens for less.",
        "UK prices for a full set of veneers run near GBP 12,000. Ours start at a third of that.",
        "Your surgeon in Toronto quoted CAD 9,000 for eyelids? Show us that quote and ours will come in at half.",
        "Dental crowns at a fraction of the Australian price, fitted in one trip.",
        "Wait times in the UK can stretch past a year; in Korea your scan is booked for the week you land.",
        "In Australia you would pay AUD 7,000 for this lens; with us it is AUD 2,600.",
    ],
)
def test_a_comparison_with_the_patients_country_is_a_comparison(body: str) -> None:
    assert "MSA-COMPARISON" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Please bring the X-rays and records from your dentist back home; our doctor reviews them here first.",
        "Wait at home for our coordinator's call; here we confirm your surgery slot by phone.",
        "Implant consultation in English. Fee 150,000 KRW (about USD 110); the price is the same for every patient.",
        "We send a written summary to your doctor back home, so your follow-up can continue there.",
    ],
)
def test_the_patients_own_doctor_or_a_currency_note_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "캐나다 비용의 절반! 교민 여러분 라섹 상담받으세요.",
        "호주에서 크라운 하나 값이면 여기서 두 개 합니다.",
        "고국에서는 수술까지 반년을 기다린다지요? 저희는 오신 주에 바로 수술 일정을 잡아 드립니다.",
        "현지에서 몇 주씩 대기하셨다면, 서울에서는 상담 다음 날 검사까지 끝납니다.",
        "서울에 오시면 캐나다에서 대기 중이던 무릎 수술을 이번 달 안에 받으실 수 있습니다.",
        "해외 클리닉들은 사후 관리를 대충 하지만, 저희는 귀국 후에도 화상으로 살펴 드립니다.",
    ],
)
def test_korean_comparison_with_another_country(body: str) -> None:
    assert "MSA-COMPARISON" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "해외에서 수술받으신 분은 이전 병원 진료기록을 가져오시면 저희가 먼저 검토해 드립니다.",
        "해외 송금 수수료는 은행마다 다르며, 저희 계좌로 원화 송금을 부탁드립니다.",
        "예약이 많아 검사까지 2주 정도 기다리실 수 있습니다. 저희는 순서대로 연락드립니다.",
    ],
)
def test_a_patient_from_abroad_or_a_wait_here_is_no_comparison(body: str) -> None:
    assert "MSA-COMPARISON" not in ad(body)


# 2. other countries' providers run down; patients given up on elsewhere
@pytest.mark.parametrize(
    "body",
    [
        "현지 의사들은 대충 보고 끝내지만, 저희는 한 시간씩 상담합니다.",
        "외국 병원들은 검사를 제대로 안 해 주지만, 본원은 모든 검사를 원장이 직접 확인합니다.",
    ],
)
def test_foreign_providers_run_down_is_a_disparagement(body: str) -> None:
    assert "MSA-DEFAME" in ad(body)


def test_a_foreign_hospitals_records_pass_no_verdict() -> None:
    assert "MSA-DEFAME" not in ad("외국 병원에서 받으신 검사 결과지는 첫 방문 때 지참해 주세요.")


@pytest.mark.parametrize(
    "body",
    [
        "Many who were told nothing could be done by doctors back home come to us for a second opinion on their eyelids.",
        "Patients told it could not be fixed by their previous surgeons turn to us for revision.",
    ],
)
def test_patients_given_up_on_elsewhere_is_a_disparaging_comparison(body: str) -> None:
    found = en_ad(body)
    assert "MSA-DEFAME" in found and "MSA-COMPARISON" in found


def test_our_own_surgeon_saying_what_is_not_possible_is_no_disparagement() -> None:
    found = en_ad("Our surgeon will tell you honestly if nothing more can be done for your nose.")
    assert "MSA-DEFAME" not in found and "MSA-COMPARISON" not in found


# 3. inducements in travel terms
@pytest.mark.parametrize(
    "body",
    [
        "Every jawline package now includes two nights at a Gangnam hotel and a Han River cruise tour.",
        "Book a full-mouth implant plan and it comes with a Busan day trip and airport pickup.",
        "Eyelid surgery plus flights: the airfare and hotel are at no cost to you.",
        "All-inclusive trip: surgery, hotel and a Nami Island tour in one price.",
        "Bring your whole family: their hotel stay is on the house while you recover.",
        "Come direct instead of through a broker and the broker's commission is taken off your surgery fee.",
        "Skip the agency: the agent's fee comes off your bill when you book with our desk.",
    ],
)
def test_travel_perks_and_a_passed_on_commission_are_inducements(body: str) -> None:
    assert "MSA-INDUCEMENT" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Implant fee 1,400,000 KRW per tooth. Flights and hotel are not included.",
        "All-inclusive price: surgery, anesthesia and two follow-up visits. Hotel is not included.",
        "We can arrange a hotel near the clinic on request; you settle the room rate with the hotel.",
        "Airport pickup can be booked for 90,000 KRW per trip; the price list is on our site.",
        "We pay no commission to agencies, so the fee is the same whether you book direct or through one.",
    ],
)
def test_a_priced_or_excluded_perk_is_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "안면윤곽 패키지에 제휴 호텔 3박과 동대문 쇼핑 투어가 포함됩니다.",
        "임플란트 예약하시면 부산 관광까지 다 챙겨 드립니다.",
    ],
)
def test_korean_travel_perks_in_a_package_are_inducements(body: str) -> None:
    assert "MSA-INDUCEMENT" in ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "수술비에는 마취와 검사가 포함되며, 호텔 숙박은 별도로 예약하셔야 합니다.",
        "수술 비용 420만 원(마취·검사 포함). 공항 픽업은 편도 9만 원으로 따로 신청하실 수 있습니다.",
    ],
)
def test_korean_perks_charged_separately_are_no_inducement(body: str) -> None:
    assert "MSA-INDUCEMENT" not in ad(body)


def test_a_free_tour_in_a_postscript_makes_a_care_sms_promotional() -> None:
    found = info_sms(
        "[Onbit Clinic] Your medical records are ready for pickup. "
        "P.S. Our winter check-up for overseas guests now comes with a free palace tour."
    )
    assert {"ADV-PURPOSE-MISMATCH", "MSA-INDUCEMENT"} <= found


def test_a_credit_toward_the_next_treatment_is_an_inducement() -> None:
    assert "MSA-INDUCEMENT" in en_ad("Refer a friend and receive a 50,000 KRW credit toward your next treatment.")


# 4. review rewards in English
@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Thanks for coming in! Post a Google review with five stars and mention it at checkout for a free"
        " scalp care session.",
        "[Onbit Clinic] Write us a review on Naver, then bring the screenshot next time for a complimentary sheet mask"
        " facial.",
    ],
)
def test_a_review_ask_with_a_reward_further_on_is_a_review_incentive(text: str) -> None:
    found = info_alimtalk(text)
    assert "MSA-REVIEW-INCENTIVE" in found and "KAKAO-ALIMTALK-PROMO" in found


@pytest.mark.parametrize(
    "body",
    [
        "Become a skin ambassador: your peel is free in exchange for a short video on Instagram.",
        "A discounted filler session in exchange for an honest review on your blog.",
    ],
)
def test_treatment_in_exchange_for_a_post_is_a_review_incentive(body: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" in en_ad(body)


@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] If you wish, leave an honest review on Google. No rewards are given and it will not affect your"
        " care.",
        "[Onbit Clinic] Your next visit is on 3/14. Please bring your free parking ticket to the front desk.",
    ],
)
def test_an_honest_review_ask_or_free_parking_is_no_review_incentive(text: str) -> None:
    assert "MSA-REVIEW-INCENTIVE" not in info_alimtalk(text)


# 5. English guarantees, safety, superlative
@pytest.mark.parametrize(
    "body",
    [
        "You'll fly home with exactly the eyes you picked from our gallery.",
        "You will walk out with the jawline you described at your consultation.",
        "Perfect results for every overseas guest. That's our guarantee.",
    ],
)
def test_the_result_asked_for_promised_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "Bring photos of the look you like; the surgeon will explain what is realistic for your face.",
        "We answer every message within a day, in your language. That's our pledge.",
    ],
)
def test_photos_to_discuss_or_a_service_promise_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in en_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "A thread lift so gentle you can fly home the same evening.",
        "Laser eye surgery so safe that patients are back on a plane the next day.",
        "Take your flight home the day after your lift without a worry.",
    ],
)
def test_so_safe_you_can_fly_is_a_safety_claim(body: str) -> None:
    assert "MSA-SAFETY-CLAIM" in en_ad(body)


def test_when_flying_is_allowed_is_care_text() -> None:
    assert "MSA-SAFETY-CLAIM" not in en_ad(
        "Most patients can fly 3 days after surgery; your doctor confirms it at the check-up."
    )


@pytest.mark.parametrize(
    "body",
    [
        "Implants placed by the dentist other dentists send their own parents to.",
        "Meet the ophthalmologist fellow ophthalmologists choose for their own children.",
    ],
)
def test_the_doctor_other_doctors_choose_is_a_superlative_not_a_comparison(body: str) -> None:
    found = en_ad(body)
    assert "MSA-SUPERLATIVE" in found and "MSA-COMPARISON" not in found


# 6. health details without diagnosis words, in SMS
@pytest.mark.parametrize(
    "text",
    [
        "Ms. Sato, your mammogram was read as BI-RADS 4. Please book a biopsy with us this week.",
        "Mr. Chen, your blood pressure today measured 172/104. The nurse will call you about your medicine.",
        "Hello Ms. Ali, dx code E11.9 is on your claim form for the insurer.",
    ],
)
def test_a_category_a_reading_or_a_code_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Novak, your ECG showed an irregular rhythm called flutter. Please come in tomorrow morning.",
        "Mr. Silva, your eye exam revealed early macular changes; the retina clinic will call you.",
        "Hi Mina, 자궁경부 세포검사 결과 LSIL 소견입니다. 추가 검사 예약을 도와드릴게요.",
    ],
)
def test_what_the_patients_test_showed_is_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Novak, your ECG showed a normal rhythm; nothing more is needed.",
        "Mr. Silva, your eye exam found nothing unusual. See you next year.",
        "검사 결과 특이 소견 없습니다. 다음 검진은 1년 후입니다.",
    ],
)
def test_a_normal_result_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "If your blood pressure is above 160/100 at home, please call us the same day.",
        "Ms. Sato, your mammogram report is ready; please log in to the portal to read it.",
        "Please bring your diagnosis letter and insurance card to your visit on 3/14.",
    ],
)
def test_a_threshold_or_a_ready_notice_is_no_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in info_sms(text)


# 7. a new treatment nudged in an informational message; a new result in the portal
@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] Your refund has been processed. Good news: we now offer hair-loss laser therapy — ask us on your"
        " next visit.",
        "[Onbit Clinic] Receipt sent. Did you know we have started a skin booster program? Book one during your stay.",
    ],
)
def test_a_new_treatment_nudged_is_promotion(text: str) -> None:
    assert "ADV-PURPOSE-MISMATCH" in info_sms(text)


@pytest.mark.parametrize(
    "text",
    [
        "[Onbit Clinic] A new lab report is available in your app. Your visit on 3/14 stays as booked.",
        "[Onbit Clinic] A new invoice has been posted to your portal; payment is due by 3/20.",
        "[Onbit Clinic] No. 2 parking gate is closed today; please use the gate on the north side.",
    ],
)
def test_a_new_document_or_a_numbered_gate_is_a_notice(text: str) -> None:
    found = info_sms(text)
    assert "ADV-PURPOSE-MISMATCH" not in found and "MSA-SUPERLATIVE" not in found


def test_no_1_gate_is_no_superlative_but_no_1_clinic_is() -> None:
    assert "MSA-SUPERLATIVE" not in info_sms("[Onbit Clinic] Please enter by Gate No. 1 on the west side of the mall.")
    assert "MSA-SUPERLATIVE" in en_ad("The No. 1 lifting clinic for overseas guests.")
