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
