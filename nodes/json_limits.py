"""How deep a JSON text nests, counted on the raw text before any parser recurses into it.

Parsers (msgspec, the stdlib's json) recurse once per level and fail with RecursionError around 1,000
levels — a 2 KB body. No document of ours nests deeper than a dozen levels, so the HTTP body decoder and the
command line refuse anything deeper than :data:`MAX_JSON_DEPTH` before parsing it.
"""

from __future__ import annotations

import json
import re

MAX_JSON_DEPTH = 64
# A whole string: its brackets are text, not structure (possessive, so no backtracking).
_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPEN = frozenset(b"[{")
TOO_DEEP_MESSAGE = f"JSON이 너무 깊게 중첩되었습니다 (최대 {MAX_JSON_DEPTH}단계) / JSON nested too deeply (at most {MAX_JSON_DEPTH} levels)"


def too_deep(data: bytes | str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the arrays and objects of ``data`` nest deeper than ``limit`` (stops at the first such level)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False  # cannot nest deeper than it has brackets: the common small body costs two scans in C
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)  # both in C: the loop sees brackets only
    depth = 0
    for byte in brackets:
        if byte in _OPEN:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_MESSAGE = "올바른 유니코드 문자가 아닙니다 (짝 없는 서로게이트) / not valid Unicode text (a lone surrogate)"


def lone_surrogate_path(value: object) -> str | None:
    """The JSON pointer of the first string (or key) holding a lone UTF-16 surrogate — which ``json.loads``
    lets through from a ``\\ud800`` escape and which no database, encryption or UTF-8 output can take — or None."""
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return path
        elif isinstance(item, dict):
            for key, inner in item.items():
                child = f"{path}/{str(key).replace('~', '~0').replace('/', '~1')}"
                if isinstance(key, str) and _SURROGATE.search(key):
                    return child
                stack.append((child, inner))
        elif isinstance(item, list):
            stack.extend((f"{path}/{index}", inner) for index, inner in enumerate(item))
    return None


def why_not_json(raw: bytes) -> tuple[str, str]:
    """Why a body the fast decoder refused is not JSON, as (JSON pointer, Korean / English message) — the
    decoder's own words are English only and call a lone ``\\ud800`` escape "truncated"."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "", f"UTF-8 텍스트가 아닙니다 ({exc.start}바이트 부근) / not UTF-8 text (near byte {exc.start})"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return "", (
            f"JSON 형식이 아닙니다: {exc.lineno}행 {exc.colno}열 ({exc.msg}) "
            f"/ not valid JSON: line {exc.lineno} column {exc.colno} ({exc.msg})"
        )
    except RecursionError:
        return "", TOO_DEEP_MESSAGE
    surrogate = lone_surrogate_path(value)
    if surrogate is not None:
        return surrogate, SURROGATE_MESSAGE
    return "", "JSON 형식이 아닙니다 / not valid JSON"
