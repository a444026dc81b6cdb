"""The app's repeated Dash callbacks and downloads are answered from the response memo without running or
querying again (also when parameters are garbage or reordered); refused values touch no data."""

from __future__ import annotations

import functools
import json

from dashboard import queries
from tests.support.callbacks import dependencies, payload


def test_a_repeated_dash_callback_is_answered_without_running_it(app, client, monkeypatch):
    callback = next(c for c in dependencies(client) if c["output"].startswith("..overview-map.figure"))
    body = payload(callback, [2021, None, "district", None], ["en", None])
    first = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    entry = next(v for k, v in app.callback_map.items() if k.startswith("..overview-map.figure"))

    @functools.wraps(entry["callback"])  # keeps its input rules: the request still passes them
    def broken(*args, **kwargs):
        raise AssertionError("ran again")

    monkeypatch.setitem(entry, "callback", broken)
    again = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    assert again.status_code == 200 and again.data == first.data
    other = payload(callback, [2020, None, "district", None], ["en", None])
    # The patch is live: a request not seen before runs the (broken) callback.
    fresh = client.post("/_dash-update-component", data=json.dumps(other), content_type="application/json")
    assert fresh.status_code == 500


def test_a_repeated_download_is_answered_without_querying(client, monkeypatch):
    url = "/api/v1/observations.csv?year=2021&group=district"
    first = client.get(url)
    sent = first.data  # a streamed answer is kept once it has been sent in full
    from dashboard.queries import export as queries_export

    def broken(*args, **kwargs):
        raise AssertionError("queried again")

    monkeypatch.setattr(queries_export, "iter_observations", broken)
    monkeypatch.setattr(queries_export, "observation_sources", broken)
    again = client.get(url)
    assert again.status_code == 200 and again.data == sent
    assert again.headers["X-Citation"] == first.headers["X-Citation"]
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]


def test_a_callback_request_with_refused_values_touches_no_data(client):
    from sqlalchemy import event

    callback = next(c for c in dependencies(client) if c["output"].startswith("..overview-map.figure"))
    statements: list[str] = []

    def record(connection, cursor, statement, *args):
        statements.append(statement)

    event.listen(queries.engine(), "before_cursor_execute", record)
    try:
        for year in ("2021", 1999.5, None, [2021]):
            body = payload(callback, [year, None, "district", None], ["en", None])
            refused = client.post(
                "/_dash-update-component", data=json.dumps(body), content_type="application/json"
            )
            assert refused.status_code == 204  # PreventUpdate: the view stays as it is
        assert statements == []
        body = payload(callback, [2018, None, "district", None], ["en", None])
        client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
        assert statements  # the spy sees what a valid request reads (the data version at least)
    finally:
        event.remove(queries.engine(), "before_cursor_execute", record)


def test_page_router_answers_are_kept_and_garbage_paths_are_not_looked_up(app, client):
    from dashboard.web import validation

    callback = next(c for c in dependencies(client) if c["output"].startswith(validation.PAGE_ROUTER_OUTPUT))
    good = payload(callback, ["/xep-hang", "?year=2019"], [])
    bad = payload(callback, [["/"], 5], [])
    assert validation.inputs_pass_their_rules(app.callback_map, good)
    assert not validation.inputs_pass_their_rules(app.callback_map, bad)
    first = client.post("/_dash-update-component", data=json.dumps(good), content_type="application/json")
    again = client.post("/_dash-update-component", data=json.dumps(good), content_type="application/json")
    assert first.status_code == 200 and again.data == first.data
    assert client.post("/_dash-update-component", json=bad).status_code == 400  # the request guard's answer


def _break_exports(monkeypatch) -> None:
    from dashboard.queries import export as queries_export

    def broken(*args, **kwargs):
        raise AssertionError("queried again")

    monkeypatch.setattr(queries_export, "iter_observations", broken)
    monkeypatch.setattr(queries_export, "observation_sources", broken)


def test_garbage_and_reordered_parameters_find_the_same_download(client, monkeypatch):
    first = client.get("/api/v1/observations.json?year=2021,2020&group=district")
    sent = first.data
    _break_exports(monkeypatch)
    for url in (
        "/api/v1/observations.json?group=district&year=2020,2021&a=8f3e1c",
        "/api/v1/observations.json?year=2020,2021,2021&group=district&b=&lang=vi",
        "/api/v1/observations.json?year=2020,2021&year=1999&group=district",  # the first value wins
    ):
        again = client.get(url)
        assert again.status_code == 200 and again.data == sent, url
    assert "a=8f3e1c" not in first.headers["X-Citation"]
    assert "year=2020%2C2021" in json.loads(sent)["metadata"]["url"]


def test_a_reshuffled_callback_body_finds_the_same_answer(app, client, monkeypatch):
    callback = next(c for c in dependencies(client) if c["output"].startswith("..overview-map.figure"))
    body = payload(callback, [2022, None, "district", None], ["en", None])
    first = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    entry = next(v for k, v in app.callback_map.items() if k.startswith("..overview-map.figure"))

    @functools.wraps(entry["callback"])
    def broken(*args, **kwargs):
        raise AssertionError("ran again")

    monkeypatch.setitem(entry, "callback", broken)
    reshuffled = dict(reversed(list(body.items())), junk="x" * 100)
    reshuffled["changedPropIds"] = [*body["changedPropIds"], "nowhere.value", "x" * 50]
    again = client.post(
        "/_dash-update-component", data=json.dumps(reshuffled), content_type="application/json"
    )
    assert again.status_code == 200 and again.data == first.data
