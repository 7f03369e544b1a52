"""Messages are linted without the Korean morphology model (≈ 300 MB once loaded, issue 18): lemma frames are
read on the written text (compliance/lemma_surface.py rewrites each lemma pattern) and negation from written
words. The analysis stays the reference (``DOCTORSFLOW_MORPHOLOGY=analyser``): the written readings must find
what it finds on every corpus line, and give the same rule ids in four channel/purpose settings."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.peak_rss import doctorsflow, messages_file, peak_rss_mb
from compliance.analysis import negatable
from compliance.conventions import disparagement_compares
from compliance.corpus_score import load
from compliance.frames import Frame, frame_matches, frames
from compliance.morph import analyse
from compliance.negation import is_cued, negated_by_analysis, negated_in_writing, plainly_negated
from compliance.normalize import normalize
from compliance.text_rules import lint_text
from tests.support.server import server_env

BENCH_CORPUS = Path(__file__).parent / "corpus.jsonl"
CORPUS_FILES = (*sorted((Path(__file__).parents[2] / "compliance" / "corpus").glob("*.jsonl")), BENCH_CORPUS)
SETTINGS = (
    ("sms", "informational"),
    ("sms", "advertising"),
    ("alimtalk", "informational"),
    ("friendtalk", "advertising"),
)
# inflected forms beyond the corpus: each reading must agree with the analysis on them too
INFLECTED_EXAMPLES = (
    "(광고) 이번 달 진료비를 면제해 드려요.",
    "(광고) 효과가 없으면 비용을 돌려 드리겠습니다.",
    "(광고) 검사비는 일절 받지 않아요.",
    "(광고) 상담료를 안 받습니다.",
    "(광고) 기대에 못 미치시면 전액 환불해 드립니다.",
    "(광고) 다른 병원에서 망쳐진 코, 다시 살려 드립니다.",
    "[맑은치과] 최신 구강스캐너를 새로 들여왔습니다.",
    "[맑은치과] 새롭게 도입한 레이저로 치료 시간이 짧아졌어요.",
    "[맑은치과] 소아 교정 클리닉을 새로 열었어요.",
    "[맑은치과] 가족분들도 함께 예약하세요.",
    "[맑은치과] 친구를 소개해 주시면 감사하겠습니다.",
    "[맑은치과] 이번 기회에 미백도 받아 보세요.",
    "[맑은치과] 2호점을 오픈했습니다.",
    "[맑은치과] 발치하신 부위는 좀 괜찮으세요?",
    "[맑은치과] 행복한 설날 보내세요.",
    "[맑은치과] 검사에서 용종이 발견되어 제거했습니다.",
    "[맑은치과] 검사 결과 양성으로 확인되었습니다.",
    "[맑은치과] 용종이 발견되면 바로 제거할 수 있습니다.",
    "[맑은치과] 결과가 양성으로 나오면 다시 연락드립니다.",
    "[맑은치과] 저희 병원에서도 도수 치료를 받으실 수 있습니다.",
    "[맑은치과] 예방접종을 시작했습니다.",
    "[맑은치과] 노후 장비를 최신 장비로 교체했습니다.",
    "[맑은치과] 리뷰를 블로그에서 확인해 보세요.",
    "(광고) 요요가 오면 관리비 안 받습니다.",  # a compound fee noun (관리비, 재료비): both readings find the waiver
    "(광고) 재료비는 따로 받지 않아요.",
)
# everyday sentences near the lemma frames' words (particles that look like verb forms: 친구와 = 친구 + 와, not
# 오다; conditionals the health frames skip; new opening hours, not new services): both readings must agree
EVERYDAY_EXAMPLES = (
    "[맑은치과] 카카오톡 채널 친구와 가족 모두에게 감사드립니다.",
    "[맑은치과] 채널 친구와 이웃 여러분께 감사 인사 드립니다.",
    "[맑은치과] 가족과 함께 와서 상담 받으세요.",
    "[맑은치과] 가족도 함께 오시면 좋아요.",
    "[맑은치과] 가족분들도 예약 내역을 확인해 보세요.",
    "[맑은치과] 친구가 대신 예약하시면 본인 확인이 필요합니다.",
    "[맑은치과] 보호자도 함께 방문해 주세요.",
    "[맑은치과] 자녀분이 계시면 보호자 동의서를 함께 가져오세요.",
    "[맑은치과] 부위가 붓고 아프면 바로 연락 주세요.",
    "[맑은치과] 상태가 어떤지 궁금하시면 전화 주세요.",
    "[맑은치과] 경과가 괜찮으시면 다음 주에 뵙겠습니다.",
    "[맑은치과] 수술 부위는 괜찮으신가요? 궁금한 점은 문의 주세요.",
    "[맑은치과] 연휴 잘 보내세요. 휴진 안내드립니다.",
    "[맑은치과] 새해에는 건강하시길 바랍니다.",
    "[맑은치과] 용종 제거 후 주의사항을 안내해 드립니다.",
    "[맑은치과] 결절이 있는 경우 추가 검사가 필요할 수 있습니다.",
    "[맑은치과] 혹시 용종이 보이면 바로 제거합니다.",
    "[맑은치과] 검사 결과 음성이면 추가 검사는 필요 없습니다.",
    "[맑은치과] 항체 검사 결과는 내원 시 안내드립니다.",
    "[맑은치과] 새로 바뀐 주차 안내입니다.",
    "[맑은치과] 진료 시간이 새로 바뀌었습니다.",
    "[맑은치과] 새로 오신 환자분은 접수대에서 문진표를 작성해 주세요.",
    "[맑은치과] 장비 점검으로 오전 진료가 없습니다.",
    "[맑은치과] 홈페이지에서 예약 내역을 확인해 보세요.",
    "[맑은치과] 영상 촬영 결과는 홈페이지에서 확인하실 수 있습니다.",
    "[맑은치과] 사진은 카카오톡 채널로 보내 주세요.",
    "[맑은치과] 지점 위치가 바뀌었으니 확인해 주세요.",
    "[맑은치과] 2호점 진료 시간을 알려 드립니다.",
    "[맑은치과] 다른 곳에서 망가진 보철물도 상담해 드립니다.",
    "[맑은치과] 비용은 받지 않습니다만 예약은 필요합니다.",
    "[맑은치과] 주차비는 받지 않습니다.",
    "[맑은치과] 효과를 못 보셨다면 담당 의사와 상담하세요.",
    "[맑은치과] 잠이 안 오면 처방받은 약을 드세요.",
    "[맑은치과] 저희 의원에서도 독감 접종을 하실 수 있습니다.",
    "[맑은치과] 이번 기회에 정기검진을 받아 보세요.",
    "[맑은치과] 관심 있으신 분은 데스크에 문의하세요.",
    "[맑은치과] 주변에 필요한 분께 알려 주세요.",
    "[맑은치과] 오신 김에 스케일링도 받아 보세요.",
    "[맑은치과] 대기 시간 동안 음료를 드셔 보세요.",
    "[맑은치과] 기간 동안 내원하신 분께 칫솔을 드립니다.",
    "[맑은치과] 예약하시면 상담비를 받지 않습니다.",
    "[맑은치과] 처음 오시는 분들은 신분증을 가져오세요.",
    "[맑은치과] 새로 나온 치약을 써 보세요.",
    "[맑은치과] 최근 도입된 예약 시스템 안내입니다.",
    "[맑은치과] 치료를 시작하였습니다.",
    "[맑은치과] 수술 후 부위를 잘 보이게 사진 찍어 보내 주세요.",
    "[맑은치과] 눈이 잘 보이시나요? 불편하시면 연락 주세요.",
    "[맑은치과] 검사에서 결석이 보여서 비뇨의학과 진료를 권해 드립니다.",
    "[맑은치과] 음성 판정을 받으셨습니다.",
    "[맑은치과] 양성으로 나와도 걱정하지 마세요.",
)
NEGATION_EXAMPLES = (
    "[밝은눈안과] 저희 병원은 의료법에 따라 진료비 할인 행사를 진행하지 않습니다.",
    "[밝은눈안과] 이번 달에는 할인 이벤트가 없습니다. 양해 바랍니다.",
    "[밝은눈안과] 할인 혜택은 제공되지 않습니다.",
    "[밝은눈안과] 이벤트는 더 이상 진행하지 못하게 되었습니다.",
    "[밝은눈안과] 무료 검진 이벤트를 진행합니다. 많은 참여 바랍니다.",
    "[밝은눈안과] 할인 이벤트를 시작했습니다! 부담 없이 오세요.",
    "[밝은눈안과] 할인 쿠폰은 사용하실 수 없습니다.",
    "[밝은눈안과] 이벤트 기간이 아니어도 상담은 가능합니다.",
    "[밝은눈안과] 할인은 해 드리지 않아요.",
    "[밝은눈안과] 최대 30% 할인 이벤트 중입니다. 예약하세요.",
    "[밝은눈안과] 할인 행사를 하지 않는 대신 상담을 꼼꼼히 해 드립니다.",
    # 없애다 in its contracted forms removes, it negates nothing (the written reading took 없앱 for 없다)
    "[밝은눈안과] 이벤트 기간에는 잡티만 골라 없앱니다.",
    "[밝은눈안과] 할인 기간에 없앤 점은 다시 생기지 않게 관리해요.",
)
_PROMOTION_WORD_RE = re.compile(
    r"할인|이벤트|사은품|무료|증정|혜택|쿠폰|특가|행사|경품|선물|페이백|환급|면제|상품권|적립"
)
_LINT_EVERY_LINE = (
    "import json, sys\n"
    "from compliance import morph\n"
    "from compliance.text_rules import lint_text\n"
    "settings = json.loads(sys.argv[1])\n"
    "ids = {}\n"
    "for name in sys.argv[2:]:\n"
    "    for line in open(name, encoding='utf-8'):\n"
    "        if line.strip():\n"
    "            m = json.loads(line)\n"
    "            for channel, purpose in settings:\n"
    "                key = f'{name}:{m[\"id\"]}:{channel}:{purpose}'\n"
    "                ids[key] = sorted({f.rule for f in lint_text(m['text'], channel, purpose)})\n"
    "print(json.dumps({'loaded': morph.loaded(), 'analysed': morph.analysed(), 'ids': ids}))\n"
)
# the real ``lint-text`` command (entry.main, as the console script runs it) with its output in a file and, at exit,
# whether the process loaded the analyser and how many texts it analysed: argv = state file, output file, arguments
_REAL_COMMAND = (
    "import json, sys\n"
    "from compliance import morph\n"
    "import entry\n"
    "state, out, args = sys.argv[1], sys.argv[2], sys.argv[3:]\n"
    "sys.stdout = open(out, 'w', encoding='utf-8')\n"
    "try:\n"
    "    code = entry.main(args)\n"
    "finally:\n"
    "    sys.stdout.close()\n"
    "    with open(state, 'w', encoding='utf-8') as f:\n"
    "        json.dump({'loaded': morph.loaded(), 'analysed': morph.analysed()}, f)\n"
    "sys.exit(code)\n"
)
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
    texts += [
        json.loads(line)["text"]
        for path in CORPUS_FILES
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    return tuple(dict.fromkeys([*texts, *SURFACE_EXAMPLES, *INFLECTED_EXAMPLES]))


@cache
def _held_out_texts() -> frozenset[str]:
    return frozenset(row["text"] for path in CORPUS_FILES if _held_out(path.stem) for row in load(path.stem))


def _held_out(stem: str) -> bool:
    return "heldout" in stem or "unseen" in stem or stem == "probes2_s14"


def _shown(text: str) -> str:
    """A failing text as the assertion prints it: a held-out line is never printed (nobody may read it)."""
    return "<a held-out line>" if text in _held_out_texts() else text


def _shown_texts() -> tuple[str, ...]:
    """The corpus texts a failing example may print: every one but the held-out lines."""
    return tuple(text for text in _corpus_texts() if text not in _held_out_texts())


def _lemma_frames() -> list[Frame]:
    return [frame for frame in frames() if frame.kind == "lemma"]


def _lemma_spans(frame: Frame, text: str) -> list[tuple[int, int]]:
    return frame.lemma_spans(text)


def _written_spans(frame: Frame, text: str) -> list[tuple[int, int]]:
    assert frame.written is not None
    return [m.span() for m in frame.written.finditer(text) if m.end() > m.start()]


def _every_setting() -> list[tuple[str, str]]:
    """The four settings, then every other (channel, purpose) a corpus line has as its own."""
    own = {
        (row["channel"], row["purpose"])
        for path in CORPUS_FILES
        for row in map(json.loads, filter(str.strip, path.read_text("utf-8").splitlines()))
    }
    return [*SETTINGS, *sorted(own - set(SETTINGS))]


def _lint_every_line(env: dict[str, str], out: Path) -> subprocess.Popen[bytes]:
    """The process linting every corpus line in :func:`_every_setting` in-process, started: its JSON goes to ``out``,
    its errors to ``out`` + ".err"."""
    settings = [list(pair) for pair in _every_setting()]
    with out.open("wb") as stdout, out.with_suffix(".err").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-c", _LINT_EVERY_LINE, json.dumps(settings), *map(str, CORPUS_FILES)],
            stdout=stdout,
            stderr=stderr,
            env=env,
        )


def _every_pair_file(path: Path) -> int:
    """Every corpus line in every setting of :func:`_every_setting`, once each, as ``lint-text`` input whose ids are
    the keys :data:`_LINT_EVERY_LINE` gives (file:id:channel:purpose); how many lines were written. The corpus lines
    are shuffled (every file's kind of message mixed in), each followed by its other settings: the text's analysis
    (compliance/analysis.py, bounded like every cache) is then worked out once for all of them, as for a template
    linted for several channels, and every cached analysis holds the parts of all four settings, not of one."""
    rows = [
        (name, row)
        for name in map(str, CORPUS_FILES)
        for row in map(json.loads, filter(str.strip, Path(name).read_text("utf-8").splitlines()))
    ]
    random.Random(18).shuffle(rows)
    settings = _every_setting()
    with path.open("w", encoding="utf-8") as out:
        for name, row in rows:
            for channel, purpose in settings:
                message = {"id": f"{name}:{row['id']}:{channel}:{purpose}", "channel": channel, "purpose": purpose}
                out.write(json.dumps({**message, "text": row["text"]}, ensure_ascii=False) + "\n")
    return len(rows) * len(settings)


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
        either = (row["id"], "MSA-DEFAME") in found and disparagement_compares(row["text"]) is None
        for rule in row["expected"]:
            if rule == "MSA-COMPARISON" and either:
                continue  # a named provider run down with no comparison drawn: either reading (session 28)
            assert (row["id"], rule) in found or rule in ("MSA-PREREVIEW", "MSG-SMS-LENGTH"), (row["id"], rule)


@pytest.mark.slow
def test_every_corpus_line_gets_the_analysers_rule_ids_without_loading_it_and_stays_under_255_mb(
    tmp_path: Path,
) -> None:
    """Every line of every corpus file (dev, held-out sets, probes, the bench corpus) in four channel/purpose
    settings (and every setting a line has as its own), the lines shuffled, through the real ``lint-text``
    command: it never loads the analyser, gives the rule ids the analysis gives (linted in-process with it, at the
    same time), and peaks under 255 MB. The lines that loaded the analyser before (252 of 2,371) no longer do, so
    the peak stays near where ordinary messages are (session 17: 5,900 lines and the gated alternations' compiled
    subsets, +13 MB, brought it to ~202 MB; session 18: ~7,000 lines, three new frame files and a 6.6 MB scorer.json
    with the veto's weights, ~230 MB; session 23: ~11,900 lines and four more context-check files, ~247 MB; the
    analyser would add its model, ~500 MB). One pass serves both checks: the rule ids are what the measured command
    printed (session 22: two tests linted every line twice without the analyser, once of them for memory)."""
    env = {key: value for key, value in os.environ.items() if key != "DOCTORSFLOW_MORPHOLOGY"}
    analysis = tmp_path / "analysis.json"
    reference = _lint_every_line({**env, "DOCTORSFLOW_MORPHOLOGY": "analyser"}, analysis)  # runs beside the command
    try:
        messages, state, out = tmp_path / "mix.jsonl", tmp_path / "state.json", tmp_path / "out.jsonl"
        pairs = _every_pair_file(messages)
        command = [sys.executable, "-c", _REAL_COMMAND, str(state), str(out), "lint-text", "--format", "jsonl"]
        peak, code, _ = peak_rss_mb([*command, str(messages)], {**server_env(tmp_path), **env})
        reference.wait(timeout=1200)
    finally:
        reference.kill()
    assert reference.returncode == 0, analysis.with_suffix(".err").read_text("utf-8")[-2000:]
    assert code == 1  # the corpus holds error findings on purpose
    assert peak < 255, peak
    written = json.loads(state.read_text("utf-8"))
    assert written["loaded"] is False
    assert written["analysed"] == 0
    outputs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(outputs) == pairs and not [o["id"] for o in outputs if "error" in o]  # every pair linted once
    ids = {o["id"]: sorted({f["rule"] for f in o["findings"]}) for o in outputs}
    expected = json.loads(analysis.read_text("utf-8"))
    assert expected["loaded"] is True  # the reference did read the analysis
    assert isinstance(expected["ids"], dict) and len(ids) > 9000
    assert ids.keys() == expected["ids"].keys()
    assert [key for key in expected["ids"] if ids[key] != expected["ids"][key]] == []


def test_the_written_reading_finds_what_the_lemma_pattern_finds() -> None:
    """On every corpus text (and inflected examples) where a lemma frame may apply, its written reading finds a
    match exactly where the analysis does, never less. The analysis splits a few of the frames' nouns (낭종 → 낭 +
    종, 용종 → 용 + 종 in "용종 1개를 떼어"), so its lemma pattern misses a finding the written reading makes: more
    is allowed only there, each such text showing a frame noun the analysis splits inside the written match, or where
    a frame's gap of a few characters between its cue and its verb holds the written words but not the analysis's
    longer spelling of them ("클리닉도 둘러보시고 상담받아 보세요": 둘러보시고 → 두르다 어 보다 시 고), or where the
    analysis reads a frame verb's ㄹ-dropped form as a noun ("새로 연 클리닉": 연 → 연 NNG, not 열다 + ᆫ), or where
    the written reading takes a verb without the honorific its lemma pattern names ("친구와 함께 오면": 오다 시 면), or
    where the written words end on a frame verb's noun with no 하다 after it, as a headline does ("레이저 장비 신규
    도입": the lemma pattern names 도입 하다)."""
    shortcut = [frame.surface for frame in _lemma_frames() if frame.surface is not None]
    for example in SURFACE_EXAMPLES:
        assert any(surface.search(example) for surface in shortcut), example
    checked = extra = 0
    for text in _corpus_texts():  # texts outside: each is analysed once (the analysis cache keeps 1,024 texts)
        norm = normalize(text)
        for frame in _lemma_frames():
            if not frame.cued(norm) or frame.stems_re is None or frame.stems_re.search(norm.text) is None:
                continue
            lemma, written = _lemma_spans(frame, text), _written_spans(frame, text)
            checked += 1
            for a, b in lemma:
                assert any(a < d and c < b for c, d in written), (frame.stems[:3], _shown(text))
            if written and not lemma:
                extra += 1
                # not inside the assert: pytest would print the text
                explained = (
                    _split_frame_noun(frame, text, written)
                    or _gap_spelled_longer(frame, text, written)
                    or _l_dropped_verb_read_as_noun(frame, text, written)
                    or _honorific_left_out(frame, text, written)
                    or _verbal_noun_without_verb(frame, text, written)
                    or _frame_noun_inside_a_compound(frame, text, written)
                )
                assert explained, (frame.stems[:3], _shown(text), "extra without a split noun or a longer spelling")
    assert checked > 300
    # a handful of texts (4 of 2,600 lines in session 17, 10 of 11,204 in session 23, 15 of 14,416 in session 26),
    # each explained above, not a different reading
    assert extra <= len(_corpus_texts()) // 900, extra
    assert "낭 종" in analyse("초음파에서 낭종이 보입니다.").lemmas  # why: the analysis misses this finding


def _split_frame_noun(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the analysis splits one of the frame's nouns (written as one word: a stem, or a word its pattern
    names, 붓기 → 붓 + 기) inside one of ``spans``."""
    tokens = analyse(text).tokens
    pattern = frame.roles[0].pattern
    for a, b in spans:
        inside = [token for token in tokens if a <= token.start and token.end <= b]
        for first, second in pairwise(inside):
            joined = first.form + second.form
            if first.end == second.start and (
                joined in frame.stems or re.search(rf"[|(:]{re.escape(joined)}[|)]", pattern)
            ):
                return True
    return False


def _frame_noun_inside_a_compound(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the analysis reads one of the frame's nouns as part of a longer noun it keeps whole (a compound such
    as 난소낭종 or 신장결석: one token, so the lemma pattern's word boundary before 낭종 is not there) inside one of
    ``spans``; the written reading finds the frame noun in it, as a reviewer does."""
    tokens = analyse(text).tokens
    for a, b in spans:
        for token in tokens:
            inside = token.start < b and a < token.end and token.tag.startswith("NN")
            if inside and any(stem in token.form and stem != token.form for stem in frame.stems):
                return True
    return False


def _honorific_left_out(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the frame's lemma pattern finds one of ``spans`` once the honorific 시 it names is optional: the
    written reading takes a verb with or without it (오시면 and 오면 alike), as a reviewer reads them."""
    plain = re.compile(frame.roles[0].pattern.replace(" 시 ", "(?: 시)? "))
    morphs = analyse(text)
    found = [morphs.span(*m.span()) for m in plain.finditer(morphs.lemmas) if m.end() > m.start()]
    return any(a < d and c < b for a, b in spans for c, d in found)


def _gap_spelled_longer(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the frame's lemma pattern finds one of ``spans`` once its character gaps (``{0,k}``) are doubled: the
    analysis spells the words between cue and verb longer than they are written (lemmas joined by spaces), so the
    same gap no longer reaches the verb. The written reading is right there, not a different reading."""
    widened = re.compile(re.sub(r"\{0,(\d+)\}", lambda m: f"{{0,{2 * int(m.group(1))}}}", frame.roles[0].pattern))
    morphs = analyse(text)
    found = [morphs.span(*m.span()) for m in widened.finditer(morphs.lemmas) if m.end() > m.start()]
    return any(a < d and c < b for a, b in spans for c, d in found)


def _l_dropped_verb_read_as_noun(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether one of ``spans`` holds a one-syllable noun of the analysis that is a frame verb's adnominal with its ㄹ
    dropped (열다 → 연, 만들다 → 만든's 만): Korean drops a stem's final ㄹ before ㄴ, and the analysis then reads the
    syllable as a noun (연 "year") or a determiner (연 as in "연 2회": "새로 연 콘택트렌즈 클리닉"), so the lemma pattern
    sees no verb where the written words have one."""
    pattern = frame.roles[0].pattern
    for token in analyse(text).tokens:
        if (
            not (token.tag.startswith("NN") or token.tag == "MM")
            or len(token.form) != 1
            or not any(a <= token.start < b for a, b in spans)
        ):
            continue
        code = ord(token.form) - 0xAC00
        if 0 <= code < 11172 and code % 28 == 4:  # a final ㄴ: the same syllable with final ㄹ (+4 in the block)
            stem = chr(0xAC00 + code + 4)
            if re.search(rf"[|(:]{stem}다[|)]", pattern):
                return True
    return False


def _verbal_noun_without_verb(frame: Frame, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether one of ``spans`` ends on a noun whose verb (noun + 하다/되다) the frame's lemma pattern names, with no
    하다 after it: a headline's "신규 도입" is the announcement "새로 도입했습니다" is, written without its verb."""
    pattern = frame.roles[0].pattern
    tokens = analyse(text).tokens
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        if not token.tag.startswith("NN") or not any(a < token.end <= b for a, b in spans):
            continue
        if after is not None and after.start == token.end and after.tag.startswith("XSV"):
            continue
        if re.search(rf"[|(:]{re.escape(token.form)} (?:하다|되다)[|)]", pattern):
            return True
    return False


def test_the_written_reading_agrees_with_the_analysis_on_everyday_sentences() -> None:
    """Frame by frame, the written reading finds a match exactly where the analysis finds one."""
    for text in (*EVERYDAY_EXAMPLES, *INFLECTED_EXAMPLES):
        norm = normalize(text)
        for frame in _lemma_frames():
            if not frame.cued(norm) or frame.stems_re is None or frame.stems_re.search(norm.text) is None:
                continue
            written, lemma = bool(_written_spans(frame, text)), bool(_lemma_spans(frame, text))
            assert written == lemma, (frame.stems[:3], _shown(text))  # texts stay out of pytest's assert report


def test_negation_in_writing_reads_what_the_analysis_reads() -> None:
    """At the end of every promotion word and every promotion/inducement frame match a negation can withdraw, of
    every cued corpus text (and examples), the written words give the analysis's verdict: negated or not.
    Comparison frames are never negated (a vice denied of oneself is the comparison), so their ends are not read:
    there the analysis misreads a clinic's name as a predicate ("튼튼치과에는" → 튼튼 + 하 + 지 + 과 in dev o004,
    "과잉진료, 튼튼치과에는 없습니다"), where the written words rightly read 없습니다 as the negation."""
    checked = negated = 0
    for text in (*_corpus_texts(), *NEGATION_EXAMPLES):
        if not is_cued(text):
            continue
        norm = normalize(text)
        ends = {m.end() for m in _PROMOTION_WORD_RE.finditer(text)}
        for ad_only in (False, True):
            ends |= {m.span[1] for m in frame_matches(norm, ad_only) if negatable(m)}
        for end in ends:
            checked += 1
            expected = negated_by_analysis(text, end)
            negated += expected
            written = negated_in_writing(text, end)  # not inside the assert: pytest would print the text
            assert written == expected, (_shown(text), end)
    assert checked > 200
    assert negated > 20


@pytest.mark.slow
def test_cue_groups_never_hide_a_lemma_match() -> None:
    """A lemma frame's cue groups are words its pattern cannot match without: on every corpus text where the
    pattern matches the analysis, every group has a word in the text."""
    checked = 0
    grouped = [frame for frame in _lemma_frames() if frame.also or frame.also_original]
    for text in _corpus_texts():  # texts outside: each is analysed once (the analysis cache keeps 1,024 texts)
        norm = normalize(text)
        for frame in grouped:
            if frame.stems_re is None or frame.stems_re.search(norm.text) is None:
                continue
            if _lemma_spans(frame, text):
                checked += 1
                assert frame.cued(norm), (frame.stems[:3], _shown(text))
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
                analysed = negated_by_analysis(text, end)
                assert analysed, (_shown(text), end)
    assert checked > 100
    assert not plainly_negated("본인부담금 없이 검진받으세요.", 5)  # "without a co-payment" offers one
    assert not plainly_negated("할인 불가능한 항목", 2)
    assert not plainly_negated("멍은 1주일 안에 없어집니다.", 9)  # 없어지다 "goes away" negates nothing
    assert not plainly_negated("잡티만 골라 없앱니다.", 6)  # 없애다 "removes" negates nothing, in any form
    assert not negated_in_writing("잡티만 골라 없앱니다.", 3)
    assert not negated_in_writing("점을 없앤 자리", 1)
    assert plainly_negated("할인은 없어요.", 2)


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
    """The frame matches of a plain loop over every frame of the scope, each role scanned whole (what the gram index
    and the gated alternations must equal)."""
    norm = normalize(norm_text)
    found: list[tuple[str, tuple[int, int]]] = []
    for frame in frames():
        if frame.ad_only != ad_only:
            continue
        spans = frame.find(norm, gated=False)
        if frame.kind != "window":
            spans = [s for s in spans if not frame.excepted_original(norm, s)]
        found.extend((frame.rule, span) for span in spans)
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_shown_texts()), min_size=1, max_size=3), st.booleans(), st.data())
def test_the_gram_index_finds_what_every_frame_finds(texts: list[str], ad_only: bool, data: st.DataObject) -> None:
    joined = " ".join(texts)
    cut = data.draw(st.integers(0, len(joined)))
    text = joined[cut:] if data.draw(st.booleans()) else joined
    found = [(m.rule, m.span) for m in frame_matches(normalize(text), ad_only)]
    assert found == _every_frame(text, ad_only)


def test_lint_text_of_ordinary_messages_stays_under_230_mb(tmp_path: Path) -> None:
    """Issue 18's bound on the real command: without the analyser ``lint-text`` peaked near 160 MB (session 18's frame
    files and 6.6 MB scorer.json bring it to ≈ 200 MB); once the analyser loads it is ≈ 470 MB, so this fails as soon as
    an ordinary message needs it again."""
    messages = messages_file(tmp_path / "messages.jsonl", 1)
    peak, code, _ = peak_rss_mb(doctorsflow("lint-text", str(messages)), server_env(tmp_path))
    assert code == 1  # the corpus holds error findings on purpose
    assert peak < 230, peak


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NEGATION_EXAMPLES), st.data(), st.text(max_size=60))
def test_negation_in_writing_reads_only_its_own_sentence(text: str, data: st.DataObject, tail: str) -> None:
    """Whatever follows the word's sentence (another sentence, any characters) does not change the reading."""
    end = data.draw(st.integers(0, len(text)))
    stop = min((i for i in (text.find(mark, end) for mark in ".!?") if i >= 0), default=len(text))
    sentence = text[:stop]
    assert negated_in_writing(sentence + ". " + tail, end) == negated_in_writing(sentence, end)


def test_a_vice_denied_of_oneself_is_a_comparison_not_a_withdrawn_offer() -> None:
    """A denial like "과잉진료 없는 정직한 치과" says the others overtreat: a negation does not withdraw a comparison
    frame's match, so a care channel flags it as advertising however negation is read (the analysis misreads the
    second line's clinic name; test_every_corpus_line_… checks dev o004 in both readings)."""
    for text in (
        "[하람치과] 과잉진료 없는 정직한 치과를 찾으신다면.",
        "[튼튼치과] 잇몸 다 망가뜨리는 과잉진료, 튼튼치과에는 없습니다.",
    ):
        assert "KAKAO-ALIMTALK-PROMO" in {f.rule for f in lint_text(text, "alimtalk", "informational")}, text
        norm = normalize(text)
        comparison = [m for m in frame_matches(norm, False) if m.rule == "PROMO"]
        assert comparison and not any(negatable(m) for m in comparison)
        assert any(negated_in_writing(text, m.span[1]) for m in comparison)  # the negation is read, and kept


def test_a_waived_charge_is_an_offer_in_both_readings() -> None:
    """'받지 않아요' after a fee waives it: the inducement before it stands, whichever reading is used."""
    text = "(광고) 친구와 같이 오시면 두 분 모두 두 번째 시술비를 받지 않아요."
    end = text.index("오시면") + len("오시면")
    assert not negated_in_writing(text, end) and not negated_by_analysis(text, end)
    assert negated_in_writing("(광고) 친구와 같이 오시면 할인은 진행하지 않아요.", end)
