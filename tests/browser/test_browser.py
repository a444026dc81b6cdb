"""Main user journeys in a real browser (Debian chromium + chromium-driver, headless, network cut)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import choose, console_errors, screenshot

pytestmark = pytest.mark.browser

PAGES = [
    ("overview", "/", "#overview-map .js-plotly-plot"),
    ("rankings", "/xep-hang", "#rankings-grid .ag-row"),
    ("profile", "/don-vi/525", ".js-plotly-plot"),
    ("accessibility", "/tro-nang", "main h1"),
    ("not-found", "/khong-co", "main h1"),
]


# Poll every 0.1 s (selenium's default is 0.5 s: up to half a second lost on every wait, ~1,000 waits a run).
POLL = 0.1


def wait_for(driver, selector: str, timeout: float = 20):
    return WebDriverWait(driver, timeout, poll_frequency=POLL).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, selector))
    )


def wait_until(driver, condition, timeout: float = 20):
    # A Dash re-render replaces elements between two polls: a stale one means "not yet", never a failure.
    wait = WebDriverWait(
        driver,
        timeout,
        poll_frequency=POLL,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )
    return wait.until(lambda d: condition(d))


@pytest.mark.parametrize(("name", "path", "ready"), PAGES)
def test_page_loads_without_console_errors(browser, live_server, name, path, ready):
    browser.get(live_server + path)
    wait_for(browser, ready)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    # An unknown page is answered 404 (with the not-found page), which Chromium reports in the console.
    assert [e for e in console_errors(browser) if not (name == "not-found" and "status of 404" in e)] == []
    for width, height in ((1366, 768), (390, 844)):
        screenshot(browser, name, width=width, height=height)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"


def test_journey_rankings_switch_year_open_profile(browser, live_server):
    browser.get(live_server + "/xep-hang?year=2024&group=district")
    wait_for(browser, "#rankings-grid .ag-row")
    choose(browser, "rankings-year", "2019")
    wait_until(browser, lambda d: "Năm 2019" in d.find_element(By.ID, "rankings-summary").text)
    wait_until(browser, lambda d: "year=2019" in d.current_url)
    link = wait_for(browser, "#rankings-grid a[href*='/don-vi/526']")
    assert link.text == "Huyện Tây Trà"
    link.click()
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Huyện Tây Trà")
    assert "/don-vi/526" in browser.current_url
    assert console_errors(browser) == []


def test_journey_map_year_and_index_survive_a_shared_url(browser, live_server):
    browser.get(live_server + "/?year=2024")  # the districts: 2025 has communes
    wait_for(browser, "#overview-map .js-plotly-plot")
    choose(browser, "overview-year", "2019")
    wait_until(browser, lambda d: "year=2019" in d.current_url)
    choose(browser, "overview-index", "Nhân lực")
    wait_until(browser, lambda d: "index=ITR_HR" in d.current_url)
    summary = browser.find_element(By.ID, "overview-summary").text
    shared = browser.current_url
    browser.get("about:blank")
    browser.get(shared)
    wait_for(browser, "#overview-map .js-plotly-plot")
    assert browser.find_element(By.ID, "overview-summary").text == summary
    assert "Nhân lực" in browser.find_element(By.ID, "overview-index").text
    assert console_errors(browser) == []


def test_language_switch_keeps_the_view(browser, live_server):
    browser.get(live_server + "/xep-hang?year=2017&group=department")
    wait_for(browser, "#rankings-grid .ag-row")
    browser.find_element(By.ID, "lang-switch").click()
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert "year=2017" in browser.current_url and "lang=en" in browser.current_url
    wait_for(browser, "#rankings-grid .ag-row")
    assert "In 2017" in browser.find_element(By.ID, "rankings-summary").text


def test_play_steps_through_the_years_and_pause_stops_it(browser, live_server):
    browser.get(live_server + "/?year=2019")
    wait_for(browser, "#overview-map .js-plotly-plot")
    play = browser.find_element(By.ID, "overview-play")
    label = play.text
    play.click()
    wait_until(browser, lambda d: "year=2020" in d.current_url)  # one tick (1.6 s) later
    assert "2020" in browser.find_element(By.ID, "overview-year").text
    assert "2020" in browser.find_element(By.ID, "overview-summary").text
    browser.find_element(By.ID, "overview-play").click()  # now labelled pause
    wait_until(browser, lambda d: d.find_element(By.ID, "overview-play").text == label)
    stopped = browser.current_url
    with pytest.raises(TimeoutException):  # no further year in two ticks' time
        WebDriverWait(browser, 3.5).until(lambda d: d.current_url != stopped)
    assert console_errors(browser) == []
