"""MSA-DEFAME as a second step on a comparison (issue 17).

A comparison with other clinics (MSA-COMPARISON) becomes a disparagement (MSA-DEFAME, 의료법 제56조 제2항 제5호)
when its sentence passes a negative verdict on the other party or its methods: failure or damage, rushing,
overtreatment, fraud, neglect, incompetence. The per-rule scorer cannot draw that line over all advertising lines
(no threshold kept 0.95 precision), but inside a sentence that already names or implies another provider a
short list of verdict words does. The words (``rules/defame_cues.json``) are read on the compact text of that
sentence only, never on a risk notice or an opt-out footer (their "부작용" is about the sender), so a plain
comparison ("다른 치과 견적서를 가져오시면 비교해 드립니다") stays a comparison. Model-free.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache

from .findings import RULES_DIR, Finding, make_finding
from .normalize import Normalized, normalize

Span = tuple[int, int]
# a sentence ends at a full stop, question or exclamation mark or a line break; "※" or "*" starts a notice
_SENTENCE_RE = re.compile(r"[^.!?\n。※*＊]+[.!?。]*")
# a risk notice or opt-out footer is the sender's own statement, not a verdict on anyone (compact text)
_FOOTER_RE = re.compile(
    r"개인차|개인에따라|수신거부|무료거부|무료수신|수신을원치|sideeffect|resultsvary|mayvary|optout"
)


# where a risk notice begins inside the words before a footer (its 부작용 is about the sender)
_RISK_RE = re.compile(
    r"부작용(?:이|은|이나|및|[가-힣]{0,4}개인차)?(?:있|생길|생기|발생|나타날|동반)"
    r"|sideeffects?(?:are|may|can)|risks?(?:include|may|can)|$"
)


def _claim_end(compact: str, footer: int) -> int:
    """Where the sentence's claim ends before its footer at ``footer``: at a risk notice running into it, if any."""
    notice = _RISK_RE.search(compact, 0, footer)  # the pattern's "$" alternative always matches at ``footer``
    return footer if notice is None else notice.start()


@cache
def _cues() -> re.Pattern[str]:
    doc = json.loads((RULES_DIR / "defame_cues.json").read_text("utf-8"))
    words = [word for group in doc["cues"].values() for word in group]
    return re.compile("|".join(f"(?:{word})" for word in words))


def _sentences(text: str, span: Span) -> Iterator[Span]:
    """The sentences of ``text`` that overlap ``span`` (a comparison frame may cover a question and its answer)."""
    start, end = span
    for m in _SENTENCE_RE.finditer(text):
        a, b = m.start(), m.start() + len(m.group(0).rstrip())
        if a < max(end, start + 1) and b > start:
            yield a, b


def verdict(text: str, span: Span) -> tuple[Span, str] | None:
    """The first sentence of the comparison at ``span`` that passes a negative verdict, with the verdict's words,
    or None: what follows a footer or a risk notice is not read."""
    for a, b in _sentences(text, span):
        norm = normalize(text[a:b])
        footer = _FOOTER_RE.search(norm.text)
        # a footer ends the sentence's claim ("… 비교해 보세요 무료수신거부 080-…" has no full stop before it):
        # read the words before it, never the footer or a risk notice running into it
        end = len(norm.text) if footer is None else _claim_end(norm.text, footer.start())
        found = _clean_cue(norm, end)
        if found is not None:
            s, e = norm.span(*found)
            return (a, b), text[a + s : a + e]
    return None


def _clean_cue(norm: Normalized, end: int) -> Span | None:
    """The first verdict cue in ``norm``'s compact text before ``end`` that does not begin inside a word it runs out
    of: a cue the compact text glues from one word's tail and the next word (방치 of "한방 치료") is none; a cue that
    starts a word may run on (안 낫던) (session 27, fix27a)."""
    for found in _cues().finditer(norm.text, 0, end):
        a, b = found.span()
        if b > a and not (norm.crosses_space(a, b) and not norm.starts_word(a)):
            return a, b
    return None


def disparaging(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """MSA-DEFAME findings for the comparisons among ``findings`` (of advertising content) whose sentence
    disparages the other party; none when a disparagement was already found."""
    findings = list(findings)
    if any(f.rule == "MSA-DEFAME" for f in findings):
        return []
    out: list[Finding] = []
    for f in findings:
        if f.rule != "MSA-COMPARISON" or f.start is None or f.end is None:
            continue
        found = verdict(text, (f.start, f.end))
        if found is not None:  # the disparaging sentence is what to rewrite: point at it, name its words
            (a, b), words = found
            out.append(make_finding("MSA-DEFAME", a, b, f"'{words}'"))
            break  # one disparagement per message is what the label counts
    return out
