"""Session 33 (lead): a patient's English name read as an offer, a sender's English name read by the scorer, and
the suggestion audit's reading of English function words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.person_names import inside_a_name, person_name_spans
from compliance.scorer import content_parts
from tests.compliance.suggestion_audit import reads_badly
from tests.support.compliance import english_ad, info_alimtalk, info_sms, rule_ids

_REMINDER = "Dear Ms. {}, thank you for visiting today. Your next check-up is on March 3 at 10:00."


@pytest.mark.parametrize("name", ["Sales", "Salem", "Saleh"])
def test_a_patients_surname_is_no_sale(name: str) -> None:
    assert info_alimtalk(_REMINDER.format(name)) == set()


def test_a_sale_beside_a_name_is_still_one() -> None:
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk("Dear Ms. Sales, our summer sale gives 30% off every laser.")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dear Mr. Sung-ho Kim, see you soon.", ["Sung-ho Kim"]),
        ("Hi Bonnie, your lenses are ready.", ["Bonnie"]),
        ("Dr. Best will see you.", ["Best"]),
        ("Hello Summer Sale!", []),  # two words before its "!": no address
        ("Hi Sales team, here is the roster.", []),
    ],
)
def test_names_after_a_title_or_a_greeting(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in person_name_spans(text)] == names


@given(
    st.sampled_from(["Dear Mr.", "Dear Ms.", "Hello Dr.", "Mrs.", "Hi"]),
    st.from_regex(r"[A-Z][a-z]{1,12}", fullmatch=True),
)
def test_any_name_after_a_title_or_greeting_is_found_and_nothing_after_it(opening: str, name: str) -> None:
    text = f"{opening} {name}, your sale price is ready."
    start = len(opening) + 1
    assert [text[a:b] for a, b in person_name_spans(text)] == [name]
    assert inside_a_name(text, start, start + len(name))
    assert not inside_a_name(text, text.index("sale"), text.index("sale") + 4)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.!", max_size=60))
def test_text_without_a_capital_names_no_one(text: str) -> None:
    assert person_name_spans(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 부산블루안과 Busan Blue Eye Center\nSide effects may occur; results vary by individual.\n무료수신거부 080-298-6610",
        "(광고) Busan Blue Eye Center\nSide effects may occur; results vary by individual.\n무료수신거부 080-298-6610",
    ],
)
def test_the_senders_english_name_is_envelope_not_content(text: str) -> None:
    assert content_parts(text) == ()
    assert not {r for r in rule_ids(text) if r.startswith("MSA-") and r != "MSA-PREREVIEW"}


def test_a_claim_after_the_senders_name_is_still_read() -> None:
    text = "(광고) 부산블루안과 Busan Blue Eye Center\nThe best LASIK surgeons in Busan.\n무료수신거부 080-298-6610"
    assert content_parts(text) == ("The best LASIK surgeons in Busan",)
    assert "MSA-SUPERLATIVE" in rule_ids(text)


def test_an_english_function_word_reads_badly_only_when_left_dangling() -> None:
    before = "Save $3,000 on implants.\nSide effects may occur."
    assert reads_badly(before, "Fees follow the price list posted at the clinic.\nSide effects may occur.", 0) == ""
    assert reads_badly("Save on implants and crowns.", "Save on implants and.", 17).startswith("orphan particle")


@pytest.mark.parametrize(
    ("opening", "named"),
    [
        ("(광고)\nEyelid surgery consultations in English every Saturday.", False),
        ("(광고) LASIK consultations for visitors every Saturday.", False),
        ("(광고) Skin Clinic Seoul\nLaser toning consultations every Saturday.", True),
        ("(광고) 온새미로성형외과\nEyelid surgery consultations every Saturday.", True),
    ],
)
def test_a_procedure_after_the_label_opens_a_sentence_and_names_no_sender(opening: str, named: bool) -> None:
    text = f"{opening}\nSide effects may occur; results vary by individual.\n무료수신거부 080-733-2150"
    assert ("ADV-SENDER" not in rule_ids(text)) is named


def test_a_first_n_bookings_offer_is_an_inducement_and_booking_only_is_not() -> None:
    assert "MSA-INDUCEMENT" in english_ad("First 20 bookings only: LASIK for ₩990,000, both eyes.")
    assert "MSA-INDUCEMENT" not in english_ad("LASIK consultations are 100% by appointment only.")


@pytest.mark.parametrize(
    "body",
    [
        "Unlike the chains, you won't feel a thing - and if you're not happy, it's on us.",
        "If you aren't satisfied, it's on us.",
        "If you do not see a difference in 3 months, the next session is on the house.",
        "Not happy with the result? Your next treatment is on us.",
    ],
)
def test_the_cost_of_an_unwanted_result_borne_by_the_clinic_is_a_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" in english_ad(body)


@pytest.mark.parametrize(
    "body",
    [
        "If you are not happy with your appointment time, call us and we will move it.",
        "Not happy with the wait? Coffee is on the house while you wait.",
        "Parking is on us during your visit.",
    ],
)
def test_a_perk_or_a_condition_without_a_result_is_no_guarantee(body: str) -> None:
    assert "MSA-GUARANTEE" not in english_ad(body)


def test_a_named_patients_own_drug_in_a_fasting_instruction_is_health_data() -> None:
    named = "[한결내과의원] 정태식님 내일 위내시경 금식 안내: 당뇨약 메트포르민은 검사 당일 아침에 쓰지 마시고, 혈압약만 드세요."
    general = "[한결내과의원] 내일 위내시경 금식 안내: 당뇨약과 인슐린은 검사 당일 아침에 쓰지 마시고, 혈압약만 드세요."
    assert "PII-HEALTH-IN-SMS" in info_sms(named)
    assert "PII-HEALTH-IN-SMS" not in info_sms(general)


def test_points_doubled_beside_an_expiry_notice_stay_an_offer() -> None:
    doubled = (
        "[새봄의원] 적립 포인트가 이번 달 말 소멸됩니다. 이번 주 예약하시면 포인트 2배 적립! 잊지 말고 예약하세요."
    )
    plain = "[새봄의원] 적립 포인트가 이번 달 말 소멸됩니다. 잊지 말고 예약하세요."
    assert "KAKAO-ALIMTALK-PROMO" in info_alimtalk(doubled)
    assert "KAKAO-ALIMTALK-PROMO" not in info_alimtalk(plain)


@pytest.mark.parametrize(
    "body", ["부작용 없는 시력교정, 국내 최초 도입 장비로.", "저희는 레이저로 기미를 깨끗하게 치료합니다."]
)
def test_vision_correction_and_laser_treatment_need_a_risk_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids(f"(광고) 새봄안과의원\n{body}\n무료수신거부 080-888-1212")
    notice = "부작용이 있을 수 있으며 개인차가 있습니다."
    assert "MSA-OMIT-RISK" not in rule_ids(f"(광고) 새봄안과의원\n{body} {notice}\n무료수신거부 080-888-1212")
