"""Message personalisation: ``{{ patient.name }}`` rendered in a Jinja2 sandbox.

Three layers keep a template harmless, whoever writes it:

1. A small language: variables, attribute access, filters from an allow-list, ``{% if %}`` and
   comparisons. No loops, assignments, calls, macros or arithmetic, so rendering time is bounded by the
   text and the data (no ``{% set x = x ~ x %}`` doubling, no ``'a' * 10**9``). Checked on the AST.
2. Only the variables of :data:`VARIABLES` (a typo is an error before publishing, not an empty string at
   send time) and ``StrictUndefined`` when a value is missing at send time.
3. Jinja2's ``SandboxedEnvironment`` underneath (no ``__class__``/``__mro__`` escapes) as defence in depth.

Every failure is a :class:`TemplateError` whose ``kind`` is ``syntax``, ``unsafe``, ``unknown_variable``
or ``render`` (a value missing or unreadable at send time).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

import jinja2
from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from nodes.timeutil import in_seoul

__all__ = [
    "VARIABLES",
    "TemplateError",
    "format_date",
    "format_datetime",
    "format_time",
    "render",
    "template_problems",
    "unknown_variables",
    "variables_used",
]

TemplateErrorKind = Literal["syntax", "unsafe", "unknown_variable", "render"]

# The variables a message may use, with a Korean / English description (the editor shows them).
VARIABLES: dict[str, str] = {
    "patient.name": "환자 이름 / patient name",
    "patient.chart_no": "차트번호 / chart number",
    "patient.phone": "휴대폰 번호 / mobile number",
    "patient.birth_date": "생년월일 / birth date",
    "patient.sex": "성별 / sex",
    "appointment.id": "예약 번호 / appointment id",
    "appointment.starts_at": "예약 일시 / appointment time",
    "appointment.procedure": "예약 시술 / procedure",
    "appointment.doctor": "담당의 / doctor",
    "appointment.confirm_link": "예약 확인·취소 링크 / link to confirm or cancel the appointment",
    "clinic.name": "병원 이름 / clinic name",
    "clinic.phone": "병원 전화번호 / clinic phone",
    "clinic.address": "병원 주소 / clinic address",
    "clinic.optout_number": "무료수신거부 번호 / free opt-out number",
    "clinic.map_url": "병원 지도 링크 / clinic map link",
    "clinic.kakao_channel": "카카오톡 채널 / Kakao channel",
}
# What each variable looks like for the sample patient (the editor's variable picker shows it).
VARIABLE_SAMPLES: dict[str, str] = {
    "patient.name": "김민지",
    "patient.chart_no": "A-1001",
    "patient.phone": "010-1234-5678",
    "patient.birth_date": "1985-03-14",
    "patient.sex": "F",
    "appointment.id": "apt-77",
    "appointment.starts_at": "2026-12-03 14:30",
    "appointment.procedure": "백내장 수술",
    "appointment.doctor": "이정훈",
    "appointment.confirm_link": "https://clinic.example/p/Xy7…",
    "clinic.name": "밝은눈안과",
    "clinic.phone": "02-123-4567",
    "clinic.address": "서울시 강남구 테헤란로 1",
    "clinic.optout_number": "080-123-4567",
    "clinic.map_url": "https://map.naver.com/p/entry/place/1234567",
    "clinic.kakao_channel": "@밝은눈안과",
}
ROOTS = frozenset(path.split(".")[0] for path in VARIABLES)

_WEEKDAYS = "월화수목금토일"


class TemplateError(ValueError):
    """A template that cannot be used; ``message`` is Korean first, then " / " and English."""

    def __init__(
        self, kind: TemplateErrorKind, message: str, *, variable: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.variable = variable
        self.line = line


def _as_datetime(value: Any) -> datetime:
    try:
        return in_seoul(value)
    except (TypeError, ValueError) as exc:
        raise TemplateError("render", f"날짜·시각이 아닙니다: {value!r} / not a date-time") from exc


def format_date(value: Any) -> str:
    """``2026년 12월 3일 (목)`` in Seoul time; a plain date (birth date) stays that date."""
    day = value if isinstance(value, date) and not isinstance(value, datetime) else _as_datetime(value).date()
    if isinstance(value, str) and len(value.strip()) == 10:
        day = date.fromisoformat(value.strip())
    return f"{day.year}년 {day.month}월 {day.day}일 ({_WEEKDAYS[day.weekday()]})"


def format_time(value: Any) -> str:
    """``오후 2시 30분`` / ``오전 10시`` in Seoul time (12-hour clock, minutes omitted on the hour)."""
    moment = _as_datetime(value)
    half = "오전" if moment.hour < 12 else "오후"
    hour = moment.hour % 12 or 12
    return f"{half} {hour}시" + (f" {moment.minute}분" if moment.minute else "")


def format_datetime(value: Any) -> str:
    """``2026년 12월 3일 (목) 오후 2시 30분``."""
    return f"{format_date(_as_datetime(value))} {format_time(value)}"


# Filters a message may use: ours plus Jinja built-ins whose output is bounded by their input.
_SAFE_BUILTIN_FILTERS = (
    "default",
    "d",
    "upper",
    "lower",
    "trim",
    "title",
    "capitalize",
    "truncate",
    "string",
)
_FILTERS = {"date": format_date, "time": format_time, "datetime": format_datetime}
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Getattr,
    nodes.Getitem,
    nodes.Const,
    nodes.Filter,
    nodes.Test,
    nodes.If,
    nodes.CondExpr,
    nodes.Compare,
    nodes.Operand,
    nodes.And,
    nodes.Or,
    nodes.Not,
)


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters = {name: env.filters[name] for name in _SAFE_BUILTIN_FILTERS} | _FILTERS
    return env


_ENV = _environment()


def _parse(text: str) -> nodes.Template:
    try:
        return _ENV.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateError(
            "syntax",
            f"템플릿 문법 오류 ({exc.lineno}행): {exc.message} / template syntax error",
            line=exc.lineno,
        ) from exc
    except RecursionError as exc:
        raise TemplateError("syntax", "템플릿이 너무 깊게 중첩되었습니다 / template nested too deeply") from exc


def _chain(node: nodes.Node) -> str | None:
    """``patient.name`` for Getattr/Getitem chains ending at a variable name; None otherwise."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            parts.append(node.arg.value)
        else:
            return None
        node = node.node
    if not isinstance(node, nodes.Name):
        return None
    return ".".join([node.name, *reversed(parts)])


def _variables(tree: nodes.Template) -> Iterator[tuple[str, int]]:
    """Each outermost variable chain with its line, in order of appearance."""

    def walk(node: nodes.Node) -> Iterator[tuple[str, int]]:
        chain = _chain(node) if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem) else None
        if chain is not None:
            yield chain, node.lineno
            return
        for child in node.iter_child_nodes():
            yield from walk(child)

    yield from walk(tree)


def _check_language(tree: nodes.Template) -> None:
    for node in tree.find_all(nodes.Node):
        line = node.lineno
        if not isinstance(node, _ALLOWED_NODES):
            raise TemplateError(
                "unsafe",
                f"메시지 템플릿에서 쓸 수 없는 구문입니다 ({line}행: {type(node).__name__}) "
                f"/ construct not allowed in message templates",
                line=line,
            )
        name = getattr(node, "attr", None) or (
            node.arg.value if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) else None
        )
        if isinstance(name, str) and name.startswith("_"):
            raise TemplateError("unsafe", f"허용되지 않는 속성입니다: {name} / attribute not allowed", line=line)
        if isinstance(node, nodes.Getitem) and not (
            isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str | int)
        ):
            raise TemplateError(
                "unsafe", f"{line}행: 계산된 키는 쓸 수 없습니다 / computed keys not allowed", line=line
            )
        if isinstance(node, nodes.Filter) and node.name not in _ENV.filters:
            allowed = ", ".join(sorted(_ENV.filters))
            raise TemplateError(
                "unsafe",
                f"알 수 없는 필터입니다: {node.name} (쓸 수 있는 필터: {allowed}) / unknown filter",
                line=line,
            )


def variables_used(text: str) -> list[str]:
    """The variable chains a template reads (``["patient.name", "clinic.name"]``), each once, in order.

    Raises :class:`TemplateError` (kind ``syntax``) when the text does not parse.
    """
    seen: dict[str, None] = {}
    for chain, _ in _variables(_parse(text)):
        seen.setdefault(chain, None)
    return list(seen)


def _is_known(chain: str) -> bool:
    return chain in VARIABLES or chain in ROOTS


def unknown_variables(text: str) -> list[str]:
    """Variables the template uses that the sandbox does not provide (raises TemplateError on bad syntax)."""
    return [chain for chain in variables_used(text) if not _is_known(chain)]


def template_problems(text: str) -> list[TemplateError]:
    """Everything wrong with a template before it is ever rendered; empty when it is usable."""
    return [TemplateError(p.kind, p.message, variable=p.variable, line=p.line) for p in _checked(text)]


@lru_cache(maxsize=4096)
def _checked(text: str) -> tuple[TemplateError, ...]:
    """Cached: the same few message texts are checked again on every validation and send."""
    try:
        return tuple(_find_problems(text))
    except RecursionError:
        return (TemplateError("unsafe", "템플릿이 너무 깊게 중첩되었습니다 / template nested too deeply"),)


def _find_problems(text: str) -> list[TemplateError]:
    try:
        tree = _parse(text)
        _check_language(tree)
    except TemplateError as exc:
        return [exc]
    problems: list[TemplateError] = []
    reported: set[str] = set()
    for chain, line in _variables(tree):
        if not _is_known(chain) and chain not in reported:
            reported.add(chain)
            problems.append(
                TemplateError(
                    "unknown_variable",
                    f"알 수 없는 변수입니다: {{{{ {chain} }}}} / unknown variable",
                    variable=chain,
                    line=line,
                )
            )
    return problems


@lru_cache(maxsize=1024)
def _compiled(text: str) -> jinja2.Template:
    problems = template_problems(text)
    if problems:
        raise problems[0]
    return _ENV.from_string(text)


def render(text: str, data: Mapping[str, Any]) -> str:
    """Render a message template with ``data`` (``{"patient": …, "appointment": …, "clinic": …}``).

    Raises :class:`TemplateError` for bad syntax, disallowed constructs, unknown variables, and values
    missing from ``data`` at send time (never renders them as an empty string).
    """
    try:
        template = _compiled(text)
    except RecursionError as exc:
        raise TemplateError("unsafe", "템플릿이 너무 복잡합니다 / template too complex") from exc
    try:
        return template.render(dict(data))
    except TemplateError:
        raise
    except UndefinedError as exc:
        raise TemplateError("render", f"값이 없는 변수가 있습니다: {exc.message} / a variable has no value") from exc
    except SecurityError as exc:
        raise TemplateError("unsafe", f"허용되지 않는 접근입니다 / access not allowed: {exc}") from exc
    except (TypeError, ValueError, ArithmeticError, LookupError, RecursionError) as exc:
        raise TemplateError("render", f"메시지를 만들 수 없습니다: {exc} / cannot render the message") from exc
