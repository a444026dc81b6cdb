"""One overview/rankings view: its data, and the pieces of it both pages show."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import queries
from dashboard.domain.methods import class_thresholds
from dashboard.domain.scoring import competition_ranks
from dashboard.i18n import format_number, t
from dashboard.queries import ObservationFilter
from dashboard.views import analysis, published

# New units and new methods get a sign that is not an arrow: their rank did not go up or down.
RANK_CHANGE_ARROWS = {"up": "▲", "down": "▼", "same": "=", "new": "★", "merged": "⊕", "new_method": "≠"}


@dataclass(frozen=True)
class ViewData:
    """Everything a view shows, computed once per (view, language)."""

    view: analysis.View
    table: (
        pd.DataFrame
    )  # one row per unit: rank, unit_code, unit_name, value, class_label, change, sub-indices
    sub_columns: list[tuple[str, str]]  # (indicator code, header)
    headline: analysis.Headline
    illustrative: bool
    sources: pd.DataFrame
    comparable: bool
    has_classes: bool = True  # False when the method in force defines no classes


@queries.per_data_version(maxsize=1)
def years_and_groups() -> tuple[list[int], dict[int, list[str]]]:
    """Years of the province's own evaluations and the unit kinds present in each."""
    coverage = queries.provincial_coverage()
    years = sorted(int(y) for y in coverage["year"].unique())
    groups = {year: sorted(coverage[coverage["year"] == year]["unit_kind"]) for year in years}
    return years, groups


def resolve(query: dict[str, str]) -> analysis.View:
    """Validate a query string against what exists."""
    return _resolve(*(str(query.get(key) or "")[:64] for key in ("year", "index", "group")))


@queries.per_data_version(maxsize=1024)
def _resolve(year_text: str, index: str, group: str) -> analysis.View:
    query = {"year": year_text, "index": index, "group": group}
    years, groups = years_and_groups()
    return analysis.resolve_view(query, indicators=queries.indicators(), years=years, groups=groups)


def _merged_into_since(year: int) -> dict[str, str]:
    """Units absorbed into another during the year (e.g. Tây Trà into Trà Bồng in 2020)."""
    lineage = queries.lineage()
    merged = lineage[
        (lineage["event"] == "merged_into") & (pd.to_datetime(lineage["event_date"]).dt.year == year)
    ]
    return dict(zip(merged["from_code"], merged["to_code"], strict=True))


def change_text(change: analysis.RankChange, lang: str) -> str:
    """'▲ 3 bậc', 'giữ nguyên', 'đơn vị mới', 'sáp nhập', 'phương pháp mới'."""
    arrow = RANK_CHANGE_ARROWS[change.kind]
    if change.kind in ("up", "down"):
        key = "rank.step" if change.steps == 1 else "rank.steps"  # English: '1 place', '2 places'
        return f"{arrow} {t(key, lang, steps=change.steps)}"
    return f"{arrow} {t(f'rank.{change.kind}', lang)}"


def with_published_ranks(
    table: pd.DataFrame, current: pd.DataFrame, *, indicator: str, higher_is_better: bool = True
) -> pd.DataFrame:
    """Carry the published rank beside the one computed from the scores (the figure as published).

    rank_published: as stored from the annex, NaN where none was published; rank_computed: competition
    ranks of the values; rank: the published one where there is one, else the computed one (sorting and
    rank changes). rank_of and note come with the rows already.
    """
    table = table.copy()
    rows = current[current["indicator_code"] == indicator].drop_duplicates("unit_code")
    published = rows.set_index("unit_code")["rank"]
    table["rank_published"] = pd.to_numeric(table["unit_code"].map(published), errors="coerce")
    computed = competition_ranks(table["value"].tolist(), higher_is_better=higher_is_better)
    table["rank_computed"] = pd.to_numeric(pd.Series(computed, index=table.index, dtype=object))
    table["rank"] = table["rank_published"].fillna(table["rank_computed"])
    if table.empty:
        return table
    return table.sort_values(["rank", "unit_name"]).reset_index(drop=True)


@queries.per_data_version(maxsize=512)
def load(view: analysis.View, lang: str) -> ViewData:
    """Load and compute the ranking table, headline and sources of a view."""
    indicators = queries.indicators()
    subs = analysis.sub_indicators(indicators, view.total)
    codes = (view.total, *subs["code"])
    # Last year's ranks under last year's method: across a method change they only say who was ranked.
    before_total = analysis.total_for_year(indicators, view.year - 1)
    same_method = before_total is not None and before_total["methodology"] == view.methodology
    before_codes = () if before_total is None or same_method else (before_total["code"],)
    frame = queries.observations(
        ObservationFilter(
            indicators=(*codes, *before_codes), years=(view.year, view.year - 1), unit_kinds=(view.group,)
        )
    )
    current = frame[(frame["year"] == view.year) & frame["indicator_code"].isin(codes)]
    previous = frame[frame["year"] == view.year - 1]
    table = analysis.ranking_table(current, indicator=view.indicator, lang=lang)
    indicator = indicators.set_index("code").loc[view.indicator]
    table = with_published_ranks(
        table, current, indicator=view.indicator, higher_is_better=bool(indicator["higher_is_better"])
    )
    before = analysis.ranking_table(
        previous, indicator=view.indicator if same_method else (before_codes or ("",))[0], lang=lang
    )
    comparable = same_method and not before.empty
    has_classes = class_thresholds(view.methodology) is not None or bool(current["class_label"].notna().any())
    empty = analysis.Headline(0, None, None, None, None)
    if table.empty:
        return ViewData(view, table, [], empty, False, queries.sources().iloc[0:0], comparable, has_classes)
    shares = analysis.percent_of_max(
        table["value"], measure=indicator["measure"], max_value=indicator["max_value"]
    )
    table = analysis.with_classes(table, percent_of_max=shares, methodology=view.methodology)
    changes = analysis.rank_changes(
        table, before, comparable=comparable, merged_into=_merged_into_since(view.year)
    )
    table["change"] = [change_text(changes[c], lang) for c in table["unit_code"]]
    table["change_kind"] = [changes[c].kind for c in table["unit_code"]]
    table["change_steps"] = [changes[c].steps for c in table["unit_code"]]
    sub_columns = []
    for row in subs.itertuples():
        values = current[current["indicator_code"] == row.code].set_index("unit_code")["value"]
        table[row.code] = table["unit_code"].map(values)
        sub_columns.append((row.code, row.name_vi if lang == "vi" else row.name_en))
    sources = queries.sources()
    sources = sources[sources["id"].isin(set(current["source_id"]))]
    return ViewData(
        view=view,
        table=table,
        sub_columns=sub_columns,
        headline=analysis.headline(table, before, comparable=comparable),
        illustrative=bool((current["data_kind"] == "illustrative").any()),
        sources=sources,
        comparable=comparable,
        has_classes=has_classes,
    )


def summary_sentence(data: ViewData, *, lang: str, index_name: str) -> str:
    """One sentence that says what the view shows (also the text alternative of the map)."""
    h = data.headline
    if h.count == 0:
        return t("empty.no_data", lang)
    text = t(
        "summary.sentence",
        lang,
        year=data.view.year,
        count=h.count,
        group=t(f"group.{data.view.group}.plural", lang),
        index=index_name,
        average=format_number(h.average, lang),
        best=h.best[0],
        best_value=format_number(h.best[1], lang),
        worst=h.worst[0],
        worst_value=format_number(h.worst[1], lang),
    )
    if h.improved is not None:
        text += " " + t("summary.improved", lang, improved=h.improved, previous=data.view.year - 1)
    else:
        text += " " + t("summary.not_comparable", lang)
    # The sentence is what gets quoted: it carries the label itself, not only the banner below it.
    return published.generated_sentence(text, lang) if data.illustrative else text


def index_options(view: analysis.View, lang: str) -> list[dict[str, str]]:
    """The view's total first, then its sub-indices, as dropdown options."""
    indicators = queries.indicators()
    rows = indicators[(indicators["code"] == view.total) | (indicators["parent_code"] == view.total)]
    ordered = rows.sort_values("sort_order").itertuples()
    return [{"value": r.code, "label": r.name_vi if lang == "vi" else r.name_en} for r in ordered]


def index_name(view: analysis.View, lang: str) -> str:
    """Name of the view's indicator in the language."""
    if not view.indicator:
        return ""
    row = queries.indicators().set_index("code").loc[view.indicator]
    return row["name_vi"] if lang == "vi" else row["name_en"]


def group_options(groups: list[str], lang: str) -> list[dict[str, str]]:
    """The group switch's options, in the fixed order of analysis.GROUPS."""
    return [{"value": g, "label": t(f"group.{g}", lang)} for g in analysis.GROUPS if g in groups]
