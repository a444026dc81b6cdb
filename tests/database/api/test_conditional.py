"""Conditional downloads answered by werkzeug's rules before any query: If-None-Match wins over
If-Modified-Since, a weak tag matches, an older date does not."""

from __future__ import annotations

from werkzeug.http import http_date

URL = "/api/v1/units.csv"


def test_the_tag_decides_when_both_are_sent(client) -> None:
    first = client.get(URL)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    long_ago = http_date(0)
    assert client.get(URL, headers={"If-None-Match": etag, "If-Modified-Since": long_ago}).status_code == 304
    stale = {"If-None-Match": 'W/"old"', "If-Modified-Since": modified}
    assert client.get(URL, headers=stale).status_code == 200
    strong = etag.removeprefix("W/")
    assert client.get(URL, headers={"If-None-Match": strong}).status_code == 304  # compared weakly


def test_a_date_before_the_data_version_gets_the_file(client) -> None:
    assert client.get(URL, headers={"If-Modified-Since": http_date(0)}).status_code == 200
