"""While the database is away a page shows a visible "retrying" banner, then recovers by itself (issue 15)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy.exc import OperationalError

from dashboard import queries
from dashboard.web import rendered

pytestmark = pytest.mark.browser


def _database_down(*args, **kwargs):
    raise OperationalError("SELECT 1", {}, ConnectionRefusedError("the database system is starting up"))


def test_a_database_outage_shows_a_banner_and_the_page_comes_back(browser, live_server, monkeypatch):
    monkeypatch.setattr(queries, "data_version", _database_down)
    monkeypatch.setattr(rendered.versions.watch, "current", lambda engine: None)
    browser.get(live_server + "/xep-hang?year=2018")
    banner = WebDriverWait(browser, 20).until(ec.visibility_of_element_located((By.ID, "outage-banner")))
    assert "đang thử lại" in banner.text
    assert banner.get_attribute("role") == "alert"
    monkeypatch.undo()  # the database is back: the next retry shows the page
    WebDriverWait(browser, 30).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#rankings-grid .ag-row"))
    )
    assert not browser.find_elements(By.ID, "outage-banner")
