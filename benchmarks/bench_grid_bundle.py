"""Overview first visit with AG Grid's bundle on every page (before) and only on grid pages (after).

One process: the app (the embedded SQLite database of serve.sh) on a local thread, and headless Debian
Chromium with a fresh profile per visit and the network cut, as bench_browser.py. The two modes alternate
in the same run: `before` lists dash_ag_grid.min.js among the page's scripts again (what Dash does by
default), `after` is the app as built (components/grid.py load_on_demand, assets/grid-loader.js). Bytes
are Resource/Navigation Timing `transferSize`; the rankings page is visited too, to show that its grid
still loads (the time to its first row is reported for both modes).

Usage: .venv/bin/python benchmarks/bench_grid_bundle.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common  # noqa: F401  (puts this checkout first on sys.path)
import bench_browser as browser_bench
import dash_ag_grid as dag

from dashboard import create_app
from dashboard.components import grid

GRID_ROW = "return document.querySelector('#rankings-grid .ag-row') ? performance.now() : null"


def set_mode(mode: str) -> None:
    """`before`: the grid bundle among every page's scripts; `after`: loaded on demand."""
    for resource in dag._js_dist:
        if resource.get("relative_package_path") == grid.GRID_BUNDLE:
            resource["dynamic"] = mode == "after"


def grid_ms(driver, url: str, *, timeout: float = 30) -> float:
    driver.get(url)
    deadline = time.monotonic() + timeout
    while (drawn := driver.execute_script(GRID_ROW)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the rankings grid was not drawn")
        time.sleep(0.05)
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="fresh-profile visits per mode (median reported)"
    )
    args = parser.parse_args(argv)
    from werkzeug.serving import make_server

    app = create_app()
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    try:
        for _ in range(args.repeat + 1):  # the first round is thrown away: it fills the compressed copies
            for mode in ("before", "after"):
                set_mode(mode)
                with tempfile.TemporaryDirectory() as profile:
                    driver = browser_bench.start_browser(Path(profile))
                    try:
                        result = browser_bench.visit(driver, url + "/?year=2022")
                        totals = browser_bench.totals(result)
                        totals["grid_bytes"] = sum(
                            r["transfer"] for r in result["resources"] if "dash_ag_grid" in r["name"]
                        )
                        totals["grid_ms"] = grid_ms(driver, url + "/xep-hang?year=2022")
                    finally:
                        driver.quit()
                runs[mode].append(totals)
    finally:
        set_mode("after")
        server.shutdown()
    columns = ("transfer", "grid_bytes", "requests", "map_ms", "grid_ms")
    print("| mode | overview bytes | of which grid bundle | requests | map drawn ms | rankings grid row ms |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for mode, results in runs.items():
        medians[mode] = {key: statistics.median(r[key] for r in results[1:]) for key in columns}
        cells = " | ".join(f"{medians[mode][key]:,.0f}" for key in columns)
        print(f"| {mode} | {cells} |")
    ratio = medians["after"]["transfer"] / medians["before"]["transfer"]
    print(f"\nafter/before, overview bytes: {ratio:.2f} (median of {args.repeat} fresh-profile visits each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
