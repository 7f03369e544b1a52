"""People's names written in English after a title or a greeting: "Dear Ms. Sales,", "Dr. Best", "Hi Bonnie,".

A word list reads the compact text, where "Ms. Sales" is "mssales" and "sale" is found in it; a person's name is
no offer, claim or health word, so a word-list match inside one is no match (session 33: a patient's surname in
an English reminder read as a sale).
"""

from __future__ import annotations

import re
from functools import lru_cache

_NAME = r"[A-Z][a-z'’-]+"
# a title then one or two capitalised words ("Mr. Sung-ho Kim"); a greeting then one name and the comma or "!"
# that closes the address ("Hello Summer Sale!" has two words before its "!", and is no address)
_PERSON_NAME_RE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+({_NAME}(?:[ \t]+{_NAME})?)"
    rf"|\b(?:Dear|Hi|Hello|Hey)[ \t]+({_NAME})(?=[ \t]*[,!])"
)


@lru_cache(maxsize=2048)
def person_name_spans(original: str) -> tuple[tuple[int, int], ...]:
    """Original-text spans of the names of people addressed or titled in ``original`` (none in most texts)."""
    return tuple(m.span(1) if m.group(1) else m.span(2) for m in _PERSON_NAME_RE.finditer(original))


def inside_a_name(original: str, start: int, end: int) -> bool:
    """Whether the original span ``start``..``end`` lies within a person's name (:func:`person_name_spans`)."""
    return any(a <= start and end <= b for a, b in person_name_spans(original))
