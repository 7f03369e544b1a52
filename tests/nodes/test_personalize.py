"""Message templates: known variables, Korean date/time filters, and a sandbox that refuses injection."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nodes.personalize import (
    VARIABLES,
    TemplateError,
    format_date,
    format_datetime,
    format_time,
    render,
    template_problems,
    unknown_variables,
    variables_used,
)
from tests.nodes.conftest import APPOINTMENT, CLINIC, PATIENT

DATA = {"patient": PATIENT, "appointment": APPOINTMENT, "clinic": CLINIC}


def test_renders_patient_and_clinic_with_korean_dates() -> None:
    text = "{{ patient.name }}님, {{ appointment.starts_at | date }} {{ appointment.starts_at | time }} "
    text += "{{ clinic.name }}"
    assert render(text, DATA) == "김민지님, 2026년 12월 3일 (목) 오후 2시 30분 밝은눈안과"
    assert render("{{ appointment.starts_at | datetime }}", DATA) == "2026년 12월 3일 (목) 오후 2시 30분"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-03T05:30:00Z", "오후 2시 30분"),  # UTC shown in Seoul time
        (datetime(2026, 12, 3, 10, 0, tzinfo=UTC), "오후 7시"),
        ("2026-12-03T00:05:00+09:00", "오전 12시 5분"),
        ("2026-12-03T12:00:00+09:00", "오후 12시"),
        ("2026-12-03T09:00:00", "오전 9시"),  # naive: Seoul
    ],
)
def test_time_filter(value: Any, expected: str) -> None:
    assert format_time(value) == expected


def test_date_filter_reads_dates_and_date_times() -> None:
    assert format_date("1990-05-01") == "1990년 5월 1일 (화)"
    assert format_date(date(2026, 12, 3)) == "2026년 12월 3일 (목)"
    assert format_date("2026-12-02T20:00:00+00:00") == "2026년 12월 3일 (목)"  # already the 3rd in Seoul
    assert format_datetime("2026-12-03T14:30:00+09:00") == "2026년 12월 3일 (목) 오후 2시 30분"
    with pytest.raises(TemplateError):
        format_date("next tuesday")


def test_variables_are_read_from_the_ast() -> None:
    text = "{% if patient.sex == 'F' %}{{ patient['name'] }}{% endif %} "
    text += "{{ clinic.name | default('') }} {{ foo.bar }}"
    assert variables_used(text) == ["patient.sex", "patient.name", "clinic.name", "foo.bar"]
    assert unknown_variables(text) == ["foo.bar"]
    assert unknown_variables("{{ patient.name }} {{ appointment.doctor }}") == []
    assert set(VARIABLES) >= {"patient.name", "appointment.starts_at", "clinic.optout_number"}


def test_unknown_variables_and_syntax_errors_are_clear() -> None:
    with pytest.raises(TemplateError) as unknown:
        render("{{ patient.nmae }}님", DATA)
    assert unknown.value.kind == "unknown_variable" and "patient.nmae" in unknown.value.message
    with pytest.raises(TemplateError) as syntax:
        render("{{ patient.name ", DATA)
    assert syntax.value.kind == "syntax" and " / " in syntax.value.message
    with pytest.raises(TemplateError) as syntax_ast:
        variables_used("{% if %}")
    assert syntax_ast.value.kind == "syntax"


def test_a_value_missing_at_send_time_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(TemplateError) as missing:
        render("{{ appointment.doctor }} 선생님", {**DATA, "appointment": {"id": "a"}})
    assert missing.value.kind == "render"
    with pytest.raises(TemplateError):
        render("{{ appointment.starts_at | date }}", {**DATA, "appointment": None})
    assert render("{{ appointment.doctor | default('담당의') }}", {**DATA, "appointment": {}}) == "담당의"


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ patient.__class__ }}",
        "{{ patient['__class__'] }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ lipsum.__globals__ }}",
        "{{ config.items() }}",
        "{{ patient.name.format }}",
        "{% for x in range(99999999) %}x{% endfor %}",
        "{% set x = 'a' %}{{ x ~ x }}",
        "{{ 'a' * 999999999 }}",
        "{{ 9 ** 9 ** 9 }}",
        "{{ patient.name | center(999999999) }}",
        "{{ patient.name | attr('__class__') }}",
        "{{ patient.keys() }}",
        "{% macro m() %}{% endmacro %}",
        "{% include 'x' %}",
        "{{ patient[patient.name] }}",
    ],
)
def test_template_injection_is_refused(attack: str) -> None:
    # Given a template written to escape the sandbox or exhaust the server
    problems = template_problems(attack)
    # Then it is refused before sending, and rendering refuses it too
    assert problems and problems[0].kind in ("unsafe", "unknown_variable"), attack
    with pytest.raises(TemplateError):
        render(attack, DATA)


def test_the_underlying_sandbox_refuses_dunder_access_too() -> None:
    from jinja2.exceptions import SecurityError

    from nodes.personalize import _ENV

    with pytest.raises(SecurityError):
        _ENV.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()


FRAGMENTS = [
    "{{",
    "}}",
    "{%",
    "%}",
    "patient",
    "appointment",
    ".",
    "name",
    "starts_at",
    "|",
    "date",
    "time",
    " ",
    "if",
    "else",
    "endif",
    "'",
    "(",
    ")",
    "__class__",
    "[",
    "]",
    "x",
    "1",
    "==",
    "not",
    "default",
    "~",
    "*",
]
template_like = st.text(max_size=40) | st.lists(st.sampled_from(FRAGMENTS), max_size=16).map("".join)


@settings(max_examples=200, deadline=None)
@given(template_like)
def test_any_text_renders_or_raises_template_error(text: str) -> None:
    try:
        result = render(text, DATA)
    except TemplateError as exc:
        assert exc.kind in ("syntax", "unsafe", "unknown_variable", "render") and " / " in exc.message
    else:
        assert isinstance(result, str)
