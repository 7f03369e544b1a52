"""MSA-DEFAME as a second step on a comparison (issue 17): where advertising content compares itself with other
clinics, the comparison's sentence is read for a negative verdict on the other party or its methods (failure,
damage, rushing, overtreatment, fraud, neglect, incompetence, in Korean and English). The lines here are written
for this test, not taken from any corpus file."""

from __future__ import annotations

import pytest

from compliance.conventions import disparagement_compares
from compliance.text_rules import lint_text
from tests.support.compliance import rule_ids

FOOTER = " ※ 개인에 따라 부작용이 생길 수 있습니다. 무료거부 080-000-0000"

DISPARAGING = (
    "(광고) 가온치과 다른 치과처럼 5분 만에 끝나는 진료는 하지 않습니다.",
    "(광고) 가온치과 일반 치과는 2분 진료, 저희는 20분 진료합니다.",
    "(광고) 가온치과 다른 치과에서 과잉진료 권유받으셨다면 한 번 더 상담해 보세요.",
    "(광고) 가온치과 다른 치과에서 치료 후 방치되셨던 분들, 저희가 책임집니다.",
    "(광고) 가온치과 경험 없는 다른 치과와 달리 20년 경력 원장이 직접 진료합니다.",
    "(광고) Garam Clinic Other clinics rush you through in five minutes; we take our time.",
    "(광고) Garam Clinic Unlike other clinics that upsell treatments you do not need, we explain every option.",
    "(광고) Garam Clinic Botched elsewhere? Unlike other clinics, we fix it properly.",
    "(광고) 가온안과 다른 안과는 알려주지 않는 수술 비용을 모두 공개합니다.",
    # the others only ever gave medicine (a treatment they skimped on)
    "(광고) 가온안과 다른 안과에서 안약만 넣으셨던 안구건조증, 원인부터 다시 봅니다.",
)

# another provider named and run down with no comparison drawn (session 28's convention: either reading — a comparison
# found stays, none is implied); until session 29 the first line read "가온치과 다른" as the contrast "과 다른"
NAMED_WITHOUT_CONTRAST = (
    "(광고) 가온치과 다른 병원에서 바가지 쓰셨다면 저희에게 오세요.",
    "(광고) 가온성형외과 다른 곳에서 망친 코, 원장이 직접 바로잡습니다.",
)


@pytest.mark.parametrize("text", NAMED_WITHOUT_CONTRAST)
def test_a_named_provider_run_down_is_defame_and_either_reading_of_comparison(text: str) -> None:
    assert "MSA-DEFAME" in rule_ids(text + FOOTER)
    assert disparagement_compares(text + FOOTER) is None


# a disparagement of an unnamed place or practice is MSA-DEFAME alone (session 24: a comparison is implied only where
# the message names another provider)
DISPARAGING_ONLY = (
    "(광고) 가온치과 싸게 받았다가 임플란트가 흔들려 오시는 분들이 많습니다.",
    # session 25: a comparison the frames read on the disparagement's own words (a cheap place, "제대로", "이번엔") is no
    # comparison where the message neither names another provider, compares nor sets the sender against the place
    "(광고) 가온안과 싼 맛에 찍어내듯 하는 라식 공장, 검사는 제대로 하던가요?",
    "(광고) 가온피부과 싸다고 찍어내듯 놓는 보톡스 공장, 정품인지 제대로 확인하셨나요?",
    "(광고) 가온치과 저렴하다고 대충 심어 주는 곳, 결국 후회하십니다.",
    "(광고) 가온피부과 싼 맛에 맞은 필러가 뭉쳐 녹이러 오시는 분이 많습니다. 이번엔 제대로 하세요.",
)

PLAIN_COMPARISONS = (  # compare, but say nothing bad about the other party (the risk notice is about us)
    "(광고) 가온치과 다른 치과에서 받은 견적서를 보여 주시면 비교해 드립니다." + FOOTER,
    "(광고) 가온치과 타 치과 대비 합리적인 가격으로 교정합니다!" + FOOTER,
    "(광고) 가온치과 다른 치과와 달리 예약만 받아 진료합니다." + FOOTER,  # 예약만: no medicine
    # a skin-care shop or massage parlour is no medical provider: running it down is a comparison only
    "(광고) 가온피부과 에스테틱에서 소용없던 기미, 의료진의 치료는 다릅니다." + FOOTER,
)

NOT_COMPARISONS = (  # no other party: a vice word alone is no disparagement
    # "처음부터" (from the start) is no bad practice of the other party
    "(광고) 가온피부과 실장 상담이 아니라 처음부터 원장이 직접 보는 피부과입니다." + FOOTER,
    "(광고) 가온피부과 처음부터 끝까지 원장이 직접 상담하는 피부과입니다." + FOOTER,
    "(광고) 가온치과 충분한 상담 후 꼭 필요한 치료만 권해 드립니다." + FOOTER,
)


@pytest.mark.parametrize("text", DISPARAGING)
def test_a_comparison_that_disparages_the_other_party_is_defame(text: str) -> None:
    findings = lint_text(text + FOOTER, "sms", "advertising")
    rules = {f.rule for f in findings}
    assert {"MSA-DEFAME", "MSA-COMPARISON"} <= rules, rules
    defame = next(f for f in findings if f.rule == "MSA-DEFAME")
    assert defame.suggestion is not None  # a rewrite, like every other rule's finding
    assert defame.excerpt and "무료거부" not in defame.excerpt and "부작용이" not in defame.excerpt


@pytest.mark.parametrize("text", DISPARAGING_ONLY)
def test_a_disparagement_without_a_comparison_is_defame_alone(text: str) -> None:
    assert rule_ids(text + FOOTER, "sms") == {"MSA-DEFAME"}


@pytest.mark.parametrize("text", PLAIN_COMPARISONS)
def test_a_plain_comparison_is_no_defame_and_the_risk_notice_is_no_verdict(text: str) -> None:
    rules = rule_ids(text)
    assert "MSA-COMPARISON" in rules
    assert "MSA-DEFAME" not in rules


# Another clinic named, nothing said about it: no frame finds a comparison here, and the learned scorer needs a cue
# class that speaks for one (compliance/scorer.py NEEDS_CUE). The corpus labels disagree on such lines (probes_s15:
# "다른 병원에서 받은 수술 후 관리도 상담해 드립니다" is a comparison, "다른 병원에서 찍은 사진을 가져오시면 검사
# 시간이 줄어듭니다" is clean), so only what matters here is asserted: the risk notice makes no disparagement.
MENTIONS = (
    "(광고) 가온치과 다른 치과에서 받은 치료 후 관리도 상담해 드립니다." + FOOTER,
    # the notice's "부작용이 생길" at the very edge of a frame's window (where a lookahead sees nothing)
    "(광고) 가온치과 다른 치과에서 받은 진단서를 가져오시면 상담이 빨라집니다." + FOOTER,
)


@pytest.mark.parametrize("text", MENTIONS)
def test_a_clinic_merely_named_is_no_defame(text: str) -> None:
    assert "MSA-DEFAME" not in rule_ids(text)


@pytest.mark.parametrize("text", NOT_COMPARISONS)
def test_no_other_party_no_defame(text: str) -> None:
    rules = rule_ids(text)
    assert "MSA-DEFAME" not in rules


def test_an_informational_message_gets_no_defame_from_the_second_step() -> None:
    text = "다른 병원에서 5분 진료받고 불편하셨던 점, 오늘 진료 때 말씀해 주세요."
    assert "MSA-DEFAME" not in rule_ids(text, "alimtalk", "informational")


def test_removing_a_disparagement_takes_the_comparison_running_on_after_it() -> None:
    # the second sentence reads as a comparison once the first is gone: the rewrite grows over it
    text = (
        "(광고) 맑은빛안과 저가 라식 광고에 속지 마세요. 싼 데는 다 이유가 있습니다. 검사 장비부터 확인하세요." + FOOTER
    )
    defame = next(f for f in lint_text(text, "sms", "advertising") if f.rule == "MSA-DEFAME")
    assert defame.suggestion is not None
    after = defame.suggestion.apply(text)
    assert "싼 데" not in after and "검사 장비부터 확인하세요" in after
    assert not {"MSA-DEFAME", "MSA-COMPARISON"} & rule_ids(after, "sms")
