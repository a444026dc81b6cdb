"""The request hooks run in the order create_app installs them from one list (dashboard.request_hooks)."""

from __future__ import annotations

import pytest

from dashboard import request_hooks

# Our hooks as Flask runs them, by module: before the view in this order, after it in this order.
BEFORE = [
    "dashboard.web.plotly_bundle",
    "dashboard.web.validation",  # the request guard, before anything parses a callback body
    "dashboard.web.rendered",  # a remembered answer, before limits count and slots are taken
    "dashboard.web.admission",
]
AFTER = [
    "dashboard.web.page_guard",  # the one 404 for unknown pages and units, before anything keeps a 200
    "dashboard.web.static",
    "dashboard.web.security",
    "dashboard.web.rendered",  # keeps the response as security and static finished it
]


def _ours(hooks) -> list[str]:
    modules = [getattr(hook, "__module__", "") for hook in hooks]
    return [m for m in modules if m.startswith(("dashboard.web.", "dashboard.components."))]


@pytest.mark.timeout(60)
def test_hooks_run_in_the_listed_order(app):
    server = app.server
    assert _ours(server.before_request_funcs[None]) == BEFORE
    assert _ours(reversed(server.after_request_funcs[None])) == AFTER


@pytest.mark.timeout(60)
def test_limits_sit_between_the_memo_and_the_heavy_slots(settings):
    # The session's app runs without limits (RATE_LIMIT=off), so their place is read from the list.
    names = [name for name, _ in request_hooks(settings)]
    assert names.index("request guard") < names.index("response memo") < names.index("limits")
    assert names.index("limits") < names.index("heavy slots") < names.index("security headers")
    assert names.index("security headers") < names.index("static files") < names.index("page guard")
    assert names[-1] == "page guard"
