"""Evaluate a ``branch.condition``: read one patient/appointment field and compare it with ``value``.

A missing field or values that cannot be compared take the ``no`` path (``not_exists`` takes ``yes``);
the reason says why, for the run history.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from nodes.base import ExecutionContext, Outcome
from nodes.timeutil import in_seoul

_MISSING = object()


def _age(birth_date: Any, today: date) -> int | object:
    try:
        born = date.fromisoformat(str(birth_date)[:10])
    except ValueError:
        return _MISSING
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def field_value(ctx: ExecutionContext, field: str) -> Any:
    """The value of ``patient.x`` / ``appointment.x`` / ``event.x``; ``patient.age`` is the Korean 만 나이."""
    root, _, key = field.partition(".")
    source: Mapping[str, Any] | None = {
        "patient": ctx.patient,
        "appointment": ctx.appointment,
        "event": ctx.event,
    }.get(root)
    if source is None:
        return _MISSING
    if field == "patient.age":
        birth = source.get("birth_date")
        return _MISSING if birth in (None, "") else _age(birth, in_seoul(ctx.now).date())
    value = source.get(key, _MISSING)
    return _MISSING if value is None else value


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _ordered(left: Any, right: Any) -> tuple[Any, Any] | None:
    """Numbers compare as numbers, otherwise strings (ISO dates order correctly as strings)."""
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return a, b
    if isinstance(left, str) and isinstance(right, str):
        return left, right
    return None


def _same(left: Any, right: Any) -> bool:
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return a == b
    return left == right


def compare(left: Any, op: str, right: Any) -> bool:
    if op == "exists":
        return left is not _MISSING and left != "" and left != []
    if op == "not_exists":
        return not compare(left, "exists", right)
    if left is _MISSING:
        return False
    if op in ("eq", "ne"):
        return _same(left, right) == (op == "eq")
    if op in ("in", "not_in"):
        found = any(_same(left, item) for item in (right if isinstance(right, list) else [right]))
        return found == (op == "in")
    if op in ("contains", "not_contains"):
        if isinstance(left, str):
            found = str(right) in left
        elif isinstance(left, list | tuple | set | frozenset):
            found = any(_same(item, right) for item in left)
        else:
            return False
        return found == (op == "contains")
    pair = _ordered(left, right)
    if pair is None:
        return False
    a, b = pair
    return {"gt": a > b, "gte": a >= b, "lt": a < b, "lte": a <= b}.get(op, False)


def choose_branch(ctx: ExecutionContext) -> Outcome:
    field, op = str(ctx.params.get("field", "")), str(ctx.params.get("op", "eq"))
    value = field_value(ctx, field)
    result = compare(value, op, ctx.params.get("value"))
    shown = "없음 / missing" if value is _MISSING else repr(value)
    return Outcome(ports=("yes" if result else "no",), reason=f"{field} {op} → {shown}")
