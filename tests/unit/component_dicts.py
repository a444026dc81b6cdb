"""Components that the app builds as plain dicts (type, namespace, props: what Dash sends the browser),
turned back into Dash components so that the tests walk one kind of tree."""

from __future__ import annotations

from dash import dcc, html

LIBRARIES = {"dash_html_components": html, "dash_core_components": dcc}


def as_component(node: object) -> object:
    """The Dash component a component dict stands for (its children converted too); anything else as is."""
    if isinstance(node, dict) and {"type", "namespace", "props"} <= node.keys():
        props = dict(node["props"])
        if "children" in props:
            props["children"] = as_component(props["children"])
        return getattr(LIBRARIES[node["namespace"]], node["type"])(**props)
    if isinstance(node, list):
        return [as_component(child) for child in node]
    return node
