"""The app's outer layout and its HTML page: URL, page container, server-side `<html lang>` and title, the
loading frame shown before the scripts run, and which paths are pages (web.page_guard answers 404 for
the others)."""

from __future__ import annotations

import html as html_text
import re

import dash
import flask
from dash import Input, Output, clientside_callback, dcc, html

from dashboard import urls
from dashboard.assemble import unit_profile
from dashboard.components import grid, page_meta
from dashboard.i18n import normalize_language, t

SHELL_URL = "shell-url"
SHELL_LANG_SINK = "shell-lang-sink"

# Dash's own template wraps its scripts in a <footer>, a second contentinfo landmark beside the page's.
# The icon is an SVG of under 1 KB, not Dash's 15 KB _favicon.ico.
INDEX_STRING = """<!DOCTYPE html>
<html lang="vi">
    <head>
        {%metas%}
        <title>{%title%}</title>
        <link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""
_LOADING = re.compile(r'<div class="_dash-loading">\s*Loading\.\.\.\s*</div>')
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_PAGE_TITLES = {path: f"nav.{name}" for name, path in urls.PAGE_PATHS.items()} | {
    urls.PAGE_PATHS["accessibility"]: "title.accessibility",
    urls.PAGE_PATHS["licence"]: "title.licence",
}
_UNIT_PATH = re.compile(r"^/(?:nhung/)?don-vi/(?P<code>[^/]+)/?$")


def layout() -> html.Div:
    """Outer layout; each page renders its own header, navigation and footer in its language."""
    return html.Div(
        [dcc.Location(id=SHELL_URL), html.Div(id=SHELL_LANG_SINK, hidden=True), dash.page_container]
    )


# <html lang> follows ?lang= on navigations inside the app (the first page gets it from the server).
clientside_callback(
    """function(search) {
        const lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "vi";
        document.documentElement.lang = lang;
        return lang;
    }""",
    Output(SHELL_LANG_SINK, "children"),
    Input(SHELL_URL, "search"),
)


def page_title(path: str, lang: str) -> str:
    """The document title of a path before the page is drawn: its name (or 'Unit profile') and the site."""
    if not known_path(path):
        key = "title.notfound"
    elif _UNIT_PATH.match(path):
        key = "title.profile"
    else:
        key = _PAGE_TITLES.get(path.rstrip("/") or "/", "title.profile")
    return f"{t(key, lang)} – {t('site.short_title', lang)}"


def loading_frame(lang: str) -> str:
    """Static HTML shown until the app renders: the header band, a titled frame and a quiet status line."""
    site = html_text.escape(t("site.short_title", lang))
    loading = html_text.escape(t("shell.loading", lang))
    return (
        '<div class="loading-frame" aria-busy="true">'
        f'<div class="site-nav loading-nav"><div class="container-xl"><span class="navbar-brand">{site}'
        "</span></div></div>"
        f'<div class="container-xl loading-main"><p class="loading-text" role="status">{loading}</p>'
        '<div class="loading-block"></div><div class="loading-block short"></div></div></div>'
    )


def feed_links(path: str, lang: str) -> str:
    """`<link rel="alternate">` to the Atom feeds a page concerns: the data page's (new datasets and
    corrections), a unit profile's (its corrections), so a feed reader finds them from the page."""
    clean = path.rstrip("/") or "/"
    feeds: list[tuple[str, str]] = []
    if clean == urls.PAGE_PATHS["data"]:
        feeds = [(t("feed.datasets", lang), urls.feed("datasets", lang=lang))]
        feeds.append((t("feed.corrections", lang), urls.feed("corrections", lang=lang)))
    unit = _UNIT_PATH.match(clean)
    if unit and not clean.startswith("/nhung/") and known_path(clean):
        feeds = [(t("feed.subscribe_unit", lang), urls.unit_feed(unit["code"], lang=lang))]
    return "".join(
        f'<link rel="alternate" type="application/atom+xml" title="{html_text.escape(title)}" '
        f'href="{html_text.escape(href)}">'
        for title, href in feeds
    )


def localize_index(index: str, *, path: str, lang: str) -> str:
    """Put the request's language, title, feed links and loading frame into Dash's HTML page."""
    index = index.replace('<html lang="vi">', f'<html lang="{lang}">', 1)
    index = _TITLE.sub(lambda _m: f"<title>{html_text.escape(page_title(path, lang))}</title>", index, 1)
    head = grid.preload_link(path) + feed_links(path, lang)
    index = index.replace("</head>", head + "</head>", 1)
    return _LOADING.sub(lambda _m: loading_frame(lang), index, 1)


def known_path(path: str) -> bool:
    """Whether a path is one of the registered pages (a unit path only for a unit that exists)."""
    unit = _UNIT_PATH.match(path)
    if unit:
        return unit["code"] in unit_profile.codes()
    clean = path.rstrip("/") or "/"
    for page in dash.page_registry.values():
        if page.get("path_template"):
            pattern = re.sub(r"<[^>]+>", "[^/]+", page["path_template"])
            if re.fullmatch(pattern, clean):
                return True
        elif page.get("path") == clean and not page["module"].endswith("not_found_404"):
            return True
    return False


def install(app: dash.Dash) -> None:
    """Use the accessible HTML page, localized per request (web.page_guard answers 404 for the paths
    `known_path` refuses)."""
    app.index_string = INDEX_STRING
    interpolate = app.interpolate_index

    # The one patch of Dash's HTML page: language, title, feeds, loading frame, then the generated-figures
    # label on the localized title and the page's address in the link-preview tags.
    def interpolate_index(**parts: str) -> str:
        lang = normalize_language(flask.request.args.get("lang"))
        parts["metas"] = page_meta.with_page_url(parts.get("metas", ""))
        index = localize_index(interpolate(**parts), path=flask.request.path, lang=lang)
        return page_meta.with_labelled_title(index)

    app.interpolate_index = interpolate_index
