"""Random payloads at every callback and every API route: no server error, ever."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.callbacks import dependencies, payload, post

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
    response = client.get(path, query_string=query)
    assert response.status_code < 500, (path, query, response.data[:300])


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
