"""Random payloads at every callback and every API route: no server error, ever."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.callbacks import call, dependencies, payload, post

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=12,
)
# Half the time a value the app knows, so the fuzzing also reaches past the shape checks.
PLAUSIBLE = [
    2012,
    2019,
    2020,
    2024,
    2025,
    "district",
    "department",
    "commune",
    "ITR_TOTAL",
    "DTI_GOV",
    "total",
    "EDOC_SIGNED_SHARE",
    "NAT_DTI-2022",
    ["522", "526"],
    ["525"],
    "vi",
    "en",
    0,
    1,
    True,
    None,
    {"points": [{"customdata": ["534"]}]},
    {"url": "/geo/x", "lang": "vi", "range": [0, 100]},
]
values = st.one_of(st.sampled_from(PLAUSIBLE), json_values)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _server_callbacks(client) -> list[dict]:
    return [c for c in dependencies(client) if not c.get("clientside_function")]


def test_every_server_callback_is_fuzzed(client):
    outputs = {c["output"] for c in _server_callbacks(client)}
    assert len(outputs) >= 6, outputs


@FUZZ
@given(data=st.data())
def test_callbacks_never_answer_with_a_server_error(client, data):
    callback = data.draw(st.sampled_from(_server_callbacks(client)))
    body = payload(
        callback,
        [data.draw(values) for _ in callback["inputs"]],
        [data.draw(values) for _ in callback["state"]],
    )
    response = post(client, body)
    assert response.status_code < 500, (callback["output"], body, response.data[:300])


API_PATHS = [
    "/api/v1/observations.csv",
    "/api/v1/observations.json",
    "/api/v1/observations.xlsx",
    "/api/v1/units.json",
    "/api/v1/indicators.csv",
    "/api/v1/sources.json",
    "/api/v1/datapackage.json",
    "/api/v1/boundaries/districts-2020.geojson",
    "/api/v1/nothing.csv",
]
PARAMETERS = ["year", "from", "to", "index", "indicator", "sub", "group", "units", "lang", "dataset", "x"]


@FUZZ
@given(
    path=st.sampled_from(API_PATHS),
    query=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=30), max_size=5),
)
def test_api_routes_never_answer_with_a_server_error(client, path, query):
    # Read the whole body and close the response, as a client does: a streamed download left unread kept
    # its request context until garbage collection popped it inside a later request (a flaky failure),
    # and an error in the middle of a stream only shows when the stream is read.
    with client.get(path, query_string=query) as response:
        body = response.data
    assert response.status_code < 500, (path, query, body[:300])


@pytest.mark.parametrize(
    "body",
    [
        b"{",
        b"[]",
        b'{"output": 1}',
        json.dumps({"output": "nope.children", "inputs": []}).encode(),
        b"\xff" * 10,
    ],
)
def test_malformed_callback_requests_carry_no_traceback(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code < 600
    assert b"Traceback" not in response.data
    assert b'File "' not in response.data


def test_request_bodies_are_capped(client):
    response = client.post(
        "/_dash-update-component", data=b"x" * (65 * 1024), content_type="application/json"
    )
    assert response.status_code == 413


def test_no_debugger_or_dev_tools_in_the_served_app(app, client):
    assert app.server.debug is False
    assert app.config.get("ui") in (None, False)
    config = json.loads(
        client.get("/").data.split(b'id="_dash-config" type="application/json">')[1].split(b"<")[0]
    )
    assert config.get("ui") is False
    assert config.get("props_check") is False


# --- the probes of issue 15 (item 3): each answered 500 before the request guard -------------------------


def _single_and_multi(client) -> tuple[dict, dict]:
    callbacks = _server_callbacks(client)
    single = next(c for c in callbacks if "..." not in c["output"])
    multi = next(c for c in callbacks if "..." in c["output"])
    return single, multi


def _bad_bodies(client) -> dict[str, bytes]:
    single, multi = _single_and_multi(client)
    good_single = payload(single, [None] * len(single["inputs"]), [None] * len(single["state"]))
    good_multi = payload(multi, [None] * len(multi["inputs"]), [None] * len(multi["state"]))
    pattern_id = {"type": "unit", "index": 1}
    return {
        "unknown output": {
            **good_single,
            "output": "nope.children",
            "outputs": {"id": "nope", "property": "children"},
        },
        "pattern-matching id": {
            **good_single,
            "output": json.dumps(pattern_id) + ".children",
            "outputs": {"id": pattern_id, "property": "children"},
            "inputs": [{"id": pattern_id, "property": "value", "value": 1}],
        },
        "pattern-matching input": {
            **good_single,
            "inputs": [{**good_single["inputs"][0], "id": pattern_id}, *good_single["inputs"][1:]],
        },
        "list of outputs for one output": {**good_single, "outputs": [good_single["outputs"]]},
        "one output for a list": {**good_multi, "outputs": good_multi["outputs"][0]},
        "missing inputs": {"output": single["output"], "outputs": good_single["outputs"]},
        "missing outputs": {k: v for k, v in good_multi.items() if k != "outputs"},
        "wrong number of inputs": {**good_multi, "inputs": good_multi["inputs"] * 2},
        "clientside callback": {"output": "rankings-grid.dashGridOptions", "inputs": [], "state": []},
        "changedPropIds not a list": {**good_single, "changedPropIds": {"a": 1}},
    }


@pytest.mark.parametrize(
    "case",
    [
        "unknown output",
        "pattern-matching id",
        "pattern-matching input",
        "list of outputs for one output",
        "one output for a list",
        "missing inputs",
        "missing outputs",
        "wrong number of inputs",
        "clientside callback",
        "changedPropIds not a list",
    ],
)
def test_callback_bodies_that_fit_no_callback_are_400(client, case):
    response = post(client, _bad_bodies(client)[case])
    assert response.status_code == 400, response.data[:300]


@pytest.mark.parametrize("body", [b"[" * 60_000, b'{"output": "x.y", "inputs": ' + b"[" * 5000 + b"}"])
def test_deeply_nested_bodies_are_400_not_a_recursion_error(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400


def test_well_formed_callbacks_still_answer(client):
    single, _ = _single_and_multi(client)
    response = post(client, payload(single, [None] * len(single["inputs"]), [None] * len(single["state"])))
    assert response.status_code in (200, 204)


def _router(client, path: str, search: str):
    return call(
        client,
        output_prefix="_pages_content",
        inputs={"_pages_location.pathname": path, "_pages_location.search": search},
    )


@pytest.mark.parametrize(
    ("path", "search", "expected"),
    [
        ("/xep-hang", "?year=2020&year=2021", b"2020"),
        ("/", "?lang=en&lang=en", b"Overview"),
        ("/van-ban-dien-tu", "?year=2020&year=x", b"2020"),
    ],
)
def test_repeated_query_keys_first_value_wins(client, path, search, expected):
    response = _router(client, path, search)
    assert response.status_code == 200, response.data[:300]
    assert expected in response.data


def test_unicode_digits_are_not_a_year(client):
    ascii_year = _router(client, "/van-ban-dien-tu", "?year=2020")
    devanagari = _router(client, "/van-ban-dien-tu", "?year=२०२०")
    default = _router(client, "/van-ban-dien-tu", "")
    assert devanagari.status_code == 200
    assert devanagari.data == default.data
    assert ascii_year.data != default.data


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/os/__init__.py",
        "/_dash-component-suites/dash/../../etc/passwd",
        "/_dash-component-suites/dash/deps/nothing.js",
    ],
)
def test_component_suite_paths_outside_a_package_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"root:" not in response.data


@pytest.mark.parametrize(
    "path", ["/no-such-page", "/xep-hang/extra", "/_dash-update-component", "/api/v1", "/api/v1/"]
)
def test_unknown_pages_and_roots_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/", "/xep-hang", "/don-vi/525", "/nhung/ban-do", "/giay-phep"])
def test_known_pages_are_200(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_deep_bodies_in_utf16_or_utf32_are_400_even_with_quote_bytes_hiding_brackets(client, encoding):
    # '≛' is the bytes 5B 22 in UTF-16-LE: a quote byte that, read as UTF-8, opens a "string" hiding the
    # real brackets that follow; the parser reads the body as UTF-16 and recurses 3,000 deep.
    text = '{"output": "x.y", "inputs": ["≛",' + "[" * 3000 + "]" * 3000 + ',"≛"]}'
    body = text.encode(encoding)
    assert len(body) < 25_000
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400, response.data[:200]


@pytest.mark.parametrize(
    "click",
    [
        {"points": [1]},
        {"points": "x"},
        {"points": [{"customdata": [{}]}]},
        {"points": [{"location": "../x"}]},
    ],
)
def test_a_map_click_of_any_shape_never_fails(client, click):
    response = call(
        client,
        output_prefix="overview-nav.href",
        inputs={"overview-map.clickData": click},
        state={"overview-lang.data": "vi"},
    )
    assert response.status_code in (200, 204), response.data[:300]
    assert b"../x" not in response.data
