"""Compliance checker v2 (issue 17): frames, morphology, purpose classification, English text, informational
context, the owned corpus and suggested rewrites."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import lint_text
from compliance.corpus_score import CORPUS_DIR, FAMILIES, load, score
from compliance.morph import analyse
from compliance.normalize import normalize
from compliance.text_rules import CHANNELS, PURPOSES
from tests.support.compliance import rule_ids

AD = "(광고) 푸른숲안과 {} 부작용이 있을 수 있습니다. 무료수신거부 080-500-7000"


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("타 병원 재수술 전문.", "MSA-COMPARISON"),
        ("여기저기 다녀보셨다면 차이를 아실 거예요.", "MSA-COMPARISON"),
        ("검사비 0원!", "MSA-INDUCEMENT"),
        ("정가 대비 40% 저렴.", "MSA-INDUCEMENT"),
        ("포인트 3만 점 적립!", "MSA-INDUCEMENT"),
        ("리뷰 쓰면 음료 교환권을 드려요.", "MSA-REVIEW-INCENTIVE"),
        ("본인부담금 면제해 드립니다.", "MSA-INDUCEMENT"),
        ("결과 불만족 시 무료 재수술.", "MSA-GUARANTEE"),
        ("교정 결과가 마음에 들지 않으시면 비용을 받지 않습니다.", "MSA-GUARANTEE"),
        ("문신 제거, 안 없어지면 추가 시술은 무상으로 해 드려요.", "MSA-GUARANTEE"),
        ("흉터가 옅어지지 않으면 남은 회차 비용은 받지 않습니다.", "MSA-GUARANTEE"),
        ("아이돌 멤버가 다녀간 병원.", "MSA-CELEBRITY"),
        ("TV 출연 원장 직접 진료.", "MSA-ARTICLE-FORM"),
        ("수술 전 과정을 유튜브에 공개합니다.", "MSA-SURGERY-SCENE"),
        ("실제 환자분 이야기를 들어보세요.", "MSA-TESTIMONIAL"),
        ('"다음 날 바로 잘 보였어요" - 김○○님', "MSA-TESTIMONIAL"),
        ("Zero pain, zero scars.", "MSA-SAFETY-CLAIM"),
        ("Guaranteed results.", "MSA-GUARANTEE"),
    ],
)
def test_issue_examples_are_found(body: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(body), "friendtalk")


def test_english_procedure_names_need_the_risk_notice() -> None:
    text = "(광고) Seoul Clear Eye Clinic LASIK consultations on Saturdays. 무료수신거부 080-500-7000"
    assert rule_ids(text, "friendtalk") == {"MSA-OMIT-RISK"}  # the English clinic name is a sender
    assert rule_ids(text.replace("Saturdays.", "Saturdays. Risks vary by person."), "friendtalk") == set()


@pytest.mark.parametrize(
    ("text", "channel", "rule"),
    [
        ("[푸른숲안과] 녹내장 의심 소견이 있어 추가 검사가 필요합니다.", "sms", "PII-HEALTH-IN-SMS"),
        ("김민수님 우안 안압 31mmHg입니다.", "sms", "PII-HEALTH-IN-SMS"),
        ("진단서 상병코드 H40.1 발급 완료.", "sms", "PII-HEALTH-IN-SMS"),
        ("최신 레이저 장비가 들어왔습니다. 상담받아 보세요.", "sms", "ADV-PURPOSE-MISMATCH"),
        ("강남 2호점이 문을 열었습니다.", "alimtalk", "KAKAO-ALIMTALK-PROMO"),
    ],
)
def test_informational_messages_with_health_data_or_promotion(text: str, channel: str, rule: str) -> None:
    assert rule in rule_ids(text, channel, "informational")


def test_purpose_mismatch_shows_its_reason() -> None:
    findings = lint_text("최신 레이저 장비가 들어왔습니다.", "alimtalk", "informational")
    promo = [f for f in findings if f.rule == "KAKAO-ALIMTALK-PROMO"]
    assert promo and "new equipment" in promo[0].message


@pytest.mark.parametrize(
    "text",
    [
        "수술 후 눈을 세게 비비면 영구적인 시력 손상이 생길 수 있습니다.",
        "예약번호 No. 15, 내일 오전 10시입니다.",
        "오늘 최고 기온 33도입니다.",
        "다른 병원에서 받으신 검사 결과지를 가져와 주세요.",
        "비급여 진료비용은 원내에 게시되어 있습니다. 스마일라식 250만원.",
        "광고성 정보 수신 동의를 2년마다 다시 확인드립니다.",
        "If you notice sudden pain, call us: permanent damage can be prevented.",
        # a free way to stop receiving is no refund promise; a consultation's length is no promised result
        "광고 문자를 더 이상 원하지 않으시면 080-111-2222(무료)로 알려 주세요.",
        "소식 문자를 그만 받고 싶으시면 080-111-2222로 무료로 거부하실 수 있습니다.",
        "첫 진료는 원장 상담 20분을 보장해 드립니다.",
    ],
)
def test_informational_context_raises_nothing(text: str) -> None:
    assert rule_ids(text, "alimtalk", "informational") == set()


def test_short_risk_footers_count_as_the_notice() -> None:
    for footer in ("※부작용 有", "*개인에 따라 부작용이 생길 수 있음", "부작용: 부기, 멍, 비대칭"):
        text = f"(광고) 푸른숲안과 쌍꺼풀 상담 안내. {footer} 무료수신거부 080-500-7000"
        assert "MSA-OMIT-RISK" not in rule_ids(text, "friendtalk"), footer


def test_morphology_keeps_offsets_into_the_original() -> None:
    text = "{{ patient.name }}님, 본인부담금 면제해 드립니다."
    morphs = analyse(text)
    a = morphs.lemmas.index("면제 하다")
    start, end = morphs.span(a, a + len("면제 하다"))
    assert text[start:end] == "면제해"
    assert analyse(text) is morphs  # cached per text


def test_suggestions_are_applicable_rewrites() -> None:
    text = "(광고) 푸른숲안과 국내 1위 라식! 무료수신거부 080-500-7000"
    findings = {f.rule: f for f in lint_text(text, "friendtalk", "advertising")}
    risk = findings["MSA-OMIT-RISK"].suggestion
    assert risk.kind == "insert" and "부작용" in risk.apply(text)
    assert "MSA-OMIT-RISK" not in rule_ids(risk.apply(text), "friendtalk")
    superlative = findings["MSA-SUPERLATIVE"].suggestion
    assert "MSA-SUPERLATIVE" not in rule_ids(superlative.apply(text), "friendtalk")
    assert findings["MSA-SUPERLATIVE"].to_dict(with_suggestion=True)["suggestion"]["kind"] == "remove"
    assert "suggestion" not in findings["MSA-SUPERLATIVE"].to_dict()  # the DESIGN.md lint shape stays exact
    wrong = "[광고] 푸른숲안과 안내. 무료수신거부 080-500-7000"
    label = next(f for f in lint_text(wrong, "sms", "advertising") if f.rule == "ADV-LABEL")
    assert label.suggestion.apply(wrong).startswith("(광고) 푸른숲안과")


def test_existing_finding_fields_are_unchanged() -> None:
    text = "(광고) 푸른숲안과 최고의 병원. 무료수신거부 080-500-7000"
    finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-SUPERLATIVE")
    keys = set(finding.to_dict(with_suggestion=True))
    assert {"rule", "severity", "node", "field", "start", "end", "message", "citation"} <= keys
    assert keys - {"rule", "severity", "node", "field", "start", "end", "message", "citation"} <= {"suggestion"}


def test_owned_corpus_is_large_cited_and_split() -> None:
    dev, heldout = load("dev"), load("heldout")
    assert len(dev) + len(heldout) >= 600
    assert sum(1 for r in dev + heldout if not r["expected"]) >= 150  # clean traps
    table = (CORPUS_DIR / "SOURCES.md").read_text("utf-8")
    sources = set(re.findall(r"^\| ([a-z0-9-]+) \| http", table, re.M))
    assert {r["source"] for r in dev + heldout} <= sources
    assert not {r["text"] for r in dev} & {r["text"] for r in heldout}


def test_dev_split_precision_and_recall_per_family() -> None:
    result = score(load("dev"))
    for family in FAMILIES:
        assert result.precision(family) >= 0.95, family
        assert result.recall(family) >= 0.95, family


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("최고 부작용없는0원타병원 후기\"'.H40.1No. 15개인차ab{}#%")), max_size=80),
    st.sampled_from(CHANNELS),
    st.sampled_from(PURPOSES),
)
def test_offsets_and_suggestions_stay_within_the_text(text: str, channel: str, purpose: str) -> None:
    for finding in lint_text(text, channel, purpose):
        assert 0 <= (finding.start or 0) <= (finding.end or 0) <= len(text)
        if finding.suggestion is not None:
            s = finding.suggestion
            assert 0 <= s.start <= s.end <= len(text)
            assert isinstance(s.apply(text), str)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("최고 부.작용0원１００％ㅊㅚㄱㅗ백퍼No.1 넘버원\u200b🔥{}ab가")), max_size=40)
)
def test_normalisation_round_trips_through_the_offset_map(text: str) -> None:
    # every compact character comes from a stretch of the original that normalises back to contain it
    norm = normalize(text)
    for i, char in enumerate(norm.text):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert char in normalize(text[start:end]).text
    # and the whole compact text maps onto the whole stretch it came from
    if norm.text:
        start, end = norm.span(0, len(norm.text))
        assert normalize(text[start:end]).text == norm.text


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # the trial's cases: a removal cut a word in two or left two spaces where the claim was
        # (the trial's "The best LASIK clinic in Korea." now gets a sentence rewrite: the scorer retrained in session 18
        # reads "The LASIK clinic in Korea." as a superlative too, so the word removal would raise another finding)
        (
            "(광고) 밝은눈안과 Meet the best LASIK team in Seoul. 무료수신거부 080-500-7000",
            "MSA-SUPERLATIVE",
            "(광고) 밝은눈안과 Meet the LASIK team in Seoul. 무료수신거부 080-500-7000",
        ),
        (
            "(광고) 푸른숲안과 국내 최고의 라식. 무료수신거부 080-500-7000",
            "MSA-SUPERLATIVE",
            "(광고) 푸른숲안과 라식. 무료수신거부 080-500-7000",  # "국내 최고" is the claim, "의" goes with it
        ),
    ],
)
def test_a_removal_takes_whole_words_and_leaves_one_space(text: str, rule: str, expected: str) -> None:
    finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == rule)
    assert finding.suggestion is not None and finding.suggestion.kind == "remove"
    assert finding.suggestion.apply(text) == expected


def test_a_promise_goes_with_its_sentence_and_the_ad_keeps_naming_its_procedure() -> None:
    # a promise is its sentence: "LASIK with results" fixes nothing; the sentence took the ad's only procedure name,
    # so the rewrite names it again (session 31; an ad whose only sentence it was: test_suggestions_in_sequence.py)
    text = "(광고) 밝은눈안과 LASIK with guaranteed results. Consultations on Saturdays. 무료수신거부 080-500-7000"
    finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-GUARANTEE")
    assert finding.suggestion is not None and finding.suggestion.kind == "replace"
    assert finding.suggestion.apply(text) == (
        "(광고) 밝은눈안과 LASIK consultations are available. Consultations on Saturdays. 무료수신거부 080-500-7000"
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("최고의 best guaranteed 100% 타병원보다 .,ab가")), max_size=60))
def test_a_removal_never_leaves_part_of_a_word(text: str) -> None:
    text = "(광고) 밝은눈안과 " + text + " 무료수신거부 080-500-7000"
    for finding in lint_text(text, "friendtalk", "advertising"):
        s = finding.suggestion
        if s is None or s.kind != "remove":
            continue
        word = re.compile(r"[0-9A-Za-z가-힣]")
        # the removed stretch starts and ends at word boundaries, and the gap holds at most one space
        assert s.start == 0 or not (word.match(text[s.start - 1]) and word.match(text[s.start])), (text, s)
        assert s.end == len(text) or not (word.match(text[s.end - 1]) and word.match(text[s.end])), (text, s)
        assert "  " not in s.apply(text) or "  " in text, (text, s)
