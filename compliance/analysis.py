"""What linting reads of one text whatever its channel and purpose, cached per text like its normalisation.

:func:`.text_rules.lint_text` decides every rule for the message's channel and purpose on each call. Much of what it
reads is the text's alone: its compact form (:mod:`.normalize`), which word-list alternatives can occur in it, the
frames' matches of both scopes (every rule: a channel that cannot carry a rule drops its matches afterwards, so one
list serves every setting), whether an offer is negated, the word lists' spans. Those are worked out once per text,
each part when a lint first asks for it (a care message never asks for the advertising frames), and kept in a
bounded cache with the same bound as the normalisation's: the editor re-lints the same templates on every change,
and one template is linted for several channels. Every part is immutable (tuples); callers copy before they add.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, TypeVar

from .frames import FrameMatch, candidates, matches_of, scope_frames
from .negation import negated
from .normalize import Normalized, normalize

T = TypeVar("T")
_CACHED_TEXT_CHARS = 4000  # as the morphology's cache: longer texts (pasted documents) are analysed afresh
_NEGATABLE = frozenset({"PROMO", "MSA-INDUCEMENT"})  # an offer said not to exist is no offer
# ... but a vice denied of oneself is the disparaging comparison itself ("과잉진료, 저희 치과에는 없습니다" says
# the others overtreat): the comparison frames (frames_s15.json) are never negated
_COMPARISON_REASON = "다른 의료기관과의 비교·비방"


def negatable(match: FrameMatch) -> bool:
    """Whether a negation after ``match`` withdraws it (an offer said not to exist), not restates it."""
    return match.rule in _NEGATABLE and not match.reason.startswith(_COMPARISON_REASON)


class TextAnalysis:
    """One text's channel- and purpose-free readings, each computed on first use and then kept."""

    __slots__ = ("_memo", "norm", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm: Normalized = normalize(text)
        self._memo: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``'s value, worked out once for this text: ``key`` names a reading of the text alone (never
        one that depends on a channel or purpose). A value is never changed by its readers, except a list that only
        grows with more readings of the same text (the frames' ``done``, the context checks' answers per span)."""
        memo = self._memo
        if key in memo:
            found: T = memo[key]
            return found
        value = memo[key] = compute()
        return value

    def frames(self, ad_only: bool, skip: frozenset[str] = frozenset()) -> tuple[FrameMatch, ...]:
        """The matches of one scope's frames (:func:`.frames.frame_matches`) without those of the rules in ``skip``;
        the scope for any message (``ad_only=False``) without the offers a negation after them withdraws."""
        key = ("frames", ad_only, skip)
        found: tuple[FrameMatch, ...] | None = self._memo.get(key)
        if found is None:
            found = self._memo[key] = tuple(self._frames(ad_only, skip))
        return found

    def _frames(self, ad_only: bool, skip: frozenset[str]) -> list[FrameMatch]:
        memo = self._memo
        grams = None  # the text's grams the scope knows: a few kB, so not kept (needed once or twice per text)
        if ("candidates", ad_only) not in memo:
            grams, positions = candidates(self.norm, ad_only)
            memo[("candidates", ad_only)] = positions, [None] * len(positions)
        positions, done = memo[("candidates", ad_only)]  # done: each candidate frame's matches, once looked for
        frames_ = scope_frames(ad_only)
        matches: list[FrameMatch] = []
        for i, position in enumerate(positions):
            frame = frames_[position]
            if frame.rule in skip:
                continue
            found = done[i]
            if found is None:
                if grams is None:
                    grams = candidates(self.norm, ad_only)[0]
                found = matches_of(frame, self.norm, grams)
                if found and not ad_only:  # an offer said not to exist is no offer (advertising frames stay)
                    found = [m for m in found if not negatable(m) or not negated(self.text, *m.span)]
                found = done[i] = tuple(found)
            if found:
                matches.extend(found)
        return matches


def analyse(text: str) -> TextAnalysis:
    """The analysis of ``text`` (cached per text, up to a message's length; bounded like :func:`.normalize`)."""
    return _analyse_cached(text) if len(text) <= _CACHED_TEXT_CHARS else TextAnalysis(text)


@lru_cache(maxsize=1024)  # bounded: a bulk lint-text stream of unique messages must stay small in memory
def _analyse_cached(text: str) -> TextAnalysis:
    return TextAnalysis(text)


def clear() -> None:
    """Forget every cached analysis (tests; rules reloaded in a running process)."""
    _analyse_cached.cache_clear()


def cached() -> int:
    """How many analyses the cache holds."""
    return _analyse_cached.cache_info().currsize
