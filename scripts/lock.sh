#!/usr/bin/env bash
# Regenerate the lock files with hashes that serve.sh and test.sh install from (needs uv, from PyPI):
# requirements.lock (the app) and requirements-test.lock (the app and its tests), for CPython 3.11.
# Pass `-c constraints.txt` (e.g. `pip freeze` of a tested environment) to pin what was tested.
#   bash scripts/lock.sh [uv pip compile options]
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
common=(--generate-hashes --python-version 3.11.7 --custom-compile-command "bash scripts/lock.sh")
"$UV" pip compile pyproject.toml "${common[@]}" "$@" -o requirements.lock
"$UV" pip compile pyproject.toml --extra test "${common[@]}" "$@" -o requirements-test.lock
