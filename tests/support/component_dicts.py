"""Components that the app builds as plain dicts (type, namespace, props: what Dash sends the browser),
turned back into Dash components so that the tests walk one kind of tree; and that walk."""

from __future__ import annotations

from collections.abc import Iterator

from dash import dcc, html
from dash.development.base_component import Component

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


def walk(node: object) -> Iterator[Component]:
    """Every component under `node`, those built as plain dicts included (as Dash components)."""
    node = as_component(node)
    if isinstance(node, Component):
        yield node
        yield from walk(getattr(node, "children", None))
    elif isinstance(node, list | tuple):
        for child in node:
            yield from walk(child)
