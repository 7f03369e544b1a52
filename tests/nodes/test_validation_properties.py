"""Property tests: whatever JSON the validator gets, it answers a list of well-formed problems."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nodes import validation
from nodes.examples import list_examples, load_example
from nodes.registry import REGISTRY
from nodes.validation import Problem, validate_workflow
from tests.nodes.test_validation import VALID

CODES = set(re.findall(r"^([a-z_]+)\s{2,}", validation.__doc__ or "", flags=re.MULTILINE)) - {"code"}

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)
ids = st.sampled_from(["start", "a", "b", "c", "", "d1"]) | st.text(max_size=4)
node_types = st.sampled_from(sorted(REGISTRY)) | st.text(max_size=12)
nodes_ = st.fixed_dictionaries(
    {"id": ids, "type": node_types},
    optional={"params": json_values, "position": json_values, "label": json_values},
)
edges = st.fixed_dictionaries(
    {"source": ids, "target": ids},
    optional={"sourcePort": st.sampled_from(["out", "yes", "no", "in"]) | json_values},
)
workflow_like = st.fixed_dictionaries(
    {
        "format": st.just("doctorsflow.workflow/v1") | json_values,
        "name": st.text(max_size=10) | json_values,
        "nodes": st.lists(nodes_ | json_values, max_size=6) | json_values,
        "edges": st.lists(edges | json_values, max_size=8) | json_values,
    },
    optional={"description": json_values, "extra": json_values},
)


def assert_clean(doc: Any) -> list[Problem]:
    before = json.dumps(doc, sort_keys=True)
    problems = validate_workflow(doc)
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.code in CODES, problem
        assert problem.path == "" or problem.path.startswith("/"), problem
        assert problem.node is None or isinstance(problem.node, str)
        assert " / " in problem.message, problem
    assert json.dumps(doc, sort_keys=True) == before, "validation must not change the document"
    assert validate_workflow(copy.deepcopy(doc)) == problems, "validation must be deterministic"
    return problems


def test_the_code_table_is_complete() -> None:
    assert {"invalid_document", "cycle", "unknown_variable", "template_unsafe", "duplicate_edge"} <= CODES
    assert len(CODES) == 20


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_gives_a_clean_result(doc: Any) -> None:
    assert_clean(doc)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workflow_like)
def test_workflow_shaped_documents_give_a_clean_result(doc: Any) -> None:
    assert_clean(doc)


SEEDS = [VALID] + [load_example(e["slug"]) for e in list_examples()]


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*at, index))
    return found


@st.composite
def mutated_workflows(draw: st.DrawFn) -> Any:
    doc = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "replace", "duplicate"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(json_values | scalars)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_workflows())
def test_mutated_valid_workflows_give_a_clean_result(doc: Any) -> None:
    assert_clean(doc)


def test_absurdly_deep_documents_are_refused_not_crashed() -> None:
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    shallow_enough: Any = {"a": 1}
    for _ in range(40):
        shallow_enough = {"x": shallow_enough}
    for doc in (deep, {"nodes": deep}, {**VALID, "nodes": [{"id": "a", "type": "trigger.manual", "params": deep}]}):
        assert [p.code for p in validate_workflow(doc)] == ["invalid_document"]  # too deep for json.dumps
    params = {"field": "patient.sex", "op": "eq", "value": shallow_enough}
    doc = {**VALID, "nodes": [*VALID["nodes"], {"id": "deep", "type": "branch.condition", "params": params}]}
    assert "invalid_params" in [p.code for p in assert_clean(doc)]


def test_deeply_nested_templates_are_refused_not_crashed() -> None:
    for text in ("{{" * 5000 + "x", "{% if " + "(" * 3000 + "1" + ")" * 3000 + " %}{% endif %}"):
        doc = {
            **VALID,
            "nodes": [
                *VALID["nodes"][:4],
                {"id": "ad", "type": "send.sms", "params": {"text": text, "purpose": "informational"}},
                VALID["nodes"][5],
            ],
        }
        codes = [p.code for p in assert_clean(doc)]
        assert codes and set(codes) <= {"invalid_params", "template_syntax", "template_unsafe"}, codes
