"""Korean particles after a dynamic word, chosen by how it is read: "버전 1을", "버전 2를", "서울로", "SMS를"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nodes.particles import PAIRS, with_particle

SYLLABLES = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("버전 1", "을", "버전 1을"),  # 일
        ("버전 2", "을", "버전 2를"),  # 이
        ("버전 3", "를", "버전 3을"),  # 삼
        ("버전 10", "을", "버전 10을"),  # 십
        ("버전 12", "이", "버전 12가"),  # 십이
        ("워크플로", "을", "워크플로를"),
        ("환자", "은", "환자는"),
        ("템플릿", "가", "템플릿이"),
        ("'POSTOP_D1'", "이", "'POSTOP_D1'이"),  # 디원: the quote is read through
        ("SMS", "을", "SMS를"),  # 에스
        ("URL", "은", "URL은"),  # 엘
        ("서울", "으로", "서울로"),  # ㄹ takes 로
        ("예약", "로", "예약으로"),
        ("문자", "으로", "문자로"),
        ("7", "으로", "7로"),  # 칠
        ("6", "으로", "6으로"),  # 육
        ("의사", "과", "의사와"),
        ("병원", "와", "병원과"),
    ],
)
def test_the_particle_follows_how_the_word_is_read(word: str, particle: str, expected: str) -> None:
    assert with_particle(word, particle) == expected


@pytest.mark.parametrize("word", ["", "   ", "→", "😀", "中"])
def test_a_word_without_a_reading_gets_both_forms(word: str) -> None:
    assert with_particle(word, "을") == f"{word}을(를)"
    assert with_particle(word, "으로") == f"{word}(으)로"


@given(stem=st.text(SYLLABLES, max_size=5), last=SYLLABLES, particle=st.sampled_from(sorted(PAIRS)))
def test_after_a_syllable_the_final_consonant_decides(stem: str, last: str, particle: str) -> None:
    with_final, without_final = PAIRS[particle]
    final = (ord(last) - 0xAC00) % 28
    expected = without_final if final == 0 or (with_final == "으로" and final == 8) else with_final
    assert with_particle(stem + last, particle) == stem + last + expected


@given(number=st.integers(min_value=0, max_value=10**9))
def test_numbers_are_read_in_sino_korean(number: int) -> None:
    last = str(number)[-1]
    expected = "를" if last in "2459" else "을"
    assert with_particle(str(number), "을") == f"{number}{expected}"
