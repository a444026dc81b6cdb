"""Pieces the overview and rankings pages share: summary and banner, index control, notices, reform note,
unit search."""

from __future__ import annotations

from dash import dcc, html

from dashboard import components, urls
from dashboard.api import screen
from dashboard.assemble import page_meta
from dashboard.assemble.ranking import index_name, index_options, years_and_groups
from dashboard.i18n import t
from dashboard.views import analysis
from dashboard.views.ranking import ViewData, group_options, summary_sentence
from dashboard.views.search import Hit


def summary_and_banner(
    data: ViewData, *, lang: str, summary_id: str, banner_id: str, lead: bool = False
) -> list:
    """The summary sentence (read out when it changes) and the illustrative-data banner."""
    sentence = summary_sentence(data, lang=lang, index_name=index_name(data.view, lang))
    return [
        html.P(
            sentence,
            id=summary_id,
            className="lead summary" if lead else "summary",
            **{"aria-live": "polite"},
        ),
        html.Div(components.illustrative_banner(lang) if data.illustrative else None, id=banner_id),
    ]


def year_dropdown(component_id: str, years: list[int], year: int | None) -> dcc.Dropdown:
    """The year of a view, newest first (typing a year finds it). A dropdown, not a slider: the overview,
    the rankings and the e-documents choose the year the same way, and the slider's 12 KB script stays
    off the first visit (the dropdown's is loaded for the index anyway)."""
    return dcc.Dropdown(
        id=component_id,
        options=[{"value": y, "label": str(y)} for y in sorted(years, reverse=True)],
        value=year,
        clearable=False,
    )


def index_control(component_id: str, view: analysis.View, lang: str) -> html.Div:
    """The labelled index/sub-index dropdown of a view."""
    dropdown = dcc.Dropdown(
        id=component_id,
        options=index_options(view, lang),
        value=view.indicator,
        clearable=False,
        searchable=False,
    )
    return components.control(t("control.index", lang), dropdown)


def _notice_text(key: str, detail: str, view: analysis.View, lang: str) -> str:
    shown_group = t(f"group.{view.group}", lang)
    if key == "notice.group_year":
        asked, year = detail.split(":", 1)
        return t(key, lang, asked=t(f"group.{asked}", lang), year=year, group=shown_group)
    if key == "notice.index":
        return t(key, lang, asked=detail, index=index_name(view, lang))
    return t(key, lang, asked=detail, year=view.year, group=shown_group)


def view_notices(view: analysis.View, lang: str) -> html.Div | None:
    """A visible notice naming what the URL asked for that does not exist and what is shown instead."""
    if view.valid:
        return None
    return html.Div(
        [
            html.Strong(t("notice.heading", lang) + " "),
            " ".join(_notice_text(key, detail, view, lang) for key, detail in view.notices),
        ],
        className="alert alert-warning view-notice",
        role="status",
    )


def group_update(view: analysis.View, lang: str) -> tuple:
    """After a year change: the groups that year has, the group shown, and the notice (if any)."""
    _, groups = years_and_groups()
    return group_options(groups.get(view.year, []), lang), view.group, view_notices(view, lang)


def reform_note(lang: str) -> html.Aside:
    """The short note on the 2025 reform, with a link to the methodology."""
    return html.Aside(
        [
            t("reform.note", lang) + " ",
            dcc.Link(t("reform.link", lang), href=urls.page("methodology", lang=lang)),
        ],
        className="alert alert-info reform-note",
    )


def search_box(input_id: str, results_id: str, lang: str) -> html.Div:
    """Unit search by current or former name; the results are links to profiles."""
    return html.Div(
        [
            html.Label(t("search.label", lang), htmlFor=input_id, className="form-label"),
            dcc.Input(
                id=input_id,
                type="search",
                className="form-control",
                placeholder=t("search.placeholder", lang),
                debounce=0.3,
                autoComplete="off",
            ),
            html.Div(id=results_id, **{"aria-live": "polite"}),
        ],
        className="control unit-search",
    )


def search_results(text: str, hits: list[Hit], lang: str) -> html.Ul | html.P | None:
    """Search hits as links: a unit to its profile, an ended unit or a former commune to what it became."""
    if not text or len(text.strip()) < 2:
        return None
    if not hits:
        return html.P(t("search.none", lang, text=text.strip()), className="text-muted small")
    items = []
    for hit in hits:
        if hit.former:
            head: list = [t("search.former_commune", lang, name=hit.name)]
        else:
            label = hit.name + (f" ({t('search.ended', lang, date=hit.ended)})" if hit.ended else "")
            head = [dcc.Link(label, href=urls.unit_profile(hit.code, lang=lang), className="search-hit")]
        if hit.successors:
            links: list = []
            for code, name, partial in hit.successors:
                links += [", "] if links else []
                links.append(dcc.Link(name, href=urls.unit_profile(code, lang=lang), className="search-hit"))
                links += [f" ({t('search.partial', lang)})"] if partial else []
            note = f" ({t('search.indicative', lang)})" if hit.indicative else ""
            head += [f" → {t('search.now', lang)}: ", *links, note]
        items.append(html.Li(head))
    return html.Ul(items, className="search-results list-unstyled")


def sources(data: ViewData, *, lang: str) -> html.Section | html.Div:
    """The source list of a ranking view. Every index of a (year, group) shares it, so it is built once
    per data version for them all (a view nobody asked for yet then costs no source list)."""
    return _source_list(tuple(data.sources["id"]), lang)


@page_meta.per_data_version(maxsize=256)
def _source_list(ids: tuple[str, ...], lang: str) -> html.Section | html.Div:
    every = page_meta.sources()
    return components.source_list(every[every["id"].isin(ids)], lang=lang)


def view_downloads(data: ViewData, *, lang: str, subs: bool) -> html.Div:
    """The download dialog of a ranking view: the table on screen (with the sub-indices when the page
    shows them: `subs`) and the full data of the year, group and index."""
    view = data.view
    query = screen.view_query(view, subs=subs, lang=lang)
    name = screen.name(data, kind="xep-hang" if subs else "tong-quan")
    offer = components.screen_offer(screen.RESOURCE, query, name)
    title = t(
        "screen.title",
        lang,
        index=index_name(view, lang),
        group=t(f"group.{view.group}.plural", lang),
        year=view.year,
    )
    params = {"year": view.year, "index": view.total, "sub": 1, "group": view.group}
    return components.download_links(
        "observations",
        params,
        lang=lang,
        screen=offer,
        title=title,
        page_path=urls.page("rankings" if subs else "overview", **view.query(lang=lang)),
        illustrative=data.illustrative,
    )
