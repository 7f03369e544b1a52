"""Appointments at rest (issue 18): a patient's procedure, its spelling and the doctor are ciphertexts in the
database file — the file's bytes hold none of them — and the book still filters by them; migration 2301 encrypts
rows written before it (and zeroes what it replaced)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text

from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, engine_for
from storage.migrate import alembic_config, upgrade

Client = AsyncTestClient[Litestar]
# A procedure the catalogue lacks (kept as spelled), a catalogue surgery as the receptionist typed it (the
# AlimTalk library's own texts say "백내장 수술", with a space: not personal), its code, and two doctors: none
# may appear in the file.
UNKNOWN = "희귀각막재건술"
TYPED = "백내장수술"
SECRETS = [UNKNOWN, TYPED, "cataract", "김안과원장", "박도윤"]


async def _book(client: Client) -> list[int]:
    ids = []
    for chart, procedure, doctor in (("A-7001", TYPED, "김안과원장"), ("A-7002", UNKNOWN, "박도윤")):
        made = await client.post(
            "/api/appointments",
            json={
                "patient": {"chart_no": chart},
                "starts_at": "2026-12-08T10:00",
                "procedure": procedure,
                "doctor": doctor,
            },
        )
        assert made.status_code == 201, made.text
        ids.append(made.json()["appointment"]["id"])
    return ids


async def _file_bytes(settings: Settings) -> bytes:
    """Every byte SQLite keeps for this database: the file, its WAL and shared memory."""
    await dispose_engines()  # close connections: the WAL is checkpointed into the file
    files = sorted(Path(settings.data_dir).glob("doctorsflow.db*"))
    assert files
    return b"".join(path.read_bytes() for path in files)


def _found(blob: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in blob]


async def _raw(settings: Settings) -> list[dict[str, Any]]:
    sql = "select procedure, procedure_text, doctor from appointments order by id"
    async with engine_for(settings.database_url).connect() as connection:
        return [dict(r) for r in (await connection.execute(text(sql))).mappings()]


async def test_the_database_file_holds_no_procedure_or_doctor_and_the_book_still_filters(
    client: Client, settings: Settings
) -> None:
    # Given two appointments: a catalogue surgery typed in Korean and a procedure the catalogue lacks
    await _book(client)
    # Then the columns hold ciphertexts, and no byte of the database file spells the procedure or the doctor
    raw = await _raw(settings)
    assert all(crypto.is_token(v) for row in raw for v in row.values() if v is not None)
    assert _found(await _file_bytes(settings)) == []
    # And the book shows them decrypted, and filters by procedure code, spelling and doctor
    day = {"from": "2026-12-08", "to": "2026-12-08"}
    listed = (await client.get("/api/appointments", params=day)).json()["appointments"]
    assert sorted((a["procedure"], a["doctor"]) for a in listed) == [("cataract", "김안과원장"), (UNKNOWN, "박도윤")]
    for query, expected in (({"procedure": "cataract"}, ["김안과원장"]), ({"procedure": UNKNOWN}, ["박도윤"])):
        found = (await client.get("/api/appointments", params={**day, **query})).json()["appointments"]
        assert [a["doctor"] for a in found] == expected
    by_doctor = (await client.get("/api/appointments", params={**day, "doctor": "박도윤"})).json()["appointments"]
    assert [a["procedure"] for a in by_doctor] == [UNKNOWN]
    # And one appointment's page reads it back too
    unknown = next(a for a in listed if a["procedure"] == UNKNOWN)
    detail = (await client.get(f"/api/appointments/{unknown['id']}")).json()
    assert (detail["doctor"], detail["procedure_unknown"]) == ("박도윤", True)


async def test_migration_2301_encrypts_rows_written_before_it(client: Client, settings: Settings) -> None:
    # Given appointments, and the database taken back to before 2301 (the columns plaintext again)
    await _book(client)
    day = {"from": "2026-12-08", "to": "2026-12-08"}
    before = (await client.get("/api/appointments", params=day)).json()
    await dispose_engines()
    config = alembic_config(settings)
    await asyncio.to_thread(command.downgrade, config, "2300_users_email_per_clinic")
    raw = await _raw(settings)
    assert {r["procedure_text"] for r in raw} == {TYPED, UNKNOWN} and {r["doctor"] for r in raw} == {
        "김안과원장",
        "박도윤",
    }
    async with engine_for(settings.database_url).connect() as connection:  # as a server left it: all in the file
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sorted(_found(await _file_bytes(settings))) == sorted(SECRETS)
    # When `migrate` upgrades it again
    upgrade(settings)
    # Then the rows are ciphertexts, what they replaced is gone from the file (free pages too: the migration
    # asks `migrate` to rewrite the file), and they read back the same
    assert all(crypto.is_token(v) for row in await _raw(settings) for v in row.values() if v is not None)
    assert _found(await _file_bytes(settings)) == []
    assert (await client.get("/api/appointments", params=day)).json() == before
