"""Normalisation: evasions fold to the plain word, and offsets always point into the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compliance.normalize import normalize

EVASIONS = {
    "최 고": "최고",
    "최.고": "최고",
    "부.작.용": "부작용",
    "최🔥고": "최고",
    "최\u200b고": "최고",
    "１００％": "100%",
    "ㅊㅚㄱㅗ": "최고",
    "백퍼": "100%",
    "백프로": "100%",
    "100프로": "100%",
    "넘버원": "1위",
    "No.1": "1위",
    "0원": "무료",
    "공짜": "무료",  # synonyms (compliance/metamorphic.py): the same rules and context checks read them
    "비용 없이": "무료로",
    "비용 부담 없이": "무료로",
    "저가 implant의 함정": "저가임플란트의함정",  # an English procedure name in a Korean sentence
    "Botox for everyone": "botoxforeveryone",  # ... but not in an English one
    "Вest": "best",  # Cyrillic В
}


def test_evasions_fold_to_the_plain_word() -> None:
    for written, plain in EVASIONS.items():
        assert normalize(written).text == plain, written


def test_offsets_of_a_folded_word_cover_the_written_form() -> None:
    # Given an evasion inside a sentence
    text = "저희는 최.🔥고 의 병원"
    norm = normalize(text)
    # When the compact match 최고 is mapped back
    a = norm.text.index("최고")
    start, end = norm.span(a, a + 2)
    # Then the span is the written form with its dots and emoji
    assert text[start:end] == "최.🔥고"


def test_placeholders_are_opaque() -> None:
    assert normalize("{{ patient.name }}님 #{이름}").text == "님"


def test_amounts_are_not_free() -> None:
    assert "무료" not in normalize("10,000원").text


@given(st.text())
def test_offsets_always_map_inside_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.gap_before) == len(norm.text)
    previous = 0
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start
    for a in range(len(norm.text) + 1):
        for b in (a, min(a + 3, len(norm.text))):
            start, end = norm.span(a, b)
            assert 0 <= start <= end <= len(text)


@given(st.text(alphabet=st.sampled_from("최고부작용 .🔥\u200bㅊㅚㄱㅗ１０％{}#백퍼넘버원0원No")))
def test_korean_evasion_alphabet_never_raises(text: str) -> None:
    norm = normalize(text)
    assert all(0 <= s < e <= len(text) for s, e in zip(norm.starts, norm.ends, strict=True))


@given(st.lists(st.sampled_from([*"최고 후기간수술.,!?~ab1O0%{}#이름원\n", "{{ x }}", "#{이름}"])).map("".join))
def test_plain_text_fast_path_agrees_with_the_full_path(text: str) -> None:
    from compliance.normalize import _SIMPLE_RE, _normalize_full, _normalize_simple

    if not _SIMPLE_RE.fullmatch(text):
        return
    fast, full = _normalize_simple(text), _normalize_full(text)
    assert (fast.text, fast.gap_before) == (full.text, full.gap_before)
    for a in range(len(full.text) + 1):
        for b in range(a, min(a + 6, len(full.text)) + 1):
            fresh = _normalize_simple(text)  # un-materialised: exercises the run-based lookups
            assert fresh.span(a, b) == full.span(a, b)
            assert fresh.crosses_words_cleanly(a, b) == full.crosses_words_cleanly(a, b)
