"""Page titles, meta and Open Graph descriptions that say when a page shows generated figures.

Dash builds `<title>`, `<meta name="description">` and the `og:`/`twitter:` tags from each registered
page's `title` and `description`. `label_generated_pages` wraps those of the pages that show illustrative
figures so that a browser tab, a search result or a link preview carries the same label as the page text
(views/published.py). `install` is called once by create_app after the pages are registered. The HTML
page (components.shell) also gets its `<title>` labelled here (link previews and crawlers never run the
page's scripts), and its link-preview tags the page's address on the trusted origin (Dash writes the
request's URL, Host header included, into `twitter:url`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from html import escape, unescape

import dash
import flask
from dash import _pages

from dashboard import urls
from dashboard.assemble import unit_profile
from dashboard.i18n import normalize_language, t
from dashboard.views import published

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_TWITTER_URL = re.compile(r'<meta property="twitter:url" content="[^"]*">')
# Pages built on illustrative datasets (rankings of the province's own units have not been published):
# every figure they rank is generated, or (e-documents) one of their sections is.
GENERATED = {
    "dashboard.pages.home": "all",
    "dashboard.pages.rankings": "all",
    "dashboard.pages.compare": "all",
    "dashboard.pages.embed.map": "all",
    "dashboard.pages.embed.compare": "all",
    "dashboard.pages.edocs": "some",
    # the 2025 method's maxima per main index are illustrative (README, "Illustrative data")
    "dashboard.pages.methodology": "some",
}
# Pages about one unit: generated when that unit has illustrative figures.
PER_UNIT = ("dashboard.pages.unit", "dashboard.pages.embed.unit")


def _lang() -> str:
    return normalize_language(flask.request.args.get("lang")) if flask.has_request_context() else "vi"


def unit_extent(code: str | None) -> str:
    """'all' when every figure of a unit's profile is generated, 'some' when real and generated figures
    mix (the economic-zone board has one published e-document figure), '' when none is: a page is labelled
    by what it holds, never as wholly generated for one generated figure or wholly real for one real one."""
    kinds = unit_profile.observations(str(code))["data_kind"]
    generated = kinds == "illustrative"
    if not generated.any():
        return ""
    return "all" if generated.all() else "some"


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
            extent = lambda code=None, **_: unit_extent(code)  # noqa: E731
        else:
            continue
        title = page["title"]
        page["title"] = _wrap(title, extent, "title")
        page["description"] = _wrap(page.get("description") or title, extent, "description")


def _extent_of_request() -> str:
    """'all', 'some' or '' for the page this request draws (Dash's own path-to-page lookup)."""
    page, path = _pages._path_to_page(flask.request.path.lstrip("/").rstrip("/"))
    module = page.get("module") if page else None
    if module in GENERATED:
        return GENERATED[module]
    if module in PER_UNIT:
        return unit_extent(path.get("code"))
    return ""


def _page_url_tags() -> str:
    """`twitter:url` and `og:url` of this page, on the trusted origin (urls.absolute)."""
    request = flask.request
    query = request.query_string.decode("latin-1")
    url = escape(urls.absolute(request.path + (f"?{query}" if query else "")))
    return f'<meta property="twitter:url" content="{url}">\n      <meta property="og:url" content="{url}">'


def with_page_url(metas: str) -> str:
    """Dash's meta tags with `twitter:url` and `og:url` of this page on the trusted origin."""
    return _TWITTER_URL.sub(lambda _: _page_url_tags(), metas, count=1)


def with_labelled_title(index: str) -> str:
    """The HTML page with its `<title>` labelled when the requested page shows generated figures."""
    extent = _extent_of_request()
    if not extent:
        return index
    return _TITLE.sub(
        lambda m: f"<title>{escape(labelled(unescape(m[1]), extent, lang=_lang(), kind='title'))}</title>",
        index,
        count=1,
    )


def install(app: dash.Dash) -> None:
    """Label the pages that show generated figures (components.shell labels the served HTML's title)."""
    label_generated_pages(dash.page_registry)
