"""Client errors of the open-data API, rendered as JSON in the asker's language. May import: i18n."""

from __future__ import annotations

import flask

from dashboard.i18n import LANGUAGES, t


class ApiError(Exception):
    """A client error rendered as JSON: status, the offending parameter, and a translated message."""

    def __init__(self, status: int, key: str, *, parameter: str | None = None, **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.parameter, self.values = status, key, parameter, values


def render(error: ApiError) -> flask.Response:
    """The error handler of the API blueprint: {"error": {status, message, parameter}}."""
    lang = lang_or_default()
    body = {"status": error.status, "message": t(error.key, lang, parameter=error.parameter, **error.values)}
    if error.parameter:
        body["parameter"] = error.parameter
    response = flask.jsonify({"error": body})
    response.status_code = error.status
    return response


def lang_or_default() -> str:
    """The request's `lang` when it is one we speak, else Vietnamese (an error must still be readable)."""
    lang = flask.request.args.get("lang", "vi")
    return lang if lang in LANGUAGES else "vi"
