"""The findings of every corpus line, to prove a lint-speed change finds exactly what it found before.

``python -m bench.lint_snapshot save before.json`` on the old code, ``python -m bench.lint_snapshot compare
before.json`` on the new: every line of every corpus file (and the bench corpus) is linted in its own
channel/purpose and the four settings of ``bench.bench_lint``; each finding is (rule, severity, start, end,
message). Only line ids, rule ids and digests are printed, never a text: the held-out files' texts are not to be
read, and comparing their findings reads nothing of them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.bench_lint import ALL_CORPUS_FILES, SETTINGS
from compliance.text_rules import lint_text

Snapshot = dict[str, list[list[object]]]  # "file:id:channel:purpose" → findings


def _rows() -> Iterator[tuple[str, dict[str, object]]]:
    for path in ALL_CORPUS_FILES:
        for number, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                row = json.loads(line)
                yield f"{path.name}:{row.get('id', number)}", row


def snapshot() -> Snapshot:
    """Every corpus line's findings in its own setting and the four bench settings."""
    out: Snapshot = {}
    for key, row in _rows():
        text = str(row["text"])
        for channel, purpose in sorted({(str(row["channel"]), str(row["purpose"])), *SETTINGS}):
            out[f"{key}:{channel}:{purpose}"] = [
                [f.rule, f.severity, f.start, f.end, f.message]
                for f in lint_text(text, channel, purpose, use_cache=False)
            ]
    return out


def _digest(findings: list[list[object]]) -> str:
    return hashlib.sha256(json.dumps(findings, ensure_ascii=False).encode()).hexdigest()[:12]


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    """One line per setting whose findings differ: its key, the rule ids before/after and digests."""
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            rules_old = sorted(str(f[0]) for f in old or [])
            rules_new = sorted(str(f[0]) for f in new or [])
            lines.append(f"{key}: {rules_old} {_digest(old or [])} → {rules_new} {_digest(new or [])}")
    return lines


def main(argv: list[str]) -> int:
    command, path = argv[0], Path(argv[1])
    current = snapshot()
    if command == "save":
        path.write_text(json.dumps(current, ensure_ascii=False), "utf-8")
        print(f"{len(current)} settings, {sum(map(len, current.values()))} findings saved")
        return 0
    before: Snapshot = json.loads(path.read_text("utf-8"))
    diff = differences(before, current)
    print("\n".join(diff) or f"identical: {len(current)} settings, {sum(map(len, current.values()))} findings")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
