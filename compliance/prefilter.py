"""Literal prefilters for large alternations: the strings one of a pattern's matches must start with.

Python's regular-expression engine tries every alternative of ``(?:a)|(?:b)|…`` at every position of a text,
so a frame or word list of a hundred alternatives costs microseconds per message even when nothing can match.
Most alternatives begin with a literal (타병원, 상품권, (지인|친구)소개 …): when every alternative does, a match
can only exist where one of those prefixes occurs. A text's one- and two-character substrings are collected once
(:func:`grams`); a pattern whose prefixes are all absent from them (a set intersection, in C) is not scanned.
Patterns that can start anywhere (``[가-힣]{1,3}님``) have no prefilter. ``[0-9]+원`` has the ten digits.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Protocol

# The standard library's own regular-expression parser (Python ≥ 3.11; sre_parse before). Its modules are
# private, so typeshed does not describe them: imported by name, used as Any.
_c: Any = importlib.import_module("re._constants")
_p: Any = importlib.import_module("re._parser")

_MAX_PREFIXES = 400
PREFIX_CHARS = 2  # two characters are selective enough (Hangul syllable pairs are rare) and keep sets small
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def literal_prefixes(pattern: str) -> frozenset[str] | None:
    """The literal prefixes every match of ``pattern`` starts with, or None when a match may start anywhere."""
    try:
        parsed = _p.parse(pattern)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if found is None:
        return None
    closed, still_open = found
    prefixes = closed | still_open
    if not prefixes or "" in prefixes or len(prefixes) > _MAX_PREFIXES:
        return None
    return frozenset(prefixes)


Prefixes = tuple[set[str], set[str]]  # (closed: cannot grow further, open: what follows may extend them)


def _sequence(items: list[tuple[Any, Any]]) -> Prefixes | None:
    """Prefixes of a sequence of parsed items; None when unbounded (a match may start with anything)."""
    closed: set[str] = set()
    still_open = {""}
    for op, av in items:
        if not still_open:
            break
        if op in _ZERO_WIDTH:
            continue
        found = _item(op, av)
        if found is None:
            if "" in still_open:
                return None
            return closed | still_open, set()
        item_closed, item_open = found
        grown: set[str] = set()
        for prefix in still_open:
            closed.update((prefix + option)[:PREFIX_CHARS] for option in item_closed)
            for option in item_open:
                joined = (prefix + option)[:PREFIX_CHARS]
                (closed if len(joined) >= PREFIX_CHARS else grown).add(joined)
        still_open = grown
        if len(closed) + len(still_open) > _MAX_PREFIXES:
            return None
    return closed, still_open


def _item(op: Any, av: Any) -> Prefixes | None:
    """The strings one item may start with ("" open: it may match nothing), or None when unbounded."""
    if op is _c.LITERAL:
        return set(), {chr(av)}
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.BRANCH:
        closed: set[str] = set()
        still_open: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            closed |= found[0]
            still_open |= found[1]
        return closed, still_open
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < 16:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return set(), chars
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = av
        found = _sequence(list(body))
        if found is None:
            return None
        closed, still_open = found
        optional = low == 0 or "" in still_open
        if high == 1:
            return closed, still_open | ({""} if optional else set())
        # repeated: after the first round the next character may be the body again, so prefixes stop growing
        return closed | {p for p in still_open if p}, {""} if optional else set()
    return None


@lru_cache(maxsize=1024)  # per text, like its normalisation: the same message is linted again and again
def grams(text: str) -> frozenset[str]:
    """Every substring of one or two characters of ``text``: a pattern's prefixes occur in the text exactly
    when they intersect this set (prefixes are at most two characters long)."""
    return frozenset(text) | frozenset(text[i : i + PREFIX_CHARS] for i in range(len(text) - 1))


def could_match(prefixes: frozenset[str] | None, text_grams: frozenset[str]) -> bool:
    """False only when no literal prefix occurs in the text (then the pattern cannot match)."""
    return prefixes is None or not prefixes.isdisjoint(text_grams)


def required_grams(pattern: str) -> frozenset[str] | None:
    """Strings of one or two characters one of which every match of ``pattern`` contains, or None.

    Like :func:`literal_prefixes`, but an alternative may be represented by any item it cannot do without, not
    only its start: ``[0-9]+%(저렴|싸게)`` by ``%`` rather than by the ten digits (every advertisement carries
    digits in its opt-out number, so a digit says nothing about whether the pattern can match)."""
    try:
        parsed = _p.parse(pattern)
    except re.error:
        return None
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        found: set[str] = set()
        for branch in items[0][1][1]:
            sub = _required(list(branch))
            if sub is None:
                return None
            found |= sub
    else:
        found_or_none = _required(items)
        if found_or_none is None:
            return None
        found = found_or_none
    if not found or "" in found or len(found) > _MAX_PREFIXES:
        return None
    return frozenset(found)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective set of strings one of which a match of this sequence must contain: the prefixes of
    the sequence read from each of its items on (``[0-9]+cc(추가|더)`` → ``cc``), the most selective wins."""
    candidates: list[set[str]] = []
    for i, (op, _av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        found = _sequence(items[i:])
        if found is None:
            continue
        options = found[0] | found[1]
        if options and "" not in options:
            candidates.append(options)
    if not candidates:
        return None
    return min(candidates, key=weakness)


def required_sets(pattern: str, most: int = 3) -> tuple[frozenset[str], ...]:
    """Every gram set of :func:`required_grams`' kind that a match of ``pattern`` must meet, the most selective
    first and at most ``most`` of them (none: a match may start anywhere). Each holds on its own, so a text must
    meet all of them: ``(이번달|오늘)(만|한정)`` needs one of 이번·오늘 *and* one of 만·한정, where the single most
    selective set lets every text with 오늘 through. A set that contains another is implied by it and left out."""
    try:
        parsed = _p.parse(pattern)
    except re.error:
        return ()
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _c.BRANCH:  # alternatives of their own: one set, their union
        single = required_grams(pattern)
        return (single,) if single is not None else ()
    found: set[frozenset[str]] = set()
    for i, (op, _av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        sequence = _sequence(items[i:])
        if sequence is None:
            continue
        options = sequence[0] | sequence[1]
        if options and "" not in options and len(options) <= _MAX_PREFIXES:
            found.add(frozenset(options))
    ranked = [s for s in sorted(found, key=lambda s: (weakness(s), sorted(s))) if not any(o < s for o in found)]
    # past the first, only sets of two-character grams without digits: a weak set (a single character, a digit
    # every advertisement has in its opt-out number) rarely rules an alternative out and costs a lookup per gram
    return tuple(ranked[:1] + [s for s in ranked[1:] if weakness(s)[:2] == (0, 0)][: most - 1])


def weakness(options: set[str] | frozenset[str]) -> tuple[int, int, int]:
    """Lower is more selective: fewer single characters, no bare digits, fewer options."""
    singles = sum(1 for o in options if len(o) < PREFIX_CHARS)
    digits = sum(1 for o in options if o.isdigit())
    return (digits, singles, len(options))


_MISSING: Any = object()  # not in a cache
_APART = 3  # at most this many alternatives (or blocks) are searched one by one; more: the whole alternation
_BLOCK = 8  # alternatives per block, when more than _APART alternatives can match
_KEPT = 512  # searchers kept per alternation (cheap to rebuild: nothing is compiled for them)
# the first _COMPILED_KEPT combinations of two or more alternatives an alternation meets are compiled into one
# pattern each (the same templates are linted again and again); later ones are searched apart, so a stream of new
# texts compiles a bounded number of patterns
_COMPILED_KEPT = 32


class Searcher(Protocol):
    """What the checker asks of an alternation: ``re.Pattern``'s ``search`` and ``finditer``."""

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]: ...


class _Apart:
    """A few alternatives (or blocks of them), in their order, each searched on its own: the leftmost match of any,
    the earliest alternative's at a tie, is the match of their alternation. None of them matches an empty string,
    so ``finditer`` is a search again from the last match's end, as the regular-expression engine does."""

    __slots__ = ("_patterns",)

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self._patterns = patterns

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for pattern in self._patterns:
            found = pattern.search(string, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        while (found := self.search(string, pos, endpos)) is not None:
            yield found
            pos = found.end()


class GatedAlternation:
    """``(?:a)|(?:b)|…`` scanned, in each text, with only the alternatives that can match there.

    The regular-expression engine tries every alternative at every position, so one alternation of fifty phrases
    costs tens of microseconds a message even when one phrase could match. Each alternative's required gram sets
    (:func:`required_sets`: one gram of each must occur) say whether it can match anywhere in a text: an alternative
    that cannot is left out.
    The match of an alternation at a position is its first alternative that matches there, and its leftmost
    match is the leftmost of its alternatives' (the first alternative's at a tie); an alternative left out matches
    nowhere in this text. So the few alternatives that can match, searched one by one (or in blocks of ``_BLOCK``
    when there are more), find exactly what the whole alternation finds: the same spans in the same order. Nothing
    is compiled per text: each alternative and block is compiled once, when first needed. Alternatives without
    required grams (or with flags, whose case folding the grams do not follow) are always kept; where one of those
    left could match an empty string, the whole alternation is used."""

    __slots__ = (
        "_all",
        "_always",
        "_by_gram",
        "_by_met",
        "_compiled",
        "_empty",
        "_firsts",
        "_keys",
        "_searchers",
        "_slot_of",
        "_units",
        "full",
        "patterns",
    )

    def __init__(self, patterns: list[str]) -> None:
        self.full = re.compile("|".join(f"(?:{p})" for p in patterns))
        patterns = [branch for p in patterns for branch in alternatives(p)]  # the same alternation, finer grained
        self.patterns = tuple(patterns)
        # Each alternative has one *slot* per gram set it requires (:func:`required_sets`; one slot always met when
        # it has none), adjacent bits of an integer. A text meets a slot when it has a gram of its set; an
        # alternative of k slots can match when the k bits from its first are all met. Masks of alternatives are
        # integers of their first bits.
        by_gram: dict[str, int] = {}
        firsts: list[int] = [0]  # k - 1 → first bits of the alternatives of k slots
        slot_of: list[int] = []
        always = empty = 0
        bit = 0
        for pattern in patterns:
            sets = () if "(?" in pattern and _FLAGS_RE.search(pattern) else required_sets(pattern)
            slot_of.append(bit)
            if not sets:
                always |= 1 << bit
                empty |= _may_be_empty(pattern) << bit
                firsts[0] |= 1 << bit
                bit += 1
                continue
            firsts.extend([0] * (len(sets) - len(firsts)))
            firsts[len(sets) - 1] |= 1 << bit
            for required in sets:
                for gram in required:
                    by_gram[gram] = by_gram.get(gram, 0) | 1 << bit
                bit += 1
        self._slot_of = tuple(slot_of)
        self._firsts = tuple(firsts)
        self._all = sum(1 << b for b in slot_of)
        self._always = always
        self._empty = empty  # alternatives that may match an empty string (always kept)
        self._by_gram = by_gram
        self._keys = frozenset(by_gram)
        self._units: dict[tuple[int, int], re.Pattern[str]] = {}  # (first, stop) → alternatives first..stop-1
        self._searchers: dict[int, Searcher] = {self._all: self.full}
        self._compiled: set[int] = set()  # combinations compiled into one pattern (bounded)
        self._by_met: dict[int, Searcher | None] = {}  # met slots → searcher (bounded): no slot arithmetic per text

    def alive(self, met: int) -> int:
        """The mask of the alternatives every slot of which is met (``met``: the bits of the slots a text meets)."""
        firsts = self._firsts
        if len(firsts) == 1:  # one slot each: a met slot is a live alternative
            return met
        run, found = met, met & firsts[0]  # run: bit i set when bits i .. i+k-1 are all met
        for k in range(1, len(firsts)):
            run &= met >> k
            found |= run & firsts[k]
        return found

    def pattern_for(self, text_grams: frozenset[str]) -> Searcher | None:
        """What finds this alternation's matches in a text with these grams (:func:`grams`), or None when none of
        its alternatives can match there."""
        met = self._always
        by_gram = self._by_gram
        for gram in self._keys.intersection(text_grams):
            met |= by_gram[gram]
        return self.searcher(met)

    def searcher(self, met: int) -> Searcher | None:
        """What finds the matches in a text that meets the slots ``met`` (:meth:`GateIndex.masks`), or None."""
        found = self._by_met.get(met, _MISSING)
        if found is _MISSING:
            found = self.with_mask(self.alive(met))
            if len(self._by_met) >= _KEPT:
                self._by_met.clear()
            self._by_met[met] = found
        return found

    def with_mask(self, mask: int) -> Searcher | None:
        """What finds the matches of the alternatives whose first bits are set in ``mask`` (None: no bit set)."""
        if not mask:
            return None
        found = self._searchers.get(mask)
        if found is None:
            if mask & (mask - 1) and len(self._compiled) < _COMPILED_KEPT and not mask & self._empty:
                # two or more alternatives: compiled once into one pattern of exactly them, for the first
                # _COMPILED_KEPT combinations; past those (a stream of new texts) searched apart, compiling nothing
                kept = [p for p, b in zip(self.patterns, self._slot_of, strict=True) if mask >> b & 1]
                found = re.compile("|".join(f"(?:{p})" for p in kept))
                self._compiled.add(mask)
            else:
                found = self._searcher(mask)
            if len(self._searchers) >= _KEPT:
                self._searchers = {m: f for m, f in self._searchers.items() if m in self._compiled}
                self._searchers[self._all] = self.full
            self._searchers[mask] = found
        return found

    def _searcher(self, mask: int) -> Searcher:
        if mask & self._empty:
            return self.full
        bits = [i for i, b in enumerate(self._slot_of) if mask >> b & 1]
        if len(bits) > _APART:  # blocks of alternatives; too many blocks: the whole alternation
            bits = sorted({i - i % _BLOCK for i in bits})
            if len(bits) > _APART:
                return self.full
            units = [self._unit(i, min(i + _BLOCK, len(self.patterns))) for i in bits]
        else:
            units = [self._unit(i, i + 1) for i in bits]
        return units[0] if len(units) == 1 else _Apart(tuple(units))

    def _unit(self, first: int, stop: int) -> re.Pattern[str]:
        unit = self._units.get((first, stop))
        if unit is None:
            unit = re.compile("|".join(f"(?:{p})" for p in self.patterns[first:stop]))
            self._units[(first, stop)] = unit
        return unit


def _may_be_empty(pattern: str) -> bool:
    """Whether ``pattern`` can match an empty string (its shortest match is zero characters long)."""
    try:
        return bool(_p.parse(pattern).getwidth()[0] == 0)
    except re.error:
        return True


class GateIndex:
    """Several gated alternations looked up together: one pass over a text's grams gives each of them its mask
    of alternatives that can match (:meth:`GatedAlternation.with_mask`), instead of one set intersection each."""

    __slots__ = ("_always", "_keys", "_pairs")

    def __init__(self, gates: list[GatedAlternation]) -> None:
        pairs: dict[str, list[tuple[GatedAlternation, int]]] = {}
        for gate in dict.fromkeys(gates):  # each gate once (families share their exceptions)
            for gram, mask in gate._by_gram.items():
                pairs.setdefault(gram, []).append((gate, mask))
        self._pairs = {gram: tuple(found) for gram, found in pairs.items()}
        self._keys = frozenset(pairs)
        self._always = {gate: gate._always for gate in gates if gate._always}

    def masks(self, text_grams: frozenset[str]) -> dict[GatedAlternation, int]:
        """Each gate's met slots for a text with these grams (for :meth:`GatedAlternation.searcher`); a gate absent
        has none met."""
        masks = self._always.copy()
        pairs = self._pairs
        for gram in self._keys.intersection(text_grams):
            for gate, mask in pairs[gram]:
                masks[gate] = masks.get(gate, 0) | mask
        return masks


_FLAGS_RE = re.compile(r"\(\?[aiLmsux-]+[:)]")
_GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|(?:b|c)`` → ``a``, ``b``, ``c``: a non-capturing group that is
    a whole alternative is opened), so that ``(?:x)|(?:y)|…`` of them matches exactly as ``pattern`` does. A
    pattern this scanner is unsure of (inline flags, an unbalanced bracket) is returned whole."""
    if _GLOBAL_FLAGS_RE.search(pattern):  # (?i) applies to every alternative: not to be split off them
        return [pattern]
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            if i >= n:
                return [pattern]
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return [pattern]
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return [pattern]
    parts.append(pattern[start:])
    if len(parts) == 1:
        return _opened(pattern)
    return [branch for part in parts for branch in _opened(part)]


def _class_end(pattern: str, at: int) -> int:
    """Index of the ``]`` closing the character class opened at ``at`` (``len(pattern)`` or more: none). Its | and (
    are literal, and so is a ] first in it."""
    n, i = len(pattern), at + 1
    if i < n and pattern[i] == "^":
        i += 1
    if i < n and pattern[i] == "]":
        i += 1
    while i < n and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _opened(part: str) -> list[str]:
    """``(?:x|y)`` spanning the whole part: its own alternatives; anything else: the part itself."""
    if part.startswith("(?:") and part.endswith(")") and _closing(part, 0) == len(part) - 1:
        inner = part[3:-1]
        found = alternatives(inner)
        return found if len(found) > 1 else [part]
    return [part]


def _closing(pattern: str, at: int) -> int:
    """Index of the ``)`` closing the group opened at ``at`` (-1: none)."""
    depth, i, n = 0, at, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1
