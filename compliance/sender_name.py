"""Whether an advertisement names its sender (ADV-SENDER), read in English as well as Korean.

The word lists (``rules/adv.json`` ``sender``) find a kind of clinic with a name before it on the compact text
(:mod:`.normalize`), where English loses its capitals and spaces: "Our Gangnam clinic now welcomes …" and "New hair
clinic in Sinsa" read like "Soldam Hair Clinic". In English a clinic's name is a proper noun, so its kind word is
capitalised ("Hangaram Eye Center", "Mir Dental Seoul", "DR.PARK CLINIC"); a lower-case "clinic" is a common noun
and names nobody.

Likewise a capitalised word right after "(광고)" is taken for a name ("(광고) Banobagi", "(광고) DR.PARK"), but not
when the next word is an ordinary lower-case English word: "(광고) Weekend consultations in English …" and
"(광고) Check-up slots for tour groups …" open a sentence.
"""

from __future__ import annotations

import re

from .normalize import Normalized

# the last Latin word of a match, in the original text
_LAST_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*(?=[^A-Za-z]*$)")
# a word after the label's capitalised word that continues a sentence, not a name: lower-case Latin letters
_SENTENCE_GOES_ON_RE = re.compile(r"[ \t]+(?!(?:clinic|hospital|dental|medical|center|centre|surgery|skin|eye)\b)[a-z]")


# an English clinic name as written: capitalised words ending in a capitalised kind of clinic ("Soldam Hair Clinic",
# "Lumière PS", "Cheonga KM", "New Hairline Clinic"), accented Latin letters included
_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9'’.&-]*"
ENGLISH_NAME_RE = re.compile(
    rf"(?<![A-Za-zÀ-ÖØ-öø-ÿ]){_WORD}(?:\s+{_WORD}){{0,3}}?\s+(?:Clinic|Clinics|Hospital|Dental|Dentistry|Medical|Medicine|"
    r"Center|Centre|Skin|Derma|Surgery|Orthopa?edics?|Dermatology|Ophthalmology|Pa?ediatrics|Gyn(?:a)?ecology|OBGYN|"
    r"Urology|Aesthetics?|Wellness|Healthcare|Hair|Spine|Joint|Physio|Rehab(?:ilitation)?|Neurology|Psychiatry|"
    r"Eyes?|PS|KM|CLINIC|HOSPITAL|DENTAL|MEDICAL|CENTER|SKIN|SURGERY)(?![A-Za-z])"
)

# words that open a sentence, never a clinic's name ("(광고) Our Gangnam clinic now welcomes …")
_SENTENCE_OPENER_RE = re.compile(
    r"\s*\(광고\)\s*(?i:our|your|we|we're|this|these|those|the|a|an|my|its|their|all|every|now|get|book|come|join|"
    r"try|meet|visit|enjoy|call|don't|dont|why|what|how|when|where|who|is|are|do|looking|ready|need|want|have|here|"
    r"there|it|you|he|she|they|winter|summer|spring|autumn|fall|weekend|weekday|holiday|limited|exclusive|introducing|"
    r"check-up|checkup|consultations?|appointments?|slots?)(?![A-Za-z])"
)

# a procedure or body part after the label, then lower-case words: the offer's sentence, not a name ("(광고)\nEyelid
# surgery consultations in English every Saturday"); "(광고) Skin Clinic Seoul" keeps its capitals and stays a name.
# Apart from _SENTENCE_OPENER_RE because that one reads only the label's match, and this one the word after it.
_PROCEDURE_OPENER_RE = re.compile(
    r"\s*\(광고\)\s*(?i:eyelid|eye|nose|breast|face|facial|jaw|chin|laser|lasik|lasek|smile|cataract|implant|hair|skin|"
    r"body|botox|filler|lifting|liposuction|rhinoplasty|blepharoplasty|tummy|dental|teeth|tooth)s?[ \t]+[a-z]"
)


# a Korean word that ends in a particle of place or time ("오후에도", "주말에는", "저녁까지") or in a connective ending
# of a condition ("부족하면", "아프다면"): the kind of clinic after it is a common noun in a sentence ("토요일 오후에도
# 안과 검진이 가능합니다", "인공눈물로 부족하면 안과 진료를"), not the end of a name
_PARTICLE_WORD_RE = re.compile(r"(?:에도|에서|에는|에게|까지|부터|으로|을|를|에|하면|으면|려면|다면|라면)$")
# a kind of clinic written as a word of its own
_KIND_WORD_RE = re.compile(
    r"(?:안과|의원|병원|클리닉|성형외과|피부과|치과|한의원|이비인후과|정형외과|내과|외과|산부인과|비뇨기과|비뇨의학과|센터|"
    r"메디컬|[가-힣]{0,4}의학과|청소년과|소아과|신경과|정신과|한방병원|요양병원|의료원|아동병원|검진센터)"
)
# a word that is a name: something before a kind of clinic ("라임성형외과")
_NAME_WORD_RE = re.compile(rf"[가-힣A-Za-z0-9].*{_KIND_WORD_RE.pattern}$")


def names_sender_in_words(norm: Normalized, sender: re.Pattern[str]) -> bool:
    """Whether the message names a clinic: a Korean match of the ``sender`` word list whose kind word is not a common
    noun after a particle, an English match whose kind word is capitalised, or an English name as written
    (capitalised words ending in a kind of clinic)."""
    for found in sender.finditer(norm.text):
        start, end = norm.span(*found.span())
        if not found.group(0)[-1:].isascii():
            if _korean_name(norm.original[start:end]):
                return True
            continue
        last = _LAST_LATIN_WORD_RE.search(norm.original[start:end])
        if last is None or not last.group(0)[0].islower():
            return True
    return ENGLISH_NAME_RE.search(norm.original) is not None


def _korean_name(written: str) -> bool:
    """A Korean match as written names a clinic unless its kind word stands alone after a word ending in a particle
    (the compact text glued "오후에도 안과" into one word) and no word before it is a name ("라임성형외과 SNS에 병원")."""
    words = written.split()
    if len(words) < 2 or not _KIND_WORD_RE.fullmatch(words[-1]) or _PARTICLE_WORD_RE.search(words[-2]) is None:
        return True
    return any(_NAME_WORD_RE.search(word) for word in words[:-1])


def named_after_label(text: str, after_label: re.Pattern[str]) -> bool:
    """Whether the label is followed by a name (``after_label``'s match) rather than the first word of a sentence."""
    found = after_label.match(text)
    if found is None:
        return korean_brand_span(text) is not None
    if _SENTENCE_OPENER_RE.match(text, found.start(), found.end()) or _PROCEDURE_OPENER_RE.match(text):
        return False
    rest = text[found.end() :]
    return found.group(0).rstrip()[-1:] in "]】>〉」" or _SENTENCE_GOES_ON_RE.match(rest) is None


# A Korean clinic name right after the label whose kind word is a brand's ending rather than 의원/병원/클리닉:
# "(광고) 루미에스테틱 …", "(광고) 신사코성형 Sinsa Nose …", "(광고) 한빛덴탈 …". The label's slot is where the law
# puts the sender's name, but a Korean word there may be the offer itself ("(광고) 가을맞이 …", "(광고) 코성형 특가",
# "(광고) 쁘띠성형 이벤트", "(광고) 메디컬에스테틱 상담"): the part before the ending must be a word of two syllables
# or more that is neither an occasion (맞이, 방학, 연말 …) nor, once a body part or procedure at its end is set aside
# ("신사코" → "신사"), itself a body part, a procedure or a kind of care.
_BRAND_AFTER_LABEL_RE = re.compile(r"\s*\(광고\)\s*([가-힣]{2,10})(에스테틱|에스테티크|성형|덴탈)(?=[\s,:·|/)(!.]|$)")
# a body part or procedure that may end the part before "성형" ("신사코성형" = 신사 + 코성형)
_BODY_END_RE = re.compile(r"(?:안면윤곽|윤곽|쌍꺼풀|눈매|눈|코|가슴|이마|턱|광대|입술|귀|지방|엉덩이|양악|얼굴|재)$")
# words that make the ending a procedure or an offer, never a name
_NOT_A_BRAND = frozenset(
    [
        "쁘띠",
        "비수술",
        "무절개",
        "동안",
        "남자",
        "남성",
        "여성",
        "미용",
        "재건",
        "안면",
        "체형",
        "눈코",
        "메디컬",
        "메디",
        "피부",
        "바디",
        "토탈",
        "스킨",
        "페이스",
        "임플란트",
        "치아",
        "소아",
        "어린이",
        "학생",
        "직장인",
        "코끝",
        "눈밑",
        "앞트임",
        "뒤트임",
        "트임",
        "눈꼬리",
        "매몰",
        "절개",
        "비절개",
        "보형물",
        "자가지방",
        "지방이식",
        "거상",
        "이마거상",
        "안검",
        "상안검",
        "하안검",
        "쌍수",
        "리프팅",
        "필러",
        "보톡스",
        "모발이식",
        "재수술",
    ]
)
_OCCASION_RE = re.compile(r"맞이|방학|연말|새해|시즌|이벤트|할인|특가|여름|겨울|가을|수능|명절|추석|설날")


def korean_brand_span(text: str) -> tuple[int, int] | None:
    """Where the word right after the label is a Korean clinic name ending in a brand's kind word (에스테틱, 성형,
    덴탈) rather than a procedure or an offer (see ``_BRAND_AFTER_LABEL_RE``), or None."""
    found = _BRAND_AFTER_LABEL_RE.match(text)
    if found is None:
        return None
    before, ending = found.group(1), found.group(2)
    if _OCCASION_RE.search(before) or before in _NOT_A_BRAND:
        return None
    if ending == "성형":
        core = before
        while (stripped := _BODY_END_RE.sub("", core)) != core and stripped:
            core = stripped
        if len(core) < 2 or core in _NOT_A_BRAND or _BODY_END_RE.fullmatch(core):
            return None
    return found.start(1), found.end(2)
