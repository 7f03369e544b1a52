"""A session bound to one clinic neither sees nor writes another clinic's rows — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models import Clinic, Patient, Workflow
from storage.tenancy import CrossClinicWrite

DOC = {"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []}


async def _two_clinics(settings: Settings) -> tuple[int, int]:
    async with session_scope(settings, None) as session:
        a, b = Clinic(slug="a", name="가 의원"), Clinic(slug="b", name="나 의원")
        session.add_all([a, b])
        await session.flush()
        session.add_all(
            [
                Patient(clinic_id=a.id, name="김민지", chart_no="A-1"),
                Patient(clinic_id=b.id, name="이서준", chart_no="A-1"),  # same chart number, other clinic
                Workflow(clinic_id=b.id, name="b의 워크플로", document=DOC),
            ]
        )
        return a.id, b.id


async def test_session_of_one_clinic_sees_only_its_rows(any_db_settings: Settings) -> None:
    # Given two clinics with a patient each
    a, b = await _two_clinics(any_db_settings)
    # When clinic a lists patients and workflows
    async with session_scope(any_db_settings, a) as session:
        names = [p.name for p in (await session.execute(select(Patient))).scalars()]
        workflows = list((await session.execute(select(Workflow))).scalars())
        # Then it sees its own patient and none of clinic b's rows
        assert names == ["김민지"]
        assert workflows == []
        # And a bulk update cannot reach clinic b's rows
        await session.execute(update(Patient).values(opted_out=True))
    async with session_scope(any_db_settings, b) as session:
        patient = (await session.execute(select(Patient))).scalar_one()
        assert patient.opted_out is False
    await dispose_engines()


async def test_new_rows_are_stamped_and_foreign_rows_refused(any_db_settings: Settings) -> None:
    a, b = await _two_clinics(any_db_settings)
    # Given a session of clinic a, a new row without a clinic is stamped with a
    async with session_scope(any_db_settings, a) as session:
        patient = Patient(name="박지훈")
        session.add(patient)
        await session.flush()
        assert patient.clinic_id == a
    # When the session of clinic a writes a row of clinic b, Then it is refused and nothing is written
    with pytest.raises(CrossClinicWrite):
        async with session_scope(any_db_settings, a) as session:
            session.add(Patient(clinic_id=b, name="최유나"))
    async with session_scope(any_db_settings, b) as session:
        assert [p.name for p in (await session.execute(select(Patient))).scalars()] == ["이서준"]
    await dispose_engines()
