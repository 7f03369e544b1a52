"""EMR reservation import: two successive CP949 exports diffed against what is stored, runs started and
cancelled through the ingest, idempotent, every bad row reported."""

from __future__ import annotations

import codecs
import io
from datetime import datetime, timedelta

from openpyxl import Workbook
from sqlalchemy import select

from runtime.appointments.importer import import_reservations
from runtime.clock import SEOUL
from runtime.context import Runtime
from storage.db import session_scope
from storage.models import Appointment, Patient, Run
from storage.patients.readers import read_table
from tests.appointments.exports import DAY1, DAY2, cp949
from tests.support.documents import example
from tests.support.runtime import publish_document, virtual


async def runs_by_workflow(rt: Runtime) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    async with session_scope(rt.settings, None) as session:
        for run in (await session.execute(select(Run).order_by(Run.id))).scalars():
            found.setdefault(run.workflow_id, []).append(run.status)
    return found


async def statuses(rt: Runtime) -> dict[str, str]:
    async with session_scope(rt.settings, None) as session:
        rows = (await session.execute(select(Appointment.external_id, Appointment.status))).all()
    return dict(rows)


async def test_two_successive_cp949_exports(rt: Runtime, clinic_id: int) -> None:
    # Given the D-1 reminder and the cataract post-op workflows (the clock: 1 December)
    reminder = await publish_document(rt.settings, clinic_id, example("appointment-reminder-d1"))
    postop = await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    # When the first export is imported
    first = await import_reservations(rt, clinic_id, read_table(cp949(DAY1), "day1.csv"))
    report = first.as_dict()
    # Then five rows are booked, the bad row is reported with every bad cell, and the unknown procedure warned
    assert {
        k: report[k] for k in ("rows", "created", "rescheduled", "cancelled", "attended", "no_show", "unchanged")
    } == {
        "rows": 6,
        "created": 5,
        "rescheduled": 0,
        "cancelled": 0,
        "attended": 0,
        "no_show": 0,
        "unchanged": 0,
    }
    assert sorted((e["row"], e["column"], e["code"]) for e in report["errors"]) == [
        (5, "예약상태", "invalid_status"),
        (5, "예약시간", "invalid_time"),
        (5, "휴대폰", "landline_phone"),
    ]
    assert [(w["row"], w["code"]) for w in report["warnings"]] == [(4, "unknown_procedure")]
    assert (await runs_by_workflow(rt)) == {reminder: ["running"] * 5}
    # When the next day's export is imported
    virtual(rt).advance(timedelta(hours=20))
    second = (await import_reservations(rt, clinic_id, read_table(cp949(DAY2), "day2.csv"))).as_dict()
    # Then each change is one event: moved, cancelled, attended (completing the cataract surgery), no-show, new
    assert {
        k: second[k] for k in ("rows", "created", "rescheduled", "cancelled", "attended", "no_show", "unchanged")
    } == {
        "rows": 6,
        "created": 1,
        "rescheduled": 1,
        "cancelled": 1,
        "attended": 1,
        "no_show": 1,
        "unchanged": 1,
    }
    assert second["errors"] == []
    assert await statuses(rt) == {
        "emr:R-1": "booked",
        "emr:R-2": "cancelled",
        "emr:R-3": "completed",
        "emr:R-4": "booked",
        "emr:R-6": "no_show",
        "emr:R-7": "booked",
    }
    runs = await runs_by_workflow(rt)
    assert runs[postop] == ["running"]  # the post-op run of R-3
    assert sorted(runs[reminder]) == ["cancelled", *["running"] * 5]  # R-2's reminder cancelled, R-7's added
    # And importing the same file again changes nothing
    again = (await import_reservations(rt, clinic_id, read_table(cp949(DAY2), "day2.csv"))).as_dict()
    assert (again["unchanged"], again["created"], again["rescheduled"], again["cancelled"]) == (6, 0, 0, 0)
    assert await runs_by_workflow(rt) == runs


async def test_dry_run_reports_the_same_and_writes_nothing(rt: Runtime, clinic_id: int) -> None:
    preview = await import_reservations(rt, clinic_id, read_table(cp949(DAY1), "day1.csv"), dry_run=True)
    assert preview.counts["created"] == 5
    async with session_scope(rt.settings, None) as session:
        assert (await session.execute(select(Appointment))).first() is None
        assert (await session.execute(select(Patient))).first() is None


async def test_without_reservation_numbers_rows_are_keyed_by_chart_date_and_procedure(
    rt: Runtime, clinic_id: int
) -> None:
    export = "\ufeff차트번호,성명,연락처,진료일,시간,시술명,상태\nC-1,김하나,01011112222,2026-12-08,14:30,라섹,예약\n"
    data = codecs.BOM_UTF8 + export.lstrip("\ufeff").encode("utf-8")
    first = await import_reservations(rt, clinic_id, read_table(data, "x.csv"))
    assert first.counts["created"] == 1
    moved = data.replace(b"14:30", b"16:00")
    second = await import_reservations(rt, clinic_id, read_table(moved, "x.csv"))
    assert second.counts["rescheduled"] == 1
    async with session_scope(rt.settings, None) as session:
        (stored,) = (await session.execute(select(Appointment))).scalars()
    assert stored.external_id.startswith("emr:k:") and "C-1" not in stored.external_id  # no chart no. in clear


async def test_xlsx_with_english_headers_and_an_explicit_map(rt: Runtime, clinic_id: int) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Booking ID", "Visit", "Time", "Chart", "Patient name", "Mobile", "Procedure", "Status"])
    sheet.append(["N-1", "2026-12-09", "3:00 PM", "E-1", "Kim", "010-5555-1212", "cataract", "confirmed"])
    buffer = io.BytesIO()
    book.save(buffer)
    report = await import_reservations(rt, clinic_id, read_table(buffer.getvalue(), "x.xlsx"), {"Visit": "date"})
    assert report.counts["created"] == 1 and report.errors == []
    assert await statuses(rt) == {"emr:N-1": "confirmed"}


async def test_a_file_without_a_date_column_is_refused_whole(rt: Runtime, clinic_id: int) -> None:
    report = await import_reservations(rt, clinic_id, read_table(b"chart,name\nA-1,Kim\n", "x.csv"))
    assert [(e.row, e.code) for e in report.errors] == [(0, "missing_column")]
    assert report.counts["created"] == 0


async def test_excel_date_and_time_cells_and_one_datetime_column(rt: Runtime, clinic_id: int) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["예약번호", "진료일시", "챠트번호", "수진자명", "핸드폰", "수술명", "진행상태"])
    sheet.append(["X-1", datetime(2026, 12, 9, 15, 0), "E-2", "이하나", "01055551313", "쌍커풀", "접수"])
    sheet.append(["X-2", "2026-12-10 오전 9:30", "E-3", "김둘", 1055551414, "코수술", "예약확정"])
    buffer = io.BytesIO()
    book.save(buffer)
    report = await import_reservations(rt, clinic_id, read_table(buffer.getvalue(), "x.xlsx"))
    assert (report.counts["created"], report.errors, report.warnings) == (2, [], [])
    async with session_scope(rt.settings, None) as session:
        stored = {
            a.external_id: (a.starts_at.astimezone(SEOUL).isoformat(), a.procedure, a.status)
            for a in (await session.execute(select(Appointment))).scalars()
            if a.starts_at is not None
        }
    assert stored == {
        "emr:X-1": ("2026-12-09T15:00:00+09:00", "blepharoplasty", "booked"),
        "emr:X-2": ("2026-12-10T09:30:00+09:00", "rhinoplasty", "confirmed"),
    }


async def test_a_row_with_a_truncated_cp949_byte_is_reported_and_skipped(rt: Runtime, clinic_id: int) -> None:
    # Found by the probe: the patient import skipped such a row, the reservation import booked it with a broken
    # name (U+FFFD in place of 정)
    data = cp949(DAY1)
    cut = data.index("정하늘".encode("cp949"))
    truncated = data[: cut + 1] + data[cut + 2 :]  # one byte of 정 missing
    report = (await import_reservations(rt, clinic_id, read_table(truncated, "day1.csv"))).as_dict()
    assert [(e["row"], e["code"]) for e in report["errors"] if e["code"] == "encoding_error"] == [(4, "encoding_error")]
    message = next(e["message"] for e in report["errors"] if e["code"] == "encoding_error")
    offset = int(message.split("byte offset ")[1].split()[0])  # where in the file: within R-4's name
    assert cut <= offset < cut + 8 and "CP949" in message and "바이트" in message, message
    assert report["created"] == 4  # R-4 (and the bad R-5) are not booked
    async with session_scope(rt.settings, None) as session:
        names = [p.name for p in (await session.execute(select(Patient))).scalars()]
    assert not any("\ufffd" in (name or "") for name in names), names
