"""Suggested rewrites applied one after another, as a reviewer clicks them (issue 17 item 6): whatever the order,
the message left is still worth sending — not emptied, and an advertisement keeps something to say beyond its
label, clinic name, risk notice and opt-out (found in the user trial: the inducement and safety-claim suggestions
together left "(광고) 하람안과 부작용이 있을 수 있습니다. 무료수신거부 …"). Training lines only: held-out texts stay
unread (tests/compliance/suggestion_audit.py covers every file, printing held-out ids only)."""

from __future__ import annotations

import json
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.suggestions import says_nothing
from compliance.text_rules import lint_text
from tests.compliance.suggestion_audit import CORPUS_FILES, is_heldout, linted

# make test runs this module on the worker of the corpus audit, after it (tests/conftest.py XDIST_GROUPS): the lines
# and first rewrites linted here are the audit's, already in ``linted``'s cache (~70 CPU-s linting them again on
# another worker, session 25).
STEPS = 6


@cache
def _training_lines() -> list[tuple[str, str, str]]:
    """(text, channel, purpose) of every training line with at least one suggested rewrite."""
    out = []
    for path in CORPUS_FILES:
        if is_heldout(path):
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], row["channel"], row["purpose"]))
    return [r for r in out if any(f.suggestion for f in linted(*r) if f.severity != "info")]


def applied_in_turn(text: str, channel: str, purpose: str, choices: list[int]) -> tuple[str, bool]:
    """The text after applying, at each step, the ``choices[i]``-th suggestion of the findings now shown;
    and whether the whole message was moved into an advertising node (nothing left here, by design)."""
    for choice in choices:
        offered = [f.suggestion for f in linted(text, channel, purpose) if f.severity != "info" and f.suggestion]
        if not offered:
            break
        s = offered[choice % len(offered)]
        if s.kind == "move" and (s.start, s.end) == (0, len(text)):
            return "", True
        text = s.apply(text)
    return text, False


def test_the_inducement_and_safety_suggestions_together_leave_an_advertisement() -> None:
    text = "(광고) 하람안과 라식 50% 할인! 통증 없는 라식. 부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"
    for order in ([0, 0, 0, 0], [1, 0, 0, 0], [1, 1, 1, 1]):
        after, moved = applied_in_turn(text, "friendtalk", "advertising", order)
        assert not moved and not says_nothing(after), (order, after)
        assert after.startswith("(광고) 하람안과 ") and "라식" in after and after.endswith("무료수신거부 080-123-4567")
        left = {f.rule for f in lint_text(after, "friendtalk", "advertising") if f.severity != "info"}
        assert not left & {"MSA-INDUCEMENT", "MSA-SAFETY-CLAIM", "MSA-OMIT-RISK"}, (order, after, left)


def test_an_ad_whose_only_claim_goes_keeps_its_subject() -> None:
    text = "(광고) 푸른숲안과 다른 병원에서 실패한 눈매교정, 재수술 상담받으세요. 부작용이 있을 수 있습니다. 무료수신거부 080-500-7000"
    after, _ = applied_in_turn(text, "friendtalk", "advertising", [0])
    assert (
        after == "(광고) 푸른숲안과 눈매교정 상담을 안내드립니다. 부작용이 있을 수 있습니다. 무료수신거부 080-500-7000"
    )
    english = "(광고) Seoul Clear Eye Clinic Hear from our patients: 'Best decision of my life.' Side effects may occur. 무료수신거부 080-500-7002"
    after, _ = applied_in_turn(english, "friendtalk", "advertising", [0])
    assert "Consultations are available" in after and "Best decision" not in after


def test_every_training_line_in_the_order_shown_keeps_something_to_send() -> None:
    emptied = []
    for text, channel, purpose in _training_lines():
        after, moved = applied_in_turn(text, channel, purpose, [0] * STEPS)
        if not moved and (not after.strip() or (says_nothing(after) and not says_nothing(text))):
            emptied.append((text, after))
    assert not emptied, emptied[:5]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_suggestions_in_any_order_leave_a_sendable_message(data: st.DataObject) -> None:
    text, channel, purpose = data.draw(st.sampled_from(_training_lines()), label="line")
    choices = data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=STEPS), label="choices")
    after, moved = applied_in_turn(text, channel, purpose, choices)
    if moved:
        return
    assert after.strip(), "emptied"
    assert says_nothing(text) or not says_nothing(after), after
