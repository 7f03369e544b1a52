"""A ranking among one's own kind is a superlative, not a comparison (issue 17, session 16).

"전국 한방병원 중 유일하게 …", "서울 안과 가운데 처음으로 …", "독보적인 침법" claim first/only place (MSA-SUPERLATIVE, which
the word lists find); they set the sender against no other clinic. The per-rule scorer reads the provider noun
in them as "another clinic" and reports MSA-COMPARISON; this check withdraws that second opinion when the
sentence it points at ranks the sender among its kind and names no other party or contrast. Model-free.
"""

from __future__ import annotations

import re

from .normalize import normalize

# "<kind> 중(에서)/가운데 유일·최초·처음·첫" (compact text); English "the only/first … in/among"
_RANK_RE = re.compile(
    r"(중|가운데|통틀어)(에서)?(유일|최초|처음|첫|단하나|단한곳)|(theonly|thefirst)[a-z]{0,30}(in|among)"
    r"|독보적|유일무이"
)
# an explicit other party or contrast keeps the comparison reading
_OTHER_RE = re.compile(
    r"다른|타(병원|의원|원|치과|안과)|남들|남보다|여기저기|보다|대비|비교|달리|다릅|차원|부럽|unlike|other|than|elsewhere"
)


def ranking_only(sentence: str) -> bool:
    """True when ``sentence`` (original text) ranks the sender among its kind without naming another party."""
    compact = normalize(sentence).text
    return _RANK_RE.search(compact) is not None and _OTHER_RE.search(compact) is None
