"""The appointment book as a receptionist uses it: book an appointment → the D-1 reminder run appears; mark a
cataract surgery done → the post-op run appears; import two successive CP949 reservation exports → the right
counts and runs; edit the procedure catalogue. Real server, real Chromium, no console errors."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, korean_when
from tests.support.documents import example
from tests.support.server import api_headers

pytestmark = pytest.mark.browser
SEOUL = ZoneInfo("Asia/Seoul")


def today() -> date:
    return datetime.now(SEOUL).date()


@pytest.fixture(scope="module")
def published(base_url: str) -> dict[str, int]:
    """The D-1 reminder and the cataract post-op workflows, published (other tests' workflows may exist too)."""
    ids: dict[str, int] = {}
    for slug in ("appointment-reminder-d1", "cataract-postop"):
        document = example(slug)
        document["name"] = f"{document['name']} ({slug})"
        created = httpx.post(f"{base_url}/api/workflows", json=document, timeout=10, headers=api_headers())
        assert created.status_code == 201, created.text
        ids[slug] = created.json()["id"]
        done = httpx.post(f"{base_url}/api/workflows/{ids[slug]}/publish", timeout=10, headers=api_headers())
        assert done.status_code in (200, 201), done.text
    return ids


def book_new(page: Page, chart: str, name: str, phone: str, when: str, procedure: str) -> None:
    page.get_by_test_id("new-appointment-open").click()
    form = page.get_by_test_id("new-appointment")
    form.get_by_test_id("new-chart").fill(chart)
    form.get_by_test_id("new-name").fill(name)
    form.get_by_test_id("new-phone").fill(phone)
    form.get_by_test_id("new-starts-at").fill(when)
    form.get_by_test_id("new-procedure").select_option(procedure)
    form.get_by_test_id("new-doctor").fill("김원장")
    form.get_by_test_id("create-appointment").click()


def test_booking_an_appointment_starts_the_d1_reminder(page: Page, published: dict[str, int]) -> None:
    chart = f"B-{uuid.uuid4().hex[:6]}"
    day = today() + timedelta(days=3)
    page.goto("/appointments")
    expect(page.get_by_test_id("appointments")).to_be_visible()
    # When the receptionist books a LASIK consultation three days ahead for a new patient
    book_new(page, chart, "문채원", "010-3100-2200", f"{day.isoformat()}T14:30", "lasik")
    # Then the appointment opens with the reminder run it started
    panel = page.get_by_test_id("appointment-panel")
    expect(panel).to_contain_text(chart)
    expect(panel.get_by_test_id("appointment-status")).to_have_text("예약")
    # (other tests' workflows may start runs of their own on the shared server: look for this one by name)
    expect(panel.get_by_test_id("appointment-run").filter(has_text="예약 전날 18시 안내").first).to_be_visible()
    # When she hands it to another doctor and moves it one hour later, the panel shows both
    panel.get_by_test_id("change-doctor").fill("이원장")
    panel.get_by_test_id("change-doctor-save").click()
    expect(panel).to_contain_text("라식 · 이원장")
    panel.get_by_test_id("reschedule-at").fill(f"{day.isoformat()}T15:30")
    panel.get_by_test_id("reschedule-save").click()
    expect(panel.get_by_test_id("appointment-when")).to_have_text(korean_when(day, 15, 30))
    expect(panel).to_contain_text("예약 변경")
    panel.get_by_test_id("appointment-close").click()
    # And the week view shows it on its day; the patient is found again by phone for a second booking
    page.get_by_test_id("book-day-input").fill(day.isoformat())
    page.get_by_test_id("view-week").click()
    expect(page.get_by_test_id(f"week-day-{day.isoformat()}")).to_contain_text("라식")
    # (the week's column heads and the times are written the Korean way: "12월 8일 (화)", "오후 3:30")
    heading = f"{day.month}월 {day.day}일 ({'월화수목금토일'[day.weekday()]})"
    expect(page.get_by_test_id(f"week-day-{day.isoformat()}").locator("h4")).to_have_text(heading)
    expect(page.get_by_test_id(f"week-day-{day.isoformat()}")).to_contain_text("오후 3:30")
    page.get_by_test_id("new-appointment-open").click()
    page.get_by_test_id("patient-query").fill("010-3100-2200")
    page.get_by_test_id("patient-search").click()
    page.get_by_test_id("patient-results").get_by_role("button").first.click()
    expect(page.get_by_test_id("chosen-patient")).to_be_visible()
    page.get_by_test_id("new-starts-at").fill(f"{(day + timedelta(days=1)).isoformat()}T09:00")
    page.get_by_test_id("create-appointment").click()
    expect(page.get_by_test_id("appointment-panel")).to_contain_text(chart)


def test_marking_a_cataract_surgery_done_starts_the_postop_run(page: Page, published: dict[str, int]) -> None:
    chart = f"C-{uuid.uuid4().hex[:6]}"
    page.goto("/appointments")
    book_new(page, chart, "서강준", "010-3200-2300", f"{today().isoformat()}T09:00", "cataract")
    panel = page.get_by_test_id("appointment-panel")
    expect(panel).to_contain_text(chart)
    # When she marks the patient as attended (the cataract surgery was done)
    panel.get_by_test_id("set-status-attended").click()
    # Then the surgery is completed and the post-op run appears beside the reminder
    expect(panel.get_by_test_id("appointment-status")).to_have_text("시술 완료")
    expect(panel.get_by_test_id("appointment-run-list")).to_contain_text("백내장 수술 후 관리")
    # And cancelling another appointment shows it cancelled in the day list, filterable by status
    panel.get_by_test_id("appointment-close").click()
    page.get_by_test_id("view-list").click()
    page.get_by_test_id("filter-status").select_option("completed")
    expect(page.get_by_test_id("book-list")).to_contain_text(chart)


def test_a_cancelled_appointment_offers_only_booking_again(page: Page, published: dict[str, int]) -> None:
    chart = f"X-{uuid.uuid4().hex[:6]}"
    page.goto("/appointments")
    book_new(page, chart, "한지민", "010-3300-3400", f"{today().isoformat()}T11:00", "cataract")
    panel = page.get_by_test_id("appointment-panel")
    expect(panel).to_contain_text(chart)
    # When the receptionist cancels it, the panel no longer offers to confirm or mark it attended
    panel.get_by_test_id("set-status-cancelled").click()
    expect(panel.get_by_test_id("appointment-status")).to_have_text("취소")
    for status in ("confirmed", "attended", "completed", "no_show", "cancelled"):
        expect(panel.get_by_test_id(f"set-status-{status}")).to_have_count(0)
    # And booking it again brings back the usual buttons
    panel.get_by_test_id("set-status-booked").click()
    expect(panel.get_by_test_id("appointment-status")).to_have_text("예약")
    expect(panel.get_by_test_id("set-status-confirmed")).to_be_visible()


def _export(path: Path, rows: list[str]) -> Path:
    header = "예약번호,예약일자,예약시간,차트번호,환자명,휴대폰,진료내용,담당의,예약상태,메모"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp949"))
    return path


def test_two_successive_cp949_reservation_exports(page: Page, published: dict[str, int], tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:5]
    d = [(today() + timedelta(days=n)).strftime("%Y.%m.%d") for n in range(7)]
    first = _export(
        tmp_path / "예약_1일차.csv",
        [
            f"{tag}-1,{d[3]},오후 2:30,I-{tag}1,김민지,010-4100-0001,백내장,김원장,예약,",
            f"{tag}-2,{d[4]},10:00,I-{tag}2,이서연,010-4100-0002,라식,김원장,확정,",
            f"{tag}-3,{d[1]},09:30,I-{tag}3,박지훈,010-4100-0003,백내장 수술,이원장,예약,",
            f"{tag}-4,{d[2]},11:00,I-{tag}4,한지민,010-4100-0004,스마일라식,김원장,예약,",
            f"{tag}-5,{d[2]},25:00,,최유리,02-123-4567,각막이식,이원장,모름,",
        ],
    )
    second = _export(
        tmp_path / "예약_2일차.csv",
        [
            f"{tag}-1,{d[5]},오후 3:00,I-{tag}1,김민지,010-4100-0001,백내장,김원장,예약,",
            f"{tag}-2,{d[4]},10:00,I-{tag}2,이서연,010-4100-0002,라식,김원장,취소,",
            f"{tag}-3,{d[1]},09:30,I-{tag}3,박지훈,010-4100-0003,백내장 수술,이원장,내원완료,",
            f"{tag}-4,{d[2]},11:00,I-{tag}4,한지민,010-4100-0004,스마일라식,김원장,노쇼,",
            f"{tag}-6,{d[6]},오전 10:00,I-{tag}6,오세훈,010-4100-0006,쌍꺼풀,이원장,예약,",
        ],
    )
    page.goto("/appointments")
    page.get_by_test_id("reservation-import-open").click()
    # When the first export is chosen: a preview with the counts and the bad row, nothing saved yet
    page.get_by_test_id("reservation-file").set_input_files(str(first))
    expect(page.get_by_test_id("preview-counts-created")).to_contain_text("4")
    errors = page.get_by_test_id("preview-errors")
    expect(errors).to_contain_text("예약시간")
    expect(errors).to_contain_text("invalid_status")
    # the bad row is the fifth data row: row 6 in the spreadsheet the receptionist opens (header = row 1), as the
    # patient import numbers its rows (found in the user trial: "행 3" pointed at a good row)
    bad = errors.locator("tr", has_text="invalid_status")
    expect(bad.get_by_test_id("finding-row")).to_have_text("6")
    page.get_by_test_id("reservation-confirm").click()
    expect(page.get_by_test_id("import-counts-created")).to_contain_text("4")
    # and the book turns to the list of the coming days, where what was imported is (found driving it: today's
    # page said "no appointments in this period" right after an import of the next days)
    expect(page.get_by_test_id("view-list")).to_have_class(re.compile(r"\bactive\b"))
    expect(page.get_by_test_id("book-list")).to_contain_text(f"I-{tag}1")
    # When the next day's export is imported
    page.get_by_test_id("reservation-file").set_input_files(str(second))
    expect(page.get_by_test_id("preview-counts-rescheduled")).to_contain_text("1")
    page.get_by_test_id("reservation-confirm").click()
    counts = page.get_by_test_id("import-counts")
    for key, value in (("created", 1), ("rescheduled", 1), ("cancelled", 1), ("attended", 1), ("no_show", 1)):
        expect(page.get_by_test_id(f"import-counts-{key}")).to_contain_text(str(value))
    expect(counts).to_be_visible()
    # Then the attended cataract surgery has its post-op run, and the same file again changes nothing
    page.get_by_test_id("book-day-input").fill((today() + timedelta(days=1)).isoformat())
    page.get_by_test_id("view-day").click()
    page.get_by_test_id("book-day").get_by_text(f"I-{tag}3").click()
    panel = page.get_by_test_id("appointment-panel")
    expect(panel.get_by_test_id("appointment-status")).to_have_text("시술 완료")
    expect(panel.get_by_test_id("appointment-run-list")).to_contain_text("백내장 수술 후 관리")
    panel.get_by_test_id("appointment-close").click()
    page.get_by_test_id("reservation-file").set_input_files(str(second))
    expect(page.get_by_test_id("preview-counts-unchanged")).to_contain_text("5")


def test_the_procedure_catalogue_is_edited_in_the_browser(page: Page) -> None:
    page.goto("/appointments/procedures")
    table = page.get_by_test_id("catalogue-table")
    expect(table.get_by_test_id("catalogue-row-cataract")).to_be_visible()
    page.get_by_test_id("catalogue-add").click()
    last = table.locator("tbody tr").last
    last.get_by_label("코드").fill("cornea")
    last.get_by_label("한국어 이름").fill("각막이식")
    last.get_by_label("동의어 (쉼표로 구분)").fill("각막 이식, keratoplasty")
    page.get_by_test_id("catalogue-save").click()
    expect(page.get_by_test_id("toast-ok")).to_be_visible()
    page.reload()
    expect(page.get_by_test_id("catalogue-row-cornea")).to_be_visible()
