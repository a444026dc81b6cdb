"""Real-browser fixtures: the session app on a local thread and a headless Debian Chromium."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """Serve the session app on 127.0.0.1 (a free port) for the browser."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def browser():
    """Headless Chromium whose requests to any other host go to a dead proxy (the network is cut)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
        "--use-gl=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1366,768",
    ):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    """Console messages of level SEVERE, ignoring the GPU driver's chatter."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "GL Driver" not in entry["message"]
    ]


def screenshot(driver, name: str, *, width: int, height: int) -> Path:
    """Save a screenshot of the current page at a window size (for people to look at)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    driver.set_window_size(width, height)
    # Charts resize on the window's resize event; give them a moment before measuring or shooting.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and driver.execute_script(
        "return document.documentElement.scrollWidth > window.innerWidth + 1"
    ):
        time.sleep(0.1)
    time.sleep(0.3)
    path = SCREENSHOTS / f"{name}-{width}x{height}.png"
    driver.save_screenshot(str(path))
    return path
