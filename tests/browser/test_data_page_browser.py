"""The catalogue's corrections section and the officer's guide in a real browser (network cut)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import console_errors

pytestmark = pytest.mark.browser


def test_catalogue_shows_corrections_and_links_the_guide(browser, live_server):
    browser.get(live_server + "/du-lieu")
    section = WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.ID, "dinh-chinh")))
    assert "Đính chính" in section.text
    assert console_errors(browser) == []
    link = browser.find_element(By.CSS_SELECTOR, "a[href='/api/v1/docs/huong-dan-cong-bo.html']")
    browser.get(link.get_attribute("href"))
    heading = WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
    assert heading.text.startswith("Hướng dẫn cán bộ")
    assert console_errors(browser) == []
