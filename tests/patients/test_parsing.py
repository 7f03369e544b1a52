"""Cell parsers: every usual Korean spelling of a phone number, birth date, sex and yes/no."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.patients.parsing import BadValue, parse_birth_date, parse_flag, parse_phone, parse_sex

TODAY = date(2026, 11, 28)
mobile = st.builds(
    lambda prefix, mid, last: (prefix, f"{mid:04d}", f"{last:04d}"),
    st.sampled_from(["010", "011", "016", "017", "018", "019"]),
    st.integers(0, 9999),
    st.integers(0, 9999),
)


@given(mobile)
def test_every_spelling_of_a_mobile_number_normalises_to_its_digits(parts: tuple[str, str, str]) -> None:
    prefix, mid, last = parts
    digits = prefix + mid + last
    spellings = [
        digits,
        f"{prefix}-{mid}-{last}",
        f"{prefix}.{mid}.{last}",
        f"{prefix} {mid} {last}",
        f"+82 {prefix[1:]} {mid} {last}",
        f"+82-{prefix[1:]}-{mid}-{last}",
        f"+82 (0){prefix[1:]}-{mid}-{last}",
        f"82{prefix[1:]}{mid}{last}",
        f"({prefix}){mid}-{last}",
        f"02-123-4567 / {prefix}-{mid}-{last}",  # a cell with a landline first
    ]
    for spelling in spellings:
        assert parse_phone(spelling) == digits, spelling
    # Excel turns 01012345678 into the number 1012345678.
    assert parse_phone(int(digits)) == digits
    assert parse_phone(float(int(digits))) == digits


@pytest.mark.parametrize(
    "raw", ["02-123-4567", "031-123-4567", "0311234567", "1588-1234", "070-1234-5678", "080-123-4567"]
)
def test_landlines_and_service_numbers_are_refused_as_landlines(raw: str) -> None:
    with pytest.raises(BadValue) as error:
        parse_phone(raw)
    assert error.value.code == "landline_phone"


@pytest.mark.parametrize("raw", ["010-12", "abc", "010-1234-56789", "123", "020-1234-5678"])
def test_garbage_is_an_invalid_phone(raw: str) -> None:
    with pytest.raises(BadValue) as error:
        parse_phone(raw)
    assert error.value.code == "invalid_phone"


def test_an_empty_phone_cell_is_no_phone() -> None:
    assert parse_phone("") is None and parse_phone(None) is None and parse_phone("  ") is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_every_korean_spelling_of_a_birth_date_round_trips(day: date) -> None:
    y, m, d = day.year, day.month, day.day
    spellings = [
        day.isoformat(),
        f"{y}.{m}.{d}",
        f"{y}. {m}. {d}.",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}{m:02d}{d:02d}",
        f"{y}년 {m}월 {d}일",
        f"{y}년{m:02d}월{d:02d}일",
        f"{day.isoformat()} 00:00:00",
    ]
    for spelling in spellings:
        assert parse_birth_date(spelling, today=TODAY) == day, spelling
    assert parse_birth_date(int(f"{y}{m:02d}{d:02d}"), today=TODAY) == day
    # 주민번호 앞자리: six digits and the 성별 digit that tells the century.
    digit = "1" if y < 2000 else "3"
    six = f"{y % 100:02d}{m:02d}{d:02d}"
    assert parse_birth_date(six, digit, today=TODAY) == day
    assert parse_birth_date(f"{six}-{digit}", today=TODAY) == day
    assert parse_birth_date(f"{six}-{digit}******", today=TODAY) == day
    # Without the digit: the most recent matching date that is not in the future.
    guessed = parse_birth_date(six, today=TODAY)
    assert guessed is not None and guessed.strftime("%y%m%d") == six and guessed <= TODAY
    assert TODAY.year - guessed.year <= 100


@pytest.mark.parametrize("raw", ["1985-13-01", "1985-02-30", "19851301", "2030-01-01", "1899-12-31", "어제", "85-3"])
def test_impossible_birth_dates_are_refused(raw: str) -> None:
    with pytest.raises(BadValue) as error:
        parse_birth_date(raw, today=TODAY)
    assert error.value.code == "invalid_birth_date"


@pytest.mark.parametrize(
    ("raw", "sex"),
    [("남", "M"), ("여", "F"), ("남자", "M"), ("여성", "F"), ("M", "M"), ("f", "F"), ("1", "M"), ("2", "F"),
     ("3", "M"), ("4", "F"), ("Male", "M"), ("여(F)", "F"), ("", None)],
)  # fmt: skip
def test_sex_spellings(raw: str, sex: str | None) -> None:
    assert parse_sex(raw) == sex


def test_unknown_sex_is_refused() -> None:
    with pytest.raises(BadValue):
        parse_sex("기타?")


@pytest.mark.parametrize(
    ("raw", "flag"),
    [("Y", True), ("예", True), ("동의", True), ("O", True), ("1", True), ("N", False), ("미동의", False),
     ("X", False), ("아니오", False), ("0", False), ("", None), ("-", None)],
)  # fmt: skip
def test_consent_flags(raw: str, flag: bool | None) -> None:
    assert parse_flag(raw) is flag
