"""The scorer's veto (compliance/scorer.py ``vetoed``): a finding of a rule is dropped when the rule's scorer scores
the message below its ``veto`` (the lowest score writers' lines labelled with the rule got, less a margin). Scored
here with small hand-made scorer documents (``scorer.use``), so what is asserted is the mechanism, not a training run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from compliance import scorer
from compliance.normalize import normalize
from compliance.text_rules import lint_text

BOASTFUL = "(광고) 하늘피부과\n저희 병원은 지역 최고의 피부과로 많은 분들이 찾아 주십니다.\n무료수신거부 080-000-0000"
PLAIN = "(광고) 하늘피부과\n이번 달 진료 시간은 평일 오전 9시부터 오후 6시까지이며 토요일은 휴진합니다.\n무료수신거부 080-000-0000"


def _doc(
    rule: str, scope: str, weights: dict[str, float], veto: float, threshold: float | None = None
) -> dict[str, Any]:
    entry = {"rule": rule, "scope": scope, "unit": "message", "bias": -5.0, "threshold": threshold, "veto": veto}
    return {"cues": {}, "rules": [entry | {"weights": weights}]}


@pytest.fixture
def use_doc() -> Iterator[Any]:
    yield scorer.use
    scorer.use(None)


def test_a_rule_scoring_below_its_veto_is_vetoed(use_doc: Any) -> None:
    use_doc(_doc("MSA-SUPERLATIVE", "ad", {"w:최고": 10.0}, veto=-1.0))
    assert not scorer.vetoed(normalize(BOASTFUL), "MSA-SUPERLATIVE")  # 10 - 5 = 5 ≥ -1
    assert scorer.vetoed(normalize(PLAIN), "MSA-SUPERLATIVE")  # bias alone: -5 < -1
    assert not scorer.vetoed(normalize(PLAIN), "MSA-GUARANTEE")  # no veto for a rule the document lacks


def test_the_lint_does_not_apply_the_veto(use_doc: Any) -> None:
    """Measured, not applied (text_rules): a message scoring far below the veto keeps its finding."""
    use_doc(_doc("MSA-SUPERLATIVE", "ad", {"w:병원": -10.0}, veto=-1.0))  # this message scores -15
    assert scorer.vetoed(normalize(BOASTFUL), "MSA-SUPERLATIVE")
    assert "MSA-SUPERLATIVE" in {f.rule for f in lint_text(BOASTFUL, "sms", "advertising", use_cache=False)}


def test_a_textbook_superlative_in_a_care_message_is_found() -> None:
    """The case that kept the veto out of the lint: writers' superlative lines are all advertisements."""
    text = "최고의 의료진이 확인했습니다. 결과는 담당 의료진이 진료 시 직접 설명드립니다."
    assert "MSA-SUPERLATIVE" in {f.rule for f in lint_text(text, "alimtalk", "informational", use_cache=False)}


def test_too_little_wording_is_never_vetoed(use_doc: Any) -> None:
    use_doc(_doc("MSA-SUPERLATIVE", "ad", {}, veto=100.0))
    assert not scorer.vetoed(normalize("(광고) 국내 최고"), "MSA-SUPERLATIVE")
    assert scorer.vetoed(normalize(PLAIN), "MSA-SUPERLATIVE")


def test_the_promotion_of_an_informational_message_is_judged_by_its_promo_scorer(use_doc: Any) -> None:
    use_doc(_doc("PROMO", "info", {}, veto=0.0))
    text = normalize("안녕하세요 하늘피부과입니다. 내일 오전 10시 예약이 있으니 늦지 않게 방문해 주세요.")
    assert scorer.vetoed(text, "ADV-PURPOSE-MISMATCH") and scorer.vetoed(text, "KAKAO-ALIMTALK-PROMO")


def test_a_veto_only_rule_adds_no_finding(use_doc: Any) -> None:
    use_doc(_doc("MSA-SUPERLATIVE", "ad", {"w:진료": 50.0}, veto=-1.0))  # scores 45, but has no threshold
    assert scorer.scored_rules(normalize(PLAIN), "ad") == []


def test_a_message_mostly_in_latin_letters_is_never_vetoed(use_doc: Any) -> None:
    # the training lines are mostly Korean: English scores low for every rule because it is English
    use_doc(_doc("MSA-SUPERLATIVE", "ad", {}, veto=100.0))
    english = "(광고) Hangaram Eye Center — the best LASIK surgeons in Seoul, trusted by thousands of visitors."
    assert not scorer.vetoed(normalize(english), "MSA-SUPERLATIVE")
    assert scorer.vetoed(normalize(PLAIN), "MSA-SUPERLATIVE")
