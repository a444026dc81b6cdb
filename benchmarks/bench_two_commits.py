"""First visit of the overview, two commits in one run: bytes transferred and time to the drawn map.

Run through bench_browser.py (`--communes --before REF`), which this module's `compare` serves.

The commit to compare (`--before`, default: where this branch left main) is exported with `git archive`
into a temporary folder; gunicorn serves it and this checkout side by side, on the commune benchmark
database of bench_browser.py (data/ + the illustrative 2025 commune totals; COMMUNE_BENCH_DATABASE_URL),
each with its own instance folder and an in-process cache (no Redis: neither answers from the other's
memo). Headless Debian Chromium opens `/?group=commune&year=2025` (the 96-tile map) with a fresh profile,
alternating before / after / before / after. Bytes are Resource/Navigation Timing `transferSize` (headers
and body as served: the precompressed static files go out as brotli, which Chromium asks 127.0.0.1 for,
Dash's JSON and HTML as gzip); the map counts as drawn when every polygon has its SVG path. A throwaway
visit per server first fills its compressed copies.

Usage: .venv/bin/python benchmarks/bench_browser.py --communes --before REF [--repeat 5]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common
import bench_browser as browser_bench

PAGE = "/?group=commune&year=2025"
AIM_BYTES = 600_000
AIM_MAP_MS = 1_000


def export(ref: str, into: Path) -> str:
    """Write the tree of `ref` into `into`; return its full commit id."""
    commit = subprocess.run(
        ["git", "rev-parse", ref], cwd=common.REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    archive = subprocess.run(["git", "archive", commit], cwd=common.REPO, capture_output=True, check=True)
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return commit


def head() -> str:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=common.REPO, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=common.REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    return commit + (" (with uncommitted changes)" if status.strip() else "")


def first_visit(url: str) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="qnbench-chromium-"))
    driver = browser_bench.start_browser(profile)
    try:
        result = browser_bench.visit(driver, url)
        result["console"] = [
            entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
        ]
        return result
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def compare(before: str, *, repeat: int = 5, workers: int | None = None) -> int:
    """Print both commits' first visits (median of `repeat` each, alternating) and every transfer.

    `workers`: gunicorn workers per commit (default: gunicorn.conf.py's). With 1, the throwaway visit
    leaves the one worker's memos warm, so the visits measure the browser's side alone; with several,
    a visit that reaches a worker for the first time also waits for the page's content to be computed.
    """
    env = browser_bench.commune_bench_env()
    env.pop("CACHE_REDIS_URL", None)
    work = Path(tempfile.mkdtemp(prefix="qnbench-first-visit-"))
    versions = {"before": work / "before", "after": common.REPO}
    commits = {"before": export(before, versions["before"]), "after": head()}
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    try:
        with ExitStack() as stack:
            urls = {}
            for label, repo in versions.items():
                instance = work / f"instance-{label}"
                shutil.copytree(browser_bench.COMMUNE_INSTANCE, instance)
                server_env = {**env, "DASHBOARD_INSTANCE_DIR": str(instance), "PYTHONPATH": str(repo)}
                server = stack.enter_context(common.gunicorn(server_env, repo=repo, workers=workers))
                urls[label] = server.url + PAGE
                first_visit(urls[label])  # throwaway: fills the compressed copies
            for _ in range(repeat):
                for label in ("before", "after"):
                    runs[label].append(first_visit(urls[label]))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    common.print_machine()
    print(f"gunicorn workers per commit: {workers or 'as gunicorn.conf.py'}")
    print(f"page: {PAGE}; {repeat} fresh-profile first visits per commit, alternating; median")
    rows = []
    for label, visits in runs.items():
        t = [browser_bench.totals(v) for v in visits]
        transfer = statistics.median(x["transfer"] for x in t)
        map_ms = statistics.median(x["map_ms"] for x in t)
        errors = sum(len(v["console"]) for v in visits)
        rows.append(
            [label, commits[label][:12], int(transfer), int(statistics.median(x["decoded"] for x in t)),
             t[0]["requests"], round(map_ms), "met" if transfer <= AIM_BYTES else "missed",
             "met" if map_ms <= AIM_MAP_MS else "missed", errors]
        )  # fmt: skip
    print(
        common.markdown_table(
            ["commit", "id", "bytes transferred", "bytes decoded", "requests", "map drawn ms",
             "aim ≤ 600 KB", "aim ≤ 1.0 s", "console errors"],
            rows,
        )
    )  # fmt: skip
    ratio = statistics.median(browser_bench.totals(v)["map_ms"] for v in runs["after"]) / statistics.median(
        browser_bench.totals(v)["map_ms"] for v in runs["before"]
    )
    print(f"\nmap drawn, after / before: {ratio:.2f}")
    for label, visits in runs.items():  # in the order they ran: the noise of a shared machine is visible
        print(f"{label}: map drawn ms per visit", [round(browser_bench.totals(v)["map_ms"]) for v in visits])
    for label, visits in runs.items():
        first = visits[0]
        print()
        print(
            common.markdown_table(
                [f"{label}: every transfer", "transferred", "decoded"],
                [[urlsplit(e["name"]).path[-70:], int(e["transfer"]), int(e["decoded"])]
                 for e in sorted([first["nav"], *first["resources"]], key=lambda e: -e["transfer"])],
            )
        )  # fmt: skip
        for message in first["console"]:
            print(f"console: {message}")
    return 0
