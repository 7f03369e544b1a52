"""Korean morphology (kiwipiepy, model from the ``kiwipiepy-model`` package: nothing downloaded at run time), the
reference reading of lemma frames and negation (``DOCTORSFLOW_MORPHOLOGY=analyser``; lint reads the written text).

Rules that need lemmas — a verb in any inflection or honorific form (면제해 드립니다 → 면제하다 + 드리다,
망쳐진 → 망치다) — match on :attr:`Morphs.lemmas`, a space-separated lemma string; every lemma remembers
the original span of its token, so findings still point at the written text. Analyses are cached per text
(the same template is linted many times: per node, per preview, per publish).

Morphology is only run on texts that contain a stem some lemma rule needs (``wanted``): the analyser costs
a few milliseconds per message, regular expressions microseconds.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Linting never needs the analyser (≈ 300 MB once loaded): lemma frames and negation are read on the written
# text (lemma_surface.py, negation.negated_in_writing). DOCTORSFLOW_MORPHOLOGY=analyser reads them from the
# analysis instead: the reference those written readings are checked against (tests, bench), not for production.
ANALYSER = os.environ.get("DOCTORSFLOW_MORPHOLOGY", "").strip().lower() == "analyser"
_PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|#\{[^}]*\}", re.S)
_VERB_TAGS = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
_lock = threading.Lock()
_kiwi: Any = None
_analysed = 0  # texts analysed by this process (cache misses), for tests and benches


def _analyser() -> Any:
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi  # imported late: loading the model takes ~2 s

                _kiwi = Kiwi(load_multi_dict=False, load_typo_dict=False)
    return _kiwi


def loaded() -> bool:
    """Whether this process has loaded the analyser (≈ 300 MB resident once it has)."""
    return _kiwi is not None


def analysed() -> int:
    """How many texts this process has analysed (an analysis served from the cache does not count)."""
    return _analysed


@dataclass(frozen=True)
class Token:
    form: str
    tag: str
    start: int  # offsets into the original text
    end: int

    @property
    def lemma(self) -> str:
        """Verbs and adjectives in dictionary form (드리 → 드리다); other tokens as written."""
        return f"{self.form}다" if self.tag in _VERB_TAGS or self.tag.startswith("VV") else self.form


@dataclass(frozen=True)
class Morphs:
    tokens: tuple[Token, ...]
    lemmas: str  # "본인 부담금 면제 하다 드리다 …": lemmas joined by single spaces
    _starts: tuple[int, ...]  # lemma-string offset where each token's lemma begins

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original-text span of the lemma-string range ``[a, b)`` (its edge spaces, such as the ``(?:^| )`` a
        pattern starts with, belong to no token: they would widen the span to the token before)."""
        from bisect import bisect_right

        while a < b and self.lemmas[a] == " ":
            a += 1
        while b > a and self.lemmas[b - 1] == " ":
            b -= 1

        first = max(0, bisect_right(self._starts, a) - 1)
        last = max(first, bisect_right(self._starts, max(a, b - 1)) - 1)
        return self.tokens[first].start, self.tokens[last].end


def _mask(text: str) -> str:
    """Placeholders replaced by spaces of the same length (offsets unchanged, not analysed as words)."""
    return _PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), text) if "{" in text else text


def analyse(text: str) -> Morphs:
    """The morphemes of ``text`` with original offsets (cached per text, up to a message's length)."""
    return _analyse_cached(text) if len(text) <= 4000 else _analyse(text)


@lru_cache(maxsize=1024)  # bounded: bulk lint-text streams must stay small in memory
def _analyse_cached(text: str) -> Morphs:
    return _analyse(text)


def _analyse(text: str) -> Morphs:
    global _analysed
    _analysed += 1
    tokens: list[Token] = []
    for tok in _analyser().tokenize(_mask(text)):
        start = int(tok.start)
        tokens.append(Token(tok.form, tok.tag, start, start + int(tok.len)))
    pieces: list[str] = []
    starts: list[int] = []
    pos = 0
    for token in tokens:
        starts.append(pos)
        pieces.append(token.lemma)
        pos += len(token.lemma) + 1
    return Morphs(tuple(tokens), " ".join(pieces), tuple(starts))
