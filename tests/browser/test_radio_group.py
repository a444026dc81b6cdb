"""The group radio buttons (our own small component, no component library) in a real browser: Bootstrap's
markup, a click changes the view and the address, the arrow keys move the choice."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import console_errors

pytestmark = pytest.mark.browser

RADIOS = "#overview-group input.form-check-input[type=radio]"


@pytest.mark.timeout(300)
def test_group_radios_change_the_view_by_click_and_by_arrow_key(browser, live_server):
    browser.get(live_server + "/?year=2022")
    wait = WebDriverWait(browser, 30)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#overview-map path.choroplethlocation")))
    radios = browser.find_elements(By.CSS_SELECTOR, RADIOS)
    assert len(radios) >= 2
    assert [r.is_selected() for r in radios].count(True) == 1
    labels = browser.find_elements(By.CSS_SELECTOR, "#overview-group label.form-check-label")
    assert [label.get_attribute("for") for label in labels] == [r.get_attribute("id") for r in radios]
    second = radios[1].get_attribute("value")
    labels[1].click()
    wait.until(lambda d: f"group={second}" in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, RADIOS)[1].is_selected()
    browser.find_elements(By.CSS_SELECTOR, RADIOS)[1].send_keys(Keys.ARROW_LEFT)
    first = radios[0].get_attribute("value")
    wait.until(lambda d: f"group={first}" in d.current_url or "group=" not in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, RADIOS)[0].is_selected()
    assert console_errors(browser) == []
