"""Appointment events against the clinic's procedure catalogue: names resolved to codes, unknown ones reported,
the new statuses, and an attended surgery completing its procedure (post-op workflows start)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nodes.procedures import DEFAULT_CATALOGUE, ProcedureEntry
from runtime.context import Runtime
from runtime.events import ingest
from storage.db import session_scope
from storage.models import Appointment, Clinic, Event, Run
from storage.procedures.catalogue import replace_catalogue
from tests.support.documents import START, event, example, workflow
from tests.support.runtime import publish_document

NO_SHOW = workflow(
    [
        {"id": "start", "type": "trigger.appointment_no_show", "params": {"procedures": ["cataract"]}},
        {
            "id": "sms",
            "type": "send.sms",
            "params": {"text": "[{{ clinic.name }}] 재예약 안내", "purpose": "informational"},
        },
    ],
    [("start", "sms")],
)


async def appointment(rt: Runtime, external_id: str) -> Appointment:
    async with session_scope(rt.settings, None) as session:
        return (await session.execute(select(Appointment).where(Appointment.external_id == external_id))).scalar_one()


async def run_workflows(rt: Runtime) -> list[int]:
    async with session_scope(rt.settings, None) as session:
        return [r.workflow_id for r in (await session.execute(select(Run).order_by(Run.id))).scalars()]


async def test_a_korean_name_or_synonym_resolves_to_the_code_and_starts_the_filtered_workflow(
    rt: Runtime, clinic_id: int
) -> None:
    # Given the cataract post-op workflow (filter: cataract)
    postop = await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    # When a surgery is completed with the procedure written "백내장 수술" in Korean
    done = {"id": "apt-1", "starts_at": START.isoformat(), "procedure": "백내장 수술"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-1", appointment=done))
    # Then the run starts, nothing is reported, and the appointment holds the code and the spelling
    assert [r["workflow_id"] for r in intake.result["runs"]] == [postop]
    assert intake.result["warnings"] == []
    stored = await appointment(rt, "apt-1")
    assert (stored.procedure, stored.procedure_text, stored.procedure_unknown, stored.status) == (
        "cataract",
        "백내장 수술",
        False,
        "completed",
    )


async def test_an_unknown_procedure_is_reported_and_flagged_never_silently_matched(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    done = {"id": "apt-2", "starts_at": START.isoformat(), "procedure": "각막 이식"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-2", appointment=done))
    assert intake.result["runs"] == []
    (warning,) = intake.result["warnings"]
    assert warning["code"] == "unknown_procedure" and "각막 이식" in warning["message"]
    stored = await appointment(rt, "apt-2")
    assert (stored.procedure, stored.procedure_text, stored.procedure_unknown) == (None, "각막 이식", True)


async def test_attending_a_cataract_surgery_completes_it_and_the_postop_run_starts(rt: Runtime, clinic_id: int) -> None:
    postop = await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    booked = {"id": "apt-3", "starts_at": START.isoformat(), "procedure": "백내장"}
    await ingest(rt, clinic_id, event("appointment.booked", "b-3", appointment=booked))
    attended = event("appointment.attended", "a-3", appointment={"id": "apt-3"})
    intake = await ingest(rt, clinic_id, attended)
    assert intake.result["completed"]["type"] == "procedure.completed"
    assert [r["workflow_id"] for r in intake.result["completed"]["runs"]] == [postop]
    assert (await appointment(rt, "apt-3")).status == "completed"
    # A repeat of the attended event changes nothing and starts nothing
    again = await ingest(rt, clinic_id, attended)
    assert again.created is False and await run_workflows(rt) == [postop]


async def test_the_clinic_can_turn_off_completion_by_attending(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    async with session_scope(rt.settings, None) as session:
        clinic = await session.get(Clinic, clinic_id)
        assert clinic is not None
        clinic.settings = {**clinic.settings, "attended_completes_procedure": False}
    booked = {"id": "apt-4", "starts_at": START.isoformat(), "procedure": "cataract"}
    await ingest(rt, clinic_id, event("appointment.booked", "b-4", appointment=booked))
    intake = await ingest(rt, clinic_id, event("appointment.attended", "a-4", appointment={"id": "apt-4"}))
    assert "completed" not in intake.result and await run_workflows(rt) == []
    assert (await appointment(rt, "apt-4")).status == "attended"


async def test_attending_a_consultation_does_not_complete_anything(rt: Runtime, clinic_id: int) -> None:
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    booked = {"id": "apt-5", "starts_at": START.isoformat(), "procedure": "상담"}
    await ingest(rt, clinic_id, event("appointment.booked", "b-5", appointment=booked))
    intake = await ingest(rt, clinic_id, event("appointment.attended", "a-5", appointment={"id": "apt-5"}))
    assert "completed" not in intake.result
    assert (await appointment(rt, "apt-5")).status == "attended"


async def test_confirmed_and_no_show_set_the_status_and_no_show_starts_its_trigger(rt: Runtime, clinic_id: int) -> None:
    rebook = await publish_document(rt.settings, clinic_id, NO_SHOW)
    booked = {"id": "apt-6", "starts_at": START.isoformat(), "procedure": "cataract"}
    await ingest(rt, clinic_id, event("appointment.booked", "b-6", appointment=booked))
    await ingest(rt, clinic_id, event("appointment.confirmed", "c-6", appointment={"id": "apt-6"}))
    assert (await appointment(rt, "apt-6")).status == "confirmed"
    intake = await ingest(rt, clinic_id, event("appointment.no_show", "n-6", appointment={"id": "apt-6"}))
    assert [r["workflow_id"] for r in intake.result["runs"]] == [rebook]
    assert (await appointment(rt, "apt-6")).status == "no_show"


async def test_a_clinic_synonym_added_to_its_catalogue_resolves(rt: Runtime, clinic_id: int) -> None:
    postop = await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    edited: list[ProcedureEntry] = [
        ProcedureEntry(e.code, e.name_ko, e.name_en, e.kind, (*e.synonyms, "PHACO")) if e.code == "cataract" else e
        for e in DEFAULT_CATALOGUE
    ]
    async with session_scope(rt.settings, clinic_id) as session:
        await replace_catalogue(session, clinic_id, edited)
    done: dict[str, Any] = {"id": "apt-7", "starts_at": START.isoformat(), "procedure": "phaco"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-7", appointment=done))
    assert [r["workflow_id"] for r in intake.result["runs"]] == [postop]
    async with session_scope(rt.settings, None) as session:
        stored = (await session.execute(select(Event.payload).where(Event.external_id == "emr-7"))).scalar_one()
    assert stored["appointment"]["procedure"] == "cataract"


async def test_attending_after_the_surgery_was_completed_starts_no_second_postop(rt: Runtime, clinic_id: int) -> None:
    postop = await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    booked = {"id": "apt-8", "starts_at": START.isoformat(), "procedure": "cataract"}
    await ingest(rt, clinic_id, event("appointment.booked", "b-8", appointment=booked))
    await ingest(rt, clinic_id, event("procedure.completed", "p-8", appointment={"id": "apt-8"}))
    intake = await ingest(rt, clinic_id, event("appointment.attended", "a-8", appointment={"id": "apt-8"}))
    assert "completed" not in intake.result and await run_workflows(rt) == [postop]
    assert (await appointment(rt, "apt-8")).status == "completed"
