"""The import in bulk (one transaction, look-ups a few hundred at a time) keeps the row-by-row meaning: a key
that comes up twice in one file is diffed against the first row's result, one new patient on several rows is
one patient, a file of many rows is imported in a few seconds and a second import changes nothing."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from bench.bench_appointments import WORKFLOWS, make_exports
from runtime.appointments.importer import import_reservations
from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import Appointment, Event, Patient, Run
from storage.patients.readers import read_table
from tests.appointments.exports import cp949
from tests.support.runtime import publish_document

HEADER = "예약번호,예약일자,예약시간,차트번호,환자명,휴대폰,진료내용,예약상태\n"


async def count(rt: Runtime, model: type) -> int:
    async with session_scope(rt.settings, None) as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_a_reservation_twice_in_one_file_is_booked_then_moved(rt: Runtime, clinic_id: int) -> None:
    export = HEADER + (
        "R-1,2026-12-08,10:00,A-1,김하나,010-1111-2222,라식,예약\n"
        "R-1,2026-12-09,11:00,A-1,김하나,010-1111-2222,라식,예약\n"
        "R-2,2026-12-10,09:00,A-1,김하나,010-1111-2222,백내장,확정\n"
    )
    report = await import_reservations(rt, clinic_id, read_table(cp949(export), "x.csv"))
    assert (report.counts["created"], report.counts["rescheduled"], report.errors) == (2, 1, [])
    async with session_scope(rt.settings, None) as session:
        stored = {
            a.external_id: (a.starts_at and a.starts_at.isoformat(), a.status)
            for a in (await session.execute(select(Appointment))).scalars()
        }
    assert stored == {
        "emr:R-1": ("2026-12-09T02:00:00+00:00", "booked"),
        "emr:R-2": ("2026-12-10T00:00:00+00:00", "confirmed"),
    }
    assert await count(rt, Patient) == 1  # the new patient of three rows is one patient


async def test_a_bad_row_creates_no_patient(rt: Runtime, clinic_id: int) -> None:
    export = (
        HEADER
        + "R-1,2026-12-08,10:00,A-1,김하나,010-1111-2222,라식,예약\nR-2,2026-12-08,,A-2,이둘,010-3333-4444,라식,예약\n"
    )
    report = await import_reservations(rt, clinic_id, read_table(cp949(export), "x.csv"))
    assert [(e.row, e.code) for e in report.errors] == [(2, "missing_time")]
    assert await count(rt, Patient) == 1


async def test_many_rows_in_one_transaction_quickly_and_idempotent(rt: Runtime, clinic_id: int) -> None:
    for document in WORKFLOWS:
        await publish_document(rt.settings, clinic_id, document)
    day1, day2 = make_exports(600)
    started = time.perf_counter()
    first = await import_reservations(rt, clinic_id, read_table(day1, "day1.csv"))
    elapsed = time.perf_counter() - started
    assert first.counts["created"] == 600 and first.errors == []
    assert elapsed < 30, elapsed  # a few seconds here; a generous bound for a loaded machine
    assert await count(rt, Run) == 600  # every booking's D-1 reminder
    second = await import_reservations(rt, clinic_id, read_table(day2, "day2.csv"))
    assert (second.counts["rescheduled"], second.counts["cancelled"], second.counts["attended"]) == (150, 150, 150)
    events = await count(rt, Event)
    again = await import_reservations(rt, clinic_id, read_table(day2, "day2.csv"))
    assert again.counts["unchanged"] == 600 and await count(rt, Event) == events


async def test_the_bulk_look_ups_on_both_databases(any_db_settings: Settings, clock: VirtualClock) -> None:
    runtime = Runtime(any_db_settings, clock=clock, dispatcher=QueueDispatcher())
    try:
        clinic = await ensure_default_clinic(any_db_settings)
        day1, day2 = make_exports(40)
        first = await import_reservations(runtime, clinic, read_table(day1, "day1.csv"))
        second = await import_reservations(runtime, clinic, read_table(day2, "day2.csv"))
        again = await import_reservations(runtime, clinic, read_table(day2, "day2.csv"))
    finally:
        await runtime.aclose()
        await dispose_engines()
    assert first.counts["created"] == 40 and first.errors == []
    assert (second.counts["rescheduled"], second.counts["cancelled"], second.counts["attended"]) == (10, 10, 10)
    assert again.counts["unchanged"] == 40
