"""Properties of the version diff (storage/workflows/diff.py) on generated documents."""

from __future__ import annotations

import itertools
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storage.workflows.diff import diff_documents

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6))
params = st.dictionaries(st.sampled_from(["text", "days", "at", "purpose", "template"]), scalars, max_size=4)
nodes = st.lists(
    st.builds(lambda i, p: {"id": f"n{i}", "type": "send.sms", "params": p}, st.integers(0, 6), params),
    max_size=6,
    unique_by=lambda n: n["id"],
)


def _document(node_list: list[dict[str, Any]], name: str) -> dict[str, Any]:
    ids = [n["id"] for n in node_list]
    edges = [{"source": a, "target": b} for a, b in itertools.pairwise(ids)]
    return {"format": "doctorsflow.workflow/v1", "name": name, "nodes": node_list, "edges": edges}


@given(nodes, st.text(max_size=5))
def test_a_document_has_no_difference_with_itself_in_any_node_order(node_list: list[dict[str, Any]], name: str) -> None:
    document = _document(node_list, name)
    shuffled = {**document, "nodes": random.Random(0).sample(node_list, len(node_list))}
    assert diff_documents(document, shuffled) == []


@given(nodes, nodes, st.text(max_size=5), st.text(max_size=5))
def test_the_diff_is_empty_exactly_when_nodes_edges_and_fields_agree(
    first: list[dict[str, Any]], second: list[dict[str, Any]], name_a: str, name_b: str
) -> None:
    before, after = _document(first, name_a), _document(second, name_b)
    changes = diff_documents(before, after)
    same_nodes = {n["id"]: n for n in first} == {n["id"]: n for n in second}
    same_edges = {(e["source"], e["target"]) for e in before["edges"]} == {
        (e["source"], e["target"]) for e in after["edges"]
    }
    assert (changes == []) == (same_nodes and same_edges and name_a == name_b)
    # and it is antisymmetric: every change read backwards swaps before and after
    backwards = {(c["path"], c["change"]) for c in diff_documents(after, before)}
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    assert backwards == {(c["path"], flip[c["change"]]) for c in changes}
