"""Every ranking of the province's own evaluations, computed once per data version and language.

A view nobody asked for yet used to cost hundreds of small pandas operations. Here one pass over all
observations ranks every (year, unit kind, indicator), fills the classes and compares each unit with
the year before under the rules of views/analysis.py; a view is then a dictionary lookup. Rows keep
every column of their observation (published rank, rank_of, note...), so pages can show them too.
Frames in, views out: assemble/all_rankings.py loads the frames and memoizes each step per data version.

May import: domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.domain import localized
from dashboard.domain.methods import IndexSet
from dashboard.i18n import t
from dashboard.views import analysis
from dashboard.views.index_set_table import class_name

# New units and new methods get a sign that is not an arrow: their rank did not go up or down.
RANK_CHANGE_ARROWS = {"up": "▲", "down": "▼", "same": "=", "new": "★", "merged": "⊕", "new_method": "≠"}
GROUP_KEYS = ["year", "unit_kind", "indicator_code"]
# A table's columns after every observation column: the unit's name in the language, both ranks, the change.
DERIVED_COLUMNS = [
    "unit_name",
    "class_name",  # the class's label under the row's own index set
    "rank_published",
    "rank_computed",
    "change",
    "change_kind",
    "change_steps",
]
_RANK_LAST_YEAR = "_rank_as_last_year"  # internal: how this row ranks when it is last year's
Key = tuple[int, str, str]  # (year, unit kind, indicator)


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


@dataclass(frozen=True)
class Method:
    """The method in force in a year: its total, the total's sub-indices, and what last year compares."""

    total: str
    methodology: str
    subs: tuple[tuple[str, str, str], ...]  # (code, name_vi, name_en), in published order
    same_as_before: bool  # last year was ranked under the same method: ranks can go up or down
    before_total: str | None  # last year's total when its method differs (who was ranked at all)

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.total, *(code for code, _, _ in self.subs))

    def before_indicator(self, indicator: str) -> str | None:
        """The indicator whose ranks last year this one is compared with."""
        return indicator if self.same_as_before else self.before_total


def change_text(change: analysis.RankChange, lang: str) -> str:
    """'▲ 3 bậc', 'giữ nguyên', 'đơn vị mới', 'sáp nhập', 'phương pháp mới'."""
    arrow = RANK_CHANGE_ARROWS[change.kind]
    if change.kind in ("up", "down"):
        key = "rank.step" if change.steps == 1 else "rank.steps"  # English: '1 place', '2 places'
        return f"{arrow} {t(key, lang, steps=change.steps)}"
    return f"{arrow} {t(f'rank.{change.kind}', lang)}"


def methods_in_force(
    indicators: pd.DataFrame, years: Sequence[int], held: Mapping[int, Collection[str]]
) -> dict[int, Method]:
    """The method in force in each year (`held`: the sets stored results of each year use)."""
    found: dict[int, Method] = {}
    for year in years:
        total = analysis.total_for_year(indicators, year, with_results=held.get(year, ()))
        if total is None:
            continue
        before = analysis.total_for_year(indicators, year - 1, with_results=held.get(year - 1, ()))
        same = before is not None and before["methodology"] == total["methodology"]
        subs = analysis.sub_indicators(indicators, total["code"])
        found[year] = Method(
            total=total["code"],
            methodology=total["methodology"],
            subs=tuple(zip(subs["code"], subs["name_vi"], subs["name_en"], strict=True)),
            same_as_before=same,
            before_total=None if before is None or same else before["code"],
        )
    return found


def ranked_rows(
    frame: pd.DataFrame,
    *,
    by_year: Mapping[int, Method],
    indicators: pd.DataFrame,
    index_sets: Mapping[str, IndexSet],
) -> pd.DataFrame:
    """Observations of every method's indicators (`frame`) kept in the years it is in force: ranked,
    classes filled.

    Per (year, kind, indicator): rank_published as stored, rank_computed the competition ranks of the
    values (ties share a rank: 1, 2, 2, 4, as domain.scoring.competition_ranks, honouring
    higher_is_better), rank the published one where there is one, else the computed one.
    """
    in_force = [
        code in by_year[int(year)].codes
        for year, code in zip(frame["year"], frame["indicator_code"], strict=True)
    ]
    frame = frame[in_force].reset_index(drop=True)
    indicators = indicators.set_index("code")
    # A unit listed as not ranked keeps its printed score but is never ranked nor counted.
    listed_only = frame["not_ranked"].notna()
    keys = [frame[k] for k in GROUP_KEYS]
    grouped = frame["value"].where(~listed_only).groupby(keys, sort=False)
    best_first = grouped.rank(method="min", ascending=False)
    lowest_first = grouped.rank(method="min", ascending=True)
    higher = frame["indicator_code"].map(indicators["higher_is_better"]).astype(bool)
    published = pd.to_numeric(frame["rank"], errors="coerce")
    unranked = (published.isna() & ~listed_only).groupby(keys, sort=False).transform("any")
    # The figure as published beside the one computed from the scores; the table ranks by the published
    # one where there is one. Last year's ranks (for the changes) are all published or all computed.
    frame["rank_published"] = published
    frame["rank_computed"] = best_first.where(higher, lowest_first)
    frame["rank"] = published.fillna(frame["rank_computed"])
    frame[_RANK_LAST_YEAR] = published.where(~unranked, best_first)
    classed = [
        analysis.with_classes(rows, index_set=index_sets.get(str(methodology)))
        for methodology, rows in frame.groupby("methodology", sort=False)
    ]
    return pd.concat(classed).sort_index() if classed else frame


def _sub_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Each unit's value of every indicator in its year, one column per indicator."""
    return frame.pivot_table(
        index=["year", "unit_kind", "unit_code"], columns="indicator_code", values="value", aggfunc="last"
    )


def compared_rows(
    rows: pd.DataFrame, *, by_year: Mapping[int, Method], merged: Mapping[int, Mapping[str, str]]
) -> pd.DataFrame:
    """The ranked rows with each unit's change against last year (`analysis.change_of`, row by row)."""
    keys = list(zip(*(rows[k].to_numpy(dtype=object) for k in GROUP_KEYS), strict=True))
    ranks: dict[Key, dict[str, float]] = {}
    for key, code, rank in zip(keys, rows["unit_code"], rows[_RANK_LAST_YEAR], strict=True):
        ranks.setdefault(key, {})[code] = rank
    kinds, steps = [], []
    for (year, kind, indicator), code, rank in zip(keys, rows["unit_code"], rows["rank"], strict=True):
        method = by_year[year]
        before = ranks.get((year - 1, kind, method.before_indicator(indicator) or ""), {})
        change = analysis.change_of(
            rank,
            before,
            code,
            comparable=method.same_as_before and bool(before),
            absorbed=code in merged.get(year, {}).values(),
        )
        kinds.append(change.kind)
        steps.append(change.steps)
    return rows.assign(change_kind=kinds, change_steps=steps)


def _tables(
    rows: pd.DataFrame, *, by_year: Mapping[int, Method], columns: Sequence[str]
) -> dict[Key, pd.DataFrame]:
    """The compared rows (named in a language), sorted and cut into one table per key."""
    rows = rows.sort_values([*GROUP_KEYS, "rank", "unit_name"], kind="stable")
    # Each unit's sub-index values of its year, joined once for all views (NaN where it has none).
    rows = rows.join(_sub_values(rows), on=["year", "unit_kind", "unit_code"])
    totals = rows["year"].map({year: method.total for year, method in by_year.items()})
    parts: dict[Key, pd.DataFrame] = {}
    for total, same_total in rows.groupby(totals, sort=False):
        subs = [code for code, _, _ in next(m.subs for m in by_year.values() if m.total == total)]
        missing = {code: float("nan") for code in subs if code not in same_total}
        parts.update(_split(same_total.assign(**missing)[[*columns, *subs]].reset_index(drop=True)))
    return parts


def views_of(
    rows: pd.DataFrame,
    *,
    by_year: Mapping[int, Method],
    facts: Mapping[tuple[int, str], tuple[bool, bool, set]],
    sources: pd.DataFrame,
    index_sets: Mapping[str, IndexSet],
    observation_columns: Sequence[str],
    lang: str,
) -> dict[Key, ViewData]:
    """Every (year, unit kind, indicator) of the compared rows, as the view shows it in `lang`.

    The view inside is the canonical one (no notices): a caller puts the asked view in its place.
    """
    if rows.empty:
        return {}
    texts = {
        (kind, step): change_text(analysis.RankChange(kind, step), lang)
        for kind, step in set(zip(rows["change_kind"], rows["change_steps"], strict=True))
    }
    rows = rows.assign(
        unit_name=localized(rows, "unit_name", lang),
        class_name=[
            class_name(index_sets.get(str(m)), c, lang)
            for m, c in zip(rows["methodology"], rows["class_label"], strict=True)
        ],
        change=[texts[pair] for pair in zip(rows["change_kind"], rows["change_steps"], strict=True)],
    )
    columns = [*observation_columns, *DERIVED_COLUMNS]
    parts = _tables(rows, by_year=by_year, columns=columns)
    cited = {key: sources[sources["id"].isin(ids)] for key, (_, _, ids) in facts.items()}
    result = {}
    for key, table in parts.items():
        year, group, indicator = key
        method = by_year[year]
        before = parts.get((year - 1, group, method.before_indicator(indicator) or ""), table.iloc[0:0])
        comparable = method.same_as_before and not before.empty
        has_classes, illustrative, _ = facts[(year, group)]
        result[key] = ViewData(
            view=analysis.View(year, indicator, method.total, method.methodology, group),
            table=table,
            sub_columns=[(code, vi if lang == "vi" else en) for code, vi, en in method.subs],
            headline=analysis.headline(table, before, comparable=comparable),
            illustrative=illustrative,
            sources=cited[(year, group)],
            comparable=comparable,
            has_classes=has_classes or defines_classes(index_sets.get(method.methodology)),
        )
    return result


def defines_classes(index_set: IndexSet | None) -> bool:
    """Whether a method defines classes at all."""
    return index_set is not None and index_set.has_classes


def _split(rows: pd.DataFrame) -> dict[Key, pd.DataFrame]:
    """Rows sorted by (year, unit kind, indicator) cut into one table per key (a groupby is 5x slower)."""
    keys = list(zip(*(rows[k].to_numpy(dtype=object) for k in GROUP_KEYS), strict=True))
    starts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
    return {
        (int(keys[a][0]), str(keys[a][1]), str(keys[a][2])): rows.iloc[a:b].reset_index(drop=True)
        for a, b in zip(starts, [*starts[1:], len(keys)], strict=True)
    }


def family_facts_of(rows: pd.DataFrame) -> dict[tuple[int, str], tuple[bool, bool, set]]:
    """Per (year, unit kind) of the ranked rows, over the total and all its sub-indices: any class, any
    illustrative figure, and the sources."""
    facts = {}
    for (year, kind), part in rows.groupby(["year", "unit_kind"], sort=False):
        facts[(int(year), str(kind))] = (
            bool(part["class_label"].notna().any()),
            bool((part["data_kind"] == "illustrative").any()),
            set(part["source_id"]),
        )
    return facts


def no_data(
    view: analysis.View,
    *,
    by_year: Mapping[int, Method],
    facts: Mapping[tuple[int, str], tuple[bool, bool, set]],
    known: Collection[Key],
    table: pd.DataFrame,
    sources: pd.DataFrame,
    index_sets: Mapping[str, IndexSet],
) -> ViewData:
    """The data of a view whose indicator has no observation: `table` and `sources` empty, with their
    columns; `known` the keys that have a view."""
    method = by_year.get(view.year)
    before = (view.year - 1, view.group, method.before_indicator(view.indicator) or "") if method else None
    classes, _, _ = facts.get((view.year, view.group), (False, False, set()))
    return ViewData(
        view=view,
        table=table,
        sub_columns=[],
        headline=analysis.Headline(0, None, None, None, None),
        illustrative=False,
        sources=sources,
        comparable=bool(method and method.same_as_before and before in known),
        has_classes=classes or defines_classes(index_sets.get(view.methodology)),
    )


def merged_into_by_year(lineage: pd.DataFrame) -> dict[int, dict[str, str]]:
    """Units absorbed into another during each year (e.g. Tây Trà into Trà Bồng in 2020)."""
    merged = lineage[lineage["event"] == "merged_into"]
    years = pd.to_datetime(merged["event_date"]).dt.year
    found: dict[int, dict[str, str]] = {}
    for year, source, target in zip(years, merged["from_code"], merged["to_code"], strict=True):
        found.setdefault(int(year), {})[source] = target
    return found
