"""Report cards and the meeting pack, rendered never before: the card's HTML, the card as PDF (HTML and
WeasyPrint), and the 96-commune pack as PDF; beside the baseline of the same run, the unit profile's
page-content callback for units never seen (the page the card is printed from).

Every call asks for a unit (or, for the pack, a memo cleared first) this process has not rendered, so
the per-view memos miss; the queries every page shares are warm after the first calls. Targets: a card
under 300 ms, the pack under 10 s.

Usage: .venv/bin/python benchmarks/bench_report_card.py [--calls 20] [--packs 3]
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
    """Print latency of never-seen cards, card PDFs and packs, and of never-seen profiles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--packs", type=int, default=3)
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    os.environ.update({k: v for k, v in common.bench_env(redis=False).items() if k != "PYTHONPATH"})
    os.environ.pop("CACHE_REDIS_URL", None)
    units = [u for u in common.view_space()["units"] if not u.startswith("so-")]  # departments: no map
    random.Random(22).shuffle(units)
    needed = 3 * args.calls + 6
    if len(units) < needed:
        parser.error(f"only {len(units)} mapped units, {needed} needed")

    from dashboard import create_app, reports

    client = create_app().server.test_client()
    graph = client.get("/_dash-dependencies").get_json()

    def profile(unit: str) -> None:
        inputs = {"_pages_location.pathname": f"/don-vi/{unit}", "_pages_location.search": ""}
        body = common.callback_payload(graph, common.PAGES_OUTPUT, inputs=inputs)
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
        assert response.status_code == 200, response.status_code

    def card(unit: str) -> None:
        response = client.get(f"/don-vi/{unit}/the-diem")
        assert response.status_code == 200, (unit, response.status_code)

    def card_pdf(unit: str) -> None:
        response = client.get(f"/don-vi/{unit}/the-diem.pdf")
        assert response.status_code == 200 and response.data.startswith(b"%PDF"), unit

    def pack(_unit: str) -> None:
        for memo in (reports.pack._pack, reports._pack_html, reports._as_pdf):
            memo.cache_clear()
        response = client.get("/xep-hang/ban-in.pdf?group=commune&year=2025")
        assert response.status_code == 200 and response.data.startswith(b"%PDF")

    for warm, call in ((units[0], profile), (units[1], card), (units[2], card_pdf), (units[3], pack)):
        call(warm)  # imports, fonts and the queries every page shares
    rows = []
    plan = (
        ("baseline: unit profile, never seen (page-content callback)", profile, units[4 : 4 + args.calls]),
        ("report card HTML, never seen", card, units[4 + args.calls : 4 + 2 * args.calls]),
        (
            "report card PDF, never seen (HTML + PDF)",
            card_pdf,
            units[4 + 2 * args.calls : 4 + 3 * args.calls],
        ),
        ("meeting pack PDF, 96 communes (memo cleared)", pack, ["-"] * args.packs),
    )
    baseline = None
    for label, call, items in plan:
        durations = []
        for item in items:
            t0 = time.perf_counter()
            call(item)
            durations.append(time.perf_counter() - t0)
        stats = common.summary_ms(durations)
        baseline = baseline or stats["p50"]
        rows.append([label, len(durations), stats["p50"], stats["p95"], f"{stats['p50'] / baseline:.2f}"])
    common.print_machine()
    print(common.markdown_table(["request", "calls", "p50 ms", "p95 ms", "p50 / baseline"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
