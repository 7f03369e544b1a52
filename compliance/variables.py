"""Which ``{{ … }}`` variables a message uses that the sandbox does not provide (MSG-UNKNOWN-VARIABLE).

The sandbox's own list (:data:`nodes.personalize.VARIABLES`) is the only one; an expression that does not
parse (the validator's ``template_syntax``) is read lexically against the same list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nodes.personalize import VARIABLES, unknown_variables

_KNOWN_ROOTS = frozenset(v.split(".")[0] for v in VARIABLES)
_EXPRESSION_RE = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_CHAIN_RE = re.compile(r"(?<![\w.'\"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
_KEYWORDS = frozenset({"if", "elif", "else", "endif", "and", "or", "not", "in", "is", "true", "false", "none"})


def _lexical_unknown(text: str) -> list[str]:
    unknown: dict[str, None] = {}
    for m in _EXPRESSION_RE.finditer(text):
        expression = m.group(1) if m.group(1) is not None else m.group(2)
        # drop string literals and filter names ("| date")
        expression = re.sub(r"'[^']*'|\"[^\"]*\"|\|\s*\w+", " ", expression)
        for chain in _CHAIN_RE.findall(expression):
            if chain.lower() in _KEYWORDS:
                continue
            if chain not in VARIABLES and chain not in _KNOWN_ROOTS:
                unknown.setdefault(chain, None)
    return list(unknown)


def _unknown(text: str) -> list[str]:
    try:
        return unknown_variables(text)
    except ValueError:  # a syntax error is the validator's job; fall back to the lexical check
        return _lexical_unknown(text)


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
