"""The four report formats and the two commands, on the deliberately bad workflow and on JSONL input."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cli import register
from compliance.findings import rule_catalogue
from compliance.formats import render, render_sarif
from compliance.graph_rules import lint_workflow

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad-campaign.json"
ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    ("CONSENT-MARKETING-GATE", "ad"),
    ("KAKAO-ALIMTALK-PROMO", "promo"),
    ("MSA-INDUCEMENT", "promo"),  # no MSA-OMIT-RISK beside the channel rule (conventions, session 23)
    ("ADV-LABEL", "sms_ad"),
    ("MSA-GUARANTEE", "sms_ad"),
}


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def bad_report() -> Any:
    return lint_workflow(json.loads(BAD.read_text("utf-8")))


def test_json_report_has_the_design_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["lint", str(BAD), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"findings", "errors", "warnings"}
    for finding in report["findings"]:
        assert list(finding) == ["rule", "severity", "node", "field", "start", "end", "message", "citation"]
    assert {(f["rule"], f["node"]) for f in report["findings"] if f["severity"] != "info"} == EXPECTED
    assert report["errors"] == sum(1 for f in report["findings"] if f["severity"] == "error")


def test_text_report_names_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["lint", str(BAD), "--format", "text"]) == 1
    out = capsys.readouterr().out
    for rule, node in EXPECTED:
        assert rule in out and f"node {node}" in out


def test_sarif_report_is_valid_2_1_0_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["lint", str(BAD), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(rule_catalogue())
    assert all(r["helpUri"].startswith("docs/compliance/checklist.md#") for r in rules)
    results = run["results"]
    assert {
        (r["ruleId"], r["locations"][0]["logicalLocations"][0]["name"]) for r in results if r["level"] != "note"
    } == EXPECTED
    for result in results:
        assert result["level"] in {"error", "warning", "note"}
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"].get("region")
        if region is not None:
            assert region["charOffset"] >= 0 and region["charLength"] >= 0


def test_sarif_marks_suppressed_findings() -> None:
    doc = json.loads(BAD.read_text("utf-8"))
    report = lint_workflow(doc, suppressions=[{"rule": "MSA-PREREVIEW", "node": "promo", "reason": "템플릿 원문"}])
    [result] = [
        r
        for r in render_sarif(report)["runs"][0]["results"]
        if r["ruleId"] == "MSA-PREREVIEW" and r["locations"][0]["logicalLocations"][0]["name"] == "promo"
    ]
    assert result["suppressions"][0]["justification"] == "템플릿 원문"


def test_html_report_escapes_text_and_links_rules(tmp_path: Path) -> None:
    doc = json.loads(BAD.read_text("utf-8"))
    doc["nodes"][5]["params"]["text"] = "<script>alert(1)</script> 100% 만족 보장"
    report = lint_workflow(doc, suppressions=[{"rule": "MSA-PREREVIEW", "node": "promo", "reason": "<b>원문</b>"}])
    html = render(report, "html", title="<i>t</i>")
    assert "<script>" not in html and "&lt;b&gt;원문&lt;/b&gt;" in html and "<i>t</i>" not in html
    assert 'href="docs/compliance/checklist.md#consent-marketing-gate"' in html
    assert "억제됨 / suppressed" in html
    assert "@media print" in html


def test_html_report_lists_exactly_the_expected_findings() -> None:
    import re

    html = render(bad_report(), "html", title="bad")
    rows = re.findall(r'data-rule="([^"]+)" data-node="([^"]*)" data-severity="(\w+)"', html)
    assert {(rule, node) for rule, node, severity in rows if severity != "info"} == EXPECTED


def test_html_report_names_nodes_and_reads_errors_first() -> None:
    import re

    # Given the bad workflow whose SMS the manager named, linted with its document at hand
    doc = json.loads(BAD.read_text("utf-8"))
    [sms] = [n for n in doc["nodes"] if n["id"] == "sms_ad"]
    sms["label"] = "할인 문자"
    html = render(lint_workflow(doc), "html", title="bad", doc=doc)
    rows = re.findall(r'data-node="([^"]*)" data-severity="(\w+)"', html)
    # Then errors come first, then warnings, then notes; within a severity in the order of the flow's nodes
    order = {n["id"]: i for i, n in enumerate(doc["nodes"])}
    keys = [({"error": 0, "warning": 1, "info": 2}[sev], order.get(node, len(order))) for node, sev in rows]
    assert keys == sorted(keys) and keys[0][0] == 0 and keys[-1][0] == 2
    # And a node is named as in the editor (its name, else its type's label), its id in small print
    assert '<span class="node-name">할인 문자</span><small class="where">sms_ad · /params/text' in html
    assert '<span class="node-name">알림톡 보내기 / Send AlimTalk</span><small class="where">promo' in html
    assert "node sms_ad" not in html


def test_reading_order_puts_whole_workflow_findings_after_the_nodes() -> None:
    from compliance.findings import Finding
    from compliance.report import node_names, reading_order

    doc = {"nodes": [{"id": "b", "type": "send.sms"}, {"id": "a", "type": "send.sms", "label": "둘째"}]}
    made = [
        Finding("X", "warning", None, None, "m", "c", node="b"),
        Finding("X", "error", None, None, "m", "c", node=None),
        Finding("X", "error", None, None, "m", "c", node="a"),
        Finding("X", "error", None, None, "m", "c", node="b"),
    ]
    names = node_names(doc)
    assert names["a"].name == "둘째" and names["b"].name == "문자 보내기 / Send SMS"
    assert [(f.severity, f.node) for f in reading_order(made, names)] == [
        ("error", "b"),
        ("error", "a"),
        ("error", None),
        ("warning", "b"),
    ]


def test_lint_writes_html_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run_cli(["lint", str(BAD), "--format", "html", "-o", str(out)]) == 1
    assert out.read_text("utf-8").startswith("<!doctype html>")


def test_clean_example_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["lint", str(ROOT / "examples" / "cataract-postop.json"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["errors"] == 0


def test_unreadable_workflow_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert run_cli(["lint", str(broken)]) == 2
    assert run_cli(["lint", str(tmp_path / "missing.json")]) == 2
    assert "JSON" in capsys.readouterr().err


def test_lint_text_jsonl_one_line_per_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messages = tmp_path / "m.jsonl"
    lines = [
        {"id": "a", "channel": "sms", "purpose": "informational", "text": "내일 10시 예약입니다."},
        {"id": "b", "channel": "friendtalk", "purpose": "advertising", "text": "국내 최초!"},
    ]
    messages.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    assert run_cli(["lint-text", str(messages), "--format", "jsonl"]) == 1
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["findings"] == []
    assert {"ADV-LABEL", "MSA-SUPERLATIVE"} <= {f["rule"] for f in out[1]["findings"]}
    assert all(set(f) == {"rule", "severity", "start", "end"} for f in out[1]["findings"])


def test_lint_text_clean_input_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messages = tmp_path / "m.jsonl"
    messages.write_text(
        json.dumps({"id": 1, "channel": "alimtalk", "purpose": "informational", "text": "안약을 점안해 주세요."}) + "\n"
    )
    assert run_cli(["lint-text", str(messages)]) == 0
    assert json.loads(capsys.readouterr().out) == {"id": 1, "findings": []}


def test_lint_text_bad_line_gives_an_error_line_and_exit_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messages = tmp_path / "m.jsonl"
    messages.write_text(
        '{"id": "x", "channel": "fax", "purpose": "informational", "text": "hi"}\nnot json\n', encoding="utf-8"
    )
    assert run_cli(["lint-text", str(messages)]) == 1
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert first["id"] == "x" and first["error"]["code"] == "invalid_message" and first["line"] == 1
    assert second["error"]["code"] == "invalid_json" and second["line"] == 2


def test_lint_text_unreadable_file_exits_two(tmp_path: Path) -> None:
    assert run_cli(["lint-text", str(tmp_path / "none.jsonl")]) == 2
