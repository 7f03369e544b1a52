"""Property tests of the reservation export's cell parsers: every spelling of a date, time and status an EMR
writes reads back as the same value; anything else is a ``BadValue`` with a stable code, never a crash."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nodes.procedures import DEFAULT_CATALOGUE, procedure_key, resolve_procedure
from runtime.appointments.cells import STATUS_WORDS, parse_status, parse_time, split_date_time
from storage.patients.parsing import BadValue

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
WEEKDAYS = "월화수목금토일"


@given(
    days,
    st.sampled_from(
        [
            "{y}-{m:02d}-{d:02d}",
            "{y}.{m:02d}.{d:02d}",
            "{y}{m:02d}{d:02d}",
            "{y}/{m}/{d}",
            "{y}. {m}. {d}.",
            "{y}년 {m}월 {d}일",
        ]
    ),
)
def test_every_date_spelling_reads_back(day: date, form: str) -> None:
    text = form.format(y=day.year, m=day.month, d=day.day).rstrip(".")
    assert split_date_time(text) == (day, None)


@given(days, times)
def test_a_date_with_a_weekday_and_a_time_reads_back(day: date, at: time) -> None:
    weekday = WEEKDAYS[day.weekday()]
    text = f"{day:%Y-%m-%d} ({weekday}) {at:%H:%M}"
    assert split_date_time(text) == (day, at)
    assert split_date_time(datetime.combine(day, at)) == (day, at if at != time(0) else None)


@given(times)
def test_every_time_spelling_reads_back(at: time) -> None:
    half = "오전" if at.hour < 12 else "오후"
    twelve = at.hour % 12 or 12
    english = "AM" if at.hour < 12 else "PM"
    for text in (
        f"{at:%H:%M}",
        f"{at:%H:%M}:00",
        f"{at:%H%M}",
        f"{half} {twelve}:{at.minute:02d}",
        f"{half} {twelve}시 {at.minute}분",
        f"{twelve}:{at.minute:02d} {english}",
    ):
        assert parse_time(text) == at, text
    assert parse_time(at) == at
    assert parse_time((at.hour * 60 + at.minute) / (24 * 60)) == at


@given(st.text(max_size=30))
def test_anything_else_is_a_bad_value_never_a_crash(text: str) -> None:
    for parser in (split_date_time, parse_time, parse_status):
        try:
            parser(text)
        except BadValue as exc:
            assert exc.code in {"missing_value", "invalid_date", "invalid_time", "invalid_status"}


@given(st.sampled_from(sorted(STATUS_WORDS)), st.sampled_from(["", " ", "  "]))
def test_status_words_read_with_any_spacing_or_case(word: str, pad: str) -> None:
    assert parse_status(f"{pad}{word.upper()}{pad}") == STATUS_WORDS[word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("내원완료", "attended"),
        ("미내원", "no_show"),
        ("노쇼", "no_show"),
        ("부도", "no_show"),
        ("예약 취소", "cancelled"),
        ("", "booked"),
    ],
)
def test_the_issue_status_words(text: str, expected: str) -> None:
    assert parse_status(text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "1999-12-31", "26-12-08", "내일", "202612081"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(BadValue):
        split_date_time(text)


@pytest.mark.parametrize("text", ["25:00", "오후 13:00", "12:60", "아침", "오전 0:30"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(BadValue):
        parse_time(text)


NAMES = [(name, entry.code) for entry in DEFAULT_CATALOGUE for name in entry.names()]


@given(
    st.sampled_from(NAMES), st.lists(st.sampled_from([" ", "", "-", "_", "·"]), min_size=1, max_size=4), st.booleans()
)
def test_every_default_name_resolves_to_its_code_whatever_the_spacing_or_case(
    named: tuple[str, str], fillers: list[str], upper: bool
) -> None:
    name, code = named
    spaced = "".join(ch + fillers[i % len(fillers)] for i, ch in enumerate(name))
    assert resolve_procedure(spaced.upper() if upper else spaced, DEFAULT_CATALOGUE) == code


def test_names_in_the_default_catalogue_are_unambiguous() -> None:
    owners: dict[str, str] = {}
    for name, code in NAMES:
        key = procedure_key(name)
        assert owners.setdefault(key, code) == code, f"{name!r} names {owners[key]} and {code}"
