"""New patients' ids on SQLite (importer._insert_numbered): read off the rowids when the batch got exactly
max(id)+1 … max(id)+n, otherwise found again by their blind indexes. Both ways every consent entry must
belong to the patient of its own row."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event, select, text

from storage import identity
from storage.config import Settings
from storage.db import engine_for, session_scope
from storage.models import Consent, Patient
from storage.patients.importer import import_stream, import_table
from storage.patients.readers import open_table, read_table
from storage.tenancy import Caller
from tests.patients.conftest import csv_bytes

CALLER = Caller(clinic_id=1, actor="user:7")
HEADER = ["차트번호", "이름", "휴대폰", "광고수신동의"]
ROWS = [[f"C{i:03d}", f"환자{i}", f"010-5000-{i:04d}", "Y" if i % 2 else "N"] for i in range(1, 9)]


async def _import(settings: Settings, *before: str) -> dict[str, object]:
    """Import ROWS in one session that first runs the ``before`` statements (on the import's own connection)."""
    async with session_scope(settings, CALLER.clinic_id) as session:
        for statement in before:
            await session.execute(text(statement))
        report = await import_table(session, CALLER, read_table(csv_bytes(HEADER, ROWS, "utf-8"), "emr.csv"))
    return report.as_dict()


async def _by_chart(settings: Settings) -> dict[str | None, tuple[Patient, set[tuple[str, bool]]]]:
    async with session_scope(settings, CALLER.clinic_id) as session:
        patients = (await session.execute(select(Patient))).scalars().all()
        consents = (await session.execute(select(Consent))).scalars().all()
    ledger: dict[int, set[tuple[str, bool]]] = {}
    for consent in consents:
        ledger.setdefault(consent.patient_id, set()).add((consent.purpose, consent.granted))
    return {p.chart_no: (p, ledger.get(p.id, set())) for p in patients}


def _assert_every_row_kept_its_own_id(found: dict[str | None, tuple[Patient, set[tuple[str, bool]]]]) -> None:
    for chart, name, phone, marketing in ROWS:
        patient, consents = found[chart]
        assert (patient.name, patient.phone) == (name, phone.replace("-", ""))
        assert consents == ({("marketing", True)} if marketing == "Y" else set()), chart  # N: no change, no entry


async def test_ids_come_from_the_rowids_when_nothing_else_wrote(settings: Settings) -> None:
    report = await _import(settings)
    assert (report["imported"], report["errors"]) == (len(ROWS), [])
    found = await _by_chart(settings)
    _assert_every_row_kept_its_own_id(found)
    assert sorted(p.id for p, _ in found.values()) == list(range(1, len(ROWS) + 1))


async def test_a_writer_slipping_in_between_sends_the_batch_to_its_indexes(settings: Settings) -> None:
    """Another insert lands between the batch's rows (a trigger on the import's connection stands in for the
    other writer): the ids are no longer before+1 … before+n, so the rows are found by their indexes."""
    third = identity.chart_index("C003")
    slip_in = f"""
        CREATE TEMP TRIGGER other_writer AFTER INSERT ON patients WHEN NEW.chart_index = '{third}'
        BEGIN
            INSERT INTO patients (clinic_id, chart_no, name, tags, opted_out, created_at, updated_at)
            VALUES (NEW.clinic_id, '', '', '[]', 0, NEW.created_at, NEW.created_at);
        END"""
    report = await _import(settings, slip_in)
    assert (report["imported"], report["errors"]) == (len(ROWS), [])
    found = await _by_chart(settings)
    _assert_every_row_kept_its_own_id(found)
    other, other_consents = found[""]
    assert other.id == 4 and other_consents == set()  # right after C003: every later row moved up by one
    assert found["C004"][0].id == 5


async def test_a_table_at_the_largest_rowid_gets_random_ids_and_still_finds_them(settings: Settings) -> None:
    """A row already holds SQLite's largest rowid: new rows get random free ids (below it), not max(id)+1."""
    taken = """INSERT INTO patients (id, clinic_id, chart_no, name, tags, opted_out, created_at, updated_at)
               VALUES (9223372036854775807, 1, '', '', '[]', 0, '2026-01-01', '2026-01-01')"""
    report = await _import(settings, taken)
    assert (report["imported"], report["errors"]) == (len(ROWS), [])
    found = await _by_chart(settings)
    _assert_every_row_kept_its_own_id(found)


async def test_a_reimport_updates_the_patients_the_ids_point_to(settings: Settings) -> None:
    first = await _import(settings)
    again = await _import(settings)
    assert (first["imported"], again["imported"], again["updated"]) == (len(ROWS), 0, len(ROWS))
    _assert_every_row_kept_its_own_id(await _by_chart(settings))


async def test_lookups_seek_their_own_index_and_never_walk_the_clinic(settings: Settings) -> None:
    """Every SELECT of an import and a re-import (streamed, with the big-file filter) seeks a blind-index or
    patient-id index. The ORM's clinic scoping adds a second ``clinic_id = ?``, and with it SQLite chose
    ``ix_patients_clinic_id`` for phone lookups and ``ix_consents_clinic_id`` for the ledger: every patient's
    row (every ledger entry) read per lookup, most of a 50 MB import's 15.6 million page reads."""
    sent: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().startswith("SELECT"):
            sent.append((statement, parameters))

    rows = [[f"C{i:04d}", f"환자{i}", f"010-6000-{i:04d}", "Y"] for i in range(1, 301)]
    path = settings.data_dir / "emr.csv"
    path.write_bytes(csv_bytes(HEADER, rows, "cp949"))
    engine = engine_for(settings.database_url)
    event.listen(engine.sync_engine, "before_cursor_execute", remember)
    try:
        for _ in range(2):  # new patients, then every row found again (lookups + the ledger's current state)
            async with session_scope(settings, CALLER.clinic_id) as session:
                report = await import_stream(session, CALLER, open_table(path), chunk_rows=100, big_file_bytes=0)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", remember)
    assert report.updated == len(rows)
    lookups = [s for s in sent if "_index IN" in s[0] or "patient_id IN" in s[0]]
    assert len(lookups) >= 6
    database = sqlite3.connect(settings.data_dir / "doctorsflow.db")
    try:
        for statement, parameters in lookups:
            plan = " ".join(row[3] for row in database.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert "ix_patients_clinic_id (" not in plan and "ix_consents_clinic_id" not in plan, (statement, plan)
            sought = ("sqlite_autoindex_patients_1", "ix_patients_clinic_id_phone_index", "ix_consents_patient_id")
            assert any(f"INDEX {index} (" in plan for index in sought), plan
    finally:
        database.close()
