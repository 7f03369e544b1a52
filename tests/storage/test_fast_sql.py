"""storage/fast_sql.py runs the runtime's prebuilt statements straight on the inline SQLite connection. It must
read and write exactly what SQLAlchemy's own execution does: the same rows and column values (UTC datetimes,
JSON, decrypted personal fields), the same Python-side column defaults, the same row counts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from runtime import events, outbox, runs
from runtime.context import Runtime
from runtime.frequency import _RECENT
from runtime.rundata import _LEDGER, _WORLD
from storage import fast_sql
from storage.alimtalk_templates.store import _APPROVED
from storage.db import read_scope, session_scope, write_scope
from storage.fast_sql import FastResult
from storage.models import OutboxMessage, Patient
from tests.support.documents import event, workflow
from tests.support.runtime import publish_document, start

ONE_SMS = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {
            "id": "note",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님 예약되었습니다", "purpose": "informational"},
        },
        {"id": "tag", "type": "patient.tag", "params": {"add": ["booked"]}},
    ],
    [("start", "note"), ("note", "tag")],
)
APPOINTMENT = {"id": "apt-1", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"}


async def _a_run(rt: Runtime, clinic_id: int) -> tuple[int, int, int]:
    await publish_document(rt.settings, clinic_id, ONE_SMS)
    (run_id,) = await start(rt, clinic_id, event("appointment.booked", "b-1", appointment=APPOINTMENT))
    async with session_scope(rt.settings, None) as session:
        message = (await session.execute(select(OutboxMessage))).scalar_one()
    return run_id, message.id, message.patient_id


async def _both(connection: AsyncConnection, statement: Any, params: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    fast = await fast_sql.execute(connection, statement, params)
    assert isinstance(fast, FastResult), "the inline connection takes the fast path"
    slow = await connection.execute(statement, params)
    return list(fast.all()), list(slow.all())


async def test_reads_give_the_rows_sqlalchemy_gives(rt: Runtime, clinic_id: int) -> None:
    # Given a run that sent an SMS to a patient with encrypted fields, JSON settings and UTC times
    run_id, _, patient_id = await _a_run(rt, clinic_id)
    reads: list[tuple[Any, dict[str, Any]]] = [
        (_WORLD, {"run": run_id}),
        (_LEDGER, {"patient": patient_id}),
        (runs._STEPS_OF, {"run": run_id}),
        (outbox._PEOPLE, {"clinic": clinic_id, "patient": patient_id, "run": run_id}),
        (events._KNOWN_EVENT, {"clinic": clinic_id, "type": "appointment.booked", "external_id": "b-1"}),
        (events._FIND_APPOINTMENT, {"clinic": clinic_id, "external_id": "apt-1"}),
        (_APPROVED, {"clinic": clinic_id}),
        # expanding IN: a list given, and a literal list in the statement
        (events._PUBLISHED, {"clinic": clinic_id, "triggers": ["trigger.appointment_booked", "trigger.manual"]}),
        (events._DOCUMENTS_OF, {"ids": [1, 2, 3]}),
        (_RECENT, {"patient": patient_id, "message": 0, "since": datetime(2020, 1, 1, tzinfo=UTC)}),
        (outbox._CLAIM, {"message": 0, "now": datetime(2030, 1, 1, tzinfo=UTC)}),
    ]
    async with read_scope(rt.settings, None) as session:
        connection = await session.connection()
        for statement, params in reads:
            # When each is read both ways; then the same values, the same columns by name
            fast, slow = await _both(connection, statement, params)
            assert [tuple(r) for r in fast] == [tuple(r) for r in slow], statement
            for mine, theirs in zip(fast, slow, strict=True):
                assert mine._mapping == dict(theirs._mapping)
    async with read_scope(rt.settings, None) as session:
        connection = await session.connection()
        fast_world = (await fast_sql.execute(connection, _WORLD, {"run": run_id})).first()
        world = (await connection.execute(_WORLD, {"run": run_id})).first()
    assert fast_world is not None and world is not None
    assert fast_world.p_name == world.p_name == "김민지"  # decrypted
    assert fast_world.trigger_at == world.trigger_at and fast_world.trigger_at.tzinfo is not None
    assert fast_world.c_settings == world.c_settings and isinstance(fast_world.c_settings, dict)
    assert fast_world.id == run_id and fast_world.p_tags == ["booked"]


async def test_writes_store_what_sqlalchemy_stores(rt: Runtime, clinic_id: int) -> None:
    run_id, _, patient_id = await _a_run(rt, clinic_id)
    outboxes = cast(Table, OutboxMessage.__table__)
    add = insert(outboxes).returning(outboxes.c.id)
    row = {
        "clinic_id": clinic_id,
        "run_id": run_id,
        "node_id": "x",
        "patient_id": patient_id,
        "channel": "sms",
        "purpose": "informational",
        "text": "안녕하세요",
        "due_at": datetime(2026, 12, 1, 6, 0, tzinfo=UTC),
    }
    # When the same minimal row (Python-side defaults left out) is inserted both ways
    async with write_scope(rt.settings, None) as session:
        connection = await session.connection()
        fast_id = (await fast_sql.execute(connection, add, {**row, "key": "fast"})).scalar_one()
        slow_id = (await connection.execute(add, {**row, "key": "slow"})).scalar_one()
        # and a guarded UPDATE counts the rows it changed, both ways
        touch = update(outboxes).where(outboxes.c.key == bindparam("k")).values(reason=bindparam("why"))
        assert getattr(await fast_sql.execute(connection, touch, {"k": "fast", "why": "둘"}), "rowcount", None) == 1
        assert getattr(await fast_sql.execute(connection, touch, {"k": "none", "why": "둘"}), "rowcount", None) == 0
    # Then both rows read back alike through the ORM: defaults, encryption, JSON and times
    async with session_scope(rt.settings, None) as session:
        fast_row = await session.get(OutboxMessage, fast_id)
        slow_row = await session.get(OutboxMessage, slow_id)
    assert fast_row is not None and slow_row is not None
    skip = {"id", "key", "created_at", "updated_at", "reason"}
    columns = [c.key for c in OutboxMessage.__table__.columns if c.key not in skip]
    assert {c: getattr(fast_row, c) for c in columns} == {c: getattr(slow_row, c) for c in columns}
    assert fast_row.attempts == 0 and fast_row.status == "pending" and fast_row.variables == {}
    assert fast_row.created_at is not None and fast_row.reason == "둘"
    assert fast_row.text == "안녕하세요" and fast_row.due_at == row["due_at"]


async def test_an_update_without_its_timestamp_sets_it_as_sqlalchemy_would(rt: Runtime, clinic_id: int) -> None:
    _, _, patient_id = await _a_run(rt, clinic_id)
    patients = cast(Table, Patient.__table__)
    retag = update(patients).where(patients.c.id == bindparam("patient")).values(tags=bindparam("new_tags"))
    async with session_scope(rt.settings, None) as session:
        found = await session.get(Patient, patient_id)
        assert found is not None
        before = found.updated_at
    async with write_scope(rt.settings, None) as session:
        await fast_sql.execute(await session.connection(), retag, {"patient": patient_id, "new_tags": ["vip"]})
    async with session_scope(rt.settings, None) as session:
        patient = await session.get(Patient, patient_id)
    assert patient is not None and patient.tags == ["vip"] and patient.updated_at > before


async def test_other_connections_and_statements_go_through_sqlalchemy(rt: Runtime, clinic_id: int) -> None:
    run_id, _, _ = await _a_run(rt, clinic_id)
    # a pooled (aiosqlite) connection: SQLAlchemy's own result
    async with session_scope(rt.settings, None) as session:
        pooled = await fast_sql.execute(await session.connection(), runs._STEPS_OF, {"run": run_id})
        assert not isinstance(pooled, FastResult) and len(pooled.all()) == 3
    async with read_scope(rt.settings, None) as session:
        # an empty list (SQLAlchemy renders it specially)
        documents = await fast_sql.execute(await session.connection(), events._DOCUMENTS_OF, {"ids": []})
        assert not isinstance(documents, FastResult) and documents.all() == []
        # an ORM session: its events (tenancy filters) apply
        through_session = await fast_sql.execute(session, runs._STEPS_OF, {"run": run_id})
        assert not isinstance(through_session, FastResult)
