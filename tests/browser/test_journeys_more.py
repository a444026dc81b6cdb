"""Browser journeys of the compare, e-documents, national and embed pages (headless Chromium, network cut).

Uses the session app on a live server thread (tests/browser/conftest.py): a second Dash app in the same
process would lose its callbacks, so `dash_duo` with its own app is not used.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.browser.conftest import allow_clipboard, choose, clipboard, console_errors, screenshot
from tests.browser.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser

SIZES = ((1366, 768), (390, 844))


def no_sideways_scroll(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize(
    ("name", "path", "ready"),
    [
        ("compare", "/so-sanh?units=522,526,525", "#compare-results .js-plotly-plot"),
        ("edocs", "/van-ban-dien-tu", "#edocs-unit-section .js-plotly-plot"),
        ("national", "/ca-nuoc", "#national-grid .ag-row"),
        ("methodology", "/phuong-phap", "main h1"),
    ],
)
def test_pages_load_without_console_errors(browser, live_server, name, path, ready):
    browser.get(live_server + path)
    wait_for(browser, ready)
    assert console_errors(browser) == []
    for width, height in SIZES:
        screenshot(browser, name, width=width, height=height)
        assert no_sideways_scroll(browser) <= 1, f"{name} scrolls sideways at {width}px"


def _text_without_charts(driver, element_id: str) -> str:
    return driver.execute_script(
        "const copy = document.getElementById(arguments[0]).cloneNode(true);"
        "copy.querySelectorAll('.js-plotly-plot').forEach(p => p.remove());"
        "return copy.textContent;",
        element_id,
    )


def test_journey_compare_two_districts_and_reload(browser, live_server):
    browser.get(live_server + "/so-sanh?group=district")  # without a group it opens on 2025's communes
    wait_for(browser, "#compare-units")
    choose(browser, "compare-units", "Huyện Bình Sơn", multi=True)
    choose(browser, "compare-units", "Huyện Tây Trà (đến 2019)", multi=True)  # ended: the label says so
    wait_until(browser, lambda d: "units=524%2C526" in d.current_url or "units=524,526" in d.current_url)
    wait_for(browser, "#compare-results .js-plotly-plot")
    before = _text_without_charts(browser, "compare-results")
    assert "2019" in before and "Trà Bồng" in before
    browser.refresh()
    wait_for(browser, "#compare-results .js-plotly-plot")
    # The same view after a reload: every heading, table and note (charts draw their text in their own time).
    wait_until(browser, lambda d: _text_without_charts(d, "compare-results") == before)
    assert console_errors(browser) == []


def test_journey_edocs_in_english(browser, live_server):
    browser.get(live_server + "/van-ban-dien-tu?lang=en")
    wait_for(browser, "#edocs-unit-section .js-plotly-plot")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    body = browser.find_element(By.TAG_NAME, "main").text
    assert "over 99 %" in body and "ILLUSTRATIVE" in body
    choose(browser, "edocs-year", "2018")
    wait_until(browser, lambda d: "year=2018" in d.current_url and "lang=en" in d.current_url)
    wait_until(browser, lambda d: "2018" in d.find_element(By.ID, "edocs-unit-section").text)
    for width, height in SIZES:
        screenshot(browser, "edocs-en", width=width, height=height)


def test_journey_embed_inside_an_iframe(host_page, live_server, browser):
    # host_page first: fixtures are torn down in reverse, so the browser quits before the host page stops.
    browser.get(host_page(f"{live_server}/nhung/don-vi/525?lang=en"))
    frame = wait_for(browser, "#embed")
    browser.switch_to.frame(frame)
    wait_for(browser, ".js-plotly-plot")
    assert not browser.find_elements(By.CSS_SELECTOR, ".site-nav, .site-footer")
    link = browser.find_element(By.CSS_SELECTOR, ".embed-page a[href*='/don-vi/525']")
    assert "lang=en" in link.get_attribute("href")
    browser.switch_to.default_content()
    screenshot(browser, "embed-iframe", width=800, height=700)


@pytest.mark.timeout(180)
def test_journey_a_reporter_cites_the_national_table_chart(browser, live_server):
    """Pick the 2024 DTI table on /ca-nuoc, open its chart's tools, copy the citation (the report it is read
    from, dated as that page shows it) and the link (the address with the table chosen)."""
    allow_clipboard(browser, live_server)
    browser.get(live_server + "/ca-nuoc")
    wait_for(browser, "#national-grid .ag-row")
    browser.find_element(By.ID, "national-table").click()
    wait_for(browser, ".dash-dropdown-search").send_keys("(DTI) – 2024")  # 39 tables: narrow the list first
    choose(browser, "national-table", "Chỉ số chuyển đổi số cấp tỉnh (DTI) – 2024")
    wait_until(browser, lambda d: "table=NAT_DTI-2024" in d.current_url)
    card = "#national-table-chart .chart-card"
    wait_until(
        browser,
        lambda d: (
            "(DTI) 2024"
            in d.find_element(By.CSS_SELECTOR, f"{card} .chart-citation").get_attribute("textContent")
        ),
    )
    browser.find_element(By.CSS_SELECTOR, f"{card} .chart-toolbar > summary").click()
    tools = {t.text: t for t in browser.find_elements(By.CSS_SELECTOR, f"{card} .chart-tool")}
    assert list(tools) == ["Sao chép liên kết", "Trích dẫn"]  # no embed: the national page has none
    tools["Trích dẫn"].find_element(By.CSS_SELECTOR, ".copy-button").click()
    shown = browser.find_element(By.CSS_SELECTOR, f"{card} .chart-citation").text
    wait_until(browser, lambda d: clipboard(d) == shown)
    source = (
        "Số liệu gốc: Báo Đà Nẵng (en.baodanang.vn; đăng lại) – 21/10/2025, https://demo1022.hasontech.vn/"
    )
    assert source in shown
    assert f"{live_server}/ca-nuoc?table=NAT_DTI-2024" in shown and "MINH HỌA" not in shown
    tools["Sao chép liên kết"].find_element(By.CSS_SELECTOR, ".copy-button").click()
    wait_until(browser, lambda d: clipboard(d) == d.current_url)  # the address as it is now
    for width, height in SIZES:
        browser.set_window_size(width, height)
        browser.execute_script(f"document.querySelector('{card}').scrollIntoView()")
        screenshot(browser, "national-chart-tools", width=width, height=height)
    assert console_errors(browser) == []
