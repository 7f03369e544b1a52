"""Each validation code, with the exact node and JSON pointer it reports."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from nodes.validation import Problem, problems_as_report, validate_workflow

VALID: dict[str, Any] = {
    "format": "doctorsflow.workflow/v1",
    "name": "백내장 수술 후 관리",
    "description": "Cataract post-op care",
    "nodes": [
        {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": ["cataract"]}},
        {"id": "d1", "type": "wait.until", "params": {"anchor": "trigger", "offset_days": 1, "at": "10:00"}},
        {
            "id": "care1",
            "type": "send.alimtalk",
            "params": {
                "template": "POSTOP_CATARACT_D1",
                "variables": {"name": "{{ patient.name }}"},
                "failover": {"channel": "sms"},
            },
            "position": {"x": 0, "y": 300},
        },
        {"id": "consent", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {
            "id": "ad",
            "type": "send.sms",
            "params": {"text": "(광고) {{ clinic.name }}", "purpose": "advertising"},
        },
        {"id": "stop", "type": "end"},
    ],
    "edges": [
        {"source": "start", "target": "d1"},
        {"source": "d1", "target": "care1"},
        {"source": "care1", "target": "consent"},
        {"source": "consent", "target": "ad", "sourcePort": "yes"},
        {"source": "consent", "target": "stop", "sourcePort": "no"},
    ],
}


def doc_with(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(VALID)
    change(doc)
    return doc


def found(doc: Any) -> list[tuple[str, str | None, str]]:
    return [(p.code, p.node, p.path) for p in validate_workflow(doc)]


def test_the_reference_workflow_is_valid() -> None:
    assert validate_workflow(VALID) == []
    assert problems_as_report([]) == {"valid": True, "errors": []}


def test_problem_shape_and_report() -> None:
    problem = Problem("cycle", "a", "/edges/0", "순환 / cycle")
    assert problem.as_dict() == {"code": "cycle", "node": "a", "path": "/edges/0", "message": "순환 / cycle"}
    assert problems_as_report([problem]) == {"valid": False, "errors": [problem.as_dict()]}


@pytest.mark.parametrize("value", [None, [], "text", 3, 2.5, True])
def test_non_object_is_invalid_document(value: Any) -> None:
    assert found(value) == [("invalid_document", None, "")]


def test_envelope_problems() -> None:
    assert found({}) == [
        ("unsupported_format", None, "/format"),
        ("missing_field", None, "/name"),
        ("missing_field", None, "/nodes"),
        ("missing_field", None, "/edges"),
    ]
    assert found(doc_with(lambda d: d.update(format="doctorsflow.workflow/v2"))) == [
        ("unsupported_format", None, "/format")
    ]
    assert found(doc_with(lambda d: d.update(name=""))) == [("invalid_field", None, "/name")]
    assert found(doc_with(lambda d: d.update(name="   "))) == [("invalid_field", None, "/name")]
    assert found(doc_with(lambda d: d.update(extra=1))) == [("unknown_field", None, "/extra")]
    assert found(doc_with(lambda d: d.update(nodes={}))) == [("invalid_field", None, "/nodes")]


def test_node_and_edge_shapes() -> None:
    assert found(doc_with(lambda d: d["nodes"][1].update(colour="red"))) == [("unknown_field", "d1", "/nodes/1/colour")]
    assert found(doc_with(lambda d: d["nodes"][1].update(position={"x": 1}))) == [
        ("missing_field", "d1", "/nodes/1/position/y")
    ]
    assert found(doc_with(lambda d: d["nodes"][1].update(params=[1]))) == [("invalid_field", "d1", "/nodes/1/params")]
    assert ("missing_field", None, "/nodes/1/id") in found(doc_with(lambda d: d["nodes"][1].pop("id")))
    assert found(doc_with(lambda d: d["edges"][0].update(weight=2))) == [("unknown_field", None, "/edges/0/weight")]
    assert ("missing_field", None, "/edges/0/target") in found(doc_with(lambda d: d["edges"][0].pop("target")))


def test_unknown_node_type_suggests_a_name() -> None:
    problems = validate_workflow(doc_with(lambda d: d["nodes"][4].update(type="send.smss")))
    assert [(p.code, p.node, p.path) for p in problems] == [("unknown_node_type", "ad", "/nodes/4/type")]
    assert "send.sms" in problems[0].message


def test_invalid_params_point_at_the_field_with_a_korean_message() -> None:
    problems = validate_workflow(doc_with(lambda d: d["nodes"][1]["params"].update(at="25:00")))
    assert [(p.code, p.node, p.path) for p in problems] == [("invalid_params", "d1", "/nodes/1/params/at")]
    ko, en = problems[0].message.split(" / ", 1)
    assert ko.startswith("날짜·시각까지 대기 › ") and "HH:MM" in ko, ko
    assert en.startswith("Wait until › "), en


def test_param_messages_speak_clinic_words_not_ids_and_keys() -> None:
    # An empty SMS text: the node's type label and the field's form title, no id, type key or field key
    problems = validate_workflow(doc_with(lambda d: d["nodes"][4]["params"].update(text="")))
    assert [(p.code, p.node, p.path) for p in problems] == [("invalid_params", "ad", "/nodes/4/params/text")]
    assert problems[0].message == "문자 보내기 › 내용: 비어 있으면 안 됩니다 / Send SMS › Text: must not be empty"
    # A node the clinic named is called by that name
    named = validate_workflow(
        doc_with(lambda d: (d["nodes"][4].update(label="이벤트 문자"), d["nodes"][4]["params"].update(text="")))
    )
    assert named[0].message.startswith("이벤트 문자 › 내용: ") and " / 이벤트 문자 › Text: " in named[0].message


@pytest.mark.parametrize(
    ("index", "params", "path"),
    [
        (1, {"anchor": "trigger", "at": "10:00", "offset_days": 400}, "/nodes/1/params/offset_days"),
        (1, {"anchor": "moon", "at": "10:00"}, "/nodes/1/params/anchor"),
        (1, {"at": "10:00"}, "/nodes/1/params/anchor"),
        (1, {"anchor": "trigger", "at": "10:00", "extra": True}, "/nodes/1/params/extra"),
        (2, {"template": "bad code!"}, "/nodes/2/params/template"),
        (2, {"template": "T", "failover": {"channel": "email"}}, "/nodes/2/params/failover/channel"),
        (2, {"template": "T", "variables": {"#{name}": "x"}}, "/nodes/2/params/variables/#{name}"),
        (2, {"template": "T", "variables": {"name": 3}}, "/nodes/2/params/variables/name"),
        (3, {"purpose": "ads"}, "/nodes/3/params/purpose"),
        (4, {"text": "", "purpose": "advertising"}, "/nodes/4/params/text"),
        (4, {"text": "x", "purpose": "spam"}, "/nodes/4/params/purpose"),
        (0, {"procedures": ["cataract", "cataract"]}, "/nodes/0/params/procedures"),
        (0, {"procedures": ["teeth"]}, "/nodes/0/params/procedures/0"),
    ],
)
def test_each_bad_param_is_one_problem_at_its_pointer(index: int, params: dict[str, Any], path: str) -> None:
    doc = doc_with(lambda d: d["nodes"][index].update(params=params))
    node = VALID["nodes"][index]["id"]
    assert found(doc) == [("invalid_params", node, path)]


def test_schedule_cron_checked_with_croniter() -> None:
    def schedule(cron: str) -> dict[str, Any]:
        return doc_with(lambda d: d["nodes"][0].update(type="trigger.schedule", params={"cron": cron}))

    assert found(schedule("0 10 * * 1")) == []
    for bad in ("61 10 * * 1", "0 10 * * 1 2026", "every monday"):
        assert found(schedule(bad)) == [("invalid_params", "start", "/nodes/0/params/cron")], bad


def test_wait_duration_needs_some_time_and_patient_tag_some_tag() -> None:
    def node_params(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
        return doc_with(lambda d: d["nodes"][1].update(type=type_name, params=params))

    assert found(node_params("wait.duration", {"hours": 2})) == []
    problems = validate_workflow(node_params("wait.duration", {"days": 0}))
    assert [(p.code, p.path) for p in problems] == [("invalid_params", "/nodes/1/params")]
    assert "하나는 1 이상" in problems[0].message
    assert found(node_params("patient.tag", {"add": []})) == [("invalid_params", "d1", "/nodes/1/params")]


def test_branch_condition_value_rules() -> None:
    def condition(params: dict[str, Any]) -> list[tuple[str, str | None, str]]:
        return found(doc_with(lambda d: d["nodes"][1].update(type="branch.condition", params=params)))

    # Edge d1 -> care1 uses port "out", which a branch does not have: keep only param problems here
    def params_only(params: dict[str, Any]) -> list[tuple[str, str | None, str]]:
        return [p for p in condition(params) if p[0] == "invalid_params"]

    assert params_only({"field": "patient.sex", "op": "eq", "value": "F"}) == []
    assert params_only({"field": "patient.tags", "op": "exists"}) == []
    assert params_only({"field": "patient.sex", "op": "eq"}) == [("invalid_params", "d1", "/nodes/1/params/value")]
    assert params_only({"field": "patient.sex", "op": "in", "value": "F"}) == [
        ("invalid_params", "d1", "/nodes/1/params/value")
    ]
    assert params_only({"field": "patient.shoe_size", "op": "exists"}) == [
        ("invalid_params", "d1", "/nodes/1/params/field")
    ]


def test_notify_staff_recipients_must_be_korean_mobiles() -> None:
    def notify(recipients: list[str]) -> list[tuple[str, str | None, str]]:
        params = {"text": "확인 필요", "recipients": recipients}
        return found(doc_with(lambda d: d["nodes"][4].update(type="notify.staff", params=params)))

    assert notify(["010-1234-5678", "01198765432"]) == []
    assert notify(["02-123-4567"]) == [("invalid_params", "ad", "/nodes/4/params/recipients/0")]


def test_duplicate_id() -> None:
    doc = doc_with(lambda d: d["nodes"].append({"id": "d1", "type": "end"}))
    assert found(doc) == [("duplicate_id", "d1", "/nodes/6/id")]


def test_missing_and_multiple_triggers() -> None:
    no_trigger = doc_with(lambda d: d["nodes"][0].update(type="end", params={}))
    assert ("missing_trigger", None, "/nodes") in found(no_trigger)
    two = doc_with(lambda d: d["nodes"].append({"id": "again", "type": "trigger.manual"}))
    assert found(two) == [("multiple_triggers", "again", "/nodes/6/type")]


def test_dangling_edges() -> None:
    doc = doc_with(lambda d: d["edges"].append({"source": "care1", "target": "ghost"}))
    assert found(doc) == [("dangling_edge", "care1", "/edges/5/target")]
    doc = doc_with(lambda d: d["edges"].append({"source": "ghost", "target": "care1"}))
    assert found(doc) == [("dangling_edge", "care1", "/edges/5/source")]


def test_unknown_ports() -> None:
    doc = doc_with(lambda d: d["edges"][3].update(sourcePort="maybe"))
    assert found(doc) == [
        ("unknown_port", "consent", "/edges/3/sourcePort"),
        ("unreachable_node", "ad", "/nodes/4"),
    ]
    doc = doc_with(lambda d: d["edges"][3].pop("sourcePort"))  # a branch has no "out"
    assert ("unknown_port", "consent", "/edges/3") in found(doc)
    doc = doc_with(lambda d: d["edges"].append({"source": "stop", "target": "ad"}))  # end has no outputs
    assert found(doc) == [("unknown_port", "stop", "/edges/5")]


def test_edge_into_trigger_and_cycle() -> None:
    doc = doc_with(lambda d: d["edges"].append({"source": "care1", "target": "start"}))
    assert found(doc) == [("edge_into_trigger", "start", "/edges/5/target")]
    doc = doc_with(lambda d: d["edges"].append({"source": "care1", "target": "d1"}))
    problems = validate_workflow(doc)
    assert [(p.code, p.node, p.path) for p in problems] == [("cycle", "d1", "/edges/5")]
    assert "d1 → care1 → d1" in problems[0].message
    doc = doc_with(lambda d: d["edges"].append({"source": "care1", "target": "care1"}))
    assert found(doc) == [("cycle", "care1", "/edges/5")]


def test_duplicate_edge_and_unreachable_node() -> None:
    doc = doc_with(lambda d: d["edges"].append({"source": "d1", "target": "care1", "sourcePort": "out"}))
    assert found(doc) == [("duplicate_edge", "d1", "/edges/5")]
    doc = doc_with(lambda d: d["edges"].pop(1))
    assert found(doc) == [
        ("unreachable_node", "care1", "/nodes/2"),
        ("unreachable_node", "consent", "/nodes/3"),
        ("unreachable_node", "ad", "/nodes/4"),
        ("unreachable_node", "stop", "/nodes/5"),
    ]


def test_template_problems_point_at_the_text() -> None:
    doc = doc_with(lambda d: d["nodes"][2]["params"]["variables"].update(name="{{ patient.nmae }}"))
    problems = validate_workflow(doc)
    assert [(p.code, p.node, p.path) for p in problems] == [
        ("unknown_variable", "care1", "/nodes/2/params/variables/name")
    ]
    assert "patient.nmae" in problems[0].message
    doc = doc_with(lambda d: d["nodes"][4]["params"].update(text="(광고) {{ clinic.name "))
    assert found(doc) == [("template_syntax", "ad", "/nodes/4/params/text")]
    doc = doc_with(lambda d: d["nodes"][4]["params"].update(text="{{ ''.__class__.__mro__ }}"))
    assert found(doc) == [("template_unsafe", "ad", "/nodes/4/params/text")]
    doc = doc_with(lambda d: d["nodes"][2]["params"].update(failover={"channel": "sms", "text": "{{ nope }}"}))
    assert found(doc) == [("unknown_variable", "care1", "/nodes/2/params/failover/text")]


def test_json_pointer_escapes_keys() -> None:
    doc = doc_with(lambda d: d["nodes"][2]["params"]["variables"].update({"a/b": "{{ x }}"}))
    assert found(doc) == [("unknown_variable", "care1", "/nodes/2/params/variables/a~1b")]


def test_messages_are_korean_then_english() -> None:
    broken = doc_with(lambda d: (d["edges"].append({"source": "care1", "target": "ghost"}), d.update(extra=1)))
    for problem in validate_workflow(broken):
        ko, _, en = problem.message.partition(" / ")
        assert any("가" <= ch <= "힣" for ch in ko), problem
        assert en.isascii() or "→" in en, problem


def test_appointment_unavailable_when_the_trigger_never_has_one() -> None:
    # Given a consent-granted trigger (its runs carry no appointment)
    def consent_trigger(d: dict[str, Any]) -> None:
        d["nodes"][0].update(type="trigger.consent_granted", params={"purpose": "marketing"})
        d["nodes"][1]["params"].update(anchor="appointment")
        d["nodes"][4]["params"].update(text="(광고) {{ appointment.starts_at | date }}")

    # Then each use of the appointment is reported where it is
    assert found(doc_with(consent_trigger)) == [
        ("appointment_unavailable", "d1", "/nodes/1/params/anchor"),
        ("appointment_unavailable", "ad", "/nodes/4/params/text"),
    ]

    # And a manual trigger (an appointment may be chosen) or a booking trigger is fine
    def manual_trigger(d: dict[str, Any]) -> None:
        consent_trigger(d)
        d["nodes"][0].update(type="trigger.manual", params={})

    manual = doc_with(manual_trigger)
    assert found(manual) == []


def test_oversized_documents_are_refused_at_once() -> None:
    doc = doc_with(lambda d: d["edges"].extend({"source": "start", "target": f"n{i}"} for i in range(50_000)))
    assert found(doc) == [("invalid_field", None, "/edges")]
    doc = doc_with(lambda d: d["nodes"].extend({"id": f"n{i}", "type": "end"} for i in range(501)))
    assert found(doc) == [("invalid_field", None, "/nodes")]


def test_a_too_long_workflow_name_is_named_as_the_editor_names_it() -> None:
    # found in the user trial: "field 'name': too long" — the key, not the label the manager sees by the box
    (problem,) = validate_workflow(doc_with(lambda d: d.update(name="가" * 201)))
    assert (problem.code, problem.path) == ("invalid_field", "/name")
    assert (
        problem.message == "워크플로 이름: 너무 깁니다 (최대 200자) / Workflow name: too long (at most 200 characters)"
    )
    (problem,) = validate_workflow(doc_with(lambda d: d.update(name="")))
    assert problem.message.startswith("워크플로 이름: ") and "'name'" not in problem.message
