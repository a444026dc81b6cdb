"""Each request reads one snapshot: an import committed mid-request is not half-seen, and the
request's connection goes back to the pool when the request (or its streamed body) ends."""

from __future__ import annotations

import pytest

from dashboard import db, queries


def test_an_import_committed_mid_request_is_not_seen_by_that_request(app):
    if queries.engine().dialect.name != "postgresql":
        pytest.skip("snapshots are PostgreSQL's (SQLite is the single-process embedded default)")
    with app.server.test_request_context("/"):
        before = queries.data_version()
        units_before = len(queries.units.uncached(before))
        with queries.engine().begin() as other:  # another process's import, committed now
            after = db.bump_data_version(other)
        with queries.reading() as connection:
            assert db.data_version(connection) == before  # still the request's snapshot
        assert len(queries.units.uncached(before)) == units_before
    with app.server.test_request_context("/"):
        assert queries.data_version() == after  # the next request sees the import


def test_request_connections_return_to_the_pool(client):
    pool = queries.engine().pool
    assert len(client.get("/api/v1/observations.csv?year=2020").data) > 1000  # streamed, read to the end
    client.get("/_dash-layout")
    client.get("/xep-hang?year=2019")
    assert pool.checkedout() == 0
