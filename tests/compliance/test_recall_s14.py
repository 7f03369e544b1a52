"""Recall on wording no rule was written for (issue 17): frames composed from concept classes
(compliance/compose_frames.py → rules/frames_s14.json) and the per-family scorer (compliance/scorer.py →
rules/scorer.json), with the clean traps both must leave alone."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import compose_frames, lint_text
from compliance.findings import RULES_DIR
from compliance.normalize import normalize
from compliance.prefilter import required_grams
from compliance.scorer import MIN_CHARS, best_sentence, features, scored_rules
from tests.support.compliance import UNLABELLED, ad_template, rule_ids

AD = ad_template("다솜안과")


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        # comparison: another provider, named or implied, and a contrast; their verdict retold (defamation)
        ("어디서 받으셔도 똑같다고 생각하시나요?", {"MSA-COMPARISON"}),
        ("한 번 오시면 왜 다들 저희로 옮겨 오시는지 아십니다.", {"MSA-COMPARISON"}),
        ("다른 치과에서 임플란트가 어렵다는 말을 들으셨나요?", {"MSA-COMPARISON", "MSA-DEFAME"}),
        # an unnamed cheap place run down, no contrast: a disparagement alone (session 25, conventions)
        ("저렴한 곳 찾다가 재수술하러 오시는 분이 많습니다.", {"MSA-DEFAME"}),
        ("Many chain clinics rush you through. Our surgeons take an hour.", {"MSA-COMPARISON", "MSA-DEFAME"}),
        ("경험 적은 의사에게 맡겼다가 흉이 남은 분들이 찾아오십니다.", {"MSA-DEFAME"}),
        ("남들 다 하는 시술 말고, 제대로 된 관리를 받으세요.", {"MSA-COMPARISON"}),
        ("Unhappy with your last dentist? Switch to us.", {"MSA-COMPARISON"}),
        ("수술 건수 채우기 바쁜 곳에 눈을 맡기시겠어요?", {"MSA-DEFAME"}),
        ("같은 라식이라도 누가 하느냐에 따라 결과가 달라집니다.", {"MSA-COMPARISON"}),
        ("We fix what others got wrong.", {"MSA-DEFAME"}),
        # guarantee: an outcome and a promise, certainty and a restoration
        ("교정 후 자신감 회복을 약속드립니다.", {"MSA-GUARANTEE"}),
        ("잃어버린 머리숱, 반드시 되찾아 드립니다.", {"MSA-GUARANTEE"}),
        ("다시 생길 일 없는 여드름 치료.", {"MSA-GUARANTEE"}),
        # safety, inducement, testimonial, celebrity
        ("따끔하지 않은 제모 레이저.", {"MSA-SAFETY-CLAIM"}),
        ("친구와 같이 오시면 두 분 모두 무료로 해 드려요.", {"MSA-INDUCEMENT"}),
        ("내원 사진을 인스타에 올려 주시면 마스크팩을 드립니다.", {"MSA-REVIEW-INCENTIVE"}),
        ("시술 마친 고객님이 직접 적어 주신 감사편지를 공개합니다.", {"MSA-TESTIMONIAL"}),
        ("보이그룹 멤버가 콘서트 전에 들르는 곳.", {"MSA-CELEBRITY"}),
        ("Seoul's most experienced eye surgeons.", {"MSA-SUPERLATIVE"}),
    ],
)
def test_composed_frames_find_new_wording(body: str, rules: set[str]) -> None:
    assert rules <= rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "[이음치과] 임플란트 주위염이 생기면 뼈가 영구적으로 소실될 수 있으니 정기검진을 꼭 받으세요.",  # safety advice
        "[다솜안과] 최고 안압 측정을 위해 오전 8시까지 내원해 주세요.",  # 최고 안압, a time
        "[새봄안과] 최고 안압이 30을 넘으면 바로 내원하세요.",  # a threshold, not a patient's value
        "[이음치과] 치료비 안내: 임플란트 1개 120만 원(비급여)이며, 만 65세 이상은 건강보험이 적용됩니다.",
        "[소담피부과] 개인정보 처리방침 변경 안내: 3월 1일부터 보유 기간이 5년으로 바뀝니다.",  # required notice
        "[다솜안과] 라식 수술 후 통증이 없더라도 처방 안약은 끝까지 넣으세요.",  # care instruction
        "[이음치과] 다른 병원에서 받은 처방약이 있으면 발치 전에 꼭 알려주세요.",
        "[Bareun Dental] 교정 장치가 떨어지면 가져오세요. 다시 붙이는 비용은 받지 않습니다.",
    ],
)
@pytest.mark.parametrize("channel", ["sms", "alimtalk"])
def test_clean_traps_stay_clean(text: str, channel: str) -> None:
    assert rule_ids(text, channel, "informational") == set()


def test_factual_ad_with_risk_notice_is_clean() -> None:
    body = "백내장 수술 상담 안내. 수술 후 빛 번짐·안구건조 등이 생길 수 있고 회복은 사람마다 다릅니다."
    assert rule_ids(f"(광고) 다솜안과 {body} 무료수신거부 080-321-7700", "friendtalk") == set()


@pytest.mark.parametrize(
    "text",
    [
        "[소담피부과] 최유나님 조직검사 결과 지루각화증으로 나왔습니다.",
        "[라온성형외과] 수술 전 혈액검사에서 헤모글로빈 9.8로 빈혈이 확인되었습니다.",
        "[이음치과] 엑스레이상 사랑니가 매복되어 있어 발치 예약을 잡아 두었습니다.",
    ],
)
def test_health_findings_in_sms(text: str) -> None:
    assert "PII-HEALTH-IN-SMS" in rule_ids(text, "sms", "informational")
    assert "PII-HEALTH-IN-SMS" not in rule_ids(text, "alimtalk", "informational")  # carrier messages only


def test_frames_file_is_what_the_composer_writes() -> None:
    written = json.loads((RULES_DIR / "frames_s14.json").read_text("utf-8"))
    assert written == json.loads(json.dumps({"concepts": compose_frames.CONCEPTS, "frames": compose_frames.frames()}))


def test_every_composed_frame_has_a_prefilter() -> None:
    """Every new frame has a role with literal words the prefilter can look for, so ordinary messages skip it
    without a regex scan (lint speed); all are window frames, so none loads the morphology model."""
    for frame in compose_frames.frames():
        assert frame.get("kind", "window") == "window"
        alternations = ["|".join(f"(?:{p})" for p in role) for role in frame["roles"]]
        assert any(required_grams(a) for a in alternations), frame["roles"][0][:2]


def test_scorer_finding_has_a_suggestion_and_points_at_a_sentence() -> None:
    text = AD.format("어디 가셔도 결과는 다 같을 거라 생각하셨다면, 한 번 더 생각해 보세요.")
    for finding in lint_text(text, "friendtalk", "advertising"):
        if finding.rule in UNLABELLED or finding.severity == "info":
            continue
        assert finding.suggestion is not None
        assert 0 <= (finding.start or 0) <= (finding.end or 0) <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_features_are_short_grams_with_digits_folded(text: str) -> None:
    grams = {g for g in features(text) if not g.startswith(("w:", "b:"))}  # word stems: test_scorer_features.py
    assert all(len(g) in (2, 3) and not any(c in "123456789" for c in g) for g in grams)
    assert len(grams) <= 2 * max(0, len(normalize(text).text))


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("가나다라 병원다른곳저희보다.!?\n무료드립니다효과약속0123abc ")), max_size=120
    )
)
def test_scored_spans_stay_inside_the_text(body: str) -> None:
    text = AD.format(body)
    for finding in lint_text(text, "friendtalk", "advertising"):
        assert 0 <= (finding.start or 0) <= (finding.end or 0) <= len(text)
    start, end = best_sentence(normalize(text), "MSA-COMPARISON")
    assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "예약 확인: {{ appointment.confirm_link }}",
        "[{{ clinic.name }}] {{ patient.name }}님, 예약일에 뵙지 못했어요. 재예약 {{ clinic.phone }}",
    ],
)
def test_short_reminders_are_not_read_as_promotion_by_the_wording_score(text: str) -> None:
    # Once the variables are gone these are a few words: too little to judge, so no score-only finding
    assert not rule_ids(text, "sms", "informational") & {"ADV-PURPOSE-MISMATCH", "KAKAO-ALIMTALK-PROMO"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="예약확인내일오전시방문안내드립니다님", max_size=MIN_CHARS - 1))
def test_the_scorer_never_judges_fewer_than_its_minimum_characters(text: str) -> None:
    norm = normalize(text)
    assert all(scored_rules(norm, scope) == [] for scope in ("ad", "info", "kakao"))
