"""Take a headless-Chromium screenshot of a page (Debian chromium + chromium-driver).

python scripts/screenshot.py URL OUT.png [--width 1366] [--height 900] [--wait 4]
"""

from __future__ import annotations

import argparse
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser(width: int, height: int) -> webdriver.Chrome:
    """A headless Chromium that never reaches the network on its own."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-unsafe-swiftshader",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--wait", type=float, default=4.0)
    parser.add_argument("--full", action="store_true", help="capture the whole page height")
    args = parser.parse_args()
    driver = browser(args.width, args.height)
    try:
        driver.get(args.url)
        time.sleep(args.wait)
        if args.full:
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(args.width, min(height + 100, 6000))
            time.sleep(1)
        driver.save_screenshot(args.out)
        for entry in driver.get_log("browser"):
            print(entry["level"], entry["message"][:300])
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
