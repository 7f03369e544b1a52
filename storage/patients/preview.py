"""What an import will read, before anything is stored: the file's encoding, which column became which field
(and which headers nobody recognised — the browser's version of the CLI's ``--map``), the first rows as
decoded text, the value behind each row error, and a warning when consents come without their date.

Pure: no database. The rows are the uploader's own file echoed back, never stored data; a 주민번호 column
is never echoed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from storage.patients.columns import ALIASES, CONSENT_FIELDS, map_columns
from storage.patients.importer import parse_row
from storage.patients.parsing import cell_text
from storage.patients.readers import Table

PREVIEW_ROWS = 10
MAX_BAD_VALUES = 500
HIDDEN_FIELDS = ("rrn",)  # never sent back, not even to the uploader

# Korean / English names of the fields a column may be mapped to (the mapping step's choices).
FIELD_LABELS: dict[str, str] = {
    "chart_no": "차트번호 / chart number",
    "name": "이름 / name",
    "phone": "휴대폰 / mobile",
    "birth_date": "생년월일 / birth date",
    "sex": "성별 / sex",
    "rrn": "주민번호(생년월일·성별만 사용) / RRN (birth date and sex only)",
    "marketing": "마케팅 수신 동의 / marketing consent",
    "treatment": "진료 안내 동의 / treatment consent",
    "night_ads": "야간 광고 동의 / night-ads consent",
    "consent_date": "동의 날짜 / consent date",
    "last_visit": "최종 내원일 / last visit",
    "guardian_name": "보호자 / guardian",
    "guardian_relationship": "보호자 관계 / guardian relationship",
    "ignore": "가져오지 않음 / ignore",
}

NO_CONSENT_DATE = (
    "동의 날짜 열이 없습니다. 광고 수신 동의는 2년마다 다시 확인해야 해서 원래 동의한 날짜가 필요합니다. "
    "이대로 가져오면 가져온 날을 동의일로 기록합니다 / The file has no consent-date column: marketing consent "
    "must be re-confirmed every two years from the original date; without it the import date is recorded."
)


def preview_table(table: Table, mapping: dict[str, str], today: date) -> dict[str, Any]:
    """The preview answer for a read table and an explicit header → field mapping."""
    columns = map_columns(table.headers, mapping)
    field_of: dict[int, str] = {c.index: name for name, c in columns.items()}
    ignored = {h for h, target in mapping.items() if target == "ignore"}
    hidden = {columns[f].index for f in HIDDEN_FIELDS if f in columns}
    shown = [(i, h) for i, h in enumerate(table.headers) if i not in hidden]

    rows: list[dict[str, Any]] = []
    bad_values: list[dict[str, Any]] = []
    for number, cells in table.rows:
        if len(rows) < PREVIEW_ROWS:
            rows.append({"row": number, "cells": [cell_text(cells[i]) if i < len(cells) else "" for i, _ in shown]})
        if len(bad_values) >= MAX_BAD_VALUES:
            continue
        parsed = parse_row(number, cells, columns, today)
        if isinstance(parsed, list):
            for error in parsed:
                column = next((c for c in columns.values() if c.header == error.column), None)
                hide = column is None or column.index in hidden or column.index >= len(cells)
                value = "" if hide or column is None else cell_text(cells[column.index])
                bad_values.append({"row": number, "column": error.column, "code": error.code, "value": value})

    warnings: list[dict[str, str]] = []
    if any(f in columns for f in CONSENT_FIELDS) and "consent_date" not in columns:
        warnings.append({"code": "no_consent_date", "message": NO_CONSENT_DATE})
    return {
        "encoding": table.encoding,
        "headers": [h for _, h in shown],
        "columns": [
            {"header": h, "field": field_of.get(i) or ("ignore" if h in ignored else None)}
            for i, h in enumerate(table.headers)
        ],
        "unknown_headers": [
            h for i, h in enumerate(table.headers) if i not in field_of and h not in ignored and h.strip()
        ],
        "fields": [{"name": name, "label": FIELD_LABELS.get(name, name)} for name in (*ALIASES, "ignore")],
        "rows": rows,
        "total_rows": len(table.rows),
        "bad_values": bad_values,
        "warnings": warnings,
    }
