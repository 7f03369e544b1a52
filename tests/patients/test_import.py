"""Importing EMR exports: encodings, Excel, header names, messy rows, duplicates, strict and dry runs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models import AuditEntry, Consent, Patient
from storage.patients.columns import MappingError, parse_mapping
from storage.patients.importer import ImportOptions, import_table
from storage.patients.readers import UnreadableFile, read_table
from storage.patients.service import find_patient, upsert_patient
from storage.tenancy import Caller
from tests.patients.conftest import (
    CP949_EXPECTED,
    CP949_HEADER,
    CP949_ROWS,
    XLSX_EXPECTED,
    csv_bytes,
    without_messages,
)

CALLER = Caller(clinic_id=1, actor="user:7")


async def run_import(settings: Settings, data: bytes, filename: str, **options: Any) -> dict[str, object]:
    table = read_table(data, filename)
    async with session_scope(settings, CALLER.clinic_id) as session:
        report = await import_table(session, CALLER, table, ImportOptions(**options))
    return without_messages(report.as_dict())


async def count(settings: Settings, model: type) -> int:
    async with session_scope(settings, CALLER.clinic_id) as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_a_messy_cp949_export_imports_the_good_rows_and_lists_every_error(
    any_db_settings: Settings, cp949_export: bytes
) -> None:
    # Given a CP949 export with landlines, blanks, duplicates, a child without a guardian and broken cells
    assert read_table(cp949_export, "emr.csv").encoding == "cp949"
    # When it is imported
    report = await run_import(any_db_settings, cp949_export, "emr.csv")
    # Then the counts and every error are exact
    assert report == CP949_EXPECTED
    assert await count(any_db_settings, Patient) == 6
    async with session_scope(any_db_settings, 1) as session:
        kim = await find_patient(session, chart_no="10001")
        assert kim is not None and kim.name == "김민지" and kim.phone == "01012345678"
        assert kim.birth_date == date(1985, 3, 2) and kim.sex == "F"
        assert kim.last_activity_at is not None and kim.last_activity_at.date() == date(2026, 9, 30)  # KST midnight
        kang = await find_patient(session, chart_no="10008")
        assert kang is not None and kang.phone == "01012345678" and kang.birth_date == date(1985, 3, 2)
        assert kang.sex == "M"  # from the 주민번호 digit
        yoon = await find_patient(session, chart_no="10009")
        assert yoon is not None and yoon.name == "윤봉길"
        ddom = await find_patient(session, chart_no="10006")
        assert ddom is not None and ddom.name == "똠방각하" and ddom.birth_date == date(1970, 1, 5)
        # The sister shares her brother's phone and is her own patient.
        bada = await find_patient(session, chart_no="10005")
        assert bada is not None and bada.phone == "01055556666"
        park = await find_patient(session, chart_no="10003")
        assert park is not None and park.birth_date == date(1985, 3, 2)
        entries = list((await session.execute(select(Consent).order_by(Consent.id))).scalars())
    # Marketing consent where the file said yes; "수신거부" for a new patient needs no entry.
    assert sorted((e.patient_id, e.purpose, e.granted, e.method) for e in entries) == sorted(
        (p.id, "marketing", True, "import") for p in (kim, park, bada, ddom)
    )
    guardian_entries = [e for e in entries if e.guardian_name]
    assert [(e.patient_id, e.guardian_name, e.guardian_relationship) for e in guardian_entries] == [
        (bada.id, "정엄마", "guardian")
    ]
    await dispose_engines()


async def test_importing_the_same_file_again_updates_and_adds_no_ledger_entries(
    settings: Settings, cp949_export: bytes
) -> None:
    await run_import(settings, cp949_export, "emr.csv")
    consents = await count(settings, Consent)
    again = await run_import(settings, cp949_export, "emr.csv")
    assert again == {**CP949_EXPECTED, "imported": 0, "updated": 7}
    assert await count(settings, Patient) == 6
    assert await count(settings, Consent) == consents == 4
    await dispose_engines()


async def test_strict_imports_nothing_when_any_row_is_wrong(any_db_settings: Settings, cp949_export: bytes) -> None:
    report = await run_import(any_db_settings, cp949_export, "emr.csv", strict=True)
    assert report == {**CP949_EXPECTED, "imported": 0, "updated": 0, "skipped": 12}
    assert await count(any_db_settings, Patient) == 0
    assert await count(any_db_settings, Consent) == 0
    await dispose_engines()


async def test_dry_run_reports_the_same_counts_and_writes_nothing(settings: Settings, cp949_export: bytes) -> None:
    report = await run_import(settings, cp949_export, "emr.csv", dry_run=True)
    assert report == CP949_EXPECTED
    assert await count(settings, Patient) == 0
    assert await count(settings, Consent) == 0
    assert await count(settings, AuditEntry) == 0
    await dispose_engines()


async def test_a_messy_xlsx_export_imports_with_numbers_and_date_cells(
    any_db_settings: Settings, xlsx_export: bytes
) -> None:
    report = await run_import(any_db_settings, xlsx_export, "export.xlsx")
    assert report == XLSX_EXPECTED
    async with session_scope(any_db_settings, 1) as session:
        first = await find_patient(session, chart_no="1001")
        assert first is not None and first.phone == "01012345678" and first.birth_date == date(1980, 1, 15)
        park = await find_patient(session, chart_no="1003")
        assert park is not None and park.birth_date == date(1979, 12, 31) and park.sex == "M"
        entries = list((await session.execute(select(Consent).order_by(Consent.id))).scalars())
    # The duplicate row said N to marketing: the patient ends with treatment consent only.
    assert sorted((e.patient_id, e.purpose, e.granted) for e in entries) == [
        (first.id, "treatment", True),
        (park.id, "treatment", True),
    ]
    await dispose_engines()


async def test_rows_merge_with_patients_already_in_the_database(any_db_settings: Settings) -> None:
    # Given a patient known by phone only (from a booking), and a family member with another chart number
    async with session_scope(any_db_settings, 1) as session:
        known = await upsert_patient(session, chart_no=None, name="김민지", phone="010-1234-5678")
        mother = await upsert_patient(session, chart_no="C-9", name="이엄마", phone="010-5555-6666")
    data = csv_bytes(
        ["차트번호", "이름", "휴대폰"],
        [["C-1", "김민지", "01012345678"], ["C-2", "이아들", "010-5555-6666"], ["C-9", "이엄마", "010-5555-6666"]],
        "utf-8",
    )
    report = await run_import(any_db_settings, data, "f.csv")
    # Then the phone-only patient gets the chart number; the son is a new patient; the mother is updated
    assert report == {"rows": 3, "imported": 1, "updated": 2, "skipped": 0, "errors": []}
    async with session_scope(any_db_settings, 1) as session:
        by_chart = await find_patient(session, chart_no="C-1")
        assert by_chart is not None and by_chart.id == known.id
        son = await find_patient(session, chart_no="C-2")
        assert son is not None and son.id not in (known.id, mother.id) and son.name == "이아들"
    assert await count(any_db_settings, Patient) == 3
    await dispose_engines()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr"])
async def test_every_korean_encoding_is_detected(settings: Settings, encoding: str) -> None:
    data = csv_bytes(
        ["이름", "연락처", "생년월일"],
        [["김민지", "010-1234-5678", "1985-03-02"], ["이준호", "010-2222-3333", "900101"]],
        encoding,
    )
    table = read_table(data, "x.csv")
    assert table.headers == ["이름", "연락처", "생년월일"]
    assert await run_import(settings, data, "x.csv") == {
        "rows": 2,
        "imported": 2,
        "updated": 0,
        "skipped": 0,
        "errors": [],
    }
    await dispose_engines()


async def test_an_explicit_mapping_names_unusual_headers(settings: Settings) -> None:
    data = csv_bytes(["고객", "HP", "번호"], [["김민지", "010-1234-5678", "Z-1"]], "utf-8")
    missing = await run_import(settings, data, "x.csv")
    assert missing["errors"] == [{"row": 1, "column": "", "code": "missing_column"}] and missing["imported"] == 0
    mapping = parse_mapping(["고객=name", "HP=phone", "번호=chart"])
    report = await run_import(settings, data, "x.csv", mapping=mapping)
    assert report == {"rows": 1, "imported": 1, "updated": 0, "skipped": 0, "errors": []}
    async with session_scope(settings, 1) as session:
        assert (await find_patient(session, chart_no="Z-1")) is not None
    await dispose_engines()


def test_mappings_to_unknown_fields_or_headers_are_refused() -> None:
    with pytest.raises(MappingError):
        parse_mapping(["이름=nickname"])
    with pytest.raises(MappingError):
        parse_mapping(["no equals sign"])


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "unsupported_format"),
        (b"PK\x03\x04 not really a zip", "broken.xlsx", "unreadable_xlsx"),
        (b"", "empty.csv", "empty_file"),
        (b"%PDF-1.4", "scan.pdf", "unsupported_format"),
        (bytes(range(256)) * 4, "binary.csv", "not_a_table"),
    ],
)
def test_unreadable_files_are_refused_as_a_whole(data: bytes, name: str, code: str) -> None:
    with pytest.raises(UnreadableFile) as error:
        read_table(data, name)
    assert error.value.code == code and " / " in error.value.message


def test_blank_lines_before_the_header_keep_spreadsheet_row_numbers() -> None:
    table = read_table("\n이름,휴대폰\n김민지,010-1234-5678\n".encode(), "x.csv")
    assert table.headers == ["이름", "휴대폰"] and table.rows[0][0] == 3


def test_header_row_and_columns_keep_the_files_spelling() -> None:
    table = read_table(csv_bytes(CP949_HEADER, CP949_ROWS[:1], "cp949"), "x.csv")
    assert table.headers == CP949_HEADER


async def test_a_name_already_garbled_into_u_fffd_is_refused_like_undecodable_bytes(settings: Settings) -> None:
    # found in the user trial: a UTF-8 file whose name cell holds "정�아" (garbled before it was saved) was imported
    # as it was, while the appointment form and the events API refuse it
    data = csv_bytes(["이름", "연락처"], [["정\ufffd아", "010-5201-0003"], ["한지민", "010-5201-0001"]], "utf-8")
    report = await run_import(settings, data, "x.csv")
    assert report["imported"] == 1 and report["skipped"] == 1
    assert report["errors"] == [{"row": 2, "column": "이름", "code": "broken_name"}]
    await dispose_engines()
