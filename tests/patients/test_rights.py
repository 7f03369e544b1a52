"""Rights of the patient and security of the data: export, erasure, retention, encryption at rest, rotation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import crypto
from storage.config import Settings
from storage.db import dispose_engines, engine_for, session_scope
from storage.models import Appointment, AuditEntry, Clinic, Erasure, OutboxMessage, Patient
from storage.models.base import utcnow
from storage.patients import rights
from storage.patients.consents import Guardian, current_consents, record_consent
from storage.patients.importer import ImportOptions, import_table
from storage.patients.readers import read_table
from storage.patients.retention import apply_retention
from storage.patients.rotation import rotate
from storage.patients.service import find_patient, get_patient, upsert_patient
from storage.tenancy import Caller
from tests.patients.conftest import csv_bytes

CALLER = Caller(clinic_id=1, actor="user:5")
PERSONAL = ["김민지", "01012345678", "010-1234-5678", "A-1001", "1985-03-02", "정엄마", "naver-8812"]


async def erased_at(session: AsyncSession, patient_id: int) -> datetime | None:
    patient = await get_patient(session, patient_id)
    assert patient is not None
    return patient.erased_at


async def make_patient(session: AsyncSession) -> Patient:
    patient = await upsert_patient(
        session, chart_no="A-1001", name="김민지", phone="010-1234-5678", birth_date=date(1985, 3, 2), sex="F"
    )
    await record_consent(session, patient, purpose="marketing", granted=True, method="kiosk", recorded_by="user:5")
    await record_consent(
        session, patient, purpose="treatment", granted=True, method="paper", guardian=Guardian("정엄마", "모")
    )
    session.add(Appointment(patient_id=patient.id, external_id="naver-8812", procedure="cataract", status="booked"))
    session.add(
        OutboxMessage(
            key=f"test:{patient.id}", node_id="care1", patient_id=patient.id, channel="sms", purpose="informational",
            text="김민지님, 내일 백내장 수술입니다", variables={"name": "김민지"}, status="pending", due_at=utcnow(),
        )
    )  # fmt: skip
    await session.flush()
    return patient


def leaks(document: object) -> list[str]:
    text = json.dumps(document, ensure_ascii=False) if not isinstance(document, str) else document
    return [value for value in PERSONAL if value in text]


async def test_export_then_erase_then_export_shows_nothing_personal(any_db_settings: Settings) -> None:
    # Given a patient with consents (one through a guardian) and an appointment
    async with session_scope(any_db_settings, 1) as session:
        patient = await make_patient(session)
        first = await rights.export_patient(session, CALLER, patient)
        csv_text = rights.export_as_csv(first)
    # The export holds everything
    assert first["patient"]["name"] == "김민지" and first["patient"]["phone"] == "01012345678"
    assert [c["purpose"] for c in first["consents"]] == ["marketing", "treatment"]
    assert first["consents"][1]["guardian"] == {"name": "정엄마", "relationship": "모"}
    assert [a["procedure"] for a in first["appointments"]] == ["cataract"]
    assert first["messages"][0]["text"].startswith("김민지님")
    assert set(leaks(first)) == set(PERSONAL) - {"010-1234-5678"}
    assert csv_text.startswith("\ufeffsection,row,field,value") and "김민지" in csv_text
    # When the patient is erased
    async with session_scope(any_db_settings, 1) as session:
        found = await get_patient(session, patient.id)
        assert found is not None
        erasure = await rights.erase_patient(session, CALLER, found)
    assert erasure.counts == {
        "runs_cancelled": 0, "consents": 2, "appointments": 1, "messages": 1, "events": 0, "runs": 0,
        "reschedule_requests": 0,
    }  # fmt: skip
    # Then a new export shows nothing personal, but the counts and the erasure record remain
    async with session_scope(any_db_settings, 1) as session:
        erased = await get_patient(session, patient.id)
        assert erased is not None and erased.erased_at is not None and erased.opted_out
        second = await rights.export_patient(session, CALLER, erased)
        assert await find_patient(session, chart_no="A-1001", phone="010-1234-5678") is None
        records = list((await session.execute(select(Erasure))).scalars())
        audit = [
            (a.action, a.target) for a in (await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars()
        ]
    assert leaks(second) == [] and leaks(rights.export_as_csv(second)) == []
    assert len(second["consents"]) == 2 and len(second["appointments"]) == 1
    # The unsent message is cancelled and its text gone; the row stays for the counts.
    assert [(m["status"], m["channel"], m["variables"]) for m in second["messages"]] == [("cancelled", "sms", {})]
    assert [(r.patient_id, r.reason, r.actor) for r in records] == [(patient.id, "request", "user:5")]
    assert leaks({"counts": records[0].counts}) == []
    assert audit == [
        ("patient.export", f"patient:{patient.id}"),
        ("patient.erase", f"patient:{patient.id}"),
        ("patient.export", f"patient:{patient.id}"),
    ]
    await dispose_engines()


async def test_the_sqlite_file_holds_no_name_or_phone_in_clear(settings: Settings) -> None:
    # Given patients imported from a file and a consent given by a guardian
    data = csv_bytes(
        ["차트번호", "이름", "휴대폰", "생년월일", "보호자", "동의"],
        [
            ["A-1001", "김민지", "010-1234-5678", "1985-03-02", "", "Y"],
            ["A-1002", "이준호", "010-2222-3333", "", "", ""],
        ],
        "cp949",
    )
    async with session_scope(settings, 1) as session:
        await import_table(session, CALLER, read_table(data, "p.csv"), ImportOptions())
        patient = await find_patient(session, phone="01012345678")
        assert patient is not None
        await record_consent(
            session, patient, purpose="night_ads", granted=True, method="web", guardian=Guardian("정엄마", "모")
        )
    # When the WAL is checkpointed into the database file
    async with engine_for(settings.database_url).connect() as connection:
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    await dispose_engines()
    # Then no personal value is in the file's bytes, in any encoding
    raw = b"".join(p.read_bytes() for p in Path(settings.data_dir).glob("doctorsflow.db*"))
    for value in ["김민지", "이준호", "정엄마", "01012345678", "01022223333", "1985-03-02", "A-1001"]:
        for encoding in ("utf-8", "cp949", "utf-16-le"):
            assert value.encode(encoding) not in raw, (value, encoding)
    assert b"010-1234-5678" not in raw


async def test_other_packages_tables_plug_into_export_and_erasure(settings: Settings) -> None:
    # Given a runtime-like outbox table registered with its personal columns, and a hook that cancels runs
    outbox = Table(
        "test_outbox",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("patient_id", Integer),
        Column("channel", String(20)),
        Column("to_phone", String(20), nullable=True),
        Column("text", Text, nullable=True),
    )
    async with engine_for(settings.database_url).begin() as connection:
        await connection.run_sync(outbox.create)
    cancelled: list[int] = []

    async def cancel_runs(session: AsyncSession, patient_id: int) -> dict[str, int]:
        cancelled.append(patient_id)
        return {"runs_cancelled": 1}

    rights.register_patient_table("test_messages", outbox, personal=("to_phone", "text"))
    rights.register_erasure_hook(cancel_runs)
    try:
        async with session_scope(settings, 1) as session:
            patient = await make_patient(session)
            await session.execute(
                insert(outbox),
                [{"patient_id": patient.id, "channel": "sms", "to_phone": "01012345678", "text": "김민지님 내일 수술"}],
            )
            exported = await rights.export_patient(session, CALLER, patient)
            assert exported["test_messages"][0]["text"] == "김민지님 내일 수술"
            erasure = await rights.erase_patient(session, CALLER, patient)
            after = await rights.export_patient(session, CALLER, patient)
    finally:
        rights.unregister_patient_table("test_messages")
        rights.unregister_erasure_hook(cancel_runs)
    assert cancelled == [patient.id]
    assert erasure.counts["runs_cancelled"] == 1 and erasure.counts["test_messages"] == 1
    assert after["test_messages"][0]["channel"] == "sms" and after["test_messages"][0]["text"] is None
    assert leaks(after) == []
    await dispose_engines()


def test_an_unregistered_table_with_patient_ids_has_its_free_text_blanked() -> None:
    table = Table(
        "some_future_table",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("patient_id", Integer),
        Column("status", String(20), nullable=True),
        Column("body", Text, nullable=True),
        Column("recipient", String(40), nullable=True),
        Column("sent_at", String(40), nullable=True),
    )
    assert rights._generic_personal(table) == ("body", "recipient")


async def test_retention_erases_only_patients_inactive_longer_than_the_setting(any_db_settings: Settings) -> None:
    now = utcnow()
    async with session_scope(any_db_settings, 1) as session:
        assert await apply_retention(session, CALLER) == {"retention_days": None, "erased": 0}
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.settings = {**clinic.settings, "retention_days": 30}
        stale = await upsert_patient(
            session, chart_no="S", name="오래전", phone="010-1000-0001", activity_at=now - timedelta(days=40)
        )
        active = await upsert_patient(
            session, chart_no="R", name="최근", phone="010-1000-0002", activity_at=now - timedelta(days=10)
        )
        assert await apply_retention(session, CALLER, dry_run=True) == {"retention_days": 30, "erased": 0 + 1}
    async with session_scope(any_db_settings, 1) as session:
        assert (await erased_at(session, stale.id)) is None
        assert await apply_retention(session, CALLER) == {"retention_days": 30, "erased": 1}
    async with session_scope(any_db_settings, 1) as session:
        assert (await erased_at(session, stale.id)) is not None
        assert (await erased_at(session, active.id)) is None
        reasons = list((await session.execute(select(Erasure.reason))).scalars())
    assert reasons == ["retention"]
    await dispose_engines()


async def test_rotation_re_encrypts_and_re_indexes_under_the_new_key(any_db_settings: Settings) -> None:
    old = crypto.DataKey.from_secret("old secret")
    new = crypto.DataKey.from_secret("new secret")
    with crypto.using(crypto.Keyring(active=old)):
        async with session_scope(any_db_settings, 1) as session:
            patient = await make_patient(session)
    with crypto.using(crypto.Keyring(active=new, keys={old.key_id: old})):
        async with session_scope(any_db_settings, 1) as session:
            # Before rotation, rows written under the old key are still found and read.
            assert (await find_patient(session, phone="01012345678")) is not None
        async with session_scope(any_db_settings, None) as session:
            assert await rotate(session) == {
                "active_key": new.key_id, "patients": 1, "consents": 1, "provider_credentials": 0,
                "messages": 1, "events": 0, "run_steps": 0, "appointments": 1,
            }  # fmt: skip
        async with session_scope(any_db_settings, None) as session:
            assert await rotate(session) == {
                "active_key": new.key_id, "patients": 0, "consents": 0, "provider_credentials": 0,
                "messages": 0, "events": 0, "run_steps": 0, "appointments": 0,
            }  # fmt: skip
    with crypto.using(crypto.Keyring(active=new)):  # the old key is gone
        async with session_scope(any_db_settings, 1) as session:
            found = await find_patient(session, chart_no="A-1001")
            assert found is not None and found.id == patient.id and found.name == "김민지"
            assert found.birth_date == date(1985, 3, 2)
            assert (await find_patient(session, phone="010-1234-5678")) is not None
            assert await current_consents(session, patient.id) == {
                "treatment": True,
                "marketing": True,
                "night_ads": False,
            }
    await dispose_engines()


async def test_core_updates_keep_timestamps_aware(settings: Settings) -> None:
    # The importer writes with core statements; the values read back through the ORM are the same.
    async with session_scope(settings, 1) as session:
        patient = await upsert_patient(session, chart_no="T", name="시간", phone="010-4444-5555")
        moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
        await session.execute(update(Patient).where(Patient.id == patient.id).values(last_activity_at=moment))
        stored = (await session.execute(select(func.max(Patient.last_activity_at)))).scalar_one()
    assert stored == moment
    await dispose_engines()
