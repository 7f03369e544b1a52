"""Importing an EMR export in the browser: a real CP949 CSV with Korean headers, a dry-run preview naming
each bad row, then the confirmed import — and the Korean names arrive intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser

HEADER = "차트번호,성명,휴대폰,생년월일,성별,마케팅동의"
ROWS = [
    "E-7001,윤서준,010-7001-0001,1990-01-02,남,Y",  # row 2: new
    "E-7002,똠방각하,010-7001-0002,1970.1.5,여,N",  # row 3: new; 똠 exists in CP949, not in EUC-KR
    "E-7003,홍길동,02-123-4567,19800101,남,Y",  # row 4: a landline cannot get text messages
    "E-7004,강하늘,010-7001-0004,1985-02-30,여,",  # row 5: no such date
]


def _cp949_export(folder: Path) -> Path:
    path = folder / "emr-export.csv"
    path.write_bytes(("\r\n".join([HEADER, *ROWS]) + "\r\n").encode("cp949"))
    assert "똠".encode("cp949") in path.read_bytes()  # really CP949, as Excel in Korea saves it
    return path


def test_cp949_export_is_previewed_with_row_errors_then_imported_with_korean_names(page: Page, tmp_path: Path) -> None:
    export = _cp949_export(tmp_path)
    page.goto("/patients")
    expect(page.get_by_test_id("patients-import")).to_be_visible()

    # When the file is chosen
    page.get_by_test_id("import-file").set_input_files(str(export))

    # Then a dry run previews it: nothing is saved yet, and each bad row shows its number, column and reason
    preview = page.get_by_test_id("import-preview")
    expect(preview).to_contain_text("미리 확인 (저장 안 됨): emr-export.csv")
    expect(preview).to_contain_text("4행 · 신규 2")
    errors = page.get_by_test_id("import-error")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_contain_text("4")
    expect(errors.nth(0)).to_contain_text("휴대폰")
    expect(errors.nth(0)).to_contain_text("휴대폰 번호가 아닙니다")
    expect(errors.nth(1)).to_contain_text("5")
    expect(errors.nth(1)).to_contain_text("생년월일")
    expect(errors.nth(1)).to_contain_text("생년월일을 읽을 수 없습니다")
    page.get_by_test_id("patients-search").fill("E-7002")
    expect(page.get_by_test_id("patients-table").locator("tbody tr")).to_have_count(0)

    # When the import is confirmed
    page.get_by_test_id("import-confirm").click()

    # Then the good rows are imported, and the names read back exactly as written in Korean
    expect(page.get_by_test_id("import-report")).to_contain_text("신규 2")
    expect(page.get_by_test_id("patients-table")).to_contain_text("똠**하")  # masked in the list
    page.get_by_test_id("patients-table").locator("tbody tr").first.click()
    expect(page.get_by_test_id("patient-title")).to_have_text("똠방각하")
    expect(page.get_by_test_id("patient-phone")).to_have_text("010-7001-0002")
    expect(page.get_by_test_id("patient-birthDate")).to_have_text("1970-01-05")
    expect(page.get_by_test_id("patient-sex")).to_have_text("여")


def test_unknown_columns_are_mapped_in_the_browser_and_bad_values_shown(page: Page, tmp_path: Path) -> None:
    # Given an export whose phone column is called "HP" and which has consents but no consent date
    path = tmp_path / "odd-headers.csv"
    lines = ["차트번호,성명,HP,마케팅동의,메모", "F-1,정하윤,010-12,Y,첫 방문", "F-2,서지우,010-8001-0002,N,"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp949"))
    page.goto("/patients")
    page.get_by_test_id("import-file").set_input_files(str(path))

    # Then the rows show as decoded Korean, the unknown headers are asked about, the missing date is warned
    read = page.get_by_test_id("import-read")
    expect(page.get_by_test_id("import-rows")).to_contain_text("정하윤")
    expect(page.get_by_test_id("import-warning-no_consent_date")).to_contain_text("동의 날짜 열이 없습니다")
    expect(read).to_contain_text("cp949")

    # When "HP" is mapped to the mobile number and the memo left out
    page.get_by_test_id("import-map-HP").select_option("phone")
    expect(page.get_by_test_id("import-map-HP")).to_have_value("phone")
    page.get_by_test_id("import-map-메모").select_option("ignore")

    # Then the file is checked again with the mapping: the bad phone number is shown with its value
    expect(page.get_by_test_id("import-error-value").first).to_have_text("010-12")
    expect(page.get_by_test_id("import-preview")).to_contain_text("신규 1")


def test_a_row_error_shows_in_the_chosen_language_only(page: Page, tmp_path: Path) -> None:
    # Given a CP949 export with one broken byte in its second patient's name, and the interface in English
    data = (
        "\r\n".join([HEADER, "G-1,윤하준,010-7301-0001,1990-01-02,남,Y", "G-2,서지안,010-7301-0002,1991-03-04,여,N"])
        + "\r\n"
    ).encode("cp949")
    at = data.index("서".encode("cp949"))
    path = tmp_path / "broken.csv"
    path.write_bytes(data[:at] + b"\xff" + data[at + 2 :])
    page.goto("/patients")
    page.get_by_test_id("lang-switch").click()

    # When the file is chosen
    page.get_by_test_id("import-file").set_input_files(str(path))

    # Then the row's error reads in English, without the Korean half
    error = page.get_by_test_id("import-error")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("row 3 has bytes that are not valid CP949")
    expect(error).not_to_contain_text("건너뜁니다")

    # And in Korean, in Korean only
    page.get_by_test_id("lang-switch").click()
    expect(error).to_contain_text("3행에 CP949로 읽을 수 없는 바이트가 있어 건너뜁니다")
    expect(error).not_to_contain_text("not valid CP949")


def test_a_file_with_only_the_headings_says_there_is_nothing_to_import(page: Page, tmp_path: Path) -> None:
    # Given an EMR export saved before any patient was selected: the heading line and nothing else
    path = tmp_path / "headings-only.csv"
    path.write_bytes((HEADER + "\r\n").encode("cp949"))
    page.goto("/patients")
    # When it is chosen
    page.get_by_test_id("import-file").set_input_files(str(path))
    # Then the preview says in words that there are no patient rows, and there is nothing to confirm
    expect(page.get_by_test_id("import-no-rows")).to_contain_text("파일에 환자 행이 없습니다")
    expect(page.get_by_test_id("import-confirm")).to_be_disabled()
