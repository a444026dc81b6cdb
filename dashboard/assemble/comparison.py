"""The compare page's and its embed's data from the stored units and observations (views/comparison.py),
and its lines figures (figures/charts.py, figures/compare.py)."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.assemble import ranking
from dashboard.assemble.search import former_names
from dashboard.domain import localized
from dashboard.figures import charts
from dashboard.figures import compare as figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.queries import ObservationFilter
from dashboard.views import analysis, comparison
from dashboard.views.comparison import COMPARE_GROUPS, MIN_UNITS, Panel, Selection, SeriesEnd


def index_codes() -> list[str]:
    """Sub-indices of the province's own evaluations that can be compared."""
    return comparison.index_codes(queries.indicators())


def parse(query: dict[str, str]) -> Selection:
    """Validate a query string; every problem is reported, nothing raises."""
    # The sub-indices are read only when one is asked for: the total needs none.
    asked = str(query.get("index") or "total") != "total"
    return comparison.parse(query, units=queries.units(), indices=index_codes() if asked else ())


def default_query() -> dict[str, str]:
    """What the page opens on without a selection: the three best-ranked units of the latest year's latest
    group (the groups in force that year: never the abolished district level once communes are ranked)."""
    years, groups = ranking.years_and_groups()
    if not years:
        return {}
    year = years[-1]
    kinds = [g for g in COMPARE_GROUPS if g in groups.get(year, [])]
    if not kinds:
        return {}
    group = "commune" if "commune" in kinds else kinds[-1]
    table = ranking.load(ranking.resolve({"year": str(year), "group": group}), "vi").table
    top = table.sort_values("rank_computed")["unit_code"].head(3).tolist()
    return {"units": ",".join(top), "group": group, "year": str(year)} if len(top) >= MIN_UNITS else {}


def unit_names(codes: tuple[str, ...], lang: str) -> dict[str, str]:
    """Current names of units by code, in the language."""
    return comparison.unit_names(queries.units(), codes, lang)


def unit_options(group: str, lang: str) -> list[dict[str, str]]:
    """Dropdown options: the group's units of Quảng Ngãi, with the year an ended unit stopped."""
    return comparison.unit_options(queries.units(), group, lang, former=former_names())


def series(selection: Selection, lang: str) -> pd.DataFrame:
    """The chosen index of the picked units over all years; columns of observations plus 'series'."""
    indicators = queries.provincial_totals() if selection.index == "total" else (selection.index,)
    frame = queries.observations(ObservationFilter(indicators=indicators, unit_codes=selection.codes))
    return comparison.in_picked_order(frame, selection.codes, unit_names(selection.codes, lang))


def series_styles(selection: Selection, lang: str) -> dict[str, int]:
    """Each picked unit's chart style by its series name: one per unit across all charts of a comparison."""
    names = unit_names(selection.codes, lang)
    return {
        names[code]: index for code, index in charts.unit_styles(selection.codes).items() if code in names
    }


def series_ends(frame: pd.DataFrame, lang: str) -> list[SeriesEnd]:
    """Units of the frame whose series stops early, with their successors from the lineage."""
    names = localized(queries.units().set_index("code"), "name", lang)
    return comparison.series_ends(frame, lineage=queries.lineage(), names=names, lang=lang)


def sub_panels(methodology: str, lang: str) -> list[Panel]:
    """(code, name, maximum) of the sub-indices of a methodology's total."""
    return comparison.sub_panels(queries.indicators(), methodology, lang)


def sub_frame(selection: Selection, panels: list[Panel], lang: str) -> pd.DataFrame:
    """Sub-index values of the picked units, columns series, panel, year, value."""
    frame = queries.observations(
        ObservationFilter(indicators=tuple(code for code, _, _ in panels), unit_codes=selection.codes)
    )
    frame = comparison.in_picked_order(frame, selection.codes, unit_names(selection.codes, lang))
    return frame.assign(panel=frame["indicator_code"])


def sources_of(frame: pd.DataFrame) -> pd.DataFrame:
    """The source rows behind a frame of observations."""
    return comparison.sources_of(frame, queries.sources())


def index_options(lang: str) -> list[dict[str, str]]:
    """The index dropdown: the total of each year's method, then each sub-index with its years."""
    return comparison.index_options(queries.indicators(), index_codes(), lang)


def maxima() -> dict[str, float | None]:
    """Each indicator's maximum by code (None or NaN when it has none)."""
    return queries.indicators().set_index("code")["max_value"].to_dict()


def scale_frames(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """The series split by scale (percent, points out of 100, points out of 1,000), oldest first."""
    return comparison.scale_frames(frame, maxima())


def scale_title(frame: pd.DataFrame, lang: str) -> str:
    """The axis title of values on one scale: 'Điểm (tối đa 1.000)' or '% so với điểm tối đa'."""
    return comparison.scale_title(frame, maxima(), lang)


def lines_figure(frame: pd.DataFrame, selection: Selection, lang: str) -> charts.Figure:
    """Year-over-year lines of the picked units on one scale (the latest when given several); ended units
    are marked with what followed."""
    parts = scale_frames(frame)
    frame = parts[-1] if parts else frame
    breaks = analysis.method_breaks(frame, t("profile.series_break", lang))
    title = t("compare.lines_title", lang, index=plotly_text(index_label(selection, lang)))
    if not frame.empty:
        first, last = int(frame["year"].min()), int(frame["year"].max())
        title = t("scale.chart_title", lang, title=title, years=f"{first}–{last}" if first != last else first)
    figure = charts.year_lines(
        frame,
        lang=lang,
        title=title,
        source_line=comparison.source_line(frame, lang),
        y_title=scale_title(frame, lang) if not frame.empty else t("table.score", lang),
        breaks=breaks,
        decimals=2,
        height=420,
        # On a phone the legend takes a row per unit: the source line goes below it, not over it.
        extra_bottom=20 * max(frame["series"].nunique() - 1, 0) if not frame.empty else 0,
        styles=series_styles(selection, lang),
    )
    notes = [
        (end.last_year, end.last_value, "→ " + ", ".join(end.successors) if end.successors else "■")
        for end in series_ends(frame, lang)
    ]
    return figures.end_notes(figure, notes)


def index_label(selection: Selection, lang: str) -> str:
    """The chosen index as the index dropdown words it."""
    labels = {o["value"]: o["label"] for o in index_options(lang)}
    return labels.get(selection.index, selection.index)
