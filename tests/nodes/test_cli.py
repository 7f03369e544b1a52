"""``doctorsflow validate`` / ``examples``: output and exit codes (0 valid, 1 invalid, 2 unreadable)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from nodes import cli
from nodes.examples import examples_dir
from tests.nodes.test_validation import VALID


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="doctorsflow")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    doc = json.loads(json.dumps(VALID))
    doc["edges"].append({"source": "care1", "target": "ghost"})
    doc["nodes"][1]["params"]["at"] = "25:00"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_valid_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(VALID, ensure_ascii=False), "utf-8")
    assert run(["validate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"valid": True, "errors": []}
    assert run(["validate", str(path)]) == 0
    assert "유효합니다" in capsys.readouterr().out


def test_invalid_file_exits_1_with_node_path_and_message(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(broken), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert [(e["code"], e["node"], e["path"]) for e in report["errors"]] == [
        ("invalid_params", "d1", "/nodes/1/params/at"),
        ("dangling_edge", "care1", "/edges/5/target"),
    ]
    assert run(["validate", str(broken)]) == 1
    text = capsys.readouterr().out
    assert "오류 2개" in text and "노드 d1 /nodes/1/params/at" in text and "HH:MM" in text


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"{not json", "JSON이 아닙니다: 1행"), (b"\xff\xfe\x00", "UTF-8"), (None, "파일이 없습니다")],
)
def test_unreadable_file_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, reason: str
) -> None:
    path = tmp_path / "file.json"
    if content is not None:
        path.write_bytes(content)
    assert run(["validate", str(path)]) == 2
    assert reason in capsys.readouterr().err
    assert run(["validate", str(path), "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False and reason in report["errors"][0]["message"]


def test_a_directory_is_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(tmp_path)]) == 2
    assert "폴더" in capsys.readouterr().err


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode())
    assert run(["validate", str(path)]) == 0


def test_several_files_give_json_lines_and_the_worst_exit_code(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = sorted(str(p) for p in examples_dir().glob("*.json"))
    assert run(["validate", *examples, "--format", "json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == examples and all(line["valid"] for line in lines)
    assert run(["validate", examples[0], str(broken)]) == 1


def test_examples_lists_slug_and_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["examples", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)["examples"]
    assert {"slug": "cataract-postop", "name": "백내장 수술 후 관리 (1·3·7일차)"}.items() <= listed[2].items()
    assert run(["examples"]) == 0
    assert "cataract-postop" in capsys.readouterr().out
