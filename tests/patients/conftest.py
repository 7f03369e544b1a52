"""Fixtures of the patients tests: messy EMR exports made with the real encoders and openpyxl."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import pytest
from openpyxl import Workbook

# A BizM-Chart-like export: CP949, its own header names, and the rows clinics really have.
CP949_HEADER = ["챠트번호", "수진자명", "핸드폰", "생년월일", "성별", "광고수신동의", "최종내원일", "보호자", "비고"]
CP949_ROWS = [
    ["10001", "김민지", "010-1234-5678", "1985.3.2", "여", "Y", "2026-10-01", "", ""],  # 2 new
    ["10002", "이준호", "02-123-4567", "19900101", "남", "N", "", "", "집전화"],  # 3 landline
    ["10003", "박서연", "01099998888", "850302", "2", "동의", "", "", ""],  # 4 new
    ["", "", "", "", "", "", "", "", ""],  # 5 blank: not a row
    ["", "최유리", "", "", "", "", "", "", ""],  # 6 no phone, no chart
    ["10001", "김민지", "010-1234-5678", "1985-03-02", "F", "", "", "", "중복"],  # 7 duplicate of 2
    ["10004", "정하늘", "010-5555-6666", "2018-05-05", "남", "Y", "", "", ""],  # 8 child, no guardian
    ["10005", "정바다", "010-5555-6666", "2019-07-07", "여", "Y", "", "정엄마", ""],  # 9 child, guardian; shared phone
    ["10006", "똠방각하", "+82 10-7777-8888", "1970년 1월 5일", "남자", "O", "", "", ""],  # 10 new (똠: CP949 only)
    ["10007", "홍길동", "010-1111-2222", "1985-02-30", "외계인", "예스", "", "", ""],  # 11 three errors
    ["", "", "010-3333-4444", "", "", "", "", "", ""],  # 12 no name
    ["10008", "강감찬", "1012345678", "8503021", "", "", "", "", ""],  # 13 new (Excel lost the 0)
    ["10009", " 윤봉길 ", "010 2222 3333", "", "", "수신거부", "", "", ""],  # 14 new
]
CP949_EXPECTED = {
    "rows": 12,
    "imported": 6,
    "updated": 1,
    "skipped": 5,
    "errors": [
        {"row": 3, "column": "핸드폰", "code": "landline_phone"},
        {"row": 6, "column": "핸드폰", "code": "missing_identifier"},
        {"row": 8, "column": "광고수신동의", "code": "guardian_required"},
        {"row": 11, "column": "성별", "code": "invalid_sex"},
        {"row": 11, "column": "생년월일", "code": "invalid_birth_date"},
        {"row": 11, "column": "광고수신동의", "code": "invalid_consent"},
        {"row": 12, "column": "수진자명", "code": "missing_name"},
    ],
}


def csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    lines = [",".join(header), *(",".join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


@pytest.fixture
def cp949_export() -> bytes:
    return csv_bytes(CP949_HEADER, CP949_ROWS, "cp949")


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A MediPlus-like Excel export: numbers where text was meant, real date cells, padded headers.
XLSX_ROWS: list[list[Any]] = [
    ["차트번호", "환자명", "휴대전화 번호 (필수)", "생년월일", "성별", "마케팅 동의", "진료안내동의"],
    [1001, "김하나", 1012345678, datetime(1980, 1, 15), "F", "Y", "Y"],  # 2 new
    [1002, "이둘", "010-12", "80.01.15", "M", "N", "Y"],  # 3 invalid phone
    [None, None, None, None, None, None, None],  # 4 blank
    [1003, "박셋", "010-2000-3000", "1979. 12. 31.", "남", None, "Y"],  # 5 new
    [1004, None, "010-4000-5000", None, None, None, None],  # 6 no name
    [1001, "김하나", "010-1234-5678", None, None, "N", None],  # 7 duplicate of 2 (consent now N)
    [1005, "최넷", "031-123-4567", datetime(1990, 5, 5), "여", "Y", "Y"],  # 8 landline
]
XLSX_EXPECTED = {
    "rows": 6,
    "imported": 2,
    "updated": 1,
    "skipped": 3,
    "errors": [
        {"row": 3, "column": "휴대전화 번호 (필수)", "code": "invalid_phone"},
        {"row": 6, "column": "환자명", "code": "missing_name"},
        {"row": 8, "column": "휴대전화 번호 (필수)", "code": "landline_phone"},
    ],
}


@pytest.fixture
def xlsx_export() -> bytes:
    return xlsx_bytes(XLSX_ROWS)


def without_messages(report: dict[str, Any]) -> dict[str, Any]:
    for error in report["errors"]:
        assert " / " in error["message"]  # Korean / English
    return {**report, "errors": [{k: e[k] for k in ("row", "column", "code")} for e in report["errors"]]}
