"""Read an EMR export into a header and rows: CSV (UTF-8, UTF-8 with BOM, CP949/EUC-KR — detected, not
asked) or .xlsx (openpyxl, read-only). Rows carry the row number a spreadsheet shows (the header is row 1)."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer

# CP949 is Microsoft's superset of EUC-KR; Korean EMRs write CP949 whatever they call it.
KOREAN_CODECS = {"euc_kr", "cp949", "johab", "iso2022_kr"}
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls of Excel 97–2003
REPLACEMENT = "\ufffd"


class UnreadableFile(Exception):
    """The file as a whole cannot be read (exit 2 / HTTP 422). ``code`` is stable; the message is bilingual."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (spreadsheet row number, cells)
    encoding: str | None = None  # of a CSV file
    # Rows holding bytes the file's encoding cannot decode (a truncated or stray byte): row number → byte
    # offsets into the file. The importer reports and skips those rows instead of importing broken names.
    encoding_problems: dict[int, list[int]] = field(default_factory=dict)


def read_table(data: bytes, filename: str = "") -> Table:
    name = filename.lower()
    if data.startswith(OLE_MAGIC) or name.endswith(".xls"):
        raise UnreadableFile(
            "unsupported_format",
            "예전 엑셀(.xls) 형식은 읽을 수 없습니다. .xlsx 또는 CSV로 저장해 주세요 / "
            "old Excel (.xls) files are not supported: save as .xlsx or CSV",
        )
    if data.startswith(XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
    if name and not name.endswith((".csv", ".txt", ".tsv")):
        raise UnreadableFile(
            "unsupported_format",
            "CSV 또는 .xlsx 파일만 가져올 수 있습니다 / only CSV and .xlsx files can be imported",
        )
    return _read_csv(data)


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (a few undecodable bytes become U+FFFD)."""
    text, encoding, _ = decode_with_problems(data)
    return text, encoding


# Bad bytes tolerated before an encoding is ruled out: "all but a few" (a truncated last character, a stray
# byte), or one in 20,000 for a big file.
def tolerated_bad_bytes(size: int) -> int:
    return max(8, size // 20_000)


_bad_offsets: ContextVar[list[int] | None] = ContextVar("doctorsflow_bad_offsets", default=None)


def _record_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: note where the undecodable bytes start, put one U+FFFD in their place."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    offsets = _bad_offsets.get()
    if offsets is None:
        raise error
    offsets.append(error.start)
    if len(offsets) > tolerated_bad_bytes(len(error.object)):
        raise error  # too many: not this encoding
    return REPLACEMENT, error.end


codecs.register_error("doctorsflow.record", _record_bad_bytes)


def decode_counting(data: bytes, encoding: str) -> tuple[str, list[int]] | None:
    """``data`` decoded, with the offsets of the bytes that did not decode; None when more than a few did."""
    offsets: list[int] = []
    token = _bad_offsets.set(offsets)
    try:
        return data.decode(encoding, errors="doctorsflow.record"), offsets
    except UnicodeDecodeError:
        return None
    finally:
        _bad_offsets.reset(token)


def decode_with_problems(data: bytes) -> tuple[str, str, list[int]]:
    """The text, its encoding and the byte offsets that did not decode (each is U+FFFD in the text).

    UTF-8 (with or without BOM) and CP949 are tried first: a Korean file with one truncated byte is still
    Korean — a statistical guess would call it ISO-8859-5 and every column name would be garbage. Only when
    both fail on more than a few bytes does charset_normalizer guess.
    """
    if data.startswith(codecs.BOM_UTF8):
        decoded = decode_counting(data[len(codecs.BOM_UTF8) :], "utf-8")
        if decoded is not None:
            return decoded[0], "utf-8-sig", [offset + len(codecs.BOM_UTF8) for offset in decoded[1]]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise _undecodable() from exc
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    candidates = [(e, d) for e in ("utf-8", "cp949") if (d := decode_counting(data, e)) is not None]
    if candidates:
        encoding, (text, offsets) = min(candidates, key=lambda c: len(c[1][1]))
        return text, encoding, offsets
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise _undecodable()
    encoding = "cp949" if best.encoding in KOREAN_CODECS else best.encoding
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError as exc:
        raise _undecodable() from exc


def _undecodable() -> UnreadableFile:
    return UnreadableFile(
        "unknown_encoding",
        "파일의 문자 인코딩을 알 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요) / "
        "cannot tell the file's character encoding: save it as UTF-8 or CP949",
    )


def _read_csv(data: bytes) -> Table:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFile("not_a_table", "표 형식의 파일이 아닙니다 / the file is not a table (CSV or .xlsx)")
    text, encoding, bad_offsets = decode_with_problems(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    table = _table(reader, encoding, bad_offsets)
    return table


def _read_xlsx(data: bytes) -> Table:
    try:
        from openpyxl import load_workbook  # here, not at the top: a CSV import never pays its ~20 MB

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile("unreadable_xlsx", "엑셀 파일을 열 수 없습니다 / cannot open the Excel file") from exc
    try:
        sheet = workbook.worksheets[0]
        return _table(sheet.iter_rows(values_only=True), None)
    finally:
        workbook.close()


def _table(rows: Iterator[Any], encoding: str | None, bad_offsets: list[int] | None = None) -> Table:
    header: list[str] | None = None
    table = Table(headers=[], encoding=encoding)
    pending = list(bad_offsets or [])  # in file order, as the rows come
    try:
        # Numbered as a spreadsheet shows them: from the top of the file, the header usually row 1.
        for number, cells in enumerate(rows, start=1):
            values = list(cells)
            if pending:
                broken = sum(str(v).count(REPLACEMENT) for v in values if v is not None)
                if broken:
                    table.encoding_problems[number], pending = pending[:broken], pending[broken:]
            if header is None:
                if not any(_filled(v) for v in values):
                    continue  # leading blank lines: the header is the first row with text
                header = ["" if v is None else str(v).strip() for v in values]
                table.headers = header
                continue
            if any(_filled(v) for v in values):
                table.rows.append((number, values))
    except csv.Error as exc:
        raise UnreadableFile("malformed_csv", f"CSV 형식이 깨져 있습니다 / malformed CSV: {exc}") from exc
    if header is None:
        raise UnreadableFile("empty_file", "빈 파일입니다 / the file is empty")
    return table


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


# -- streaming: a file on disk, one row at a time (constant memory whatever the file's size) --------------------
SAMPLE_BYTES = 1 << 20  # what the encoding and the CSV dialect are decided on


@dataclass
class StreamedTable:
    """A table read from a file as it is iterated: ``headers`` up front, then ``rows()`` (again for a second
    pass). ``encoding_problems`` fills in as the rows go by; ``on_bytes`` hears how far the reading got."""

    path: Path
    headers: list[str]
    encoding: str | None
    encoding_problems: dict[int, list[int]] = field(default_factory=dict)
    on_bytes: Callable[[int], None] | None = None
    _dialect: Any = None
    _held: list[tuple[int, list[Any]]] | None = None  # rows of a file read whole (UTF-16)

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(spreadsheet row number, cells) of every non-blank row after the header."""
        if self._held is not None:
            yield from self._held
            return
        self.encoding_problems.clear()
        if self.encoding is None:
            yield from _xlsx_rows(self.path, self.on_bytes)
            return
        lines = _DecodedLines(self.path, self.encoding, self.on_bytes)
        reader = csv.reader((text for text, _ in lines.lines()), self._dialect)
        header_seen = False
        try:
            for number, values in enumerate(reader, start=1):
                if lines.pending:
                    broken = sum(v.count(REPLACEMENT) for v in values)
                    if broken:
                        self.encoding_problems[number], lines.pending = lines.pending[:broken], lines.pending[broken:]
                if not header_seen:
                    header_seen = any(_filled(v) for v in values)
                    continue
                if any(_filled(v) for v in values):
                    yield number, list(values)
        except csv.Error as exc:
            raise UnreadableFile("malformed_csv", f"CSV 형식이 깨져 있습니다 / malformed CSV: {exc}") from exc


def open_table(path: Path) -> StreamedTable:
    """Open an EMR export on disk for streaming (the same formats and errors as :func:`read_table`)."""
    name = path.name.lower()
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if sample.startswith(OLE_MAGIC) or name.endswith(".xls"):
        read_table(sample, path.name)  # raises the same unsupported_format
    if sample.startswith(XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
        table = StreamedTable(path, [], None)
        table.headers = _xlsx_headers(path)
        return table
    if (name and not name.endswith((".csv", ".txt", ".tsv"))) or sample.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        small = read_table(path.read_bytes(), path.name)  # UTF-16 or a refused name: the whole-file reader
        return _in_memory(path, small)
    if b"\x00" in sample[:4096]:
        raise UnreadableFile("not_a_table", "표 형식의 파일이 아닙니다 / the file is not a table (CSV or .xlsx)")
    encoding = _sample_encoding(sample, complete=len(sample) < SAMPLE_BYTES)
    text = _cut_decode(sample, encoding)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    table = StreamedTable(path, [], encoding, _dialect=dialect)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next((row for row in reader if any(_filled(v) for v in row)), None)
    except csv.Error as exc:
        raise UnreadableFile("malformed_csv", f"CSV 형식이 깨져 있습니다 / malformed CSV: {exc}") from exc
    if header is None:
        raise UnreadableFile("empty_file", "빈 파일입니다 / the file is empty")
    table.headers = [v.strip() for v in header]
    return table


def _in_memory(path: Path, small: Table) -> StreamedTable:
    table = StreamedTable(path, small.headers, small.encoding, _held=small.rows)
    table.encoding_problems.update(small.encoding_problems)
    return table


def _sample_encoding(sample: bytes, complete: bool) -> str:
    """The encoding of a file from its first megabyte: UTF-8 (BOM or not), else CP949, each allowed a few bad
    bytes (a character cut at the sample's end is not one), else charset_normalizer's guess."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ("utf-8", "cp949"):
        if decode_counting(sample if complete else _whole_lines(sample), encoding) is not None:
            return encoding
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise _undecodable()
    return "cp949" if best.encoding in KOREAN_CODECS else best.encoding


def _whole_lines(sample: bytes) -> bytes:
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _cut_decode(sample: bytes, encoding: str) -> str:
    decoded = decode_counting(_whole_lines(sample), encoding)
    return decoded[0] if decoded is not None else _whole_lines(sample).decode(encoding, errors="replace")


class _DecodedLines:
    """The file's lines decoded one by one; the offsets of undecodable bytes wait in ``pending`` (file order)."""

    def __init__(self, path: Path, encoding: str, on_bytes: Callable[[int], None] | None) -> None:
        self.path, self.encoding, self.on_bytes = path, encoding, on_bytes
        self.pending: list[int] = []
        self.bad = 0

    def lines(self) -> Iterator[tuple[str, int]]:
        limit = tolerated_bad_bytes(self.path.stat().st_size)
        offset = 0
        encoding = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle):
                chunk = raw[len(codecs.BOM_UTF8) :] if number == 0 and raw.startswith(codecs.BOM_UTF8) else raw
                skipped = len(raw) - len(chunk)
                decoded = decode_counting(chunk, encoding)
                if decoded is None or self.bad + len(decoded[1]) > limit:
                    raise UnreadableFile(
                        "unknown_encoding",
                        f"{encoding.upper()}로 읽을 수 없는 바이트가 너무 많습니다 ({offset}바이트 부근) / "
                        f"too many bytes that are not {encoding.upper()} (near byte {offset})",
                    )
                text, bad = decoded
                self.bad += len(bad)
                self.pending.extend(offset + skipped + b for b in bad)
                offset += len(raw)
                if self.on_bytes is not None:
                    self.on_bytes(len(raw))
                yield text, offset


def _open_xlsx(path: Path) -> Any:
    from openpyxl import load_workbook  # here, not at the top: a CSV import never pays its ~20 MB
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    # InvalidFileException: a zip whose name is not .xlsx (openpyxl goes by the name)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise UnreadableFile("unreadable_xlsx", "엑셀 파일을 열 수 없습니다 / cannot open the Excel file") from exc


def _xlsx_headers(path: Path) -> list[str]:
    workbook = _open_xlsx(path)
    try:
        for cells in workbook.worksheets[0].iter_rows(values_only=True):
            if any(_filled(v) for v in cells):
                return ["" if v is None else str(v).strip() for v in cells]
    finally:
        workbook.close()
    raise UnreadableFile("empty_file", "빈 파일입니다 / the file is empty")


def _xlsx_rows(path: Path, on_bytes: Callable[[int], None] | None) -> Iterator[tuple[int, list[Any]]]:
    workbook = _open_xlsx(path)
    try:
        sheet = workbook.worksheets[0]
        total = max(1, sheet.max_row or 1)
        size, reported = path.stat().st_size, 0
        header_seen = False
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = list(cells)
            if on_bytes is not None:  # a workbook is compressed: progress by rows, in bytes of the file
                now = size * number // total
                on_bytes(now - reported)
                reported = now
            if not header_seen:
                header_seen = any(_filled(v) for v in values)
                continue
            if any(_filled(v) for v in values):
                yield number, values
    finally:
        workbook.close()
