"""Recall on unseen wording (issue 17, session 18, rules/frames_s18_rec.json): the classes the out-of-sample misses
of the training writers showed (the checker of the commit before each writer file landed, run on that file) and that
the checker still missed in new wording: a trouble left behind for good, failures counted nil, definite results for
the reader, others' wasted time or rushed visits, big-hospital waits and cheaper prices set against the sender,
celebrities by role and their outcomes retold, a patient's course passed on as news, satisfaction figures as proof,
check-ins and greetings in AlimTalk, students addressed without a price, procedure names the list lacked — each with
the close clean traps it must leave alone (corpus/probes_s18_rec.jsonl)."""

from __future__ import annotations

import json

import pytest

from compliance.conventions import disparagement_compares
from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("새봄클리닉")

# Findings older rules give on clean traps of the probe file (precision work, not these frames'): listed so that the
# test holds this file's frames to no false finding while the precision helpers shrink the list.
OLDER_FALSE_FINDINGS = {
    "p18r-guarantee-01": {"PII-HEALTH-IN-SMS"},
    "p18r-clean-02": {"MSA-GUARANTEE"},
    "p18r-testimonial-06": {"MSA-SURGERY-SCENE"},
    "p18r-clean-13": {"MSA-CELEBRITY"},
    "p18r-r4-clean-15": {"MSA-COMPARISON"},
    "p18r-r4-comparison-05": {"MSA-DEFAME"},
    "p18r-r5-comparison-04": {"MSA-DEFAME"},
    "p18r-r5-guarantee-01": {"MSA-SAFETY-CLAIM"},
    "p18r-r5-clean-07": {"KAKAO-ALIMTALK-PROMO", "MSA-INDUCEMENT"},
    "p18r-r6-clean-04": {"MSA-INDUCEMENT"},
    "p18r-r6-guarantee-01": {"MSA-INDUCEMENT"},
    "p18r-r7-clean-03": {"PII-HEALTH-IN-SMS"},
    "p18r-r8-guarantee-02": {"MSA-SAFETY-CLAIM"},
}


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("보청기와는 이제 영원히 작별입니다.", "MSA-GUARANTEE"),
        ("저희 검진에서 찾지 못한 대장암은 개원 이래 한 건도 없습니다.", "MSA-GUARANTEE"),
        ("교정 석 달이면 허리를 곧게 펴고 걸으시게 됩니다.", "MSA-GUARANTEE"),
        ("성장 주사 1년이면 10cm는 쑥 큽니다.", "MSA-GUARANTEE"),
        ("갑상선 결절, 하나도 놓치지 않습니다.", "MSA-GUARANTEE"),
        ("한 번 지으면 겨울 내내 감기 모르고 지내는 보약.", "MSA-GUARANTEE"),
        ("필러 시술 뒤 붓기 하나 없이 바로 일상으로.", "MSA-SAFETY-CLAIM"),
        ("Most skin clinics just sell you creams. We find the cause.", "MSA-DEFAME"),
        ("Had a bad experience at another clinic? We fix what they got wrong.", "MSA-COMPARISON"),
        ("관리실에서 돈만 날리셨다면 이제 진료를 받으세요.", "MSA-DEFAME"),
        ("2분 보고 끝나는 진료에 지치셨다면.", "MSA-DEFAME"),
        ("상급종합병원 석 달 대기, 저희는 당일 검사합니다.", "MSA-COMPARISON"),
        ("강남 평균보다 40% 저렴한 리프팅.", "MSA-INDUCEMENT"),
        ("Trusted by national team swimmers.", "MSA-CELEBRITY"),
        ("걸그룹 멤버가 8kg 감량한 바로 그 프로그램.", "MSA-TESTIMONIAL"),
        ("방문 고객의 97%가 '다시 오겠다'고 답했습니다.", "MSA-TESTIMONIAL"),
        ("수능 끝난 고3 여러분, 겨울에 교정 시작해요.", "MSA-STUDENT-LURE"),
        ("자궁근종 하이푸 상담 받으세요.", "MSA-OMIT-RISK"),
    ],
)
def test_each_class_is_found_in_new_wording(sentence: str, rule: str) -> None:
    text = AD.format(sentence) if rule != "MSA-OMIT-RISK" else f"(광고) 새봄클리닉 {sentence} 무료수신거부 080-321-7700"
    assert rule in rule_ids(text), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "금연 치료로 담배와 이별을 준비해 보세요.",
        "검진 날짜를 놓치지 않도록 문자로 알려 드립니다.",
        "진료 접수는 저녁 7시면 끝입니다.",
        "보철과 전문의에게 상담받으세요.",
        "대학병원 진료가 필요하면 진료의뢰서를 바로 발급해 드립니다.",
        "Most dentists recommend a check-up every six months.",
        "초진은 40분, 재진은 20분 정도 걸립니다.",
        "수험생 자녀 독감 접종은 예약 없이 오셔도 됩니다.",
        "실손보험 청구 서류는 수납 창구에서 발급해 드립니다.",
    ],
)
def test_close_clean_sentences_stay_clean(sentence: str) -> None:
    found = rule_ids(AD.format(sentence))
    assert not found, (sentence, found)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("[새봄치과] 발치하신 자리 붓기는 좀 빠지셨나요?", "KAKAO-ALIMTALK-BLACKLIST"),
        ("[새봄소아과] 수족구병이 유행하고 있습니다. 손 씻기에 신경 써 주세요.", "KAKAO-ALIMTALK-BLACKLIST"),
        ("[새봄치과] 입학을 진심으로 축하드립니다!", "KAKAO-ALIMTALK-BLACKLIST"),
        ("[새봄치과] 생일 달에 가족과 함께 오시면 불소 도포를 무료로 해 드려요.", "KAKAO-ALIMTALK-PROMO"),
    ],
)
def test_alimtalk_check_ins_notices_and_occasion_offers_are_found(text: str, rule: str) -> None:
    assert rule in rule_ids(text, "alimtalk", "informational"), text


@pytest.mark.parametrize(
    "text",
    [
        "[새봄치과] 발치 후 붓기는 보통 2~3일 안에 빠집니다. 심하면 연락 주세요.",
        "[새봄소아과] 독감 유행으로 대기가 길 수 있으니 12/3 10:00 예약보다 10분 일찍 와 주세요.",
        "[새봄소아과] 서윤이 독감 예방접종 2차는 12월 20일 오후 3시입니다.",
    ],
)
def test_alimtalk_care_notes_stay_clean(text: str) -> None:
    assert not rule_ids(text, "alimtalk", "informational"), text


def test_frames_are_model_free_and_indexed() -> None:
    """Window frames only (no analyser), every role with literal prefixes to index by (lint speed)."""
    data = json.loads((RULES_DIR / "frames_s18_rec.json").read_text("utf-8"))
    for frame in data["frames"]:
        assert frame.get("kind", "window") == "window", frame["rule"]
        for role in frame["roles"]:
            assert required_grams("|".join(f"(?:{p})" for p in role)) is not None, role


def test_probe_file_is_found_and_its_clean_traps_get_nothing_new() -> None:
    rows = load("probes_s18_rec")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["id"].startswith("p18r-") for row in rows)
    assert sum(not row["expected"] for row in rows) >= len(rows) // 4
    missed, extra = [], []
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"])
        expected = set(row["expected"])
        # a named provider run down with no comparison of its own: the comparison is either reading (session 28)
        either = {"MSA-COMPARISON"} if "MSA-DEFAME" in found and disparagement_compares(row["text"]) is None else set()
        if expected - found - either:
            missed.append((row["id"], sorted(expected - found)))
        if found - expected - OLDER_FALSE_FINDINGS.get(row["id"], set()):
            extra.append((row["id"], sorted(found - expected)))
    assert not missed
    assert not extra
