"""Real-browser fixtures: the session app on a local thread and a headless Debian Chromium."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test, marked or not: scripts/test.sh's second pass (on
    PostgreSQL and Redis) takes only those marked `postgres` from here."""
    for item in items:
        if item.path.is_relative_to(HERE) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@contextlib.contextmanager
def serving(wsgi_app) -> Iterator[str]:
    """Serve a WSGI app on 127.0.0.1 (a free port) in a thread; yields its address ("http://…/").

    Threaded: a single-threaded server sits in the handler of an idle keep-alive connection that Chromium
    holds open, and shutdown() then waits for ever (it hung CI for 10 minutes)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """Serve the session app on 127.0.0.1 (a free port) for the browser."""
    with serving(app.server) as address:
        yield address.rstrip("/")


def _start_chromium():
    """Headless Chromium whose requests to any other host go to a dead proxy (the network is cut)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
        "--window-size=1366,768",
        # Bootstrap scrolls smoothly otherwise, and WebDriver would click before the scroll ends.
        "--force-prefers-reduced-motion",
    ):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    # Every blocking wait is bounded: a page that never loads fails the test instead of hanging CI.
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def _as_new(driver) -> None:
    """Leave nothing of the last test in the browser: a new focused tab (a new sessionStorage and page),
    the others closed, no cookies, no HTTP cache, no granted permissions, no console messages, the first
    window size."""
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    for handle in driver.window_handles:
        if handle != fresh:
            driver.switch_to.window(handle)
            driver.close()
    driver.switch_to.window(fresh)
    driver.execute_cdp_cmd("Page.bringToFront", {})  # else the tab has no focus (the clipboard needs it)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Browser.resetPermissions", {})
    driver.get_log("browser")  # reading the log empties it
    driver.set_window_size(1366, 768)


@pytest.fixture(scope="session")
def _chromium() -> Iterator[list]:
    """One Chromium per test worker, started when a test first needs it: starting and quitting one per
    test cost a minute of the suite. A list, so that a test that breaks it gets a new one."""
    started: list = []
    yield started
    for driver in started:
        driver.quit()


@pytest.fixture
def browser(_chromium: list):
    """The worker's headless Chromium, as a new one would be (see `_as_new`)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian chromium and chromium-driver")
    from selenium.common.exceptions import WebDriverException

    if _chromium:
        try:
            _as_new(_chromium[0])
        except WebDriverException:  # the last test left it unusable (crashed, or an alert open)
            with contextlib.suppress(WebDriverException):
                _chromium.pop().quit()
    if not _chromium:
        _chromium.append(_start_chromium())
    yield _chromium[0]


def console_errors(driver) -> list[str]:
    """Console messages of level SEVERE, ignoring the GPU driver's chatter and the 404 status of a
    not-found page itself (it is answered 404 on purpose, and Chromium logs every 404 document)."""
    page = driver.current_url
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE"
        and "GL Driver" not in entry["message"]
        and not ("status of 404" in entry["message"] and entry["message"].split(" ")[0] == page)
    ]


def allow_clipboard(driver, origin: str) -> None:
    """Headless Chromium lets a page write and read the clipboard only when asked."""
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )


def clipboard(driver) -> str:
    """The clipboard's text, as the page reads it."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done).catch(e => done('error: ' + e));"
    )


def resize(driver, width: int, height: int) -> None:
    """Set the window's size and give the charts, which resize on the window's resize event, up to 3 s
    to fit it."""
    driver.set_window_size(width, height)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and driver.execute_script(
        "return document.documentElement.scrollWidth > window.innerWidth + 1"
    ):
        time.sleep(0.1)


def screenshot(driver, name: str, *, width: int, height: int) -> Path:
    """Save a screenshot of the current page at a window size (for people to look at)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    resize(driver, width, height)
    path = SCREENSHOTS / f"{name}-{width}x{height}.png"
    if os.environ.get("SAVE_SCREENSHOTS", "1") == "0":  # CI: nobody looks, and ~90 shots cost a minute
        return path
    time.sleep(0.3)
    driver.save_screenshot(str(path))
    return path


def choose(driver, dropdown_id: str, label: str, *, multi: bool = False) -> None:
    """Pick an option of a Dash 4 dropdown by its text, as a user would, and wait for the list to close."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    listed = ".dash-dropdown-content [role=option]"  # RadioItems also render role=option

    def open_and_find(d):
        if not d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-content"):
            d.find_element(By.ID, dropdown_id).click()
        # textContent, not .text: options scrolled out of the list's view have no visible text.
        options = d.find_elements(By.CSS_SELECTOR, listed)
        return [o for o in options if o.get_attribute("textContent").strip() == label]

    options = WebDriverWait(driver, 10, poll_frequency=0.5).until(open_and_find)
    driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", options[0])
    options[0].click()
    if multi:  # a multi-select list stays open for more picks
        driver.find_element(By.ID, dropdown_id).send_keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: not d.find_elements(By.CSS_SELECTOR, listed))
    # The open list locks page scrolling; wait until the lock is released.
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script(
            "const s = getComputedStyle(document.body);"
            "return s.overflow !== 'hidden' && s.pointerEvents !== 'none';"
        )
    )


@pytest.fixture
def host_page():
    """Serve a page of another origin (its own port) that frames a given URL, like a newspaper's article."""
    from werkzeug.wrappers import Response

    with contextlib.ExitStack() as servers:

        def serve(src: str) -> str:
            frame = f'<iframe id="embed" src="{src}" width="640" height="520"></iframe>'
            html = f"<!doctype html><h1>Host</h1>{frame}"
            page = Response(html, mimetype="text/html")
            return servers.enter_context(serving(page))

        yield serve
