"""Overlapping findings (compliance/overlaps.py, rules/overlaps.json): a second rule on words another rule explains
is dropped by a precedence learned from the labelled corpus; a second rule on words of its own stays. Sentences are
new (written for these tests, not in any corpus file)."""

from __future__ import annotations

import json

from compliance.findings import RULES_DIR, Finding, make_finding, rule_catalogue
from compliance.overlaps import RELATIONS, Example, Precedence, learn, precedences, related, resolve
from tests.support.compliance import UNLABELLED, rule_ids


def at(text: str, rule: str, words: str) -> Finding:
    start = text.index(words)
    return make_finding(rule, start, start + len(words))


def test_the_table_is_learned_harmless_and_names_known_rules() -> None:
    doc = json.loads((RULES_DIR / "overlaps.json").read_text("utf-8"))
    known = set(rule_catalogue())
    pairs = {(p.keep, p.drop) for p in precedences()}
    assert pairs and len(pairs) == len(doc["precedences"])
    for p in precedences():
        assert {p.keep, p.drop} <= known and p.keep != p.drop, p
        assert p.relation in RELATIONS and p.harm == 0 and p.benefit >= doc["min_benefit"], p
        assert (p.drop, p.keep) not in pairs, p  # never two rules dropping each other


def test_a_review_reward_in_alimtalk_is_the_reward_not_also_the_black_listed_ask() -> None:
    reward = "[해봄치과] 진료 후기를 남겨 주시면 다음 방문 때 불소도포 1회를 무료로 해 드려요."
    found = rule_ids(reward, "alimtalk", "informational")
    assert "MSA-REVIEW-INCENTIVE" in found and "KAKAO-ALIMTALK-BLACKLIST" not in found
    # a survey ask of its own, before the reward, is still on Kakao's black list
    survey = (
        "[해봄치과] 진료 만족도 설문에 참여해 주세요. 후기를 남겨 주시면 다음 방문 때 불소도포 1회를 무료로 해 드려요."
    )
    assert {"MSA-REVIEW-INCENTIVE", "KAKAO-ALIMTALK-BLACKLIST"} <= rule_ids(survey, "alimtalk", "informational")


def test_a_patient_recounting_recovery_live_is_a_testimonial_not_surgery_footage() -> None:
    live = "(광고) 새빛성형외과 코 수술받은 고객님이 직접 유튜브 라이브로 회복 과정을 보여 드려요. ※부작용·개인차 있음 무료수신거부 080-111-2222"
    found = rule_ids(live)
    assert "MSA-TESTIMONIAL" in found and "MSA-SURGERY-SCENE" not in found
    # footage announced in a sentence of its own stays beside the testimonial
    both = (
        "(광고) 새빛성형외과 쌍꺼풀 수술 장면을 유튜브에 공개합니다. 고객님이 직접 인스타 라이브에서 회복 과정을 "
        "이야기해요. ※부작용·개인차 있음 무료수신거부 080-111-2222"
    )
    assert {"MSA-TESTIMONIAL", "MSA-SURGERY-SCENE"} <= rule_ids(both)


def test_relations_nest_from_contains_to_line() -> None:
    text = "첫 문장은 짧습니다. 둘째 문장에 두 표현이 있습니다."
    keep, inner = (text.index("둘째"), len(text)), (text.index("두 표현"), text.index("두 표현") + 4)
    other = (0, 5)  # in the first sentence
    assert related(text, keep, inner, "contains") and not related(text, inner, keep, "contains")
    assert related(text, inner, keep, "within")
    assert related(text, keep, inner, "sentence") and not related(text, inner, other, "sentence")
    assert related(text, inner, other, "line")
    assert not related(text, (3, 3), inner, "sentence") and related(text, (3, 3), inner, "line")  # an empty span
    # a finding wider than its would-be keeper is never dropped by a sentence precedence
    assert not related(text, inner, keep, "sentence")


def test_resolve_drops_only_the_findings_a_precedence_covers() -> None:
    text = "(광고) 맑은샘의원 이 주사는 100% 안전합니다. 만족 못 하시면 100% 환불해 드립니다."
    table = [Precedence("MSA-SAFETY-CLAIM", "MSA-GUARANTEE", "contains", "test")]
    safety = at(text, "MSA-SAFETY-CLAIM", "100% 안전")
    nested = at(text, "MSA-GUARANTEE", "100%")  # the first 100%, inside the safety claim
    refund = make_finding("MSA-GUARANTEE", text.rindex("100%"), text.rindex("100% 환불") + 7)
    kept = resolve(text, [safety, nested, refund], table)
    assert kept == [safety, refund]
    assert resolve(text, [nested, refund], table) == [nested, refund]  # nothing to defer to
    assert resolve(text, [safety, nested], []) == [safety, nested]  # an empty table changes nothing


def _example(text: str, found: list[tuple[str, str]], expected: set[str], source: str) -> Example:
    spans = tuple((rule, text.index(words), text.index(words) + len(words)) for rule, words in found)
    return Example(text, spans, frozenset(expected), source)


def test_learn_needs_benefit_from_two_writers_and_no_harm() -> None:
    lines = [
        ("그 배우가 받은 관리를 책임지는 곳입니다.", "그 배우가 받은 관리를 책임지는", "책임지"),
        ("아이돌 연습생들의 피부를 책임지는 피부과.", "아이돌 연습생들의 피부를 책임지는", "책임지"),
        ("방송인 여러분의 목소리를 책임지는 이비인후과.", "방송인 여러분의 목소리를 책임지는", "책임지"),
    ]
    examples = [
        _example(t, [("MSA-CELEBRITY", c), ("MSA-GUARANTEE", g)], {"MSA-CELEBRITY"}, f"writer_{i % 2}")
        for i, (t, c, g) in enumerate(lines)
    ]
    (learned,) = learn(examples, min_benefit=3, relations=("contains", "sentence"))
    assert (learned.keep, learned.drop, learned.relation, learned.benefit) == (
        "MSA-CELEBRITY",
        "MSA-GUARANTEE",
        "contains",  # the narrowest relation that gains as much
        3,
    )
    assert learn(examples[:2], min_benefit=3) == []  # too little evidence
    one_writer = [Example(e.text, e.findings, e.expected, "writer_a") for e in examples]
    assert learn(one_writer, min_benefit=3) == []  # one writer's habit
    both = "유명 배우가 받은 시술, 효과를 책임지고 보장합니다."
    harm = _example(
        both, [("MSA-CELEBRITY", both), ("MSA-GUARANTEE", "책임지고 보장")], {"MSA-CELEBRITY", "MSA-GUARANTEE"}, "w"
    )
    assert learn([*examples, harm], min_benefit=3) == []  # a writer who named both rules vetoes the pair


def test_learn_ignores_rules_writers_never_label() -> None:
    text = "(광고) 늘봄의원 상담 예약 받습니다."
    examples = [_example(text, [("MSA-PREREVIEW", text), ("MSA-GUARANTEE", "상담")], set(), f"w{i}") for i in range(4)]
    assert learn(examples, min_benefit=3, unlabelled=UNLABELLED) == []
