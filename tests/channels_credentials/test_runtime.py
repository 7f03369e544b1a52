"""The runtime sends with the clinic's STORED credentials (decrypted at use) and follows a change at once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import update

from runtime.clock import VirtualClock
from runtime.context import QueueDispatcher, Runtime
from runtime.credentials import service as credentials
from runtime.events import ingest
from runtime.inline import drain
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import OutboxMessage, ProviderCredential
from storage.tenancy import Caller
from tests.support.documents import START, event, workflow
from tests.support.fakes import SolapiFake
from tests.support.runtime import publish_document, set_clinic_settings
from tests.support.solapi import solapi_keys

WELCOME = workflow(
    [
        {"id": "start", "type": "trigger.patient_created"},
        {
            "id": "hello",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 등록되었습니다.", "purpose": "informational"},
        },
    ],
    [("start", "hello")],
)


def runtime_for(settings: Settings, tmp_path: Path, check_every_s: float = 5.0) -> Runtime:
    return Runtime(
        settings,
        clock=VirtualClock(START),
        dispatcher=QueueDispatcher(),
        sandbox_journal=tmp_path / "sandbox",
        credentials_check_s=check_every_s,
    )


async def store_solapi(settings: Settings, clinic_id: int, fake: SolapiFake, **fields: str) -> None:
    body = {"fields": {**solapi_keys(fake), "sender_number": "02-1234-5678", **fields}}
    async with session_scope(settings, clinic_id) as db:
        await credentials.save(db, Caller(clinic_id=clinic_id, actor="user:1"), "solapi", body)


async def new_patient(rt: Runtime, clinic_id: int, n: int) -> None:
    payload = event("patient.created", f"emr-{n}", at=START, chart_no=f"A-{n}", phone=f"010-1234-{n:04d}")
    intake = await ingest(rt, clinic_id, payload)
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await drain(rt)  # advance and deliver (settle would also poll SOLAPI reports until they settle)


async def statuses(settings: Settings) -> list[tuple[str | None, str]]:
    async with session_scope(settings, None) as db:
        rows = (await db.execute(OutboxMessage.__table__.select().order_by(OutboxMessage.id))).mappings()
        return [(r["provider"], r["status"]) for r in rows]


@pytest.fixture
async def clinic_id(settings: Settings) -> int:
    clinic = await ensure_default_clinic(settings)
    await publish_document(settings, clinic, WELCOME)
    return clinic


async def test_a_run_sends_through_solapi_with_stored_credentials_and_logs_no_secret(
    settings: Settings, clinic_id: int, tmp_path: Path, solapi_fake: SolapiFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # Given SOLAPI credentials stored for the clinic (its settings still say sandbox)
    await store_solapi(settings, clinic_id, solapi_fake)
    rt = runtime_for(settings, tmp_path)
    # When a patient is created
    await new_patient(rt, clinic_id, 1)
    # Then the SMS went to the fake SOLAPI, from the stored sender number, signed with the stored keys
    sent = list(solapi_fake.messages.values())
    assert [(m["to"], m["from"], m["type"]) for m in sent] == [("01012340001", "0212345678", "SMS")]
    assert await statuses(settings) == [("solapi", "sent")]
    # And no log line of saving or sending holds a secret
    assert solapi_fake.api_secret not in caplog.text and solapi_fake.api_key not in caplog.text
    await rt.channel_for(clinic_id, {}).aclose()
    await dispose_engines()


async def test_a_change_of_credentials_is_picked_up_without_restart(
    settings: Settings, clinic_id: int, tmp_path: Path, solapi_fake: SolapiFake
) -> None:
    rt = runtime_for(settings, tmp_path)
    # Given no stored credentials: the sandbox sends
    await new_patient(rt, clinic_id, 1)
    assert await statuses(settings) == [("sandbox", "delivered")]
    # When SOLAPI credentials are saved (in this process), Then the next message goes through SOLAPI
    await store_solapi(settings, clinic_id, solapi_fake)
    await new_patient(rt, clinic_id, 2)
    assert (await statuses(settings))[1] == ("solapi", "sent") and len(solapi_fake.messages) == 1
    first_client = rt.channel_for(clinic_id, {})._current.client  # type: ignore[attr-defined]
    # When a wrong secret is saved, Then SOLAPI refuses the next one (the old client is not reused)
    await store_solapi(settings, clinic_id, solapi_fake, solapi_api_secret="WRONGSECRET123")
    await new_patient(rt, clinic_id, 3)
    assert (await statuses(settings))[2] == ("solapi", "failed") and len(solapi_fake.messages) == 1
    # And the client of the old credentials was closed
    assert first_client._http.is_closed and first_client is not rt.channel_for(clinic_id, {})._current.client  # type: ignore[attr-defined]
    await rt.channel_for(clinic_id, {}).aclose()
    await dispose_engines()


async def test_another_process_change_is_seen_by_its_version(
    settings: Settings, clinic_id: int, tmp_path: Path, solapi_fake: SolapiFake
) -> None:
    # Given a worker that re-checks every time, sending with stored credentials
    rt = runtime_for(settings, tmp_path, check_every_s=0.0)
    await store_solapi(settings, clinic_id, solapi_fake)
    await new_patient(rt, clinic_id, 1)
    # When another process deactivates them (a plain UPDATE: no in-process notice)
    async with session_scope(settings, None) as db:
        await db.execute(update(ProviderCredential).values(active=False, version=ProviderCredential.version + 1))
    await new_patient(rt, clinic_id, 2)
    # Then the worker fell back to the clinic's settings (the sandbox)
    assert await statuses(settings) == [("solapi", "sent"), ("sandbox", "delivered")]
    await rt.channel_for(clinic_id, {}).aclose()
    await dispose_engines()


async def test_without_stored_credentials_the_environment_provider_is_used(
    settings: Settings,
    clinic_id: int,
    tmp_path: Path,
    solapi_fake: SolapiFake,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given SOLAPI in the server environment, and the clinic's sender number in its settings
    monkeypatch.setenv("DOCTORSFLOW_PROVIDER", "solapi")
    monkeypatch.setenv("DOCTORSFLOW_SOLAPI_API_KEY", solapi_fake.api_key)
    monkeypatch.setenv("DOCTORSFLOW_SOLAPI_API_SECRET", solapi_fake.api_secret)
    monkeypatch.setenv("DOCTORSFLOW_SOLAPI_BASE_URL", solapi_fake.url)
    await set_clinic_settings(settings, clinic_id, sender_number="0212345678")
    rt = runtime_for(settings, tmp_path)
    # When a patient is created, Then the message goes through SOLAPI
    await new_patient(rt, clinic_id, 1)
    assert await statuses(settings) == [("solapi", "sent")]
    await rt.channel_for(clinic_id, {}).aclose()
    await dispose_engines()
