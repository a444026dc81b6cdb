#!/usr/bin/env bash
# Install the dashboard into .venv and serve it on the embedded defaults (SQLite under instance/,
# in-process cache). The database is built from data/ on first start.
#   bash scripts/serve.sh [--port 8050] [--host 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e .
exec .venv/bin/python -m dashboard serve "$@"
