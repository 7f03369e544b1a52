"""Five simultaneous starts of the same patients (impatient double clicks) enrol each patient once, on SQLite and
on PostgreSQL (where the open-run check can race and the events' unique key decides)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from runtime import manual_start
from runtime.context import Runtime
from runtime.events import ingest
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import Run
from storage.tenancy import Caller
from tests.manual_start.test_api import MANUAL
from tests.support.documents import event
from tests.support.runtime import publish_document


async def test_simultaneous_starts_enrol_each_patient_once(any_db_settings: Settings) -> None:
    try:
        clinic_id = await ensure_default_clinic(any_db_settings)
        runtime = Runtime(any_db_settings)
        workflow_id = await publish_document(any_db_settings, clinic_id, MANUAL)
        ids = []
        for i in range(3):
            payload = event("patient.created", f"c-{i}", chart_no=f"K-{i}", phone=f"010-4444-000{i}")
            ids.append((await ingest(runtime, clinic_id, payload, dispatch=False)).result["patient_id"])
        caller = Caller(clinic_id=clinic_id, actor="test")
        body = {"patient_ids": ids}
        answers = await asyncio.gather(
            *(manual_start.start(runtime, caller, workflow_id, body, dispatch=False) for _ in range(5))
        )
        assert sum(answer["patients"] for answer, _ in answers) == 3
        assert sum(len(answer["runs"]) for answer, _ in answers) == 3
        async with session_scope(any_db_settings, None) as session:
            per_patient = (await session.execute(select(Run.patient_id, func.count()).group_by(Run.patient_id))).all()
        assert sorted(count for _, count in per_patient) == [1, 1, 1]
    finally:
        await dispose_engines()
