"""Korean particles after a word filled in at run time, chosen by how the word is read: "버전 1을", "버전 2를",
"서울로", "SMS를" — never both forms ("을(를)") when the reading is known.

The reading's last sound decides: a Hangul syllable's final consonant; a number read in Sino-Korean (일 이 삼 …;
a number ending in 0 ends in 영/십/백/천/만, all with a final); a Latin letter by its name (엘, 엠, 엔, 알 end in a
consonant). Quotes and closing brackets after the word are read through. 으로/로 also takes 로 after ㄹ.
"""

from __future__ import annotations

# each particle → (after a final consonant, after a vowel)
PAIRS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("을", "를"), ("을", "를")),
    **dict.fromkeys(("이", "가"), ("이", "가")),
    **dict.fromkeys(("은", "는"), ("은", "는")),
    **dict.fromkeys(("과", "와"), ("과", "와")),
    **dict.fromkeys(("으로", "로"), ("으로", "로")),
}
_BOTH = {"을": "을(를)", "이": "이(가)", "은": "은(는)", "과": "과(와)", "으로": "(으)로"}
_RIEUL = 8  # index of ㄹ among final consonants
# final consonant index of each digit's and letter's reading (0 = ends in a vowel)
_DIGITS = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_LETTERS = {"L": 8, "M": 16, "N": 4, "R": 8}  # 엘 엠 엔 알; every other letter's name ends in a vowel
_READ_THROUGH = "'\"’”」』)] "


def _final(word: str) -> int | None:
    """The final consonant index of the word's last sound, or None when it has no reading we know."""
    last = word.rstrip(_READ_THROUGH)[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last in _DIGITS:
        return _DIGITS[last]
    if last.isascii() and last.isalpha():
        return _LETTERS.get(last.upper(), 0)
    return None


def with_particle(word: str, particle: str) -> str:
    """``word`` followed by the form of ``particle`` (either form may be given: 을 or 를) that its reading takes."""
    with_final, without_final = PAIRS[particle]
    final = _final(word)
    if final is None:
        return word + _BOTH[with_final]
    if final == 0 or (with_final == "으로" and final == _RIEUL):
        return word + without_final
    return word + with_final
