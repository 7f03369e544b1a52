"""Graph rules on workflow documents: consent gates, night windows, templates, per-node text."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.alimtalk_catalogue import MappingCatalogue, Template
from compliance.graph_rules import lint_workflow

ROOT = Path(__file__).resolve().parents[2]
AD_TEXT = "(광고) {{ clinic.name }} 정기 검진 안내입니다. 무료수신거부 080-500-1234"


def workflow(nodes: list[dict[str, Any]], edges: list[tuple[str, str] | tuple[str, str, str]]) -> dict[str, Any]:
    return {
        "format": "doctorsflow.workflow/v1",
        "name": "test",
        "nodes": nodes,
        "edges": [{"source": e[0], "target": e[1], **({"sourcePort": e[2]} if len(e) == 3 else {})} for e in edges],
    }


def node(node_id: str, node_type: str, **params: Any) -> dict[str, Any]:
    return {"id": node_id, "type": node_type, "params": params}


def friendtalk(node_id: str = "ad") -> dict[str, Any]:
    return node(node_id, "send.friendtalk", text=AD_TEXT)


def rules_at(doc: dict[str, Any], node_id: str) -> set[str]:
    return {f.rule for f in lint_workflow(doc).findings if f.node == node_id}


# ---- consent gate ---------------------------------------------------------------------------------


def test_advertising_behind_the_marketing_yes_port_passes() -> None:
    doc = workflow(
        [
            node("t", "trigger.manual"),
            node("c", "branch.consent", purpose="marketing"),
            friendtalk(),
            node("at", "wait.until", anchor="trigger", at="10:00"),
        ],
        [("t", "at"), ("at", "c"), ("c", "ad", "yes")],
    )
    assert "CONSENT-MARKETING-GATE" not in rules_at(doc, "ad")


def test_advertising_on_the_no_port_is_ungated() -> None:
    doc = workflow(
        [node("t", "trigger.manual"), node("c", "branch.consent", purpose="marketing"), friendtalk()],
        [("t", "c"), ("c", "ad", "no")],
    )
    assert "CONSENT-MARKETING-GATE" in rules_at(doc, "ad")


def test_a_parallel_path_around_the_gate_is_found() -> None:
    # Given an SMS ad reached both through the consent branch and directly
    sms = node("ad", "send.sms", purpose="advertising", text=AD_TEXT)
    doc = workflow(
        [node("t", "trigger.manual"), node("c", "branch.consent", purpose="marketing"), sms],
        [("t", "c"), ("c", "ad", "yes"), ("t", "ad")],
    )
    # Then the direct path is reported
    assert "CONSENT-MARKETING-GATE" in rules_at(doc, "ad")


def test_a_treatment_consent_branch_is_not_a_marketing_gate() -> None:
    doc = workflow(
        [node("t", "trigger.manual"), node("c", "branch.consent", purpose="treatment"), friendtalk()],
        [("t", "c"), ("c", "ad", "yes")],
    )
    assert "CONSENT-MARKETING-GATE" in rules_at(doc, "ad")


def test_informational_sends_need_no_consent_gate() -> None:
    doc = workflow(
        [node("t", "trigger.manual"), node("s", "send.sms", purpose="informational", text="내일 10시 예약입니다.")],
        [("t", "s")],
    )
    assert lint_workflow(doc).findings == ()


# ---- night window ---------------------------------------------------------------------------------


def gated(
    *nodes_before: dict[str, Any], ad: dict[str, Any] | None = None, trigger: dict[str, Any] | None = None
) -> dict[str, Any]:
    """trigger → nodes_before… → marketing consent (yes) → ad."""
    chain = [
        trigger or node("t", "trigger.manual"),
        *nodes_before,
        node("c", "branch.consent", purpose="marketing"),
        ad or friendtalk(),
    ]
    edges: list[tuple[str, str] | tuple[str, str, str]] = [(a["id"], b["id"]) for a, b in pairwise(chain[:-1])]
    edges.append(("c", chain[-1]["id"], "yes"))
    return workflow(chain, edges)


def test_an_event_triggered_ad_can_fall_at_night() -> None:
    assert "ADV-NIGHT" in rules_at(gated(), "ad")


def test_an_ad_held_until_ten_in_the_morning_cannot() -> None:
    assert "ADV-NIGHT" not in rules_at(gated(node("w", "wait.until", anchor="trigger", at="10:00")), "ad")


def test_a_schedule_at_22_is_night() -> None:
    doc = gated(trigger=node("t", "trigger.schedule", cron="0 22 * * *"))
    assert "ADV-NIGHT" in rules_at(doc, "ad")


def test_a_schedule_at_ten_plus_twelve_hours_is_night() -> None:
    doc = gated(node("w", "wait.duration", hours=12), trigger=node("t", "trigger.schedule", cron="0 10 * * 1"))
    assert "ADV-NIGHT" in rules_at(doc, "ad")


def test_a_day_long_wait_keeps_the_time_of_day() -> None:
    doc = gated(node("w", "wait.duration", days=3), trigger=node("t", "trigger.schedule", cron="30 9 * * *"))
    assert "ADV-NIGHT" not in rules_at(doc, "ad")


@pytest.mark.parametrize(
    ("at", "channel", "night"),
    [
        ("20:30", "friendtalk", True),
        ("20:30", "sms", False),
        ("21:00", "sms", True),
        ("07:59", "sms", True),
        ("08:00", "friendtalk", False),
    ],
)
def test_night_starts_at_20_for_friendtalk_and_21_for_sms(at: str, channel: str, night: bool) -> None:
    ad = friendtalk() if channel == "friendtalk" else node("ad", "send.sms", purpose="advertising", text=AD_TEXT)
    doc = gated(node("w", "wait.until", anchor="trigger", at=at), ad=ad)
    assert ("ADV-NIGHT" in rules_at(doc, "ad")) is night


def test_a_night_ads_consent_gate_replaces_the_warning_with_info() -> None:
    doc = gated(node("n", "branch.consent", purpose="night_ads"))
    doc["edges"] = [{**e, "sourcePort": "yes"} if e["source"] == "n" else e for e in doc["edges"]]
    found = rules_at(doc, "ad")
    assert "ADV-NIGHT" not in found
    assert "CONSENT-NIGHT-GATE" in found


# ---- templates ------------------------------------------------------------------------------------

CATALOGUE = MappingCatalogue(
    {
        "OK": Template("OK", "#{이름}님, 내일 #{시각} 예약입니다.", "approved"),
        "WAIT": Template("WAIT", "#{이름}님, 안내입니다.", "pending"),
    }
)


def alimtalk_doc(template: str, **variables: str) -> dict[str, Any]:
    return workflow(
        [node("t", "trigger.manual"), node("a", "send.alimtalk", template=template, variables=variables)], [("t", "a")]
    )


def test_approved_template_with_matching_variables_is_clean() -> None:
    report = lint_workflow(alimtalk_doc("OK", 이름="{{ patient.name }}", 시각="10:00"), CATALOGUE)
    assert report.findings == ()


@pytest.mark.parametrize("code", ["WAIT", "MISSING"])
def test_pending_or_unknown_templates_are_unapproved(code: str) -> None:
    report = lint_workflow(alimtalk_doc(code, 이름="x"), CATALOGUE)
    [finding] = [f for f in report.findings if f.rule == "KAKAO-TEMPLATE-UNAPPROVED"]
    assert (finding.node, finding.field, finding.severity) == ("a", "/params/template", "error")


def test_missing_and_extra_variables_are_reported() -> None:
    report = lint_workflow(alimtalk_doc("OK", 이름="x", 병원="y"), CATALOGUE)
    [finding] = [f for f in report.findings if f.rule == "KAKAO-TEMPLATE-VARIABLES"]
    assert "시각" in finding.message and "병원" in finding.message
    assert finding.field == "/params/variables"


def test_findings_inside_a_variable_point_at_the_variable() -> None:
    report = lint_workflow(alimtalk_doc("OK", 이름="{{ patient.name }}님 할인 이벤트", 시각="10:00"), CATALOGUE)
    promo = [f for f in report.findings if f.rule == "KAKAO-ALIMTALK-PROMO"]
    assert promo and all(f.field == "/params/variables/이름" for f in promo)
    value = "{{ patient.name }}님 할인 이벤트"
    assert {value[f.start : f.end] for f in promo} == {"할인 이벤트"}


def test_unknown_variable_in_an_sms_is_an_error_with_its_field() -> None:
    doc = workflow(
        [node("t", "trigger.manual"), node("s", "send.sms", purpose="informational", text="{{ patient.nmae }}님")],
        [("t", "s")],
    )
    [finding] = lint_workflow(doc).findings
    assert (finding.rule, finding.node, finding.field, finding.start, finding.end) == (
        "MSG-UNKNOWN-VARIABLE",
        "s",
        "/params/text",
        0,
        18,
    )


# ---- whole documents ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.name)
def test_every_example_workflow_lints_without_errors(path: Path) -> None:
    report = lint_workflow(json.loads(path.read_text("utf-8")))
    assert report.errors == 0, [f.to_dict() for f in report.findings if f.severity == "error"]


BAD_EXPECTED = {
    ("CONSENT-MARKETING-GATE", "ad"),
    ("KAKAO-ALIMTALK-PROMO", "promo"),
    ("MSA-INDUCEMENT", "promo"),  # no MSA-OMIT-RISK beside the channel rule (conventions, session 23)
    ("ADV-LABEL", "sms_ad"),
    ("MSA-GUARANTEE", "sms_ad"),
}


def test_the_deliberately_bad_workflow_gives_exactly_the_expected_findings() -> None:
    doc = json.loads((Path(__file__).parent / "data" / "bad-campaign.json").read_text("utf-8"))
    report = lint_workflow(doc)
    assert {(f.rule, f.node) for f in report.findings if f.severity != "info"} == BAD_EXPECTED
    assert report.errors > 0


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"nodes": "x"},
        {"nodes": [1, None, {"id": 3}], "edges": [None, {"source": "a"}]},
        {"nodes": [{"id": "a", "type": "send.sms", "params": {"text": 5}}]},
    ],
)
def test_malformed_documents_never_raise(doc: dict[str, Any]) -> None:
    lint_workflow(doc)


# ---- suppressions ---------------------------------------------------------------------------------


def test_a_warning_is_suppressed_only_with_a_written_reason() -> None:
    doc = gated()  # ADV-NIGHT warning on "ad"
    no_reason = lint_workflow(doc, suppressions=[{"rule": "ADV-NIGHT", "node": "ad", "reason": "  "}])
    assert no_reason.warnings == 1 and no_reason.rejected_suppressions
    with_reason = lint_workflow(
        doc, suppressions=[{"rule": "ADV-NIGHT", "node": "ad", "reason": "런타임이 08시까지 보류"}]
    )
    assert with_reason.warnings == 0
    [finding] = [f for f in with_reason.findings if f.rule == "ADV-NIGHT"]
    assert finding.suppressed is not None and finding.to_dict()["suppressed"] == {"reason": "런타임이 08시까지 보류"}


def test_errors_are_never_suppressed() -> None:
    doc = workflow([node("t", "trigger.manual"), friendtalk()], [("t", "ad")])
    report = lint_workflow(doc, suppressions=[{"rule": "CONSENT-MARKETING-GATE", "node": "ad", "reason": "괜찮음"}])
    assert report.errors == 1
    assert report.rejected_suppressions


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_TYPES = st.sampled_from(
    [
        "trigger.manual",
        "trigger.schedule",
        "wait.until",
        "wait.duration",
        "branch.consent",
        "send.sms",
        "send.friendtalk",
        "send.alimtalk",
        "notify.staff",
        "x",
    ]
)
_NODE = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c", "d"]), "type": _TYPES},
    optional={
        "params": st.dictionaries(
            st.sampled_from(["text", "purpose", "cron", "at", "hours", "template", "variables", "failover", "anchor"]),
            _JSON,
            max_size=4,
        )
    },
)
_EDGE = st.fixed_dictionaries(
    {"source": st.sampled_from(["a", "b", "c", "d", "z"]), "target": st.sampled_from(["a", "b", "c", "d"])},
    optional={"sourcePort": st.sampled_from(["out", "yes", "no", 3])},
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_NODE, max_size=5), st.lists(_EDGE, max_size=6))
def test_lint_workflow_never_raises_on_any_document(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    report = lint_workflow({"format": "doctorsflow.workflow/v1", "name": "x", "nodes": nodes, "edges": edges})
    assert report.errors >= 0
    json.dumps(report.to_dict())


def test_a_suggestion_inside_a_variable_applies_to_the_variable() -> None:
    # the filled template's finding is re-pointed into the variable, and so is its rewrite (issue 17 item 6)
    care = "안내 문구입니다. 이번 달 미백 30% 할인 이벤트도 함께 받아 보세요."
    template = Template("NOTE", "#{이름}님, 내일 예약입니다. #{안내}", "approved")
    doc = workflow(
        [
            node("t", "trigger.manual"),
            node("a", "send.alimtalk", template="NOTE", variables={"이름": "{{ patient.name }}", "안내": care}),
        ],
        [("t", "a")],
    )
    report = lint_workflow(doc, MappingCatalogue({"NOTE": template}))
    promo = [f for f in report.findings if f.rule == "KAKAO-ALIMTALK-PROMO"]
    assert promo and all(f.field == "/params/variables/안내" for f in promo)
    suggestion = promo[0].suggestion
    assert suggestion is not None and suggestion.kind == "move"
    assert suggestion.apply(care) == "안내 문구입니다."
    # a finding on the template's own text gets none: that field holds the template's code
    fixed = Template("FIXED", "#{이름}님, 이번 달 미백 30% 할인 이벤트도 함께 받아 보세요.", "approved")
    doc["nodes"][1]["params"] = {"template": "FIXED", "variables": {"이름": "{{ patient.name }}"}}
    on_template = [f for f in lint_workflow(doc, MappingCatalogue({"FIXED": fixed})).findings if f.start is not None]
    assert on_template and all(f.suggestion is None for f in on_template if f.field == "/params/template")
