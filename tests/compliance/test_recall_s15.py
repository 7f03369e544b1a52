"""Session-15 frames (compliance/compose_frames_s15.py → rules/frames_s15.json): comparison and disparagement
implied by the sentence's shape, a doctor sold by a broadcast, guarantees without 보장/100%, mixed Korean and
English — and the ordinary advertising and care sentences they must leave alone."""

from __future__ import annotations

import json

import pytest

from compliance import compose_frames_s15, lint_text
from compliance.findings import RULES_DIR
from compliance.prefilter import required_grams
from tests.support.compliance import ad_template, rule_ids

AD = ad_template("다솜안과")
C, D = "MSA-COMPARISON", "MSA-DEFAME"


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        # a place described by what it does, then a contrast
        ("수술 날짜부터 잡는 곳과는 다릅니다.", {C, D}),
        ("흔한 피부과와는 차원이 다른 장비로 관리합니다.", {C}),
        ("서울 대형 병원 부럽지 않은 검사 장비.", {C}),
        # shopping around, a counterfactual, a retold refusal, "like the others"
        ("몇 군데 다녀보시면 차이를 아십니다.", {C}),
        ("진작 저희에게 오셨다면 두 번 수술하지 않으셨을 거예요.", {D}),
        ("남들이 어렵다고 한 잇몸 이식, 저희는 합니다.", {C, D}),
        ("다른 병원처럼 한참 기다리실 필요 없습니다.", {C, D}),
        ("상담만 하고 끝내는 곳에 실망하셨나요?", {D}),
        ("아직도 사진만 보고 진단하는 곳이 많습니다.", {D}),
        ("비전문의에게 받은 필러로 고생하셨다면 상담하세요.", {D}),
        # a massage parlour is no medical provider: a comparison, not MSA-DEFAME (tests/compliance/test_defame.py)
        ("마사지샵에서 몇 달을 받아도 그대로였던 턱선.", {C}),
        ("다른 치과에서 해결 못 한 시린 이, 다시 봐 드립니다.", {C, D}),
        ("Why pay more elsewhere?", {C}),
        ("사후 관리가 소홀한 병원이 아직 많습니다.", {D}),
        ("상담 실장만 만나고 끝나는 병원, 믿을 수 있을까요?", {D}),
        ("꼼꼼하게 보는 곳은 따로 있습니다.", {C}),
        ("다른 데서 한 코 수술이 틀어지셨나요?", {C, D}),
        ("피부과 가면 늘 재촉받으셨죠? 저희는 다릅니다.", {C}),
        ("Many dentists never explain the options.", {D}),
        ("주변 병원들의 기계적인 상담에 지치셨다면.", {D}),  # named, no comparison: C either reading (session 28)
        ("일부 의원의 부풀린 과장 광고를 조심하세요.", {D}),
        ("최저가만 내세우는 곳, 결과도 최저일 수 있습니다.", {D}),
        ("진정한 전문의는 다릅니다.", {C}),
        ("이 결과만큼은 자신 있습니다.", {"MSA-GUARANTEE"}),
        ("Or we redo it for free.", {"MSA-GUARANTEE"}),
        ("Fed up with rushed clinics? We wait for you.", {C, D}),
        ("Your last dentist said no? Ask us.", {C, D}),
        # broadcast doctor; guarantees
        ("건강 예능에 고정 출연 중인 원장이 직접 봅니다.", {"MSA-ARTICLE-FORM"}),
        ("As seen on MBC — meet the surgeon behind the show.", {"MSA-ARTICLE-FORM"}),
        ("저녁 뉴스 앵커가 관리받는 피부과.", {"MSA-CELEBRITY"}),
        ("인기 틱톡커가 보톡스를 맞은 곳.", {"MSA-CELEBRITY"}),
        ("기미, 반드시 지워 드립니다.", {"MSA-GUARANTEE"}),
        ("누구나 첫 관리부터 달라진 피부를 느낍니다.", {"MSA-GUARANTEE"}),
        ("보철 failure 시 무상으로 다시 해 드립니다.", {"MSA-GUARANTEE"}),
        ("No improvement, no fee.", {"MSA-GUARANTEE"}),
    ],
)
def test_session15_frames_find_new_wording(body: str, rules: set[str]) -> None:
    assert rules <= rule_ids(AD.format(body), "friendtalk")


@pytest.mark.parametrize(
    "body",
    [
        "다른 치과와 마찬가지로 토요일은 오후 1시까지 진료합니다.",  # a sender "…안과" before "다른": no contrast
        "작년과 달리 올해는 주차장이 넓어졌습니다.",
        "반드시 검사 결과지를 지참해 주세요.",
        "누구나 부담 없이 상담받으실 수 있습니다.",
        "처음부터 끝까지 원장이 직접 설명합니다.",
        "Parking is available elsewhere on Main St.",
        "수술 실패나 재발 가능성은 상담 시 자세히 설명해 드립니다.",
        "환불 규정: 시술 전 취소 시 전액 환불됩니다.",
    ],
)
def test_ordinary_advertising_sentences_stay_clean(body: str) -> None:
    assert rule_ids(AD.format(body), "friendtalk") == set()


def test_the_clinics_own_followers_are_no_celebrity() -> None:
    assert "MSA-CELEBRITY" not in rule_ids(AD.format("인스타 팔로워 1만 명을 넘었습니다. 늘 감사합니다."), "friendtalk")


def test_a_sender_name_is_not_the_rival_method() -> None:
    """ "라온한의원 … 효과 없으면 전액 환불" is a guarantee by a Korean-medicine clinic, not a put-down of one."""
    text = "(광고) 라온한의원 요요 없는 다이어트, 효과 없으면 전액 환불. 개인차가 있습니다. 무료수신거부 080-777-9999"
    assert not {C, D} & rule_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "[다솜안과] 타 병원에서 수술이 어렵다는 소견을 받으셨다면 진료의뢰서를 가져오세요.",
        "[새봄피부과] 한의원에서 처방받은 약을 드시고 계시면 알려 주세요.",
        "[이음치과] 다른 치과처럼 저희도 토요일은 오후 1시까지 진료합니다.",
        "[이음치과] 임플란트가 흔들리거나 빠지면 바로 내원하세요. 보증 기간 내 무상으로 처리됩니다.",
    ],
)
@pytest.mark.parametrize("channel", ["sms", "alimtalk"])
def test_care_messages_stay_clean(text: str, channel: str) -> None:
    assert rule_ids(text, channel, "informational") == set()


def test_frames_file_is_what_the_composer_writes() -> None:
    written = json.loads((RULES_DIR / "frames_s15.json").read_text("utf-8"))
    expected = {"concepts": compose_frames_s15.CONCEPTS, "frames": compose_frames_s15.frames()}
    assert written == json.loads(json.dumps(expected))


def test_every_frame_is_model_free_with_a_prefilter() -> None:
    for frame in compose_frames_s15.frames():
        assert frame.get("kind", "window") == "window"
        alternations = ["|".join(f"(?:{p})" for p in role) for role in frame["roles"]]
        assert any(required_grams(a) for a in alternations), frame["roles"][0][:2]


@pytest.mark.parametrize(
    ("text", "channel", "mismatch"),
    [
        ("[다솜안과] 흔한 안과와는 차원이 다른 검사를 받아 보세요.", "alimtalk", "KAKAO-ALIMTALK-PROMO"),
        ("[이음치과] 아직도 사진만 보고 진단하는 곳이 많습니다.", "sms", "ADV-PURPOSE-MISMATCH"),
        ("[새봄피부과] 여러 곳 다녀보셨다면 차이를 아실 거예요.", "alimtalk", "KAKAO-ALIMTALK-PROMO"),
    ],
)
def test_a_comparison_in_a_care_channel_is_advertising(text: str, channel: str, mismatch: str) -> None:
    """Comparison is advertising content whatever the channel: the purpose step flags it, and the MSA finding
    its content earns comes with it."""
    found = rule_ids(text, channel, "informational")
    assert mismatch in found and found & {C, D}, found
    reasons = [f.message for f in lint_text(text, channel, "informational") if f.rule == mismatch]
    assert reasons and "비교" in reasons[0]
