"""Suggested rewrites: for a finding, a compliant alternative the editor can apply with one click.

A suggestion is an edit of the message text — replace ``[start, end)`` by ``text`` (an insertion when
``start == end``) — with a Korean / English explanation. ``kind`` says what it does: ``remove`` (drop the
claim), ``replace`` (a factual alternative), ``insert`` (add what the law requires) or ``move`` (take the
promotion out of an informational message: send it from an advertising node instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .findings import Finding

RISK_NOTICE = "부작용이 있을 수 있으며 개인차가 있습니다."
FEE_NOTICE = "비용은 원내에 게시된 비급여 진료비용을 따릅니다"
HEALTH_NOTICE = "검사 결과는 내원하시면 안내드립니다"
OPTOUT = "무료수신거부 {{ clinic.optout_number }}"
_OPTOUT_RE = re.compile(r"무료\s*(수신)?\s*거부")
_SENTENCE_END_RE = re.compile(r"[.!?。\n]")
_WORD_CHAR = re.compile(r"[0-9A-Za-z가-힣]")
_LABEL_VARIANT_RE = re.compile(r"^\s*[\[(（<【]?\s*광\s*[.·/ ]?\s*고\s*[\])）>】:]?\s*")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # remove | replace | insert | move
    start: int  # offsets into the original text
    end: int
    text: str
    message: str  # Korean / English

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text, "message": self.message}

    def apply(self, original: str) -> str:
        return original[: self.start] + self.text + original[self.end :]


_REMOVE_MESSAGES = {
    "MSA-SUPERLATIVE": "최상급 표현을 빼세요 / remove the superlative",
    "MSA-GUARANTEE": "효과 보장 문구를 빼세요 / remove the promise of a result",
    "MSA-SAFETY-CLAIM": "부작용·통증을 부정하는 문구를 빼세요 / remove the claim denying side effects or pain",
    "MSA-TESTIMONIAL": "치료경험담을 빼세요 / remove the patient testimonial",
    "MSA-BEFORE-AFTER": "전후 비교 안내를 빼세요 / remove the before/after announcement",
    "MSA-COMPARISON": "다른 의료기관과의 비교를 빼세요 / remove the comparison with other clinics",
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
    "PII-RRN": "주민등록번호를 빼세요 / remove the resident registration number",
}


def suggest(finding: Finding, text: str) -> Suggestion | None:
    """A compliant alternative for one text finding of ``text``, or None (info rules, graph findings)."""
    rule, start, end = finding.rule, finding.start, finding.end
    if start is None or end is None or finding.severity == "info":
        return None
    if rule == "MSA-OMIT-RISK":
        at = _before_optout(text)
        return Suggestion(
            "insert", at, at, _spaced(text, at, RISK_NOTICE), "부작용·개인차 고지를 넣으세요 / add the risk notice"
        )
    if rule == "ADV-LABEL":
        variant = _LABEL_VARIANT_RE.match(text)
        cut = variant.end() if variant and "광" in variant.group(0) else 0
        return Suggestion(
            "replace", 0, cut, "(광고) ", "맨 앞에 정확히 '(광고)'를 쓰세요 / start with exactly '(광고)'"
        )
    if rule == "ADV-OPTOUT":
        at = len(text.rstrip())
        return Suggestion("insert", at, at, " " + OPTOUT, "무료 수신거부 방법을 넣으세요 / add a free opt-out")
    if rule == "ADV-SENDER":
        at = text.find("(광고)")
        at = at + len("(광고)") if at >= 0 else 0
        return Suggestion("insert", at, at, " {{ clinic.name }}", "병원 이름을 넣으세요 / show the clinic's name")
    if rule in ("KAKAO-ALIMTALK-PROMO", "ADV-PURPOSE-MISMATCH"):
        return Suggestion(
            "move",
            start,
            _sentence_end(text, end),
            "",
            "홍보 문구는 광고 노드(친구톡·광고 문자, 동의 분기 뒤)로 옮기세요 / move the promotion into an "
            "advertising node (FriendTalk or advertising SMS, after a marketing-consent branch)",
        )
    if rule == "MSA-INDUCEMENT":
        return Suggestion(
            "replace",
            start,
            end,
            FEE_NOTICE,
            "할인·혜택 대신 사실대로 비용을 안내하세요 / state the fee instead of an offer",
        )
    if rule == "PII-HEALTH-IN-SMS":
        return Suggestion(
            "replace", start, end, HEALTH_NOTICE, "진단·검사 결과는 문자에 쓰지 마세요 / keep results out of the SMS"
        )
    message = _REMOVE_MESSAGES.get(rule)
    if message is None or end <= start:
        return None
    start, end = _whole_words(text, start, end)
    return Suggestion("remove", start, end, "", message)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a removal to whole words, so no stem or ending is left behind ("guaranteed" leaves no "d", "최고의"
    no "의"), and take one of the spaces around it, so the gap is one space, not two."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
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


def _before_optout(text: str) -> int:
    m = _OPTOUT_RE.search(text)
    return m.start() if m else len(text.rstrip())


def _spaced(text: str, at: int, insert: str) -> str:
    before = " " if at > 0 and not text[at - 1].isspace() else ""
    after = " " if at < len(text) and not text[at].isspace() else ""
    return f"{before}{insert}{after}"


def _sentence_end(text: str, end: int) -> int:
    """Extend a promotional passage to the end of its sentence (so the moved text is whole)."""
    m = _SENTENCE_END_RE.search(text, end)
    return m.end() if m else len(text)
