"""The card sentence of `wait.duration`: "1일 2시간 기다림" / "Wait 1 day 2 hours"."""

from collections.abc import Mapping
from typing import Any

from nodes.summary import Summary, both, plural_en


def summary(params: Mapping[str, Any]) -> Summary:
    parts = [
        (int(params.get(key) or 0), ko, en)
        for key, ko, en in (("days", "일", "day"), ("hours", "시간", "hour"), ("minutes", "분", "minute"))
    ]
    given = [p for p in parts if p[0]]
    if not given:
        return both("기다릴 시간을 정하세요", "Set how long to wait")
    ko = " ".join(f"{n}{unit}" for n, unit, _ in given)
    en = " ".join(plural_en(n, unit) for n, _, unit in given)
    return both(f"{ko} 기다림", f"Wait {en}")
