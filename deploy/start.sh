#!/usr/bin/env bash
# The production recipe: gunicorn on a loopback port behind nginx (Debian nginx-light), in the
# foreground; Ctrl-C or SIGTERM stops both.
#   PUBLIC_BASE_URL=https://cntt.quangngai.example SERVER_NAMES=cntt.quangngai.example \
#   DATABASE_URL=postgresql://... CACHE_REDIS_URL=redis://127.0.0.1:6379/0 bash deploy/start.sh
# Settings (environment): LISTEN (nginx, default 127.0.0.1:8080; 80 needs root or a capability),
# UPSTREAM (gunicorn, default 127.0.0.1:8051), SERVER_NAMES (host names nginx answers, default the
# host of PUBLIC_BASE_URL plus localhost 127.0.0.1), NGINX_RUN_DIR (default instance/nginx),
# NGINX_ACCESS_LOG (default off), PYTHON (default .venv/bin/python). Every app setting (README) passes
# through; TRUSTED_PROXIES is set to 127.0.0.1 so that the app counts limits per real client.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export LISTEN=${LISTEN:-127.0.0.1:8080}
export UPSTREAM=${UPSTREAM:-127.0.0.1:8051}
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-http://${LISTEN}}
host=${PUBLIC_BASE_URL#*://}
host=${host%%/*}
host=${host%%:*}
if [ -z "${SERVER_NAMES:-}" ]; then
  SERVER_NAMES=$(printf '%s\n' "$host" localhost 127.0.0.1 | awk '!seen[$0]++' | tr '\n' ' ')
fi
export SERVER_NAMES
export NGINX_RUN_DIR=${NGINX_RUN_DIR:-$ROOT/instance/nginx}
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-off}
export ASSETS_DIR=$ROOT/assets
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
PYTHON=${PYTHON:-.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

mkdir -p "$NGINX_RUN_DIR"
# Started as root, nginx's workers run as an unprivileged user: they must be able to reach its files.
chmod 711 "$NGINX_RUN_DIR"
# Only our names are substituted: nginx's own $host, $remote_addr... stay as they are.
envsubst '${LISTEN} ${UPSTREAM} ${SERVER_NAMES} ${NGINX_RUN_DIR} ${NGINX_ACCESS_LOG} ${ASSETS_DIR}' \
  <deploy/nginx.conf >"$NGINX_RUN_DIR/nginx.conf"
"$NGINX" -t -q -e "$NGINX_RUN_DIR/error.log" -p "$NGINX_RUN_DIR" -c "$NGINX_RUN_DIR/nginx.conf"

pids=()
stop() {
  trap - TERM INT EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop TERM INT EXIT

BIND=$UPSTREAM "$PYTHON" -m gunicorn -c gunicorn.conf.py app:server &
pids+=($!)
"$NGINX" -e "$NGINX_RUN_DIR/error.log" -p "$NGINX_RUN_DIR" -c "$NGINX_RUN_DIR/nginx.conf" &
pids+=($!)
wait -n  # either one stopping stops the other
