"""Semantic frames: a rule family as a combination of roles rather than one word list (``rules/frames*.json``:
every file, in name order; ``frames.json`` holds the MSA families, ``frames_purpose.json`` purpose, AlimTalk
black list and health data). A frame may name ``unless``: compact-text patterns that, anywhere in the
message, switch it off (a greeting closing a closure notice is no greeting message).

Three kinds of frame, each with a rule id, a scope (``any`` message or ``ad`` content only) and exceptions
(compact-text patterns; a frame match overlapping one is dropped):

* ``window`` — every role (a list of alternatives) found within ``window`` compact characters of the first:
  inducement = a benefit + an offer, comparison = another provider + a contrast, celebrity = a role + a
  visit or choice, surgery footage = a procedure + footage + a video site, health data = a condition + a
  finding. The finding covers the roles.
* ``lemma`` — a pattern over the lemma string of :mod:`.morph` (면제하다, 돌려드리다, 망치다 in any
  inflection or honorific form); analysed only when the compact text contains one of its ``stems`` and a word
  of every ``also`` cue group, and no ``surface`` pattern found it first (below).
* ``original`` — a pattern over the original text, for what normalisation removes (quotation marks of a
  patient's quoted sentence, the dot of an ICD/KCD code such as H40.1).

The analyser costs ≈ 300 MB once loaded, so ordinary care messages must never need it (issue 18). A lemma
frame whose stems are common syllables (드립 of 안내드립니다, 어떠, 저희) therefore declares:

* ``also`` — cue groups: a list of words is one group, a list of lists several; of every group one word must
  be in the compact text. A cue is a word the pattern cannot match without, written as the compact text
  spells it (no spaces: 이번달, 한달간), never a word the lemma string spells differently (드려 → 드리다: use
  the stems for those). ``also_original``: the same on the original text, for what the compact text drops
  (the "?" of a question).
* ``surface`` — original-text patterns for the frame's common written forms (수술 후 경과는 어떠세요?,
  양성으로 나왔습니다): each must be a match of the lemma pattern too; when one matches, its spans are the
  frame's and the analyser is not run for it.

tests/compliance/test_model_free.py checks both on every corpus line and that the bench corpus never loads
the analyser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from . import morph
from .findings import RULES_DIR
from .lemma_surface import surface_pattern
from .morph import analyse
from .normalize import Normalized, normalize
from .prefilter import PREFIX_CHARS, GatedAlternation, Searcher, required_grams
from .prefilter import grams as text_grams

Span = tuple[int, int]  # offsets into the original text
# a stop, or a line break; a stop that ends its line is one end, not two (line_breaks of metamorphic.py); "※"
# starts a notice (a risk notice's 부작용 is the sender's own disclosure, as in context.py and defame.py), one end with
# the stop or line break before it
_SENTENCE_END_RE = re.compile(r"[.!?。]?[ \t]*\n[ \t]*※?|[.!?。][ \t]*※|[.!?。](?=\s)|※")
# the opt-out footer (무료수신거부, 무료거부): its 무료 is the free method of refusing, never a benefit
_OPTOUT_RE = re.compile(r"무료(?:수신)?(?:거부|차단)")


@dataclass(frozen=True)
class Frame:
    rule: str
    kind: str  # window | lemma | original
    ad_only: bool
    roles: tuple[re.Pattern[str], ...]
    window: int
    exceptions: re.Pattern[str] | None
    stems: tuple[str, ...]
    reason: str  # Korean / English: why the frame is promotional (purpose classification)
    sentences: int = 1  # how many sentences the roles may spread over
    prefilters: tuple[frozenset[str], ...] = ()  # literal prefixes of the roles that have them (one must occur)
    unless: re.Pattern[str] | None = None  # compact-text pattern: anywhere in the message, the frame does not apply
    # cue groups (``also``): of every group one compact-text word must be present too, a cheap test before the
    # regex and, for lemma frames, before the analyser is loaded; ``also_original``: the same on the original text
    # (for what normalisation drops, such as "?")
    also: tuple[tuple[str, ...], ...] = ()
    also_original: tuple[tuple[str, ...], ...] = ()
    # lemma frames: original-text patterns for the frame's common written forms ("어떠세요?", "양성으로 나왔습니다"),
    # each a match the lemma pattern also finds; when one matches, the analyser is not needed for this frame
    surface: re.Pattern[str] | None = None
    # lemma frames: the lemma pattern rewritten for the written text (:mod:`.lemma_surface`), the frame's reading
    # at lint time (with ``surface`` as alternatives), so no message loads the analyser
    written: re.Pattern[str] | None = None
    # window frames: each role as a gated alternation (:class:`.prefilter.GatedAlternation`): in a text, only the
    # role's phrases that can match there are scanned (the same matches as ``roles``, in a fraction of the time)
    gated: tuple[GatedAlternation, ...] = ()
    stems_re: re.Pattern[str] | None = field(init=False, default=None, repr=False)  # one search for any stem
    also_res: tuple[re.Pattern[str], ...] = field(init=False, default=(), repr=False)
    also_original_res: tuple[re.Pattern[str], ...] = field(init=False, default=(), repr=False)
    # gram sets (:mod:`.prefilter`) every one of which a text must meet for the frame to match: its roles' required
    # grams, its stems' and cue groups' first characters (on the compact text); its original-text cue groups' (on
    # the original text). A set test each, in C, before any regex or cue search
    requires: tuple[frozenset[str], ...] = field(init=False, default=(), repr=False)
    requires_original: tuple[frozenset[str], ...] = field(init=False, default=(), repr=False)

    def __post_init__(self) -> None:  # frozen: set once, here
        object.__setattr__(self, "stems_re", _literals(self.stems))
        object.__setattr__(self, "also_res", tuple(filter(None, map(_literals, self.also))))
        object.__setattr__(self, "also_original_res", tuple(filter(None, map(_literals, self.also_original))))
        requires = [*self.prefilters, *map(_first_grams, self.also)]
        if self.kind == "lemma":  # find() needs one of its stems in the compact text
            requires.append(_first_grams(self.stems) if self.stems else frozenset())
        object.__setattr__(self, "requires", tuple(r for r in requires if r is not None))
        original = tuple(r for r in map(_first_grams, self.also_original) if r is not None)
        object.__setattr__(self, "requires_original", original)

    def could_apply(self, norm: Normalized) -> bool:
        """False when the text lacks every gram of one of the frame's required sets (then ``find`` finds nothing)."""
        if any(map(norm.grams.isdisjoint, self.requires)):
            return False
        return not self.requires_original or not any(map(text_grams(norm.original).isdisjoint, self.requires_original))

    def cued(self, norm: Normalized) -> bool:
        """Whether every cue group of the frame has a word in the text (no cue groups: always)."""
        return all(cue.search(norm.text) for cue in self.also_res) and all(
            cue.search(norm.original) for cue in self.also_original_res
        )

    def find(self, norm: Normalized, *, gated: bool = True, grams: frozenset[str] | None = None) -> list[Span]:
        """The frame's spans in a text. ``gated=False``: every role scanned whole, no gram gate (the reference the
        tests hold the gated reading to). ``grams``: the text's grams that some gate of the frame's scope knows
        (:func:`frame_matches`; default the text's grams), a smaller set to intersect with."""
        if self.kind == "window":  # the role gates first: they rule out most frames a text's grams let through
            roles = self._roles_in(norm.grams if grams is None else grams) if gated else self.roles
            if not roles or not self._applies(norm):
                return []
            return self._window(norm, roles)
        if not self._applies(norm):
            return []
        if self.kind == "original":
            pattern = self.gated[0].pattern_for(text_grams(norm.original)) if gated and self.gated else self.roles[0]
            return [m.span() for m in pattern.finditer(norm.original) if m.end() > m.start()] if pattern else []
        if self.stems_re is None or self.stems_re.search(norm.text) is None:
            return []
        if morph.ANALYSER:  # the reference reading: written forms first, then the analysis (as before issue 18)
            shortcut = [m.span() for m in self.surface.finditer(norm.original)] if self.surface else []
            return [s for s in shortcut if s[1] > s[0]] or self.lemma_spans(norm.original)
        return [m.span() for m in self.written.finditer(norm.original) if m.end() > m.start()] if self.written else []

    def _applies(self, norm: Normalized) -> bool:
        """The frame's cue words are in the text and no ``unless`` pattern is."""
        if (self.also_res or self.also_original_res) and not self.cued(norm):
            return False
        return self.unless is None or self.unless.search(norm.text) is None

    def lemma_spans(self, text: str) -> list[Span]:
        """The lemma pattern's matches on the analysis of ``text`` (loads the ≈ 300 MB analyser): what the written
        reading stands for, kept as the tests' reference."""
        morphs = analyse(text)
        return [morphs.span(*m.span()) for m in self.roles[0].finditer(morphs.lemmas) if m.end() > m.start()]

    def possible(self, grams: frozenset[str]) -> bool:
        """False when some role's literal prefixes are all absent from the text (``norm.grams``): no regex scan."""
        return not any(map(grams.isdisjoint, self.prefilters))  # map of a bound method: no Python-level loop

    def _roles_in(self, grams: frozenset[str]) -> tuple[Searcher, ...] | None:
        """The roles as scanned in a text with these grams: each only with the phrases that can match there; None
        when some role has none (the frame cannot apply)."""
        if not self.gated:
            return self.roles if self.possible(grams) else None
        roles = []
        for gate in self.gated:
            role = gate.pattern_for(grams)
            if role is None:
                return None
            roles.append(role)
        return tuple(roles)

    def _window(self, norm: Normalized, roles: tuple[Searcher, ...]) -> list[Span]:
        text = norm.text
        first, rest = roles[0], roles[1:]
        spans: list[Span] = []
        pos = 0
        optouts = _optout_spans(text)
        while (anchor := first.search(text, pos)) is not None:
            a, b = anchor.span()
            clean = b > a and norm.crosses_words_cleanly(a, b) and not _ends_inside(optouts, b)
            if clean and self.rule in _OTHER_PROVIDER_RULES and _in_own_name(norm, a, b):
                clean = False  # 한방병원 of the sender's 참좋은한방병원 is no other provider
            span = self._around(norm, a, b, rest, optouts) if clean else None
            if span is None:  # look again from the next character (a shorter anchor may fit: 과고객님 → 고객님)
                pos = a + 1
                continue
            spans.append(span)
            pos = b
        return spans

    def _around(
        self, norm: Normalized, a: int, b: int, rest: tuple[Searcher, ...], optouts: tuple[Span, ...] = ()
    ) -> Span | None:
        """The span of the anchor ``[a, b)`` with, for every other role, its nearest match that keeps the frame
        within its sentences (a nearer match across a full stop belongs to another claim), or None."""
        text = norm.text
        lo, hi = max(0, a - self.window), min(len(text), b + self.window)
        start, end = a, b
        for role in rest:
            found = [
                m
                for m in role.finditer(text, lo, hi)
                if m.end() > m.start() and norm.crosses_words_cleanly(*m.span()) and not _ends_inside(optouts, m.end())
            ]
            found.sort(key=lambda m: abs(m.start() - a))
            for m in found:
                if self._within_sentences(norm, min(start, m.start()), max(end, m.end())):
                    start, end = min(start, m.start()), max(end, m.end())
                    break
            else:
                return None  # no match of this role (in the anchor's sentences)
        if self._excepted(text, start, end):
            return None
        return norm.span(start, end)

    def _within_sentences(self, norm: Normalized, start: int, end: int) -> bool:
        """The roles of one frame belong to one sentence (comparison: a question and its answer, two)."""
        return len(_SENTENCE_END_RE.findall(norm.original, *norm.span(start, end))) <= self.sentences - 1

    def _excepted(self, text: str, start: int, end: int) -> bool:
        if self.exceptions is None:
            return False
        lo, hi = max(0, start - 12), min(len(text), end + 12)  # exceptions are context: near the match
        found = self.exceptions.search(text, lo, hi)
        while found is not None:  # the opt-out footer next to a message's last claim is no context of it
            if not any(a <= found.start() and found.end() <= b for a, b in _optout_spans(text)):
                return True
            found = self.exceptions.search(text, found.start() + 1, hi)
        return False

    def excepted_original(self, norm: Normalized, span: Span) -> bool:
        """Exceptions of lemma/original frames, checked on the compact text around the span."""
        if self.exceptions is None:
            return False
        around = normalize(norm.original[max(0, span[0] - 16) : span[1] + 16]).text
        return self.exceptions.search(around) is not None


@lru_cache(maxsize=256)  # one text meets many frames: look once (a str's hash is computed once)
def _optout_spans(text: str) -> tuple[Span, ...]:
    """Compact spans of the opt-out footers (무료수신거부, 무료거부) of a text."""
    if "거부" not in text and "차단" not in text:
        return ()
    return tuple(m.span() for m in _OPTOUT_RE.finditer(text))


def _ends_inside(optouts: tuple[Span, ...], end: int) -> bool:
    """Whether a match ending at compact position ``end`` ends inside an opt-out footer (its 무료 or 무료수)."""
    return any(start < end <= stop for start, stop in optouts)


# the sender's own name where messages put it: right after the advertising label or in the opening brackets
# ("(광고) 참좋은한방병원", "[튼튼한방병원] …"), ending in a kind of clinic
_OWN_NAME_RE = re.compile(
    r"\s*(?:\(광고\)\s*)?[\[【<〈「]?\s*([가-힣A-Za-z0-9]{0,20}"
    r"(?:병원|의원|치과|안과|피부과|성형외과|한의원|클리닉|의학과|정형외과|내과|외과|소아과|이비인후과|비뇨기과|산부인과))"
)
# frames whose first role is another provider: an anchor inside the sender's own name compares with nobody
_OTHER_PROVIDER_RULES = frozenset({"MSA-COMPARISON", "MSA-DEFAME"})


@lru_cache(maxsize=1024)  # bounded: a bulk stream of unique texts must stay small
def _own_name(original: str) -> Span | None:
    """Where the sender's name stands in ``original`` (None: no name of a clinic at the start)."""
    found = _OWN_NAME_RE.match(original)
    return found.span(1) if found else None


def _in_own_name(norm: Normalized, a: int, b: int) -> bool:
    """Whether the compact-text match ``[a, b)`` lies inside the sender's own name."""
    name = _own_name(norm.original)
    if name is None:
        return False
    start, end = norm.span(a, b)
    return name[0] <= start and end <= name[1]


def _first_grams(words: tuple[str, ...]) -> frozenset[str] | None:
    """The grams (:mod:`.prefilter`) one of which a text containing one of ``words`` has: their first characters
    (None: a word is empty, so any text may contain it; an empty set: no word, nothing can)."""
    if any(not word for word in words):
        return None
    return frozenset(word[:PREFIX_CHARS] for word in words)


def _groups(raw: Any) -> tuple[tuple[str, ...], ...]:
    """``also`` cues as groups: a list of words is one group, a list of lists one group per list."""
    if not raw:
        return ()
    if all(isinstance(word, str) for word in raw):
        return (tuple(raw),)
    return tuple(tuple(group) for group in raw)


def _literals(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One search for any of ``words``."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _merged(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Single-role window frames of one rule, scope, reason and exceptions merged into one alternation: the
    same matches in one regex pass instead of several (lint speed)."""
    out: list[dict[str, Any]] = []
    index: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for entry in raw:
        kind, roles = entry.get("kind", "window"), entry.get("roles", [])
        if kind != "window" or len(roles) != 1:
            out.append(entry)
            continue
        key = (
            entry["rule"],
            entry.get("scope", "any"),
            entry.get("reason", ""),
            json.dumps([entry.get("exceptions"), entry.get("unless"), entry.get("also"), entry.get("also_original")]),
        )
        if key in index:
            index[key]["roles"][0].extend(roles[0])
        else:
            index[key] = {**entry, "roles": [list(roles[0])]}
            out.append(index[key])
    return out


def _written(entry: dict[str, Any]) -> re.Pattern[str]:
    """A lemma frame's reading on the written text: its pattern rewritten, or-ed with its ``surface`` forms."""
    patterns = entry["pattern"] if isinstance(entry["pattern"], list) else [entry["pattern"]]
    surface = entry.get("surface", [])
    return _compile([*map(surface_pattern, patterns), *(surface if isinstance(surface, list) else [surface])])


def _prefilters(alternations: list[str]) -> tuple[frozenset[str], ...]:
    found = (required_grams(a) for a in alternations)
    return tuple(prefixes for prefixes in found if prefixes is not None)


@cache
def frames() -> tuple[Frame, ...]:
    """Every frame of ``rules/frames*.json`` (files in name order: each family's owner keeps a file of its own)."""
    raw: list[dict[str, Any]] = []
    for path in sorted(RULES_DIR.glob("frames*.json")):
        raw.extend(json.loads(path.read_text("utf-8"))["frames"])
    out: list[Frame] = []
    for entry in _merged(raw):
        kind = entry.get("kind", "window")
        roles = entry["roles"] if kind == "window" else [entry["pattern"]]
        alternations = ["|".join(f"(?:{p})" for p in (r if isinstance(r, list) else [r])) for r in roles]
        # window roles match the compact text, whose grams gate their phrases; an original-text pattern is gated by
        # the original text's grams; lemma patterns read the lemma string
        gated = tuple(GatedAlternation(r if isinstance(r, list) else [r]) for r in roles) if kind != "lemma" else ()
        out.append(
            Frame(
                rule=entry["rule"],
                kind=kind,
                ad_only=entry.get("scope", "any") == "ad",
                roles=tuple(g.full for g in gated) or tuple(_compile(r if isinstance(r, list) else [r]) for r in roles),
                window=int(entry.get("window", 20)),
                exceptions=_compile(entry["exceptions"]) if entry.get("exceptions") else None,
                stems=tuple(entry.get("stems", [])),
                reason=entry.get("reason", ""),
                sentences=int(entry.get("sentences", 1)),
                prefilters=_prefilters(alternations) if kind == "window" else (),
                unless=_compile(entry["unless"]) if entry.get("unless") else None,
                also=_groups(entry.get("also")),
                also_original=_groups(entry.get("also_original")),
                surface=_compile(entry["surface"]) if entry.get("surface") else None,
                written=_written(entry) if kind == "lemma" else None,
                gated=gated,
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class _Scope:
    """The frames of one scope, indexed by every gram set each of them requires (``Frame.requires``), so that a
    text's grams pick the frames that meet all of their sets in a few integer operations instead of a test per
    frame. Each required set is a *slot*, one bit of an integer; a frame's slots are adjacent bits, the frames in
    file order. A text meets a slot when it has one of its grams; a frame of k slots applies when the k bits from
    its first are all met (bit i of ``met & met >> 1 & …``). A frame that requires nothing has one slot always met.
    """

    frames: tuple[Frame, ...]
    keys: frozenset[str]  # every gram of some slot
    known: frozenset[str]  # every gram of some slot or of some window frame's role gate (a text's grams are cut to it)
    slots_by_gram: dict[str, int]  # gram → the bits of the slots it meets
    always: int  # the bits of the slots met by every text
    firsts: tuple[int, ...]  # k - 1 → the first bits of the frames of k slots
    frame_at: dict[int, int]  # first bit → position of its frame in ``frames``

    def candidates(self, grams: frozenset[str]) -> list[int]:
        """Positions, in file order, of the frames whose every required gram set a text with ``grams`` meets."""
        met = self.always
        slots_by_gram = self.slots_by_gram
        for gram in self.keys.intersection(grams):
            met |= slots_by_gram[gram]
        run, found = met, 0  # run: bit i set when bits i .. i+k-1 are all met
        for k, firsts in enumerate(self.firsts):
            if k:
                run &= met >> k
            found |= run & firsts
        frame_at = self.frame_at
        positions = []
        while found:
            lowest = found & -found
            positions.append(frame_at[lowest.bit_length() - 1])
            found ^= lowest
        return positions


@cache
def _scoped(ad_only: bool) -> _Scope:
    scoped = tuple(frame for frame in frames() if frame.ad_only == ad_only)
    slots_by_gram: dict[str, int] = {}
    always = 0
    firsts: list[int] = []
    frame_at: dict[int, int] = {}
    bit = 0
    for position, frame in enumerate(scoped):
        frame_at[bit] = position
        slots = len(frame.requires) or 1
        firsts.extend([0] * (slots - len(firsts)))
        firsts[slots - 1] |= 1 << bit
        if not frame.requires:
            always |= 1 << bit
        for required in frame.requires:
            for gram in required:
                slots_by_gram[gram] = slots_by_gram.get(gram, 0) | 1 << bit
            bit += 1
        bit += not frame.requires
    known = frozenset(slots_by_gram).union(
        *(gate._keys for frame in scoped if frame.kind == "window" for gate in frame.gated)
    )
    return _Scope(scoped, frozenset(slots_by_gram), known, slots_by_gram, always, tuple(firsts), frame_at)


@dataclass(frozen=True)
class FrameMatch:
    rule: str
    span: Span
    reason: str


def frame_matches(norm: Normalized, ad_only: bool, skip: frozenset[str] = frozenset()) -> list[FrameMatch]:
    """Matches of the frames of one scope: those for any message (``ad_only=False``) or those for advertising
    content only (``ad_only=True``). Linting runs the first before the purpose is known, the second after.
    ``skip``: rule ids that cannot apply to this message (health data outside SMS, PROMO in an advertisement)."""
    found: list[FrameMatch] = []
    grams, positions = candidates(norm, ad_only)
    frames_ = _scoped(ad_only).frames
    for position in positions:  # in file order, as without the index
        frame = frames_[position]
        if frame.rule not in skip:
            found.extend(matches_of(frame, norm, grams))
    return found


def candidates(norm: Normalized, ad_only: bool) -> tuple[frozenset[str], tuple[int, ...]]:
    """The text's grams the scope's gates know (cut once) and the positions, in file order, of the scope's frames
    whose required gram sets the text meets (:meth:`_Scope.candidates`)."""
    scope = _scoped(ad_only)
    grams = scope.known.intersection(norm.grams)
    return grams, tuple(scope.candidates(grams))


def scope_frames(ad_only: bool) -> tuple[Frame, ...]:
    """The frames of one scope, in file order (:func:`candidates` gives positions in it)."""
    return _scoped(ad_only).frames


def matches_of(frame: Frame, norm: Normalized, grams: frozenset[str]) -> list[FrameMatch]:
    """The matches of one frame of a scope; ``grams`` from :func:`candidates`."""
    if frame.requires_original and not frame.could_apply(norm):
        return []
    spans = frame.find(norm, grams=grams)
    if not spans:  # most frames find nothing: no list work for them (lint speed)
        return []
    if frame.kind != "window":
        spans = [s for s in spans if not frame.excepted_original(norm, s)]
    return [FrameMatch(frame.rule, span, frame.reason) for span in spans]
