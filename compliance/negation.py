"""Negated and quoted mentions of promotional words: "할인 행사를 하지 않습니다" says there is no discount.

A promotion word is *negated* when the first predicate after it in its sentence is negated: followed by
``-지 않다`` (진행하지 않습니다), itself ``없다`` / ``아니다`` (할인은 없습니다, 이벤트가 아닙니다), or preceded by
the adverbs 안 / 못 (할인은 안 됩니다). ``-지 말다`` is not a negation here: "놓치지 마세요" sells.
A word inside quotation marks in a warning about impersonation or fraud ("'무료 검진 이벤트' 문자가 돌고
있습니다. 주의하세요") is a mention, not an offer.

Only texts that contain a negation or warning cue are analysed (kiwipiepy, cached per text), and not those
whose word is followed at once by a plainly written negation (할인은 없습니다, 이벤트는 진행하지 않습니다, 할인 불가):
the analyser costs ≈ 300 MB once loaded, and a clinic's legally required "no discounts" notice is an ordinary
message.
"""

from __future__ import annotations

import re

from . import morph
from .morph import Morphs, analyse

_CUE_RE = re.compile(
    r"않|없|아니|아닙|못|불가|금지|안\s?(해|하|드|됩|돼|되|받)|사칭|주의|사기|스미싱|피싱|도용|속지|미끼|무관"
)
_WARNING_RE = re.compile(r"사칭|주의|사기|스미싱|피싱|도용|속지|미끼|무관|관계가\s?없|관련이\s?없")
_BAIT_RE = re.compile(r"미끼|사칭|사기|스미싱|피싱|도용|무관|관계가\s?없|관련이\s?없")
_QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”", "「": "」", "『": "』"}
# A negation written right after the word (a particle between at most): the analysis would find the same, its
# first predicate being 없/아니, 불가/금지/제외, a predicate after 안, or 하지/드리지 않다 (checked on the corpus).
# Not 없이 (an adverb: "본인부담금 없이" offers), 없애다 in any of its contracted forms (없앱니다, 없앤, 없앨, 없앴다:
# "잡티만 골라 없앱니다" removes, it does not negate), 하지 못하다 (못하 is one token).
_PLAIN_NEGATION_RE = re.compile(
    r"(?:은|는|이|가|도|을|를)? ?"
    r"(?:없(?!이|[애앤앨앰앱앴]|어[지집져진질졌짐])|아닙|아니|불가(?!능)|금지|제외|안 ?(?:됩|돼|되)|(?:진행|제공)?하지 ?않|드리지 ?않)"
)
_SENTENCE_END_TAGS = frozenset({"SF"})
_SENTENCE_END_RE = re.compile(r"[.!?]")
# A written word that is a predicate: it ends in a verbal ending (진행합니다, 받으세요, 하지, 드려요, 진행한) or
# is a negative predicate itself (없습니다, 않아요, 아닙니다). Nouns with particles (할인은, 행사를, 달에는) are not.
_PREDICATE_END_RE = re.compile(
    r"(?:다|요|까|죠|고|며|면|서|지|게|도록|니|네|어|아|여|해|돼|봐|와|줘|셔|워|세요|시오|는데|지만|니까|려고|러|겠"
    r"|한|할|된|될|실|신|릴|하는|되는|있는|없는|받는|주는|드리는|않는|[가-힣]다는"
    r"|어도|아도|여도|셔도|해도|워도|져도|돼도|봐도|줘도)$"  # 오셔도, 받아도: a concessive predicate (not 저희도)
)
_NEGATIVE_PREDICATE_RE = re.compile(r"^(?:없(?!이|[애앤앨앰앱앴]|어[지집져진질졌짐])|않|아니|아닙|아냐)")
_NEGATED_NOUN_RE = re.compile(r"^(?:불가|금지|제외)")
# a short topic noun between the word and its 불가 ("무료 주차는 불가하고", "할인 적용 불가"): the analysis reads noun,
# (particle,) 불가 as the tokens after the word, so the written reading passes over it too when the word ended at ``end``
_SHORT_TOPIC_RE = re.compile(r"^[가-힣]{1,3}(?:은|는|이|가|도)?$")
# the law or a rule named as why (할인은 의료법상 불가합니다, 이벤트는 규정상 금지): passed over, and the 불가/금지/제외 after it
# negates however far it stands (a legally required notice says no; "중복 적용은 불가" still offers the discount)
_LEGAL_BASIS_RE = re.compile(r"^(?:의료법|관련\s?법|법령|법률|법|규정|원칙)(?:상|적으로|에\s?따라|으로|상으로)?$")
_LEGAL_BASIS_NOUNS = frozenset({"법", "법령", "법률", "규정", "원칙"})
# the rest of a predicate that ended at the match (통증이 전혀 없‖어 걱정 없으실): an ending, no predicate of its own
# (-지 stays a predicate: 할인하‖지 않습니다 is read at its 않)
_BARE_ENDING_RE = re.compile(r"^(?:어|아|여|고|며|게|서|면|다|요|어요|아요|여요|네요|죠|니다|습니다)$")
# bare nouns whose last syllable is also an ending (이벤트·광고 메시지는 …): passed over like other nouns
_NOUNS_LIKE_PREDICATES = frozenset({"광고", "최고", "경고", "참고", "재고", "신고", "공고", "안내서", "문서"})
_REMOVE_RE = re.compile(r"^없[애앤앨앰앱앴]")
_WORDS_READ = 8  # the analysis reads 12 morphemes: about 8 written words
# A charge not taken is the offer itself, not its withdrawal: "두 번째 시술비를 받지 않아요", "검사비는 따로
# 청구하지 않습니다" waive a fee. Both readings check this first, so neither withdraws such an inducement.
_WAIVED_CHARGE_RE = re.compile(
    r"[^.!?\n]{0,60}?(?:비|료|값|비용|금액|돈|부담금|예약금|위약금)\s?(?:을|를|은|는|도)?\s?(?:따로|별도로|일절|전혀)?\s?"
    r"(?:받지|청구하지|부과하지|묻지)(?:도\s?(?:따지지도)?)?\s?않"
)
_CLAUSE_PREDICATE_TAGS = ("VV", "VA", "VX", "VCN", "VCP", "XSV", "XSA")


def is_cued(text: str) -> bool:
    """Whether ``text`` can hold a negated or quoted mention at all (no analysis needed otherwise)."""
    return _CUE_RE.search(text) is not None


def negated(text: str, start: int, end: int) -> bool:
    """Whether the promotional word at ``text[start:end]`` is negated or only quoted in a warning."""
    if not is_cued(text):
        return False
    if _quoted_in_warning(text, start, end) or plainly_negated(text, end):
        return True
    return negated_by_analysis(text, end) if morph.ANALYSER else negated_in_writing(text, end)


def negated_in_writing(text: str, end: int) -> bool:
    """Whether the first predicate after ``end`` in its sentence is negated, read from the written words: the
    same reading as :func:`negated_by_analysis` (checked at every promotion word and promotion/inducement frame
    match of every corpus text), no model.

    Words up to the sentence's end are read in order; the rest of the word ending at ``end`` counts as a word
    (할인‖하지 않습니다). Nouns with particles are passed over; 불가/금지/제외 right after the word negates; 안/못
    before a predicate negates; the first predicate decides: 없/않/아니… itself, or ``-지`` followed by 않/못."""
    if waived_charge_follows(text, end):
        return False
    stop = _SENTENCE_END_RE.search(text, end)
    every = [w.strip("\n\t,·~()[]'\"") for w in text[end : stop.start() if stop else len(text)].split(" ")]
    every = [w for i, w in enumerate(every) if w or i == 0]
    words = every[:_WORDS_READ]  # where the first predicate may be; its -지 않다 may be the next word (받지‖않아요)
    legal = False
    for i, word in enumerate(words):
        if not word:
            continue
        topic_between = i == 2 and not every[0] and _SHORT_TOPIC_RE.match(words[1]) is not None
        if (i <= 1 or legal or topic_between) and _NEGATED_NOUN_RE.match(word):
            return True
        if _LEGAL_BASIS_RE.match(word):
            legal = True
            continue
        if word in ("안", "못"):
            return i + 1 < len(words)
        if word in _NOUNS_LIKE_PREDICATES or (i == 0 and _BARE_ENDING_RE.match(word)):
            continue
        if _NEGATIVE_PREDICATE_RE.match(word):
            return True
        if word == "없이":  # an adverb: "본인부담금 없이 받으세요" offers
            continue
        if _REMOVE_RE.match(word):  # 없애다 (없앱니다, 없앤): a predicate, and no negation
            return False
        if _PREDICATE_END_RE.search(word):
            if "지않" in word or ("지못" in word and "지못하" not in word):  # written without a space
                return True
            following = every[i + 1] if i + 1 < len(every) else ""
            # 하지 못하다: the analysis reads 못하 as one auxiliary, not as a negation (kept as it reads)
            return word.endswith("지") and following.startswith(("않", "못")) and not following.startswith("못하")
    return False


def negated_by_analysis(text: str, end: int) -> bool:
    """Whether the first predicate after ``end`` in its sentence is negated, read from the analysis."""
    return not waived_charge_follows(text, end) and _predicate_negated(analyse(text), end)


def waived_charge_follows(text: str, end: int) -> bool:
    """Whether the sentence after ``end`` waives a charge (시술비를 받지 않아요, 본인부담금은 묻지도 따지지도 않습니다): a benefit,
    never a negation."""
    return _WAIVED_CHARGE_RE.match(text, end) is not None


def plainly_negated(text: str, end: int) -> bool:
    """Whether a negation is written right after the word ending at ``end`` (no analysis needed); a charge waived
    later in the sentence (효과가 없으면 시술비를 받지 않습니다) makes it a benefit, as both readings say."""
    return _PLAIN_NEGATION_RE.match(text, end) is not None and not waived_charge_follows(text, end)


def _quoted_in_warning(text: str, start: int, end: int) -> bool:
    if _WARNING_RE.search(text) is None:
        return False
    sentence_start = max(text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n")) + 1
    sentence_end = min(
        (i for i in (text.find(mark, end) for mark in (".", "!", "?", "\n")) if i >= 0), default=len(text)
    )
    if _BAIT_RE.search(text, sentence_start, sentence_end):  # "할인을 미끼로 … 전화는 저희와 관계가 없습니다"
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    for opening, closing in _QUOTES.items():
        at = before.rfind(opening)
        if at >= 0 and closing not in before[at + 1 :] and closing in text[end : end + 40]:
            return True
    return False


def _predicate_negated(morphs: Morphs, end: int) -> bool:
    tokens = morphs.tokens
    index = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
    previous = tokens[index - 1] if index else None
    legal = False
    for i in range(index, min(len(tokens), index + 12)):
        token = tokens[i]
        if token.tag in _SENTENCE_END_TAGS:
            return False
        if token.tag == "NNG" and token.form in ("불가", "금지", "제외") and (i <= index + 2 or legal):
            return True
        legal = legal or (token.tag == "NNG" and token.form in _LEGAL_BASIS_NOUNS)
        if token.tag.startswith(_CLAUSE_PREDICATE_TAGS):
            if token.form in ("없", "아니") or (previous is not None and previous.form in ("안", "못")):
                return True
            following = tokens[i + 1 : i + 4]
            if len(following) == 3 and following[1].tag == "JX" and following[1].form in ("는", "도"):
                following = (
                    following[0],
                    following[2],
                )  # 환급되지는 않는: a particle between 지 and 않 (written alike)
            return (
                len(following) >= 2
                and following[0].form == "지"
                and following[1].form in ("않", "못")
                and following[1].tag.startswith("VX")
            )
        previous = token
    return False
