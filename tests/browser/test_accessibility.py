"""WCAG 2.2 AA in a real browser: axe-core on every page of the README's page table in both languages at
desktop and phone size, reflow at 320 px, and the keyboard journeys (skip link, rankings grid to profile).

axe-core comes from the npm registry through `tests/browser/axe/package-lock.json` (installed by
`scripts/test.sh`) and is injected from that local file: nothing is fetched while the tests run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.conftest import (
    SCREENSHOTS,
    allow_clipboard,
    clipboard,
    console_errors,
    resize,
    screenshot,
)
from tests.browser.test_browser import wait_for, wait_until

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
# Moderate rules the embedded views pass and must keep passing (one <h1>, everything in a landmark).
EMBED_RULES = {"page-has-heading-one", "region"}
# (name, path, what shows that the page is drawn): the README's page table, the statement and a 404.
PAGES = [
    ("overview", "/", "#overview-map .js-plotly-plot"),
    ("rankings", "/xep-hang", "#rankings-grid .ag-row"),
    ("profile", "/don-vi/525", "main .js-plotly-plot"),
    ("compare", "/so-sanh?units=522,525", "#compare-results .js-plotly-plot"),
    ("edocs", "/van-ban-dien-tu", "#edocs-unit-section .js-plotly-plot"),
    ("national", "/ca-nuoc", "#national-grid .ag-row"),
    ("methodology", "/phuong-phap", "main h1"),
    ("data", "/du-lieu", "main h1"),
    ("licence", "/giay-phep", "main h1"),
    ("accessibility", "/tro-nang", "main h1"),
    ("embed-map", "/nhung/ban-do", ".js-plotly-plot"),
    ("embed-unit", "/nhung/don-vi/525", ".js-plotly-plot"),
    ("embed-compare", "/nhung/so-sanh?units=522,525", ".js-plotly-plot"),
    ("not-found", "/khong-co", "main h1"),
]
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
# A11Y_PAGES=national,profile runs the axe and reflow passes on those pages only (a change to a few
# pages, on a busy machine); unset, every page is visited.
CHOSEN = {name for name in os.environ.get("A11Y_PAGES", "").split(",") if name}


def url(live_server: str, path: str, lang: str) -> str:
    if lang == "vi":
        return live_server + path
    return live_server + path + ("&" if "?" in path else "?") + "lang=en"


def open_page(driver, address: str, ready: str) -> None:
    """Load a page and wait until it is drawn and no callback is pending."""
    driver.get(address)
    wait_for(driver, ready)
    busy = "[data-dash-is-loading], .loading-frame"
    wait_until(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, busy))
    time.sleep(0.3)  # a11y.js names controls on the next animation frame


def axe_violations(driver, run_only: dict | None = None) -> list[dict]:
    """Run axe-core on the page; return its violations of the WCAG 2.2 A/AA rules (or of `run_only`,
    axe's own option: {"type": "rule", "values": [...]})."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: arguments[0], resultTypes: ["violations"]})
          .then(r => done(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))))
          .catch(e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));""",
        run_only or {"type": "tag", "values": AXE_TAGS},
    )


@pytest.fixture
def axe_ready():
    if not AXE.exists():
        pytest.skip("axe-core is not installed: npm ci --prefix tests/browser/axe (scripts/test.sh does)")


def blocking_and_other(driver, name: str, lang: str, width: int) -> tuple[list[str], list[str]]:
    """axe-core's findings on the page as it is now: (serious or critical ones, the others)."""
    found = axe_violations(driver)
    if name.startswith("embed"):  # best-practice rules, which the WCAG tags do not run
        found += axe_violations(driver, {"type": "rule", "values": sorted(EMBED_RULES)})
    failures, moderate = [], []
    for violation in found:
        line = f"{name} ({lang}, {width}px): {violation['impact']} {violation['id']}"
        line += f" – {violation['help']} – {violation['nodes']}"
        blocking = violation["impact"] in BLOCKING
        blocking |= name.startswith("embed") and violation["id"] in EMBED_RULES
        (failures if blocking else moderate).append(line)
    return failures, moderate


# Each of these two tests visits all 14 pages in one browser session, at three widths: the suite's 120 s
# per test was too tight for that when both cores were busy.
@pytest.mark.timeout(300)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_passes_axe_at_desktop_and_phone_size_and_reflows_at_320px(
    browser, live_server, axe_ready, lang
):
    """Each page is loaded once, at desktop size, and checked there; the window is then narrowed to a
    phone and checked again, then to 320 CSS px, where nothing may need sideways scrolling (WCAG 1.4.10
    Reflow is about exactly this: the same page in a narrower viewport)."""
    failures, moderate, wide = [], [], []
    for name, path, ready in PAGES:
        if CHOSEN and name not in CHOSEN:
            continue
        browser.set_window_size(*SIZES["desktop"])
        open_page(browser, url(live_server, path, lang), ready)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, name
        for width, height in SIZES.values():
            # Charts and grids relayout on the resize event; screenshot() waits until they fit.
            screenshot(browser, f"a11y-{name}-{lang}", width=width, height=height)
            blocking, other = blocking_and_other(browser, name, lang, width)
            failures += blocking
            moderate += other
        resize(browser, 320, 800)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            wide.append(f"{name} ({lang}) is {overflow}px too wide at 320px")
    # Moderate and minor findings are listed for people, not failed on.
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / f"axe-other-{lang}.txt").write_text("\n".join(moderate) + "\n", encoding="utf-8")
    assert failures == [], "\n".join(failures)
    assert wide == []
    assert console_errors(browser) == []


def focused(driver):
    return driver.switch_to.active_element


def assert_focus_on_heading(driver, page: str) -> None:
    """Wait (bounded) until the focus is on the page's <h1>; say where it is otherwise."""
    from selenium.common.exceptions import TimeoutException

    try:
        wait_until(driver, lambda d: focused(d).tag_name == "h1", timeout=10)
    except TimeoutException:
        element = focused(driver)
        where = f"<{element.tag_name} class='{element.get_attribute('class')}'>"
        pytest.fail(f"{page}: after the skip link the focus is on {where}, not on the page's heading")


def test_skip_link_lands_on_the_heading_of_every_page(browser, live_server):
    browser.set_window_size(1366, 900)
    for name, path, ready in PAGES:
        if name.startswith("embed"):
            continue  # chrome-less views have no header
        open_page(browser, live_server + path, ready)  # nothing focused yet: Tab starts at the top
        ActionChains(browser).send_keys(Keys.TAB).perform()
        assert "skip-link" in (focused(browser).get_attribute("class") or ""), name
        before = browser.current_url
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        assert_focus_on_heading(browser, name)
        assert focused(browser).text == browser.find_element(By.CSS_SELECTOR, "main h1").text, name
        assert browser.current_url == before, f"{name}: the skip link changed the URL"


def test_skip_link_after_opening_a_page_from_the_menu(browser, live_server):
    """The failure of the issue: after a menu click, the skip link dropped the focus to <body>."""
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/phuong-phap", "main h1")
    for target, ready in (("/xep-hang", "#rankings-grid .ag-row"), ("/", "#overview-map .js-plotly-plot")):
        browser.find_element(By.CSS_SELECTOR, f".site-nav a.nav-link[href='{target}']").click()
        # The page may write its view into the query string (replaceState): compare paths only.
        wait_until(browser, lambda d, target=target: urlsplit(d.current_url).path == target)
        open_page(browser, browser.current_url, ready)
        browser.find_element(By.CSS_SELECTOR, ".skip-link").send_keys(Keys.ENTER)
        assert_focus_on_heading(browser, target)
        time.sleep(0.5)  # a router re-run would replace the page (and drop the focus) after this
        assert focused(browser).tag_name == "h1", target
        assert "#" not in browser.current_url


def test_keyboard_reaches_a_unit_link_in_the_rankings_grid_and_opens_the_profile(browser, live_server):
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/xep-hang?year=2024&group=district", "#rankings-grid .ag-row")
    for _ in range(40):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        element = focused(browser)
        link = element if element.tag_name == "a" else None
        if link is None and "ag-cell" in (element.get_attribute("class") or ""):
            links = element.find_elements(By.CSS_SELECTOR, "a[href*='/don-vi/']")
            link = links[0] if links else None
        if link is not None and "/don-vi/" in (link.get_attribute("href") or ""):
            break
    else:
        pytest.fail("40 presses of Tab did not reach a unit link in the grid")
    name = link.text
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_until(browser, lambda d: "/don-vi/" in d.current_url)
    wait_until(browser, lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text == name)


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("lang", "name", "key"), [("vi", "Trích dẫn", Keys.ENTER), ("en", "Cite this", Keys.SPACE)]
)
def test_keyboard_reaches_a_charts_cite_button_and_copies_the_citation(browser, live_server, lang, name, key):
    """dcc.Clipboard draws a <div>: Tab must reach it (a named button with a focus ring) and Enter or Space
    must copy, as a click does."""
    allow_clipboard(browser, live_server)
    browser.set_window_size(1366, 900)
    open_page(browser, url(live_server, "/ca-nuoc", lang), "#national-grid .ag-row")
    browser.execute_script("return navigator.clipboard.writeText('nothing copied yet')")
    card = "#national-table-chart .chart-card"
    summary = browser.find_element(By.CSS_SELECTOR, f"{card} .chart-toolbar > summary")
    browser.execute_script("arguments[0].focus()", summary)
    ActionChains(browser).send_keys(Keys.ENTER).perform()  # opens the chart's tools
    for _ in range(4):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if focused(browser).get_attribute("aria-label") == name:
            break
    else:
        pytest.fail(f"Tab did not reach the '{name}' button of the chart's tools")
    button = focused(browser)
    assert button.get_attribute("role") == "button" and "copy-button" in button.get_attribute("class")
    ring = browser.execute_script(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth];"
    )
    assert ring[0] == "solid" and float(ring[1].rstrip("px")) >= 2
    before = browser.execute_script("return window.scrollY")
    ActionChains(browser).send_keys(key).perform()
    shown = browser.find_element(By.CSS_SELECTOR, f"{card} .chart-citation").text
    assert name != shown and "/ca-nuoc" in shown
    wait_until(browser, lambda d: clipboard(d) == shown)
    assert browser.execute_script("return window.scrollY") == before  # Space copies, it does not scroll
    assert console_errors(browser) == []


def test_menu_focus_is_visible(browser, live_server):
    """The focus ring of the current page's menu link stands out (3:1 against the menu's blue)."""
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/xep-hang", "#rankings-grid .ag-row")
    link = browser.find_element(By.CSS_SELECTOR, ".site-nav a.nav-link.active")
    browser.execute_script("arguments[0].focus()", link)
    ActionChains(browser).send_keys(Keys.SHIFT + Keys.TAB).send_keys(Keys.TAB).perform()
    style = browser.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, s.outlineWidth, s.outlineColor];"
    )
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 2
    assert style[2] == "rgb(255, 211, 61)"  # #ffd33d: 5.9:1 on the menu's #0b4f8a


def saved_chart_svg(driver, selector: str) -> str:
    """The SVG a reader would save from the chart's toolbar (the decorated copy, drawn off-screen)."""
    return driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        const gd = document.querySelector(arguments[0]);
        Plotly.toImage(Plotly.exportFigure(gd), {format: "svg"})
          .then(url => done(decodeURIComponent(url.slice(url.indexOf(",") + 1))))
          .catch(e => done("error: " + e));""",
        selector,
    )


def test_a_saved_chart_carries_title_source_address_and_the_illustrative_stamp(browser, live_server):
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/don-vi/525", "main .js-plotly-plot")
    svg = saved_chart_svg(browser, "main .js-plotly-plot")
    title = browser.execute_script("return document.querySelector('main .js-plotly-plot').layout.title.text")
    assert title and all(line in svg for line in title.split("<br>"))  # titles are broken to fit phones
    # The chart's source line (for generated figures it starts with the label instead of "Nguồn").
    source = browser.execute_script(
        "return document.querySelector('main .js-plotly-plot').layout.annotations[0].text"
    )
    assert source[:24] in svg and f"{live_server}/don-vi/525" in svg
    assert "MINH HỌA – không phải số liệu thật" in svg
    assert "Huyện Trà Bồng" in svg  # the page's heading as subtitle


def test_a_saved_chart_of_published_figures_has_no_stamp(browser, live_server):
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/ca-nuoc?lang=en", "#national-grid .ag-row")
    svg = saved_chart_svg(browser, "main .js-plotly-plot")
    assert f"{live_server}/ca-nuoc?lang=en" in svg.replace("&amp;", "&")
    assert "ILLUSTRATIVE" not in svg and "MINH HỌA" not in svg


def test_vietnamese_pages_have_vietnamese_controls_and_toolbars(browser, live_server):
    """Dash's dropdown and plotly.js's toolbar speak the page's language (locales, not English defaults)."""
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/so-sanh?units=522,525", "#compare-results .js-plotly-plot")
    assert "Đã chọn 2" in browser.find_element(By.ID, "compare-units").text
    titles = [b.get_attribute("data-title") for b in browser.find_elements(By.CSS_SELECTOR, ".modebar-btn")]
    assert "Tải biểu đồ dạng PNG" in titles and not any("Download" in (t or "") for t in titles)
    open_page(browser, live_server + "/so-sanh?units=522,525&lang=en", "#compare-results .js-plotly-plot")
    assert "2 selected" in browser.find_element(By.ID, "compare-units").text


def test_names_are_found_without_diacritics(browser, live_server):
    """'son tay' finds Huyện Sơn Tây in the rankings filter and in the compare selector; 'tinh ky' (an old
    commune) finds Xã Tịnh Khê in the rankings filter."""
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/xep-hang?year=2019&group=district", "#rankings-grid .ag-row")
    browser.find_element(By.ID, "rankings-filter").send_keys("son tay")
    wait_until(
        browser,
        lambda d: (
            [
                r.text
                for r in d.find_elements(
                    By.CSS_SELECTOR, "#rankings-grid .ag-center-cols-container [col-id=unit]"
                )
            ]
            == ["Huyện Sơn Tây"]
        ),
    )
    # an old commune's name finds the commune it became ("tinh ky" -> Xã Tịnh Khê)
    open_page(browser, live_server + "/xep-hang?year=2025&group=commune", "#rankings-grid .ag-row")
    browser.find_element(By.ID, "rankings-filter").send_keys("tinh ky")
    wait_until(
        browser,
        lambda d: (
            [
                r.text
                for r in d.find_elements(
                    By.CSS_SELECTOR, "#rankings-grid .ag-center-cols-container [col-id=unit]"
                )
            ]
            == ["Xã Tịnh Khê"]
        ),
    )
    open_page(browser, live_server + "/so-sanh?group=district", "#compare-units")
    browser.find_element(By.ID, "compare-units").click()
    search = wait_for(browser, ".dash-dropdown-content input")
    search.send_keys("son tay")
    wait_until(
        browser,
        lambda d: (
            "Huyện Sơn Tây"
            in [
                o.get_attribute("textContent").strip()
                for o in d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-content [role=option]")
            ]
        ),
    )


def test_the_map_has_a_png_button_whose_image_carries_caption_source_address_and_stamp(browser, live_server):
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/?year=2022", "#overview-map .js-plotly-plot")
    button = browser.find_element(By.ID, "overview-map-png")
    assert button.is_displayed() and button.text == "Tải ảnh bản đồ (PNG)"
    svg = browser.execute_async_script(
        """const done = arguments[arguments.length - 1];
        Plotly.toImage(qnMapExport.figure("overview-map", "overview-map-note"), {format: "svg"})
          .then(url => done(decodeURIComponent(url.slice(url.indexOf(",") + 1))))
          .catch(e => done("error: " + e));"""
    ).replace("&amp;", "&")
    caption = browser.find_element(By.CSS_SELECTOR, "#overview-map-note .map-caption").text
    assert caption.startswith("Bản đồ") and "2022" in caption and caption in svg
    source = browser.find_element(By.CSS_SELECTOR, "#overview-map-note .map-source").text
    assert source.startswith("MINH HỌA: số liệu do máy tạo") and source in svg
    assert f"{live_server}/?year=2022" in svg
    assert "MINH HỌA – không phải số liệu thật" in svg
    button.click()  # the download itself: no error in the console
    time.sleep(0.5)
    assert console_errors(browser) == []


def test_no_chart_offers_plotlys_share_to_cloud_button(browser, live_server):
    browser.set_window_size(1366, 900)
    for path, ready in [
        ("/don-vi/525", "main .js-plotly-plot"),
        ("/?year=2022", "#overview-map .js-plotly-plot"),
    ]:
        open_page(browser, live_server + path, ready)
        titles = browser.execute_script(
            "return [...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))"
        )
        assert titles and not [t for t in titles if "Share" in t or "Chia sẻ" in t], (path, titles)


def loaded_scripts(driver) -> list[str]:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.js'))"
    )


def test_the_grid_bundle_loads_only_on_pages_with_a_grid(browser, live_server):
    browser.set_window_size(1366, 900)
    open_page(browser, live_server + "/", "#overview-map .js-plotly-plot")
    assert not [name for name in loaded_scripts(browser) if "dash_ag_grid" in name]
    open_page(browser, live_server + "/xep-hang", "#rankings-grid .ag-row")
    assert [name for name in loaded_scripts(browser) if name.endswith("dash_ag_grid/dash_ag_grid.min.js")]
    assert browser.find_elements(By.CSS_SELECTOR, "#rankings-grid .ag-row a[href^='/don-vi/']")
    assert console_errors(browser) == []
