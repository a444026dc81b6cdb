"""The small toolbar on every chart and map: copy its link, copy its embed code, and its citation ("Trích
dẫn"). Copying is done in the browser by dcc.Clipboard (its own clientside code: nothing is fetched), and
each text is written out in the page too, so it can be selected by hand without JavaScript."""

from __future__ import annotations

import hashlib
import html as html_text
import re

import pandas as pd
from dash import MATCH, Input, Output, clientside_callback, dcc, html

from dashboard import urls
from dashboard.assemble import comparison, page_meta
from dashboard.components.embed import snippet
from dashboard.figures.compare import graph_config
from dashboard.i18n import t
from dashboard.views import published
from dashboard.views.cited import sources_cited


def citation(title: str, path: str, *, lang: str, sources: pd.DataFrame | None = None) -> str:
    """The citation of a view or chart: what it shows, the data version and date, its address, and (given
    the `sources` rows it is drawn from) the documents its figures come from."""
    cited = sources_cited(sources, lang) if sources is not None and not sources.empty else ""
    return t(
        "toolbar.citation" if cited else "download.citation",
        lang,
        title=title,
        version=page_meta.data_version(),
        updated=page_meta.last_updated() or "",
        url=urls.absolute(path),
        sources=cited,
    )


LOCATION = "copy-location"


def copy_button(text: str, label: str, **extra: object) -> dcc.Clipboard:
    """A button copying `text`, named `label`. dcc.Clipboard draws a <div> with a click handler only:
    assets/a11y.js makes every `.copy-button` a keyboard button (role, Tab stop, name, Enter and Space)."""
    return dcc.Clipboard(content=text, title=label, className="copy-button", **extra)


def _tool(label: str, text: str, *, here: str | None = None) -> html.Span:
    """A copy button and its label; `here` (a key unique on the page) copies the page's address as it is
    when clicked (filters changed since the page was drawn are in it: assets/url-state.js writes them)."""
    extra = {"id": {"type": LOCATION, "key": here}} if here else {}
    # The visible label repeats the button's name: read once, by the button.
    return html.Span(
        [copy_button(text, label, **extra), html.Span(label, **{"aria-hidden": "true"})],
        className="chart-tool",
    )


# In the browser only (no request): the link copied is the address bar's, read at the click.
clientside_callback(
    "function(clicks) { return window.location.href; }",
    Output({"type": LOCATION, "key": MATCH}, "content"),
    Input({"type": LOCATION, "key": MATCH}, "n_clicks"),
    prevent_initial_call=True,
)


def toolbar(
    *,
    title: str,
    page_path: str,
    lang: str,
    embed_path: str | None = None,
    sources: pd.DataFrame | None = None,
) -> html.Details:
    """The chart's tools under one disclosure: link, embed code (when the view can be embedded), citation
    (naming the documents of `sources`, the source rows the chart is drawn from)."""
    link = urls.absolute(page_path)
    cited = citation(title, page_path, lang=lang, sources=sources)
    key = hashlib.sha1(f"{title}|{page_path}".encode()).hexdigest()[:10]
    tools = [_tool(t("toolbar.link", lang), link, here=key)]
    if embed_path is not None:
        tools.append(_tool(t("toolbar.embed", lang), snippet(embed_path, title=title)))
    tools.append(_tool(t("toolbar.cite", lang), cited))
    return html.Details(
        [
            html.Summary(t("toolbar.cite", lang) + " · " + t("toolbar.link", lang).lower()),
            html.Div(
                tools,
                className="chart-tools d-flex flex-wrap gap-3 small",
                role="group",
                **{"aria-label": t("toolbar.label", lang)},
            ),
            html.P(cited, className="small text-muted chart-citation mb-0"),
        ],
        className="chart-toolbar small",
    )


def chart_card(
    graph: object,
    *,
    title: str,
    page_path: str,
    lang: str,
    embed_path: str | None = None,
    sources: pd.DataFrame | None = None,
) -> html.Div:
    """A chart in its card, with its toolbar under it."""
    tools = toolbar(title=title, page_path=page_path, lang=lang, embed_path=embed_path, sources=sources)
    return html.Div([graph, tools], className="chart-card")


def figure_title(figure: dict) -> str:
    """A figure's title as plain text (its line breaks and markup dropped): what the citation names."""
    text = str(figure.get("layout", {}).get("title", {}).get("text", ""))
    return html_text.unescape(re.sub(r"<[^>]+>", " ", text)).replace("  ", " ").strip()


def figure_card(
    figure: dict,
    *,
    page_path: str,
    lang: str,
    config: dict | None = None,
    embed_path: str | None = None,
    drawn: pd.DataFrame | None = None,
    **graph: object,
) -> html.Div:
    """A figure drawn in its card with its toolbar, cited by its own title and by the sources of the
    observation rows it draws (`drawn`); the page's graph settings unless `config` says otherwise."""
    return chart_card(
        dcc.Graph(figure=figure, config=config or graph_config(lang), **graph),
        title=figure_title(figure),
        page_path=page_path,
        lang=lang,
        embed_path=embed_path,
        sources=None if drawn is None else comparison.sources_of(drawn),
    )


def data_table(
    frame: pd.DataFrame, columns: list[tuple[str, str]], *, drawn: pd.DataFrame, lang: str
) -> html.Details:
    """The chart's figures as a table: its text alternative, labelled as the chart is when the observations
    it draws (`drawn`) are generated."""
    caption = t("profile.table_caption", lang)
    if (drawn["data_kind"] == "illustrative").any():
        caption = published.generated_title(caption, lang)
    header = html.Thead(html.Tr([html.Th(label, scope="col") for _, label in columns]))
    body = html.Tbody([html.Tr([html.Td(row[key]) for key, _ in columns]) for _, row in frame.iterrows()])
    return html.Details(
        [html.Summary(caption), html.Table([header, body], className="table table-sm data-table")]
    )
