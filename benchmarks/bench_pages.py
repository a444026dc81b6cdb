"""Pages never seen before: the page-content callback of every unit profile, in both languages.

Each call asks the Pages router for a page this process has not rendered (every ranked unit's profile in
Vietnamese and English, shuffled), so every per-view memo misses; the queries of all views are warm after
the first few calls. A profile draws three to four charts (score and rank lines, sub-indices against the
group median, e-documents), so this is where chart building shows. There is no baseline in the same
process: run it at two commits and compare (BENCHMARKS.md says which).

Usage: .venv/bin/python benchmarks/bench_pages.py [--calls 60]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common


def main(argv: list[str] | None = None) -> int:
    """Print latency of never-seen profile pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=60)
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    os.environ.update({k: v for k, v in common.bench_env(redis=False).items() if k != "PYTHONPATH"})
    os.environ.pop("CACHE_REDIS_URL", None)
    pages = [(unit, lang) for unit in common.view_space()["units"] for lang in ("vi", "en")]
    random.Random(16).shuffle(pages)
    if len(pages) < args.calls + 3:
        parser.error(f"only {len(pages)} profile pages exist")

    from dashboard import create_app

    client = create_app().server.test_client()
    graph = client.get("/_dash-dependencies").get_json()

    def call(unit: str, lang: str) -> None:
        inputs = {"_pages_location.pathname": f"/don-vi/{unit}", "_pages_location.search": f"?lang={lang}"}
        body = common.callback_payload(graph, common.PAGES_OUTPUT, inputs=inputs)
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
        assert response.status_code == 200, response.status_code

    for unit, lang in pages[:3]:  # warm-up: imports and the queries every profile shares
        call(unit, lang)
    durations = []
    started = time.perf_counter()
    for unit, lang in pages[3 : 3 + args.calls]:
        t0 = time.perf_counter()
        call(unit, lang)
        durations.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    stats = common.summary_ms(durations)
    row = ["unit profile, never seen", len(durations), stats["p50"], stats["p95"], len(durations) / elapsed]
    common.print_machine()
    print(common.markdown_table(["page-content callback", "calls", "p50 ms", "p95 ms", "req/s"], [row]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
