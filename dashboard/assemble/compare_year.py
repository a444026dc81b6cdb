"""The compare page's charts when a method has a single year (2025 now): the units side by side as bars,
sub-indices as % of their maximum with the points in the labels, titled by the method shown; lines over the
years otherwise (assemble/comparison.py). No Dash components here.
"""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.assemble import comparison
from dashboard.domain import localized
from dashboard.figures import charts, map_scale, single_year
from dashboard.figures import compare as compare_figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.queries import ObservationFilter
from dashboard.views.comparison import Selection, source_line


def charts_over_years(
    frame: pd.DataFrame, selection: Selection, lang: str
) -> list[tuple[charts.Figure, pd.DataFrame]]:
    """One figure per scale (methods with different maxima never share an axis), with the rows it draws:
    lines over the years, or bars of the units side by side when the scale has a single year (a line
    needs two)."""
    return [
        (
            year_bars(part, selection, lang)
            if part["year"].nunique() == 1
            else comparison.lines_figure(part, selection, lang),
            part,
        )
        for part in comparison.scale_frames(frame)
    ]


def group_scale(rows: pd.DataFrame, group: str, year: int) -> tuple[float, float] | None:
    """The colour range of a compare map: fitted to every unit of the group with the same indicator that
    year, not to the picked units (two units would otherwise span the whole scale between them)."""
    codes = tuple(sorted(set(rows["indicator_code"])))
    every = queries.observations(ObservationFilter(indicators=codes, years=(year,), unit_kinds=(group,)))
    return map_scale.fitted_range(every["value"].tolist()) if not every.empty else None


def year_title(frame: pd.DataFrame, lang: str) -> str:
    """What a single-year frame shows, named by its own method's indicator and year
    ('Chỉ số chuyển đổi số 2025 (điểm/1.000) – năm 2025'), not by the index dropdown's words."""
    indicators = queries.indicators().set_index("code")
    row = indicators.loc[str(frame["indicator_code"].iloc[0])]
    return t("compare.year_title", lang, index=localized(row, "name", lang), year=int(frame["year"].iloc[0]))


def year_bars(frame: pd.DataFrame, selection: Selection, lang: str) -> charts.Figure:
    """The picked units of one year side by side, each bar labelled with its points out of the maximum."""
    code = str(frame["indicator_code"].iloc[0])
    maximum = queries.indicators().set_index("code")["max_value"].get(code)
    return single_year.unit_bars(
        frame,
        lang=lang,
        title=plotly_text(year_title(frame, lang)),
        source_line=source_line(frame, lang),
        axis_title=comparison.scale_title(frame, lang),
        maximum=None if pd.isna(maximum) else float(maximum),
        styles=comparison.series_styles(selection, lang),
    )


def sub_figures(
    subs: pd.DataFrame, selection: Selection, panels: list[tuple[str, str, float | None]], lang: str
) -> list[tuple[charts.Figure, pd.DataFrame]]:
    """The sub-indices of the picked units, each figure with the rows it draws: one small chart per
    sub-index over the years, or, when the method has a single year, one chart of every sub-index as % of
    its maximum with the units side by side."""
    styles = comparison.series_styles(selection, lang)
    source = source_line(subs, lang)
    if subs["year"].nunique() == 1:
        title = t(
            "compare.subs_year_title", lang, year=int(subs["year"].iloc[0])
        )  # the note names the method
        bars = single_year.sub_index_bars(
            subs,
            lang=lang,
            title=title,
            source_line=source,
            axis_title=t("scale.percent", lang),
            panels=panels,
            styles=styles,
        )
        return [(bars, subs)]
    figures = compare_figures.small_multiples(
        subs, lang=lang, source_line=source, panels=panels, styles=styles
    )
    return [(f, subs[subs["panel"] == code]) for f, (code, _, _) in zip(figures, panels, strict=True)]
