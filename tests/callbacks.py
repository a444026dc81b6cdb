"""Call Dash callbacks through the Flask test client, as the browser would (no browser needed)."""

from __future__ import annotations

import json
from typing import Any


def dependencies(client) -> list[dict[str, Any]]:
    """The app's callback graph as the renderer sees it."""
    return client.get("/_dash-dependencies").get_json()


def call(
    client,
    *,
    output_prefix: str,
    inputs: dict[str, Any],
    state: dict[str, Any] | None = None,
    changed: str | None = None,
):
    """POST a callback whose output string starts with `output_prefix`; return the Flask response."""
    graph = dependencies(client)
    callback = next(c for c in graph if c["output"].lstrip(".").startswith(output_prefix))

    def props(items, values):
        return [
            {"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")}
            for i in items
        ]

    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in callback["output"].strip(".").split("...")
    ]
    payload = {
        "output": callback["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": props(callback["inputs"], inputs),
        "state": props(callback["state"], state or {}),
        "changedPropIds": [changed or next(iter(inputs))],
    }
    return client.post("/_dash-update-component", data=json.dumps(payload), content_type="application/json")
