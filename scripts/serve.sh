#!/usr/bin/env bash
# Install the dashboard into .venv and serve it on the embedded defaults (SQLite under instance/,
# in-process cache). The database is built from data/ on first start.
#   bash scripts/serve.sh [--port 8050] [--host 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# WeasyPrint's system libraries and a font with every Vietnamese glyph (report card and meeting pack PDFs).
missing=()
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# Every package at the version and hash in requirements.lock (scripts/lock.sh makes it), then the app.
.venv/bin/pip install --quiet --require-hashes -r requirements.lock
.venv/bin/pip install --quiet --no-deps -e .
exec .venv/bin/python -m dashboard serve "$@"
