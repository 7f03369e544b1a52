"""The runtime's personal data at rest: outbox texts/variables/failover, event payloads and step details are
ciphertexts in the database, read back transparently; legacy plaintext rows still read and get encrypted by
migration 0601 and by rotate-key."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import pytest
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import JSON, Text, column, select, table, text, update

from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.events import ingest
from runtime.inline import run_until
from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, engine_for, session_scope
from storage.migrate import alembic_config, ensure_default_clinic
from storage.models import Base, Event, OutboxMessage, RunStep
from storage.patients import rights
from storage.patients.rotation import ROTATED, rotate
from storage.patients.service import find_patient, get_patient
from storage.tenancy import Caller
from tests.support.clinic import ready_clinic
from tests.support.documents import START, event, example
from tests.support.runtime import publish_document

PERSONAL = ["김민지", "01012345678", "010-1234-5678", "A-1001", "apt-9", "cataract"]
RAW = {
    "outbox": "select id, text, subject, variables, failover, error_message from outbox order by id",
    "events": "select id, payload from events order by id",
    "run_steps": "select id, detail from run_steps order by id",
}


async def raw_rows(runtime: Runtime) -> dict[str, list[dict[str, Any]]]:
    """The columns as SQLite holds them, without the models' types."""
    async with engine_for(runtime.settings.database_url).connect() as connection:
        return {
            name: [dict(row) for row in (await connection.execute(text(sql))).mappings()] for name, sql in RAW.items()
        }


@pytest.fixture
async def runtime(any_db_settings: Settings, clock: VirtualClock, tmp_path: Any) -> Runtime:
    """The runtime fixture on SQLite and, when configured, PostgreSQL."""
    clinic_id = await ensure_default_clinic(any_db_settings)
    await ready_clinic(any_db_settings, clinic_id)  # approved template copies, profile filled (issue 15)
    await dispose_engines()
    return Runtime(any_db_settings, clock=clock, dispatcher=QueueDispatcher(), sandbox_journal=tmp_path / "sandbox")


# The runtime's tables as stored: plain types, to write legacy rows behind the models' back.
OUTBOX = table("outbox", column("id"), column("text", Text), column("subject", Text), column("variables", JSON),
               column("failover", JSON))  # fmt: skip
EVENTS = table("events", column("id"), column("payload", JSON))
STEPS = table("run_steps", column("id"), column("detail", JSON))


def as_json(value: Any) -> Any:
    """A JSON column read with text(): a string on SQLite, decoded already on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def leaks(value: object) -> list[str]:
    dumped = json.dumps(value, ensure_ascii=False)
    return [p for p in PERSONAL if p in dumped]


async def cataract_and_cancellation(runtime: Runtime, clinic: int) -> None:
    """Real runs: AlimTalks with an SMS failover and variables; a cancellation with a staff notice."""
    await publish_document(runtime.settings, clinic, example("cataract-postop"))
    await publish_document(runtime.settings, clinic, example("appointment-cancelled"))
    done = {"id": "apt-9", "starts_at": START.isoformat(), "procedure": "cataract"}
    await ingest(runtime, clinic, event("procedure.completed", "emr-1", appointment=done))
    booked = {"id": "apt-90", "starts_at": (START + timedelta(days=3)).isoformat()}
    await ingest(runtime, clinic, event("appointment.booked", "emr-2", appointment=booked))
    await ingest(runtime, clinic, event("appointment.cancelled", "emr-3", appointment={"id": "apt-90"}))
    await run_until(runtime, START + timedelta(days=2))


async def readable(runtime: Runtime) -> dict[str, Any]:
    """What the ORM reads back (decrypted)."""
    async with session_scope(runtime.settings, None) as session:
        messages = list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())
        events = list((await session.execute(select(Event).order_by(Event.id))).scalars())
        steps = list((await session.execute(select(RunStep).order_by(RunStep.id))).scalars())
    return {
        "messages": [(m.id, m.text, m.subject, m.variables, m.failover, m.error_message) for m in messages],
        "events": [(e.id, e.payload) for e in events],
        "steps": [(s.id, s.detail) for s in steps],
    }


async def test_a_real_run_leaves_no_personal_data_in_clear_and_reads_back(
    rt: Runtime,
    clinic_id: int,
    client: AsyncTestClient[Litestar],
) -> None:
    # Given real runs through the runtime (AlimTalk with failover, an SMS, a staff notice)
    await cataract_and_cancellation(rt, clinic_id)
    # Then the raw columns hold ciphertexts only
    raw = await raw_rows(rt)
    assert leaks(raw) == []
    assert all(crypto.is_token(row["text"]) for row in raw["outbox"])
    assert all(as_json(row["payload"])["enc"] for row in raw["events"])
    # And the ORM reads the texts, variables, failover, payloads and notices back
    plain = await readable(rt)
    texts = [m[1] for m in plain["messages"]]
    assert texts and all("김민지" in t for t in texts)
    alimtalk = [m for m in plain["messages"] if m[4]]
    assert alimtalk and all(m[4]["channel"] == "sms" and "김민지" in m[4]["text"] for m in alimtalk)
    assert any("김민지" in json.dumps(m[3], ensure_ascii=False) for m in plain["messages"])
    assert plain["events"][0][1]["appointment"] == {
        "id": "apt-9",
        "starts_at": START.isoformat(),
        "procedure": "cataract",
    }
    notices = [d["notice"]["text"] for _, d in plain["steps"] if "notice" in d]
    assert notices == [notices[0]] and "김민지 (A-1001)" in notices[0]
    # And the API answers with the plain texts too (the list of many patients' messages with names masked)
    answer = (await client.get("/api/messages")).json()["messages"]
    assert sorted(m["text"] for m in answer) == sorted(t.replace("김민지", "김*지") for t in texts)
    run_ids = (await client.get("/api/runs")).json()["runs"]
    details = [(await client.get(f"/api/runs/{r['id']}")).json() for r in run_ids]
    shown = [s["detail"]["notice"]["text"] for d in details for s in d["steps"] if s["detail"].get("notice")]
    assert shown == notices
    await dispose_engines()


async def test_legacy_plaintext_rows_read_and_rotation_encrypts_them(runtime: Runtime) -> None:
    # Given runtime rows, and rows left in plaintext from before 0601 (written behind the types' back)
    await cataract_and_cancellation(runtime, 1)
    before = await readable(runtime)
    message_id, step_id, event_id = before["messages"][0][0], before["steps"][0][0], before["events"][0][0]
    legacy_failover = {"channel": "sms", "text": "김민지님 문자"}
    async with engine_for(runtime.settings.database_url).begin() as connection:
        legacy_message = {"text": "김민지님 옛 메시지", "subject": "안내", "variables": {"name": "김민지"}}
        await connection.execute(
            update(OUTBOX).where(OUTBOX.c.id == message_id).values(**legacy_message, failover=legacy_failover)
        )
        await connection.execute(
            update(EVENTS).where(EVENTS.c.id == event_id).values(payload={"appointment": {"id": "apt-9"}})
        )
        await connection.execute(update(STEPS).where(STEPS.c.id == step_id).values(detail={"tags": {"add": ["x"]}}))
    # Then they read back as they were, next to the encrypted rows
    legacy = await readable(runtime)
    assert legacy["messages"][0][1:5] == ("김민지님 옛 메시지", "안내", {"name": "김민지"}, legacy_failover)
    assert legacy["messages"][1:] == before["messages"][1:]
    assert dict(legacy["events"])[event_id] == {"appointment": {"id": "apt-9"}}
    assert dict(legacy["steps"])[step_id] == {"tags": {"add": ["x"]}}
    assert leaks(await raw_rows(runtime)) != []
    # When the key is rotated
    old = crypto.current()
    new = crypto.DataKey.from_secret("the next secret")
    with crypto.using(crypto.Keyring(active=new, keys=dict(old.keys))):
        async with session_scope(runtime.settings, None) as session:
            result = await rotate(session)
        # Then every runtime row is re-encrypted under the new key (the legacy ones for the first time)
        assert result["messages"] == len(before["messages"]) and result["events"] == len(before["events"])
        assert result["run_steps"] == sum(1 for _, d in legacy["steps"] if d)  # empty details hide nothing
        raw = await raw_rows(runtime)
        assert leaks(raw) == []
        assert {crypto.Keyring.key_id_of(r["text"]) for r in raw["outbox"]} == {new.key_id}
        tokens = [as_json(r["payload"])["enc"] for r in raw["events"]]
        tokens += [as_json(r["detail"])["enc"] for r in raw["run_steps"] if as_json(r["detail"])]
        assert {crypto.Keyring.key_id_of(t) for t in tokens} == {new.key_id}
        assert await readable(runtime) == legacy
        async with session_scope(runtime.settings, None) as session:
            again = await rotate(session)
        assert again["messages"] == again["events"] == again["run_steps"] == 0
    await dispose_engines()


async def test_migration_0601_encrypts_existing_rows_and_downgrade_restores_them(runtime: Runtime) -> None:
    # Given runtime rows, and the database taken back to before 0601 (plaintext, subject VARCHAR(200))
    await cataract_and_cancellation(runtime, 1)
    before = await readable(runtime)
    await dispose_engines()
    config = alembic_config(runtime.settings)
    await asyncio.to_thread(command.downgrade, config, "0002_runtime")
    raw = await raw_rows(runtime)
    assert "김민지" in raw["outbox"][0]["text"] and "apt-9" in json.dumps(raw["events"][0]["payload"])
    assert not any(crypto.is_token(r["text"]) for r in raw["outbox"])
    await dispose_engines()
    # When the database is upgraded again
    await asyncio.to_thread(command.upgrade, config, "heads")
    # Then the rows are ciphertexts again and read back the same
    assert leaks(await raw_rows(runtime)) == []
    assert await readable(runtime) == before
    await dispose_engines()


async def test_erasure_empties_the_runtime_columns_of_the_patient(runtime: Runtime) -> None:
    clinic = 1
    # Given real runs with messages, payloads and a staff notice naming the patient
    await cataract_and_cancellation(runtime, clinic)
    # When the patient is erased
    caller = Caller(clinic_id=clinic, actor="user:1")
    async with session_scope(runtime.settings, clinic) as session:
        patient = await find_patient(session, chart_no="A-1001")
        assert patient is not None
        await rights.erase_patient(session, caller, patient)
    # Then nothing personal is left: not in the raw columns, not read back, not in an export
    after = await readable(runtime)
    assert leaks(after) == [] and leaks(await raw_rows(runtime)) == []
    assert all(m[1].startswith("erased:") and m[3] == {} and m[4] is None for m in after["messages"])
    assert [p for _, p in after["events"]] == [{}, {}, {}]
    assert [d for _, d in after["steps"]] == [{}] * len(after["steps"])
    async with session_scope(runtime.settings, clinic) as session:
        erased = await get_patient(session, patient.id)
        assert erased is not None
        # (the appointment's procedure is kept on purpose, for statistics: rights._KEEP)
        assert leaks(await rights.export_patient(session, caller, erased)) == ["cataract"]
    await dispose_engines()


def test_every_encrypted_column_is_rotated() -> None:
    encrypted = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.c
        if isinstance(column.type, crypto.EncryptedText | crypto.EncryptedDate | crypto.EncryptedJSON)
    }
    rotated = {(table.name, column) for table, columns in ROTATED.values() for column in columns}
    assert encrypted == rotated


# -- the column type -------------------------------------------------------------------------------------------
KEYRING = crypto.Keyring(active=crypto.DataKey.from_secret("property secret"))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# What must never show: names in Hangul, or a mobile number's digits.
MARKERS = st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=2, max_size=4) | st.from_regex(
    r"010[0-9]{8}", fullmatch=True
)


def stored(value: Any) -> str:
    """What the database would hold: the bound value, serialised as the JSON impl does."""
    return json.dumps(crypto.EncryptedJSON("t.c").process_bind_param(value, None), ensure_ascii=False)


def loaded(raw: str) -> Any:
    return crypto.EncryptedJSON("t.c").process_result_value(json.loads(raw), None)


@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES, marker=MARKERS, where=st.sampled_from(["key", "value", "list", "plain"]))
def test_encrypted_json_round_trips_and_never_stores_the_marker(value: Any, marker: str, where: str) -> None:
    # Given any JSON value with a personal marker put in a key, a value or a list
    document: Any = {
        "key": {marker: value},
        "value": {"v": value, "name": marker},
        "list": [value, marker],
        "plain": marker,
    }[where]
    with crypto.using(KEYRING):
        raw = stored(document)
        # Then the stored form never holds the marker, and reads back equal
        assert marker not in raw
        assert loaded(raw) == document
        assert json.loads(raw).keys() == {"enc"}


@given(value=st.sampled_from([None, {}, []]) | JSON_VALUES.filter(lambda v: not isinstance(v, dict)))
def test_legacy_plaintext_json_reads_unchanged(value: Any) -> None:
    # A value stored before encryption (no {"enc": token} wrapper) is returned as it is
    with crypto.using(KEYRING):
        assert crypto.EncryptedJSON("t.c").process_result_value(value, None) == value
        assert crypto.EncryptedJSON("t.c").process_result_value({"enc": "not a token"}, None) == {"enc": "not a token"}


def test_encrypted_text_reads_legacy_plaintext_only_where_allowed() -> None:
    with crypto.using(KEYRING):
        legacy = crypto.EncryptedText("outbox.text", legacy_plaintext=True)
        strict = crypto.EncryptedText("patients.name")
        token = legacy.process_bind_param("김민지님 안내", None)
        assert token is not None and crypto.is_token(token) and "김민지" not in token
        assert legacy.process_result_value(token, None) == "김민지님 안내"
        assert legacy.process_result_value("김민지님 옛 안내", None) == "김민지님 옛 안내"
        with pytest.raises(crypto.DecryptionError):  # a strict column never takes plaintext
            strict.process_result_value("김민지", None)
        # The shortest ciphertext is still a token; one of another column does not open here
        short = crypto.EncryptedText("outbox.subject").process_bind_param("x", None)
        assert crypto.is_token(short)
        with pytest.raises(crypto.DecryptionError):
            legacy.process_result_value(short, None)
