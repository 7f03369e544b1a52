"""Korean text normalisation with an offset map back to the original text.

Rules match on a *compact* form of the message: NFKC-folded (１００％ → 100%), lower-cased, Latin
look-alikes folded (Cyrillic о → o), zero-width characters, spaces, punctuation and emoji dropped
(최 고, 최.고, 최🔥고 → 최고), compatibility jamo composed (ㅊㅚㄱㅗ → 최고), ``{{ … }}`` / ``#{…}``
placeholders treated as opaque gaps, and colloquial forms rewritten to one canonical form
(백퍼 → 100%, 넘버원 → 1위, 0원 and 공짜 → 무료). Every compact character remembers the original span it came from,
so a match ``[a, b)`` in the compact form maps back to ``[starts[a], ends[b-1])`` in the original.

Dropping spaces lets ``최 고`` match, but would also glue ordinary words together (수술 후 기간 → 후기간);
``gap_before`` keeps what was between two compact characters so that rules can ask whether a match that
crosses a space ends at a word boundary (see :meth:`Normalized.crosses_words_cleanly`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from nodes.send_alimtalk.placeholders import PLACEHOLDER_RE as ALIMTALK_PLACEHOLDER_RE

# gap kinds recorded before each compact character
GAP_NONE = 0
GAP_MARK = 1  # punctuation, emoji, zero-width between the characters
GAP_SPACE = 2  # whitespace (a word boundary) between the characters
SHORT_MATCH = 2  # compact characters: matches this short that cross a space need a word end
# word-sized matches (고혈압) that cross a space must not begin on the last syllable of the word before (드시고 혈압);
# longer phrase patterns may (a leading [가-힣]{1,8} starts wherever the regex finds it)
STRAY_MATCH = 5

_KEEP_SYMBOLS = frozenset("%+")
# Cyrillic and Greek letters that look like Latin ones (lower case after casefold)
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l",
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x",
    }
)  # fmt: skip

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONGSEONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_COMPOUND_VOWELS = {
    ("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ",
}  # fmt: skip

# colloquial and look-alike forms → one canonical form (matched on the compact text)
_REWRITES: dict[str, str] = {
    r"백퍼센트|백프로|백퍼|100프로|100퍼센트|100퍼|[li][o0][o0]%|1(?:o0|0o|oo)%": "100%",
    r"넘버원|넘버1(?![0-9])|넘버wan|numberone|no1(?![0-9])|n01(?![0-9])|no원": "1위",
    r"(?<![0-9])0원": "무료",
}
_BASE_REWRITES = len(_REWRITES)
# Synonyms (compliance/metamorphic.py): every rule and context check of 무료 reads them
_REWRITES[r"공짜"] = "무료"
_REWRITES[r"비용(?:부담)?없이"] = "무료로"  # "비용 없이 발급해 드립니다" is "무료로 발급해 드립니다"
# a procedure's English name inside a Korean sentence (next to Hangul in the compact text: "저가 implant의 함정") is
# read as its Korean name, so the Korean frames apply; in an English sentence it stays English
_PROCEDURE_NAMES = {
    "dentalimplants?": "임플란트", "implants?": "임플란트", "botox": "보톡스", "fillers?": "필러", "lasik": "라식",
    "lasek": "라섹", "laminates?": "라미네이트", "lifting": "리프팅", "doubleeyelid": "쌍꺼풀", "liposuction": "지방흡입",
    "rhinoplasty": "코성형", "ulthera": "울쎄라", "thermage": "써마지",
}  # fmt: skip
# each written letter-first (the look-behind after the first letter), so the search runs at literal speed
_REWRITES.update(
    {
        f"{en[0]}(?<=[가-힣]{en[0]}){en[1:]}(?![a-z])|{en[0]}(?<![a-z]{en[0]}){en[1:]}(?=[가-힣])": ko
        for en, ko in _PROCEDURE_NAMES.items()
    }
)
_REWRITE_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(list(_REWRITES)[:_BASE_REWRITES])))
# with the synonyms and procedure names: only for a text that holds one of them (most hold none: lint speed)
_REWRITE_ALL_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(_REWRITES)))
_EXTRA_GATE_RE = re.compile("|".join(["공짜", "없이", *sorted({re.sub(r"s\?$", "", en) for en in _PROCEDURE_NAMES})]))
_REWRITE_TO = {f"r{i}": target for i, target in enumerate(_REWRITES.values())}


def _rewrites_for(text: str) -> re.Pattern[str]:
    """The rewrites that can apply to the compact ``text`` (one literal search decides)."""
    return _REWRITE_ALL_RE if _EXTRA_GATE_RE.search(text) else _REWRITE_RE


# Jinja expressions and AlimTalk #{변수} (the one pattern of nodes.send_alimtalk.placeholders) are not words
_PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|" + ALIMTALK_PLACEHOLDER_RE.pattern, re.S)
_FILLERS = frozenset("\u3164\u115f\u1160\uffa0")  # Hangul fillers: invisible, used to split words
_PARTICLES = frozenset("의를을은는이가에도로와과만인한라랑께서며면")

# per-character cache: char -> (output chars, kind); kind "k" keep, "j" jamo, "s" space, "m" mark
_CHAR_CACHE: dict[str, tuple[str, str]] = {}


def _classify(ch: str) -> tuple[str, str]:
    cached = _CHAR_CACHE.get(ch)
    if cached is not None:
        return cached
    folded = unicodedata.normalize("NFKC", ch).lower().translate(_LOOKALIKES)
    kinds: list[tuple[str, str]] = []
    for c in folded:
        if c in _FILLERS:
            kinds.append((c, "m"))
        elif "가" <= c <= "힣" or (c.isalnum() and not _is_jamo(c)):
            kinds.append((c, "k"))
        elif _is_jamo(c):
            kinds.append((c, "j"))
        elif c.isspace():
            kinds.append((c, "s"))
        elif c in _KEEP_SYMBOLS:
            kinds.append((c, "k"))
        else:
            kinds.append((c, "m"))
    if not kinds:  # NFKC removed the character entirely
        result = ("", "m")
    elif len(kinds) == 1:
        result = kinds[0]
    else:  # an expansion (e.g. ㈜ → (주)): keep the kept characters, else treat as a mark
        kept = "".join(c for c, k in kinds if k in "kj")
        result = (kept, "k") if kept else (folded, "s" if folded.isspace() else "m")
    if len(_CHAR_CACHE) < 50_000:
        _CHAR_CACHE[ch] = result
    return result


def _is_jamo(c: str) -> bool:
    return "\u3131" <= c <= "\u318e" or "\u1100" <= c <= "\u11ff"


def _compat_jamo(c: str) -> str:
    """Conjoining jamo (U+1100 block) → the compatibility letter; other characters unchanged."""
    code = ord(c)
    if 0x1100 <= code <= 0x1112:
        return _CHOSEONG[code - 0x1100]
    if 0x1161 <= code <= 0x1175:
        return _JUNGSEONG[code - 0x1161]
    if 0x11A8 <= code <= 0x11C2:
        return _JONGSEONG[code - 0x11A7]
    return c


class Normalized:
    """The compact text and its map back to the original.

    Built either per character (``starts``/``ends``/``gap_before``) or, for plain text, per run of kept
    characters (a run maps one-to-one onto a stretch of the original); the per-character tuples of a
    run-built object are materialised only when asked for, so the common case stays cheap.
    """

    __slots__ = ("_ends", "_gaps", "_grams", "_run_gaps", "_run_orig", "_run_start", "_starts", "original", "text")

    def __init__(
        self,
        original: str,
        text: str,
        starts: tuple[int, ...] | None = None,
        ends: tuple[int, ...] | None = None,
        gap_before: tuple[int, ...] | None = None,
        runs: tuple[list[int], list[int], list[int]] | None = None,
    ) -> None:
        self.original = original
        self.text = text  # the compact form rules match on
        self._starts = starts
        self._ends = ends
        self._gaps = gap_before
        self._run_start, self._run_orig, self._run_gaps = runs if runs is not None else ([], [], [])
        self._grams: frozenset[str] | None = None

    @property
    def grams(self) -> frozenset[str]:
        """The compact text's one- and two-character substrings (rule prefilters, :mod:`.prefilter`)."""
        if self._grams is None:
            from .prefilter import grams

            self._grams = grams(self.text)
        return self._grams

    def _materialise(self) -> None:
        starts: list[int] = []
        gaps: list[int] = []
        bounds = [*self._run_start[1:], len(self.text)] if self._run_start else []
        for first, orig, gap, stop in zip(self._run_start, self._run_orig, self._run_gaps, bounds, strict=True):
            starts.extend(range(orig, orig + stop - first))
            gaps.append(gap)
            gaps.extend([GAP_NONE] * (stop - first - 1))
        self._starts = tuple(starts)
        self._ends = tuple(s + 1 for s in starts)
        self._gaps = tuple(gaps)

    @property
    def starts(self) -> tuple[int, ...]:
        """Original start offset of each compact character."""
        if self._starts is None:
            self._materialise()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> tuple[int, ...]:
        """Original end offset (exclusive) of each compact character."""
        if self._ends is None:
            self._materialise()
        assert self._ends is not None
        return self._ends

    @property
    def gap_before(self) -> tuple[int, ...]:
        """GAP_* kind between compact character i-1 and i (GAP_SPACE at 0)."""
        if self._gaps is None:
            self._materialise()
        assert self._gaps is not None
        return self._gaps

    def _orig(self, i: int) -> int:
        if self._starts is not None:
            return self._starts[i]
        k = bisect_right(self._run_start, i) - 1
        return self._run_orig[k] + i - self._run_start[k]

    def _gap(self, i: int) -> int:
        if self._gaps is not None:
            return self._gaps[i]
        k = bisect_right(self._run_start, i) - 1
        return self._run_gaps[k] if self._run_start[k] == i else GAP_NONE

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original offsets of the compact range ``[a, b)`` (an empty range maps to an empty span)."""
        if not self.text:
            return (0, 0)
        if b <= a:
            pos = self._orig(a) if a < len(self.text) else len(self.original)
            return (pos, pos)
        end = self._ends[b - 1] if self._ends is not None else self._orig(b - 1) + 1
        return (self._orig(a), end)

    def crosses_space(self, a: int, b: int) -> bool:
        if self._gaps is not None:
            return any(self._gaps[k] == GAP_SPACE for k in range(a + 1, b))
        first, last = bisect_right(self._run_start, a), bisect_left(self._run_start, b)
        return any(self._run_gaps[k] == GAP_SPACE for k in range(first, last))

    def ends_word(self, b: int) -> bool:
        """True when compact position ``b`` (exclusive end) is a word end, allowing one trailing particle."""
        n = len(self.text)
        if b >= n or self._gap(b) != GAP_NONE or not _is_hangul(self.text[b]):
            return True
        return self.text[b] in _PARTICLES and (b + 1 >= n or self._gap(b + 1) != GAP_NONE)

    def starts_word(self, a: int) -> bool:
        """True when compact position ``a`` begins a word (something stood between it and the character before)."""
        return a == 0 or self._gap(a) != GAP_NONE

    def crosses_words_cleanly(self, a: int, b: int) -> bool:
        """Accept a match; a short one spanning a space (최 고) must be a whole split word: start a word and end
        one, so 수술 후 기간 ≠ 후기 and 통증 정도 ≠ 증정.

        Evasions split short words; long phrase patterns (조직검사 결과 양성) span spaces by design.
        """
        if b - a > STRAY_MATCH or not self.crosses_space(a, b):  # the common cases first (lint speed)
            return True
        if b - a > SHORT_MATCH:  # a phrase may span spaces; a word-sized one not from another word's last syllable
            return not self._stray_start(a)
        return self.starts_word(a) and self.ends_word(b)

    def _stray_start(self, a: int) -> bool:
        """The match begins on the last syllable of a longer Hangul word (드시고 혈압 ≠ 고혈압), or inside an English
        word (thi|s a le|gally ≠ sale: Latin script has no particles, a word is whole or not at all)."""
        if not self.starts_word(a) and _is_latin(self.text[a]) and _is_latin(self.text[a - 1]):
            return True
        return (
            not self.starts_word(a)
            and a + 1 < len(self.text)
            and self._gap(a + 1) == GAP_SPACE
            and _is_hangul(self.text[a])
            and _is_hangul(self.text[a - 1])
            and self.text[a] not in _PARTICLES  # 날짜만 잡고: a pattern may begin on a particle
        )


def _is_hangul(c: str) -> bool:
    return "가" <= c <= "힣"


def _is_latin(c: str) -> bool:
    return "a" <= c <= "z"  # the compact text is lower-cased


# text made only of these characters needs no per-character folding: Hangul syllables, printable ASCII,
# whitespace and common Korean punctuation — the regex engine then builds the compact form in runs
_SIMPLE_RE = re.compile(r"[\u0020-\u007e\uac00-\ud7a3\n\r\t·…“”‘’→~!?]*")
_RUN_RE = re.compile(r"[\uac00-\ud7a3A-Za-z0-9%+]+")
_SPACE_RE = re.compile(r"\s")


def _mask_placeholders(original: str) -> str:
    """``{{ … }}`` and ``#{…}`` replaced by spaces of the same length (offsets unchanged)."""
    return _PLACEHOLDER_RE.sub(lambda m: " " * len(m.group(0)), original)


def _normalize_simple(original: str) -> Normalized:
    text = _mask_placeholders(original) if "{" in original else original
    pieces: list[str] = []
    run_start: list[int] = []
    run_orig: list[int] = []
    run_gaps: list[int] = []
    length = 0
    previous_end = 0
    for run in _RUN_RE.finditer(text):
        a, b = run.span()
        # runs are maximal, so something always separates two runs: whitespace, or else marks
        run_gaps.append(GAP_SPACE if not pieces or _SPACE_RE.search(text, previous_end, a) else GAP_MARK)
        pieces.append(run.group())
        run_start.append(length)
        run_orig.append(a)
        length += b - a
        previous_end = b
    compact = "".join(pieces).lower()  # ASCII and Hangul: lower() keeps the length
    norm = Normalized(original, compact, runs=(run_start, run_orig, run_gaps))
    rewrites = _rewrites_for(compact)
    if rewrites.search(compact):
        rewritten, starts, ends, gaps = _rewrite(
            compact, list(norm.starts), list(norm.ends), list(norm.gap_before), rewrites
        )
        return Normalized(original, rewritten, tuple(starts), tuple(ends), tuple(gaps))
    return norm


@lru_cache(maxsize=1024)  # one analysis per text: a message is linted again on every keystroke and every report
def normalize(original: str) -> Normalized:
    """Build the compact form of ``original`` with its offset map. Never raises for any ``str``. Cached per text
    (bounded): the result is never changed by its readers."""
    if _SIMPLE_RE.fullmatch(original):
        return _normalize_simple(original)
    return _normalize_full(original)


def _normalize_full(original: str) -> Normalized:
    chars: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    gaps: list[int] = []
    gap = GAP_SPACE
    placeholder_spans = {m.start(): m.end() for m in _PLACEHOLDER_RE.finditer(original)} if ("{" in original) else {}
    i = 0
    n = len(original)
    while i < n:
        if placeholder_spans and i in placeholder_spans:
            i = placeholder_spans[i]
            gap = GAP_SPACE
            continue
        out, kind = _classify(original[i])
        if kind == "s":
            gap = GAP_SPACE
        elif kind == "m":
            gap = max(gap, GAP_MARK)
        else:
            for c in out:
                chars.append(c)
                kinds.append(kind if not _is_jamo(c) else "j")
                starts.append(i)
                ends.append(i + 1)
                gaps.append(gap)
                gap = GAP_NONE
        i += 1
    if "j" in kinds:
        chars, starts, ends, gaps = _compose_jamo(chars, kinds, starts, ends, gaps)
    text = "".join(chars)
    rewrites = _rewrites_for(text)
    if rewrites.search(text):
        text, starts, ends, gaps = _rewrite(text, starts, ends, gaps, rewrites)
    return Normalized(original, text, tuple(starts), tuple(ends), tuple(gaps))


def _compose_jamo(
    chars: list[str], kinds: list[str], starts: list[int], ends: list[int], gaps: list[int]
) -> tuple[list[str], list[int], list[int], list[int]]:
    """Compose runs of jamo (compatibility or conjoining) into syllables: ㅊㅚㄱㅗ → 최고."""
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    out_g: list[int] = []
    n = len(chars)
    j = 0
    while j < n:
        if kinds[j] == "j":
            lead = _compat_jamo(chars[j])
            if lead in _CHOSEONG and j + 1 < n and kinds[j + 1] == "j":
                vowel = _compat_jamo(chars[j + 1])
                if vowel in _JUNGSEONG:
                    k = j + 2
                    if k < n and kinds[k] == "j":
                        compound = _COMPOUND_VOWELS.get((vowel, _compat_jamo(chars[k])))
                        if compound:
                            vowel = compound
                            k += 1
                    tail = 0
                    if k < n and kinds[k] == "j":
                        final = _compat_jamo(chars[k])
                        next_is_vowel = k + 1 < n and kinds[k + 1] == "j" and (_compat_jamo(chars[k + 1]) in _JUNGSEONG)
                        if final in _JONGSEONG and final != " " and not next_is_vowel:
                            tail = _JONGSEONG.index(final)
                            k += 1
                    code = 0xAC00 + (_CHOSEONG.index(lead) * 21 + _JUNGSEONG.index(vowel)) * 28 + tail
                    out_c.append(chr(code))
                    out_s.append(starts[j])
                    out_e.append(ends[k - 1])
                    out_g.append(gaps[j])
                    j = k
                    continue
        out_c.append(chars[j])
        out_s.append(starts[j])
        out_e.append(ends[j])
        out_g.append(gaps[j])
        j += 1
    return out_c, out_s, out_e, out_g


def _rewrite(
    text: str, starts: list[int], ends: list[int], gaps: list[int], rewrites: re.Pattern[str] = _REWRITE_RE
) -> tuple[str, list[int], list[int], list[int]]:
    """Apply the colloquial rewrites; each output character maps to the whole original span replaced."""
    out: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    new_g: list[int] = []
    pos = 0
    for match in rewrites.finditer(text):
        a, b = match.span()
        out.append(text[pos:a])
        new_s.extend(starts[pos:a])
        new_e.extend(ends[pos:a])
        new_g.extend(gaps[pos:a])
        target = _REWRITE_TO[match.lastgroup or ""]
        out.append(target)
        new_s.extend([starts[a]] * len(target))
        new_e.extend([ends[b - 1]] * len(target))
        new_g.extend([gaps[a]] + [GAP_NONE] * (len(target) - 1))
        pos = b
    out.append(text[pos:])
    new_s.extend(starts[pos:])
    new_e.extend(ends[pos:])
    new_g.extend(gaps[pos:])
    return "".join(out), new_s, new_e, new_g
