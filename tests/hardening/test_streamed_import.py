"""The streamed import (a file on disk, chunk by chunk) answers what the whole-file import answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from storage.config import Settings
from storage.db import session_scope
from storage.models import Patient
from storage.patients.importer import ImportOptions, import_stream, import_table
from storage.patients.readers import UnreadableFile, open_table, read_table
from storage.tenancy import Caller
from tests.patients.conftest import CP949_HEADER, CP949_ROWS, csv_bytes

CALLER = Caller(clinic_id=1, actor="user:7")


async def _patients(settings: Settings) -> int:
    async with session_scope(settings, 1) as session:
        return int((await session.execute(select(func.count()).select_from(Patient))).scalar_one())


@pytest.mark.parametrize("big_file_bytes", [0, 1_000_000])  # 0: the big-file path (filtered lookups) for this file
@pytest.mark.parametrize("chunk_rows", [1, 3, 5_000])
@pytest.mark.parametrize("options", [{}, {"dry_run": True}, {"strict": True}])
async def test_streamed_and_whole_file_imports_agree(
    settings: Settings, tmp_path: Path, chunk_rows: int, options: dict[str, Any], big_file_bytes: int
) -> None:
    data = csv_bytes(CP949_HEADER, CP949_ROWS, "cp949")
    path = tmp_path / "emr.csv"
    path.write_bytes(data)
    async with session_scope(settings, 1) as session:
        whole = (await import_table(session, CALLER, read_table(data, "emr.csv"), ImportOptions(**options))).as_dict()
        await session.rollback()
    async with session_scope(settings, 1) as session:
        streamed = await import_stream(
            session, CALLER, open_table(path), ImportOptions(**options), chunk_rows, big_file_bytes=big_file_bytes
        )
    answer = streamed.as_dict()
    if options.get("dry_run"):  # a duplicate in a later chunk is not in the database yet: imported, not updated
        assert answer["imported"] + answer["updated"] == whole["imported"] + whole["updated"]
        answer["imported"], answer["updated"] = whole["imported"], whole["updated"]
    assert answer == whole
    assert await _patients(settings) == (0 if options else whole["imported"])


def test_a_file_that_turns_to_garbage_after_its_first_megabyte_is_refused(tmp_path: Path) -> None:
    good = csv_bytes(["이름", "휴대폰"], [["김민지", "010-1234-5678"]] * 60_000, "utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + bytes(range(128, 256)) * 200 + b"\n")
    table = open_table(path)
    with pytest.raises(UnreadableFile) as refused:
        sum(1 for _ in table.rows())
    assert refused.value.code == "unknown_encoding" and "byte" in refused.value.message


@pytest.mark.parametrize("big_file_bytes", [0, 1_000_000])
async def test_a_streamed_reimport_finds_every_patient_again(
    settings: Settings, tmp_path: Path, big_file_bytes: int
) -> None:
    # Filtered lookups must still find patients written before the import began and in its earlier chunks.
    path = tmp_path / "emr.csv"
    path.write_bytes(csv_bytes(CP949_HEADER, CP949_ROWS, "cp949"))
    async with session_scope(settings, 1) as session:
        first = await import_stream(session, CALLER, open_table(path), chunk_rows=2, big_file_bytes=big_file_bytes)
    async with session_scope(settings, 1) as session:
        again = await import_stream(session, CALLER, open_table(path), chunk_rows=2, big_file_bytes=big_file_bytes)
    assert again.imported == 0 and again.updated == first.imported + first.updated
    assert await _patients(settings) == first.imported
