"""Pieces the overview and rankings pages share: the summary with its banner, and the index control."""

from __future__ import annotations

from dash import dcc, html

from dashboard import components
from dashboard.i18n import t
from dashboard.views import analysis
from dashboard.views.ranking import ViewData, index_name, index_options, summary_sentence


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
