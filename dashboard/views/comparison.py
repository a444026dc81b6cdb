"""Selection and data of the compare page and its embed, from frames (assemble/comparison.py reads them
and builds the figures). No Dash components here.

May import: domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.domain import (
    DISTRICTS_LAST_DAY,
    PROVINCE_CODE,
    RANKED_KINDS,
    last_data_year,
    localized_column,
)
from dashboard.i18n import format_number, t
from dashboard.views import analysis, published
from dashboard.views.search import search_text

COMPARE_GROUPS = RANKED_KINDS  # units are compared within the groups the province ranks
MIN_UNITS, MAX_UNITS = 2, 6
Panel = tuple[str, str, float | None]  # (code, name, maximum) of a sub-index


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


def index_codes(indicators: pd.DataFrame) -> list[str]:
    """Sub-indices of the province's own evaluations that can be compared."""
    own = analysis.provincial_indicators(indicators)
    return own[own["parent_code"].notna()].sort_values(["first_year", "sort_order"])["code"].tolist()


def parse(query: Mapping[str, str], *, units: pd.DataFrame, indices: Collection[str]) -> Selection:
    """Validate a query string against the units and the sub-indices that can be compared (`indices`);
    every problem is reported, nothing raises."""
    units = units.set_index("code")
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
    if index != "total" and index not in indices:
        problems.append(("compare.problem.index", index))
        index = "total"
    return Selection(tuple(known), group, index, tuple(problems))


def problem_texts(selection: Selection, lang: str) -> list[str]:
    """The selection's problems in words."""
    limits = {"low": MIN_UNITS, "high": MAX_UNITS}
    return [t(key, lang, detail=detail, **limits) for key, detail in selection.problems]


def unit_names(units: pd.DataFrame, codes: tuple[str, ...], lang: str) -> dict[str, str]:
    """Current names of units by code, in the language (a code not among `units` names itself)."""
    units = units.set_index("code")
    column = localized_column("name", lang)
    return {c: units.loc[c, column] if c in units.index else c for c in codes}


def unit_options(
    units: pd.DataFrame, group: str, lang: str, *, former: Mapping[str, str]
) -> list[dict[str, str]]:
    """Dropdown options: the group's units of Quảng Ngãi, with the year an ended unit stopped (`former`:
    each unit's earlier names, views.search.former_names_of)."""
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
        search = search_text(label, former.get(row.code))
        options.append({"value": row.code, "label": label, "search": search})
    return options


def in_picked_order(frame: pd.DataFrame, codes: tuple[str, ...], names: Mapping[str, str]) -> pd.DataFrame:
    """Observations of the picked units named by `names` in a 'series' column, in the order picked and
    by year."""
    order = frame["unit_code"].map({code: position for position, code in enumerate(codes)})
    frame = frame.assign(series=frame["unit_code"].map(names), order=order)
    return frame.sort_values(["order", "year"]).drop(columns="order")


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


def series_ends(
    frame: pd.DataFrame, *, lineage: pd.DataFrame, names: Mapping[str, str], lang: str
) -> list[SeriesEnd]:
    """Units of the frame whose series stops early, with their successors from the lineage (`names`:
    every unit's name in the language)."""
    if frame.empty:
        return []
    last_overall = int(frame["year"].max())
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


def sub_panels(indicators: pd.DataFrame, methodology: str, lang: str) -> list[Panel]:
    """(code, name, maximum) of the sub-indices of a methodology's total."""
    total = indicators[(indicators["methodology"] == methodology) & indicators["parent_code"].isna()]
    if total.empty:
        return []
    subs = analysis.sub_indicators(indicators, total["code"].iloc[0])
    column = localized_column("name", lang)
    return [(r.code, getattr(r, column), r.max_value) for r in subs.itertuples()]


def comparable(frame: pd.DataFrame, panels: list[Panel], lang: str) -> tuple[pd.DataFrame, list[Panel]]:
    """Sub-index values the picked units can be compared on: their points, or, when the units' groups
    have different maxima (a department without procedures out of 800), each value as % of its own
    maximum, panels then running to 100 % and saying so."""
    if not mixed_maxima(frame):
        return frame, panels
    shares = frame.assign(value=analysis.percent_of_max(frame["value"], frame["max_value"]))
    suffix = t("compare.share_of_max", lang)
    return shares, [(code, f"{label} ({suffix})", 100.0) for code, label, _ in panels]


def mixed_maxima(frame: pd.DataFrame) -> bool:
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


def sources_of(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The source rows behind a frame of observations."""
    return sources[sources["id"].isin(set(frame["source_id"]))]


def index_options(indicators: pd.DataFrame, codes: list[str], lang: str) -> list[dict[str, str]]:
    """The index dropdown: the total of each year's method, then each sub-index (`codes`) with its years."""
    indicators = indicators.set_index("code")
    column = localized_column("name", lang)
    options = [{"value": "total", "label": t("compare.index_total", lang)}]
    for code in codes:
        row = indicators.loc[code]
        years = f"{int(row['first_year'])}–{int(row['last_year'])}" if pd.notna(row["last_year"]) else ""
        options.append({"value": code, "label": f"{row[column]} ({years})"})
    return options


def scale_frames(frame: pd.DataFrame, maxima: dict[str, float | None]) -> list[pd.DataFrame]:
    """The series split by scale (percent, points out of 100, points out of 1,000), oldest first
    (`maxima`: each indicator's maximum)."""
    if frame.empty:
        return []
    years = analysis.scale_segments(frame.drop_duplicates("year"), maxima)
    return [frame[frame["year"].isin(set(segment["year"]))] for segment in years]


def scale_title(frame: pd.DataFrame, maxima: Mapping[str, float | None], lang: str) -> str:
    """The axis title of values on one scale: 'Điểm (tối đa 1.000)' or '% so với điểm tối đa'."""
    code = frame["indicator_code"].iloc[0]
    if frame["measure"].nunique() > 1:
        return t("compare.y_both", lang)  # points out of 100 until 2019, then a percent: both 0-100
    if frame["measure"].iloc[0] == "percent":
        return t("scale.percent", lang)
    return t("scale.points", lang, max=format_number(maxima.get(code), lang, decimals=0))
