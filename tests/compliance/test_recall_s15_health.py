"""Recall on the health families of issue 17 (rules/frames_s15_health.json, English names in msa_omit_risk.json):
health data in an SMS beyond the word 진단, unverified firsts and awards, student lures, testimonials by the
clinic's own staff or the doctor's family, and missing risk notices on English procedure names — with the clean
traps each of them must leave alone."""

from __future__ import annotations

import json

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("다온클리닉")
BARE_AD = ad_template("다온클리닉", risk=False)


@pytest.mark.parametrize(
    "text",
    [
        "[다온내과] 복부 초음파에서 담석이 발견되어 외과 진료를 권해 드립니다.",
        "[다온치과] 26번 치아에 금이 가 있어 크라운 치료가 필요합니다.",
        "[다온안과] 굴절검사상 근시 -5.00D로 렌즈 도수를 바꿔 드렸습니다.",
        "[다온내과] 이번 검사에서 크레아티닌 1.9로 신장내과 진료가 필요합니다.",
        "[다온내과] 진단코드 K21.0 위식도역류질환으로 약을 처방했습니다.",
        "[다온여성의원] 유방촬영 BI-RADS 3으로 6개월 뒤 추적검사를 받으세요.",
    ],
)
def test_health_data_in_an_sms_is_found(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")
    # a Kakao message is not shown on the lock screen: not this rule's concern
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "alimtalk", "informational")


@pytest.mark.parametrize(
    "text",
    [
        "[다온안과] 최고 안압 측정을 위해 오전 8시에 내원해 주세요.",
        "[다온내과] 검사 결과가 나왔습니다. 내원해 주세요.",
        "[다온치과] 내일 오전 10시 치과 보존과 예약입니다.",
        "[다온치과] 발치 후 출혈이 계속되면 거즈를 더 물고 계시고, 멈추지 않으면 연락 주세요.",
        "[다온치과] 충치 예방을 위해 6개월마다 검진을 받으세요.",
        "[다온치과] 17번 치아 치료 예약이 목요일 오후 3시에 있습니다.",
        "[다온내과] 골밀도 검사는 65세 이상 여성에게 권장됩니다.",
        "[다온안과] 처방 안약은 하루 4회 넣으세요. 충혈이 심해지면 내원해 주세요.",
    ],
)
def test_care_messages_are_not_health_data(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "sms", "informational")


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        ("충청권에서 처음으로 도입한 레이저 장비입니다.", {"MSA-UNVERIFIED", "MSA-SUPERLATIVE"}),
        ("○○신문이 선정한 우수 치과.", {"MSA-UNVERIFIED"}),
        ("구청장 표창을 받은 의원입니다.", {"MSA-UNVERIFIED"}),
        ("Voted best skin clinic by our readers.", {"MSA-UNVERIFIED"}),
        ("입시 끝난 예비 대학생, 상담비를 받지 않습니다.", {"MSA-STUDENT-LURE"}),
        ("Exams over? Students get a free consultation.", {"MSA-STUDENT-LURE"}),
        ("저희 상담실장도 직접 받은 리프팅입니다.", {"MSA-TESTIMONIAL"}),
        ("원장 어머님도 이곳에서 수술을 받으셨습니다.", {"MSA-TESTIMONIAL"}),
        ("Our own nurses had their lips done here.", {"MSA-TESTIMONIAL"}),
    ],
)
def test_health_family_frames_find_new_wording(body: str, rules: set[str]) -> None:
    assert rules <= rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "보건복지부 지정 관절 전문병원입니다.",
        "이벤트 당첨자 선정 결과는 홈페이지에서 확인하세요.",
        "처음 오시는 분은 문진표를 작성해 주세요.",
        "수험생 여러분, 그동안 수고 많으셨습니다.",
        "수술 후 주의사항은 담당 간호사가 직접 안내해 드립니다.",
        "전 직원이 감염관리 교육을 받았습니다.",
    ],
)
def test_health_family_frames_leave_ordinary_ad_sentences_alone(body: str) -> None:
    assert not rule_ids(AD.format(body), "friendtalk") & {
        "MSA-UNVERIFIED",
        "MSA-STUDENT-LURE",
        "MSA-TESTIMONIAL",
        "MSA-SUPERLATIVE",
    }


@pytest.mark.parametrize(
    "body",
    [
        "SMILE Pro laser vision correction, book a consult.",
        "HIFU skin tightening this month.",
        "All-on-4 full arch implants in one day.",
        "Refractive lens exchange for presbyopia.",
        "Pico laser for tattoo removal.",
    ],
)
def test_english_procedure_names_need_a_risk_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids(BARE_AD.format(body), "friendtalk")
    disclosed = BARE_AD.format(body + " Redness or swelling may occur and results vary by person.")
    assert "MSA-OMIT-RISK" not in rule_ids(disclosed, "friendtalk")


def test_frames_are_model_free_and_indexed() -> None:
    """Window and original frames only (no analyser), every window role with literal prefixes to index by."""
    data = json.loads((RULES_DIR / "frames_s15_health.json").read_text("utf-8"))
    for frame in data["frames"]:
        assert frame.get("kind", "window") in ("window", "original"), frame["rule"]
        for role in frame.get("roles", []):
            assert required_grams("|".join(f"(?:{p})" for p in role)) is not None, role


def test_probe_lines_are_cited_and_labelled() -> None:
    for name in ("probes_s15_health", "probes_s15_health_unseen"):
        rows = load(name)
        assert len({row["id"] for row in rows}) == len(rows), name
        assert all(row["source"].startswith("p15h-") for row in rows), name
