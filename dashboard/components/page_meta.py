"""Page titles, meta and Open Graph descriptions that say when a page shows generated figures.

Dash builds `<title>`, `<meta name="description">` and the `og:`/`twitter:` tags from each registered
page's `title` and `description`. `label_generated_pages` wraps those of the pages that show illustrative
figures so that a browser tab, a search result or a link preview carries the same label as the page text
(views/published.py). `install` is called once by create_app after the pages are registered; it also
puts the page's own title in the served HTML's `<title>` (Dash writes the app's title there and
changes it only in the browser, which link previews and crawlers never run).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping

import dash
import flask
from dash import _pages

from dashboard import queries
from dashboard.i18n import normalize_language, t
from dashboard.views import published

# Pages built on illustrative datasets (rankings of the province's own units have not been published):
# every figure they rank is generated, or (e-documents) one of their sections is.
GENERATED = {
    "dashboard.pages.home": "all",
    "dashboard.pages.rankings": "all",
    "dashboard.pages.compare": "all",
    "dashboard.pages.embed.map": "all",
    "dashboard.pages.embed.compare": "all",
    "dashboard.pages.edocs": "some",
}
# Pages about one unit: generated when that unit has illustrative figures.
PER_UNIT = ("dashboard.pages.unit", "dashboard.pages.embed.unit")


def _lang() -> str:
    return normalize_language(flask.request.args.get("lang")) if flask.has_request_context() else "vi"


def unit_has_generated(code: str | None) -> bool:
    """Whether a unit's profile shows illustrative figures."""
    frame = queries.observations(queries.ObservationFilter(unit_codes=(str(code),)))
    return bool((frame["data_kind"] == "illustrative").any())


def labelled(text: str, extent: str, *, lang: str, kind: str) -> str:
    """A title or description with the generated-figures label ('all' or 'some' of its figures)."""
    if extent != "all":
        return f"{text} ({t('generated.some', lang)})"
    if kind == "title":
        return published.generated_title(text, lang)
    return t("generated.description", lang, label=published.generated_label(lang), description=text)


def _wrap(value: object, extent: str | Callable[..., str], kind: str) -> Callable[..., str]:
    def wrapped(**path: str) -> str:
        text = value(**path) if callable(value) else str(value or "")
        which = extent(**path) if callable(extent) else extent
        return labelled(text, which, lang=_lang(), kind=kind) if which else text

    return wrapped


def label_generated_pages(registry: MutableMapping[str, dict]) -> None:
    """Wrap the title and description of every page that shows generated figures."""
    for module, page in registry.items():
        if module in GENERATED:
            extent: str | Callable[..., str] = GENERATED[module]
        elif module in PER_UNIT:
            extent = lambda code=None, **_: "all" if unit_has_generated(code) else ""  # noqa: E731
        else:
            continue
        title = page["title"]
        page["title"] = _wrap(title, extent, "title")
        page["description"] = _wrap(page.get("description") or title, extent, "description")


def _served_title(app: dash.Dash, default: str) -> str:
    page, path = _pages._path_to_page(app.strip_relative_path(flask.request.path) or "")
    title = page.get("title") if page else None
    return (title(**path) if path else title()) if callable(title) else (title or default)


def install(app: dash.Dash) -> None:
    """Label the pages that show generated figures and serve each page's title in its HTML."""
    label_generated_pages(dash.page_registry)
    interpolate = app.interpolate_index

    def interpolate_with_page_title(**parts: str) -> str:
        parts["title"] = _served_title(app, parts.get("title", app.title))
        return interpolate(**parts)

    app.interpolate_index = interpolate_with_page_title  # type: ignore[method-assign]
