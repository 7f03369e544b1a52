"""A Korean EMR export with one truncated byte is still read as Korean: the good rows import, the broken one is
reported with its row and byte offset (it used to be read as ISO-8859-5 and every row lost its columns)."""

from __future__ import annotations

import charset_normalizer
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.config import Settings
from storage.db import session_scope
from storage.patients.importer import ImportOptions, import_table
from storage.patients.readers import read_table
from storage.tenancy import Caller
from tests.patients.conftest import csv_bytes

CALLER = Caller(clinic_id=1, actor="user:7")
HEADER = ["챠트번호", "수진자명", "핸드폰", "생년월일"]
ROWS = [
    ["10001", "김민지", "010-1234-5678", "1985-03-02"],
    ["10002", "이준호", "010-2222-3333", "1990-01-01"],
    ["10003", "박서연", "010-9999-8888", "1985-03-02"],
]


def _truncated(encoding: str) -> tuple[bytes, int]:
    """The export with the second byte of 이 (row 3) missing, and the offset where the broken byte sits."""
    data = csv_bytes(HEADER, ROWS, encoding)
    where = data.index("이준호".encode(encoding))
    return data[: where + 1] + data[where + 2 :], where


def test_the_probe_file_fooled_the_statistical_guess() -> None:
    data, _ = _truncated("cp949")
    best = charset_normalizer.from_bytes(data).best()
    assert best is None or best.encoding not in ("cp949", "euc_kr")  # why we try Korean first


async def test_a_cp949_file_with_a_truncated_byte_imports_the_other_rows(settings: Settings) -> None:
    data, where = _truncated("cp949")
    table = read_table(data, "emr.csv")
    assert table.encoding == "cp949" and table.headers == HEADER
    async with session_scope(settings, 1) as session:
        report = (await import_table(session, CALLER, table, ImportOptions())).as_dict()
    assert (report["rows"], report["imported"], report["skipped"]) == (3, 2, 1)
    [error] = report["errors"]
    assert error["row"] == 3 and error["code"] == "encoding_error"
    assert "CP949" in error["message"] and " / " in error["message"]
    offset = table.encoding_problems[3][0]  # where decoding failed: at or just after the lost byte
    assert where <= offset <= where + 6 and f"byte offset {offset}" in error["message"]


def test_a_utf8_file_with_a_truncated_byte_stays_utf8() -> None:
    data, where = _truncated("utf-8")
    table = read_table(data, "emr.csv")
    assert table.encoding == "utf-8" and table.headers == HEADER
    assert list(table.encoding_problems) == [3] and table.encoding_problems[3][0] >= where


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.text(alphabet="김이박최정강조윤장임민지준호서연유리", min_size=1, max_size=6), min_size=1, max_size=8
    ),
    cut=st.integers(min_value=0, max_value=10_000),
    encoding=st.sampled_from(["cp949", "utf-8"]),
)
def test_one_lost_byte_anywhere_never_loses_the_encoding(names: list[str], cut: int, encoding: str) -> None:
    rows = [[str(10000 + i), name, "010-1234-5678"] for i, name in enumerate(names)]
    data = csv_bytes(["차트번호", "이름", "휴대폰"], rows, encoding)
    header_end = data.index(b"\r\n") + 2
    cut = header_end + cut % (len(data) - header_end)
    table = read_table(data[:cut] + data[cut + 1 :], "x.csv")
    assert table.encoding == encoding and table.headers == ["차트번호", "이름", "휴대폰"]
    assert len(table.encoding_problems) <= 2
