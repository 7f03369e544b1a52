"""Every node type reads its params as a sentence for the canvas card (the ``summary`` hook): Korean and
English, for the params of its golden workflows and of the shipped examples, with no raw param key in it;
``POST /api/nodes/summaries`` serves them, drafts included."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nodes.base import NodeType
from nodes.examples import list_examples, load_example
from nodes.registry import REGISTRY, node_types
from nodes.trigger_schedule.describe import describe_cron
from tests.nodes.golden import golden_files, load_case

TYPES = [t.type for t in node_types()]


def param_keys(schema: Mapping[str, Any]) -> set[str]:
    """Every property name in the params schema, nested ones included."""
    keys: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            keys.update(item.get("properties", {}).keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return keys


def all_example_params(node_type: NodeType) -> Iterator[dict[str, Any]]:
    for path in golden_files():
        for node in load_case(path)["workflow"]["nodes"]:
            if node["type"] == node_type.type:
                yield dict(node.get("params") or {})
    for example in list_examples():
        document = load_example(example["slug"])
        for node in document["nodes"] if document else []:
            if node["type"] == node_type.type:
                yield dict(node.get("params") or {})


def raw_keys_in(text: str, keys: set[str]) -> list[str]:
    """Param keys standing as words in ``text`` (``{{ clinic.name }}`` inside a message is not one)."""
    return [k for k in keys if re.search(rf"(?<![\w.{{]){re.escape(k)}(?![\w])", text)]


@pytest.mark.parametrize("type_name", TYPES)
def test_every_type_summarises_its_example_params(type_name: str) -> None:
    node_type = REGISTRY[type_name]
    assert node_type.summary is not None, f"{type_name} has no summary hook"
    keys = param_keys(node_type.schema)
    seen = 0
    for params in all_example_params(node_type):
        seen += 1
        said = node_type.summarize(params)
        assert said["ko"] and said["en"]
        if node_type.schema.get("properties"):
            assert said["ko"] != node_type.label["ko"], f"{type_name} fell back to its label for {params}"
        assert not raw_keys_in(said["ko"], keys), (type_name, said["ko"])
        assert not re.search(r"\b[a-z_]+\s*:", said["en"]), (type_name, said["en"])  # no "key: value"
    assert seen, f"{type_name} has no example params"


@pytest.mark.parametrize("type_name", TYPES)
def test_broken_params_read_as_the_label(type_name: str) -> None:
    node_type = REGISTRY[type_name]
    for junk in ({"days": "x", "offset_days": "x", "field": None, "procedures": 3, "segment": 1}, {}):
        said = node_type.summarize(junk)
        assert said["ko"] and said["en"]


def test_sentences_read_like_the_issue() -> None:
    wait = REGISTRY["wait.until"].summarize({"anchor": "trigger", "offset_days": 1, "at": "10:00"})
    assert wait["ko"] == "시작 다음 날 오전 10:00까지 기다림"
    talk = REGISTRY["send.alimtalk"].summarize({"template": "POSTOP_CATARACT_D1", "failover": {"channel": "sms"}})
    assert talk["ko"].startswith("알림톡 · ") and talk["ko"].endswith("(실패 시 문자)")
    assert "POSTOP" not in talk["ko"]
    cron = REGISTRY["trigger.schedule"].summarize({"cron": "0 10 15 3,9 *"})
    assert cron["ko"].startswith("매년 3월·9월 15일 10:00")
    assert REGISTRY["trigger.procedure_completed"].summarize({"procedures": ["cataract"]})["ko"] == (
        "백내장 수술을 마치면 시작"
    )


@pytest.mark.parametrize(
    ("cron", "ko"),
    [
        ("0 10 * * 1", "매주 월요일 10:00"),
        ("30 9 * * 1-5", "매주 월·화·수·목·금요일 09:30"),
        ("0 10 1 * *", "매월 1일 10:00"),
        ("0 10 15 3,9 *", "매년 3월·9월 15일 10:00"),
        ("0 8 * * *", "매일 08:00"),
        ("*/5 * * * *", None),
    ],
)
def test_describe_cron(cron: str, ko: str | None) -> None:
    said = describe_cron(cron)
    assert (said["ko"] if said else None) == ko


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_describe_cron_never_raises(expression: str) -> None:
    describe_cron(expression)
    REGISTRY["trigger.schedule"].summarize({"cron": expression})
