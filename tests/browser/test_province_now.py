"""Browser journeys of the province as it is now (issue 11): a citizen finds their new commune by typing
its name without diacritics, a leader compares three communes, and the 96-row ranking on a phone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser


def test_citizen_types_son_tay_and_lands_on_the_2025_profile(browser, live_server):
    browser.get(live_server + "/")
    box = wait_for(browser, "#overview-search")
    box.send_keys("son tay")
    first = wait_for(browser, "#overview-search-results a.search-hit")
    assert first.text == "Xã Sơn Tây"
    # The old district is offered too, with the communes it became.
    results = browser.find_element(By.ID, "overview-search-results").text
    assert "Huyện Sơn Tây (đến 30/6/2025) → nay là: Xã Sơn Tây" in results
    first.click()
    wait_until(browser, lambda d: d.current_url.endswith("/don-vi/21340"))
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Xã Sơn Tây")
    wait_for(browser, "main .js-plotly-plot")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "MINH HỌA." in page and "2025" in page
    assert "Hình thành từ (01/7/2025)" in page and "Huyện Sơn Tây" in page
    assert "Điểm (tối đa 1.000)" in browser.page_source
    assert console_errors(browser) == []


def _pick_by_typing(driver, dropdown_id: str, typed: str, label: str) -> None:
    """Open a dropdown, type without diacritics, and pick the option shown with them."""
    driver.find_element(By.ID, dropdown_id).click()
    search = wait_for(driver, ".dash-dropdown-content input")
    search.send_keys(typed)

    def option(d):
        found = d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-content [role=option]")
        return next((o for o in found if o.get_attribute("textContent").strip() == label), None)

    WebDriverWait(driver, 10, poll_frequency=0.3).until(option).click()
    driver.find_element(By.ID, dropdown_id).send_keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-content [role=option]")
    )


def test_leader_compares_three_communes(browser, live_server):
    browser.get(live_server + "/so-sanh?group=commune")
    wait_for(browser, "#compare-units")
    for typed, label in (
        ("son tay", "Xã Sơn Tây"),
        ("tinh khe", "Xã Tịnh Khê"),
        ("ly son", "Đặc khu Lý Sơn"),
    ):
        _pick_by_typing(browser, "compare-units", typed, label)
    wait_until(browser, lambda d: "21340" in d.current_url and "21548" in d.current_url)
    wait_for(browser, "#compare-results .js-plotly-plot")
    results = browser.find_element(By.ID, "compare-results").text
    assert "MINH HỌA." in results
    for name in ("Xã Sơn Tây", "Xã Tịnh Khê", "Đặc khu Lý Sơn"):
        assert name in results
    assert "Điểm (tối đa 1.000)" in browser.page_source
    assert console_errors(browser) == []
    browser.refresh()
    wait_for(browser, "#compare-results .js-plotly-plot")
    assert "Đặc khu Lý Sơn" in browser.find_element(By.ID, "compare-results").text


def test_96_communes_ranked_on_a_phone_and_filtered_without_diacritics(browser, live_server):
    browser.set_window_size(390, 844)
    browser.get(live_server + "/xep-hang?group=commune&year=2025")
    wait_until(
        browser,
        lambda d: (
            len(d.find_elements(By.CSS_SELECTOR, "#rankings-grid .ag-center-cols-container .ag-row")) == 96
        ),
    )
    grid = browser.find_element(By.ID, "rankings-grid").text
    assert "đơn vị mới" in grid and "▲" not in grid and "▼" not in grid  # no rank change across 2025
    assert browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 1
    browser.find_element(By.ID, "rankings-filter").send_keys("son tay")
    rows = "#rankings-grid .ag-center-cols-container .ag-row"
    # The filter matches earlier names too (views.search.former_names): the Sơn Tây communes and any whose
    # former names match; never all 96.
    wait_until(browser, lambda d: 3 <= len(d.find_elements(By.CSS_SELECTOR, rows)) < 96)
    names = browser.find_element(By.ID, "rankings-grid").text
    assert "Xã Sơn Tây Thượng" in names and "Xã Sơn Tây Hạ" in names
    screenshot(browser, "rankings-communes-2025", width=390, height=844)
    assert console_errors(browser) == []


def test_unknown_group_in_the_url_shows_a_notice(browser, live_server):
    browser.get(live_server + "/xep-hang?group=commune&year=2019")
    notice = wait_for(browser, ".view-notice")
    assert "Năm 2019 không có nhóm “Cấp xã”; đang hiển thị: UBND cấp huyện." in notice.text
    wait_for(browser, "#rankings-grid .ag-row")
    assert console_errors(browser) == []
