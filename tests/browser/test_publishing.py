"""Browser journey of the publishing pages: sign in, upload the annex as a decision prints it, read the
preview, publish, find it on /xep-hang (with the published rank that contradicts the scores flagged); then
correct one score and find the correction on /du-lieu."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.admin import accounts
from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_browser import wait_for, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.changes_data]

EMAIL = "bientap@skhcn.quangngai.gov.vn"
PASSWORD = "mot mat khau du dai"
DOCUMENT = "Quyết định số 77/QĐ-UBND ngày 20/3/2025"


def decision_annex(path: Path, *, home_affairs: float) -> Path:
    """The 2024 annex as decisions print it: a title block over a merged two-level header."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    sheet["A2"] = "Phụ lục: KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2024"
    sheet["A3"] = f"(Kèm theo {DOCUMENT})"
    sheet["A5"], sheet["B5"], sheet["C5"], sheet["F5"] = "TT", "Đơn vị", "Chỉ số thành phần", "Chỉ số CĐS (%)"
    sheet["G5"], sheet["H5"] = "Xếp hạng", "Xếp loại"
    sheet["C6"], sheet["D6"], sheet["E6"] = "Nhận thức số", "Hạ tầng số", "Nhân lực số"
    for merged in ("A1:H1", "A2:H2", "A3:H3", "A5:A6", "B5:B6", "C5:E5", "F5:F6", "G5:G6", "H5:H6"):
        sheet.merge_cells(merged)
    for row in (
        ["I", "Các sở, ban, ngành", None, None, None, None, None, None],
        [1, "Sở Nội vụ", 95, 190, 143, home_affairs, 1, "Tốt"],
        [2, "Sở Y tế", 80, 160, 120, 80, 3, "Khá"],  # published 3rd, 2nd by its score: stored as published
        ["II", "UBND các huyện, thị xã, thành phố", None, None, None, None, None, None],
        [1, "UBND huyện Sơn Tây", 90, 180, 135, 90, 1, "Tốt"],
        [2, "UBND huyện Lý Sơn", 40, 80, 60, 40, 2, "Yếu"],
    ):
        sheet.append(row)
    book.save(path)
    return path


NEXT_PAGE = """if (window.qnBeforePost || document.readyState !== "complete") return null;
    const h = document.querySelector("h1");
    return h ? h.innerText.trim() : "";"""


def _post(driver, button: str, predicate) -> tuple[str, str]:
    """Click the form button `button` (CSS or XPath) and wait for the page the post leads to, whose
    heading meets `predicate`; return its heading and main text.

    While the page changes it is read in a script only: an element found before the navigation and read
    after it fails ("Node with given id does not belong to the document", not a stale element). The page
    before is marked, so that a page with the same heading (a preview after a preview) is not taken for
    the next.
    """
    driver.execute_script("window.qnBeforePost = true")
    by = By.XPATH if button.startswith("//") else By.CSS_SELECTOR
    driver.find_element(by, button).click()

    def next_page(d):
        try:
            page = d.execute_script(NEXT_PAGE)
        except WebDriverException as error:  # the script ran while the document was being replaced
            if "does not belong to the document" in str(error) or "unloaded" in str(error):
                return None
            raise
        return page if page and predicate(page) else None

    heading = WebDriverWait(driver, 20).until(next_page)
    # The next page has loaded and nothing navigates any more: its elements can be read as usual.
    return heading, driver.find_element(By.TAG_NAME, "main").text


def _fill(driver, field_id: str, value: str) -> None:
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def _upload(driver, live_server: str, annex: Path, *, replaces: str, reason: str) -> str:
    """Fill the upload form and return the preview's text."""
    driver.get(f"{live_server}/quan-tri/nhap-du-lieu")
    wait_for(driver, "#file")
    driver.find_element(By.ID, "file").send_keys(str(annex))
    _fill(driver, "year", "2024")
    driver.find_element(By.CSS_SELECTOR, "#methodology option[value='qn-dti-2020']").click()
    _fill(driver, "issuer", "UBND tỉnh Quảng Ngãi")
    _fill(driver, "document", DOCUMENT)
    _fill(driver, "source_url", "https://example.invalid/qd-77")
    _fill(driver, "replaces", replaces)
    _fill(driver, "reason", reason)
    driver.find_element(By.ID, "confirm_shrink").click()  # the table has fewer rows than the one it replaces
    driver.find_element(By.ID, "accept_published_inconsistencies").click()
    return _post(driver, "main form button[type=submit]", lambda heading: heading == "Xem trước")[1]


def _publish(driver) -> None:
    # Every preview's heading starts so ("Xem trước", "Xem trước bộ chỉ số", "Xem trước thay đổi đơn vị"):
    # wait for the next page's, not the preview's still on screen.
    heading, text = _post(
        driver, "//button[normalize-space()='Công bố']", lambda heading: not heading.startswith("Xem trước")
    )
    assert heading == "Đã công bố", text


def test_journey_sign_in_upload_preview_publish_and_correct(live_server, browser, built_engine, tmp_path):
    accounts.add(built_engine, EMAIL, PASSWORD, role="publisher")
    browser.get(f"{live_server}/quan-tri/nhap-du-lieu")
    wait_for(browser, "#email")  # not signed in: the sign-in page
    _fill(browser, "email", EMAIL)
    _fill(browser, "password", PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(browser, "#file")
    screenshot(browser, "admin-upload", width=1366, height=900)

    annex = decision_annex(tmp_path / "Phụ lục QĐ 77.xlsx", home_affairs=95.26)
    text = _upload(
        browser, live_server, annex, replaces="illustrative-readiness-2024", reason="Kết quả chính thức"
    )
    assert "Lỗi: 0;" in text and "header on rows 5–6" in text
    assert "Sở Nội vụ" in text and "95,26" in text
    screenshot(browser, "admin-preview", width=1366, height=900)
    _publish(browser)
    browser.find_element(By.PARTIAL_LINK_TEXT, "Xếp hạng: Sở, ban, ngành").click()
    wait_for(browser, "#rankings-grid .ag-row")
    wait_until(browser, lambda d: "95,26" in d.find_element(By.ID, "rankings-grid").text)
    grid_text = browser.find_element(By.ID, "rankings-grid").text
    assert "3 ≠ ⚑" in grid_text and "Xếp hạng công bố: 3; tính từ điểm: 2" in grid_text
    assert "⚑ Dòng được lưu đúng như văn bản công bố" in browser.find_element(By.ID, "rankings-legend").text

    corrected = decision_annex(tmp_path / "Phụ lục đính chính.xlsx", home_affairs=96.26)
    text = _upload(browser, live_server, corrected, replaces="qn-dti-2020-2024-official", reason="Sai số")
    assert "Lỗi: 0;" in text and "Khác với số liệu đang lưu" in text
    _publish(browser)

    browser.get(f"{live_server}/du-lieu")
    wait_until(browser, lambda d: "96" in d.find_element(By.ID, "dinh-chinh").text)
    corrections = browser.find_element(By.ID, "dinh-chinh").text
    assert "Sở Nội vụ" in corrections and "77/QĐ-UBND" in corrections
    assert "giá trị: 95,26 → 96,26" in corrections  # as the pages write numbers
    # The corrected table says so where it is shown, with the way to the old and new values.
    browser.get(f"{live_server}/xep-hang?year=2024&group=department")
    wait_for(browser, ".corrections-note")
    assert "Đính chính" in browser.find_element(By.CSS_SELECTOR, ".corrections-note").text
    browser.get(f"{live_server}/don-vi/so-noi-vu")
    wait_for(browser, ".corrections-note a[href*='dinh-chinh']")
    assert console_errors(browser) == []
