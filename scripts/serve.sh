#!/usr/bin/env bash
# Install the dashboard into .venv and serve it on the embedded defaults (SQLite under instance/,
# in-process cache). The database is built from data/ on first start.
#   bash scripts/serve.sh [--port 8050] [--host 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# Every package at the version and hash in requirements.lock (scripts/lock.sh makes it), then the app.
.venv/bin/pip install --quiet --require-hashes -r requirements.lock
.venv/bin/pip install --quiet --no-deps -e .
exec .venv/bin/python -m dashboard serve "$@"
