"""AlimTalk ``#{변수}`` placeholders: find them, and fill them with a clear error on missing or extra values."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER_RE = re.compile(r"#\{([^{}#\n]*)\}")
MAX_PLACEHOLDERS = 40


class TemplateVariablesError(ValueError):
    """Variables do not match the template's placeholders; ``missing`` and ``extra`` name them."""

    def __init__(self, code: str, missing: list[str], extra: list[str]) -> None:
        self.code, self.missing, self.extra = code, missing, extra
        parts_ko, parts_en = [], []
        if missing:
            parts_ko.append(f"빠진 변수: {', '.join(missing)}")
            parts_en.append(f"missing: {', '.join(missing)}")
        if extra:
            parts_ko.append(f"템플릿에 없는 변수: {', '.join(extra)}")
            parts_en.append(f"not in the template: {', '.join(extra)}")
        super().__init__(
            f"템플릿 {code}의 변수가 맞지 않습니다 ({'; '.join(parts_ko)})"
            f" / variables do not match template {code} ({'; '.join(parts_en)})"
        )


def placeholders(text: str) -> list[str]:
    """Names of the ``#{…}`` placeholders in order of first appearance, without repeats."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER_RE.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def substitute(text: str, variables: Mapping[str, str]) -> str:
    """Replace every placeholder; the caller has checked that all names are present."""
    return PLACEHOLDER_RE.sub(lambda m: str(variables[m.group(1)]), text)


def fill_known(text: str, variables: Mapping[str, str]) -> str:
    """Replace the placeholders that have a value; the others stay as written (lint reports them)."""
    return PLACEHOLDER_RE.sub(lambda m: variables.get(m.group(1).strip(), m.group(0)), text)


def check_variables(code: str, expected: list[str], variables: Mapping[str, object]) -> None:
    missing = [name for name in expected if name not in variables]
    extra = sorted(name for name in variables if name not in expected)
    if missing or extra:
        raise TemplateVariablesError(code, missing, extra)
