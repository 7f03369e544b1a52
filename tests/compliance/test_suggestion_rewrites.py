"""Suggested rewrites on every corpus line (issue 17 item 6): applying a finding's suggestion removes that
finding at its place, raises no other finding and leaves text that reads (tests/compliance/suggestion_audit.py
says how each is checked). Held-out lines take part; their texts are never printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from compliance.suggestions import GENERAL_SUBJECT
from compliance.text_rules import lint_text
from tests.compliance.suggestion_audit import (
    CORPUS_FILES,
    NO_REWRITE,
    ROOT,
    FileAudit,
    FileRate,
    audit_files,
    counted,
    coverage,
    described,
    rate_table,
    rates,
)

# the bar, as rates: over the whole corpus at most one failing suggestion in 200, and in any one file at most one in
# 50 (or 2): rules, the scorer and new training files change under this test, and a file whose writer found a class
# of rewrites that fail shows as that file, not as a total creeping up (session 20: 4 of 7,602, all held-out lines)
TOTAL_RATE, FILE_RATE, FILE_FLOOR = 1 / 200, 1 / 50, 2


def over_the_bar(table: list[FileRate]) -> str:
    """Why the rates of ``table`` break the bar (empty if they do not)."""
    audited, failing = sum(r.audited for r in table), sum(r.failing for r in table)
    files = [r.file for r in table if r.failing > max(FILE_FLOOR, r.audited * FILE_RATE)]
    if failing > audited * TOTAL_RATE:
        return f"{failing} of {audited} failing (over {TOTAL_RATE:.1%})"
    return f"files over {FILE_RATE:.0%}: {files}" if files else ""


def check_rewrites(files: tuple[Path, ...] = CORPUS_FILES, audits: list[FileAudit] | None = None) -> int:
    """Fail (message only: no traceback, no locals, held-out lines by id) when more than one suggestion in 200
    fails on ``files`` or more than one in 50 (at least 2) in one file; the number of findings audited otherwise.
    The rate per file is printed (pytest -s) and heads the failure message. ``audits``: the audit of ``files``
    when already done."""
    table, real = rates(files, counted, audits)
    print(rate_table(table))
    why = over_the_bar(table)
    if why:
        by_kind = Counter((f.rule, f.kind) for f in real)
        pytest.fail(f"{why} {dict(by_kind)}\n{rate_table(table)}\n{described(real)}", pytrace=False)
    return sum(r.audited for r in table)


def test_the_bar_is_a_rate_overall_and_per_file() -> None:
    # a few failures spread over big files pass; the same number in one small file, or too many overall, do not
    spread = [FileRate("a.jsonl", 1500, 2), FileRate("b.jsonl", 1500, 2), FileRate("c.jsonl", 100, 1)]
    assert over_the_bar(spread) == ""
    assert "c.jsonl" in over_the_bar([*spread[:2], FileRate("c.jsonl", 100, 3)])
    assert "over 0.5%" in over_the_bar([FileRate("a.jsonl", 1000, 6)])


@pytest.mark.slow
def test_every_reportable_rule_has_a_suggestion_that_removes_its_finding_and_raises_nothing_new() -> None:
    # One audit of every corpus line for both checks (each was a test of its own, ~2 min of CPU each, on
    # different workers): every rule found has a suggestion, and the suggestions pass the bar.
    audits = audit_files(CORPUS_FILES)
    audited, without = coverage(audits)
    missing = sorted(without - NO_REWRITE)
    if missing:
        pytest.fail(f"no suggestion for {missing}", pytrace=False)
    assert len(audited) >= 25  # the text rules the corpus exercises
    assert check_rewrites(CORPUS_FILES, audits) > 2000  # every corpus file took part


def test_a_failing_held_out_line_is_shown_by_its_id_only(tmp_path: Path) -> None:
    # Given a held-out file and a training file, each with a line the audit fails on (a channel lint refuses)
    secret = "(광고) 비공개문장 최고의 라식 이벤트"
    for name in ("x_heldout.jsonl", "x_training.jsonl"):
        row = {"id": f"{name[:-6]}-01", "text": secret, "channel": "pigeon", "purpose": "advertising"}
        (tmp_path / name).write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    module = tmp_path / "test_leak.py"
    module.write_text(
        "from pathlib import Path\n"
        "from tests.compliance.test_suggestion_rewrites import check_rewrites\n"
        "def test_heldout():\n"
        f"    check_rewrites((Path({str(tmp_path / 'x_heldout.jsonl')!r}),))\n"
        "def test_training():\n"
        f"    check_rewrites((Path({str(tmp_path / 'x_training.jsonl')!r}),))\n",
        "utf-8",
    )
    # When the rewrite check runs on them, with pytest showing every local it can
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--showlocals", "--tb=long", "-p", "no:cacheprovider", str(module)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = ran.stdout + ran.stderr
    # Then both fail; the held-out line is named by file, id and error type, its text never shown
    heldout = out[out.index("test_heldout") : out.index("test_training")] if "test_training" in out else out
    assert ran.returncode == 1 and "x_heldout-01" in out and "2 failed" in out, out[-2000:]
    assert "비공개문장" not in heldout, "held-out text printed"
    # and a training line's failure shows its text, to be fixed
    assert "비공개문장" in out[out.index("x_training-01") - 200 :]


def test_a_comparison_goes_with_its_whole_sentence_and_the_head_stays() -> None:
    text = (
        "(광고) 하람안과 다른 병원에서 실패한 코, 저희는 다릅니다. 부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"
    )
    finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-COMPARISON")
    # the ad's only claim went: a plain consultation notice keeps it worth sending (test_suggestions_in_sequence)
    assert (
        finding.suggestion.apply(text)
        == "(광고) 하람안과 진료 상담을 안내드립니다. 부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"
    )


def test_a_discount_becomes_a_factual_fee_notice() -> None:
    text = "(광고) 하람안과 라식 50% 할인 이벤트! 부작용이 있을 수 있습니다. 무료수신거부 080-123-4567"
    finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-INDUCEMENT")
    after = finding.suggestion.apply(text)
    assert "할인" not in after and "비용은 원내에 게시된 비급여 진료비용을 따릅니다." in after
    assert after.startswith("(광고) 하람안과 ")


def test_the_risk_notice_follows_the_message_language() -> None:
    english = "(광고) Haram Eye Clinic LASIK consultations this month. 무료수신거부 080-123-4567"
    korean = "(광고) 하람안과 이번 달 라식 상담 안내. 무료수신거부 080-123-4567"
    for text, notice in ((english, "Side effects may occur"), (korean, "부작용이 있을 수 있으며")):
        finding = next(f for f in lint_text(text, "friendtalk", "advertising") if f.rule == "MSA-OMIT-RISK")
        after = finding.suggestion.apply(text)
        assert notice in after and after.endswith("무료수신거부 080-123-4567")
        assert "MSA-OMIT-RISK" not in {f.rule for f in lint_text(after, "friendtalk", "advertising")}


def test_an_alimtalk_promotion_moves_out_and_the_care_text_stays() -> None:
    text = "{{ patient.name }}님, 내일 오전 10시 예약입니다. 이번 달 미백 시술 20% 할인 중이니 함께 받아 보세요."
    finding = next(f for f in lint_text(text, "alimtalk", "informational") if f.rule == "KAKAO-ALIMTALK-PROMO")
    assert finding.suggestion.kind == "move"
    assert finding.suggestion.apply(text) == "{{ patient.name }}님, 내일 오전 10시 예약입니다."


def test_an_ad_that_says_nothing_but_its_notices_raises_nothing() -> None:
    for text in (
        "(광고) 한결안과 ※ 부작용·개인차가 있을 수 있습니다. 무료수신거부 080-555-0142",
        "(광고) 하람치과 ※부작용·개인차가 있을 수 있습니다. 무료수신거부 080-321-7000",
    ):
        found = {f.rule for f in lint_text(text, "friendtalk", "advertising") if f.severity != "info"}
        assert not found, (text, found)


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        # the frame's span runs on over the full stop into the notice ("…안 됩니다.\n*개인에 따라 부작용")
        (
            "(광고) {{ clinic.name }}\n임플란트, 아무 데서나 하시면 안 됩니다.\n*개인에 따라 부작용이 있을 수 있습니다\n"
            "무료수신거부 {{ clinic.optout_number }}",
            "*개인에 따라 부작용이 있을 수 있습니다",
        ),
        # … or starts back in a notice written first
        (
            "(광고) {{ clinic.name }} 부작용이 있을 수 있습니다. 공장형 치과에서 대충 심은 임플란트, 결국 다시 하게 됩니다. "
            "무료수신거부 {{ clinic.optout_number }}",
            "부작용이 있을 수 있습니다.",
        ),
        # a notice run on after the claim without a stop, and one that opens with "※시술 후"
        (
            "(광고) 하람안과 | 라식센터\n다른 병원에서 실패한 코, 저희는 다릅니다 결과는 사람마다 다를 수 있습니다. "
            "무료수신거부 080-123-4567",
            "결과는 사람마다 다를 수 있습니다.",
        ),
        (
            "(광고) 하람치과 임플란트 가격만 보고 고르셨다가 다시 하시는 분이 많습니다. 싼 데는 다 이유가 있어요. "
            "※시술 후 붓기·멍 등 부작용이 생길 수 있고 결과는 개인마다 다릅니다. 무료수신거부 080-733-2290",
            "※시술 후 붓기·멍 등 부작용이 생길 수 있고 결과는 개인마다 다릅니다.",
        ),
        # a terse notice in brackets before the claim, and an English one the checker reads
        (
            "(광고) 하람안과 | 라식센터\n(부작용 가능, 개인차 있음) 공장형 치과에서 대충 심은 임플란트, 결국 다시 하게 됩니다. "
            "무료수신거부 080-123-4567",
            "(부작용 가능, 개인차 있음)",
        ),
        (
            "(광고) Haram Eye Clinic: Possible side effects include swelling and bruising. "
            '"I could see clearly the next morning" — a real patient\'s story. 무료수신거부 080-123-4567',
            "Possible side effects include swelling and bruising.",
        ),
    ],
)
def test_a_claims_rewrite_keeps_the_risk_notice_its_finding_runs_into(text: str, notice: str) -> None:
    findings = [f for f in lint_text(text, "friendtalk", "advertising") if f.suggestion and f.rule.startswith("MSA-")]
    assert findings, text
    for finding in findings:
        assert finding.suggestion is not None
        after = finding.suggestion.apply(text)
        # Then the notice is still there, the claim's rule is gone and no missing-notice finding appears
        assert notice in after, (finding.rule, after)
        rules = {f.rule for f in lint_text(after, "friendtalk", "advertising") if f.severity != "info"}
        assert finding.rule not in rules and "MSA-OMIT-RISK" not in rules, (finding.rule, after, rules)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(광고) Fit&Balance: Lose 10kg in 30 days, guaranteed! 무료수신거부 080-222-7788", "Fit&Balance:"),
        (
            "(광고) Lumière PS — Guaranteed results or your money back on eyelid surgery. Side effects and results may "
            "vary. 무료수신거부 080-870-1122",
            "Lumière PS —",
        ),
        (
            '(광고) Sumgyeol ENT | "I finally sleep through the night" — read Mark\'s snoring treatment story on our '
            "blog. 무료수신거부 080-699-6130",
            "Sumgyeol ENT |",
        ),
        (
            "(광고) Gangnam Line 성형외과 Revision 상담: 다른 곳에서 망친 코, 저희가 다시 세웁니다. Side effects may occur; "
            "results vary. 무료수신거부 080-404-3131",
            "Gangnam Line 성형외과",
        ),
    ],
)
def test_a_senders_name_written_before_a_separator_stays(text: str, name: str) -> None:
    findings = [f for f in lint_text(text, "friendtalk", "advertising") if f.suggestion and f.rule.startswith("MSA-")]
    assert findings, text
    for finding in findings:
        assert finding.suggestion is not None
        after = finding.suggestion.apply(text)
        # the name stays, so no missing-sender finding; the ad still says something (a consultation notice)
        assert after.startswith("(광고) " + name), after
        assert "ADV-SENDER" not in {f.rule for f in lint_text(after, "friendtalk", "advertising")}, after


def test_booking_slots_running_out_beside_the_opt_out_are_no_inducement() -> None:
    # hand-written and as the opt-out suggestion leaves it: the footer's 무료 is no benefit (context_checks_s20_rw.json)
    for text in (
        "(광고) 한마음건강검진센터 연말 검진 예약 마감 임박, 서둘러 예약하세요 1588-7420 무료수신거부 080-611-2057",
        "(광고) 한마음건강검진센터 연말 검진 예약 마감 임박, 서둘러 예약하세요 1588-7420 수신거부 080-611-2057 "
        "무료수신거부 {{ clinic.optout_number }}",
    ):
        assert not {f.rule for f in lint_text(text, "sms", "advertising") if f.severity != "info"}, text
    offer = "(광고) 하람안과 연말 예약 마감 임박! 라식 20% 할인 무료수신거부 080-611-2057"
    assert "MSA-INDUCEMENT" in {f.rule for f in lint_text(offer, "sms", "advertising")}


def test_the_english_consultation_notice_reads_as_nothing_else() -> None:
    # the sentence an emptied English ad gets: after a name that glues into "some" (Dasom Eye), before "Risks include"
    for before, after in (
        ("Dasom Eye Clinic", "Side effects are possible."),
        ("Haram Eye Clinic:", "Risks include glare."),
    ):
        text = f"(광고) {before} {GENERAL_SUBJECT[1]} {after} 무료수신거부 080-321-7700"
        assert not {f.rule for f in lint_text(text, "friendtalk", "advertising") if f.severity != "info"}, text
