"""Browser journeys of the press and of citizens comparing 2025 communes: the download dialog gives the table
on screen (96 rows that pandas opens, with the page's ranks and scores), and a single-year comparison draws
bars, never a one-dot line. Screenshots of both at desktop and phone size go to screenshots/."""

from __future__ import annotations

import io
import urllib.request

import pandas as pd
import pytest
from selenium.webdriver.common.by import By

from tests.browser.conftest import console_errors, screenshot
from tests.browser.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser

SIZES = ((1366, 900), (390, 844))
RANKING = "/xep-hang?group=commune&year=2025"


def _grid_cells(driver, column: str) -> list[str]:
    """The text of one grid column, row by row in the order shown (the grid draws every row: autoHeight)."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#rankings-grid .ag-center-cols-container .ag-row')]"
        ".sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))"
        ".map(r => r.querySelector(`[col-id='${arguments[0]}']`).textContent.trim());",
        column,
    )


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # the live server on 127.0.0.1
        return response.read()


@pytest.mark.timeout(240)
def test_journey_download_the_table_on_screen_of_the_2025_commune_ranking(browser, live_server):
    browser.get(live_server + RANKING)
    wait_until(browser, lambda d: len(_grid_cells(d, "rank")) == 96)
    ranks, scores = _grid_cells(browser, "rank"), _grid_cells(browser, "value")
    browser.find_element(By.CSS_SELECTOR, ".download-open").click()
    wait_until(browser, lambda d: "96 dòng" in d.find_element(By.CSS_SELECTOR, ".download-screen").text)
    dialog = browser.find_element(By.CSS_SELECTOR, ".download-dialog")
    assert "kB" in dialog.text and "Trích dẫn" in dialog.text
    for width, height in SIZES:
        screenshot(browser, "download-dialog", width=width, height=height)
    links = {
        link.get_attribute("data-format"): link.get_attribute("href")
        for link in browser.find_elements(By.CSS_SELECTOR, ".download-screen a[data-format]")
    }
    name = browser.find_element(By.CSS_SELECTOR, ".download-screen a[data-format=csv]").get_attribute(
        "download"
    )
    assert name == "xep-hang-cap-xa-2025-chi-so-chuyen-doi-so-2025.csv"
    for fmt, read in (("csv", pd.read_csv), ("xlsx", pd.read_excel)):
        frame = read(io.BytesIO(_fetch(links[fmt])))
        assert len(frame) == 96
        assert [str(r) for r in frame["Hạng"]] == ranks  # the page's ranks, in its order
        assert [
            f"{v:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") for v in frame["Điểm"]
        ] == scores
    assert console_errors(browser) == []


def _figure_traces(driver) -> list[list[tuple[str, str, int]]]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#compare-results .js-plotly-plot')].map(p => "
        "p.data.map(t => [t.type, t.mode || '', (t.x || []).filter(v => v !== null).length]));"
    )


@pytest.mark.timeout(240)
def test_journey_compare_three_2025_communes_without_a_one_dot_line(browser, live_server):
    browser.get(live_server + "/so-sanh")  # opens on the top three communes of the latest year
    wait_for(browser, "#compare-results .js-plotly-plot")
    wait_until(browser, lambda d: len(_figure_traces(d)) >= 2)
    selected = browser.find_elements(
        By.CSS_SELECTOR, "#compare-units .dash-dropdown-value-item, #compare-units [class*='value']"
    )
    assert selected, "the page opens with units picked"
    figures = _figure_traces(browser)
    traces = [trace for figure in figures for trace in figure]
    bars = [trace for trace in traces if trace[0] == "bar"]
    assert bars and all(count == 3 for _, _, count in bars[:1])  # three units side by side
    assert not [t for t in traces if t[0] == "scatter" and "lines" in t[1] and t[2] <= 1]
    assert any(len(figure) == 3 and all(t[0] == "bar" and t[2] == 8 for t in figure) for figure in figures)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#compare-results .gtitle')].map(t => t.textContent);"
    )
    assert any("2025" in title for title in titles) and not any("2012" in title for title in titles)
    for width, height in SIZES:
        screenshot(browser, "compare-single-year", width=width, height=height)
    assert console_errors(browser) == []


@pytest.mark.timeout(120)
def test_the_download_dialog_is_a_modal_for_the_keyboard(browser, live_server):
    """Enter opens it with the focus inside, Tab stays inside, Escape closes it and the focus goes back."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(key: str) -> None:  # to whatever has the focus, as a keyboard does
        ActionChains(browser).send_keys(key).perform()

    browser.get(live_server + RANKING)
    wait_until(browser, lambda d: len(_grid_cells(d, "rank")) == 96)  # the view is drawn: nothing re-renders
    browser.execute_script("document.querySelector('.download-open').focus()")
    press(Keys.ENTER)
    is_open = "return document.querySelector('dialog.download-dialog').open"
    wait_until(browser, lambda d: d.execute_script(is_open))
    inside = "return document.querySelector('dialog.download-dialog').contains(document.activeElement)"
    assert browser.execute_script(inside)
    # The page behind is inert: past the dialog's last control the focus goes to the browser's own UI
    # (the document itself, <body>, as the page sees it), then back into the dialog; never to the page.
    outside = "const a = document.activeElement; return a === document.body ? '' : a.outerHTML.slice(0, 120)"
    for _ in range(12):  # more Tabs than the dialog has controls
        press(Keys.TAB)
        assert browser.execute_script(inside) or browser.execute_script(outside) == ""
    press(Keys.ESCAPE)
    wait_until(browser, lambda d: not d.execute_script(is_open))
    assert browser.execute_script("return document.activeElement.classList.contains('download-open')")
    assert console_errors(browser) == []


@pytest.mark.timeout(240)
def test_journey_download_the_differences_of_a_comparison_on_a_phone(browser, live_server):
    """The compare page's table on screen: the years of its differences table, in its order, from a
    dialog that fits a phone (a long address in the citation once widened it by 100 px)."""
    browser.set_window_size(390, 844)
    browser.get(live_server + "/so-sanh?units=522,525,526&group=district")
    wait_for(browser, "#compare-results .js-plotly-plot")
    rows = "#compare-results table.table-striped tbody th"
    years = [cell.get_attribute("textContent") for cell in browser.find_elements(By.CSS_SELECTOR, rows)]
    button = browser.find_element(By.CSS_SELECTOR, ".download-open")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    shown = f"{len(years)} dòng"
    wait_until(browser, lambda d: shown in d.find_element(By.CSS_SELECTOR, ".download-screen").text)
    sideways = (
        "const b = document.querySelector('.download-dialog .download-dialog-body');"
        "return b.scrollWidth - b.clientWidth;"
    )
    assert browser.execute_script(sideways) <= 1
    screenshot(browser, "download-dialog-compare", width=390, height=844)
    link = browser.find_element(By.CSS_SELECTOR, ".download-screen a[data-format=csv]")
    assert (
        link.get_attribute("download")
        == "so-sanh-cap-huyen-522-525-526-tong-diem-theo-phuong-phap-cua-tung-nam.csv"
    )
    frame = pd.read_csv(io.BytesIO(_fetch(link.get_attribute("href"))))
    assert [str(year) for year in frame["Năm"]] == years  # newest first, as the page shows them
    assert console_errors(browser) == []
