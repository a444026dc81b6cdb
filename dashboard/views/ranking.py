"""One overview/rankings view: the pieces of it both pages show (assemble/ranking.py loads its data)."""

from __future__ import annotations

import pandas as pd

from dashboard.domain import localized
from dashboard.i18n import format_number, t
from dashboard.views import analysis, published
from dashboard.views.all_rankings import ViewData


def years_and_groups_of(coverage: pd.DataFrame) -> tuple[list[int], dict[int, list[str]]]:
    """Years of the province's own evaluations (`coverage`: one row per year and unit kind) and the unit
    kinds present in each."""
    years = sorted(int(y) for y in coverage["year"].unique())
    groups = {year: sorted(coverage[coverage["year"] == year]["unit_kind"]) for year in years}
    return years, groups


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


def index_options_of(indicators: pd.DataFrame, total: str, lang: str) -> list[dict[str, str]]:
    """A total first, then its sub-indices, as dropdown options."""
    rows = indicators[(indicators["code"] == total) | (indicators["parent_code"] == total)]
    ordered = rows.sort_values("sort_order").itertuples()
    return [{"value": r.code, "label": localized(r, "name", lang)} for r in ordered]


def indicator_names(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each indicator's name in the language, by code."""
    return dict(zip(indicators["code"], localized(indicators, "name", lang), strict=True))


def group_options(groups: list[str], lang: str) -> list[dict[str, str]]:
    """The group switch's options, in the fixed order of analysis.GROUPS."""
    return [{"value": g, "label": t(f"group.{g}", lang)} for g in analysis.GROUPS if g in groups]
