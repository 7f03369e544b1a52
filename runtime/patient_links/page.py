"""The HTML of the public appointment page (Jinja2, autoescaped; mobile-first, Korean with English under it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import jinja2

from runtime.clock import SEOUL

STATUS_LABELS = {
    "booked": "예약 / booked",
    "confirmed": "확정 / confirmed",
    "attended": "내원 / attended",
    "completed": "시술 완료 / completed",
    "no_show": "미내원 / no-show",
    "cancelled": "취소 / cancelled",
}
WEEKDAYS = "월화수목금토일"


@dataclass(frozen=True)
class Notice:
    ko: str
    en: str


@cache
def _environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(Path(__file__).parent / "templates")
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def when_text(starts_at: datetime | None) -> str:
    """2026년 12월 3일 (목) 오후 2:30, in Asia/Seoul."""
    if starts_at is None:
        return "일시 미정 / time to be set"
    local = starts_at.astimezone(SEOUL)
    half = "오전" if local.hour < 12 else "오후"
    hour = local.hour % 12 or 12
    return (
        f"{local.year}년 {local.month}월 {local.day}일 ({WEEKDAYS[local.weekday()]}) {half} {hour}:{local.minute:02d}"
    )


def render_page(
    *,
    clinic_name: str,
    clinic_phone: str = "",
    problem: Notice | None = None,
    patient_name: str = "",
    starts_at: datetime | None = None,
    status: str = "booked",
    actions: bool = False,
    notice: Notice | None = None,
    confirm_cancel: bool = False,
) -> str:
    return (
        _environment()
        .get_template("appointment.html.j2")
        .render(
            clinic_name=clinic_name,
            clinic_phone=clinic_phone,
            problem=problem,
            patient_name=patient_name,
            when=when_text(starts_at),
            status=status,
            status_label=STATUS_LABELS.get(status, status),
            actions=actions,
            notice=notice,
            confirm_cancel=confirm_cancel,
        )
    )


def render_booking(
    *,
    clinic_name: str,
    clinic_phone: str,
    days: list[tuple[str, list[tuple[str, str]]]],
    form: Mapping[str, str],
    errors: list[str],
    done: str | None = None,
) -> str:
    """The self-booking page: ``days`` = [(day label, [(slot value, time label)])]."""
    return (
        _environment()
        .get_template("book.html.j2")
        .render(clinic_name=clinic_name, clinic_phone=clinic_phone, days=days, form=form, errors=errors, done=done)
    )


def day_label(moment: datetime) -> str:
    local = moment.astimezone(SEOUL)
    return f"{local.month}월 {local.day}일 ({WEEKDAYS[local.weekday()]})"


def time_label(moment: datetime) -> str:
    local = moment.astimezone(SEOUL)
    half = "오전" if local.hour < 12 else "오후"
    return f"{half} {local.hour % 12 or 12}:{local.minute:02d}"
