"""The Bloom filter of a big import's lookups: never 'not there' for an index it holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from storage import identity
from storage.config import Settings
from storage.db import session_scope
from storage.models import Clinic
from storage.patients.seen_indexes import SeenIndexes
from storage.patients.service import upsert_patient_id

INDEX = st.binary(min_size=16, max_size=16).map(bytes.hex)


@hypothesis_settings(max_examples=50, deadline=None)
@given(held=st.lists(INDEX, max_size=300), others=st.lists(INDEX, max_size=300))
def test_every_added_index_is_reported_and_most_others_are_not(held: list[str], others: list[str]) -> None:
    seen = SeenIndexes()
    for index in held:
        seen.add(index)
    seen.add(None)  # an erased patient's index: nothing to add
    assert all(index in seen for index in held)
    strangers = [index for index in others if index not in held]
    assert sum(index in seen for index in strangers) <= 1 + len(strangers) // 100


async def test_the_clinics_indexes_are_loaded_page_by_page_and_only_its_own(settings: Settings) -> None:
    """Loaded along each index in pages (a page of 3 here): every chart and phone index of the clinic is in
    the filter, whatever the page boundaries; another clinic's are not read."""
    async with session_scope(settings, None) as session:
        session.add(Clinic(id=2, slug="other", name="다른의원"))
        await session.flush()
        for clinic, count in ((1, 10), (2, 5)):
            for i in range(count):
                phone = None if i == 4 else f"010555{clinic}{i:04d}"  # one patient without a phone
                await upsert_patient_id(session, clinic, chart_no=f"K{clinic}-{i}", name=f"환자{i}", phone=phone)
    async with session_scope(settings, 1) as session:
        seen = await SeenIndexes.of_clinic(session, 1, page=3)
    for i in range(10):
        assert str(identity.chart_index(f"K1-{i}")) in seen
        assert i == 4 or str(identity.phone_index(f"0105551{i:04d}")) in seen
    strangers = [identity.chart_index(f"K2-{i}") for i in range(5)]
    assert sum(index in seen for index in strangers if index) == 0
