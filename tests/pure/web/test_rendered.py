"""The response memo on a tiny Flask app: the same request gets the same bytes without running the view
again, another body, query, encoding or data version is another answer; it is bounded in bytes and shared on
disk by the workers; a request's values are checked against the callback's own guard."""

from __future__ import annotations

import functools
import gzip

import flask
import pytest

from dashboard import queries
from dashboard.web import rendered


@pytest.fixture
def memo_app(monkeypatch):
    """A tiny app whose views count their calls, behind a ResponseMemo and a gzip hook."""
    version = {"value": "v1"}
    monkeypatch.setattr(queries, "data_version", lambda: version["value"])
    monkeypatch.setattr(rendered.versions.watch, "current", lambda engine: None)
    monkeypatch.setattr(queries, "engine", lambda: None)
    memo = rendered.ResponseMemo("test", max_bytes=600, max_body=1000)
    app = flask.Flask(__name__)
    calls: list[str] = []

    @app.before_request
    def lookup():
        return memo.lookup()

    @app.after_request
    def keep(response):
        return memo.keep(response)

    @app.after_request  # runs before keep: keep stores the compressed bytes
    def compress(response):
        compressed = "Content-Encoding" in response.headers  # a kept answer, as the app's hooks check
        if flask.request.accept_encodings.quality("gzip") > 0 and not response.is_streamed and not compressed:
            response.set_data(gzip.compress(response.get_data(), mtime=0))
            response.headers["Content-Encoding"] = "gzip"
        return response

    @app.route("/echo", methods=["GET", "POST"])
    def echo():
        calls.append("echo")
        response = flask.Response(f"{flask.request.args.get('q')}:{flask.request.get_data(as_text=True)}")
        response.headers["X-Citation"] = "source"
        return response

    @app.get("/stream")
    def stream():
        calls.append("stream")
        size = int(flask.request.args["size"])
        return flask.Response((b"x" * 100 for _ in range(size // 100)), mimetype="text/csv")

    @app.get("/missing")
    def missing():
        calls.append("missing")
        return "no", 404

    return app.test_client(), calls, version


def test_the_same_request_gets_the_same_bytes_without_running_the_view(memo_app):
    client, calls, _ = memo_app
    first = client.post("/echo?q=1", data="body")
    second = client.post("/echo?q=1", data="body")
    assert calls == ["echo"]
    assert second.data == first.data == b"1:body"
    assert second.headers["X-Citation"] == "source"


def test_another_body_query_encoding_or_data_version_is_another_answer(memo_app):
    client, calls, version = memo_app
    client.post("/echo?q=1", data="a")
    client.post("/echo?q=1", data="b")
    client.post("/echo?q=2", data="a")
    zipped = client.post("/echo?q=1", data="a", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(zipped.data) == b"1:a" and zipped.headers["Content-Encoding"] == "gzip"
    assert client.post("/echo?q=1", data="a", headers={"Accept-Encoding": "gzip"}).data == zipped.data
    client.post("/echo?q=1", data="a", headers={"Accept-Encoding": "gzip, br"})  # may be kept as brotli
    assert len(calls) == 5
    version["value"] = "v2"  # an import landed
    client.post("/echo?q=1", data="a")
    assert len(calls) == 6


def test_streamed_answers_are_kept_once_sent_and_big_ones_never(memo_app):
    client, calls, _ = memo_app
    assert len(client.get("/stream?size=500").data) == 500
    assert len(client.get("/stream?size=500").data) == 500
    assert len(client.get("/stream?size=5000").data) == 5000
    assert len(client.get("/stream?size=5000").data) == 5000
    assert calls == ["stream", "stream", "stream"]


def test_errors_and_conditional_requests_go_to_the_view(memo_app):
    client, calls, _ = memo_app
    client.get("/missing")
    client.get("/missing")
    client.get("/echo", headers={"If-None-Match": '"x"'})
    client.get("/echo", headers={"If-None-Match": '"x"'})
    assert calls == ["missing", "missing", "echo", "echo"]


def test_least_recently_used_answers_go_first(memo_app):
    client, calls, _ = memo_app
    for q in range(5):
        client.get(f"/echo?q={q:0140d}")  # 141-byte answers: four fit in 600 bytes
    client.get(f"/echo?q={4:0140d}")  # kept
    client.get(f"/echo?q={0:0140d}")  # evicted by the fifth
    assert len(calls) == 6


def test_memory_is_bounded_in_bytes_not_entries():
    memo = rendered.ResponseMemo("bytes", max_bytes=1000, max_body=600)
    app = flask.Flask(__name__)
    for n in range(20):
        with app.test_request_context(f"/x?n={n}"):
            memo._store((f"v{n}",), rendered._Stored((), b"x" * 300))
            assert memo.size <= 1000
    assert memo.size == 900  # the last three: 450 requests of 2 MB no longer grow a worker for good


def test_downloads_are_kept_on_disk_for_every_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(queries, "data_version", lambda: "v1")
    monkeypatch.setattr(rendered.versions.watch, "current", lambda engine: None)
    monkeypatch.setattr(queries, "engine", lambda: None)
    workers = [rendered.ResponseMemo("w", disk_dir=tmp_path, max_body=10) for _ in range(2)]
    app = flask.Flask(__name__)
    with app.test_request_context("/api/v1/observations.xlsx?a=1"):
        assert workers[0].lookup(("download", "full")) is None
        workers[0].keep(flask.Response(b"y" * 100, headers={"X-Citation": "c"}))  # too big for memory
    with app.test_request_context("/api/v1/observations.xlsx?b=2"):
        answer = workers[1].lookup(("download", "full"))
    assert answer is not None and answer.get_data() == b"y" * 100 and answer.headers["X-Citation"] == "c"
    monkeypatch.setattr(queries, "data_version", lambda: "v2")  # an import: older answers are not served
    with app.test_request_context("/api/v1/observations.xlsx"):
        assert workers[1].lookup(("download", "full")) is None


def test_request_values_are_checked_against_the_callbacks_own_guard():
    from dashboard.web import validation

    @validation.guarded(validation.year, validation.lang)
    def view(year, lang):
        return year

    callback_map = {"out.children": {"callback": functools.wraps(view)(lambda *args: view(*args))}}

    def body(year, lang):
        return {
            "output": "out.children",
            "inputs": [{"id": "y", "property": "value", "value": year}],
            "state": [{"id": "l", "property": "data", "value": lang}],
        }

    assert validation.inputs_pass_their_rules(callback_map, body(2020, "vi"))
    for refused in (
        body("2020", "vi"),
        body(2020, "xx"),
        {**body(2020, "vi"), "output": "other.children"},
        {**body(2020, "vi"), "inputs": [7]},
        {**body(2020, "vi"), "state": []},
        {**body(2020, "vi"), "inputs": 5},
        {**body(2020, "vi"), "state": "vi"},
        "garbage",
        None,
    ):
        assert not validation.inputs_pass_their_rules(callback_map, refused), refused
