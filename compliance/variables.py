"""Which ``{{ … }}`` variables a message uses that the sandbox does not provide (MSG-UNKNOWN-VARIABLE).

The sandbox's own list (``nodes.personalize``) is authoritative when the node catalogue is installed; the
fallback below mirrors DESIGN.md so that the checker also works on its own (e.g. ``lint-text``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_FALLBACK_VARIABLES = frozenset(
    {
        "patient.name", "patient.chart_no", "patient.phone", "patient.birth_date", "patient.sex",
        "appointment.id", "appointment.starts_at", "appointment.procedure", "appointment.doctor",
        "clinic.name", "clinic.phone", "clinic.address", "clinic.optout_number",
    }
)  # fmt: skip
_FALLBACK_ROOTS = frozenset(v.split(".")[0] for v in _FALLBACK_VARIABLES)
_EXPRESSION_RE = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_CHAIN_RE = re.compile(r"(?<![\w.'\"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
_KEYWORDS = frozenset({"if", "elif", "else", "endif", "and", "or", "not", "in", "is", "true", "false", "none"})


def _fallback_unknown(text: str) -> list[str]:
    unknown: dict[str, None] = {}
    for m in _EXPRESSION_RE.finditer(text):
        expression = m.group(1) if m.group(1) is not None else m.group(2)
        # drop string literals and filter names ("| date")
        expression = re.sub(r"'[^']*'|\"[^\"]*\"|\|\s*\w+", " ", expression)
        for chain in _CHAIN_RE.findall(expression):
            if chain.lower() in _KEYWORDS:
                continue
            if chain not in _FALLBACK_VARIABLES and chain not in _FALLBACK_ROOTS:
                unknown.setdefault(chain, None)
    return list(unknown)


def _sandbox_checker() -> Callable[[str], list[str]]:
    try:
        from nodes.personalize import unknown_variables  # the sandbox's authoritative list
    except ImportError:
        return _fallback_unknown

    def check(text: str) -> list[str]:
        try:
            return unknown_variables(text)
        except ValueError:  # a syntax error is the validator's job; fall back to the lexical check
            return _fallback_unknown(text)

    return check


_unknown = _sandbox_checker()


@lru_cache(maxsize=4096)
def _unknown_in(expression: str) -> tuple[str, ...]:
    """Unknown variables of one ``{{ … }}`` expression (cached: the same few expressions recur everywhere)."""
    return tuple(_unknown(expression))


def unknown_variable_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, variable) of every ``{{ … }}`` that reads a variable the sandbox does not provide."""
    names: dict[str, None] = {}
    for m in _EXPRESSION_RE.finditer(text):
        for name in _unknown_in(m.group(0)):
            names.setdefault(name, None)
    if not names:
        return []
    spans: list[tuple[int, int, str]] = []
    for name in names:
        pattern = re.compile(r"\{[{%][^{}]*?(?<![\w.])" + re.escape(name) + r"(?![\w])[^{}]*?[}%]\}", re.S)
        found = pattern.search(text)
        spans.append((found.start(), found.end(), name) if found else (0, 0, name))
    return spans
