"""Purpose classification, its own step: is a message's content informational or advertising, and why.

A message is promotional when it carries a promotion word (``rules/promo.json``: 이벤트, 할인, 혜택 …), a
promotional frame (rule ``PROMO`` of ``rules/frames*.json``) or an inducement (a benefit offered: money,
waived charges, points, gifts). The reasons are shown in the ADV-PURPOSE-MISMATCH / KAKAO-ALIMTALK-PROMO
finding.

The purpose frames (``rules/frames_purpose.json``) match the lemma string of :mod:`.morph`, so any
inflection or honorific form counts, and each needs its roles together in one sentence:

* a novelty (새로, 새롭게, 신규, 최신) with an offering (장비, 시술, 프로그램, 클리닉, 원장, 전문의, 라운지,
  지점) and a launch verb (도입하다, 들여오다, 합류하다, 모시다, 선보이다, 마련하다, 열다, 생기다);
  a service started or newly available here (예방접종을 시작했습니다, 이제 저희 병원에서도 받으실 수 있습니다),
  equipment replaced or upgraded;
* family or friends invited along or asked to book (가족분들도 함께 예약하세요, 친구와 함께 오시면), referrals
  asked for (저희 병원을 소개해 주세요);
* another service suggested (오신 김에 … 받아 보세요, 미백도 같이 해 보세요, 체험해 보세요, 관심 있으시면);
* a gift to every customer for a period, patients' stories pointed to on a website, an app-install pitch.

Promotion words that are negated ("할인 행사를 하지 않습니다") or quoted in a fraud warning do not count
(:mod:`.negation`). In an AlimTalk, a passage Kakao's black list names (a birthday greeting) is reported as
KAKAO-ALIMTALK-BLACKLIST only, not also as promotion.
"""

from __future__ import annotations

from dataclasses import dataclass

from .frames import FrameMatch, Span

WORD_REASON = "광고성 문구(할인·이벤트·혜택 등) / promotional wording (discount, event, benefit)"
INDUCEMENT_REASON = "환자 유인 혜택(금전·무료·적립·선물) / an inducement (money, free, points, gifts)"


@dataclass(frozen=True)
class Reason:
    start: int  # offsets into the original text
    end: int
    why: str  # Korean / English


@dataclass(frozen=True)
class PurposeVerdict:
    advertising: bool
    reasons: tuple[Reason, ...]


def classify(word_spans: list[Span], promo: list[FrameMatch], inducement_spans: list[Span]) -> PurposeVerdict:
    """``word_spans``: promo-word matches; ``promo``: matches of the PROMO frames; ``inducement_spans``:
    benefit offers (all in original offsets)."""
    reasons = [Reason(a, b, WORD_REASON) for a, b in word_spans]
    reasons.extend(Reason(m.span[0], m.span[1], m.reason) for m in promo)
    reasons.extend(Reason(a, b, INDUCEMENT_REASON) for a, b in inducement_spans)
    reasons.sort(key=lambda r: (r.start, r.end))
    return PurposeVerdict(bool(reasons), tuple(reasons))
