"""Outcome promises and implied rivals of rules/frames_s16_lead.json, on wording other than the training lines they
were written from: a definite adverb with a result the clinic makes happen or a state the patient is promised, a
normal value after a stretch of time, a bad outcome ruled out, one session and the result at once; another kind of
provider held up as what the clinic is not, care rare at ordinary clinics, the same verdict at every clinic — and
the clean traps each must leave alone."""

from __future__ import annotations

import pytest

from tests.support.compliance import ad_template, rule_ids

AD = ad_template("새봄클리닉")


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("무릎 통증, 저희 재활 프로그램이면 확실하게 계단을 오르게 해 드립니다.", "MSA-GUARANTEE"),
        ("탈모 치료, 책임지고 머리숱이 다시 나도록 만들어 드리겠습니다.", "MSA-GUARANTEE"),
        ("어깨 통증 때문에 고민이셨다면 반드시 팔을 드실 수 있게 해 드려요.", "MSA-GUARANTEE"),
        ("저희 프로그램과 함께라면 분명히 아기 엄마가 되실 거예요.", "MSA-GUARANTEE"),
        ("12주 후면 혈압이 정상으로 돌아옵니다.", "MSA-GUARANTEE"),
        ("초기에 오시면 재발은 결코 없습니다.", "MSA-GUARANTEE"),
        ("시술 한 번만으로 다음날부터 매끈한 피부.", "MSA-GUARANTEE"),
        ("대학병원처럼 몇 달씩 기다리지 않습니다.", "MSA-COMPARISON"),
        ("프랜차이즈와 달리 원장이 바뀌지 않습니다.", "MSA-COMPARISON"),
        ("일반 치과에서는 찾기 힘든 장비를 갖췄습니다.", "MSA-COMPARISON"),
        ("가시는 치과마다 발치부터 권했나요?", "MSA-COMPARISON"),
    ],
)
def test_the_promise_or_the_rival_is_found(sentence: str, rule: str) -> None:
    assert rule in rule_ids(AD.format(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "검진 결과를 알기 쉽게 해 드립니다.",
        "꼭 필요한 치료만 권해 드립니다.",
        "처음 오시는 분도 편하게 해 드릴게요.",
        "요양병원처럼 편안한 환경에서 안내해 드립니다.",
        "병원마다 비용이 다를 수 있으니 상담 후 결정하세요.",
        "라식 후 1주 뒤 정상 생활이 가능한지 진료로 확인합니다.",
        "꼭 내원하셔서 상담받으실 수 있도록 예약을 잡아 드립니다.",
        "재발 여부는 정기검진으로 확인합니다.",
    ],
)
def test_ordinary_ad_sentences_stay_clean(sentence: str) -> None:
    assert not rule_ids(AD.format(sentence)) & {"MSA-GUARANTEE", "MSA-COMPARISON", "MSA-DEFAME"}, sentence


def test_a_care_message_is_not_read_as_an_ad() -> None:
    text = "[새봄클리닉] 꼭 금식하신 뒤 오셔야 검사가 정확하게 되실 수 있습니다. 3개월 뒤 수치가 정상으로 돌아오는지 확인합니다."
    assert not rule_ids(text, "sms", "informational") & {"MSA-GUARANTEE"}
