"""Suggested rewrites: for a finding, a compliant alternative the editor can apply with one click.

A suggestion is an edit of the message text — replace ``[start, end)`` by ``text`` (an insertion when
``start == end``) — with a Korean / English explanation. ``kind`` says what it does: ``remove`` (drop the
claim), ``replace`` (a factual alternative), ``insert`` (add what the law requires) or ``move`` (take the
promotion out of an informational message: send it from an advertising node instead).

Each rule proposes candidates from the smallest edit to the largest (the words, then their whole sentence;
a claim about other clinics, a testimonial or an offer is a sentence's meaning, so only the sentence goes).
Every edit keeps the message's head — the (광고) label, the clinic's name, the "○○님," greeting — and its
opt-out footer, and leaves one space where text went (no doubled spaces, no orphan comma or particle).
Given the checker (``relint``), the first candidate after which the finding is gone at its place and no
other finding appears is chosen (:func:`suggest`); the corpus audit in tests checks this on every line.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .conventions import SENTENCE_CONVENTIONS, SentenceConvention
from .findings import RULES_DIR, Finding
from .normalize import normalize
from .sender_name import korean_brand_span

# each notice in a few wordings: the first that the checker reads as plainly factual in this message is used
RISK_NOTICES = (
    "부작용이 있을 수 있으며 개인차가 있습니다.",
    "개인에 따라 부작용이 생길 수 있고 결과가 다를 수 있습니다.",
)
RISK_NOTICES_EN = (
    "Side effects may occur and results vary by individual.",
    "Risks apply; individual results may vary.",
)
FEE_NOTICES = ("비용은 원내에 게시된 비급여 진료비용을 따릅니다.", "진료비는 원내 게시 가격표를 참고해 주세요.")
FEE_NOTICES_EN = ("Fees follow the price list posted at the clinic.", "Please see the clinic's posted price list.")
HEALTH_NOTICES = ("자세한 내용은 내원하시면 안내드립니다.", "결과는 내원하시면 원장님이 직접 설명드립니다.")
HEALTH_NOTICES_EN = ("We will explain the details at your visit.", "The doctor will go over your results in person.")
RISK_NOTICE, FEE_NOTICE, HEALTH_NOTICE = RISK_NOTICES[0], FEE_NOTICES[0], HEALTH_NOTICES[0]
OPTOUT = "무료수신거부 {{ clinic.optout_number }}"
_OPTOUT_RE = re.compile(r"무료\s*(수신)?\s*거부")
_WORD_CHAR = re.compile(r"[0-9A-Za-z가-힣]")
_LABEL_VARIANT_RE = re.compile(r"^\s*[\[(（<【]?\s*광\s*[.·/ ]?\s*고\s*[\])）>】:|]?\s*")
# where a sentence ends: . ! ? 。 (not inside 1.5 or No.1), a line break, or a bullet-like mark
_SENTENCE_END_RE = re.compile(
    r"(?<!\b(?:Dr|Mr|Ms|No|St|Jr|vs))(?<!\bMrs)[.!?。](?![0-9A-Za-z])[\"'”’)]*|\n|[~♡♥★☆※▶►■●◆]"
)
_CLINIC = (
    r"(?:\{\{\s*clinic\.name\s*\}\}|[\[【<〈「][^\]】>〉」\n]{1,30}[\]】>〉」]"
    r"|[가-힣A-Za-z0-9]{1,12}(?:안과|의원|병원|클리닉|성형외과|피부과|치과|한의원|이비인후과|정형외과|내과|외과"
    r"|산부인과|비뇨기과|센터|메디컬)(?![가-힣])"
    # a department name ("연우소아청소년과", "하늘척추재활의학과") or a Latin brand before one ("Bareun 척추의원")
    r"|(?:[A-Za-z][A-Za-z0-9.&'’-]*\s)?[가-힣]{1,14}(?:과|의원|병원|치과|한의원|센터)(?=[\s:：|,])"
    r"|(?:[A-Z][A-Za-zÀ-ɏ0-9.&'’-]*\s){0,4}(?:Clinic|Hospital|Dental|Medical|Eye|Eyes|Skin|Center|Centre|Surgery|Dermatology"
    r"|Medicine|Orthop(?:a)?edics|P(?:a)?ediatrics|Dentistry|Ophthalmology)\b"
    r"(?:\s*&\s*[A-Z][A-Za-z]+)?"
    r"|(?:[A-Z][A-Za-zÀ-ɏ0-9.&'’-]*\s){1,3}(?:PS|KM|ENT)\b)"  # "Lumière PS", "Cheonga KM", "Malgeunsori ENT"
)
# the head a rewrite never touches: the label, the clinic's name, a "○○님," or "Hi Anna," greeting
_GREETING = (
    r"(?:(?:\{\{\s*patient\.name\s*\}\}\s*님|[가-힣○*]{1,6}\s*님\s*[,!]"
    r"|(?:Hi|Hello|Dear|Hey|Good\s+(?:morning|afternoon|evening))\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?:\{\{\s*patient\.name\s*\}\}|[A-Z][A-Za-zÀ-ɏ'’-]*(?:\s+[A-Z][A-Za-zÀ-ɏ'’-]*)?)\s*[,!])\s*[,!]?\s*)"
)
_HEAD_RE = re.compile(
    r"^\s*(?:[\[(（<【]?\s*광\s*[.·/ ]?\s*고\s*[\])）>】:]?\s*)?"
    r"(?:" + _CLINIC + r"\s*[:：\-|—–]?\s*" + _GREETING + "?|" + _GREETING + r"(?:" + _CLINIC + r"\s+)?)?"
)
# sentences a rewrite keeps: the risk notice and the opt-out footer
_PROTECTED_RE = re.compile(
    r"[※*]?\s*(?:[가-힣·,]{0,20}\s*)?(?:부작용[^.\n]{0,30}?(?:있을\s*수|생길\s*수|발생할\s*수|가능|有|유의)|개인차|"
    r"개인(?:에\s*따라|마다|별)|side\s*effects?[^.\n]{0,30}?(?:may|can|possible)|results?\s*(?:may\s*)?vary|"
    r"risks?\s*apply)|무료\s*(?:수신)?\s*거부",
    re.I,
)
_HANGUL_RE = re.compile(r"[가-힣]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_BAD_SEAM_RE = re.compile(
    r"(?:^|[\s(\[])[,.!?·:;](?![0-9.])|[,·:;]\s*[,.!?·:;]|(?<![.])\.\s*\.(?![.])|\(\s*\)|\[\s*\]|  |^[ \t]|[ \t]$", re.M
)
# adverbs that only intensify the claim after them ("전혀 아프지 않은"): they go with it
_INTENSIFIER_RE = re.compile(
    r"(?:전혀|절대|절대로|결코|하나도|완전히|무조건|확실히|반드시|never|absolutely|completely)\s*$"
)
_PARTICLE_RE = re.compile(
    r"(?:^|\s)(?:은|는|이|가|을|를|의|에|에서|로|으로|와|과|도|만|보다|처럼|에게|께|및|이나|부터|까지)(?=[\s,.!?]|$)"
)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # remove | replace | insert | move
    start: int  # offsets into the original text
    end: int
    text: str
    message: str  # Korean / English
    taken: str = ""  # the original words the edit takes out (reports show them; not in the JSON)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text, "message": self.message}

    def apply(self, original: str) -> str:
        return original[: self.start] + self.text + original[self.end :]

    def shifted(self, by: int) -> Suggestion:
        return replace(self, start=self.start + by, end=self.end + by)


_REMOVE_MESSAGES = {
    "MSA-SUPERLATIVE": "최상급 표현을 빼세요 / remove the superlative",
    "MSA-GUARANTEE": "효과 보장 문구를 빼세요 / remove the promise of a result",
    "MSA-SAFETY-CLAIM": "부작용·통증을 부정하는 문구를 빼세요 / remove the claim denying side effects or pain",
    "MSA-TESTIMONIAL": "치료경험담을 빼세요 / remove the patient testimonial",
    "MSA-BEFORE-AFTER": "전후 비교 안내를 빼세요 / remove the before/after announcement",
    "MSA-COMPARISON": "다른 의료기관과 비교하는 문장을 빼세요 / remove the sentence comparing with other clinics",
    "MSA-DEFAME": "다른 의료기관 비방을 빼세요 / remove the disparagement of other clinics",
    "MSA-CELEBRITY": "유명인 추천 문구를 빼세요 / remove the celebrity endorsement",
    "MSA-ARTICLE-FORM": "방송·기사 형태 문구를 빼세요 / remove the broadcast or press framing",
    "MSA-SURGERY-SCENE": "수술 영상 안내를 빼세요 / remove the surgery footage",
    "MSA-UNVERIFIED": "검증되지 않은 표현을 빼세요 / remove the unverified claim",
    "MSA-FAKE-TITLE": "지정받지 않은 명칭을 빼세요 / remove the title the clinic does not hold",
    "MSA-STUDENT-LURE": "수험생 대상 문구를 빼세요 / remove the offer aimed at students",
    "MSA-APPEARANCE": "외모 콤플렉스 문구를 빼세요 / remove the appeal to appearance complexes",
    "MSA-REVIEW-INCENTIVE": "후기 보상 문구를 빼세요 / remove the reward for reviews",
    "KAKAO-ALIMTALK-BLACKLIST": "알림톡에 보낼 수 없는 문구를 빼세요 / remove what AlimTalk may not carry",
}
# a claim in a few words can go alone ("국내 최고의 라식" → "라식"); elsewhere the sentence carries the claim
_WORDS_FIRST = frozenset({"MSA-SUPERLATIVE", "MSA-UNVERIFIED", "MSA-FAKE-TITLE"})  # noun modifiers only
_MOVE_MESSAGE = (
    "홍보 문구는 광고 노드(친구톡·광고 문자, 동의 분기 뒤)로 옮기세요 / move the promotion into an "
    "advertising node (FriendTalk or advertising SMS, after a marketing-consent branch)"
)
_FEE_MESSAGE = "할인·혜택 대신 사실대로 비용을 안내하세요 / state the fee instead of an offer"
_HEALTH_MESSAGE = "진단·검사 결과는 문자에 쓰지 마세요 / keep results out of the SMS"
# the short second half of a comparison: "결과는 분명히 다릅니다.", "저희는 달라요!", "We're different."
_CONTRAST_RE = re.compile(
    r"\s*[^.!?\n]{0,24}(?:다릅니다|달라요|다르죠|다를\s*겁니다|차이가\s*(?:납니다|나요|있습니다)|different|difference)"
    r"[^.!?\n]{0,6}[.!?]?",
    re.I,
)
_INFO_ONLY = frozenset({"MSA-PREREVIEW", "MSG-SMS-LENGTH"})
Relint = Callable[[str], Sequence[Finding]]


def suggest(finding: Finding, text: str, relint: Relint | None = None) -> Suggestion | None:
    """A compliant alternative for one text finding of ``text`` (see :func:`_suggest`), with what it takes out."""
    chosen = _suggest(finding, text, relint)
    if chosen is None:
        return None
    return replace(_after_a_greeting(text, chosen), taken=text[chosen.start : chosen.end].strip())


_LOWER_AFTER_GREETING = frozenset({"We", "Your", "You", "Our", "Please", "The", "Details", "Results"})


def _after_a_greeting(text: str, s: Suggestion) -> Suggestion:
    """An English sentence put right after a "Hi Anna," greeting goes on in lower case ("Hi Anna, we will …")."""
    lead = len(s.text) - len(s.text.lstrip())
    first = s.text[lead:].split(" ", 1)[0]
    greeted = text[: s.start].rstrip().endswith(",") and s.start <= head_end(text) <= s.start + lead + 1
    if first in _LOWER_AFTER_GREETING and greeted:
        return replace(s, text=s.text[:lead] + s.text[lead].lower() + s.text[lead + 1 :])
    return s


def _suggest(finding: Finding, text: str, relint: Relint | None = None) -> Suggestion | None:
    """A compliant alternative for one text finding of ``text``, or None (info rules, graph findings, an
    empty message). With ``relint`` (the checker for this channel and purpose) the first candidate that
    removes the finding without raising another and reads cleanly is chosen; a sentence edit that leaves the
    claim in the next sentence ("선착순 30분만! 첫 체험가 9.9만") grows to that sentence too."""
    if finding.start is None or finding.end is None or finding.severity == "info":
        return None
    start, end = claim_span(text, finding.start, finding.end)
    finding = replace(finding, start=start, end=end)
    candidates = list(dict.fromkeys(_named_first(finding, text, _candidates(finding, text))))
    if not candidates:
        return None
    clean = [c for c in candidates if reads_cleanly(text, c.apply(text))] or candidates
    if relint is None:
        return _whole_move(finding, text, keeps_the_sender(text, keeps_a_subject(text, clean[0])))
    before = list(relint(text))
    if finding.rule in _MOVED_RULES - {"KAKAO-ALIMTALK-BLACKLIST"}:
        block = _promotion_block(finding, text, before)
        if block is not None:
            clean.insert(0, block)
    best: tuple[int, Suggestion] | None = None
    for candidate in clean:
        for grown in _grown(finding, text, candidate, relint):
            # the ad's procedure named again first; without it where naming it raises a finding of its own
            # ("지방흡입 상담을 안내드립니다. 허벅지 라인 차이를 직접 보세요" reads as a before/after)
            versions = (keeps_the_sender(text, keeps_a_subject(text, grown, procedure=p)) for p in (True, False))
            tried: set[Suggestion] = set()
            for version in versions:  # lazily: the plain one only when the named one is not clean
                if version in tried:
                    continue
                tried.add(version)
                verdict = _verdict(finding, text, version, before, relint)
                if verdict == 2:
                    return _whole_move(finding, text, version)
                if best is None or verdict > best[0]:
                    best = (verdict, version)
    return _whole_move(finding, text, best[1] if best else clean[-1])


# what an advertisement says without saying anything: its label, placeholders, the risk notice, the opt-out
# footer, numbers, bullets, and the fee notice a rewrite puts in
_SAYS_NOTHING_RE = re.compile(
    r"\(광고\)|\{\{.*?\}\}|무료\s*(?:수신)?\s*거부[^\n]*|"
    r"[^.!?\n]*(?:부작용(?![^.!?\n]{0,6}(?:없|無|zero|제로|no\b|free|걱정|염려|0(?![0-9])))|개인차|개인에\s*따라|"
    r"(?<!no )(?<!without )(?<!zero )side effects|results vary|risks apply)[^.!?\n]*[.!?]?|"
    + "|".join(re.escape(n) for n in (*FEE_NOTICES, *FEE_NOTICES_EN))
    + r"|[0-9-]{7,}|[※*\[\]]",
    re.I,
)
_AD_LABEL_RE = re.compile(r"\s*[\[(（<【]\s*광\s*고\s*[\])）>】]")
SUBJECT_SENTENCE = ("{name} 상담을 안내드립니다.", "{name} consultations are available.")
# (no "at our clinic" in English: glued on the compact text a comparison frame reads "Dasom Eye Clinic … at our clinic"
# as "some … clinic … at our clinic", an inducement frame "at our clinic. Risks include" as "tour … included")
GENERAL_SUBJECT = ("진료 상담을 안내드립니다.", "Consultations are available on request.")


def says_nothing(text: str) -> bool:
    """Whether a message has nothing left to say after its head: only notices, footer and numbers."""
    start = body_start(text)
    kept = "".join(ch if not any(a <= i < b for a, _, b in notice_spans(text)) else " " for i, ch in enumerate(text))
    return not re.search(r"[가-힣A-Za-z]", _SAYS_NOTHING_RE.sub(" ", kept[start:]))


def body_start(text: str) -> int:
    """Where what the message says begins: after its head and a sender's name before a separator ("Fit&Balance: ")."""
    head = head_end(text)
    name = _NAME_SEGMENT_RE.match(text, head)
    return head if name is None else name.end()


@cache
def _procedure_names() -> re.Pattern[str]:
    """The procedure names the missing-risk rule knows (its word list), to name what a removed claim was about."""
    from .text_rules import omit_risk_lists  # text_rules imports this module: at call time

    names = omit_risk_lists()["procedures"]
    # whole words only: "icl" is no procedure inside "article"
    alternation = "|".join(f"(?:{n})" for n in sorted(names, key=len, reverse=True))
    return re.compile(f"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])", re.I)


def keeps_a_subject(text: str, s: Suggestion, *, procedure: bool = True) -> Suggestion:
    """An edit that would leave a message with nothing to say (only its label, name, greeting, notices and
    opt-out), or an advertisement without the procedure it advertises, keeps what the removed sentence was about:
    "라식 상담을 안내드립니다." (the procedure it named, else a plain consultation notice), so suggestions applied one
    after another always leave a message worth sending."""
    if s.kind not in ("remove", "replace") or says_nothing(text):
        return s
    name = _procedure_names().search(text, s.start, s.end)
    after = s.apply(text)
    # an advertisement whose last procedure name goes with the claim ("Hi! The best LASIK in Korea, zero pain.")
    # would no longer say what it advertises
    lost = procedure and name is not None and _AD_LABEL_RE.match(text) is not None
    lost = lost and _procedure_names().search(after) is None
    if not (lost or says_nothing(after)):
        return s
    english = is_english(text)
    subject = GENERAL_SUBJECT[english] if name is None else SUBJECT_SENTENCE[english].format(name=name.group(0))
    kept = s.text.strip()
    body = f"{subject} {kept}" if kept else subject
    taken = text[s.start : s.end]
    left = "\n" if taken.startswith("\n") else "" if s.start == 0 or text[s.start - 1] in "\n" else " "
    right = "\n" if taken.endswith("\n") else "" if s.end >= len(text) or text[s.end] in "\n.,!?" else " "
    return replace(s, kind="replace", text=f"{left}{body}{right}")


# the sender's name written inside the claim's sentence ("하람피부과의 painless 레이저", "Painless laser at 하람피부과"),
# a particle after it allowed; not another clinic ("다른 병원", "동네 치과")
_NAME_IN_SENTENCE_RE = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?!(?:타|다른|옆|동네|대학|일반|큰|유명|대형|종합|여러|모든|어느|저희|우리|전국|국내|지역|전문)"
    r"(?:병원|의원|치과|안과|피부과|한의원|클리닉))[가-힣A-Za-z0-9]{1,12}"
    r"(?:안과|의원|병원|클리닉|성형외과|피부과|치과|한의원|이비인후과|정형외과|내과|산부인과|비뇨기과)"
    r"|(?<![A-Za-z])[A-Z][A-Za-z0-9.&'’-]*\s[가-힣]{0,10}(?:안과|의원|병원|클리닉|피부과|치과|한의원|외과|[가-힣]과)"
    r"|(?:[A-Z][A-Za-zÀ-ɏ0-9.&'’-]*\s){1,3}(?:Clinic|Hospital|Dental|Medical|Skin|Center|Centre|Surgery|Dermatology"
    r"|Medicine|PS|KM|ENT)\b"
)
_NAME_WITHIN = 40  # characters from the start where a sender writes its name


def keeps_the_sender(text: str, s: Suggestion) -> Suggestion:
    """An edit that takes the sender's name with the claim's sentence ("(광고) 하람피부과의 painless 레이저, 부작용
    zero!") puts the name back at the start of what it leaves: the advertisement still says who sends it."""
    if s.kind not in ("remove", "replace") or s.start >= _NAME_WITHIN:
        return s
    if "{{ clinic.name }}" in s.text or _NAME_IN_SENTENCE_RE.search(s.text):  # the edit writes a name ("[하람안과]")
        return s
    # the message's first name is the sender's ("Luna Skin Clinic Voted Best Dermatology Clinic …": the second is a claim);
    # a Korean brand after the label ("(광고) 루미에스테틱 …") is one too
    found = _NAME_IN_SENTENCE_RE.search(text, 0, _NAME_WITHIN + 20)
    span = found.span() if found is not None else korean_brand_span(text)
    taken = span is not None and s.start <= span[0] < _NAME_WITHIN and span[1] <= s.end  # not a word of it
    if span is None or not taken or (name := text[span[0] : span[1]].strip()) in s.apply(text):
        return s
    kept = s.text.strip()
    body = f"{name} {kept}" if kept else name
    left = "" if s.start == 0 or text[s.start - 1] == "\n" else " "
    right = "" if s.end >= len(text) or text[s.end] in "\n.,!?" else " "
    return replace(s, kind="replace", text=f"{left}{body}{right}")


_GROW_STEPS = 3  # sentences a claim may run on into


def _grown(finding: Finding, text: str, s: Suggestion, relint: Relint) -> Iterator[Suggestion]:
    """``s``, then (for a sentence edit) ``s`` widened over the sentences where the same claim is still found."""
    yield s
    if s.kind not in ("remove", "move", "replace") or finding.rule in _NOT_GROWN:
        return
    a, b = s.start, s.end
    same = _SAME_CLAIM.get(finding.rule, {finding.rule})
    hidden = [c for c in SENTENCE_CONVENTIONS if c.keep == finding.rule and c.reach != "sentence"]
    for _ in range(_GROW_STEPS):
        after = s.apply(text)
        shift = len(s.text) - (s.end - s.start)
        spans = []
        for f in relint(after):
            if f.start is None or f.end is None or f.start == f.end:
                continue
            reaches = [c for c in hidden if c.drop == f.rule]
            if f.rule not in same and not reaches:
                continue
            f_start, f_end = claim_span(after, f.start, f.end)  # not into a risk notice around it
            fa = f_start if f_start < s.start else f_start - shift
            fb = f_end if f_end <= s.start else f_end - shift
            x, y = sentence_span(text, max(fa, 0), max(fb, 0))
            notices = _notices_in(text, max(fb, x), y, fa)  # a risk notice run on without a full stop stays
            y = notices[0][0] if notices else y
            if f.rule in same or any(_within_reach(text, c, (x, y), (a, b)) for c in reaches):
                spans.append((x, y))
        # grow only over text that is no notice (the part already in the edit may mention 부작용 as a claim)
        spans = [
            (x, y)
            for x, y in spans
            if x < y and not (a <= x and y <= b) and not _has_notice(text, *((x, a) if y <= b else (max(x, b), y)))
        ]
        if not spans:
            return
        a, b = min([a, *(x for x, _ in spans)]), max([b, *(y for _, y in spans)])
        s = _seamed(text, a, b, s.text.strip(), s.kind, s.message)
        yield s


# a disparagement runs on as a comparison in the next sentence ("저가 라식 광고에 속지 마세요. 싼 데는 다 이유가 있습니다."):
# removing one grows over the other, as over the same claim
_SAME_CLAIM = {
    "MSA-DEFAME": frozenset({"MSA-DEFAME", "MSA-COMPARISON"}),
    "MSA-COMPARISON": frozenset({"MSA-COMPARISON", "MSA-DEFAME"}),
}


def _within_reach(text: str, convention: SentenceConvention, other: tuple[int, int], edit: tuple[int, int]) -> bool:
    """Whether the sentence ``other`` stands where ``convention`` hid its finding beside the claim an edit ``edit``
    takes out: the sentence right after it ("next"), or right before or after it ("adjacent"), with only blanks
    between, and not a claim of its own (``unless``, ``reach_unless``). Removing the claim shows that finding ("후기 이벤트
    당첨자 발표! 당첨되신 분께 스케일링을 무료로 …": the reward stays an inducement), so the edit takes its sentence too."""
    (x, y), (a, b) = _stripped(text, *other), _stripped(text, *edit)  # (sentences and edits hold their blanks)
    words = text[x:y]
    if any(p is not None and p.search(words) for p in (convention.unless, convention.reach_unless)):
        return False
    after = x >= b and not text[b:x].strip()
    return after or (convention.reach == "adjacent" and y <= a and not text[y:a].strip())


_NOT_GROWN = frozenset({"MSA-OMIT-RISK", "ADV-LABEL", "ADV-OPTOUT", "ADV-SENDER", "PII-RRN", "MSG-UNKNOWN-VARIABLE"})


def _verdict(finding: Finding, text: str, s: Suggestion, before: list[Finding], relint: Relint) -> int:
    """2: the finding is gone at its place and nothing new is found; 1: gone, something else found; 0: not gone."""
    after = list(relint(s.apply(text)))
    start, end, grown = finding.start or 0, finding.end or 0, len(s.text) - (s.end - s.start)
    for f in after:
        if f.rule != finding.rule or f.severity == "info":
            continue
        if f.start == f.end or (finding.start == finding.end):
            return 0  # a finding about the whole message is still there
        a, b = f.start or 0, f.end or 0
        a = a if a < s.start else (max(a - grown, s.start) if a >= s.start + len(s.text) else s.start)
        b = b if b <= s.start else (max(b - grown, s.start) if b >= s.start + len(s.text) else s.end)
        if a < end and start < b:
            return 0
    old = Counter(f.rule for f in before if f.severity != "info")
    emptied = not s.text  # a message emptied by a removal moves whole (see _whole_move): no MSG-EMPTY then
    new = Counter(f.rule for f in after if f.severity != "info" and not (emptied and f.rule == "MSG-EMPTY"))
    old[finding.rule] -= 1
    return 2 if all(n <= max(old[rule], 0) for rule, n in new.items()) else 1


def _promotion_block(finding: Finding, text: str, findings: list[Finding]) -> Suggestion | None:
    """The whole promotion one move takes out: the finding's sentence and the promotional sentences of the
    same rule right before or after it ("여름맞이 제모 예약 시작. 서둘러 예약하세요!" moves as one), so one
    click makes one advertising branch."""
    spans = sorted(
        sentence_span(text, f.start or 0, f.end or 0)
        for f in findings
        if f.rule == finding.rule and f.start is not None and f.end is not None and f.end > f.start
    )
    own = sentence_span(text, finding.start or 0, finding.end or 0)
    a, b = own
    for x, y in spans + spans[::-1]:  # grow both ways over neighbours separated by blanks only
        if y <= a and not text[y:a].strip():
            a = x
        elif x >= b and not text[b:x].strip():
            b = y
    if (a, b) == own:
        return None
    return _seamed(text, a, b, "", "move", _MOVE_MESSAGE)


_MOVED_RULES = frozenset({"KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH", "KAKAO-ALIMTALK-BLACKLIST"})


def _whole_move(finding: Finding, text: str, s: Suggestion) -> Suggestion:
    """An edit that leaves only the head of an informational message moves the whole message: it is the
    promotion (or greeting) itself, to be sent from an advertising node."""
    if finding.rule not in _MOVED_RULES or s.text.strip():
        return s
    rest = s.apply(text)
    if not says_nothing(rest):  # a risk notice put in before is no message of its own: the whole message moves
        return s
    return Suggestion("move", 0, len(text), "", _WHOLE_MOVE_MESSAGE)


_WHOLE_MOVE_MESSAGE = (
    "메시지 전체가 홍보·인사입니다: 광고 노드(친구톡·광고 문자, 동의 분기 뒤)로 옮기세요 / the whole message is "
    "promotion or a greeting: move it into an advertising node (FriendTalk or advertising SMS, after a "
    "marketing-consent branch)"
)


def reads_cleanly(before: str, after: str) -> bool:
    """No doubled space, orphan punctuation, emptied bracket or stray particle that ``before`` did not have."""
    return len(_BAD_SEAM_RE.findall(after)) <= len(_BAD_SEAM_RE.findall(before)) and len(
        _PARTICLE_RE.findall(after)
    ) <= len(_PARTICLE_RE.findall(before))


def _candidates(finding: Finding, text: str) -> Iterator[Suggestion]:
    rule, start, end = finding.rule, finding.start or 0, finding.end or 0
    english = is_english(text)
    if rule == "MSA-OMIT-RISK":
        for notice in RISK_NOTICES_EN if english else RISK_NOTICES:
            yield _notice(text, notice)
        return
    if rule == "ADV-LABEL":
        variant = _LABEL_VARIANT_RE.match(text)
        cut = variant.end() if variant and "광" in variant.group(0) else 0
        yield Suggestion("replace", 0, cut, "(광고) ", "맨 앞에 정확히 '(광고)'를 쓰세요 / start with exactly '(광고)'")
        return
    if rule == "ADV-OPTOUT":
        at = len(text.rstrip())
        yield Suggestion("insert", at, at, " " + OPTOUT, "무료 수신거부 방법을 넣으세요 / add a free opt-out")
        return
    if rule == "ADV-SENDER":
        at = text.find("(광고)")
        at = at + len("(광고)") if at >= 0 else 0
        name = " {{ clinic.name }}" if at else "{{ clinic.name }} "
        yield Suggestion("insert", at, at, name, "병원 이름을 넣으세요 / show the clinic's name")
        return
    if rule == "PII-RRN":
        digits = text[start:end]
        yield Suggestion(
            "replace",
            start,
            end,
            digits[:6] + "-*******",
            "주민등록번호를 가리세요 / mask the resident registration number",
        )
        return
    if rule == "MSG-UNKNOWN-VARIABLE":
        yield from _variable_fix(text, start, end)
        return
    if rule == "MSG-ALIMTALK-LENGTH":
        yield _shortened(text, start)
        return
    if rule in ("KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH"):
        yield _sentence_edit(text, start, end, "", "move", _MOVE_MESSAGE)
        return
    if rule == "MSA-INDUCEMENT":
        for notice in _not_yet_in(text, FEE_NOTICES_EN if english else FEE_NOTICES):
            yield _sentence_edit(text, start, end, notice, "replace", _FEE_MESSAGE)
        return
    if rule == "PII-HEALTH-IN-SMS":
        if in_notice(text, start, end):  # "※출혈·감염 등 부작용 가능" is the risk notice, not a patient's result
            return
        for notice in _not_yet_in(text, HEALTH_NOTICES_EN if english else HEALTH_NOTICES):
            yield _sentence_edit(text, start, end, notice, "replace", _HEALTH_MESSAGE)
        return
    message = _REMOVE_MESSAGES.get(rule)
    if message is None:
        return
    # a claim in the bracketed header ("[하람치과 뉴스레터 3월호]", "[No.1 하람안과]"), which sentence edits keep
    yield from _header_edits(text, start, end, message)
    if rule in ("MSA-COMPARISON", "MSA-DEFAME"):  # "…같다고 생각하시나요? 결과는 분명히 다릅니다." go together
        a, b = sentence_span(text, start, end)
        contrast = _CONTRAST_RE.match(text, b)
        if contrast is not None and a < b:
            yield _seamed(text, a, contrast.end(), "", "remove", message)
    if rule in _WORDS_FIRST and end > start:
        a, b = _whole_words(text, start, end)
        intensifier = _INTENSIFIER_RE.search(text, 0, a)
        if intensifier is not None:
            a = intensifier.start()
        sa, sb = sentence_span(text, start, end)
        predicate_kept = re.search(r"[가-힣A-Za-z]", text[b:sb].rstrip(".!?。 ")) is not None
        in_body = a >= head_end(text) and (predicate_kept or is_english(text[sa:sb])) and (a, b) != (sa, sb)
        if in_body or _in_head_name(text, a, b):  # "(광고) Seoul's No.1 Smile Dental: …" → "Seoul's Smile Dental"
            yield _seamed(text, a, b, "", "remove", message)
        elif (a, b) != (start, end) and _glued_in_head_name(text, start, end):  # "국내최초라식센터" → "라식센터"
            yield Suggestion("remove", start, end, "", message)
    yield _sentence_edit(text, start, end, "", "remove", message)
    if rule == "MSA-FAKE-TITLE":  # the title was the sender's name ("(광고) 밝은눈 노안 전문병원."): the real name
        yield _sentence_edit(text, start, end, "{{ clinic.name }}", "replace", message)


# a bracketed header opening the message ("[하람치과 뉴스레터 3월호] …", "(광고)【강남 최고의 하람안과】 …")
_HEADER_RE = re.compile(r"\s*(?:\(광고\)\s*)?([\[【〈「])([^\]】〉」\n]{1,40})([\]】〉」])")
_HEADER_PART_RE = re.compile(r"[^|/·,]+")  # a header's parts: "하람안과 | 강남 라식 1위"


def _header_edits(text: str, start: int, end: int, message: str) -> Iterator[Suggestion]:
    """A finding in the message's bracketed header (the head no other edit touches): the header keeps the clinic's
    name alone ("[튼튼의원 소식지 12월호]" → "[튼튼의원]", "[Best Smile Dental]" → "[Smile Dental]"), else its parts
    without the finding ("[하람안과 | 강남 1위]" → "[하람안과]"), else the name variable."""
    m = _HEADER_RE.match(text)
    if m is None or not (m.start(2) < end and start < m.end(2)):
        return
    content, at = m.group(2), m.start(2)
    a, b = _whole_words(content, max(start - at, 0), min(end - at, len(content)))
    kept: list[str] = []
    name = _NAME_IN_SENTENCE_RE.search(content)
    if name is not None:
        x, y = name.span()
        rest = f"{content[x : max(a, x)]} {content[min(b, y) : y]}".strip() if x < b and a < y else ""
        if rest and (found := _NAME_IN_SENTENCE_RE.fullmatch(rest)) is not None:
            kept.append(found.group(0))  # the claim was a word of the name ("Best Smile Dental")
        if name.group(0).strip() != content.strip():  # (a header that is the name alone keeps it)
            kept.append(name.group(0).strip())
    if name is None or name.group(0).strip() != content.strip():
        parts = [p.group(0).strip() for p in _HEADER_PART_RE.finditer(content) if not (p.start() < b and a < p.end())]
        kept.append(" | ".join(q for q in parts if q))
        kept += [] if name is not None else ["{{ clinic.name }}"]
    for words in dict.fromkeys(k for k in kept if k and k != content.strip()):
        yield Suggestion("replace", m.start(2), m.end(2), words, message)


def _in_head_name(text: str, a: int, b: int) -> bool:
    """Whether the words ``[a, b)`` stand in the sender's name the head holds, after the label, and are not all of it:
    a claim written into the name goes as words (no sentence edit reaches the head)."""
    label = _LABEL_VARIANT_RE.match(text)
    at, head = (label.end() if label is not None and "광" in label.group(0) else 0), head_end(text)
    return at <= a < b <= head and _WORD_CHAR.search(text[at:a] + text[b:head]) is not None


def _glued_in_head_name(text: str, start: int, end: int) -> bool:
    """Whether the claim ``[start, end)`` is glued into a Hangul word of the sender's name ("강남최고피부센터"): it goes
    alone, the rest of the word stays the name."""
    glued = _HANGUL_RE.match(text[start - 1 : start] or " ") or _HANGUL_RE.match(text[end : end + 1] or " ")
    return start < end and glued is not None and _in_head_name(text, start, end)


def claim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The claim of a finding ``[start, end)`` without the risk notices its span runs into (a frame's window
    reaching "…안 됩니다. ※부작용" or back over "부작용이 있을 수 있습니다. 공장형 …"): no rewrite of the claim takes
    a notice with it. Of the words left on either side of a notice, the longest part after the message's head."""
    if end <= start:  # a place, not words (a missing opt-out, sender or label)
        return start, end
    footer = _footer_start(text)
    if start < footer < end:  # the opt-out footer is never the claim
        end = footer
    cuts: list[tuple[int, int]] = []
    for a, key, b in notice_spans(text):
        a = _notice_start(text, a, key, start)
        if a < end and start < b:
            cuts.append((a, b))
    for notice in _PROTECTED_RE.finditer(text, start):  # the notices the checker's patterns do not spell
        if notice.start() >= end:
            break
        stops = list(_SENTENCE_END_RE.finditer(text, start, notice.start()))
        if notice.start() > start and stops:
            # the notice's sentence starts at the last stop before its words ("…이유가 있어요. ※시술 후 … 부작용")
            last = stops[-1]
            cuts.append((last.end() if last.group(0)[0] in ".!?。" else last.start(), notice.end()))
    if not cuts:
        return start, end
    parts, at = [], start
    for a, b in sorted(cuts):
        parts.append((at, max(at, a)))
        at = max(at, b)
    parts.append((at, end))
    parts = [_stripped(text, a, b) for a, b in parts if _WORD_CHAR.search(text, a, b) if a < b]
    parts = [p for p in parts if _WORD_CHAR.search(text[p[0] : p[1]])]
    if not parts:
        return start, end
    head = head_end(text)
    body = [(max(a, head), b) for a, b in parts if b > head and _WORD_CHAR.search(text, max(a, head), b)] or parts
    return max(body, key=lambda p: p[1] - p[0])


def _number_start(text: str, start: int) -> int:
    """A span that starts inside a decimal number (a frame's "0 확실하게" of "시력 1.0 확실하게") starts at the number,
    so no "1." is left behind to read as a value of its own."""
    while start > 1 and text[start].isdigit() and text[start - 1] == "." and text[start - 2].isdigit():
        start -= 2
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    return start


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    return a, b


@cache
def _disclosures() -> re.Pattern[str]:
    """The checker's own notice patterns (MSA-OMIT-RISK's disclosures, compact text): a notice it counts stays."""
    from .text_rules import omit_risk_lists  # text_rules imports this module: at call time

    omit = omit_risk_lists()["disclosures"]
    short = json.loads((RULES_DIR / "risk_notices.json").read_text("utf-8"))["disclosures"]
    return re.compile("|".join(f"(?:{p})" for p in (*omit, *short)))


# where a notice's clause begins before its words, in its sentence: at a notice mark or a bracket opening a word,
# after a sentence ended without a stop ("…저희는 다릅니다 부작용이 있을 수 있습니다")
_PREDICATE = r"(?:니다|[어아여에해세네지]요|죠|[한된있없]다)"  # a sentence's last word ("마다", "보다" are no end)
_AFTER_PREDICATE = r"(?:(?<=니다)|(?<=[어아여에해세네지]요)|(?<=죠)|(?<=[한된있없]다))"
_CLAUSE_START_RE = re.compile(rf"(?=[※*])|(?<![^\s])(?=[(\[（])|{_AFTER_PREDICATE}[~!]*[ \t]+")
_WORD_START_RE = re.compile(r"[^\s\"'“‘(\[]*$")


# a result said to differ with nobody it differs by: the claim of a comparison ("효과 못 보셨다면, 채움은 접근이
# 다릅니다", "결과를 종이 한 장으로 끝내는 곳과 다릅니다"), which the checker's loose pattern also takes for a notice
_NO_NOTICE_RE = re.compile(r"(?!.*(?:개인|사람|마다|부작용|합병증|환자))(?:효과|결과|경과|회복)")
_DENIAL_RE = re.compile(r"없|無|제로|zero|no|never|free|안전|걱정")
# a notice never runs over a sentence: the compact text loses the stops ("부작용 걱정 없이 받으세요. 부작용이 있을 수")
_NOTICE_SENTENCE_RE = re.compile(r"[※*]?[^.!?。\n※]+[.!?。]*")
# where a notice ends before more words of its sentence: a sentence ended without a stop (…있습니다 공장형 …) or a
# terse notice's last word (부작용 발생 가능 / 개인차 있음 / 주의)
_NOTICE_END_RE = re.compile(rf"(?:{_PREDICATE}|(?:가능|있음|주의|유의|有))[~!]*(?=[ \t]+[^\s])")
# the end of a sentence written without a stop ("…받으세요 부작용이 있을 수 있습니다"): a notice starts after it
_PREDICATE_END_RE = re.compile(rf"{_AFTER_PREDICATE}[~!]*[ \t]+")


@lru_cache(maxsize=256)
def notice_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """The risk notices of ``text`` as the checker reads them (its disclosure patterns), before the opt-out footer:
    (start of the notice's clause, start of its first notice word, end of its sentence), overlapping ones merged."""
    head, footer = head_end(text), _footer_start(text)
    spans: list[tuple[int, int, int]] = []
    for sentence in _NOTICE_SENTENCE_RE.finditer(text, head, footer):
        for a, b in _disclosed(text, sentence.start(), sentence.end()):
            start = max(
                (c.end() for c in _CLAUSE_START_RE.finditer(text, sentence.start(), a)), default=sentence.start()
            )
            end = sentence.end()
            word = text.rfind(" ", a, b) + 1 or a  # from the notice's last word on
            stop = _NOTICE_END_RE.search(text, word, end)  # a claim run on after it without a stop stays the claim's
            if stop is not None:
                end = stop.end()
            closing = {"(": ")", "[": "]", "（": "）"}.get(text[start : start + 1])
            if closing is not None and text.find(closing, b, end) >= 0:  # "(부작용 가능, 개인차 있음) 공장형 …"
                end = text.find(closing, b, end) + 1
            start, end = _stripped(text, start, end)
            if spans and start <= spans[-1][2]:
                spans[-1] = (spans[-1][0], spans[-1][1], max(end, spans[-1][2]))
            else:
                spans.append((start, a, end))
    return tuple(spans)


def _disclosed(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The disclosure matches of one sentence ``text[lo:hi]`` (original offsets from the start of the notice's words);
    a match that runs over the end of a sentence written without a stop starts after it, if it still matches there."""
    norm = normalize(text[lo:hi])
    for m in _disclosures().finditer(norm.text):
        if _NO_NOTICE_RE.match(m.group(0)):
            continue
        first = m.start()  # a denial read into the notice ("부작용 없는 결과 개인차 있음" is one match from the
        for later in range(m.end() - 2, m.start(), -1):  # claim's 부작용): the notice starts where it still matches
            if _disclosures().match(norm.text, later, m.end()):
                if _DENIAL_RE.search(norm.text, m.start(), later):
                    first = later
                break
        a, b = norm.span(first, m.end())
        ends = [e.end() for e in _PREDICATE_END_RE.finditer(norm.original, a, b)]
        if ends:
            after_end = _disclosures().search(norm.text, bisect_left(norm.starts, ends[-1]), m.end())
            if after_end is not None:
                a = norm.span(after_end.start(), m.end())[0]
        word = _WORD_START_RE.search(norm.original, 0, a)
        yield lo + (word.start() if word is not None else a), lo + b


def _notice_start(text: str, clause: int, key: int, claim: int) -> int:
    """Where a notice starts for a claim starting at ``claim``: at its clause, unless the claim runs into the words
    before the notice's own ("…a real patient's story 결과는 사람마다 다를 수 있습니다", "무통 라식, 부작용 걱정 없이
    받으세요 붓기 등 …" read from the claim) without a notice mark, a bracket or a stop between."""
    if claim < clause:
        marked = text[clause : clause + 1] in "※*([（" or _SENTENCE_END_RE.search(text, claim, clause) is not None
        return clause if marked else key
    return key if claim < key else clause


def _notices_in(text: str, a: int, b: int, claim: int) -> list[tuple[int, int]]:
    """The notices starting in ``[a, b)`` (the checker's, :func:`notice_spans`, and the written forms of
    ``_PROTECTED_RE``, the opt-out footer among them), by start; a notice clause that holds the claim at ``claim``
    starts at its notice words."""
    found = {(m.start(), m.end()) for m in _PROTECTED_RE.finditer(text, a, b)}
    for x, key, y in notice_spans(text):
        x = _notice_start(text, x, key, claim)
        if a <= x < b:
            found.add((x, y))
    return sorted(found)


# a sender's name as the head of a line, before a separator: "Lumière PS — ", "Fit&Balance: ", "(AD) Cheongdam On
# Plastic Surgery: ", "Gangnam Line 성형외과 Revision 상담: ", "성장클리닉 | " (a few words, no sentence end)
# (words of a name: capitalised, Hangul, digits or a bracket — "Ditch your glasses —" is a sentence)
_NAME_WORD = r"[A-ZÀ-Þ0-9가-힣(\[][^\s.!?。\n:：|—–]*"
_NAME_SEGMENT_RE = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}}[ \t]*(?:[:：|—–]|[ \t]-(?=[ \t]))[ \t]*")


def _named_first(finding: Finding, text: str, candidates: Iterator[Suggestion]) -> Iterator[Suggestion]:
    """Each candidate; before it, the same edit starting after a sender's name written before a separator
    ("(광고) Fit&Balance: …") that the finding does not reach: the rewrite keeps who sends the message. When that
    name carries the claim itself, the edit without it still removes the finding and the checker chooses it."""
    head, body = head_end(text), body_start(text)
    floor = body if body <= (finding.start or 0) else head
    for candidate in candidates:
        # (an edit starts at the space before what it takes: the head's own trailing space)
        if (
            candidate.kind in ("remove", "replace")
            and len(text[:head].rstrip()) <= candidate.start < floor < candidate.end
        ):
            yield _seamed(text, floor, candidate.end, candidate.text.strip(), candidate.kind, candidate.message)
        yield candidate


def _not_yet_in(text: str, notices: tuple[str, ...]) -> list[str]:
    """The notices ``text`` does not already carry (a second finding's rewrite does not repeat the first's);
    when it carries them all, an empty replacement: the sentence only goes."""
    return [n for n in notices if n not in text] or [""]


def is_english(text: str) -> bool:
    """Whether the message is written in English (more Latin than Hangul letters outside placeholders)."""
    bare = _PLACEHOLDER_RE.sub("", text)
    return len(_LATIN_RE.findall(bare)) > 2 * len(_HANGUL_RE.findall(bare.replace("광고", "")))


def head_end(text: str) -> int:
    """Where the message's head (label, clinic name, greeting) ends: no rewrite edits before it."""
    m = _HEAD_RE.match(text)
    return m.end() if m else 0


def _footer_start(text: str) -> int:
    m = _OPTOUT_RE.search(text)
    return m.start() if m else len(text)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``[start, end)``, inside the head and the opt-out footer."""
    head, footer = head_end(text), _footer_start(text)
    a = 0
    # one character past ``start``: a stop's lookahead must see it (the "." of "1.0" ending at the "0" is no stop)
    for stop in _SENTENCE_END_RE.finditer(text, 0, min(len(text), max(start, 0) + 1)):
        if stop.end() <= start:
            a = stop.end()
    m = _SENTENCE_END_RE.search(text, max(end - 1, start) if end > start else start)  # a span may end on its "."
    b = m.end() if m else len(text)
    if m and m.group(0) in ("\n", "※"):  # a line break, or the mark that opens a notice: not the claim's
        b = m.start()
    a = max(a, head) if start >= head else head
    b = min(b, footer) if start < footer else b
    return a, max(a, b)


def _has_notice(text: str, a: int, b: int) -> bool:
    """Whether ``[a, b)`` holds (part of) a risk notice."""
    return _PROTECTED_RE.search(text[a:b]) is not None or any(x < b and a < y for x, _, y in notice_spans(text))


def _sentence_edit(text: str, start: int, end: int, replacement: str, kind: str, message: str) -> Suggestion:
    """Replace the sentence holding the finding by ``replacement`` (or remove it), seamed cleanly; a risk
    notice run on into the same sentence without a full stop stays."""
    a, b = sentence_span(text, start, end)
    for x, y in _notices_in(text, a, b, start):
        if x >= end:
            b = x
            break
        if y <= start:
            a = max(a, y)
    if a >= b:  # the finding lies in the head, a notice or the footer only: its own words
        a, b = _whole_words(text, start, end)
    return _seamed(text, a, b, replacement, kind, message)


def in_notice(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a risk notice or the opt-out footer (what a rewrite keeps)."""
    return any(m.start() <= start and end <= m.end() + 12 for m in _PROTECTED_RE.finditer(text))


def _seamed(text: str, a: int, b: int, replacement: str, kind: str, message: str) -> Suggestion:
    """An edit of ``[a, b)`` that leaves one space between words, none at a line's edge, and drops an emptied
    line and the comma or colon the removed words leave behind."""
    left, right = a, b
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    while right < len(text) and text[right] in " \t":
        right += 1
    if not replacement:  # punctuation that belonged to the removed words ("코, 저희는" → nothing before ",")
        while right < len(text) and text[right] in ",·:;" and (left == 0 or text[left - 1] in "\n.!?:;,"):
            right += 1
            while right < len(text) and text[right] in " \t":
                right += 1
    before = text[left - 1] if left > 0 else "\n"
    after = text[right] if right < len(text) else "\n"
    if replacement:
        joiner_l = "" if before == "\n" or left == 0 else " "
        joiner_r = "" if after == "\n" else " "
        return Suggestion(kind, left, right, f"{joiner_l}{replacement}{joiner_r}", message)
    if before == "\n" and after == "\n":  # an emptied line goes with its line break
        if right < len(text):
            right += 1
        elif left > 0:
            left -= 1
        return Suggestion(kind, left, right, "", message)
    if before == "\n" or after == "\n" or after in ",.!?)]}":
        return Suggestion(kind, left, right, "", message)
    return Suggestion(kind, left, right, " ", message)


# the words that open an opt-out footer before its Korean ("Free opt-out (무료거부): 080-…", "Opt-out: 무료수신거부 …"),
# and a footer without "무료" ("Opt-out: 080-…", "Free opt-out 080-…", "수신거부 080-…")
_OPTOUT_LEAD_RE = re.compile(r"(?:free\s+)?(?:opt[\s-]?out|unsubscribe)\s*[:：]?\s*[(（]?\s*$", re.I)
_OPTOUT_BARE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:free\s+)?(?:opt[\s-]?out|unsubscribe)\b|(?<![가-힣])수신\s*거부)(?=\s*(?:[(（:：]|\d))", re.I
)


def _optout_footer(text: str) -> int | None:
    """Where the opt-out footer starts, its English words before the Korean included (None: no footer)."""
    found = [m.start() for m in (_OPTOUT_RE.search(text), _OPTOUT_BARE_RE.search(text)) if m is not None]
    if not found:
        return None
    at = min(found)
    line = text.rfind("\n", 0, at) + 1
    lead = _OPTOUT_LEAD_RE.search(text, line, at)
    return at if lead is None else lead.start()


def _notice(text: str, notice: str) -> Suggestion:
    """The notice as its own sentence before the opt-out footer (its own line if the footer has one): before the
    whole footer, not inside "Free opt-out (무료거부)"."""
    footer = _optout_footer(text)
    message = "부작용·개인차 고지를 넣으세요 / add the risk notice"
    if footer is not None:
        at = footer
        line_start = at == 0 or text[:at].rstrip(" \t").endswith("\n")
        if line_start:
            at = text.rfind("\n", 0, at) + 1
            return Suggestion("insert", at, at, notice + "\n", message)
        left = at
        while left > 0 and text[left - 1] in " \t":
            left -= 1
        stop = "" if left == 0 or text[left - 1] in ".!?。\n" else "."
        return Suggestion(
            "insert", left, at, f"{stop} {notice} ".lstrip() if left == 0 else f"{stop} {notice} ", message
        )
    body = text.rstrip()
    at = len(body)
    last_line = body[body.rfind("\n") + 1 :]
    if "\n" in body and len(last_line) < 40:
        return Suggestion("insert", at, at, "\n" + notice, message)
    stop = "" if not body or body[-1] in ".!?。" else "."
    return Suggestion("insert", at, at, f"{stop} {notice}" if body else notice, message)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a removal to whole words, so no stem or ending is left behind ("guaranteed" leaves no "d", "최고의"
    no "의"), and take one of the spaces around it, so the gap is one space, not two."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    start = _number_start(text, start)
    while end < len(text) and end > 0 and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
        end += 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after > end and (start == 0 or text[start - 1] in " \t"):
        return start, after  # "The best LASIK" → "The LASIK"
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before < start and (after == len(text) or not _WORD_CHAR.match(text[after])):
        return before, end  # "LASIK, the best." → "LASIK."
    return start, end


def _variable_fix(text: str, start: int, end: int) -> Iterator[Suggestion]:
    """The nearest variable the sandbox provides ({{ patient.nickname }} → {{ patient.name }}), else none."""
    from nodes.personalize import VARIABLES  # the sandbox's list (compliance.variables reads the same)

    expression = text[start:end]
    names = re.findall(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+|[A-Za-z_]\w*", expression)
    for name in names:
        if name in VARIABLES:
            continue
        close = difflib.get_close_matches(name, list(VARIABLES), n=1, cutoff=0.5)
        root = name.split(".")[0]
        close = close or [v for v in VARIABLES if v.startswith(root + ".") and v.endswith(".name")][:1]
        if close:
            yield Suggestion(
                "replace",
                start,
                end,
                "{{ " + close[0] + " }}",
                f"제공되는 변수 {close[0]}을(를) 쓰세요 / use the provided variable {close[0]}",
            )
    yield _seamed(
        text, start, end, "", "remove", "제공되지 않는 변수를 빼세요 / remove the variable that is not provided"
    )


def _shortened(text: str, limit: int) -> Suggestion:
    """Cut an over-long AlimTalk text after the last whole sentence that fits."""
    cut = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, limit):
        cut = m.end()
    cut = cut or limit
    while cut > 0 and text[cut - 1] in " \t\n":
        cut -= 1
    return Suggestion(
        "remove", cut, len(text), "", f"{limit}자 안으로 줄이세요 / shorten the text to {limit} characters"
    )
