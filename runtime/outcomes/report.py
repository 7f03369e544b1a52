"""The director's monthly report: one printable Korean HTML page (charts as inline SVG, each with its table)
and the same page as PDF through WeasyPrint (fonts from fontconfig: fonts-noto-cjk on Debian)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from runtime.outcomes import charts

CHANNEL_NAMES = {"alimtalk": "알림톡", "friendtalk": "친구톡", "sms": "문자(SMS/LMS)"}
PURPOSE_NAMES = {"treatment": "진료 안내", "marketing": "광고·마케팅", "night_ads": "야간 광고"}
FUNNEL_STEPS = (
    ("queued", "대기열 등록"),
    ("sent", "발송"),
    ("delivered", "전달"),
    ("failed", "실패"),
    ("failed_over", "대체 발송"),
    ("delivered_by_sms", "문자로 전달"),
)
_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _won(value: float) -> str:
    return f"₩{value:,.0f}"


def chart_set(figures: dict[str, Any]) -> dict[str, Any]:
    """The report's charts, from the figures (the tables beside them read the same numbers)."""
    channels = figures["messages"]["by_channel"]
    groups = figures["appointments"]
    outcome_names = [("attended", "내원"), ("no_show", "미내원"), ("cancelled", "취소"), ("rescheduled", "일정 변경")]
    return {
        "channels": charts.bar_chart(
            "채널별 발송",
            [CHANNEL_NAMES.get(c["channel"], c["channel"]) for c in channels],
            [
                charts.Bars("발송", [c["sent"] for c in channels]),
                charts.Bars("전달", [c["delivered"] for c in channels]),
            ],
            "건",
        ),
        "funnel": charts.bar_chart(
            "전달 단계",
            [name for _, name in FUNNEL_STEPS],
            [charts.Bars("건수", [figures["funnel"][k] for k, _ in FUNNEL_STEPS])],
            "건",
        ),
        "cost": charts.bar_chart(
            "비용",
            ["실제 비용", "모두 문자였다면"],
            [charts.Bars("원", [figures["cost"]["spent_krw"], figures["cost"]["sms_equivalent_krw"]])],
            "원",
        ),
        "appointments": charts.bar_chart(
            "예약 결과",
            [name for _, name in outcome_names],
            [
                charts.Bars("알림 받음", [groups["reminded"][k] for k, _ in outcome_names]),
                charts.Bars("알림 없음", [groups["not_reminded"][k] for k, _ in outcome_names]),
            ],
            "건",
        ),
    }


def render_html(figures: dict[str, Any], month: str, clinic_name: str) -> str:
    return _ENV.get_template("report.html.j2").render(
        f=figures,
        month=month,
        clinic_name=clinic_name,
        charts=chart_set(figures),
        channel_names=CHANNEL_NAMES,
        purpose_names=PURPOSE_NAMES,
        funnel_steps=FUNNEL_STEPS,
        percent=_percent,
        won=_won,
    )


def render_pdf(html: str) -> bytes:
    for name in ("weasyprint", "fontTools"):  # their step-by-step INFO lines are not the user's business
        logging.getLogger(name).setLevel(logging.WARNING)
    from weasyprint import HTML  # loads pango (and parses its CSS, logging): only when a PDF is asked for

    pdf = HTML(string=html).write_pdf()
    assert pdf is not None  # write_pdf without a target returns the bytes
    return bytes(pdf)
