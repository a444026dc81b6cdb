"""/health and the answer while the database is away."""

from __future__ import annotations

import flask
from sqlalchemy.exc import OperationalError

from dashboard.web import health


def test_health_reports_database_and_cache(client):
    response = client.get("/health")
    body = response.get_json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["database"]["data_version"] != "0"
    assert body["cache"]["ok"]
    assert response.headers["Cache-Control"] == "no-store"


def test_a_database_restart_is_a_503_with_retry_after_not_a_500():
    server = flask.Flask(__name__)
    health.register(server, cache_backend="simple")

    @server.get("/boom")
    def boom():
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("the database system is shutting down"))

    response = server.test_client().get("/boom")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert b"Traceback" not in response.data


def test_the_app_starts_without_its_database_and_health_says_down(tmp_path):
    """gunicorn used to exit when the database was missing at boot; now the app serves 503s and retries."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json; from dashboard import create_app; c = create_app().server.test_client(); "
        "h = c.get('/health'); d = c.get('/api/v1/units.csv'); "
        "print(json.dumps([h.status_code, h.get_json()['status'], d.status_code, "
        "d.headers.get('Retry-After')]))"
    )
    env = dict(os.environ, DASHBOARD_INSTANCE_DIR=str(tmp_path))
    env["DATABASE_URL"] = "postgresql://postgres@127.0.0.1:1/missing"  # nothing listens on port 1
    env.pop("CACHE_REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=90, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [503, "down", 503, "1"]
