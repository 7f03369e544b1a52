"""The registry lists every node folder once, and every schema is a valid, strict JSON Schema.

What each node type must do is checked over every registered type in ``test_conformance.py`` and by its
golden workflows (``test_golden.py``); nothing here counts or names the node types."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import nodes
from nodes.procedures import PROCEDURES
from nodes.registry import NODE_MODULES, REGISTRY, DuplicateNodeType, build_registry, catalogue, get_node_type

NODES_DIR = Path(nodes.__file__).parent
FOLDERS = sorted(p.parent.name for p in NODES_DIR.glob("*/schema.json"))


def test_every_node_folder_is_registered_once() -> None:
    registered = sorted(m.__name__.split(".")[-1] for m in NODE_MODULES)
    assert registered == FOLDERS


def test_folder_name_is_the_type_name() -> None:
    for module in NODE_MODULES:
        folder = module.__name__.split(".")[-1]
        assert module.NODE.type.replace(".", "_") == folder


@pytest.mark.parametrize("folder", FOLDERS)
def test_schema_is_a_strict_valid_json_schema(folder: str) -> None:
    schema = json.loads((NODES_DIR / folder / "schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert " / " in schema["title"] and " / " in schema["description"]
    for name, prop in schema["properties"].items():
        assert " / " in prop.get("title", ""), f"{folder}.{name} needs a Korean / English title"
        if "default" in prop:
            Draft202012Validator(prop).validate(prop["default"])


def test_duplicate_types_are_refused_with_both_modules_named() -> None:
    twin = ModuleType("nodes.twin")
    twin.NODE = REGISTRY["send.sms"]  # type: ignore[attr-defined]
    with pytest.raises(DuplicateNodeType, match=r"'send.sms'.*nodes.send_sms.*nodes.twin"):
        build_registry([*NODE_MODULES, twin])


def test_module_without_node_is_refused() -> None:
    with pytest.raises(TypeError, match="must define NODE"):
        build_registry([ModuleType("nodes.empty")])


def test_lookup_and_catalogue() -> None:
    assert get_node_type("send.sms") is REGISTRY["send.sms"]
    assert get_node_type("send.fax") is None and get_node_type(["send.sms"]) is None
    entries = {e["type"]: e for e in catalogue()}
    assert entries["branch.consent"]["outputs"] == ["yes", "no"]
    assert entries["end"]["outputs"] == []
    assert entries["trigger.manual"]["inputs"] == []
    assert entries["send.friendtalk"]["purpose"] == "advertising"
    assert entries["send.alimtalk"]["text_fields"] == ["/variables/*", "/failover/text"]
    assert entries["send.alimtalk"]["ui"] == {"template_picker": "template"}  # the editor's template picker
    consent = entries["trigger.consent_granted"]
    assert consent["sample_event"]["type"] == "consent.granted" and consent["sample_event"]["consent"]["purpose"]
    assert consent["sample_event_params"] == {"/consent/purpose": "/purpose"}
    assert entries["trigger.manual"]["starts_runs"] == "manual" and entries["end"]["terminal"] is True
    json.dumps(catalogue())  # served as JSON


def test_procedure_lists_in_schemas_match_the_code_list() -> None:
    def codes(schema: dict[str, Any]) -> list[str]:
        return [option["const"] for option in schema["items"]["oneOf"]]

    for type_name in (
        "trigger.appointment_booked",
        "trigger.appointment_cancelled",
        "trigger.appointment_attended",
        "trigger.appointment_no_show",
        "trigger.procedure_completed",
    ):
        assert codes(REGISTRY[type_name].schema["properties"]["procedures"]) == list(PROCEDURES)
    segment = REGISTRY["trigger.schedule"].schema["properties"]["segment"]
    assert codes(segment["properties"]["procedures"]) == list(PROCEDURES)
