"""The map card in a real browser: find a unit by typing its name without accents, see it outlined, click it
to open its profile."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.integration.conftest import console_errors

pytestmark = pytest.mark.browser

HIGHLIGHT = """
const gd = document.querySelector('#overview-map .js-plotly-plot');
const trace = gd && gd.data.find(t => t.type === 'choropleth' && t.marker && t.marker.line
                                  && t.marker.line.width >= 3);
return trace ? trace.locations : null;
"""


def test_journey_find_a_district_on_the_map_and_open_it(browser, live_server):
    browser.get(live_server + "/?year=2022&group=district")
    wait = WebDriverWait(browser, 20)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#overview-map path.choroplethlocation")))
    # Names wrap onto lines (tspans), so compare them without spaces.
    names = [
        t.text.replace(" ", "")
        for t in browser.find_elements(By.CSS_SELECTOR, "#overview-map .scattergeo text")
    ]
    assert "SơnTây" in names and len([n for n in names if n]) == 13  # every square is named
    browser.find_element(By.ID, "overview-map-search").click()
    box = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".dash-dropdown-content input")))
    box.send_keys("son tay")  # no accents
    option = wait.until(
        lambda d: next(
            (o for o in d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-content [role=option]")
             if o.get_attribute("textContent").strip() == "Sơn Tây"),
            None,
        )
    )  # fmt: skip
    option.click()
    wait.until(lambda d: d.execute_script(HIGHLIGHT) == ["530"])
    tile = next(
        p for p in browser.find_elements(By.CSS_SELECTOR, "#overview-map path.choroplethlocation")
        if browser.execute_script("return arguments[0].__data__.loc", p) == "530"
    )  # fmt: skip
    ActionChains(browser).move_to_element(tile).pause(0.3).click().perform()
    wait.until(lambda d: "/don-vi/530" in d.current_url)
    assert console_errors(browser) == []
