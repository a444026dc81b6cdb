"""/health and the answer while the database is away."""

from __future__ import annotations

import flask
import pytest
from sqlalchemy import text
from sqlalchemy.exc import InterfaceError, OperationalError

from dashboard import db, queries
from dashboard.web import health
from tests.conftest import _postgres_url


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


@pytest.mark.skipif(_postgres_url() is None, reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.parametrize("read_again", [False, True], ids=["after-its-reads", "between-its-reads"])
def test_the_database_ending_a_request_connection_is_a_clean_answer_never_an_escaped_error(
    read_again, monkeypatch
):
    """PostgreSQL shutting down ends every connection as pg_terminate_backend ends this one: the request
    that was using it answers (what it had read, or the 503 of a database restart), and the teardown that
    closes its connection does not raise past Flask (gunicorn would then send its own bare 500)."""
    engine = db.get_engine(_postgres_url())
    server = flask.Flask(__name__)
    health.register(server, cache_backend="simple")
    server.teardown_request(queries.release_snapshot)
    monkeypatch.setitem(queries._state, "engine", engine)

    @server.get("/read")
    def read():
        with queries.reading() as connection:
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        with engine.connect() as other:
            assert other.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}).scalar()
        if read_again:
            with queries.reading() as connection:
                connection.execute(text("SELECT 1"))
        return "read"

    response = server.test_client().get("/read")
    assert response.status_code == (503 if read_again else 200)
    with engine.connect() as connection:  # the pool recovers: the next request reads
        assert connection.execute(text("SELECT 1")).scalar() == 1


def test_a_connection_found_closed_is_the_same_503():
    server = flask.Flask(__name__)
    health.register(server, cache_backend="simple")

    @server.get("/closed")
    def closed():
        raise InterfaceError("SELECT 1", {}, ConnectionError("the connection is closed"))

    response = server.test_client().get("/closed")
    assert (response.status_code, response.headers["Retry-After"]) == (503, "1")
