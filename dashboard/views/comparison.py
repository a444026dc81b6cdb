"""Selection, data and figures of the compare page and its embed (no Dash components here)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

import pandas as pd
from flask import has_request_context, request

from dashboard import queries
from dashboard.domain import (
    DISTRICTS_LAST_DAY,
    PROVINCE_CODE,
    RANKED_KINDS,
    last_data_year,
    localized,
    localized_column,
)
from dashboard.figures import charts
from dashboard.figures import compare as figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, t
from dashboard.queries import ObservationFilter
from dashboard.views import analysis, published, ranking
from dashboard.views.search import search_text

COMPARE_GROUPS = RANKED_KINDS  # units are compared within the groups the province ranks
MIN_UNITS, MAX_UNITS = 2, 6


@dataclass(frozen=True)
class Selection:
    """Units to compare, their group and the index; `problems` are (text key, detail) pairs."""

    codes: tuple[str, ...]
    group: str
    index: str  # "total" (the total of each year's method) or a sub-index code
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def ready(self) -> bool:
        """True when the selection can be drawn."""
        return not self.problems and MIN_UNITS <= len(self.codes) <= MAX_UNITS

    def query(self) -> dict[str, object]:
        """The selection as query-string parameters."""
        return {"units": list(self.codes), "group": self.group, "index": self.index}


def _codes(text: str) -> list[str]:
    return list(dict.fromkeys(c.strip() for c in text.split(",") if c.strip()))


def index_codes() -> list[str]:
    """Sub-indices of the province's own evaluations that can be compared."""
    own = analysis.provincial_indicators(queries.indicators())
    return own[own["parent_code"].notna()].sort_values(["first_year", "sort_order"])["code"].tolist()


def parse(query: dict[str, str]) -> Selection:
    """Validate a query string; every problem is reported, nothing raises."""
    units = queries.units().set_index("code")
    problems: list[tuple[str, str]] = []
    codes = _codes(str(query.get("units") or ""))
    unknown = [c for c in codes if c not in units.index]
    if unknown:
        problems.append(("compare.problem.unknown", ", ".join(unknown)))
    known = [c for c in codes if c in units.index]
    kinds = list(dict.fromkeys(units.loc[known, "kind"])) if known else []
    group = str(query.get("group") or "")
    if group and group not in COMPARE_GROUPS:
        problems.append(("compare.problem.group", group))
        group = ""
    group = group or (kinds[0] if kinds and kinds[0] in COMPARE_GROUPS else "district")
    wrong = [c for c in known if units.loc[c, "kind"] != group]
    if wrong:
        problems.append(("compare.problem.mixed", ", ".join(wrong)))
    if codes and len(known) < MIN_UNITS:
        problems.append(("compare.problem.too_few", str(len(known))))
    if len(known) > MAX_UNITS:
        problems.append(("compare.problem.too_many", str(len(known))))
    index = str(query.get("index") or "total")
    if index != "total" and index not in index_codes():
        problems.append(("compare.problem.index", index))
        index = "total"
    return Selection(tuple(known), group, index, tuple(problems))


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


def problem_texts(selection: Selection, lang: str) -> list[str]:
    """The selection's problems in words."""
    limits = {"low": MIN_UNITS, "high": MAX_UNITS}
    return [t(key, lang, detail=detail, **limits) for key, detail in selection.problems]


def request_query() -> dict[str, str]:
    """The page's query string, on the page request or inside the Pages router callback."""
    if not has_request_context():
        return {}
    if request.method == "GET":
        return request.args.to_dict()
    body = request.get_json(silent=True) or {}
    for item in body.get("inputs", []) if isinstance(body, dict) else []:
        if isinstance(item, dict) and item.get("property") == "search":
            return {k: v[0] for k, v in parse_qs(str(item.get("value") or "").lstrip("?")).items()}
    return {}


def unit_names(codes: tuple[str, ...], lang: str) -> dict[str, str]:
    """Current names of units by code, in the language."""
    units = queries.units().set_index("code")
    column = localized_column("name", lang)
    return {c: units.loc[c, column] if c in units.index else c for c in codes}


def unit_options(group: str, lang: str) -> list[dict[str, str]]:
    """Dropdown options: the group's units of Quảng Ngãi, with the year an ended unit stopped."""
    units = queries.units()
    rows = units[(units["kind"] == group) & (units["parent_code"] == PROVINCE_CODE)]
    column = localized_column("name", lang)
    options = []
    for row in rows.sort_values(column).itertuples():
        label = getattr(row, column)
        # The database gives a date (a string on no backend); the 2025 reform ended every district at once.
        valid_to = None if pd.isna(row.valid_to) else pd.Timestamp(row.valid_to).date()
        if valid_to is not None and valid_to < DISTRICTS_LAST_DAY:
            label = f"{label} ({t('compare.until', lang, year=last_data_year(valid_to))})"
        # The dropdown searches `search`: the name with and without diacritics ("son tay" finds Sơn Tây).
        options.append({"value": row.code, "label": label, "search": search_text(label, row.code)})
    return options


def series(selection: Selection, lang: str) -> pd.DataFrame:
    """The chosen index of the picked units over all years; columns of observations plus 'series'."""
    indicators = queries.provincial_totals() if selection.index == "total" else (selection.index,)
    frame = queries.observations(ObservationFilter(indicators=indicators, unit_codes=selection.codes))
    names = unit_names(selection.codes, lang)
    frame = frame.assign(series=frame["unit_code"].map(names))
    order = frame["unit_code"].map({code: position for position, code in enumerate(selection.codes)})
    return frame.assign(order=order).sort_values(["order", "year"]).drop(columns="order")


def series_styles(selection: Selection, lang: str) -> dict[str, int]:
    """Each picked unit's chart style by its series name: one per unit across all charts of a comparison."""
    names = unit_names(selection.codes, lang)
    return {
        names[code]: index for code, index in charts.unit_styles(selection.codes).items() if code in names
    }


@dataclass(frozen=True)
class SeriesEnd:
    """A unit whose series stops before the others', and what followed it."""

    code: str
    name: str
    last_year: int
    last_value: float
    successors: tuple[str, ...]
    event_date: str
    legal_basis: str
    indicative: bool


def series_ends(frame: pd.DataFrame, lang: str) -> list[SeriesEnd]:
    """Units of the frame whose series stops early, with their successors from the lineage."""
    if frame.empty:
        return []
    last_overall = int(frame["year"].max())
    lineage = queries.lineage()
    names = localized(queries.units().set_index("code"), "name", lang)
    ends = []
    for code, rows in frame.groupby("unit_code", sort=False):
        last = rows.loc[rows["year"].idxmax()]
        if int(last["year"]) >= last_overall:
            continue
        links = lineage[(lineage["from_code"] == code) & (lineage["to_code"] != code)]
        ends.append(
            SeriesEnd(
                code=str(code),
                name=str(last["series"]),
                last_year=int(last["year"]),
                last_value=float(last["value"]),
                successors=tuple(names.get(c, c) for c in links["to_code"]),
                event_date=(
                    published.date_shown(links["event_date_shown"].iloc[0], links["event_date"].iloc[0], lang)
                    if not links.empty
                    else ""
                ),
                legal_basis=str(links["legal_basis"].iloc[0]) if not links.empty else "",
                indicative=bool(links["indicative"].any()) if not links.empty else False,
            )
        )
    return ends


def common_methodology(frame: pd.DataFrame, codes: tuple[str, ...]) -> str | None:
    """The latest methodology in which every picked unit has a total (else the latest with any)."""
    if frame.empty:
        return None
    by_method = frame.groupby("methodology")["unit_code"].agg(set)
    first_years = frame.groupby("methodology")["year"].min().sort_values(ascending=False)
    for method in first_years.index:
        if set(codes) <= by_method[method]:
            return str(method)
    return str(first_years.index[0])


def sub_panels(methodology: str, lang: str) -> list[tuple[str, str, float | None]]:
    """(code, name, maximum) of the sub-indices of a methodology's total."""
    indicators = queries.indicators()
    total = indicators[(indicators["methodology"] == methodology) & indicators["parent_code"].isna()]
    if total.empty:
        return []
    subs = analysis.sub_indicators(indicators, total["code"].iloc[0])
    column = localized_column("name", lang)
    return [(r.code, getattr(r, column), r.max_value) for r in subs.itertuples()]


def sub_frame(selection: Selection, panels: list[tuple[str, str, float | None]], lang: str) -> pd.DataFrame:
    """Sub-index values of the picked units, columns series, panel, year, value."""
    frame = queries.observations(
        ObservationFilter(indicators=tuple(code for code, _, _ in panels), unit_codes=selection.codes)
    )
    names = unit_names(selection.codes, lang)
    order = frame["unit_code"].map({code: position for position, code in enumerate(selection.codes)})
    frame = frame.assign(series=frame["unit_code"].map(names), panel=frame["indicator_code"], order=order)
    return frame.sort_values(["order", "year"]).drop(columns="order")


def comparable(
    frame: pd.DataFrame, panels: list[tuple[str, str, float | None]], lang: str
) -> tuple[pd.DataFrame, list[tuple[str, str, float | None]]]:
    """Sub-index values the picked units can be compared on: their points, or, when the units' groups
    have different maxima (a department without procedures out of 800), each value as % of its own
    maximum, panels then running to 100 % and saying so."""
    if not _mixed_maxima(frame):
        return frame, panels
    shares = frame.assign(value=analysis.percent_of_max(frame["value"], frame["max_value"]))
    suffix = t("compare.share_of_max", lang)
    return shares, [(code, f"{label} ({suffix})", 100.0) for code, label, _ in panels]


def _mixed_maxima(frame: pd.DataFrame) -> bool:
    """Whether one indicator in one year has rows of different maxima (units of groups scored apart)."""
    points = frame[frame["measure"] != "percent"]
    return bool((points.groupby(["indicator_code", "year"])["max_value"].nunique() > 1).any())


def differences(frame: pd.DataFrame, codes: tuple[str, ...]) -> pd.DataFrame:
    """Per year (newest first): each unit's value and its difference from the first picked unit."""
    wide = frame.pivot_table(index="year", columns="unit_code", values="value", aggfunc="first")
    wide = wide.reindex(columns=[c for c in codes if c in wide.columns]).sort_index(ascending=False)
    first = codes[0]
    for code in wide.columns:
        if code != first:
            wide[f"{code}:diff"] = wide[code] - wide[first] if first in wide.columns else float("nan")
    return wide.reset_index()


def source_line(frame: pd.DataFrame, lang: str) -> str:
    """'Nguồn: minh họa – …' for a figure, naming the kinds of data it draws."""
    kinds = sorted(set(frame["data_kind"])) if not frame.empty else []
    real = [k for k in kinds if k != "illustrative"]
    label = ", ".join(t(f"source_kind.{k}", lang) for k in real) or "–"
    line = f"{t('footer.source', lang)}: {label} – {t('site.short_title', lang)}"
    if "illustrative" in kinds:  # the chart (and its PNG) then says so in its title too: figures/charts.py
        return f"{published.generated_source_line(lang)}" + (f" · {line}" if real else "")
    return line


def sources_of(frame: pd.DataFrame) -> pd.DataFrame:
    """The source rows behind a frame of observations."""
    sources = queries.sources()
    return sources[sources["id"].isin(set(frame["source_id"]))]


def index_options(lang: str) -> list[dict[str, str]]:
    """The index dropdown: the total of each year's method, then each sub-index with its years."""
    indicators = queries.indicators().set_index("code")
    column = localized_column("name", lang)
    options = [{"value": "total", "label": t("compare.index_total", lang)}]
    for code in index_codes():
        row = indicators.loc[code]
        years = f"{int(row['first_year'])}–{int(row['last_year'])}" if pd.notna(row["last_year"]) else ""
        options.append({"value": code, "label": f"{row[column]} ({years})"})
    return options


def scale_frames(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """The series split by scale (percent, points out of 100, points out of 1,000), oldest first."""
    maxima = queries.indicators().set_index("code")["max_value"].to_dict()
    if frame.empty:
        return []
    years = analysis.scale_segments(frame.drop_duplicates("year"), maxima)
    return [frame[frame["year"].isin(set(segment["year"]))] for segment in years]


def lines_figures(frame: pd.DataFrame, selection: Selection, lang: str) -> list[charts.Figure]:
    """One lines figure per scale: methods with different maxima never share an axis, and units whose
    groups have different maxima are compared as % of their own maximum."""
    return [lines_figure(_shares_if_mixed(part), selection, lang) for part in scale_frames(frame)]


def _shares_if_mixed(frame: pd.DataFrame) -> pd.DataFrame:
    if not _mixed_maxima(frame):
        return frame
    return frame.assign(value=analysis.percent_of_max(frame["value"], frame["max_value"]), measure="percent")


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
        source_line=source_line(frame, lang),
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


def scale_title(frame: pd.DataFrame, lang: str) -> str:
    """The axis title of values on one scale: 'Điểm (tối đa 1.000)' or '% so với điểm tối đa'."""
    code = frame["indicator_code"].iloc[0]
    if frame["measure"].nunique() > 1:
        return t("compare.y_both", lang)  # points out of 100 until 2019, then a percent: both 0-100
    if frame["measure"].iloc[0] == "percent":
        return t("scale.percent", lang)
    maxima = queries.indicators().set_index("code")["max_value"]
    return t("scale.points", lang, max=format_number(maxima.get(code), lang, decimals=0))


def index_label(selection: Selection, lang: str) -> str:
    """The chosen index as the index dropdown words it."""
    labels = {o["value"]: o["label"] for o in index_options(lang)}
    return labels.get(selection.index, selection.index)
