"""Recall on the guarantee, safety, testimonial and 'other' families of issue 17 (rules/frames_s17_gfam.json): a
remedy promised on failure, a bad outcome that never returns, a definite outcome, harms said nil, patients' words
relayed, a patient's course in an artefact, staff results, unverifiable firsts/certifications/awards, 'most
trusted', appearance worries and the same patient shown twice — with the clean traps each must leave alone."""

from __future__ import annotations

import json

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("다온클리닉")
FAMILIES = {
    "MSA-GUARANTEE",
    "MSA-SAFETY-CLAIM",
    "MSA-TESTIMONIAL",
    "MSA-UNVERIFIED",
    "MSA-SUPERLATIVE",
    "MSA-APPEARANCE",
    "MSA-BEFORE-AFTER",
}


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("효과가 없으면 시술비 전액을 환불해 드립니다.", "MSA-GUARANTEE"),
        ("재발하면 다시 시술해 드려요.", "MSA-GUARANTEE"),
        ("한 번 교정하면 다시 틀어질 일 없습니다.", "MSA-GUARANTEE"),
        ("Results are permanent.", "MSA-GUARANTEE"),
        ("체중은 반드시 내려갑니다.", "MSA-GUARANTEE"),
        ("낫지 않은 분은 아직 없습니다.", "MSA-GUARANTEE"),
        ("부작용 사례가 한 건도 없었습니다.", "MSA-SAFETY-CLAIM"),
        ("방사선 걱정 전혀 없는 검사.", "MSA-SAFETY-CLAIM"),
        ("치료받으신 분들이 '밤에 푹 잔다'고 많이들 말씀하세요.", "MSA-TESTIMONIAL"),
        ("원장님 어머니도 여기서 받으셨어요.", "MSA-TESTIMONIAL"),
        ("학회 인증 의료진이 진료합니다.", "MSA-UNVERIFIED"),
        ("넓은 이마 때문에 앞머리만 고집하셨나요?", "MSA-APPEARANCE"),
        ("같은 환자분 맞습니다!", "MSA-BEFORE-AFTER"),
        ("올린 코 라인은 10년이 지나도 그대로입니다.", "MSA-GUARANTEE"),
        ("완치될 때까지 함께합니다.", "MSA-GUARANTEE"),
        ("Sharp vision after LASIK, or your retreatment is on us.", "MSA-GUARANTEE"),
    ],
)
def test_each_class_is_found_in_an_advertisement(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "보증서를 발급해 드립니다. 보증 기간은 상담 시 안내합니다.",
        "재발 여부는 3개월 뒤 검사로 확인합니다.",
        "증상이 다시 나타나면 바로 연락 주세요.",
        "하루 두 번이면 충분한 스트레칭입니다.",
        "위험할 수 있는 증상이 있으면 바로 오세요.",
        "궁금하다는 분이 많아 자주 묻는 질문을 정리했습니다.",
        "원장님의 운동 영상을 공개했습니다.",
        "보건복지부 지정 전문병원입니다.",
        "기미 때문에 고민이시라면 먼저 진단받아 보세요.",
        "같은 분이 두 번 예약하셔서 한 건을 취소했습니다.",
        "누구나 부담 없이 상담받으세요.",
        "보철물은 10년이 지나면 점검을 권합니다.",
        "Ask about our bonus parking hours.",
    ],
)
def test_close_clean_traps_stay_clean(body: str) -> None:
    assert not rule_ids(AD.format(body), "friendtalk") & FAMILIES


def test_frames_are_model_free_and_indexed() -> None:
    """Window frames only (no analyser), every role with literal prefixes to index by."""
    data = json.loads((RULES_DIR / "frames_s17_gfam.json").read_text("utf-8"))
    for frame in data["frames"]:
        assert frame.get("kind", "window") == "window", frame["rule"]
        for role in frame["roles"]:
            assert required_grams("|".join(f"(?:{p})" for p in role)) is not None, role


def test_probe_lines_are_cited_and_found() -> None:
    rows = load("probes_s17_gfam")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("p17g-") and row["source"].startswith("p17g-") for row in rows)
    assert sum(not row["expected"] for row in rows) >= len(rows) // 3  # a third are clean traps
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"]) & FAMILIES
        assert found == set(row["expected"]) & FAMILIES, (row["id"], found)
