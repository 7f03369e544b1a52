"""What the per-rule scorer reads of a message (compliance/scorer.py): its content without the envelope, word
stems, cue classes. Model-free."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.scorer import _ENDINGS, compile_cues, content, features, stem, units


def test_the_envelope_is_not_read() -> None:
    text = (
        "(광고) 온누리안과 ○○일보 건강 칼럼을 연재하는 원장의 노안 클리닉 ※ 멍·붓기 등 부작용이 생길 수 있고 "
        "효과는 개인마다 다릅니다. 무료수신거부 080-300-5500"
    )
    assert content(text) == "○○일보 건강 칼럼을 연재하는 원장의 노안 클리닉"
    assert content("[고운빛피부과] 예약 확인: 3월 14일 14:00.") == "예약 확인: 3월 14일 14:00"
    assert content("(광고) Seoul Clinic. Side effects may occur. Reply STOP to opt out") == "Seoul Clinic"


def test_a_claim_about_side_effects_is_content() -> None:
    text = "(광고) 온누리안과 회복 걱정 없는 스마일라식, 부작용 없는 수술 무료수신거부 0808885522"
    assert content(text) == "회복 걱정 없는 스마일라식, 부작용 없는 수술"


def test_a_risk_notice_naming_the_symptoms_is_envelope_but_a_claim_about_pain_is_content() -> None:
    """A notice such as "수술 후 붓기·통증이 있을 수 있습니다" is the same notice as "부작용이 있을 수 있습니다": read beside "편하게" it
    looked like a pain-free claim (session 27, a clean-trap test broke). Only the modal "may" is a notice."""
    notice = "(광고) 새솔치과 겁이 많은 분도 수면 진정으로 편하게. 시술 뒤 잇몸 부기와 시림이 생길 수 있습니다."
    assert content(notice) == "겁이 많은 분도 수면 진정으로 편하게"
    assert content("(광고) 새솔치과 발치 후 2~3일은 멍과 출혈이 나타날 수 있어요. 토요일 진료") == "토요일 진료"
    for claim in (
        "(광고) 새솔치과 통증이 심한 분도 당일 발치 받으실 수 있습니다",
        "(광고) 새솔치과 붓기 없이 바로 출근할 수 있을 수도 있어요",
        "(광고) 새솔치과 시술 후 통증이 있을 수 없는 특허 마취법",
    ):
        assert content(claim) == claim.removeprefix("(광고) 새솔치과 "), claim


def test_stems_drop_particles_and_endings() -> None:
    assert stem("병원에서는") == "병원"
    assert stem("비교해") == stem("비교하면") == "비교"
    assert stem("여기저기") == "여기저기"
    assert stem("최고") == "최고"  # two syllables stay
    assert stem("clinics") == "clinic"


def _stem_by_trying_every_ending(word: str) -> str:
    """The stemmer as first written (every ending tried, longest first): the lookup by length must agree."""
    while True:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                word = word[: -len(ending)]
                break
        else:
            return word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="병원에서는비교해다녀보셨면드립니다요이가을를하고으로세", min_size=1, max_size=12))
def test_stem_lookup_by_length_strips_what_trying_every_ending_strips(word: str) -> None:
    assert stem(word) == _stem_by_trying_every_ending(word)


def test_units_are_the_content_its_sentences_and_their_pairs() -> None:
    text = (
        "(광고) 하람치과 스케일링 안내입니다. 동네 치과와는 확실히 달라요! 토요일도 진료합니다.\n"
        "※ 부작용이 생길 수 있습니다. 무료수신거부 080-000-0000"
    )
    parts = ("스케일링 안내입니다", "동네 치과와는 확실히 달라요", "토요일도 진료합니다")
    assert units(text, "m") == ((" . ".join(parts), "m"),)
    assert units(text, "s") == tuple((part, "sp") for part in parts)
    assert units(text, "p")[3:] == (
        ("스케일링 안내입니다 . 동네 치과와는 확실히 달라요", "p"),
        ("동네 치과와는 확실히 달라요 . 토요일도 진료합니다", "p"),
    )
    # one sentence of content is one unit of every kind
    assert units("(광고) 하람치과 동네 치과와는 확실히 달라요. 무료수신거부 080-000-0000") == (
        ("동네 치과와는 확실히 달라요", "msp"),
    )


def test_cue_classes_fire_on_words_no_line_used() -> None:
    cues = compile_cues({"other_provider": "(다른|여느|동네)(병원|치과)", "contrast": "다릅|달라"})
    found = features("(광고) 하람치과 동네 치과와는 확실히 달라요", cues)
    assert {"c:other_provider", "c:contrast", "w:동네", "b:동네_치과"} <= found
    assert "c:other_provider" not in features("(광고) 하람치과 스케일링 안내", cues)


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=60)
    | st.lists(st.sampled_from(["다른", "타", "병원", "치과", "30%", "할인", "rush", "ed", " ", ".", "저렴"])).map(
        "".join
    )
)
def test_cue_prefilter_never_hides_a_match(text: str) -> None:
    cues = compile_cues({"provider": "(다른|타)(병원|치과)", "price": "[0-9]+%(할인|저렴)", "en": "rush(ed)?"})
    plain = compile_cues({"provider": "(다른|타)(병원|치과)", "price": "[0-9]+%(할인|저렴)", "en": "rush(ed)?"})
    plain = tuple(type(c)(c.name, c.pattern, None) for c in plain)
    assert features(text, cues) == features(text, plain)


def test_leave_one_file_out_swaps_the_scorer_and_restores_it() -> None:
    from compliance import scorer
    from compliance.scorer_lofo import checker_counts
    from compliance.text_rules import lint_text

    text = (  # writer_s16_a wa-celebrity-04: a celebrity by role, no frame's words
        "(광고) 미소담치과 트로트 가수 분들 무대 미소는 저희가 책임집니다. 치아미백 상담 ※개인차가 있으며 드물게 "
        "부작용이 생길 수 있습니다. 무료거부 0806401122"
    )
    row = {"text": text, "channel": "sms", "purpose": "advertising", "expected": ["MSA-CELEBRITY"]}
    without, _ = checker_counts([row], {"rules": []})
    assert without.fn == 1  # no frame finds it: the scorer does
    with_scorer = {f.rule for f in lint_text(text, "sms", "advertising", use_cache=False)}
    assert "MSA-CELEBRITY" in with_scorer
    assert scorer._OVERRIDE == []


def _one_rule_scorer(unit: str) -> dict[str, object]:
    """A scorer of one rule by hand: a trot singer is evidence, a booking reminder's words count against."""
    weights = {"w:트로트": 3.0, "w:예약": -2.0, "w:시간": -2.0, "w:변경": -2.0}
    rule = {"rule": "MSA-CELEBRITY", "scope": "ad", "unit": unit, "bias": -1.0, "threshold": 1.0, "weights": weights}
    return {"cues": {}, "rules": [rule]}


def test_a_sentence_unit_is_not_diluted_by_the_rest_of_the_message() -> None:
    from compliance import scorer
    from compliance.scorer_lofo import checker_counts

    text = (
        "(광고) 미소담치과 트로트 가수 분들 무대 미소는 저희가 책임집니다. 예약 시간 변경은 전화로 부탁드립니다. "
        "※개인차가 있으며 부작용이 생길 수 있습니다. 무료거부 0806401122"
    )
    row = {"text": text, "channel": "sms", "purpose": "advertising", "expected": ["MSA-CELEBRITY"]}
    by_message, _ = checker_counts([row], _one_rule_scorer("message"))  # 3 - 1 - 6 < 1: the reminder dilutes it
    by_sentence, _ = checker_counts([row], _one_rule_scorer("sentence"))  # the singers' sentence alone: 3 - 1 >= 1
    assert (by_message.tp, by_sentence.tp) == (0, 1)
    assert scorer._OVERRIDE == []
