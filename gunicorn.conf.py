"""gunicorn settings: `gunicorn -c gunicorn.conf.py app:server`. Every value can be overridden on the
command line or through GUNICORN_CMD_ARGS."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8050")
# Callbacks are short and CPU-bound (pandas, plotly JSON); one worker per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
# Four threads: at most one builds an uncached answer (HEAVY_SLOTS are shared by all workers) and
# HEAVY_QUEUE (1) waits for a slot, so two are always free for cached pages and /health
# (dashboard/web/admission.py).
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Load the app once in the master: the first-start build and the page registry happen once, and the
# workers share the memory copy-on-write.
preload_app = True
# Recycle workers now and then (a leak cannot grow for ever), but rarely: each restart starts with cold
# per-process caches. At 100 requests/s a worker lives about half an hour.
max_requests = 50_000
max_requests_jitter = 5_000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG")  # off unless asked for: it costs throughput
errorlog = "-"
# No control socket (one fixed path per user): several instances on a machine (tests, benchmarks) would
# fight over it, and nothing here uses it.
control_socket_disable = True


def post_fork(server, worker):
    """Give each worker its own database connections: a pooled socket must never cross a fork."""
    from dashboard import db

    db.dispose_engines()
