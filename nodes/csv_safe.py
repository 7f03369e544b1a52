"""Cells that a spreadsheet will not run: every CSV/xlsx we write passes its text cells through here.

A cell beginning with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return, which Excel skips before
looking) is a formula to Excel and LibreOffice — a patient named ``=HYPERLINK(…)`` would run in the staff's
spreadsheet (OWASP "CSV injection"). Such a text gets a leading apostrophe, which the spreadsheet shows as text.
Numbers stay numbers. Lowest package, so every layer's exports can use it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` unless it is a text a spreadsheet would take for a formula; then ``'`` + the text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, out: TextIO, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
