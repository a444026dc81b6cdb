"""Leadership's path: from Xã Tịnh Khê's profile to its printed report card of 2025 (a one-page A4 PDF
with its name and score), and the meeting pack of all 96 communes; the card at desktop and phone size."""

from __future__ import annotations

import io
import urllib.request

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By

from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser


def _pdf(url: str) -> PdfReader:
    with urllib.request.urlopen(url, timeout=120) as response:  # the live server on 127.0.0.1
        assert response.headers["Content-Type"] == "application/pdf"
        return PdfReader(io.BytesIO(response.read()))


@pytest.mark.timeout(420)
def test_print_the_report_card_of_tinh_khe_2025(live_server, browser) -> None:
    browser.get(f"{live_server}/don-vi/21211")
    link = wait_for(browser, "a.report-card-link")
    assert link.text == "In thẻ điểm"
    link.click()
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Xã Tịnh Khê")
    assert "/don-vi/21211/the-diem" in browser.current_url
    score = browser.find_elements(By.CSS_SELECTOR, ".kpi .value")[1].text
    assert score == "684,14" and "41/96" in browser.find_element(By.CSS_SELECTOR, ".kpis").text
    assert "MINH HỌA – không phải số liệu thật" in browser.find_element(By.CSS_SELECTOR, ".stamp").text
    screenshot(browser, "report-card", width=1366, height=900)
    screenshot(browser, "report-card", width=390, height=844)
    assert console_errors(browser) == []

    pdf_link = browser.find_element(By.PARTIAL_LINK_TEXT, "Tải PDF").get_attribute("href")
    assert pdf_link.endswith("/don-vi/21211/the-diem.pdf?nam=2025")
    card = _pdf(pdf_link)
    assert len(card.pages) == 1
    box = card.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = card.pages[0].extract_text()
    assert "Xã Tịnh Khê" in text and score in text

    browser.get(f"{live_server}/xep-hang/ban-in?group=commune&year=2025")
    wait_for(browser, "table.ranking tbody tr")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr")) == 96
    screenshot(browser, "meeting-pack", width=1366, height=900)
    pack = _pdf(f"{live_server}/xep-hang/ban-in.pdf?group=commune&year=2025")
    assert len(pack.pages) >= 2 and "Xã Tịnh Khê" in " ".join(p.extract_text() for p in pack.pages)
    assert console_errors(browser) == []
