"""Suggested rewrites, session 25: classes of rewrites the suggestion audit failed on (writer_s25_a and a held-out
file), each checked on sentences written for the test (no corpus line): the rewrite removes its finding, raises
nothing new and reads (``audit_finding``, the audit's own check)."""

from __future__ import annotations

from compliance.findings import Finding
from compliance.text_rules import lint_text
from tests.compliance.suggestion_audit import audit_finding


def _finding(text: str, rule: str, channel: str = "sms", purpose: str = "advertising") -> Finding:
    return next(f for f in lint_text(text, channel, purpose) if f.rule == rule)


def _rewritten(text: str, rule: str, channel: str = "sms", purpose: str = "advertising") -> str:
    """``rule``'s suggestion applied to ``text``, after the audit passed it."""
    findings = tuple(lint_text(text, channel, purpose))
    finding = next(f for f in findings if f.rule == rule)
    assert audit_finding(text, channel, purpose, finding, findings) == ("", ""), finding.suggestion
    assert finding.suggestion is not None
    return finding.suggestion.apply(text)


FOOTER = "부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"


def test_a_review_reward_leaves_the_patients_quote_beside_it_to_the_testimonial() -> None:
    # session 26 (fp26): a patient's words quoted beside the reward are a testimonial of their own (conventions.py,
    # _QUOTED_STORY_RE; session 25 read the quote as the call for reviews): each rule's rewrite takes its own sentence
    text = f'(광고) 하람치과 "임플란트 하고 나서 고기도 잘 씹어요" - 김○○님. 진료 후기를 남겨 주시면 커피 쿠폰을 드립니다. {FOOTER}'
    after = _rewritten(text, "MSA-REVIEW-INCENTIVE")
    assert "쿠폰" not in after and "씹어요" in after and after.startswith("(광고) 하람치과 ")
    after = _rewritten(text, "MSA-TESTIMONIAL")
    assert "씹어요" not in after and "쿠폰" in after and after.startswith("(광고) 하람치과 ")


def test_a_review_event_takes_the_reward_in_the_next_sentence() -> None:
    # the reward of the review event (convention: reach "next") would be an inducement of its own
    text = f"(광고) 하람치과 리뷰 이벤트 결과 안내! 선정되신 다섯 분께 미백 시술을 무료로 해 드립니다. {FOOTER}"
    after = _rewritten(text, "MSA-REVIEW-INCENTIVE")
    assert "무료로" not in after and "이벤트" not in after and after.endswith(FOOTER)


def test_a_sale_beside_a_review_reward_stays_for_its_own_rewrite() -> None:
    # a sale is a claim of its own (the convention's reach_unless): the review rewrite does not take it
    text = f"(광고) 하람치과 리뷰를 남겨 주시면 커피 쿠폰을 드립니다. 이번 달 스케일링 30% 할인! {FOOTER}"
    assert _finding(text, "MSA-INDUCEMENT")
    assert "30% 할인" in _rewritten(text, "MSA-REVIEW-INCENTIVE")


def test_a_risk_notice_goes_before_the_whole_opt_out_footer() -> None:
    # not inside "Free opt-out (무료거부)": the footer's English words and its parenthesis stay one footer
    body = "(광고) Haram Eye Clinic Our LASIK team now sees patients on Sundays."
    for footer in ("Free opt-out (무료거부): 080-123-4567", "Unsubscribe (무료수신거부): 080-123-4567"):
        after = _rewritten(f"{body} {footer}", "MSA-OMIT-RISK", "friendtalk")
        assert after == f"{body} Side effects may occur and results vary by individual. {footer}"
    korean = "(광고) 하람안과 라식 상담을 토요일에도 받습니다."
    after = _rewritten(f"{korean}\n수신거부: 080-123-4567", "MSA-OMIT-RISK")
    assert after == f"{korean}\n부작용이 있을 수 있으며 개인차가 있습니다.\n수신거부: 080-123-4567"


def test_a_newsletter_header_keeps_only_the_clinic_name() -> None:
    # the header names the newsletter: rewriting the body left the finding in "[… 뉴스레터 3월호]"
    cases = {
        "[하람치과 뉴스레터 3월호] 봄철 잇몸 관리법을 알려드립니다.": "[하람치과] 봄철 잇몸 관리법을 알려드립니다.",
        "[봄내과 건강소식지] 환절기 감기 예방 수칙을 안내드립니다.": "[봄내과] 환절기 감기 예방 수칙을 안내드립니다.",
        "[Haram Dental Newsletter] 봄철 잇몸 관리법을 알려드립니다.": "[Haram Dental] 봄철 잇몸 관리법을 알려드립니다.",
    }
    for text, expected in cases.items():
        assert _rewritten(text, "KAKAO-ALIMTALK-BLACKLIST", "alimtalk", "informational") == expected


def test_a_claim_in_the_bracketed_header_leaves_the_clinic_name() -> None:
    # sentence edits keep the head, so a superlative or an appeal to complexes written into the header stayed
    tail = "라식 상담 예약 받습니다. 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-500-1234"
    cases = {
        f"(광고)[No.1 하람안과] {tail}": ("MSA-SUPERLATIVE", f"(광고)[하람안과] {tail}"),
        f"(광고)[강남 최고의 라식 하람안과] {tail}": ("MSA-SUPERLATIVE", f"(광고)[하람안과] {tail}"),
        f"(광고)[하람안과 | 콤플렉스 탈출] {tail}": ("MSA-APPEARANCE", f"(광고)[하람안과] {tail}"),
    }
    for text, (rule, expected) in cases.items():
        assert _rewritten(text, rule) == expected
    english = "Implant consults on Saturdays. Side effects may occur. Free opt-out (무료거부): 080-500-1234"
    assert _rewritten(f"(광고)[Best Smile Dental] {english}", "MSA-SUPERLATIVE") == f"(광고)[Smile Dental] {english}"


def test_a_superlative_in_the_senders_name_goes_as_words() -> None:
    # "(광고) Seoul's No.1 Smile Dental: …": the head holds the claim; the name's other words stay, not doubled
    body = "implant consults on Saturdays. Side effects may occur. Free opt-out (무료거부): 080-500-1234"
    assert _rewritten(f"(광고) Seoul's No.1 Smile Dental: {body}", "MSA-SUPERLATIVE") == (
        f"(광고) Seoul's Smile Dental: {body}"
    )
    tail = "라식 상담 예약 받습니다. 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-500-1234"
    assert _rewritten(f"(광고) 강남 No.1 하람안과 {tail}", "MSA-SUPERLATIVE") == f"(광고) 강남 하람안과 {tail}"
    # glued into a word of the name: only the claim's letters go
    glued = "레이저 상담 무료수신거부 080-300-1234"
    assert _rewritten(f"(광고) 강남최고피부센터 {glued}", "MSA-SUPERLATIVE") == f"(광고) 강남피부센터 {glued}"
