"""Helpers for the ``summary`` hook: a node's params read as one Korean (and English) sentence for the
canvas card ("수술 다음 날 오전 10:00까지 기다림", "매년 3월·9월 15일 10:00").

A summary must never raise on a draft's half-filled params: :meth:`nodes.base.NodeType.summarize` falls
back to the node type's label. Titles of choices come from the schema's ``oneOf`` (``"한국어 / English"``),
so the card and the form name a choice the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nodes.particles import with_particle
from nodes.procedures import procedure_titles

Summary = dict[str, str]  # {"ko": …, "en": …}

WEEKDAYS_KO = ("일", "월", "화", "수", "목", "금", "토")  # cron weekday 0 = Sunday
WEEKDAYS_EN = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def both(ko: str, en: str) -> Summary:
    return {"ko": ko, "en": en}


def split_title(title: str) -> tuple[str, str]:
    """``"한국어 / English"`` → both halves (the whole title twice when it has no English half)."""
    ko, sep, en = title.partition(" / ")
    return (ko.strip(), en.strip()) if sep else (title, title)


def choice_title(schema: Mapping[str, Any], key: str, value: object) -> tuple[str, str]:
    """The Korean and English title of ``value`` in the ``oneOf`` of params property ``key``."""
    prop = schema.get("properties", {}).get(key, {})
    for option in prop.get("oneOf", ()):
        if option.get("const") == value and "title" in option:
            return split_title(str(option["title"]))
    return str(value), str(value)


def procedure_names(codes: Iterable[object]) -> tuple[str, str]:
    """Procedure codes as "백내장 수술·라식" / "Cataract surgery, LASIK" (unknown codes as written)."""
    titles = procedure_titles()
    names = [split_title(titles[c]) if isinstance(c, str) and c in titles else (str(c), str(c)) for c in codes]
    return "·".join(n[0] for n in names), ", ".join(n[1] for n in names)


def clip(text: object, limit: int = 40) -> str:
    """One line of at most ``limit`` characters (message texts on a card)."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def clock_ko(hhmm: str) -> str:
    """``"14:30"`` → ``"오후 2:30"``; anything else unchanged."""
    hour, sep, minute = hhmm.partition(":")
    if not (sep and hour.isdigit() and minute.isdigit()):
        return hhmm
    h = int(hour)
    half = "오전" if h < 12 else "오후"
    return f"{half} {h % 12 or 12}:{minute}"


def count_ko(n: int, unit: str) -> str:
    return f"{n}{unit}"


def plural_en(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def procedure_trigger(ko_when: str, en_when: str) -> Callable[[Mapping[str, Any]], Summary]:
    """The summary hook of a trigger filtered by ``procedures``: "백내장 수술 예약이 잡히면" style.
    ``ko_when``/``en_when`` take ``{what}`` (the procedures, or "모든 시술" / "any procedure") and ``{what_eul}``
    (the same with 을/를)."""

    def summary(params: Mapping[str, Any]) -> Summary:
        codes = params.get("procedures") or []
        ko, en = procedure_names(codes) if codes else ("모든 시술", "any procedure")
        return both(ko_when.format(what=ko, what_eul=with_particle(ko, "을")), en_when.format(what=en))

    return summary
