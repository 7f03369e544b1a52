"""MSA-DEFAME where another party is spoken of (session 28, ``compliance/defame_scope.py``): a recogniser of another
clinic, place, profession or method — named, implied or described — and a model scoped to those sentences, so a
disparagement in wording no frame or verdict cue was written for is found, while a neutral mention (records,
referral, 협력병원, second opinion), a plain explanation of a method and a comparison with no verdict stay clean.
Every line here is written for this test, not taken from a corpus file."""

from __future__ import annotations

import json

import pytest

from compliance import defame_scope, defame_scope_train, text_rules
from compliance.findings import make_finding
from compliance.scorer_train import training_splits
from tests.support.compliance import care_note, english_ad, korean_ad

# the patient's own earlier choice of a place implies it ("…만 보고 고른 병원에서", "…에 고른 병원")
IMPLIED_PLACE = (
    "할인율만 보고 고르신 안과에서 각막이 얇아져 재수술도 어렵다는 분들이 오십니다.",
    "이벤트 가격에 고른 병원에서 비대칭이 생긴 눈매, 다시 잡아 드립니다.",
    "가까워서 골랐던 병원에서 코끝이 틀어졌다면 재수술 상담을 받아 보세요.",
)
# another method, its equipment or its materials run down with no provider named
OTHER_METHOD = (
    "오래된 방식의 금속 교정은 잇몸을 상하게 하고 치아를 누렇게 만듭니다.",
    "예전 방식의 아말감 충전은 결국 치아를 깨지게 합니다.",
)
# rushing, assembly-line care
RUSHING = (
    "5분 만에 결과지만 건네고 끝내는 건강검진, 그런 곳은 이제 그만 가세요.",
    "하루 수십 명을 한 의사가 찍어내듯 보는 치과에서 제대로 된 치료를 받으셨나요?",
    "상담은 실장이, 수술은 누군지 모르는 의사가 하는 공장식 병원을 조심하세요.",
)
# cheap materials, hidden costs
CHEAP = (
    "출처 모를 저가 임플란트 쓰는 곳에서 심은 나사가 3년 만에 흔들립니다.",
    "정품인지 알 수 없는 싸구려 필러로 울퉁불퉁해진 분들이 늘고 있습니다.",
)
# unqualified staff, over-treatment
UNQUALIFIED = (
    "사진 한 장 보고 무조건 수술부터 하자는 병원, 한 번 더 의심해 보세요.",
    "비전문의가 시술하는 피부과에서 생긴 흉터, 전문의에게 다시 보이세요.",
    "간호조무사가 레이저를 쏘는 피부과에 맡기시겠어요?",
)
ENGLISH = (
    "Discount implant chains hide the bone-graft fee until you are in the chair.",
    "Bargain clinics stretch one vial of filler across three patients.",
)

# the other side of each class
NEUTRAL_MENTION = (
    "다른 안과에서 받은 검사 자료가 있으면 상담 때 가져와 주세요.",
    "이전 병원에서 받은 시술 이름과 날짜를 알려 주시면 상담에 도움이 됩니다.",
    "수술이 필요하시면 협력 대학병원으로 진료의뢰서를 써 드립니다.",
    "다른 안과에서 찍은 각막 지형도가 있으면 예약 때 함께 보내 주세요.",
)
METHOD_EXPLAINED = (
    "금속 교정과 투명 교정은 장단점이 달라 검사 후 함께 정합니다.",
    "주사 치료가 맞지 않는 분께는 운동 치료를 먼저 권합니다.",
    "피부관리실 관리를 받고 계시면 시술 일주일 전후로는 쉬어 주세요.",
    "진통제를 드시는 중이면 침 치료 전에 말씀해 주세요.",
)
PLAIN_COMPARISON = (
    "다른 치과 견적서를 가져오시면 항목별로 비교해 설명해 드립니다.",
    "주변 검진센터와 검사 항목을 비교해 보시고 선택하세요.",
)
ENGLISH_CLEAN = (
    "If you see another dentist for a second opinion, we will send your X-rays.",
    "Bring your records from your previous clinic and we will review them with you.",
)


@pytest.mark.parametrize("body", IMPLIED_PLACE + OTHER_METHOD + RUSHING + CHEAP + UNQUALIFIED)
def test_a_disparagement_of_another_party_is_found(body: str) -> None:
    assert "MSA-DEFAME" in korean_ad(body)


@pytest.mark.parametrize("body", ENGLISH)
def test_an_english_disparagement_is_found(body: str) -> None:
    assert "MSA-DEFAME" in english_ad(body)


@pytest.mark.parametrize("body", NEUTRAL_MENTION + METHOD_EXPLAINED)
def test_a_neutral_mention_or_a_method_explained_is_clean(body: str) -> None:
    assert not {"MSA-DEFAME", "MSA-COMPARISON"} & korean_ad(body)


@pytest.mark.parametrize("body", PLAIN_COMPARISON)
def test_a_comparison_with_no_verdict_stays_a_comparison(body: str) -> None:
    found = korean_ad(body)
    assert "MSA-COMPARISON" in found and "MSA-DEFAME" not in found


@pytest.mark.parametrize("body", ENGLISH_CLEAN)
def test_an_english_neutral_mention_is_no_disparagement(body: str) -> None:
    assert "MSA-DEFAME" not in english_ad(body)


# --- the scoped model itself ------------------------------------------------------------------------------------

# found by the model alone: no frame, word list or verdict cue of the second step reads these
MODEL_ONLY = (
    "이벤트 가격에 고른 병원에서 비대칭이 생긴 눈매, 다시 잡아 드립니다.",
    "오래된 방식의 금속 교정은 잇몸을 상하게 하고 치아를 누렇게 만듭니다.",
    "예전 방식의 아말감 충전은 결국 치아를 깨지게 합니다.",
    "5분 만에 결과지만 건네고 끝내는 건강검진, 그런 곳은 이제 그만 가세요.",
)


@pytest.mark.parametrize("body", MODEL_ONLY)
def test_the_model_finds_what_nothing_else_reads(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "(광고) 하람의원 " + body + " ※ 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-414-2290"
    assert "MSA-DEFAME" in korean_ad(body)
    found = defame_scope.disparaging(text, [])
    assert [f.rule for f in found] == ["MSA-DEFAME"]
    assert text[found[0].start : found[0].end] == body.rstrip(".?!")  # the sentence to rewrite, not the notice
    monkeypatch.setattr(defame_scope, "disparaging", lambda text, findings: [])
    text_rules._lint_text_cached.cache_clear()
    try:
        assert "MSA-DEFAME" not in korean_ad(body)
    finally:
        text_rules._lint_text_cached.cache_clear()


def test_the_model_adds_nothing_beside_a_disparagement_already_found() -> None:
    text = "(광고) 하람의원 " + MODEL_ONLY[1]
    assert defame_scope.disparaging(text, [make_finding("MSA-DEFAME", 0, 4)]) == []


def test_the_model_reads_no_informational_care_message() -> None:
    body = "오래된 방식의 금속 교정은 잇몸을 상하게 합니다. 다음 진료는 화요일입니다."
    assert "MSA-DEFAME" not in care_note(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "할인율만 보고 고르신 안과에서 각막이 얇아졌습니다",  # a place described by the patient's choice
        "아무 데서나 받으시면 안 됩니다",
        "여러 군데 다녀 보셨죠",
        "A성형외과에서 받은 수술",
        "구형 레이저 장비로 하는 라섹",
        "양약으로 누르기만 하는 치료",
        "비전문의가 하는 시술",
        "Other clinics rush you",
        "Some places that cut corners",
        "cheap implant chains",
    ],
)
def test_the_recogniser_hears_another_party(sentence: str) -> None:
    assert defame_scope.speaks_of_another(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "저희 병원은 토요일에도 진료합니다",
        "시술 후 사흘 동안 세안을 피해 주세요",
        "예약 시간 10분 전까지 와 주세요",
        "원장이 직접 상담합니다",
        "Our surgeon sees every patient personally",
        "Please arrive ten minutes early",
        "피부관리실 관리와 병행하셔도 됩니다",  # a shop that is no clinic is out of scope (README: running it down compares)
        "beauty salon facials can resume after a week",
    ],
)
def test_the_recogniser_hears_no_party_in_the_senders_own_words(sentence: str) -> None:
    assert not defame_scope.speaks_of_another(sentence)


def test_the_model_file_is_trained_on_todays_files() -> None:
    doc = json.loads(defame_scope.MODEL_FILE.read_text("utf-8"))
    assert doc["splits"] == training_splits(), "a corpus file was added: retrain with `make scorer`"
    assert doc["cues"] == defame_scope_train.cues(), "a cue or party class changed: retrain with `make scorer`"
    assert doc["kind"] == defame_scope_train.KIND
    assert doc["threshold"] is not None and doc["threshold"] >= 0.0
