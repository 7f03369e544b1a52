"""The audit of suggested rewrites over every corpus line (issue 17 item 6): lint, apply each finding's
suggestion, lint again. A suggestion passes when

* the finding is gone at its place (no finding of its rule overlaps the place it pointed at, mapped through
  the edit; a rule about the whole message — a missing label, opt-out, sender or risk notice — is gone),
* no new finding appears (no rule is found more often than before, the finding's own rule once less), and
* the text still reads: no doubled spaces, no orphan punctuation or particle at the seam, no emptied
  brackets, the (광고) label and the clinic's name kept.

Held-out texts are never printed: their failures are reported by line id and rule only.
``python -m tests.compliance.suggestion_audit`` prints the counts per rule (details for training files).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from compliance.findings import Finding
from compliance.text_rules import lint_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FILES = (
    *sorted((ROOT / "compliance" / "corpus").glob("*.jsonl")),
    ROOT / "tests" / "compliance" / "corpus.jsonl",
)
WHOLE_MESSAGE = frozenset({"ADV-LABEL", "ADV-OPTOUT", "ADV-SENDER", "MSA-OMIT-RISK", "MSG-ALIMTALK-LENGTH"})
_PARTICLES = frozenset(
    [
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "로",
        "으로",
        "와",
        "과",
        "도",
        "만",
        "보다",
        "처럼",
        "에게",
        "께",
        "한테",
        "및",
        "이나",
        "나",
        "랑",
        "이랑",
        "까지",
        "부터",
        "이라는",
        "라는",
        "이며",
        "며",
        "고",
        "하고",
        "이고",
        "and",
        "or",
        "the",
        "a",
        "of",
        "with",
    ]
)
_DANGLING_EN = re.compile(
    rf"(?<![A-Za-z])({'|'.join(p for p in _PARTICLES if p.isascii())})(?=[ \t]*(?:[,.!?;:]|$))", re.M
)
_ORPHAN_PUNCT = re.compile(r"(?:^|[\s(\[])[,.!?·:;](?![0-9])|[,·:;]\s*[,.!?·:;]|\(\s*\)|\[\s*\]|「\s*」|\"\s*\"")
_CLINIC_NAME = re.compile(
    r"\{\{\s*clinic\.name\s*\}\}|[가-힣A-Za-z0-9]+(?:의원|병원|안과|치과|피부과|성형외과|한의원|클리닉|정형외과|내과|이비인후과)"
    r"(?![가-힣])|[A-Z][A-Za-z]+ (?:Clinic|Dental|Eye|Skin|Medical)|(?<=\(광고\) )[^\s\n]+(?: [가-힣]+)?(?=\n)"
    r"|(?<=\(광고\) )[A-Za-z]+ [가-힣]+(?:과|의원|병원)"
)
_NOT_A_NAME = re.compile(
    r"^(?:타|다른|옆|동네|대학|일반|큰|유명|대형|종합|여러|모든|어느|저희|우리|전국|국내|지역|전문|상급|소화기|신장)"
)


_SAYS_NOTHING = re.compile(
    r"\(광고\)|\{\{.*?\}\}|무료\s*(?:수신)?\s*거부[^\n]*|[^.\n]*(?:부작용|개인차|개인에\s*따라|side effects|results vary)[^.\n]*\.?|"
    r"[0-9-]{7,}|[※*\[\]]",
    re.I,
)


@lru_cache(maxsize=1 << 16)
def linted(text: str, channel: str, purpose: str) -> tuple[Finding, ...]:
    """``lint_text``'s findings, kept for the test process: the audit and the rewrites applied in turn
    (test_suggestions_in_sequence: each line listed, then linted again at its first step) lint the same lines and
    rewrites, which lint_text's own cache (2,048 entries) no longer holds after a pass over the corpus; make test
    runs their tests on one worker (tests/conftest.py ``XDIST_GROUPS``). Findings are frozen."""
    return tuple(lint_text(text, channel, purpose))


def says_nothing(text: str) -> bool:
    """A message of only its label, clinic name, risk notice and opt-out: it claims nothing, so an MSA
    finding on it is the checker's false positive (the scorer's, on near-empty ads), not the rewrite's."""
    rest = _CLINIC_NAME.sub(" ", text, count=1)
    rest = _SAYS_NOTHING.sub(" ", rest)
    return not re.search(r"[가-힣A-Za-z]", rest)


def sender_kept(before: str, after: str) -> bool:
    """The clinic's name of the message head is still there: an ADV-SENDER after the edit is the checker not
    knowing that name (it had taken "다른 병원" in the removed sentence for the sender), not a lost name."""
    names = clinic_names(before)
    return bool(names) and all(name.strip("|: ") in after for name in names)


def is_heldout(path: Path) -> bool:
    """Files whose texts are never shown: held-out and unseen sets, and probes2_s14 (held back from training)."""
    return "heldout" in path.name or "unseen" in path.name or path.stem == "probes2_s14"


@dataclass(frozen=True)
class Failure:
    file: str
    line_id: str
    rule: str
    kind: str  # no-suggestion | not-gone | new-finding | reads-badly
    detail: str  # empty for held-out lines (their texts are never shown)


def _counted(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.rule for f in findings if f.severity != "info")


def _to_old(pos: int, start: int, end: int, inserted: int, is_end: bool = False) -> int:
    """A position of the rewritten text as a position of the original (inside the edit: its start..end)."""
    if pos < start or (is_end and pos == start):
        return pos
    if pos >= start + inserted:
        return pos - inserted + (end - start)
    return start if pos == start else end


def clinic_names(text: str) -> Counter[str]:
    """The sender's name where messages put it: in the first 40 characters (a bracket, after the label)."""
    names = (m.group(0) for m in _CLINIC_NAME.finditer(text) if m.start() < 40 and not _NOT_A_NAME.match(m.group(0)))
    return Counter(list(names)[:1])  # the sender's name comes first; later ones are what the message talks about


def _orphans(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Particles left without their word in ``text[start:end]``: a Korean particle as a token of its own ("수술
    을"), an English function word with nothing after it in its clause ("side effects and.") — "Fees follow the
    price list" keeps its "the" (the clause is read past ``end``)."""
    stop = len(text) if end is None else end
    tokens = re.findall(r"[^\s,.!?]+", text[start:stop])
    dangling = [m.group(1) for m in _DANGLING_EN.finditer(text) if start <= m.start() < stop]
    return [t for t in tokens if t in _PARTICLES and not t.isascii()] + dangling


def reads_badly(before: str, after: str, seam: int) -> str:
    """Why ``after`` reads worse than ``before`` (empty if it does not): the checks a reader would make."""
    if after.count("  ") > before.count("  "):
        return "doubled space"
    if len(re.findall(r"^[ \t]|[ \t]$", after, re.M)) > len(re.findall(r"^[ \t]|[ \t]$", before, re.M)):
        return "space at a line's start or end"
    if len(_ORPHAN_PUNCT.findall(after)) > len(_ORPHAN_PUNCT.findall(before)):
        return "orphan punctuation"
    left = after.rfind(" ", 0, max(0, seam - 12)) + 1
    right = after.find(" ", seam + 12)
    orphans = _orphans(after, left, right if right >= 0 else len(after))
    if len(orphans) > len(_orphans(before)):
        return f"orphan particle {orphans[0]!r}"
    if "(광고)" in before and "(광고)" not in after and after.strip():
        return "(광고) label lost"
    lost = [name for name in clinic_names(before) if name.strip("|: ") not in after]
    if lost and after.strip():
        return f"clinic name lost: {lost[0]}"
    if not re.search(r"[가-힣A-Za-z]", after.replace("(광고)", "")) and after.strip():
        return "nothing left to read"
    return ""


def audit_finding(
    text: str, channel: str, purpose: str, finding: Finding, before: Sequence[Finding]
) -> tuple[str, str]:
    """(failure kind, detail) of one finding's suggestion, or ("", "") when it passes."""
    s = finding.suggestion
    if s is None:
        return "no-suggestion", ""
    after_text = s.apply(text)
    after = linted(after_text, channel, purpose)
    inserted = len(s.text)
    start, end = finding.start or 0, finding.end or 0
    for f in after:
        if f.rule != finding.rule or f.severity == "info":
            continue
        if finding.rule in WHOLE_MESSAGE:
            return "not-gone", f"{f.rule} still reported"
        a = _to_old(f.start or 0, s.start, s.end, inserted)
        b = _to_old(f.end or 0, s.start, s.end, inserted, is_end=True)
        if a <= end and start <= b and (a < end or start < b or a == b == start == end):
            return "not-gone", f"{f.rule} still at {after_text[f.start or 0 : f.end or 0]!r}"
    old, new = _counted(before), _counted(after)
    if s.kind == "move" and not s.apply(text).strip():
        new.pop("MSG-EMPTY", None)  # the whole message moves into an advertising node
    old[finding.rule] -= 1
    grown = sorted(rule for rule in new if new[rule] > max(old[rule], 0))
    if grown:
        return "new-finding", ", ".join(grown)
    why = reads_badly(text, after_text, s.start)
    if why:
        return "reads-badly", why
    return "", ""


def _audit_line(path: Path, row: dict[str, Any], audited: Counter[str]) -> list[Failure]:
    text, channel, purpose = row["text"], row["channel"], row["purpose"]
    failures: list[Failure] = []
    findings = linted(text, channel, purpose)
    for finding in findings:
        if finding.severity == "info" or finding.start is None:
            continue
        audited[finding.rule] += 1
        kind, detail = audit_finding(text, channel, purpose, finding, findings)
        if kind:
            after = finding.suggestion.apply(text) if finding.suggestion else text
            if is_heldout(path):  # never its text: the rules a rewrite raised, or why it reads badly, at most
                shown = (
                    detail
                    if kind == "new-finding"
                    else detail.split(":")[0].split(" '")[0]
                    if kind == "reads-badly"
                    else ""
                )
            else:
                shown = f"{detail} | {text!r} -> {after!r}"
            msa_only = kind == "not-gone" or all(r.startswith("MSA-") for r in detail.split(", "))
            if kind in ("new-finding", "not-gone") and msa_only and says_nothing(after):
                kind = "checker-on-empty-ad"
            elif kind == "new-finding" and detail == "ADV-SENDER" and sender_kept(text, after):
                kind = "checker-sender-gap"
            failures.append(Failure(path.name, row["id"], finding.rule, kind, shown))
    return failures


def audit(files: tuple[Path, ...] = CORPUS_FILES) -> tuple[Counter[str], list[Failure]]:
    """(findings audited per rule, failures) over every line of ``files`` (every corpus file). A line whose
    lint or rewrite raises is a failure of kind "crash": no traceback leaves here, so no held-out text is shown
    (a training line's failure shows its error and text)."""
    audited: Counter[str] = Counter()
    failures: list[Failure] = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            try:
                failures.extend(_audit_line(path, row, audited))
            except Exception as error:  # reported per line: the text only for training lines
                shown = type(error).__name__ if is_heldout(path) else f"{error!r} | {row.get('text')!r}"
                failures.append(Failure(path.name, str(row.get("id")), "-", "crash", shown))
    return audited, failures


# Nothing to rewrite: an empty message is refused by the editor's own validation ("must not be empty").
NO_REWRITE = frozenset({"MSG-EMPTY"})
CHECKER = ("checker-on-empty-ad", "checker-sender-gap")  # the checker's own defects, counted by the audit


def counted(failure: Failure) -> bool:
    """Whether the rewrite bar counts ``failure``: the rewrite's own, not the checker's or an empty message's."""
    return failure.kind not in CHECKER and failure.rule not in NO_REWRITE


@dataclass(frozen=True)
class FileRate:
    file: str
    audited: int  # findings whose suggestion was applied
    failing: int  # failures the bar counts (``counted``)

    @property
    def rate(self) -> float:
        return self.failing / self.audited if self.audited else 0.0


FileAudit = tuple[Path, Counter[str], list[Failure]]


def audit_files(files: tuple[Path, ...]) -> list[FileAudit]:
    """(file, findings audited per rule, failures) of each of ``files``: :func:`audit` file by file."""
    return [(path, *audit((path,))) for path in files]


def coverage(audits: list[FileAudit]) -> tuple[set[str], set[str]]:
    """(rules audited, rules with a finding that offered no suggestion) over ``audits``."""
    audited = {rule for _, counts, _ in audits for rule in counts}
    missing = {f.rule for _, _, failures in audits for f in failures if f.kind == "no-suggestion"}
    return audited, missing


def rates(
    files: tuple[Path, ...], counted: Callable[[Failure], bool], audits: list[FileAudit] | None = None
) -> tuple[list[FileRate], list[Failure]]:
    """Per corpus file, the findings audited and the failures ``counted`` keeps; and those failures (of
    ``audits`` when given: the audit of ``files`` already done)."""
    table: list[FileRate] = []
    kept: list[Failure] = []
    for path, audited, failures in audit_files(files) if audits is None else audits:
        mine = [f for f in failures if counted(f)]
        table.append(FileRate(path.name, sum(audited.values()), len(mine)))
        kept.extend(mine)
    return table, kept


def rate_table(table: list[FileRate]) -> str:
    """The per-file rates, failing files first: file, findings audited, failing, rate."""
    rows = sorted(table, key=lambda r: (-r.failing, r.file))
    return "\n".join(f"{r.file:40} {r.audited:5} fail {r.failing:3} ({r.rate:.2%})" for r in rows)


def described(failures: list[Failure]) -> str:
    """One line per failure for an assertion message: file, line id, rule, kind, and the detail (for held-out
    files only the rules a rewrite raised or the error's type, never the text)."""
    return "\n".join(f"{f.file} {f.line_id} {f.rule} {f.kind} {f.detail}".rstrip() for f in failures)


def main() -> None:
    if "--files" in sys.argv:  # the rate per file (what test_suggestion_rewrites bounds)
        print(rate_table(rates(CORPUS_FILES, counted)[0]))
        return
    audited, failures = audit()
    by_rule = Counter(f.rule for f in failures)
    kinds = Counter((f.rule, f.kind) for f in failures)
    print(f"findings audited {sum(audited.values())}, failing {len(failures)}")
    for rule in sorted(audited):
        parts = ", ".join(f"{k}={n}" for (r, k), n in sorted(kinds.items()) if r == rule)
        print(f"{rule:28} {audited[rule]:5} fail {by_rule[rule]:4} {parts}")
    if "-v" in sys.argv:
        for f in failures:
            print(f.file, f.line_id, f.rule, f.kind, f.detail)


if __name__ == "__main__":
    main()
