"""Session 33 (lead): a patient's English name read as an offer, a sender's English name read by the scorer, and
the suggestion audit's reading of English function words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.person_names import inside_a_name, person_name_spans
from compliance.scorer import content_parts
from tests.compliance.suggestion_audit import reads_badly
from tests.support.compliance import info_alimtalk, rule_ids

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


@given(st.text(alphabet="abcdefgh ,.!MrsDHi", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_inside_a_name_only_within_a_found_name(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    assert inside_a_name(text, start, end) == any(x <= start and end <= y for x, y in person_name_spans(text))


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
