"""The publishing audit log as CSV: streamed through a server-side cursor vs built in memory (as before).

Run:  .venv/bin/python benchmarks/bench_audit_export.py [--rows 1000000]

Makes a throw-away schema in the bench PostgreSQL database (BENCH_DATABASE_URL, default `bench`), fills its
audit_log with N rows in one INSERT ... SELECT generate_series, then in one process:
1. streamed: GET /quan-tri/nhat-ky.csv through the Flask test client (signed in), discarding chunks;
2. in memory: every entry read into a list of dicts, then one bytes object (what the route did before).
Peak memory is measured with tracemalloc (Python allocations, per run) and ru_maxrss (process peak; the
streamed run goes first because the process peak never falls). Timings are taken without tracemalloc.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import uuid
from pathlib import Path

import flask
from sqlalchemy import text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from _common import BENCH_DATABASE_URL  # noqa: E402
from bench_export import _measure, _stream  # noqa: E402 - the same measurement as the observations export

from dashboard import admin, csv_output, db  # noqa: E402
from dashboard.admin import accounts, audit  # noqa: E402
from dashboard.config import Settings  # noqa: E402

EMAIL, PASSWORD = "bench@example.org", "correct horse battery staple"
FILL = """
INSERT INTO "{schema}".audit_log (at, account, action, outcome, file_sha256, detail, client)
SELECT now() - n * interval '1 second', 'canbo' || (n % 40) || '@skhcn.quangngai.gov.vn', 'upload', 'ok',
       md5(n::text) || md5((n + 1)::text), 'qn_readiness_annex_2024.csv: ' || n || ' value(s)',
       '10.0.0.' || n % 250
FROM generate_series(1, :rows) AS n
"""


def _in_memory(engine) -> tuple[int, int]:
    entries = audit.entries(engine)
    payload = csv_output.document(audit.COLUMNS, ([e[name] for name in audit.COLUMNS] for e in entries))
    return len(payload), len(entries)


def main(argv: list[str]) -> int:
    """Fill the log, run both exports, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    schema = f"bench_audit_{uuid.uuid4().hex[:8]}"
    with db.get_engine(BENCH_DATABASE_URL).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = db.get_engine(BENCH_DATABASE_URL, schema=schema)
    try:
        db.create_schema(engine)
        accounts.add(engine, EMAIL, PASSWORD, role="publisher")
        with engine.begin() as connection:
            connection.execute(text(FILL.format(schema=schema)), {"rows": args.rows})
        instance = tempfile.mkdtemp(prefix="bench-audit-")
        settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": instance}, secret_key="bench-secret-key")
        server = flask.Flask("bench-audit")
        admin.install(server, settings, engine=engine)
        client = server.test_client()
        page = client.get("/quan-tri/dang-nhap").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        form = {"email": EMAIL, "password": PASSWORD, "csrf_token": token}
        assert client.post("/quan-tri/dang-nhap", data=form).status_code == 302
        results = [
            _measure("streamed (route)", _stream, client, "/quan-tri/nhat-ky.csv"),
            _measure("in memory (list)", _in_memory, engine),
        ]
    finally:
        engine.dispose()
        with db.get_engine(BENCH_DATABASE_URL).begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    header = f"{'audit CSV':<20}{'rows':>9}{'MB':>8}{'s':>7}{'py peak MB':>12}{'RSS +MB':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r['label']:<20}{r['rows']:>9}{r['mb']:>8.1f}{r['seconds']:>7.2f}"
              f"{r['py_peak_mb']:>12.1f}{r['rss_growth_mb']:>9.1f}")  # fmt: skip
    streamed, in_memory = results
    memory = in_memory["py_peak_mb"] / streamed["py_peak_mb"]
    print(f"\npeak Python memory, in memory / streamed: {memory:.0f}x;"
          f" time, streamed / in memory: {streamed['seconds'] / in_memory['seconds']:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
