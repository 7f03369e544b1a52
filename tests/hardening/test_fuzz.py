"""Property tests of the parsers and validators that take outside input: whatever they are given, they answer
problems (or UnreadableFile), never an exception. Short in ``make test``; ``make fuzz`` runs them long."""

from __future__ import annotations

import io
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from nodes.json_limits import too_deep
from nodes.validation import validate_workflow
from runtime.events import validate_event
from runtime.simulate import patient_problems
from storage.patients.readers import UnreadableFile, read_table
from tests.support.documents import BOOKED, REMINDER, event

EXAMPLES = 20_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 150  # `make fuzz`: the long run
SHORT = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
dates = st.one_of(
    st.text(max_size=30),
    st.datetimes().map(lambda d: d.isoformat()),
    st.builds(
        lambda y, rest: f"{y:04d}{rest}", st.integers(0, 9999), st.sampled_from(["-01-01", "-12-31T23:59:59-09:00"])
    ),
)


def _mutated(base: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    return {**base, key: value}


@SHORT
@given(
    st.one_of(
        json_values,
        st.builds(
            _mutated,
            st.just(event("appointment.booked", "f", appointment=BOOKED)),
            st.sampled_from(["occurred_at", "patient", "appointment", "type", "consent"]),
            json_values | dates,
        ),
    )
)
def test_the_event_validator_answers_problems_for_anything(payload: Any) -> None:
    problems = validate_event(payload)
    assert all(" / " in p.message for p in problems)


@SHORT
@given(
    st.one_of(
        json_values,
        st.builds(_mutated, st.just(REMINDER), st.sampled_from(["nodes", "edges", "format", "name"]), json_values),
    )
)
def test_the_workflow_validator_answers_problems_for_anything(document: Any) -> None:
    validate_workflow(document)


@SHORT
@given(json_values)
def test_a_simulated_patient_is_checked_not_crashed_on(patient: Any) -> None:
    patient_problems(patient)


@SHORT
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.xlsx", "x.txt", ""]))
def test_the_csv_and_xlsx_readers_answer_a_table_or_unreadable_file(data: bytes, name: str) -> None:
    try:
        read_table(data, name)
    except UnreadableFile as refused:
        assert " / " in refused.message


@SHORT
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),  # what a sheet can hold
                st.integers(min_value=-(2**53), max_value=2**53),
                st.floats(allow_nan=False, allow_infinity=False),
            ),
            max_size=5,
        ),
        max_size=8,
    )
)
def test_any_workbook_reads(rows: list[list[Any]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    try:
        read_table(out.getvalue(), "x.xlsx")
    except UnreadableFile as refused:
        assert refused.code == "empty_file"


@SHORT
@given(st.integers(0, 200), st.sampled_from(["[", '{"a":']))
def test_depth_is_counted_exactly(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = opener * depth + ("1" if opener != "[" else "") + closer * depth
    assert too_deep(text, 64) == (depth > 64)
