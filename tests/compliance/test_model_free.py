"""Ordinary care messages are linted without the Korean morphology model (≈ 300 MB once loaded, issue 18):
lemma frames name cue groups (``also``) their patterns cannot match without, and written (``surface``) forms
that find their common phrasings without analysis. Both must keep the lemma frames' findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.peak_rss import doctorsflow, messages_file, peak_rss_mb
from compliance.corpus_score import load
from compliance.frames import Frame, frame_matches, frames
from compliance.morph import analyse
from compliance.negation import is_cued, negated_by_analysis, plainly_negated
from compliance.normalize import normalize
from tests.support.server import server_env

BENCH_CORPUS = Path(__file__).parent / "corpus.jsonl"
# written forms of lemma frames, each a real match of its lemma pattern
SURFACE_EXAMPLES = (
    "수술 후 경과는 어떠세요?",
    "{{ patient.name }}님, 수술하신 부위는 좀 어떠신지요?",
    "수술 후 눈 상태는 괜찮으신가요? 불편하시면 연락 주세요.",
    "치아는 요즘 어떠세요?",
    "채널을 추가해 주셔서 감사합니다",
    "밝은눈안과 채널 추가해 주셔서 진심으로 감사드립니다.",
    "조직검사 결과 양성으로 나왔습니다. 내일 내원해 주세요.",
    "검사 결과 음성 판정 받았습니다.",
    "[푸른숲안과] 새로운 레이저 장비를 도입했습니다.",
    "[푸른숲안과] 새로운 피부 관리 프로그램이 출시되었습니다.",
    "레이저 장비를 새로 도입했습니다.",
    "저희 병원이 최신 스캐너를 들여왔습니다.",
    "이번 달 새로 도입하는 장비입니다.",
    "[푸른숲안과] 이번 달 방문 고객님께 기념품을 드립니다.",
    "행사 기간 동안 방문하신 분들께 소정의 선물을 증정합니다.",
    "12월 31일까지 내원 고객께 핸드크림을 드려요.",
)


@cache
def _corpus_texts() -> tuple[str, ...]:
    texts = [row["text"] for name in ("dev", "heldout", "independent_dev") for row in load(name)]
    texts += [json.loads(line)["text"] for line in BENCH_CORPUS.read_text("utf-8").splitlines() if line.strip()]
    return tuple(dict.fromkeys([*texts, *SURFACE_EXAMPLES]))


def _lemma_frames() -> list[Frame]:
    return [frame for frame in frames() if frame.kind == "lemma"]


def _lemma_spans(frame: Frame, text: str) -> list[tuple[int, int]]:
    morphs = analyse(text)
    return [morphs.span(*m.span()) for m in frame.roles[0].finditer(morphs.lemmas) if m.end() > m.start()]


def test_ordinary_messages_never_load_the_model() -> None:
    """Every message of the bench corpus (care messages, advertisements, black-listed greetings and questions)
    is linted in a fresh process that never loads the analyser; its lemma-frame findings come from surface forms."""
    script = (
        "import json, sys\n"
        "from compliance import morph\n"
        "from compliance.text_rules import lint_text\n"
        "found = set()\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    if line.strip():\n"
        "        m = json.loads(line)\n"
        "        found.update((m['id'], f.rule) for f in lint_text(m['text'], m['channel'], m['purpose']))\n"
        "print(json.dumps({'loaded': morph.loaded(), 'found': sorted(found)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(BENCH_CORPUS)], capture_output=True, text=True, check=True, timeout=120
    )
    result = json.loads(done.stdout)
    assert result["loaded"] is False
    found = {tuple(pair) for pair in result["found"]}
    rows = [json.loads(line) for line in BENCH_CORPUS.read_text("utf-8").splitlines() if line.strip()]
    for row in rows:  # the same verdicts as with the model (test_corpus checks them in-process)
        for rule in row["expected"]:
            assert (row["id"], rule) in found or rule in ("MSA-PREREVIEW", "MSG-SMS-LENGTH"), (row["id"], rule)


def test_clean_corpus_lines_need_the_model_only_to_read_a_negation() -> None:
    """No frame analyses a clean line of the owned and independent dev sets: the only analyses left are
    negation checks of a promotion word (진료비 할인이나 사은품 제공은 하지 않습니다)."""
    rows = [row for name in ("dev", "heldout", "independent_dev") for row in load(name) if not row["expected"]]
    script = (
        "import json, sys\n"
        "from compliance import morph\n"
        "from compliance.text_rules import lint_text\n"
        "needing = []\n"
        "for row in json.loads(sys.stdin.read()):\n"
        "    before = morph.analysed()\n"
        "    lint_text(row['text'], row['channel'], row['purpose'])\n"
        "    if morph.analysed() > before:\n"
        "        needing.append(row['text'])\n"
        "print(json.dumps(needing, ensure_ascii=False))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(rows, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    needing = json.loads(done.stdout)
    assert len(needing) <= 2, needing
    assert all(is_cued(text) for text in needing), needing


def test_surface_forms_are_matches_of_the_lemma_pattern() -> None:
    """A frame's written forms only shortcut its analysis: each one is also found by the lemma pattern."""
    used = 0
    shortcut = [frame.surface for frame in _lemma_frames() if frame.surface is not None]
    for example in SURFACE_EXAMPLES:
        assert any(surface.search(example) for surface in shortcut), example
    for frame in _lemma_frames():
        if frame.surface is None:
            continue
        for text in _corpus_texts():
            written = [m.span() for m in frame.surface.finditer(text) if m.end() > m.start()]
            if not written:
                continue
            used += 1
            lemma = _lemma_spans(frame, text)
            for a, b in written:
                assert any(a < d and c < b for c, d in lemma), (frame.stems[:3], text[a:b], text)
    assert used >= len(SURFACE_EXAMPLES)


def test_cue_groups_never_hide_a_lemma_match() -> None:
    """A lemma frame's cue groups are words its pattern cannot match without: on every corpus text where the
    pattern matches the analysis, every group has a word in the text."""
    checked = 0
    for frame in _lemma_frames():
        if not frame.also and not frame.also_original:
            continue
        for text in _corpus_texts():
            norm = normalize(text)
            if frame.stems_re is None or frame.stems_re.search(norm.text) is None:
                continue
            if _lemma_spans(frame, text):
                checked += 1
                assert frame.cued(norm), (frame.stems[:3], text)
    assert checked > 20


def test_a_plainly_written_negation_is_one_the_analysis_reads_too() -> None:
    """Negation without the analyser (할인은 없습니다, 진행하지 않습니다, 할인 불가) says what the analysis says,
    at every word end of every corpus text where it applies; 없이 (an adverb) and 하지 못하다 are left to it."""
    checked = 0
    texts = [
        *_corpus_texts(),
        "할인은 없습니다.",
        "이벤트는 진행하지 않습니다.",
        "할인 불가 항목입니다.",
        "할인은 안 됩니다.",
    ]
    for text in texts:
        ends = [end for end in range(1, len(text)) if "가" <= text[end - 1] <= "힣" and plainly_negated(text, end)]
        if not ends:
            continue
        word_ends = {token.end for token in analyse(text).tokens}
        for end in ends:
            if end in word_ends:
                checked += 1
                assert negated_by_analysis(text, end), (text[:end], text[end:])
    assert checked > 100
    assert not plainly_negated("본인부담금 없이 검진받으세요.", 5)  # "without a co-payment" offers one
    assert not plainly_negated("할인 불가능한 항목", 2)


def test_every_cue_group_is_required() -> None:
    frame = Frame(
        rule="PROMO",
        kind="window",
        ad_only=False,
        roles=(re.compile("드립니다"),),
        window=20,
        exceptions=None,
        stems=(),
        reason="",
        also=(("기간", "이달"), ("께", "에게")),
        also_original=(("!",),),
    )
    assert frame.find(normalize("이달 방문 고객님께 선물을 드립니다!"))
    assert not frame.find(normalize("이달 방문 고객님께 선물을 드립니다."))  # no "!" in the original
    assert not frame.find(normalize("방문 고객님께 선물을 드립니다!"))  # no period word
    assert not frame.find(normalize("이달 안내를 드립니다!"))  # no recipient


def _every_frame(norm_text: str, ad_only: bool) -> list[tuple[str, tuple[int, int]]]:
    """The frame matches of a plain loop over every frame of the scope (what the gram index must equal)."""
    norm = normalize(norm_text)
    found: list[tuple[str, tuple[int, int]]] = []
    for frame in frames():
        if frame.ad_only != ad_only or not frame.possible(norm.grams):
            continue
        spans = frame.find(norm)
        if frame.kind != "window":
            spans = [s for s in spans if not frame.excepted_original(norm, s)]
        found.extend((frame.rule, span) for span in spans)
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_corpus_texts()), min_size=1, max_size=3), st.booleans(), st.data())
def test_the_gram_index_finds_what_every_frame_finds(texts: list[str], ad_only: bool, data: st.DataObject) -> None:
    joined = " ".join(texts)
    cut = data.draw(st.integers(0, len(joined)))
    text = joined[cut:] if data.draw(st.booleans()) else joined
    found = [(m.rule, m.span) for m in frame_matches(normalize(text), ad_only)]
    assert found == _every_frame(text, ad_only)


def test_lint_text_of_ordinary_messages_stays_under_200_mb(tmp_path: Path) -> None:
    """Issue 18's bound on the real command: without the analyser ``lint-text`` peaks near 160 MB; once the
    analyser loads it is ≈ 470 MB, so this fails as soon as an ordinary message needs it again."""
    messages = messages_file(tmp_path / "messages.jsonl", 1)
    peak, code, _ = peak_rss_mb(doctorsflow("lint-text", str(messages)), server_env(tmp_path))
    assert code == 1  # the corpus holds error findings on purpose
    assert peak < 200, peak
