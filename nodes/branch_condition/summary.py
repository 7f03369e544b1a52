"""The card sentence of `branch.condition`: "나이(만) ≥ 65 인가요?", "예약 시술이 백내장 수술 중 하나인가요?"."""

from collections.abc import Mapping
from typing import Any

from nodes.procedures import procedure_titles
from nodes.summary import Summary, both, choice_title, clip, procedure_names

# op → (Korean, English) with {f} = field and {v} = value
_PHRASES: dict[str, tuple[str, str]] = {
    "eq": ("{f} = {v}", "{f} is {v}"),
    "ne": ("{f} ≠ {v}", "{f} is not {v}"),
    "in": ("{f}: {v} 중 하나", "{f} is one of {v}"),
    "not_in": ("{f}: {v} 모두 아님", "{f} is none of {v}"),
    "contains": ("{f}에 {v} 포함", "{f} contains {v}"),
    "not_contains": ("{f}에 {v} 없음", "{f} does not contain {v}"),
    "gt": ("{f} > {v}", "{f} > {v}"),
    "gte": ("{f} ≥ {v}", "{f} ≥ {v}"),
    "lt": ("{f} < {v}", "{f} < {v}"),
    "lte": ("{f} ≤ {v}", "{f} ≤ {v}"),
    "exists": ("{f} 값 있음", "{f} is set"),
    "not_exists": ("{f} 값 없음", "{f} is not set"),
}


def _value(field: str, value: object) -> tuple[str, str]:
    values = value if isinstance(value, list) else [value]
    if field == "appointment.procedure" and all(isinstance(v, str) and v in procedure_titles() for v in values):
        return procedure_names(values)
    text = clip(", ".join(str(v) for v in values), 30)
    return text, text


def summary_for(schema: Mapping[str, Any]) -> Any:
    def summary(params: Mapping[str, Any]) -> Summary:
        field = str(params["field"])
        op = str(params.get("op", "eq"))
        f_ko, f_en = choice_title(schema, "field", field)
        v_ko, v_en = _value(field, params.get("value", ""))
        ko, en = _PHRASES.get(op, ("{f} {v}", "{f} {v}"))
        return both(ko.format(f=f_ko, v=v_ko) + " ?", "If " + en.format(f=f_en, v=v_en))

    return summary
