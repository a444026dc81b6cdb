"""The partial plotly.js bundle: it holds every trace type the dashboard builds and is what Dash serves."""

from __future__ import annotations

import ast
from pathlib import Path

import dash
import plotly.graph_objects as go
import pytest
from plotly.basedatatypes import BaseTraceType

from dashboard.web import plotly_bundle

PACKAGE = Path(plotly_bundle.__file__).parents[1]


# Trace types by name, for plain-dict figures ({"type": "scatter", ...}; see dashboard/figures/__init__.py).
TRACE_TYPES = {
    cls().type
    for cls in (getattr(go, name) for name in dir(go) if name[:1].isupper())  # go imports lazily
    if isinstance(cls, type) and issubclass(cls, BaseTraceType) and cls is not BaseTraceType
}


def _trace_types_built_by_the_dashboard() -> dict[str, str]:
    """Every `go.<Trace>(...)` call and `{"type": "<trace>"}` dict in the package: trace type -> where."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module != "plotly.express", f"{path}: plotly.express may build any trace type"
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    is_type = isinstance(key, ast.Constant) and key.value == "type"
                    if is_type and isinstance(value, ast.Constant) and value.value in TRACE_TYPES:
                        found[value.value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "go":
                cls = getattr(go, node.func.attr)
                if isinstance(cls, type) and issubclass(cls, BaseTraceType):
                    found[cls().type] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def test_the_bundle_holds_every_trace_type_the_dashboard_builds():
    built = _trace_types_built_by_the_dashboard()
    assert {"bar", "choropleth", "scatter", "scattergeo"} <= set(built)  # the scan does find them
    missing = {kind: where for kind, where in built.items() if kind not in plotly_bundle.load().trace_types}
    assert missing == {}, "add these to TRACES in scripts/plotly-bundle/build.sh and rebuild"


def test_the_bundle_is_built_for_the_plotly_js_that_plotly_py_writes_for():
    bundle = plotly_bundle.load()
    assert plotly_bundle.usable(bundle), (
        f"bundle is plotly.js {bundle.version}: put plotly.py's in scripts/plotly-bundle/package.json "
        "and run scripts/plotly-bundle/build.sh"
    )


def test_dash_serves_the_partial_bundle_with_revalidation(client):
    url = "/" + plotly_bundle.DASH_PLOTLY_URL
    response = client.get(url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert response.data == plotly_bundle.load().body
    assert response.mimetype == "application/javascript"
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    compressed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert len(compressed.data) < len(response.data) / 2


def test_a_bundle_for_another_plotly_js_falls_back_to_the_full_one(tmp_path, caplog, own_dash):
    stale = tmp_path / "plotly-partial.min.js"
    stale.write_bytes(b"/*! plotly.js v0.0.1 partial bundle; traces: scatter; MIT */\nvar Plotly={};")
    app = own_dash()
    app.layout = dash.html.Div()
    assert plotly_bundle.install(app, stale) is False
    assert "rebuild with scripts/plotly-bundle/build.sh" in caplog.text
    full = app.server.test_client().get("/" + plotly_bundle.DASH_PLOTLY_URL)
    assert len(full.data) > 4_000_000  # Dash's own full plotly.min.js, not the stale file


def test_a_file_without_the_build_banner_is_refused(tmp_path):
    odd = tmp_path / "plotly.min.js"
    odd.write_bytes(b"var Plotly={};")
    with pytest.raises(ValueError, match="banner"):
        plotly_bundle.load(odd)
