"""A campaign's cron read aloud: "매년 3월·9월 15일 10:00", "매주 월·목요일 09:30", "매월 1일 10:00".

Only the shapes the editor's schedule picker writes (and plain lists/ranges of numbers) are described;
anything else is shown as the expression itself, which is still no raw parameter key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nodes.summary import MONTHS_EN, WEEKDAYS_EN, WEEKDAYS_KO, Summary, both, clip, procedure_names


def _numbers(field: str, low: int, high: int) -> list[int] | None:
    """``"3,9"`` / ``"1-5"`` → the numbers; None for ``*`` and anything with steps or names."""
    if field == "*":
        return None
    values: list[int] = []
    for part in field.split(","):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError(field)
        start, end = int(first), int(last) if dash else int(first)
        if not (low <= start <= end <= high):
            raise ValueError(field)
        values.extend(range(start, end + 1))
    return sorted(set(values))


def describe_cron(expression: str) -> Summary | None:
    """The cron as a Korean/English sentence, or None when it is not a shape we can read aloud."""
    fields = expression.split()
    if len(fields) != 5:
        return None
    try:
        minutes = _numbers(fields[0], 0, 59)
        hours = _numbers(fields[1], 0, 23)
        days = _numbers(fields[2], 1, 31)
        months = _numbers(fields[3], 1, 12)
        weekdays = _numbers(fields[4], 0, 7)  # 0 and 7 are both Sunday
    except ValueError:
        return None
    if not minutes or not hours or len(minutes) > 4 or len(hours) > 6:
        return None
    times = ", ".join(f"{h:02d}:{m:02d}" for h in hours for m in minutes)
    weekdays = sorted({d % 7 for d in weekdays}) if weekdays else None
    if weekdays and (days or months):
        return None  # cron's "day OR weekday" rule: not worth a sentence
    if weekdays:
        ko_days = "·".join(WEEKDAYS_KO[d] for d in weekdays)
        en_days = ", ".join(WEEKDAYS_EN[d] for d in weekdays)
        return both(f"매주 {ko_days}요일 {times}", f"Every week on {en_days} at {times}")
    if months:
        if not days:
            return None
        ko_months = "·".join(f"{m}월" for m in months)
        en_months = ", ".join(MONTHS_EN[m - 1] for m in months)
        ko_days = "·".join(f"{d}일" for d in days)
        en_days = ", ".join(str(d) for d in days)
        return both(f"매년 {ko_months} {ko_days} {times}", f"Every year on {en_months} {en_days} at {times}")
    if days:
        ko_days = "·".join(f"{d}일" for d in days)
        en_days = ", ".join(str(d) for d in days)
        return both(f"매월 {ko_days} {times}", f"Every month on day {en_days} at {times}")
    return both(f"매일 {times}", f"Every day at {times}")


def summary(params: Mapping[str, Any]) -> Summary:
    expression = str(params.get("cron") or "")
    when = describe_cron(expression) or both(f"반복 일정 {clip(expression, 30)}", f"Repeats {clip(expression, 30)}")
    segment = params.get("segment") or {}
    who_ko: list[str] = []
    who_en: list[str] = []
    if segment.get("tags"):
        tags = ", ".join(map(str, segment["tags"]))
        who_ko.append(f"태그 {tags}")
        who_en.append(f"tagged {tags}")
    if segment.get("procedures"):
        ko, en = procedure_names(segment["procedures"])
        who_ko.append(f"{ko} 환자")
        who_en.append(f"{en} patients")
    if segment.get("exclude_tags"):
        tags = ", ".join(map(str, segment["exclude_tags"]))
        who_ko.append(f"{tags} 제외")
        who_en.append(f"except {tags}")
    if segment.get("marketing_consent_only"):
        who_ko.append("마케팅 동의자만")
        who_en.append("marketing consent only")
    ko = when["ko"] + (" · " + ", ".join(who_ko) if who_ko else " · 전체 환자")
    en = when["en"] + (" · " + ", ".join(who_en) if who_en else " · all patients")
    return both(ko, en)
