"""Metamorphic robustness of the text rules: a message rewritten without changing its meaning must keep its findings.

A frame written from the lines its writer saw often fits their surface: one speech level (드립니다 but not 드려요),
one spelling of a word (무료 but not 공짜), one spacing, the clinic names and numbers of those lines, an envelope
that was (or was not) there. Each :class:`Rewrite` here changes one such surface and nothing the rules are about:

* speech level — 합니다체 ↔ 해요체 (``formal_to_polite``, ``polite_to_formal``) and the benefactive 해 드리다
  (``benefactive``: 할인합니다 → 할인해 드립니다, and back);
* synonyms from a short written list — 무료 ↔ 공짜 / 0원 / 비용 없이, 병원 ↔ 의원 / 클리닉 / 곳;
* sentence order (``sentence_order``: the body's first sentence moved to its end; label and footer stay);
* spacing (``spacing_tight`` / ``spacing_loose``: 해 드립니다 ↔ 해드립니다, 할 수 ↔ 할수, 무료 상담 ↔ 무료상담);
* numbers (``numbers``: 30% → 40%, 50만 원 → 60만 원; never a phone number, 100, 1 or 0, a date or a code);
* the clinic's name (``clinic_name``: another Korean name of the same kind; ``clinic_name_english``);
* the envelope (``envelope_off``: no "(광고)" label, opt-out footer or bracketed sender; ``envelope_on``: added;
  ``line_breaks``: one line ↔ one line per part);
* procedure names Korean ↔ English (``procedure_english``: 보톡스 → Botox; ``procedure_korean``: back).

``measure`` lints each training line and its rewrites: of the (line, rule) findings a line is labelled with and
the checker finds, the share still found on each rewrite (``kept``); of the clean traps the checker leaves clean,
the share still clean; and the labelled-clean findings a rewrite adds. A rewrite ``spares`` the rules it may
rightly change (the envelope's ADV-LABEL, a risk footer's MSA-OMIT-RISK). ``python -m compliance.metamorphic``
prints the figures and the lost findings; ``bench/bench_metamorphic.py`` reports them (``lint.metamorphic_kept``).
Only training files are read (:func:`.scorer_train.training_splits`: never a held-out or *unseen* file).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .corpus_score import UNLABELLED, load
from .text_rules import lint_text

# ---------------------------------------------------------------------------------------------------------------
# Hangul syllables (speech levels need the final consonant and the vowel of a syllable)

_BASE, _LAST = 0xAC00, 0xD7A3
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG_OF_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"  # initial consonants, by index


def _parts(syllable: str) -> tuple[int, int, int] | None:
    """(initial, vowel, final) indices of a Hangul syllable, or None."""
    code = ord(syllable) - _BASE
    if not 0 <= code <= _LAST - _BASE:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _join(initial: int, vowel: int, final: int = 0) -> str:
    return chr(_BASE + initial * 588 + vowel * 28 + final)


def _final(syllable: str) -> str:
    parts = _parts(syllable)
    return _JONG[parts[2]].strip() if parts else ""


def _with_final(syllable: str, final: str) -> str:
    parts = _parts(syllable)
    if parts is None:
        return syllable
    return _join(parts[0], parts[1], _JONG.index(final) if final else 0)


def _vowel(syllable: str) -> str:
    parts = _parts(syllable)
    return _JUNG[parts[1]] if parts else ""


def _with_vowel(syllable: str, vowel: str) -> str:
    parts = _parts(syllable)
    if parts is None:
        return syllable
    return _join(parts[0], _JUNG.index(vowel), parts[2])


def _bright(syllable: str) -> bool:
    """Vowel harmony: a stem whose last vowel is ㅏ or ㅗ takes 아, any other 어."""
    return _vowel(syllable) in ("ㅏ", "ㅗ", "ㅑ")


# ---------------------------------------------------------------------------------------------------------------
# Speech levels

_END = r"(?=[\s.!?,~)\"'’”…·:;]|$)"  # a word ends here
_FORMAL_RE = re.compile(r"([가-힣]*?)([가-힣])니다" + _END)
_B_REGULAR = frozenset("잡입좁씹뽑접업집굽")  # ㅂ stems that stay regular (잡아요), the others drop ㅂ (쉬워요)
_D_IRREGULAR = {"듣": "들", "걷": "걸", "싣": "실", "닫": "닫", "묻": "물"}  # ㄷ → ㄹ before a vowel (들어요)
_S_IRREGULAR = frozenset("낫짓붓잇긋")  # ㅅ dropped before a vowel (부어요)
_H_ADJECTIVES = {"그렇": "그래", "이렇": "이래", "저렇": "저래", "어떻": "어때"}
_REU_REGULAR = frozenset({"따르", "치르", "들르"})  # 르 stems that only drop ㅡ (따라요)


def _polite_stem(stem: str) -> str | None:
    """해요체 of a verb or adjective stem (받 → 받아, 드리 → 드려, 하 → 해), without 요; None when unsure."""
    if not stem:  # a bare "습니다" with nothing before it
        return None
    last, before = stem[-1], stem[:-1]
    final = _final(last)
    if not _parts(last):
        return None
    if final:
        if final == "ㅆ":  # 있, 했, 겠, 았
            return stem + "어"
        if stem[-2:] in _H_ADJECTIVES:
            return before[:-1] + _H_ADJECTIVES[stem[-2:]]
        if final == "ㅂ" and last not in _B_REGULAR:
            bare = _with_final(last, "")
            return before + bare + ("와" if bare in ("도", "고") else "워")
        if final == "ㄷ" and last in _D_IRREGULAR:
            return before + _D_IRREGULAR[last] + ("아" if _bright(last) else "어")
        if final == "ㅅ" and last in _S_IRREGULAR:
            return before + _with_final(last, "") + ("아" if _bright(last) else "어")
        if final == "ㄹ":  # 알 → 알아, 만들 → 만들어
            return stem + ("아" if _bright(last) else "어")
        return stem + ("아" if _bright(last) else "어")
    if last == "하":
        return before + "해"
    if last == "되":
        return before + "돼"
    if last == "르" and before and stem[-2:] not in _REU_REGULAR:
        prev = before[-1]
        if _final(prev):
            return None
        return before[:-1] + _with_final(prev, "ㄹ") + ("라" if _bright(prev) else "러")
    vowel = _vowel(last)
    if vowel == "ㅡ":
        prev_bright = bool(before) and _bright(before[-1])
        return before + _with_vowel(last, "ㅏ" if prev_bright else "ㅓ")
    if vowel == "ㅣ":
        return before + _with_vowel(last, "ㅕ")
    if vowel == "ㅗ":
        return before + _with_vowel(last, "ㅘ")
    if vowel == "ㅜ":
        return before + _with_vowel(last, "ㅝ")
    if vowel in ("ㅏ", "ㅓ", "ㅐ", "ㅔ", "ㅕ", "ㅒ"):
        return stem
    return None


def _to_polite(m: re.Match[str]) -> str:
    head, syllable = m.group(1), m.group(2)
    if syllable == "습":  # 받습니다, 있습니다
        stem = head
    elif _final(syllable) == "ㅂ":  # 합니다 = 하 + ㅂ니다
        bare = _with_final(syllable, "")
        if bare == "이":  # 입니다: 전문이에요, 치과예요
            if not head:
                return m.group(0)
            return head + ("이에요" if _final(head[-1]) or not _parts(head[-1]) else "예요")
        if bare == "니" and head.endswith("아"):  # 아닙니다 → 아니에요
            return head + "니에요"
        if bare == "시":  # 하십니다 → 하세요
            return head + "세요"
        if bare == "다" and head:  # 웃었답니다 → 웃었대요 (what someone said)
            return head + "대요"
        if bare == "라" and head.endswith("이"):  # 전문이랍니다 → 전문이래요
            return head + "래요"
        stem = head + bare
    else:
        return m.group(0)
    polite = _polite_stem(stem)
    return polite + "요" if polite else m.group(0)


def formal_to_polite(text: str) -> str:
    """합니다체 → 해요체: 드립니다 → 드려요, 있습니다 → 있어요, 치과입니다 → 치과예요."""
    return _FORMAL_RE.sub(_to_polite, text)


_POLITE_RE = re.compile(r"([가-힣]*?)([가-힣])요" + _END)
# endings that are not a plain statement in 해요체 (questions, hearsay, promises): left as they are
_NOT_PLAIN = ("지요", "죠", "네요", "군요", "까요", "나요", "래요", "대요", "세요", "데요", "게요", "구요", "고요")
_POLITE_FIXED = {
    "해": "합니다",
    "돼": "됩니다",
    "도와": "돕습니다",
    "이에": "입니다",
    "예": "입니다",
    "거예": "것입니다",
}


def _to_formal(m: re.Match[str]) -> str:
    word = m.group(0)
    head, syllable = m.group(1), m.group(2)
    if m.string.startswith("?", m.end()) or (syllable == "가" and head and _final(head[-1]) == "ㄴ"):
        return word  # a question (없으신가요?) keeps its ending
    if any(word.endswith(ending) for ending in _NOT_PLAIN) or (not head and syllable not in _POLITE_FIXED):
        if len(word) >= 3 and word.endswith("게요") and _final(word[-3]) == "ㄹ":
            stem_last = word[-3]
            return word[:-3] + _with_final(stem_last, "") + "겠습니다"  # 드릴게요 → 드리겠습니다
        return word
    for tail, formal in (("거예", "것입니다"), ("이에", "입니다")):
        if (head + syllable).endswith(tail):
            return (head + syllable)[: -len(tail)] + formal
    if syllable == "예":
        return head + "입니다"
    if syllable == "해":
        return head + "합니다"
    if syllable == "돼":
        return head + "됩니다"
    if (head + syllable).endswith("도와"):
        return (head + syllable)[:-2] + "돕습니다"
    vowel, final = _vowel(syllable), _final(syllable)
    if syllable in ("아", "어") and head:  # 받아요, 있어요 → 받습니다, 있습니다
        stem_last = head[-1]
        stem_final = _final(stem_last)
        if not stem_final:
            return word
        if stem_final == "ㄹ":  # 알아요 → 압니다
            return head[:-1] + _with_final(stem_last, "ㅂ") + "니다"
        return head + "습니다"
    if final:
        return word
    if vowel == "ㅕ" and head:  # 드려요 → 드립니다, 남겨요 → 남깁니다
        return head + _with_final(_with_vowel(syllable, "ㅣ"), "ㅂ") + "니다"
    if vowel == "ㅘ" and syllable != "와":  # 봐요 → 봅니다
        return head + _with_final(_with_vowel(syllable, "ㅗ"), "ㅂ") + "니다"
    if vowel == "ㅝ" and syllable != "워":  # 줘요 → 줍니다
        return head + _with_final(_with_vowel(syllable, "ㅜ"), "ㅂ") + "니다"
    if syllable in ("아", "어", "와", "워", "라", "러", "나"):
        return word  # 르 and ㅂ stems, questions: unsure
    initial = _JONG_OF_INITIAL[(_parts(syllable) or (0, 0, 0))[0]]
    if (vowel == "ㅓ" and syllable != "서") or (vowel == "ㅏ" and initial in ("ㅃ", "ㅍ")):
        return head + _with_final(_with_vowel(syllable, "ㅡ"), "ㅂ") + "니다"  # 써요 → 씁니다, 아파요 → 아픕니다
    if vowel in ("ㅏ", "ㅓ", "ㅐ", "ㅔ"):
        return head + _with_final(syllable, "ㅂ") + "니다"  # 가요 → 갑니다, 보내요 → 보냅니다
    return word


def polite_to_formal(text: str) -> str:
    """해요체 → 합니다체: 드려요 → 드립니다, 없어요 → 없습니다, 드릴게요 → 드리겠습니다 (questions left alone)."""
    return _POLITE_RE.sub(_to_formal, text)


# Sino-Korean action nouns whose 하다 verb a clinic does *for* the patient (할인해 드립니다, 환불해 드려요)
_ACTION_NOUNS = (
    "안내|할인|제공|지원|진행|상담|예약|증정|적립|환불|보장|약속|관리|시술|치료|교체|처리|확인|준비|발송|연락|추천|"
    "소개|설명|책임|보상|교정|재수술|면제|반환|환급|케어|서비스|초대|선물|대접|픽업|점검|재시술"
)
_BENEFACTIVE_ON_RE = re.compile(rf"({_ACTION_NOUNS})(합니다|해요|드립니다|드려요)" + _END)
_BENEFACTIVE_OFF_RE = re.compile(rf"({_ACTION_NOUNS})해 ?(드립니다|드려요)" + _END)


def benefactive(text: str) -> str:
    """The benefactive 해 드리다 added (할인합니다 → 할인해 드립니다) or, where it is there, taken away."""
    if _BENEFACTIVE_OFF_RE.search(text):
        return _BENEFACTIVE_OFF_RE.sub(lambda m: m.group(1) + ("합니다" if m.group(2) == "드립니다" else "해요"), text)
    return _BENEFACTIVE_ON_RE.sub(
        lambda m: m.group(1) + ("해 드립니다" if m.group(2) in ("합니다", "드립니다") else "해 드려요"), text
    )


# ---------------------------------------------------------------------------------------------------------------
# The envelope: "(광고)" label and sender at the head, the opt-out footer at the tail

_LABEL_RE = re.compile(r"^\s*\(광고\)[ \t]*\n?[ \t]*")
_BRACKET_HEAD_RE = re.compile(r"^\s*\[[^\]\n]{2,30}\][ \t]*\n?[ \t]*")
_OPTOUT_RE = re.compile(
    r"[ \t]*\n?[ \t]*(?:[(\[]?\s*)?(?:무료\s*수신\s*거부|무료\s*거부|수신\s*거부|수신을\s*원하지|수신을\s*원치|"
    r"opt[- ]?out|reply stop|to unsubscribe|unsubscribe)[^\n]*$",
    re.I,
)
_KINDS = (
    "한방병원|치과병원|성형외과|피부과|정형외과|한의원|치과|안과|의원|병원|클리닉|내과|외과|산부인과|이비인후과|"
    "비뇨의학과|비뇨기과|재활의학과|가정의학과|소아청소년과|정신건강의학과|영상의학과|검진센터|센터"
)
_NAME_RE = re.compile(rf"([가-힣A-Za-z]{{1,12}}?)({_KINDS})(?![가-힣])")


def _optout(text: str) -> re.Match[str] | None:
    """The opt-out footer at the end of ``text`` (its last line or last clause)."""
    return _OPTOUT_RE.search(text)


def _split(text: str) -> tuple[str, str, str]:
    """(head, body, tail): the label and sender, the content, the opt-out footer."""
    head_end = 0
    label = _LABEL_RE.match(text)
    if label:
        head_end = label.end()
        bracket = _BRACKET_HEAD_RE.match(text, head_end)
        name = _NAME_RE.match(text, head_end)
        if bracket:
            head_end = bracket.end()
        elif name:
            head_end = name.end()
            while head_end < len(text) and text[head_end] in " \t\n":
                head_end += 1
    else:
        bracket = _BRACKET_HEAD_RE.match(text)
        if bracket:
            head_end = bracket.end()
    tail = _optout(text)
    tail_start = tail.start() if tail and tail.start() >= head_end else len(text)
    return text[:head_end], text[head_end:tail_start], text[tail_start:]


def _in_body(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """``rewrite`` applied to the message's content only: label, sender and opt-out footer stay as written."""

    def apply(text: str) -> str:
        head, body, tail = _split(text)
        return head + rewrite(body) + tail

    apply.__doc__ = rewrite.__doc__
    return apply


def envelope_off(text: str) -> str:
    """The "(광고)" label, a bracketed sender and the opt-out footer taken away (the content alone)."""
    head, body, tail = _split(text)
    if not head and not tail:
        return text
    # a sender written after the label stays (it is the content's subject), a bracket or the label goes
    label = _LABEL_RE.match(head)
    rest = head[label.end() :] if label else head
    if _BRACKET_HEAD_RE.fullmatch(rest):
        rest = ""
    return (rest + body).strip()


_OPTOUT_FOOTER = "무료수신거부 080-500-1234"


def envelope_on(text: str, purpose: str = "advertising") -> str:
    """What an advertising message's envelope lacks added ("(광고)" at the head, an opt-out footer at the tail); an
    informational message gets its sender in brackets."""
    if not text.strip():
        return text
    if purpose != "advertising":
        return text if _BRACKET_HEAD_RE.match(text) or _LABEL_RE.match(text) else "[새솔의원] " + text
    out = text if _LABEL_RE.match(text) else "(광고) " + text.lstrip()
    if _optout(out) is None:
        out = out.rstrip() + " " + _OPTOUT_FOOTER
    return out


def line_breaks(text: str) -> str:
    """One line per part (label and sender, each sentence, the footer) for a one-line message; a message on
    several lines joined into one."""
    if "\n" in text.strip():
        return re.sub(r"[ \t]*\n+[ \t]*", " ", text.strip())
    head, body, tail = _split(text)
    parts = [head.strip(), *(s.strip() for s in _sentences(body)), tail.strip()]
    return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------------------------------------------------------
# Sentence order, spacing, synonyms, numbers, names

_SENTENCE_RE = re.compile(
    r"(?:[^.!?\n]|(?<=\b(?:No|no|Dr|dr|vs|Mr|Ms|St))\.|[.!?](?![.!?]*(?:\s|$)))+(?:[.!?]+(?=\s|$)|\n|$)"
)
# a sentence that answers or continues the one before it stays with it (치과 가기 무서우셨죠? 저희는 달라요.)
_CONTINUES_RE = re.compile(
    r"\s*(?:저희|우리|그래서|그런데|하지만|그러니|그러나|그렇다면|이제|여기|이곳|이번엔|그건|이건|그게|반면|대신|"
    r"we\b|our\b|but\b|so\b|that\b|this\b|it\b|here\b|instead\b)",
    re.I,
)


def _sentences(body: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE_RE.finditer(body) if m.group(0).strip()]


def sentence_order(body: str) -> str:
    """The content's first sentence (with the sentences that answer or continue it) moved after the others:
    a message says the same in another order. Every sentence keeps a closing stop, as writers put one between
    sentences."""
    groups: list[list[str]] = []
    for sentence in (s.strip() for s in _sentences(body)):
        if groups and (groups[-1][-1].endswith("?") or _CONTINUES_RE.match(sentence)):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    if len(groups) < 2:
        return body
    lead = re.match(r"\s*", body)
    ordered = [s if re.search(r"[.!?。]$", s) else s + "." for group in [*groups[1:], groups[0]] for s in group]
    joiner = "\n" if "\n" in body.strip() else " "
    trail = body[len(body.rstrip()) :]
    return (lead.group(0) if lead else "") + joiner.join(ordered) + trail


# auxiliaries and bound nouns written apart or together (both are seen in real messages)
_AUX = r"(?:드립니다|드려요|드릴게요|드리며|드리고|드려|드린|드릴|보세요|봐요|주세요|줘요|있습니다|있어요|수|것|거예요)"
_TIGHT_RE = re.compile(rf"(?<=[가-힣]) (?={_AUX}(?![가-힣]))|(?<=무료) (?=[가-힣])|(?<=할) (?=수 )")
_LOOSE_RE = re.compile(
    r"(?<=[아어해여워와려])(?=(?:드립니다|드려요|드릴게요|드려|드린|드릴|보세요|봐요|주세요|줘요)(?![가-힣]))"
    r"|(?<=무료)(?=[가-힣]{2})(?!수신|거부)|(?<=할)(?=수(?:있|없))"
)
_LOOSE_VERB_RE = re.compile(rf"({_ACTION_NOUNS})(?=(?:합니다|해요)(?![가-힣]))")


def spacing_tight(body: str) -> str:
    """Spaces before auxiliaries and bound nouns dropped, as hurried writers do: 해 드립니다 → 해드립니다,
    할 수 → 할수, 무료 상담 → 무료상담."""
    return _TIGHT_RE.sub("", body)


def spacing_loose(body: str) -> str:
    """Spaces put before auxiliaries, bound nouns and 하다: 해드립니다 → 해 드립니다, 할수있어요 → 할 수있어요,
    무료상담 → 무료 상담, 할인합니다 → 할인 합니다."""
    return _LOOSE_VERB_RE.sub(r"\1 ", _LOOSE_RE.sub(" ", body))


_FREE_RE = re.compile(r"무료(?!\s*(?:수신|거부|차단|전화|통화|080))")


def free_gongjja(body: str) -> str:
    """무료 → 공짜 (무료로 → 공짜로)."""
    return _FREE_RE.sub("공짜", body)


def free_cost(body: str) -> str:
    """무료로 → 비용 없이; 무료 before a noun → 0원; 공짜 / 0원 / 비용 없이 → 무료 where the message has no 무료."""
    if not _FREE_RE.search(body):
        body = re.sub(r"공짜로|비용 없이|0원으로", "무료로", body)
        return re.sub(r"공짜|(?<![0-9,])0원", "무료", body)
    body = re.sub(r"무료로(?!\s*(?:수신|거부))", "비용 없이", body)
    return _FREE_RE.sub("0원", body)


_OTHER_PLACE_RE = re.compile(
    r"(다른|여러|어느|이런|그런|저런|모든|가는|다니던|다닌|다녀 본)(\s*)(?:병원|의원|클리닉)(?![가-힣]{2})"
)
# the word standing alone (다른 병원에서, 타 병원, 큰 병원): not a compound (대학병원, 요양병원) or a name's end
_WORD_RE = re.compile(r"(?<![가-힣])(병원|의원|클리닉)(?!급|님|장)")
_NEXT_WORD = {"병원": "클리닉", "의원": "병원", "클리닉": "의원"}


def clinic_word(body: str) -> str:
    """병원 → 클리닉, 의원 → 병원, 클리닉 → 의원 where the word stands alone, and after a determiner (다른 병원,
    여러 병원) → 곳 (다른 곳, 여러 곳)."""
    body = _OTHER_PLACE_RE.sub(lambda m: m.group(1) + (m.group(2) or " ") + "곳", body)
    return _WORD_RE.sub(lambda m: _NEXT_WORD[m.group(1)], body)


# numbers: a price, a share, a count (never a phone number, a code, a date, 100, 1 or 0)
_NUMBER_RE = re.compile(
    r"(?<![0-9A-Za-z\-./:+])([1-9][0-9]{0,2}(?:,[0-9]{3})*|[1-9][0-9]*)(?:\.[0-9]+)?"
    r"(?![0-9\-/:+]|\.[0-9]|\s*(?:월|일|시(?!간)|분|층|호|번|년생|세\b)|[A-Za-z]{0,1}[0-9])"
)


def _bump(m: re.Match[str]) -> str:
    digits = m.group(1)
    if digits.replace(",", "") in ("1", "100", "0"):
        return m.group(0)
    if m.string.startswith("%", m.end()) and int(digits.replace(",", "")) >= 90:
        return m.group(0)  # 99% is near-certainty: 89% would say something else
    lead = int(digits[0])
    new = str(lead + 1 if lead < 9 else lead - 1)
    return new + m.group(0)[1:]


def numbers(body: str) -> str:
    """Every price, share and count with its first digit changed (30% → 40%, 50만 원 → 60만 원)."""
    return _NUMBER_RE.sub(_bump, body)


_NAME_PREFIXES = ("새솔", "한결")


def _rename(text: str, name_of: Callable[[str, str], str]) -> str:
    """The sender's name (after the label or in the opening bracket) replaced everywhere by ``name_of(prefix,
    kind)``; a message naming no clinic at its head is left alone."""
    label = _LABEL_RE.match(text)
    start = label.end() if label else 0
    bracket = re.match(r"\s*\[", text[start:])
    if bracket:
        start += bracket.end()
    name = _NAME_RE.match(text, start)
    if name is None:
        return text
    prefix, kind = name.group(1), name.group(2)
    if len(prefix) < 2:
        return text
    new = name_of(prefix, kind)
    out = text.replace(prefix + kind, new)
    # the short name used later in the message (화이트라인 for 화이트라인치과)
    short = name_of(prefix, "").strip()
    if len(prefix) < 3:  # a two-syllable name is also a word (미소, 바른): left alone in the content
        return out
    return re.sub(rf"{re.escape(prefix)}(?=[\s,.!?이가은는을를의에와과도만])", short, out)


def clinic_name(text: str) -> str:
    """The sender renamed (모아모발의원 → 새솔의원): no rule may hang on the names of the lines it was written for."""
    return _rename(
        text, lambda prefix, kind: (_NAME_PREFIXES[1] if prefix == _NAME_PREFIXES[0] else _NAME_PREFIXES[0]) + kind
    )


_KIND_ENGLISH = {
    "치과": "Dental", "치과병원": "Dental", "안과": "Eye Clinic", "피부과": "Dermatology", "성형외과": "Plastic Surgery",
    "한의원": "Korean Medicine Clinic", "한방병원": "Korean Medicine Hospital", "정형외과": "Orthopedics",
    "병원": "Hospital", "내과": "Internal Medicine",
}  # fmt: skip


def clinic_name_english(text: str) -> str:
    """The sender named in English (다온치과 → Saesol Dental), as many clinics write it."""
    return _rename(text, lambda prefix, kind: ("Saesol " + _KIND_ENGLISH.get(kind, "Clinic")) if kind else "Saesol")


# Korean ↔ English procedure names (the names clinics write in both)
_PROCEDURES = (
    ("보톡스", "Botox"), ("필러", "filler"), ("스마일라식", "SMILE LASIK"), ("라식", "LASIK"), ("라섹", "LASEK"),
    ("임플란트", "implant"), ("쌍꺼풀 수술", "double eyelid surgery"), ("쌍꺼풀", "double eyelid"),
    ("지방흡입", "liposuction"), ("레이저 토닝", "laser toning"), ("레이저토닝", "laser toning"),
    ("코성형", "rhinoplasty"), ("코 성형", "rhinoplasty"), ("울쎄라", "Ulthera"), ("써마지", "Thermage"),
    ("백내장 수술", "cataract surgery"), ("제모", "hair removal"), ("리프팅", "lifting"),
    ("스킨부스터", "skin booster"), ("치아미백", "teeth whitening"), ("라미네이트", "laminate"),
)  # fmt: skip
_KO_TO_EN = re.compile("|".join(re.escape(ko) for ko, _ in _PROCEDURES))
# an English name in a Korean sentence (a Hangul word next to it): inside an English sentence it stays English
_EN_TO_KO = re.compile(
    "|".join(
        rf"(?:(?<=[가-힣] )|(?<=[가-힣]))\b{re.escape(en)}s?\b|\b{re.escape(en)}s?\b(?=\s?[가-힣])"
        for _, en in _PROCEDURES
    ),
    re.I,
)
_KO_OF = {en.lower(): ko for ko, en in reversed(_PROCEDURES)}


def procedure_english(body: str) -> str:
    """Korean procedure names written in English (보톡스 → Botox, 라식 → LASIK)."""
    return _KO_TO_EN.sub(lambda m: dict(_PROCEDURES)[m.group(0)], body)


def procedure_korean(body: str) -> str:
    """English procedure names written in Korean (Botox → 보톡스, implants → 임플란트)."""

    def korean(m: re.Match[str]) -> str:
        key = m.group(0).lower()
        if key not in _KO_OF and key.endswith("s"):
            key = key[:-1]
        return _KO_OF.get(key, m.group(0))

    return _EN_TO_KO.sub(korean, body)


# ---------------------------------------------------------------------------------------------------------------
# The rewrites and the measure

_ENVELOPE_RULES = frozenset({"ADV-LABEL", "ADV-OPTOUT", "ADV-SENDER"})


@dataclass(frozen=True)
class Rewrite:
    name: str
    apply: Callable[[str, str], str]  # (text, purpose) → rewritten text
    spares: frozenset[str] = frozenset()  # rules the rewrite may rightly change


def _body(rewrite: Callable[[str], str]) -> Callable[[str, str], str]:
    wrapped = _in_body(rewrite)
    return lambda text, _purpose: wrapped(text)


def _whole(rewrite: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda text, _purpose: rewrite(text)


REWRITES: tuple[Rewrite, ...] = (
    Rewrite("formal_to_polite", _body(formal_to_polite)),
    Rewrite("polite_to_formal", _body(polite_to_formal)),
    Rewrite("benefactive", _body(benefactive)),
    Rewrite("free_gongjja", _body(free_gongjja)),
    Rewrite("free_cost", _body(free_cost)),
    Rewrite("clinic_word", _body(clinic_word)),
    Rewrite("sentence_order", _body(sentence_order)),
    Rewrite("spacing_tight", _body(spacing_tight)),
    Rewrite("spacing_loose", _body(spacing_loose)),
    Rewrite("numbers", _body(numbers), frozenset({"MSG-SMS-LENGTH"})),
    Rewrite("clinic_name", _whole(clinic_name)),
    Rewrite("clinic_name_english", _whole(clinic_name_english), frozenset({"ADV-SENDER"})),
    Rewrite("envelope_off", _whole(envelope_off), _ENVELOPE_RULES),
    Rewrite("envelope_on", envelope_on, _ENVELOPE_RULES),
    Rewrite("line_breaks", _whole(line_breaks)),
    Rewrite("procedure_english", _body(procedure_english), frozenset({"MSA-OMIT-RISK"})),
    Rewrite("procedure_korean", _body(procedure_korean), frozenset({"MSA-OMIT-RISK"})),
)
REWRITE_NAMES = tuple(r.name for r in REWRITES)


@dataclass
class Lost:
    """A finding a rewrite lost (or, for a clean trap, a finding it added)."""

    file: str
    id: str
    rule: str
    rewrite: str
    before: str
    after: str


@dataclass
class MetaScore:
    kept: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rewrite, rule) → findings kept
    total: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rewrite, rule) → findings tried
    clean_kept: Counter[str] = field(default_factory=Counter)  # rewrite → clean traps still clean
    clean_total: Counter[str] = field(default_factory=Counter)
    added: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rewrite, rule) → false findings added
    lost: list[Lost] = field(default_factory=list)
    broken: list[Lost] = field(default_factory=list)  # clean traps a rewrite made unclean, and false additions

    def ratio(self, rewrite: str | None = None, rule: str | None = None) -> float:
        keys = [k for k in self.total if (rewrite is None or k[0] == rewrite) and (rule is None or k[1] == rule)]
        total = sum(self.total[k] for k in keys)
        return sum(self.kept[k] for k in keys) / total if total else 1.0

    def count(self, rewrite: str | None = None, rule: str | None = None) -> int:
        return sum(
            n for k, n in self.total.items() if (rewrite is None or k[0] == rewrite) and (rule is None or k[1] == rule)
        )

    def clean_ratio(self, rewrite: str | None = None) -> float:
        keys = [k for k in self.clean_total if rewrite is None or k == rewrite]
        total = sum(self.clean_total[k] for k in keys)
        return sum(self.clean_kept[k] for k in keys) / total if total else 1.0

    def rules(self) -> list[str]:
        return sorted({rule for _, rule in self.total})


def _labelled(text: str, channel: str, purpose: str) -> set[str]:
    return {f.rule for f in lint_text(text, channel, purpose)} - UNLABELLED


def training_files() -> list[str]:
    """The corpus files rules may be written against (the scorer's training files: never held out)."""
    from .scorer_train import training_splits  # the one list of training files

    return training_splits()


def measure(
    files: Iterable[str] | None = None,
    rewrites: Iterable[Rewrite] = REWRITES,
    rows: Iterable[tuple[str, dict[str, Any]]] | None = None,
) -> MetaScore:
    """Lint every line of ``files`` (default: :func:`training_files`) and its rewrites."""
    if rows is None:
        rows = ((name, row) for name in (files if files is not None else training_files()) for row in load(name))
    chosen = tuple(rewrites)
    result = MetaScore()
    for name, row in rows:
        text, channel, purpose = row["text"], row["channel"], row["purpose"]
        expected = set(row["expected"])
        found = _labelled(text, channel, purpose)
        caught = found & expected
        clean = not expected and not found
        if not caught and not clean:
            continue
        for rewrite in chosen:
            changed = rewrite.apply(text, purpose)
            if changed == text or not changed.strip():
                continue
            after = _labelled(changed, channel, purpose)
            for rule in sorted(caught - rewrite.spares):
                result.total[rewrite.name, rule] += 1
                if rule in after:
                    result.kept[rewrite.name, rule] += 1
                else:
                    result.lost.append(Lost(name, str(row["id"]), rule, rewrite.name, text, changed))
            false_added = after - expected - found - rewrite.spares
            for rule in sorted(false_added):
                result.added[rewrite.name, rule] += 1
                result.broken.append(Lost(name, str(row["id"]), rule, rewrite.name, text, changed))
            if clean:
                result.clean_total[rewrite.name] += 1
                if not false_added:
                    result.clean_kept[rewrite.name] += 1
    return result


def report(result: MetaScore) -> Iterable[str]:
    """Lines of a plain-text summary: per rewrite, per rule, then the clean traps."""
    yield f"kept {result.ratio():.3f} of {result.count()} (line, rule, rewrite) findings; "
    yield f"clean traps still clean {result.clean_ratio():.3f} of {sum(result.clean_total.values())}"
    yield f"false findings added {sum(result.added.values())}"
    yield "-- per rewrite: kept / tried, clean kept / tried, added"
    for name in REWRITE_NAMES:
        added = sum(n for (r, _), n in result.added.items() if r == name)
        yield (
            f"{name:22} {result.ratio(name):.3f} / {result.count(name):5}   "
            f"clean {result.clean_ratio(name):.3f} / {result.clean_total[name]:4}   added {added}"
        )
    yield "-- per rule: kept / tried"
    for rule in result.rules():
        yield f"{rule:26} {result.ratio(rule=rule):.3f} / {result.count(rule=rule)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="metamorphic robustness of the text rules on the training files")
    parser.add_argument("--files", nargs="*", help="corpus file names (default: every training file)")
    parser.add_argument("--rewrite", nargs="*", choices=REWRITE_NAMES, help="only these rewrites")
    parser.add_argument("--rule", help="show the lost findings of this rule only")
    parser.add_argument("--show", type=int, default=0, help="print this many lost findings and broken clean traps")
    args = parser.parse_args(argv)
    chosen = [r for r in REWRITES if not args.rewrite or r.name in args.rewrite]
    result = measure(args.files or None, chosen)
    for line in report(result):
        print(line)
    if args.show:
        lost = [x for x in result.lost if not args.rule or x.rule == args.rule]
        print(f"-- lost ({len(lost)})")
        for x in lost[: args.show]:
            print(f"{x.rewrite} {x.rule} {x.file}:{x.id}\n  - {x.before!r}\n  + {x.after!r}")
        broken = [x for x in result.broken if not args.rule or x.rule == args.rule]
        print(f"-- added ({len(broken)})")
        for x in broken[: args.show]:
            print(f"{x.rewrite} {x.rule} {x.file}:{x.id}\n  - {x.before!r}\n  + {x.after!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
