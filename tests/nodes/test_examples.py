"""The shipped example workflows: all valid, editor-ready, and clean of advertising-law trigger words."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from nodes.examples import list_examples, load_example
from nodes.registry import REGISTRY
from nodes.send_alimtalk.library import get_template
from nodes.validation import text_values, validate_workflow

SLUGS = [e["slug"] for e in list_examples()]

# Trigger words of compliance/RULES.md (MSA-*, KAKAO-ALIMTALK-*), matched after removing spaces and dots
# the way the compliance checker normalises evasions. Our examples must not contain any of them.
_WORDS = (
    "최고 최초 유일 1위 넘버원 no.1 no1 최상 독보적 명의 100% 백퍼 보장 확실한 완벽 무조건 영구 평생 재발없 "
    "부작용없 부작용zero 통증없 무통 흉터없 안전 회복기간없 후기 체험 경험담 리뷰 실제환자 전후 비포 애프터 "
    "before/after 타병원 다른병원 타원 할인 특가 반값 공짜 0원 이벤트 선착순 쿠폰 사은품 증정 1+1 페이백 "
    "추천 신의료 최초도입 특허 줄기세포 수상 선정 연예인 셀럽 유명인 수술장면 수술영상 라이브 전문병원 방송 "
    "tv에 언론 수험 콤플렉스 자신감 프로모션 혜택 오픈 기념 지금예약 예약하세요 감사 어떠 생일 설문"
)
FORBIDDEN = _WORDS.split()


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s.·\u200b-\u200f]", "", text)


def message_texts(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(node id, node type, text) of every message text, AlimTalk template bodies included."""
    found = []
    for node in doc["nodes"]:
        node_type = REGISTRY[node["type"]]
        params = node.get("params", {})
        for pointer in node_type.text_fields:
            found += [(node["id"], node["type"], text) for _, text in text_values(params, pointer)]
        if node["type"] == "send.alimtalk":
            found.append((node["id"], node["type"], get_template(params["template"]).text))
    return found


def test_there_are_at_least_six_examples() -> None:
    assert len(SLUGS) >= 6
    assert {"cataract-postop", "lasik-lasek-postop", "rhinoplasty-postop", "appointment-reminder-d1"} <= set(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_example_is_valid(slug: str) -> None:
    doc = load_example(slug)
    assert doc is not None
    assert validate_workflow(doc) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_example_is_editor_ready_and_korean(slug: str) -> None:
    doc = load_example(slug)
    assert doc is not None
    assert re.search("[가-힣]", doc["name"]) and " / " in doc["description"]
    positions = [(n["position"]["x"], n["position"]["y"]) for n in doc["nodes"]]
    assert len(set(positions)) == len(positions), "nodes must not sit on each other"


@pytest.mark.parametrize("slug", SLUGS)
def test_example_messages_avoid_advertising_law_triggers(slug: str) -> None:
    doc = load_example(slug)
    assert doc is not None
    for node_id, _, text in message_texts(doc):
        clean = normalise(text).replace("무료수신거부", "")
        hits = [word for word in FORBIDDEN if normalise(word) in clean]
        assert not hits, (slug, node_id, hits)
        assert "무료" not in clean, (slug, node_id)


@pytest.mark.parametrize("slug", SLUGS)
def test_advertising_messages_are_labelled_with_opt_out_and_gated_by_consent(slug: str) -> None:
    doc = load_example(slug)
    assert doc is not None
    by_id = {n["id"]: n for n in doc["nodes"]}
    for node in doc["nodes"]:
        node_type = REGISTRY[node["type"]]
        if node_type.purpose(node.get("params", {})) != "advertising":
            continue
        text = node["params"]["text"]
        assert text.startswith("(광고) {{ clinic.name }}")
        # the clinic's own 080 number from its profile (issue 15), or a literal one
        assert re.search(r"무료수신거부 (080-\d{3,4}-\d{4}|\{\{ clinic\.optout_number \}\})", text)
        gates = [e for e in doc["edges"] if e["target"] == node["id"]]
        assert gates and all(
            by_id[e["source"]]["type"] == "branch.consent"
            and by_id[e["source"]]["params"]["purpose"] == "marketing"
            and e.get("sourcePort") == "yes"
            for e in gates
        )


@pytest.mark.parametrize("slug", SLUGS)
def test_alimtalk_templates_are_approved_with_the_same_variables(slug: str) -> None:
    doc = load_example(slug)
    assert doc is not None
    for node in doc["nodes"]:
        if node["type"] == "send.alimtalk":
            template = get_template(node["params"]["template"])  # nodes/send_alimtalk/library.json
            assert template.status == "approved"
            assert sorted(template.variables) == sorted(node["params"]["variables"]), node["id"]
            assert len(template.text) <= 1000


def test_loader_refuses_unknown_and_escaping_slugs() -> None:
    assert load_example("no-such-example") is None
    assert load_example("../pyproject") is None
    assert load_example("sub/dir") is None


def test_examples_dir_can_be_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.json").write_text(json.dumps({"name": "내 예제", "description": "d"}), "utf-8")
    (tmp_path / "broken.json").write_text("{", "utf-8")
    monkeypatch.setenv("DOCTORSFLOW_EXAMPLES_DIR", str(tmp_path))
    assert list_examples() == [{"slug": "mine", "name": "내 예제", "description": "d"}]
    assert load_example("mine") == {"name": "내 예제", "description": "d"}
    monkeypatch.setenv("DOCTORSFLOW_EXAMPLES_DIR", str(tmp_path / "missing"))
    assert list_examples() == []
