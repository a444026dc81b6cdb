#!/usr/bin/env bash
# Install everything (Python packages; Debian chromium + chromium-driver and npm's axe-core for the browser
# tests; nginx-light for the production recipe's test) and run the whole test suite: on the embedded
# defaults (SQLite, simple cache) with the browser tests, then tests/database (the tests that talk to the
# database and cache) again against the real PostgreSQL (127.0.0.1:5432, user postgres, database test)
# and Redis (127.0.0.1:6379), starting them when installed but not running. tests/pure needs neither, so
# it runs once; browser tests run once too: they exercise pages, not the backend (mark one `postgres` to
# run it twice).
#   bash scripts/test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx-light)  # tests/database/project/test_nginx.py
# WeasyPrint's system libraries and a font with every Vietnamese glyph (report card and meeting pack PDFs).
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# Every package at the version and hash in requirements-test.lock (scripts/lock.sh makes it), then the app.
.venv/bin/pip install --quiet --require-hashes -r requirements-test.lock
.venv/bin/pip install --quiet --no-deps -e .

# axe-core for the accessibility tests, from the npm registry at the version package-lock.json pins; the
# browser tests inject it from this local copy (nothing is fetched while they run).
if ! command -v npm >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi
npm ci --prefix tests/browser/axe --no-audit --no-fund --loglevel=error

# Seconds, before minutes of tests: lint, the import-linter contracts and the type checker (pyproject.toml).
echo "== checks: ruff (lint and format), import contracts, mypy"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy

export RATE_LIMIT=off  # the suite asks far more than one reader would (the limits have their own tests)
# Tests run in parallel, one pytest-xdist worker per core (each with its own database and Redis database,
# tests/conftest.py); tests that publish into the session's database run last on their worker.
workers=(-n "${TEST_WORKERS:-auto}")

echo "== 1/2: embedded defaults (SQLite, simple cache)"
env -u DATABASE_URL -u CACHE_REDIS_URL .venv/bin/python -m pytest "${workers[@]}" "$@"

echo "== 2/2: tests/database (and browser tests marked postgres) on PostgreSQL and Redis"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
for _ in $(seq 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 1
done
DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test CACHE_REDIS_URL=redis://127.0.0.1:6379/0 \
  .venv/bin/python -m pytest tests/database tests/browser -m "not browser or postgres" "${workers[@]}" "$@"
