"""Recall on the 'other', safety and transmission families of issue 17 (rules/frames_s16_other.json and the word
lists they extend): 'only here' and top-rank superlatives without 최고/1위, harms said to be absent in their verb
forms, appearance worries, patents, before/after without 전후/비포, procedure names not listed before, sender
names by medical department and the channel block as a free opt-out — with the clean traps each must leave alone."""

from __future__ import annotations

import json

import pytest

from compliance.corpus_score import load
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("다온클리닉")
BARE_AD = ad_template("다온클리닉", risk=False)
FAMILIES = {
    "MSA-SUPERLATIVE",
    "MSA-SAFETY-CLAIM",
    "MSA-APPEARANCE",
    "MSA-UNVERIFIED",
    "MSA-BEFORE-AFTER",
    "MSA-OMIT-RISK",
    "MSA-FAKE-TITLE",
    "ADV-LABEL",
    "ADV-OPTOUT",
    "ADV-SENDER",
}


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("이 시술을 하는 안과는 대구에서 저희밖에 없습니다.", "MSA-SUPERLATIVE"),
        ("국내에 단 두 대뿐인 레이저 장비로 치료합니다.", "MSA-SUPERLATIVE"),
        ("수술 건수 업계 최상위 병원입니다.", "MSA-SUPERLATIVE"),
        ("현존하는 가장 강력한 리프팅 장비.", "MSA-SUPERLATIVE"),
        ("Daegu's #1 dental clinic.", "MSA-SUPERLATIVE"),
        ("The only skin clinic in Ulsan offering this laser.", "MSA-SUPERLATIVE"),
        ("필러 후 부작용 걱정이 전혀 없습니다.", "MSA-SAFETY-CLAIM"),
        ("흉터 하나 남기지 않는 절개법입니다.", "MSA-SAFETY-CLAIM"),
        ("주사 자국도 남지 않아요.", "MSA-SAFETY-CLAIM"),
        ("시술 중 통증을 거의 못 느끼실 거예요.", "MSA-SAFETY-CLAIM"),
        ("천연 성분이라 몸에 전혀 해가 없습니다.", "MSA-SAFETY-CLAIM"),
        ("하나도 안 아픈 치과 치료.", "MSA-SAFETY-CLAIM"),
        ("You won't feel a thing.", "MSA-SAFETY-CLAIM"),
        ("늘 피곤해 보인다는 말, 이제 그만 들으세요.", "MSA-APPEARANCE"),
        ("사진 찍을 때마다 이중턱이 신경 쓰이셨죠?", "MSA-APPEARANCE"),
        ("자신감 있는 옆모습을 찾아 드립니다.", "MSA-APPEARANCE"),
        ("Tired of looking older than you are?", "MSA-APPEARANCE"),
        ("원장이 특허 출원한 시술법입니다.", "MSA-UNVERIFIED"),
        ("Our patented hair transplant method.", "MSA-UNVERIFIED"),
        ("시술 3개월 뒤 달라진 얼굴 라인, 나란히 놓고 비교해 보세요.", "MSA-BEFORE-AFTER"),
        ("처음과 12주 후 체형 사진을 공개합니다.", "MSA-BEFORE-AFTER"),
        ("Lip lines 3 months later: see the photos on our channel.", "MSA-BEFORE-AFTER"),
        ("비수술 치료라 위험 부담이 0입니다.", "MSA-SAFETY-CLAIM"),
        ("새 장비는 아프지 않아서 마취 크림도 필요 없어요.", "MSA-SAFETY-CLAIM"),
        ("Our laser won't leave a mark.", "MSA-SAFETY-CLAIM"),
        ("FDA-approved skin tightening.", "MSA-UNVERIFIED"),
        ("지역 주민 선택 1순위 치과.", "MSA-SUPERLATIVE"),
        ("첫인상에서 손해 보고 계신가요?", "MSA-APPEARANCE"),
        ("독자적인 기술로 완성한 리프팅.", "MSA-UNVERIFIED"),
        ("시술 직후 모습을 사진으로 공개합니다.", "MSA-BEFORE-AFTER"),
        ("See our results gallery.", "MSA-BEFORE-AFTER"),
        ("Safe for everyone, needle-free.", "MSA-SAFETY-CLAIM"),
        ("휑한 정수리 때문에 모자 없인 못 나가셨다면?", "MSA-APPEARANCE"),
        ("원장님만큼 해 본 의사 찾기 어려워요.", "MSA-SUPERLATIVE"),
        ("지방흡입 후 붓기가 안 생겨요.", "MSA-SAFETY-CLAIM"),
    ],
)
def test_new_wording_is_found(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "저희뿐 아니라 인근 병원 모두 일요일에 쉽니다.",
        "다시는 허리 통증 없는 삶을 위해 꾸준히 운동하세요.",
        "수술은 안전한 곳에서 받으셔야 합니다.",
        "시술 후 통증이 없으면 다음 날부터 세안하셔도 됩니다.",
        "통증이 없어도 처방약은 끝까지 드세요.",
        "연고를 바르면 흉터 없이 아물도록 도와줍니다.",
        "'눈 뜨기가 편해졌다'는 말을 가장 많이 듣습니다.",
        "특허청을 사칭한 문자에 주의하세요.",
        "3개월 후 경과 사진 촬영을 위해 내원해 주세요.",
        "수술 전후 주의사항을 자세히 안내해 드립니다.",
        "재발하면 재치료는 무상, 어깨 통증 끝까지 잡아 드립니다.",
        "3개월 만에 달라진 피부, 고객 후기를 공개합니다.",
        "수술 1년 차 환자분이 보내온 사진 한 장.",
        "기미 때문에 화장이 두꺼웠던 제가 이제 맨얼굴로 출근해요 - 고객 A님",
    ],
)
def test_the_same_words_in_ordinary_sentences_stay_clean(body: str) -> None:
    assert not rule_ids(AD.format(body), "friendtalk") & (FAMILIES - {"MSA-OMIT-RISK"})


@pytest.mark.parametrize(
    "body", ["점 빼기 상담 받으세요.", "다한증 수술 상담 예약", "피코레이저 색소 치료", "Mole removal this week."]
)
def test_procedure_names_not_listed_before_need_a_risk_notice(body: str) -> None:
    assert "MSA-OMIT-RISK" in rule_ids(BARE_AD.format(body), "friendtalk")
    assert "MSA-OMIT-RISK" not in rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "name", ["새봄가정의학과", "세움재활의학과", "연우소아청소년과", "마음정신건강의학과", "하늘신경과", "튼튼한방병원"]
)
def test_a_clinic_named_by_its_department_is_the_sender(name: str) -> None:
    assert "ADV-SENDER" not in rule_ids(f"(광고) {name} 토요일 진료 안내 무료수신거부 080-321-7700")


@pytest.mark.parametrize(
    "footer",
    [
        "수신을 원치 않으시면 채널을 차단해 주세요(무료).",
        "광고 수신을 원하지 않으시면 카카오톡 채널을 차단하시면 됩니다.",
        "To stop these messages, block this channel.",
    ],
)
def test_blocking_the_channel_is_a_free_opt_out(footer: str) -> None:
    assert "ADV-OPTOUT" not in rule_ids(f"(광고) 새봄치과\n야간진료 요일 안내\n{footer}", "friendtalk")
    # a reply that costs the patient is no free opt-out
    assert "ADV-OPTOUT" in rule_ids("(광고) 새봄치과 야간진료 안내. 수신거부는 고객센터(유료)로 전화 주세요.")


def test_before_after_photos_are_not_read_as_a_testimonial() -> None:
    found = rule_ids(AD.format("-8kg 변화, 시작할 때와 3개월 후 체형 사진 공개"), "friendtalk")
    assert "MSA-BEFORE-AFTER" in found and "MSA-TESTIMONIAL" not in found


def test_frames_are_model_free_and_indexed() -> None:
    """Window and original frames only (no analyser), every window role with literal prefixes to index by."""
    data = json.loads((RULES_DIR / "frames_s16_other.json").read_text("utf-8"))
    for frame in data["frames"]:
        assert frame.get("kind", "window") in ("window", "original"), frame["rule"]
        for role in frame.get("roles", []):
            assert required_grams("|".join(f"(?:{p})" for p in role)) is not None, role


def test_probe_lines_are_cited_and_found() -> None:
    rows = load("probes_s16_other")
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(row["source"].startswith("o16-") for row in rows)
    assert sum(not row["expected"] for row in rows) >= len(rows) // 3  # a third are clean traps
    for row in rows:
        found = rule_ids(row["text"], row["channel"], row["purpose"]) & FAMILIES
        assert found == set(row["expected"]) & FAMILIES, (row["id"], found)
