"""Unit profile (/don-vi/<code>): scores and ranks by year with method breaks, sub-indices against the group
median, lineage, e-document figures, and the sources behind every number."""

from __future__ import annotations

import dash
import pandas as pd
from dash import dcc, html

from dashboard import components, urls
from dashboard.api import screen
from dashboard.assemble import comparison, page_meta, unit_profile, unit_scores
from dashboard.assemble.unit_headline import unit_headline
from dashboard.components import chart_tools, grid, unit_charts
from dashboard.components import citations as cite
from dashboard.components import embed as embeds
from dashboard.domain import localized
from dashboard.figures import charts
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, normalize_language, t
from dashboard.views import analysis, published, wording
from dashboard.views.comparison import source_line
from dashboard.views.index_set_table import out_of
from dashboard.views.unit_scores import score_columns


def _title(code: str | None = None, **_query: str) -> str:
    name = unit_profile.name_vi(code) if code else ""
    return f"{name} – Hồ sơ đơn vị – Minh bạch CNTT Quảng Ngãi"


def _description(code: str | None = None, **_query: str) -> str:
    name = unit_profile.name_vi(code)
    return f"Điểm, thứ hạng, chỉ số thành phần và văn bản điện tử của {name} qua các năm."


dash.register_page(__name__, path_template="/don-vi/<code>", title=_title, description=_description, order=9)


def _source_line(frame: pd.DataFrame, lang: str) -> str:
    return source_line(frame, lang)


def _headline(code: str, unit: pd.Series, lang: str) -> list:
    """The sentence and stat row a profile opens with (rank, change under the reform rules, class)."""
    headline = unit_headline(code, unit["kind"], localized(unit, "name", lang), lang=lang)
    if headline is None:
        return []
    year = headline.year
    cards = [
        components.kpi_card(t("headline.rank", lang, year=year), headline.rank),
        components.kpi_card(t("headline.score", lang, year=year), headline.score, headline.scale),
        components.kpi_card(t("headline.change", lang, previous=year - 1), headline.change),
    ]
    if headline.class_name:
        cards.append(components.kpi_card(t("headline.class_label", lang), headline.class_name))
    return [
        html.P(headline.sentence, className="lead profile-headline"),
        html.Div(
            cards, className="kpis profile-kpis", role="group", **{"aria-label": t("headline.heading", lang)}
        ),
    ]


def _score_section(code: str, history: pd.DataFrame, lang: str, unit_name: str) -> list:
    if history.empty:
        return [components.empty_state(t("profile.no_scores", lang))]
    history = history.sort_values("year")
    page = urls.unit_profile(code, lang=lang)
    series = history.assign(series=unit_name)
    breaks = analysis.method_breaks(history, t("profile.series_break", lang))
    source = _source_line(history, lang)
    ranks = charts.year_lines(
        series.assign(value=history["rank"]),
        lang=lang,
        title=f"{t('profile.ranks', lang)} – {plotly_text(unit_name)}",
        source_line=source,
        y_title=t("table.rank", lang),
        breaks=breaks,
        reversed_axis=True,
        decimals=0,
        styles=charts.styles_by_series(series),
    )
    shown = unit_scores.ranks_shown(history, lang)
    rows = unit_scores.score_rows(history, lang, shown=shown)  # the table on screen reads the same rows
    as_shown = {"value": "value_text"}  # the page shows the score with two decimals, the file a number
    columns = [(as_shown.get(c.key, c.key), c.label) for c in score_columns(rows, lang)]
    table = pd.DataFrame(rows)
    return [
        html.Div(
            [
                *[
                    chart_tools.figure_card(figure, page_path=page, lang=lang, drawn=drawn)
                    for figure, drawn in unit_charts.score_figures(
                        history, lang=lang, unit_name=unit_name, source=source, breaks=breaks
                    )
                ],
                # Ranks over the years; a unit ranked in one year only has its rank in the table below.
                *(
                    [chart_tools.figure_card(ranks, page_path=page, lang=lang, drawn=history)]
                    if history["year"].nunique() > 1
                    else []
                ),
            ],
            className="chart-grid",
        ),
        chart_tools.data_table(table, columns, drawn=history, lang=lang),
        grid.rank_legend(shown, lang=lang),
    ]


def _subindex_section(code: str, unit: pd.Series, latest: pd.Series, lang: str) -> list:
    year = int(latest["year"])
    found = unit_profile.sub_indices(code, unit["kind"], latest["indicator_code"], year)
    if found is None:
        return []
    subs, frame, own, medians, maxima = found.subs, found.frame, found.own, found.medians, found.maxima
    figure = unit_charts.sub_index_figure(
        subs,
        own["value"],
        medians,
        maxima=maxima,
        lang=lang,
        unit_name=localized(unit, "name", lang),
        unit_code=code,
        year=year,
        frame=frame,
    )
    table = pd.DataFrame(
        {
            "label": [localized(r, "name", lang) for _, r in subs.iterrows()],
            "value": [
                out_of(own["value"].get(c), maxima[c], lang, published=own["value_published"].get(c))
                for c in subs["code"]
            ],
            "reference": [out_of(medians.get(c), maxima[c], lang) for c in subs["code"]],
        }
    )
    columns = [
        ("label", t("control.index", lang)),
        ("value", localized(unit, "name", lang)),
        ("reference", t("profile.median", lang)),
    ]
    return [
        html.H2(t("profile.subindices", lang, year=year), className="h4 mt-4"),
        *_chart_and_table(figure, frame, table, columns, code=code, lang=lang),
    ]


def _lineage_section(code: str, lang: str) -> list:
    lineage = unit_profile.lineage(code)
    if lineage.empty:
        return []
    came, became, changed = lineage.came, lineage.became, lineage.changed
    names = unit_profile.units()

    def item(row, other: str, direction: str) -> html.Li:
        other_name = localized(names.loc[other], "name", lang) if other in names.index else other
        indicative = f" {t('profile.indicative', lang)}" if row.indicative else ""
        link = dcc.Link(other_name, href=urls.unit_profile(other, lang=lang))
        event = t(f"event_{direction}.{row.event}", lang)
        when = published.date_shown(row.event_date_shown, row.event_date, lang)
        if row.event == "merger_unconfirmed":  # no source dates or confirms it: the year of the sources only
            # the stored note is English only; the Vietnamese event text already says what it says
            note = f" – {row.note}" if lang == "en" else ""
            return html.Li([f"{when}: ", link, f" – {event} ({t('profile.unconfirmed', lang)}){note}"])
        return html.Li([f"{when}: ", link, f" – {event} – {row.legal_basis}{indicative}"])

    items: list = []
    if not came.empty:
        items += [html.H3(t("profile.came_from", lang), className="h6")]
        items += [html.Ul([item(r, r.from_code, "in") for r in came.itertuples()])]
    if not changed.empty:
        when = [published.date_shown(r.event_date_shown, r.event_date, lang) for r in changed.itertuples()]
        notes = zip(when, changed["note"], changed["legal_basis"], strict=True)
        items += [html.Ul([html.Li(f"{w}: {note} – {basis}") for w, note, basis in notes])]
    if not became.empty:
        items += [html.H3(t("profile.became", lang), className="h6")]
        items += [html.Ul([item(r, r.to_code, "out") for r in became.itertuples()])]
    return [html.H2(t("profile.lineage", lang), className="h4 mt-4"), *items]


def _formed_from_section(code: str, lang: str) -> list:
    """The former communes a 2025 unit was formed from (indicative mapping, with its licence)."""
    rows = unit_profile.formed_from(code)
    if rows.empty:
        return []
    items = [
        html.Li(name + (f" ({t('profile.formed_partial', lang)})" if share == "partial" else ""))
        for name, share in zip(rows["old_name_vi"], rows["share"], strict=True)
    ]
    first = rows.iloc[0]
    source = html.A("dvhcvn/20250701", href=first["source_url"]) if first["source_url"] else "dvhcvn/20250701"
    note = t(
        "profile.formed_note",
        lang,
        source="{source}",
        licence=wording.licence_in(first["source_licence"], lang),
    )
    before, after = note.split("{source}", 1)
    return [
        html.H2(t("profile.formed_from", lang), className="h4 mt-4"),
        html.Ul(items, className="formed-from"),
        html.P([before, source, after], className="text-muted small"),
    ]


def _edoc_section(code: str, lang: str, unit_name: str) -> list:
    # Published figures are worded as published (qualifier, level, period), never drawn as a series.
    real, frame = unit_profile.edoc_figures(code)
    if frame.empty and real.empty:
        return []
    content: list = [html.H2(t("profile.edocs", lang), className="h4 mt-4")]
    if not real.empty:
        content.append(
            cite.figures_table(published.worded(real, lang, home=code).to_dict("records"), lang=lang)
        )
    if frame.empty:
        return content
    series = frame.assign(series=localized(frame, "indicator_name", lang))
    figure = charts.year_lines(
        series,
        lang=lang,
        title=f"{t('profile.edocs', lang)} – {plotly_text(unit_name)}",
        source_line=_source_line(frame, lang),
        y_title="%",
    )
    table = series.assign(value_text=[format_number(v, lang) for v in series["value"]])
    columns = [("year", t("control.year", lang)), ("series", t("control.index", lang)), ("value_text", "%")]
    return [
        *content,
        *_chart_and_table(figure, frame, table, columns, code=code, lang=lang),
    ]


@page_meta.per_data_version(maxsize=512)
def layout(code: str | None = None, lang: str | None = None, **_query: str) -> html.Div:
    """Render a unit's profile; an unknown code gets a clear empty state."""
    lang = normalize_language(lang)
    units = unit_profile.units()
    path = f"/don-vi/{code}"
    frame_args = {"lang": lang, "active": "", "path": path, "query": {}, "updated": page_meta.last_updated()}
    if not code or code not in units.index:
        content = [
            html.H1(t("profile.title", lang)),
            components.empty_state(t("profile.unknown", lang, code=code)),
        ]
        return components.page_frame(content, **frame_args)
    unit = units.loc[code]
    unit_name = localized(unit, "name", lang)
    history = unit_scores.history(code)
    everything = unit_profile.observations(code)
    sources = comparison.sources_of(everything)
    ends = ("valid_from", "valid_to")
    valid = " – ".join(published.date_shown(unit[f"{e}_shown"], unit[e], lang) or "…" for e in ends)
    content = [
        html.H1(unit_name),
        html.Dl(
            [
                html.Dt(t("profile.code", lang)),
                html.Dd(code),
                html.Dt(t("profile.kind", lang)),
                html.Dd(t(f"kind.{unit['kind']}", lang)),
                html.Dt(t("profile.valid", lang)),
                html.Dd(valid),
            ],
            className="profile-facts",
        ),
        components.illustrative_banner(lang) if (everything["data_kind"] == "illustrative").any() else None,
        *_headline(code, unit, lang),
        *_score_section(code, history, lang, unit_name),
        *(
            _subindex_section(code, unit, history.sort_values("year").iloc[-1], lang)
            if not history.empty
            else []
        ),
        *_formed_from_section(code, lang),
        *_lineage_section(code, lang),
        *_edoc_section(code, lang, unit_name),
        *_sharing(code, unit_name, ranked=not history.empty, lang=lang),
        components.source_list(sources, lang=lang),
    ]
    return components.page_frame(content, **frame_args)


def _sharing(code: str, unit_name: str, *, ranked: bool, lang: str) -> list:
    """What takes the profile elsewhere: the report card (of a ranked unit), downloads, embed code, the
    corrections made to its figures and its feed."""
    return [
        html.P(
            html.A(
                t("card.print", lang), href=urls.report_card(code, lang=lang), className="report-card-link"
            )
        )
        if ranked
        else None,
        components.download_links(
            "observations",
            {"units": code},
            lang=lang,
            screen=None
            if not ranked
            else components.screen_offer(
                screen.UNIT_SCORES, screen.unit_query(code, lang), unit_scores.file_stem(code)
            ),
            title=unit_scores.title(code, lang) if ranked else None,
            page_path=urls.unit_profile(code, lang=lang),
        ),
        embeds.embed_dialog(
            embeds.embed_path("unit", code=code, lang=lang),
            lang=lang,
            title=unit_name,
            dialog_id="profile-embed",
        )
        if ranked
        else None,
        components.corrections_note(unit_profile.corrections(code), lang=lang),
        html.P(
            html.A(
                t("feed.subscribe_unit", lang),
                href=urls.unit_feed(code, lang=lang),
                rel="alternate",
                className="small",
            )
        ),
    ]


def _chart_and_table(
    figure: dict, frame: pd.DataFrame, table: pd.DataFrame, columns: list, *, code: str, lang: str
) -> list:
    """A profile chart in its card, cited by the rows it draws, and the same figures as a table under it."""
    return [
        chart_tools.figure_card(
            figure,
            config=charts.CHART_CONFIG,
            page_path=urls.unit_profile(code, lang=lang),
            lang=lang,
            drawn=frame,
        ),
        chart_tools.data_table(table, columns, drawn=frame, lang=lang),
    ]
