"""The map card in a real browser: find a unit by typing its name without accents, see it outlined, click it
to open its profile."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import console_errors

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


LEGEND = """
const gd = document.querySelector('#overview-map .js-plotly-plot');
return gd ? gd.data.filter(t => t.showlegend).map(t => t.name) : null;
"""


def test_a_leader_colours_the_map_by_class_and_back_by_score(browser, live_server):
    from tests.browser.conftest import screenshot

    browser.get(live_server + "/?year=2022&group=district&colour=class")
    wait = WebDriverWait(browser, 20)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#overview-map path.choroplethlocation")))
    assert browser.execute_script(LEGEND) == ["Không có số liệu", "Tốt", "Khá", "Trung bình", "Yếu"]
    screenshot(browser, "overview-by-class", width=1366, height=900)
    browser.find_element(By.CSS_SELECTOR, "#overview-colour input[value=score]").click()
    wait.until(lambda d: d.execute_script(LEGEND) == ["Không có số liệu"])
    wait.until(lambda d: "colour=" not in d.current_url)
    browser.find_element(By.CSS_SELECTOR, "#overview-colour input[value=class]").click()
    wait.until(lambda d: "colour=class" in d.current_url and len(d.execute_script(LEGEND) or []) == 5)
    # 2025 communes: the method defines no classes, so the choice is not offered and the map is by score.
    browser.get(live_server + "/?year=2025&group=commune&colour=class")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#overview-map path.choroplethlocation")))
    assert not browser.find_element(By.ID, "overview-colour-control").is_displayed()
    assert browser.execute_script(LEGEND) == ["Không có số liệu"]
    assert console_errors(browser) == []
