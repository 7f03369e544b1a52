"""Import speed: a CP949 EMR export of N rows (100,000; 20,000 with --quick) into a fresh embedded database.

Figures: ``import.rows_per_s`` (first import: every row a new patient), ``import.reimport_rows_per_s``
(the same file again: every row matched through the blind indexes and updated).
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import upgrade
from storage.patients.importer import ImportOptions, import_table
from storage.patients.readers import read_table
from storage.tenancy import Caller

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민지준호서연하늘바다유리수아도윤지우시우하준예린"


def make_export(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    lines = ["차트번호,수진자명,핸드폰,생년월일,성별,광고수신동의"]
    for i in range(rows):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        phone = f"010-{rng.randint(2000, 9999)}-{i % 10000:04d}"
        birth = f"{rng.randint(1940, 2005)}.{rng.randint(1, 12)}.{rng.randint(1, 28)}"
        lines.append(f"C{i:07d},{name},{phone},{birth},{rng.choice('남여')},{rng.choice('YN')}")
    return ("\r\n".join(lines) + "\r\n").encode("cp949")


async def _import(settings: Settings, data: bytes) -> tuple[float, float, dict[str, Any]]:
    started, cpu = time.perf_counter(), time.process_time()
    table = read_table(data, "bench.csv")
    async with session_scope(settings, 1) as session:
        report = await import_table(session, Caller(clinic_id=1, actor="bench"), table, ImportOptions())
    # CPU seconds too: on a shared machine the wall clock also measures the neighbours.
    return time.perf_counter() - started, time.process_time() - cpu, report.as_dict()


def run(quick: bool = False) -> list[dict[str, Any]]:
    rows = 20_000 if quick else 100_000
    data = make_export(rows)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(Path(tmp), f"sqlite+aiosqlite:///{tmp}/bench.db", None, "bench-secret")
        crypto.configure(settings)
        upgrade(settings)

        async def both() -> tuple[tuple[float, float, dict[str, Any]], tuple[float, float, dict[str, Any]]]:
            try:
                return await _import(settings, data), await _import(settings, data)
            finally:
                await dispose_engines()

        (first, first_cpu, report), (second, second_cpu, again) = asyncio.run(both())
    assert report["imported"] == rows and again["updated"] == rows, (report["errors"][:3], again["errors"][:3])
    details = {"rows": rows, "database": "sqlite", "bytes": len(data)}
    return [
        {
            "bench": "import.rows_per_s",
            "value": round(rows / first, 1),
            "unit": "rows/s",
            "seconds": round(first, 2),
            "cpu_seconds": round(first_cpu, 2),
            **details,
        },
        {
            "bench": "import.reimport_rows_per_s",
            "value": round(rows / second, 1),
            "unit": "rows/s",
            "seconds": round(second, 2),
            "cpu_seconds": round(second_cpu, 2),
            **details,
        },
    ]


if __name__ == "__main__":
    import json

    for figure in run(quick=True):
        print(json.dumps(figure, ensure_ascii=False))
