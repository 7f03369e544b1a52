"""Patients of one write transaction found in bulk: what an import of many rows asks ``find_patient`` and
``upsert_patient`` row by row, answered from one query per few hundred rows.

Same rules as :mod:`storage.patients.service`: chart number first, then the phone number (candidates in
id order, a different chart number or name is someone else); an upsert updates what is given. New patients
wait in the session until :meth:`PatientBook.flush` (one batched INSERT for all of them) or until a caller
needs an id; updates are flushed with the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import identity
from storage.identity import chart_lookups, name_index, normalize_chart, normalize_mobile, phone_lookups
from storage.models import Patient
from storage.models.base import utcnow
from storage.patients.service import find_patient, same_person

CHUNK = 400  # blind indexes a query (SQLite allows 32,766 parameters; this keeps each statement small)


def _order(patient: Patient) -> tuple[bool, int]:
    return patient.id is None, patient.id or 0  # rows not flushed yet were created after every stored one


class PatientBook:
    """The patients one transaction has looked up or created, by blind index."""

    def __init__(self) -> None:
        self._by_chart: dict[str, Patient] = {}
        self._by_phone: dict[str, list[Patient]] = {}
        self._charts_known: set[str] = set()  # indexes whose rows are all in the book
        self._phones_known: set[str] = set()

    def _remember(self, patient: Patient, charts: Sequence[str] = (), phones: Sequence[str] = ()) -> None:
        for index in {patient.chart_index, *charts} - {None}:
            self._by_chart.setdefault(str(index), patient)
        for index in {patient.phone_index, *phones} - {None}:
            found = self._by_phone.setdefault(str(index), [])
            if all(p is not patient for p in found):
                found.append(patient)

    async def prefetch(self, session: AsyncSession, people: Iterable[tuple[str | None, str | None]]) -> None:
        """Load every stored patient with one of these (chart no., phone) pairs, a few hundred a query."""
        people = list(people)
        charts = sorted({i for chart, _ in people for i in chart_lookups(chart)} - self._charts_known)
        phones = sorted({i for _, phone in people for i in phone_lookups(phone)} - self._phones_known)
        for start in range(0, max(len(charts), len(phones)), CHUNK):
            chart_part, phone_part = charts[start : start + CHUNK], phones[start : start + CHUNK]
            query = select(Patient).where(or_(Patient.chart_index.in_(chart_part), Patient.phone_index.in_(phone_part)))
            for patient in (await session.execute(query)).scalars():
                self._remember(patient)
        self._charts_known.update(charts)
        self._phones_known.update(phones)

    async def find(
        self, session: AsyncSession, chart_no: str | None, phone: str | None, name: str | None
    ) -> Patient | None:
        charts, phones = chart_lookups(chart_no), phone_lookups(phone)
        if not set(charts) <= self._charts_known or not set(phones) <= self._phones_known:
            found = await find_patient(session, chart_no, phone, name)  # not prefetched: ask the database
            if found is not None:
                self._remember(found)
            return found
        for index in charts:
            if index in self._by_chart:
                return self._by_chart[index]
        candidates = {id(p): p for index in phones for p in self._by_phone.get(index, [])}
        for candidate in sorted(candidates.values(), key=_order):
            if same_person(candidate, chart_no, name):
                return candidate
        return None

    async def upsert(
        self,
        session: AsyncSession,
        *,
        chart_no: str | None,
        name: str | None,
        phone: str | None,
        birth_date: date | None = None,
        sex: str | None = None,
        activity_at: datetime | None = None,
        need_id: bool = True,
    ) -> Patient:
        """``upsert_patient`` from the book; a new patient is flushed at once only when ``need_id``."""
        phone = normalize_mobile(phone) if phone else None
        chart_no = normalize_chart(chart_no)
        patient = await self.find(session, chart_no, phone, name)
        if patient is None:
            patient = Patient(chart_no=chart_no, name=name or "", phone=phone, birth_date=birth_date, sex=sex)
            # the blind indexes now, not at the INSERT: the next rows of this transaction compare them
            patient.chart_index, patient.phone_index = identity.chart_index(chart_no), identity.phone_index(phone)
            patient.name_index = identity.name_index(name)
            session.add(patient)
            self._remember(patient, chart_lookups(chart_no), phone_lookups(phone))
        else:
            patient.chart_no = patient.chart_no or chart_no
            if name and name_index(name) != patient.name_index:
                patient.name, patient.name_index = name, name_index(name)
            if phone and phone != patient.phone:
                self._remember(patient, phones=phone_lookups(phone))
            patient.phone = phone or patient.phone
            patient.birth_date = birth_date or patient.birth_date
            patient.sex = sex or patient.sex
            if chart_no:
                self._remember(patient, charts=chart_lookups(chart_no))
        patient.last_activity_at = activity_at or utcnow()
        if need_id and patient.id is None:
            await session.flush()
        return patient

    async def flush(self, session: AsyncSession) -> None:
        """Write the new and changed patients now (batched by the ORM: one INSERT for many rows)."""
        await session.flush()
