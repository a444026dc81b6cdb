"""Browser journey of the publishing pages: sign in, upload the annex, read the preview, publish, see it."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.admin import accounts
from dashboard.config import REPO_ROOT
from tests.integration.conftest import console_errors, screenshot
from tests.integration.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser

EMAIL = "bientap@skhcn.quangngai.gov.vn"
PASSWORD = "mot mat khau du dai"
ANNEX = REPO_ROOT / "data" / "illustrative" / "qn_readiness_annex_2024.csv"


def _heading_becomes(driver, predicate) -> str:
    """Wait for the next page's heading (the form posts navigate, so elements go stale meanwhile)."""
    wait = WebDriverWait(
        driver, 20, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    )
    return wait.until(lambda d: (text := d.find_element(By.TAG_NAME, "h1").text) and predicate(text) and text)


def _fill(driver, field_id: str, value: str) -> None:
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def test_journey_sign_in_upload_preview_publish(live_server, browser, built_engine, tmp_path):
    accounts.add(built_engine, EMAIL, PASSWORD, role="publisher")
    browser.get(f"{live_server}/quan-tri/nhap-du-lieu")
    wait_for(browser, "#email")  # not signed in: the sign-in page
    _fill(browser, "email", EMAIL)
    _fill(browser, "password", PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(browser, "#file")
    screenshot(browser, "admin-upload", width=1366, height=900)

    # The annex as published, with one score changed: a correction of the stored 2024 table.
    changed = ANNEX.read_bytes().replace(b'"84,05"', b'"84,15"', 1)
    upload = tmp_path / "Phụ lục 2024 đính chính.csv"
    upload.write_bytes(changed)
    browser.find_element(By.ID, "file").send_keys(str(upload))
    _fill(browser, "year", "2024")
    _fill(browser, "issuer", "Bảng điều khiển (số liệu minh họa)")
    _fill(browser, "document", "Số liệu minh họa 2024, bản sửa")
    _fill(browser, "source_url", "https://example.org/minh-hoa-2024")
    _fill(browser, "replaces", "illustrative-readiness-2024")
    _fill(browser, "reason", "Thử đính chính một điểm số")
    browser.find_element(By.CSS_SELECTOR, "#kind option[value=illustrative]").click()
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()

    _heading_becomes(browser, lambda heading: heading == "Xem trước")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Lỗi: 0;" in text
    assert "Khác với số liệu đang lưu: 1" in text
    screenshot(browser, "admin-preview", width=1366, height=900)
    browser.find_element(By.XPATH, "//button[normalize-space()='Công bố']").click()
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text != "Xem trước")
    screenshot(browser, "admin-published", width=1366, height=900)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Đã công bố", browser.find_element(
        By.TAG_NAME, "main"
    ).text

    browser.find_element(By.PARTIAL_LINK_TEXT, "Xếp hạng: Sở, ban, ngành").click()
    wait_for(browser, "#rankings-grid .ag-row")
    wait_until(browser, lambda d: "84,15" in d.find_element(By.ID, "rankings-grid").text)
    assert console_errors(browser) == []
