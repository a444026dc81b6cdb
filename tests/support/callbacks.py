"""Call Dash callbacks through the Flask test client, as the browser would (no browser needed)."""

from __future__ import annotations

import json
from typing import Any


def dependencies(client) -> list[dict[str, Any]]:
    """The app's callback graph as the renderer sees it."""
    return client.get("/_dash-dependencies").get_json()


def payload(callback: dict[str, Any], inputs: list[Any], state: list[Any]) -> dict[str, Any]:
    """The request body the renderer sends for a callback, with values in the callback's own order."""
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in callback["output"].strip(".").split("...")
    ]
    filled_inputs = [{**item, "value": value} for item, value in zip(callback["inputs"], inputs, strict=True)]
    filled_state = [{**item, "value": value} for item, value in zip(callback["state"], state, strict=True)]
    changed = [f"{filled_inputs[0]['id']}.{filled_inputs[0]['property']}"] if filled_inputs else []
    return {
        "output": callback["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled_inputs,
        "state": filled_state,
        "changedPropIds": changed,
    }


def post(client, body: dict[str, Any], *, headers: dict[str, str] | None = None):
    """POST a callback request body."""
    return client.post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json", headers=headers
    )


def call(
    client,
    *,
    output_prefix: str,
    inputs: dict[str, Any],
    state: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
):
    """POST the callback whose output string starts with `output_prefix`, values keyed 'id.property'."""
    callback = next(c for c in dependencies(client) if c["output"].lstrip(".").startswith(output_prefix))
    state = state or {}
    values = [inputs.get(f"{i['id']}.{i['property']}") for i in callback["inputs"]]
    states = [state.get(f"{s['id']}.{s['property']}") for s in callback["state"]]
    return post(client, payload(callback, values, states), headers=headers)


def opened_dialog(client, spec: dict[str, Any]) -> str:
    """The text of a download dialog (its `download-spec` data) once opened: row counts and sizes measured."""
    response = call(
        client,
        output_prefix="download-body.children",
        inputs={"download-open.n_clicks": 1},
        state={"download-spec.data": spec},
    )
    assert response.status_code == 200, response.data
    return json.dumps(response.get_json(), ensure_ascii=False)
