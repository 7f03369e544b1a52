"""Simple server-side SVG bar charts for the printable report (HTML and PDF), built from the figures.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies); every bar
carries its number as text, so a chart reads without colour and each has a table beside it in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
WIDTH, BAR_AREA, ROW = 640, 380, 22


@dataclass(frozen=True)
class Bars:
    name: str
    values: Sequence[float]


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Bars], unit: str = "") -> Markup:
    """Horizontal grouped bars: one group per category, one bar per series, the value written at its end."""
    top = max([v for s in series for v in s.values] + [0]) or 1
    label_width = WIDTH - BAR_AREA - 70
    group = ROW * len(series) + 10
    legend = 24
    height = legend + group * len(categories) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    x = 0
    for index, bars in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="14">{escape(bars.name)}</text>')
        x += 24 + 13 * len(bars.name)
    for row, category in enumerate(categories):
        y0 = legend + row * group
        parts.append(
            f'<text x="{label_width - 6}" y="{y0 + group / 2}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(category)}</text>"
        )
        for index, bars in enumerate(series):
            value = bars.values[row]
            width = BAR_AREA * value / top
            y = y0 + index * ROW
            colour = PALETTE[index % len(PALETTE)]
            parts.append(f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{ROW - 4}" fill="{colour}"/>')
            parts.append(
                f'<text x="{label_width + width + 4:.1f}" y="{y + ROW / 2}" dominant-baseline="middle">'
                f"{escape(_number(value))}{escape(unit)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
