"""First and repeat visit of the overview in headless Debian Chromium: bytes, time to map, other hosts.

gunicorn serves the app against the bench PostgreSQL database and Redis db 5. Chromium runs with a fresh
profile and a dead proxy for every host but 127.0.0.1 (the network is cut), like tests/browser.
Bytes are Resource/Navigation Timing `transferSize` (headers + body as sent); the map counts as drawn when
every polygon of its choropleth traces has its SVG path. One throwaway visit first lets the server make
its brotli copies (once per release, as for the first visitor of a deployment).

Usage: .venv/bin/python benchmarks/bench_browser.py [--repeat 3]
       .venv/bin/python benchmarks/bench_browser.py --communes [--repeat 3]
       .venv/bin/python benchmarks/bench_browser.py --communes --before REF [--repeat 5]
`--communes` visits `/?group=commune&year=2025` (the 96-tile cartogram) and, as the baseline of the same run,
`/?group=district&year=2022`, alternating, on a database built from data/ plus the illustrative 2025 commune
totals of bench_map.py. It uses the PostgreSQL database and Redis db named by COMMUNE_BENCH_DATABASE_URL and
COMMUNE_BENCH_REDIS_URL (a database of its own: its public schema is dropped and rebuilt).
`--before REF` compares two commits in one run instead (bench_two_commits.py): first visits of the commune
map, this checkout against REF, alternating; `--workers 1` keeps the server's side out of the times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Runs before any page script: record when every polygon of the overview map is drawn (ms since
# navigation start).
MAP_WATCH = """
(function () {
  function check() {
    const gd = document.querySelector('#overview-map .js-plotly-plot');
    const choropleths = gd && gd.data ? gd.data.filter(t => t.type === 'choropleth') : [];
    const wanted = choropleths.reduce((n, t) => n + (t.locations || []).length, 0);
    const drawn = gd ? gd.querySelectorAll('path.choroplethlocation[d]').length : 0;
    if (wanted > 0 && drawn >= wanted) {
      window.__mapDrawnMs = performance.now();
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
"""

COLLECT = """
const nav = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource').map(r => ({
  name: r.name, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
  type: r.initiatorType}));
return {nav: {name: nav.name, transfer: nav.transferSize, encoded: nav.encodedBodySize,
              decoded: nav.decodedBodySize, load: nav.loadEventEnd, dcl: nav.domContentLoadedEventEnd},
        resources: resources, mapMs: window.__mapDrawnMs || null};
"""


def start_browser(profile: Path):
    """Headless Chromium with a fresh profile; every host but 127.0.0.1 goes to a dead proxy."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
        "--window-size=1366,768",
        "--force-prefers-reduced-motion", f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": MAP_WATCH})
    return driver


def visit(driver, url: str, *, timeout: float = 30) -> dict:
    """Open the URL, wait for the map, let late requests settle; timing entries and requested URLs."""
    driver.get_log("performance")  # drop what earlier visits logged
    driver.get(url)
    deadline = time.monotonic() + timeout
    while driver.execute_script("return window.__mapDrawnMs || null") is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the map was not drawn")
        time.sleep(0.05)
    time.sleep(1.0)  # the callbacks that follow the first paint
    result = driver.execute_script(COLLECT)
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    result["requested"] = requested
    return result


def totals(result: dict) -> dict[str, float]:
    """Bytes on the wire and decoded, request count, other hosts, time to map."""
    entries = [result["nav"], *result["resources"]]
    hosts = {
        urlsplit(u).hostname
        for u in result["requested"]
        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
    }
    return {
        "transfer": sum(e["transfer"] for e in entries),
        "decoded": sum(e["decoded"] for e in entries),
        "requests": len(entries),
        "other_hosts": sorted(h for h in hosts if h != "127.0.0.1"),
        "map_ms": result["mapMs"],
    }


def warm_static_cache(url: str, *, instance: Path = common.BENCH_INSTANCE, timeout: float = 120) -> None:
    """One throwaway visit, then wait until the brotli copies are on disk (made once per release)."""
    profile = Path(tempfile.mkdtemp(prefix="qnbench-chromium-"))
    driver = start_browser(profile)
    try:
        visit(driver, url)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    cache_dir = instance / "static-cache"
    deadline = time.monotonic() + timeout
    while any(cache_dir.glob("*.lock")) and time.monotonic() < deadline:
        time.sleep(0.5)


COMMUNE_INSTANCE = Path(tempfile.gettempdir()) / "qnbench-communes" / "instance"
COMMUNE_PAGES = {"96 communes": "/?group=commune&year=2025", "13 districts": "/?group=district&year=2022"}


def commune_bench_env() -> dict[str, str]:
    """Build the commune benchmark database (data/ + illustrative 2025 commune totals); its environment."""
    from bench_map import write_commune_data

    database = os.environ.get(
        "COMMUNE_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test_province_map"
    )
    redis = os.environ.get("COMMUNE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    common.psql(
        "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public", database=database.rsplit("/", 1)[1]
    )
    shutil.rmtree(COMMUNE_INSTANCE.parent, ignore_errors=True)
    COMMUNE_INSTANCE.mkdir(parents=True)
    data_dir = write_commune_data(COMMUNE_INSTANCE.parent / "data")
    env = common.bench_env(
        DATABASE_URL=database,
        CACHE_REDIS_URL=redis,
        DASHBOARD_INSTANCE_DIR=str(COMMUNE_INSTANCE),
        DASHBOARD_DATA_DIR=str(data_dir),
    )
    subprocess.run([common.PYTHON, "-m", "dashboard", "build"], env=env, cwd=common.REPO, check=True)
    return env


def measure(server_url: str, pages: dict[str, str], *, repeat: int, instance: Path) -> dict[str, list]:
    """(first, repeat) visits per page, each first visit with a fresh profile; pages alternate."""
    for path in pages.values():
        warm_static_cache(f"{server_url}{path}", instance=instance)
    runs: dict[str, list] = {label: [] for label in pages}
    for _ in range(repeat):
        for label, path in pages.items():
            profile = Path(tempfile.mkdtemp(prefix="qnbench-chromium-"))
            driver = start_browser(profile)
            try:
                first = visit(driver, f"{server_url}{path}")
                # A new navigation in the same browser: the HTTP cache is warm, like a visit the next day.
                again = visit(driver, f"{server_url}{path}")
            finally:
                driver.quit()
                shutil.rmtree(profile, ignore_errors=True)
            runs[label].append((first, again))
    return runs


def main(argv: list[str] | None = None) -> int:
    """Print first- and repeat-visit numbers, and the biggest transfers of the first visit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh-profile runs (median reported)")
    parser.add_argument("--communes", action="store_true", help="the commune map against the district map")
    parser.add_argument("--before", help="compare this checkout's first visit with the commit REF's")
    parser.add_argument("--workers", type=int, help="with --before: gunicorn workers per commit")
    args = parser.parse_args(argv)
    if args.before:
        import bench_two_commits

        return bench_two_commits.compare(args.before, repeat=args.repeat, workers=args.workers)
    if args.communes:
        env, instance, pages = commune_bench_env(), COMMUNE_INSTANCE, COMMUNE_PAGES
    else:
        common.ensure_bench_database()
        env, instance, pages = common.bench_env(), common.BENCH_INSTANCE, {"overview": "/"}
    env["PYTHONPATH"] = f"{common.REPO}{os.pathsep}{Path(__file__).resolve().parent}"
    app = "app:server"
    with common.gunicorn(env, app=app) as server:
        measured = measure(server.url, pages, repeat=args.repeat, instance=instance)

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    common.print_machine()
    print(f"server: gunicorn {app}; {args.repeat} fresh-profile runs per page (alternating), median")
    rows = []
    for page, runs in measured.items():
        for label, index, aim_bytes in (("first visit", 0, 1_200_000), ("repeat visit", 1, 50_000)):
            t = [totals(run[index]) for run in runs]
            transfer = median([x["transfer"] for x in t])
            map_ms = median([x["map_ms"] for x in t])
            others = sorted({h for x in t for h in x["other_hosts"]})
            rows.append(
                [f"{pages[page]} {label}", int(transfer), int(median([x["decoded"] for x in t])),
                 t[0]["requests"], map_ms, "met" if transfer <= aim_bytes else "missed",
                 "met" if map_ms <= 1500 else "missed", ", ".join(others) or "none"]
            )  # fmt: skip
    print(
        common.markdown_table(
            ["visit", "bytes transferred", "bytes decoded", "requests", "map drawn ms", "bytes aim",
             "map aim (≤ 1,500 ms)", "other hosts"],
            rows,
        )
    )  # fmt: skip
    runs = next(iter(measured.values()))
    print()
    first = runs[0][0]
    biggest = sorted([first["nav"], *first["resources"]], key=lambda e: -e["transfer"])[:10]
    print(
        common.markdown_table(
            ["first visit: biggest transfers", "transferred", "decoded"],
            [[urlsplit(e["name"]).path[-70:], int(e["transfer"]), int(e["decoded"])] for e in biggest],
        )
    )
    repeat = runs[0][1]
    print()
    print(
        common.markdown_table(
            ["repeat visit: transfers over 0 bytes", "transferred"],
            [[urlsplit(e["name"]).path[-70:], int(e["transfer"])] for e in
             [repeat["nav"], *repeat["resources"]] if e["transfer"] > 0],
        )
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
