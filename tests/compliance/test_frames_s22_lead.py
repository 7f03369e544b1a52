"""Session 22 (lead): running down the materials other clinics use is disparagement (RULES.md's MSA-DEFAME: "other
clinics or their methods"); the scorer found it until its retraining on the session-22 writers moved its threshold."""

from __future__ import annotations

import pytest

from tests.support.compliance import rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 바른숲한의원 다른 한의원에서 흔히 쓰는 값싼 약재 대신 국산만 씁니다. 개인차가 있을 수 있습니다. 무료수신거부 080-111-2222",
        "(광고) 고운결치과 동네 치과들이 주로 쓰는 저가 임플란트는 쓰지 않습니다. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2222",
    ],
)
def test_other_clinics_cheap_materials_run_down_are_disparagement(text: str) -> None:
    assert "MSA-DEFAME" in rule_ids(text, "friendtalk")


@pytest.mark.parametrize(
    "text",
    [
        "(광고) 바른숲한의원 저희는 국산 약재만 씁니다. 개인차가 있을 수 있습니다. 무료수신거부 080-111-2222",
        "(광고) 고운결치과 저가 임플란트와 일반 임플란트의 차이를 상담에서 설명드립니다. 부작용이 있을 수 있습니다. 무료수신거부 080-111-2222",
    ],
)
def test_own_materials_and_price_tiers_are_no_disparagement(text: str) -> None:
    assert "MSA-DEFAME" not in rule_ids(text, "friendtalk")
