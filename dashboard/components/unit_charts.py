"""A unit's score charts, one per scale, shared by its profile (/don-vi/<code>) and its embed
(/nhung/don-vi/<code>), so both show every year (2025 on its own 1,000-point scale) the same way.

May import: assemble, views, figures, domain, i18n.
"""

from __future__ import annotations

import pandas as pd

from dashboard.assemble import compare_year, comparison, unit_scores
from dashboard.domain import localized
from dashboard.figures import charts, single_year
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.views import analysis
from dashboard.views.comparison import source_line

MEDIAN_STYLE = charts.STYLE_COUNT - 2  # near-black: the group's median, never a unit's colour


def score_figures(
    history: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    source: str,
    breaks: list,
) -> list[tuple[dict, pd.DataFrame]]:
    """One score chart per scale (points out of 100, percent, points out of 1,000), each with the rows it
    draws (its citation names their sources): never a shared axis; the unit's line keeps its style
    (colour, marker, dash) on every chart."""
    maxima = comparison.maxima()
    segments = analysis.scale_segments(history, maxima)
    styles = charts.styles_by_series(history.assign(series=unit_name))
    drawn = []
    for segment in segments:
        years = sorted(int(y) for y in segment["year"].unique())
        if len(years) == 1:  # a method's only year: a bar beside the group's median, never a one-dot line
            drawn.append(
                (year_bar(segment, lang=lang, unit_name=unit_name, source=source, styles=styles), segment)
            )
            continue
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        title = f"{t('profile.scores', lang)} – {plotly_text(unit_name)}"
        if len(segments) > 1:
            title = t("scale.chart_title", lang, title=title, years=span)
        inside = [(y, label) for y, label in breaks if years[0] < y <= years[-1]]
        figure = charts.year_lines(
            segment.assign(series=unit_name),
            lang=lang,
            title=title,
            source_line=source,
            y_title=comparison.scale_title(segment, lang),
            breaks=inside,
            styles=styles,
        )
        drawn.append((figure, segment))
    return drawn


def year_bar(segment: pd.DataFrame, *, lang: str, unit_name: str, source: str, styles: dict) -> dict:
    """The unit's score of a single-year method beside the median of its group that year, each labelled
    with its points out of the maximum, titled by the method's indicator and year."""
    row = segment.iloc[-1]
    year, code = int(row["year"]), str(row["indicator_code"])
    group = unit_scores.group_scores(code, year, str(row["unit_kind"]))
    bars = pd.DataFrame(
        {
            "series": [unit_name, t("profile.median", lang)],
            "value": [row["value"], group["value"].median() if not group.empty else None],
        }
    )
    maximum = comparison.maxima().get(code)
    return single_year.unit_bars(
        bars,
        lang=lang,
        title=plotly_text(compare_year.year_title(segment, lang)),
        source_line=source,
        axis_title=comparison.scale_title(segment, lang),
        maximum=None if pd.isna(maximum) else float(maximum),
        styles={unit_name: styles.get(unit_name, 0), t("profile.median", lang): MEDIAN_STYLE},
    )


def sub_index_figure(
    subs: pd.DataFrame,
    own: pd.Series,
    medians: pd.Series,
    *,
    maxima: dict[str, float | None],
    lang: str,
    unit_name: str,
    unit_code: str,
    year: int,
    frame: pd.DataFrame,
) -> dict:
    """The unit's sub-indices (indicator rows `subs`) beside the group's median, as % of each sub-index's
    maximum for the unit's group (`maxima`: they differ, 100, 150, 200 points) with the points out of the
    maximum in the labels."""
    median_name = t("profile.median", lang)
    records = [
        {"series": series, "panel": code, "value": values.get(code)}
        for series, values in ((unit_name, own), (median_name, medians))
        for code in subs["code"]
        if values.get(code) is not None and not pd.isna(values.get(code))
    ]
    panels = [(r.code, localized(r, "name", lang), maxima.get(r.code)) for r in subs.itertuples()]
    return single_year.sub_index_bars(
        pd.DataFrame(records, columns=["series", "panel", "value"]),
        lang=lang,
        title=t("profile.subindices", lang, year=year),
        source_line=source_line(frame, lang),
        axis_title=t("scale.percent", lang),
        panels=panels,
        # The unit keeps its own style (as on its score charts); the median is always the dark one.
        styles={unit_name: charts.unit_styles([unit_code])[unit_code], median_name: MEDIAN_STYLE},
    )
