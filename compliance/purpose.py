"""Purpose classification, its own step: is a message's content informational or advertising, and why.

A message is promotional when it carries a promotion word (``rules/promo.json``: 이벤트, 할인, 혜택 …), a
promotional frame (``rules/frames.json`` rule ``PROMO``: a new-equipment pitch, a launch or opening
announcement, an app-install pitch, a sales call) or an inducement (a benefit offered: money, waived
charges, points, gifts). The reasons are shown in the ADV-PURPOSE-MISMATCH / KAKAO-ALIMTALK-PROMO finding.
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
