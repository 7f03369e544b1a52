"""Appointment import speed: an EMR reservation export of N rows (2,000; 500 with --quick), imported into a
fresh embedded database with the D-1 reminder and the cataract post-op workflows published, then the next
day's export (every row moved, cancelled, attended or unchanged) on top.

Figures: ``import.appointments_rows_per_s`` (first export: every row a new patient and a booking that starts
a reminder run), ``import.appointments_diff_rows_per_s`` (the next export, diffed against what is stored).
Both imports are one write transaction each, as in the product.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runtime.appointments.importer import import_reservations
from runtime.clock import SEOUL, VirtualClock
from runtime.context import QueueDispatcher, Runtime
from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic, upgrade
from storage.patients.readers import read_table
from storage.tenancy import Caller
from storage.workflows.service import create_workflow, publish

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민지준호서연하늘바다유리수아도윤지우시우하준예린"
PROCEDURES = ("백내장", "라식", "라섹 수술", "스마일라식", "안과검진", "코성형", "쌍꺼풀", "상담")
START = datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL)
HEADER = "예약번호,예약일자,예약시간,차트번호,환자명,휴대폰,진료내용,담당의,예약상태"


def make_exports(rows: int, seed: int = 11) -> tuple[bytes, bytes]:
    """Day 1 (every row booked) and day 2 (a quarter moved, cancelled, attended, unchanged) as CP949 CSV."""
    rng = random.Random(seed)
    first, second = [HEADER], [HEADER]
    for i in range(rows):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        phone = f"010-{rng.randint(2000, 9999)}-{i % 10000:04d}"
        day = START.date() + timedelta(days=2 + i % 20)
        hour = 9 + i % 8
        procedure = rng.choice(PROCEDURES)
        row = [f"R{i:06d}", day.isoformat(), f"{hour}:00", f"C{i:07d}", name, phone, procedure, "김원장"]
        first.append(",".join([*row, "예약"]))
        change = i % 4
        if change == 0:
            row[2] = f"{hour}:30"
        second.append(",".join([*row, ("예약", "취소", "내원완료", "예약")[change]]))
    return _cp949(first), _cp949(second)


def _cp949(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("cp949")


def _workflow(name: str, trigger: dict[str, Any], wait: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "format": "doctorsflow.workflow/v1",
        "name": name,
        "nodes": [
            {"id": "start", **trigger},
            {"id": "wait", **wait},
            {"id": "sms", "type": "send.sms", "params": {"text": text, "purpose": "informational"}},
        ],
        "edges": [{"source": "start", "target": "wait"}, {"source": "wait", "target": "sms"}],
    }


# A D-1 reminder for every booking and a cataract post-op message: what a clinic's import starts.
WORKFLOWS = (
    _workflow(
        "D-1 알림",
        {"type": "trigger.appointment_booked"},
        {"type": "wait.until", "params": {"anchor": "appointment", "offset_days": -1, "at": "10:00"}},
        "{{ patient.name }}님, 내일 {{ appointment.starts_at | date }} 예약입니다.",
    ),
    _workflow(
        "백내장 수술 후",
        {"type": "trigger.procedure_completed", "params": {"procedures": ["cataract"]}},
        {"type": "wait.duration", "params": {"days": 1}},
        "{{ patient.name }}님, 수술 다음 날 안약을 넣어 주세요.",
    ),
)


async def _publish(settings: Settings, clinic_id: int) -> None:
    caller = Caller(clinic_id=clinic_id, actor="bench")
    async with session_scope(settings, clinic_id) as session:
        for document in WORKFLOWS:
            created = await create_workflow(session, caller, dict(document))
            await publish(session, caller, created.id)


def run(quick: bool = False) -> list[dict[str, Any]]:
    rows = 500 if quick else 2_000
    day1, day2 = make_exports(rows)
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(Path(tmp), f"sqlite+aiosqlite:///{tmp}/bench.db", None, "bench-secret")
        crypto.configure(settings)
        upgrade(settings)
        clock = VirtualClock(START)
        runtime = Runtime(settings, clock=clock, dispatcher=QueueDispatcher(), sandbox_journal=Path(tmp) / "sandbox")

        async def both() -> list[tuple[float, float, dict[str, Any]]]:
            try:
                clinic_id = await ensure_default_clinic(settings)
                await _publish(settings, clinic_id)
                timings = []
                for data in (day1, day2):
                    started, cpu = time.perf_counter(), time.process_time()
                    report = await import_reservations(runtime, clinic_id, read_table(data, "export.csv"))
                    timings.append((time.perf_counter() - started, time.process_time() - cpu, report.as_dict()))
                    clock.advance(timedelta(hours=20))
                return timings
            finally:
                await runtime.aclose()
                await dispose_engines()

        (first, first_cpu, report), (second, second_cpu, again) = asyncio.run(both())
    assert report["created"] == rows and not report["errors"], report["errors"][:3]
    assert again["rescheduled"] + again["cancelled"] + again["attended"] + again["unchanged"] == rows, again
    details = {"rows": rows, "database": "sqlite"}
    for name, seconds, cpu in (
        ("import.appointments_rows_per_s", first, first_cpu),
        ("import.appointments_diff_rows_per_s", second, second_cpu),
    ):
        figures.append(
            {
                "bench": name,
                "value": round(rows / seconds, 1),
                "unit": "rows/s",
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                **details,
            }
        )
    return figures


if __name__ == "__main__":
    for figure in run(quick=True):
        print(json.dumps(figure, ensure_ascii=False))
