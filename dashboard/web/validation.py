"""Shape checks for callback inputs, run before any data is touched.

A callback receives whatever a browser (or anyone with curl) posts. Each callback declares one rule per
argument; a value of the wrong shape leaves the view unchanged (PreventUpdate) in microseconds. Whether
a well-shaped value exists (a year with data, a known code) is then decided against memoized data.
Imports nothing of ours but domain and i18n.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
from collections.abc import Callable
from typing import Any

import flask
from dash.exceptions import PreventUpdate

from dashboard.domain import GROUP_KINDS, UNIT_CODE
from dashboard.i18n import LANGUAGES

Rule = Callable[[Any], bool]

_INDICATOR = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
_TABLE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}-[0-9]{4}$")
MAX_UNITS = 12
PAGE_ROUTER_OUTPUT = ".._pages_content.children"
# Deeper JSON than any callback sends; checked on the raw bytes, before a parser can recurse.
MAX_DEPTH = 32
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def optional(rule: Rule) -> Rule:
    """Accept None (a cleared control) as well as what the rule accepts."""
    return lambda value: value is None or rule(value)


def year(value: Any) -> bool:
    """A whole year in a plausible range (the year dropdown sends ints; never floats such as 2023.9)."""
    return isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100


def code(value: Any) -> bool:
    """A unit code: GSO digits or a department slug."""
    return isinstance(value, str) and bool(UNIT_CODE.match(value))


def codes(value: Any) -> bool:
    """A short list of unit codes."""
    return isinstance(value, list) and len(value) <= MAX_UNITS and all(code(v) for v in value)


def indicator(value: Any) -> bool:
    """An indicator code such as DTI_TOTAL."""
    return isinstance(value, str) and bool(_INDICATOR.match(value))


def index_choice(value: Any) -> bool:
    """An indicator code, or "total" (the total of each year's method)."""
    return value == "total" or indicator(value)


def table_choice(value: Any) -> bool:
    """A national table choice such as NAT_DTI-2022."""
    return isinstance(value, str) and bool(_TABLE.match(value))


def group(value: Any) -> bool:
    """A unit kind shown as a group."""
    return value in GROUP_KINDS


def lang(value: Any) -> bool:
    """A supported language."""
    return value in LANGUAGES


def count(value: Any) -> bool:
    """A click counter."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def flag(value: Any) -> bool:
    """A boolean property."""
    return value is None or isinstance(value, bool)


def mapping(value: Any) -> bool:
    """A small JSON object (click data, stored state)."""
    return value is None or (isinstance(value, dict) and len(value) <= 16)


def guarded(*rules: Rule) -> Callable:
    """Check each positional callback argument against its rule; any mismatch leaves the view unchanged."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args: Any) -> Any:
            if len(args) != len(rules) or not all(
                rule(value) for rule, value in zip(rules, args, strict=True)
            ):
                raise PreventUpdate
            return function(*args)

        wrapper.rules = rules  # read by inputs_pass_their_rules before a request reaches Dash
        return wrapper

    return decorate


def inputs_pass_their_rules(callback_map: dict[str, dict], payload: Any) -> bool:
    """True when a callback request's values pass the rules of its guarded callback.

    The same check `guarded` makes, but on the request body, so that code running before Dash (the
    response memo) touches no data for a request the callback would refuse. Dash's page router is held
    to the request guard's rule. Anything unexpected (another unguarded callback, pattern-matching ids,
    a malformed body) answers False.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("output"), str):
        return False
    if payload["output"].startswith(PAGE_ROUTER_OUTPUT):
        return not _router_payload_is_malformed(payload)
    entry = callback_map.get(payload["output"])
    function = inspect.unwrap(entry["callback"], stop=lambda f: hasattr(f, "rules")) if entry else None
    rules = getattr(function, "rules", None)
    inputs, state = payload.get("inputs") or [], payload.get("state") or []
    if rules is None or not isinstance(inputs, list) or not isinstance(state, list):
        return False
    items = [*inputs, *state]
    if len(items) != len(rules) or not all(isinstance(item, dict) for item in items):
        return False
    return all(rule(item.get("value")) for rule, item in zip(rules, items, strict=True))


def _router_payload_is_malformed(payload: Any) -> bool:
    """Dash's own page router expects strings for the location; it fails with a 500 on anything else."""
    if not isinstance(payload, dict) or not isinstance(payload.get("inputs", []), list):
        return True
    for item in payload.get("inputs", []):
        if not isinstance(item, dict):
            return True
        if item.get("id") == "_pages_location":
            value = item.get("value")
            if not (isinstance(value, str) and len(value) <= 2048):
                return True
            if item.get("property") == "pathname" and not value.startswith("/"):
                return True
    return False


def _too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when JSON nests deeper than `limit` (the parser would recurse until RecursionError).

    The JSON parser also reads UTF-16 and UTF-32: such a body is scanned as the UTF-8 text it stands for,
    since their bytes can hold a quote byte that would hide brackets from the string-stripping pattern.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    encoding = json.detect_encoding(body)
    if not encoding.startswith("utf-8"):
        try:
            body = body.decode(encoding).encode("utf-8")
        except UnicodeError:
            return True  # not JSON in any encoding the parser reads: refused like a deep body
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        if depth > limit:
            return True
    return False


def _declared(item: Any, spec: Any) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("property"), str):
        return False
    # An output declared with allow_duplicate may be named "figure@<hash>", as in the callback's id.
    return item.get("id") == spec["id"] and item["property"].split("@", 1)[0] == spec["property"]


def callback_shape_problem(callback_map: dict[str, dict], payload: Any) -> str | None:
    """Why a callback request body does not fit a registered server callback, or None when it does.

    Dash trusts the body's shape and fails with a 500 (KeyError, IndexError, CallbackException) on
    an unknown output, a pattern-matching id, a list of outputs for a single output, missing keys.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("output"), str):
        return "no output"
    entry = callback_map.get(payload["output"])
    if entry is None or "callback" not in entry:  # clientside callbacks are listed without a function
        return "unknown output"
    declared = entry["output"]
    outputs = payload.get("outputs")
    if isinstance(declared, list):
        if not isinstance(outputs, list) or len(outputs) != len(declared):
            return "outputs do not match"
        pairs = zip(outputs, declared, strict=True)
    else:
        pairs = [(outputs, declared)]
    for item, spec in pairs:
        wanted = {"id": spec.component_id, "property": spec.component_property}
        if not _declared(item, wanted):
            return "outputs do not match"
    for key in ("inputs", "state"):
        items, specs = payload.get(key, [] if key == "state" else None), entry.get(key, [])
        if not isinstance(items, list) or len(items) != len(specs):
            return f"{key} do not match"
        if not all(_declared(item, spec) for item, spec in zip(items, specs, strict=True)):
            return f"{key} do not match"
    changed = payload.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "changedPropIds is not a list of strings"
    if payload["output"].startswith(PAGE_ROUTER_OUTPUT) and _router_payload_is_malformed(payload):
        return "malformed location"
    return None


def install_request_guard(app) -> None:
    """Answer callback requests that fit no registered callback with 400 before anything parses them.

    Register before any other hook that reads the callback body (the response memo): the depth check
    must come before the first JSON parse.
    """
    server: flask.Flask = app.server
    path = app.config.routes_pathname_prefix + "_dash-update-component"

    @server.before_request
    def reject_malformed_callbacks() -> flask.Response | None:
        if flask.request.path != path or flask.request.method != "POST":
            return None
        if _too_deep(flask.request.get_data(cache=True)):
            return _bad_request("nested too deeply")
        problem = callback_shape_problem(app.callback_map, flask.request.get_json(silent=True))
        return _bad_request(problem) if problem else None


def _bad_request(problem: str) -> flask.Response:
    return flask.Response(f"malformed callback request: {problem}", status=400, mimetype="text/plain")
