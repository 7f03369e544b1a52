"""The Bloom filter of a big import's lookups: never 'not there' for an index it holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.patients.seen_indexes import SeenIndexes

INDEX = st.binary(min_size=16, max_size=16).map(bytes.hex)


@settings(max_examples=50, deadline=None)
@given(held=st.lists(INDEX, max_size=300), others=st.lists(INDEX, max_size=300))
def test_every_added_index_is_reported_and_most_others_are_not(held: list[str], others: list[str]) -> None:
    seen = SeenIndexes()
    for index in held:
        seen.add(index)
    seen.add(None)  # an erased patient's index: nothing to add
    assert all(index in seen for index in held)
    strangers = [index for index in others if index not in held]
    assert sum(index in seen for index in strangers) <= 1 + len(strangers) // 100
