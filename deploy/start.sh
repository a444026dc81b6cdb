#!/usr/bin/env bash
# The production recipe: gunicorn on a loopback port behind nginx (Debian nginx-light), which ends TLS,
# in the foreground; Ctrl-C or SIGTERM stops both. docs/operations.md explains every setting.
#   PUBLIC_BASE_URL=https://cntt.quangngai.example SERVER_NAMES=cntt.quangngai.example \
#   LISTEN=0.0.0.0:80 LISTEN_TLS=0.0.0.0:443 \
#   TLS_CERTIFICATE=/etc/ssl/cntt/fullchain.pem TLS_CERTIFICATE_KEY=/etc/ssl/cntt/privkey.pem \
#   DASHBOARD_ENV=production SECRET_KEY=... \
#   DATABASE_URL=postgresql://... CACHE_REDIS_URL=redis://127.0.0.1:6379/0 bash deploy/start.sh
# Settings (environment): LISTEN (plain HTTP, which only redirects; default 127.0.0.1:8080), LISTEN_TLS
# (HTTPS, default 127.0.0.1:8443; 80 and 443 need root or a capability), UPSTREAM (gunicorn, default
# 127.0.0.1:8051), PUBLIC_BASE_URL (default https://LISTEN_TLS), SERVER_NAMES (host names nginx answers,
# default the host of PUBLIC_BASE_URL plus localhost 127.0.0.1), TLS_CERTIFICATE and TLS_CERTIFICATE_KEY
# (PEM files; without them a self-signed certificate is made for a trial, and browsers warn),
# NGINX_RUN_DIR (default instance/nginx), NGINX_ACCESS_LOG (default off), PYTHON (default
# .venv/bin/python). Every app setting passes through; PROXY_HOPS=1 (the app believes nginx's
# X-Forwarded-For and -Proto) and TRUSTED_HOSTS (default SERVER_NAMES) are set here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export LISTEN=${LISTEN:-127.0.0.1:8080}
export LISTEN_TLS=${LISTEN_TLS:-127.0.0.1:8443}
export UPSTREAM=${UPSTREAM:-127.0.0.1:8051}
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-https://${LISTEN_TLS}}
PUBLIC_BASE_URL=${PUBLIC_BASE_URL%/}
host=${PUBLIC_BASE_URL#*://}
host=${host%%/*}
host=${host%:*}
if [ -z "${SERVER_NAMES:-}" ]; then
  SERVER_NAMES=$(printf '%s\n' "$host" localhost 127.0.0.1 | awk '!seen[$0]++' | tr '\n' ' ')
fi
export SERVER_NAMES
export TRUSTED_HOSTS=${TRUSTED_HOSTS:-$SERVER_NAMES}
export PROXY_HOPS=1
export NGINX_RUN_DIR=${NGINX_RUN_DIR:-$ROOT/instance/nginx}
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-off}
export ASSETS_DIR=$ROOT/assets
PYTHON=${PYTHON:-.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

mkdir -p "$NGINX_RUN_DIR"
# Started as root, nginx's workers run as an unprivileged user: they must be able to reach its files.
chmod 711 "$NGINX_RUN_DIR"

if [ -z "${TLS_CERTIFICATE:-}" ]; then
  # A trial without the operator's certificate: self-signed for the names above, made once per run dir.
  export TLS_CERTIFICATE=$NGINX_RUN_DIR/self-signed.crt TLS_CERTIFICATE_KEY=$NGINX_RUN_DIR/self-signed.key
  if [ ! -s "$TLS_CERTIFICATE" ]; then
    names=$(for name in $SERVER_NAMES; do
      if [[ $name =~ ^[0-9.]+$ ]]; then printf 'IP:%s,' "$name"; else printf 'DNS:%s,' "$name"; fi
    done)
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj "/CN=$host" \
      -addext "subjectAltName=${names%,}" -keyout "$TLS_CERTIFICATE_KEY" -out "$TLS_CERTIFICATE"
  fi
  echo "deploy/start.sh: no TLS_CERTIFICATE given, serving a self-signed certificate (browsers warn)" >&2
fi
: "${TLS_CERTIFICATE_KEY:?TLS_CERTIFICATE is set: set TLS_CERTIFICATE_KEY to its private key too}"

# The upload size and the 413/429 pages come from the app itself, so nginx and the app always agree.
UPLOAD_BODY_BYTES=$("$PYTHON" -c 'from dashboard.config import Settings; print(Settings.from_env().upload_body_bytes)')
export UPLOAD_BODY_BYTES
"$PYTHON" -m dashboard.admin.proxy_pages "$NGINX_RUN_DIR/pages"

# Only our names are substituted: nginx's own $host, $remote_addr... stay as they are.
envsubst '${LISTEN} ${LISTEN_TLS} ${UPSTREAM} ${SERVER_NAMES} ${NGINX_RUN_DIR} ${NGINX_ACCESS_LOG} ${ASSETS_DIR}
          ${PUBLIC_BASE_URL} ${TLS_CERTIFICATE} ${TLS_CERTIFICATE_KEY} ${UPLOAD_BODY_BYTES}' \
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
