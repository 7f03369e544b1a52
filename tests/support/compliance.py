"""What the compliance tests ask the checker: the rule ids a message gets, and the ad footers their sentences share.

One helper for every test file (each kept its own copy with its own defaults before): a file whose messages are
mostly FriendTalk ads or AlimTalk care notes passes its channel and purpose at each call, so a call reads whole.
"""

from __future__ import annotations

from compliance.corpus_score import UNLABELLED
from compliance.text_rules import lint_text

__all__ = [
    "EN_RISK_FOOTER",
    "RISK_FOOTER",
    "SHORT_RISK_FOOTER",
    "UNLABELLED",
    "ad_template",
    "care_note",
    "english_ad",
    "info_alimtalk",
    "info_sms",
    "korean_ad",
    "rule_ids",
]

# What a compliant ad ends with (a risk notice, a free opt-out), appended to a sentence under test.
RISK_FOOTER = " ※ 시술 후 붓기·멍 등 부작용이 있을 수 있으며 개인차가 있습니다. 무료수신거부 080-515-2290"
EN_RISK_FOOTER = " Side effects may occur; results vary. 무료수신거부 080-515-2290"
SHORT_RISK_FOOTER = " ※ 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-414-2290"


def ad_template(clinic: str, optout: str = "080-321-7700", *, risk: bool = True) -> str:
    """``(광고) <clinic> {} …`` with the short risk notice (unless ``risk=False``) and a free opt-out: ``.format``
    it with the sentence under test."""
    notice = " ※부작용·개인차가 있을 수 있습니다." if risk else ""
    return f"(광고) {clinic} {{}}{notice} 무료수신거부 {optout}"


def rule_ids(text: str, channel: str = "sms", purpose: str = "advertising", *, labelled_only: bool = True) -> set[str]:
    """The rule ids ``lint_text`` finds in ``text``; ``labelled_only`` leaves out the ones a corpus label never
    names (``UNLABELLED``: the pre-review reminder, the SMS length)."""
    found = {finding.rule for finding in lint_text(text, channel, purpose)}
    return found - UNLABELLED if labelled_only else found


def korean_ad(body: str, clinic: str = "하람의원") -> set[str]:
    """The rule ids of a FriendTalk ad ``(광고) <clinic> <body>`` ending with the short risk notice and opt-out."""
    return rule_ids(f"(광고) {clinic} " + body + SHORT_RISK_FOOTER, "friendtalk", "advertising")


def english_ad(body: str, clinic: str = "Haram Clinic") -> set[str]:
    """The rule ids of an English FriendTalk ad ``(광고) <clinic> | <body>`` ending with the English risk notice."""
    return rule_ids(f"(광고) {clinic} | " + body + EN_RISK_FOOTER, "friendtalk", "advertising")


def care_note(body: str, clinic: str = "하람의원") -> set[str]:
    """The rule ids of an informational AlimTalk ``[<clinic>] <body>``."""
    return rule_ids(f"[{clinic}] " + body, "alimtalk", "informational")


def info_alimtalk(text: str) -> set[str]:
    """The rule ids of ``text`` sent as an informational AlimTalk, as it stands (no sender added)."""
    return rule_ids(text, "alimtalk", "informational")


def info_sms(text: str) -> set[str]:
    """The rule ids of ``text`` sent as an informational SMS, as it stands."""
    return rule_ids(text, "sms", "informational")
