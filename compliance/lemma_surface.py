"""Lemma patterns read on the written text: no morphology model (issue 18: the analyser costs ≈ 300 MB).

A lemma frame's pattern is written over the analyser's lemma string ("면제 하다", "돌리다 어 드리다",
"오다 시 면"). :func:`surface_pattern` rewrites it into a pattern over the original text that finds the same
phrases in their inflected forms, so linting never loads the analyser:

* a verb or adjective lemma (``…다``) becomes its stem with every form its last syllable takes when an ending
  fuses with it: 하다 → 하/해/했/한/할/함/합, 돌리다 → 돌리/돌려/돌렸/…, 열다 → 열/연/엽 (ㄹ drops before
  ㄴ/ㅂ/ㅅ), 바꾸다 → 바꿔/바꿨;
* an ending after a verb (어, 었, ᆫ, ᆯ, 시 …) becomes optional where it can fuse into the stem's syllable
  (해 = 하 + 어, 한 = 하 + ᆫ, 셔 = 시 + 어) and literal where it cannot (지, 게, 고, 면 → 으면/면);
* a space between lemmas becomes an optional space (the written text glues nouns, particles and endings);
  token boundaries ``(?:^| )`` / ``(?= |$)`` are dropped (a compound noun may be one written word).

The rewrite is a reading of the same phrase, not a proof: tests/compliance/test_model_free.py checks on every
corpus line that it finds a match exactly where the lemma pattern does, and that every corpus line gets the
same rule ids as with the analyser in four channel/purpose settings.
"""

from __future__ import annotations

import re

_HANGUL_BASE = 0xAC00
# final consonant indexes (jongseong) of the compatibility table
_N, _L, _M, _B, _SS = 4, 8, 16, 17, 20
# vowel (jungseong) index → the vowel it becomes when 어/아 fuses with it (ㅣ+어 → ㅕ, ㅗ+아 → ㅘ, ㅜ+어 → ㅝ …)
_FUSED_VOWEL = {20: 6, 8: 9, 13: 14, 11: 10, 18: 4, 0: 0, 4: 4, 1: 1, 5: 5, 6: 6}
_A, _EO = 0, 4
# endings that can fuse into the previous syllable (optional in the written form) and their spelled-out forms
_FUSIBLE = {
    "어": "(?:어|아|여)?",
    "아": "(?:어|아|여)?",
    "여": "(?:어|아|여)?",
    "었": "(?:었|았|였)?",
    "았": "(?:었|았|였)?",
    "였": "(?:었|았|였)?",
    "ᆫ": "(?:은|ᆫ)?",
    "ᆯ": "(?:을|ᆯ)?",
    "시": "(?:으?(?:시|셔|셨|세|신|실|십))?",
    "으시": "(?:으?(?:시|셔|셨|세|신|실|십))?",
}
# endings that stay written as syllables of their own
_LITERAL_ENDINGS = {"면": "으?면", "으면": "으?면", "기": "(?:기|길)", "게": "게", "지": "지", "고": "고", "는": "는"}
# stems the analyser returns for irregular written forms (ㅎ, ㅂ irregular adjectives)
_IRREGULAR = {"어떻": "(?:어떻|어떠|어때|어땠)", "고맙": "(?:고맙|고마)", "반갑": "(?:반갑|반가)"}
_PARTICLES = frozenset({"와", "과"})  # fused verb forms that are also particles
_PHRASES = {"새롭 (?:은|ᆫ)": "새로운", "새롭 게": "새롭게"}
_RUN_RE = re.compile(r"[가-힣ᆫᆯ]+(?: [가-힣ᆫᆯ]+)*")
_GAP_RE = re.compile(r"\{0,(\d+)\}")
# A gap of n lemma-string characters spans fewer written ones: the lemma string separates every morpheme by a
# space and spells verbs out (열었습니다 → 열다 었 습니다), about 4 characters for 3 written ones.
_GAP_SCALE = 0.75
_DROPPED = ("(?:^| )", "(?= |$)", "(?<![^ ])")


def _syllable(lead: int, vowel: int, final: int) -> str:
    return chr(_HANGUL_BASE + (lead * 21 + vowel) * 28 + final)


def _final(syllable: str) -> int:
    """The final consonant index of a Hangul syllable (-1 for anything else)."""
    code = ord(syllable) - _HANGUL_BASE
    return code % 28 if 0 <= code < 11172 else -1


def stem_forms(stem: str) -> str:
    """The written forms of a verb stem when endings fuse with its last syllable (a regular-expression group)."""
    if stem in _IRREGULAR:
        return _IRREGULAR[stem]
    head, last = stem[:-1], stem[-1]
    code = ord(last) - _HANGUL_BASE
    if not 0 <= code < 11172:
        return re.escape(stem)
    lead, vowel, final = code // 588, (code % 588) // 28, code % 28
    forms = {last}
    if final == 0:
        forms.update(_syllable(lead, vowel, f) for f in (_N, _L, _M, _B))
        if last == "하":
            forms.update(("해", "했"))
        elif vowel in _FUSED_VOWEL:
            fused = _FUSED_VOWEL[vowel]
            forms.update(_syllable(lead, fused, f) for f in (0, _SS))
            if vowel == 18:  # ㅡ drops, the ending's vowel stays: 모으 → 모아, 쓰 → 써
                forms.update(_syllable(lead, v, f) for v in (_A, _EO) for f in (0, _SS))
        else:
            forms.add(_syllable(lead, vowel, _SS))
    elif final == _L:  # ㄹ drops before ㄴ, ㅂ, ㅅ: 열다 → 연, 엽, 여시
        forms.update(_syllable(lead, vowel, f) for f in (_N, _B))
        forms.add(_syllable(lead, vowel, 0) + "(?=[시셔셨세신실십니네는])")
    alternatives = sorted(forms, key=lambda f: (-len(f), f))
    if not head:  # 오다 → 와, also the particle 와 (친구와 가족): the verb's 와 starts a word (함께 와 주세요)
        alternatives = [f"(?<![가-힣]){form}" if form in _PARTICLES else form for form in alternatives]
    return re.escape(head) + "(?:" + "|".join(alternatives) + ")"


def _run(run: str, word_start: bool = False) -> str:
    """One run of lemma-string tokens (``하다 어 보다``) as a written-text pattern. ``word_start``: the run begins an
    alternative of its own (``…|열다)``), so a one-syllable ㄹ verb there starts a written word: its forms 열/연/엽
    end many nouns (배열, 공연), which the analysis reads as nouns. Other verbs are often written glued to the noun
    before them (검진받아, 상담받으세요) and keep no such boundary."""
    out: list[str] = []
    after_verb = False
    for index, token in enumerate(run.split(" ")):
        if after_verb and token in _FUSIBLE:
            out.append(_FUSIBLE[token])
            continue
        if after_verb and token in _LITERAL_ENDINGS:
            out.append(r"\s?" + _LITERAL_ENDINGS[token])
            continue
        if out:
            out.append(r"\s?")
        if len(token) > 1 and token.endswith("다"):
            stem = token[:-1]
            lone = word_start and index == 0 and len(stem) == 1 and _final(stem) == _L
            out.append(("(?<![가-힣])" if lone else "") + stem_forms(stem))
            after_verb = True
        elif token in _IRREGULAR:
            out.append(_IRREGULAR[token])
            after_verb = True
        else:
            out.append(re.escape(token))
            after_verb = token in ("으시", "시")
    return "".join(out)


def surface_pattern(lemma_pattern: str) -> str:
    """``lemma_pattern`` (over the lemma string) rewritten to find the same phrases in the written text."""
    pattern = lemma_pattern
    for phrase, written in _PHRASES.items():
        pattern = pattern.replace(phrase, written)
    for boundary in _DROPPED:
        pattern = pattern.replace(boundary, "")
    pieces: list[str] = []
    pos = 0
    for m in _RUN_RE.finditer(pattern):
        before = pattern[pos : m.start()]
        pieces.append(before.replace(" ", r"\s?"))
        pieces.append(_run(m.group(0), word_start=before.endswith(("(?:", "|", "("))))
        pos = m.end()
    pieces.append(pattern[pos:].replace(" ", r"\s?"))
    return _GAP_RE.sub(lambda m: f"{{0,{round(int(m.group(1)) * _GAP_SCALE)}}}", "".join(pieces))
