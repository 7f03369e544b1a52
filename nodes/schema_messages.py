"""Turn a jsonschema ValidationError into a short Korean and English reason and a JSON pointer.

The validator reports "what is wrong" in the words of a clinic manager (``시각은 HH:MM 형식이어야
합니다``), not jsonschema's (``'25:00' does not match '^([01]\\d|2[0-3]):[0-5]\\d$'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from nodes.trigger_schedule.schedule import is_valid_cron

# Formats our schemas use beyond JSON Schema's own; nothing else is format-checked.
FORMAT_CHECKER = FormatChecker(formats=())


@FORMAT_CHECKER.checks("cron")
def _cron(value: object) -> bool:
    return not isinstance(value, str) or is_valid_cron(value)


_TYPES_KO = {
    "string": "문자열",
    "integer": "정수",
    "number": "숫자",
    "boolean": "참/거짓",
    "object": "객체",
    "array": "배열",
    "null": "null",
}

# Friendly words for the patterns our schemas use.
_PATTERNS = {
    r"^([01]\d|2[0-3]):[0-5]\d$": (
        "시각은 HH:MM 형식(00:00–23:59)이어야 합니다",
        "time must be HH:MM (00:00–23:59)",
    ),
    r"^01[016789]-?\d{3,4}-?\d{4}$": (
        "휴대폰 번호 형식이 아닙니다 (예: 010-1234-5678)",
        "not a Korean mobile number (e.g. 010-1234-5678)",
    ),
    r"^https://[^\s]+$": ("https:// 로 시작하는 주소여야 합니다", "must be an https:// address"),
    r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$": (
        "템플릿 코드는 영문·숫자·_·- 로 50자 이내여야 합니다",
        "template code: letters, digits, _ and -, up to 50",
    ),
    r"^[^#{}\s][^#{}]{0,29}$": (
        "변수 이름은 #{ } 없이 30자 이내로 적어 주세요",
        "variable names without #{ }, up to 30 characters",
    ),
    r"^[^\s,](?:[^,]*[^\s,])?$": (
        "태그에는 쉼표나 앞뒤 공백을 쓸 수 없습니다",
        "tags cannot contain commas or surrounding spaces",
    ),
}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _choices(options: Iterable[Any]) -> str:
    shown = [str(option) for option in options]
    return ", ".join(shown) if len(shown) <= 8 else ", ".join(shown[:8]) + f" … ({len(shown)})"


def _const_options(subschemas: Sequence[Any]) -> list[Any] | None:
    """The values of a ``oneOf``/``anyOf`` that only lists constants (our enums with Korean titles)."""
    if subschemas and all(isinstance(s, dict) and "const" in s for s in subschemas):
        return [s["const"] for s in subschemas]
    return None


def _types(expected: Any) -> tuple[str, str]:
    names = expected if isinstance(expected, list) else [expected]
    return "/".join(_TYPES_KO.get(str(n), str(n)) for n in names), "/".join(str(n) for n in names)


def leaf(error: ValidationError) -> ValidationError:
    """The error to explain: for ``anyOf``/``oneOf`` without a message of their own, the most specific
    error of the alternatives (the deepest one, e.g. ``failover.channel`` rather than "not false")."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return error
    if isinstance(error.schema, dict) and "x-error" in error.schema:
        return error
    if _const_options(error.validator_value) is not None:
        return error
    deepest = max(error.context, key=lambda e: (len(e.absolute_path), e.validator not in ("type", "const")))
    if len(deepest.absolute_path) == len(error.absolute_path):
        deepest = best_match(error.context)
    return leaf(deepest)


def reason(error: ValidationError) -> tuple[str, str]:
    """(Korean, English) reason for one jsonschema error."""
    kind, value, schema = error.validator, error.validator_value, error.schema
    if kind in ("anyOf", "oneOf") and isinstance(schema, dict) and isinstance(schema.get("x-error"), str):
        ko, _, en = schema["x-error"].replace("{value}", _short(error.instance)).partition(" / ")
        return ko, en or ko
    options = _const_options(value) if kind in ("anyOf", "oneOf") else None
    if kind == "enum":
        options = list(value)
    if kind == "const":
        options = [value]
    if options is not None:
        return (
            f"허용되지 않는 값 {_short(error.instance)}; 가능한 값: {_choices(options)}",
            f"{_short(error.instance)} is not one of: {_choices(options)}",
        )
    if kind == "required":
        return "필수 항목이 없습니다", "required field is missing"
    if kind == "type":
        ko, en = _types(value)
        return (
            f"{ko}이어야 합니다 (지금: {_short(error.instance)})",
            f"must be {en}, got {_short(error.instance)}",
        )
    if kind == "pattern":
        return _PATTERNS.get(str(value), ("형식이 맞지 않습니다", f"does not match {value}"))
    if kind == "format":
        if value == "cron":
            return (
                "올바른 cron 식이 아닙니다 (분 시 일 월 요일, 예: 0 10 * * 1)",
                "not a valid 5-field cron expression (e.g. 0 10 * * 1)",
            )
        return f"{value} 형식이 아닙니다", f"not a valid {value}"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{value} 이상이어야 합니다", f"must be at least {value}"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{value} 이하여야 합니다", f"must be at most {value}"
    if kind == "minLength":
        return (
            ("비어 있으면 안 됩니다", "must not be empty")
            if value == 1
            else (
                f"{value}자 이상이어야 합니다",
                f"must be at least {value} characters",
            )
        )
    if kind == "maxLength":
        return f"너무 깁니다 (최대 {value}자)", f"too long (at most {value} characters)"
    if kind == "minItems":
        return f"{value}개 이상 필요합니다", f"needs at least {value} item(s)"
    if kind == "maxItems":
        return f"너무 많습니다 (최대 {value}개)", f"too many items (at most {value})"
    if kind == "uniqueItems":
        return "중복된 값이 있습니다", "items must be unique"
    if kind == "maxProperties":
        return f"항목이 너무 많습니다 (최대 {value}개)", f"too many entries (at most {value})"
    if kind == "minProperties":
        return f"{value}개 이상의 항목이 필요합니다", f"needs at least {value} entries"
    if kind == "not":
        return (
            f"허용되지 않는 값입니다: {_short(error.instance)}",
            f"value not allowed: {_short(error.instance)}",
        )
    return "잘못된 값입니다", error.message[:200]


def error_paths(error: ValidationError) -> list[tuple[str, ...]]:
    """Where the error is, as path parts (below the validated instance); one entry per offending key.

    ``required`` points at the missing key, ``additionalProperties`` at each unknown key, and
    ``propertyNames`` at the bad key itself.
    """
    base = tuple(str(part) for part in error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        return [(*base, name) for name in error.validator_value if name not in error.instance]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
        return [(*base, str(key)) for key in error.instance if key not in known] or [base]
    if "propertyNames" in error.absolute_schema_path:
        return [(*base, str(error.instance))]
    return [base]
