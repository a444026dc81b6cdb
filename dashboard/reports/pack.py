"""The meeting pack: a year's ranking of one group as one printable table (rank, unit, total, sub-indices,
class, change under the reform rules, as the rankings page shows them) and the map of the scores.

May import: queries, views, figures, domain, i18n, reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from dashboard import queries
from dashboard.assemble import ranking
from dashboard.figures.map_scale import fitted_range
from dashboard.i18n import format_number, t
from dashboard.reports import shapes, svg
from dashboard.reports.card import SourceLine, source_lines
from dashboard.views import analysis, published
from dashboard.views import ranking as ranking_view


class PackMissing(LookupError):
    """No ranking for the group and year asked; the message says so."""


@dataclass(frozen=True)
class Pack:
    """The pack's table and map, worded in its language."""

    view: analysis.View
    title: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    map: Markup | None
    scale: Markup | None
    scale_text: str
    map_note: str
    legend: tuple[str, ...]
    sources: tuple[SourceLine, ...]
    illustrative: bool


def _rank_text(shown: published.RankShown) -> str:
    return "–" if shown.rank is None else " ".join(p for p in (str(shown.rank), shown.marks) if p)


def meeting_pack(query: dict[str, str], *, lang: str) -> Pack:
    """The pack of the rankings view in `query` (year, group); PackMissing when that view has no table."""
    view = ranking.resolve(query)
    group = t(f"group.{view.group}.plural", lang)
    data = ranking.load(view, lang)
    if not view.valid or data.table.empty:
        raise PackMissing(t("pack.no_view", lang, group=group, year=query.get("year") or view.year))
    return _pack(view, lang)


@queries.per_data_version(maxsize=32)
def _pack(view: analysis.View, lang: str) -> Pack:
    data = ranking.load(view, lang)
    table = data.table
    shown = published.ranks_shown(table, lang=lang)
    columns = (
        t("pack.col_rank", lang),
        t("pack.col_unit", lang),
        t("pack.col_total", lang),
        *(label for _, label in data.sub_columns),
        *((t("pack.col_class", lang),) if data.has_classes else ()),
        t("pack.col_change", lang),
    )
    rows = []
    for rank, row in zip(shown, table.to_dict("records"), strict=True):
        subs = tuple(format_number(row.get(code), lang, decimals=2) for code, _ in data.sub_columns)
        label = row.get("class_label")
        classes = (t(f"class.{label}", lang) if isinstance(label, str) else "–",) if data.has_classes else ()
        value = format_number(row["value"], lang, decimals=2)
        rows.append((_rank_text(rank), row["unit_name"], value, *subs, *classes, row["change"]))
    values = {r["unit_code"]: float(r["value"]) for r in table.to_dict("records") if pd.notna(r["value"])}
    ranks = {c: (_rank_text(s).split(" ")[0]) for c, s in zip(table["unit_code"], shown, strict=True)}
    span = fitted_range(values.values())
    layer = shapes.year_shapes(view.year) if view.group != "department" else None
    drawn = layer is not None and span is not None and bool(set(layer.paths) & set(values))
    title = t("pack.title", lang, group=t(f"group.{view.group}.plural", lang), year=view.year)
    return Pack(
        view=view,
        title=published.generated_title(title, lang) if data.illustrative else title,
        summary=ranking_view.summary_sentence(data, lang=lang, index_name=ranking.index_name(view, lang)),
        columns=columns,
        rows=tuple(rows),
        map=svg.score_map(layer, values, ranks, span=span, title=t("pack.map", lang, year=view.year))
        if drawn
        else None,
        scale=svg.scale_bar(span) if drawn else None,
        scale_text=t(
            "pack.scale",
            lang,
            low=format_number(span[0], lang, decimals=0),
            high=format_number(span[1], lang, decimals=0),
        )
        if drawn
        else "",
        map_note=t("card.map_schematic", lang) if drawn and queries.map_layer(view.year).schematic else "",
        legend=tuple(published.rank_legend(shown, lang=lang)),
        sources=source_lines(data.sources, lang),
        illustrative=data.illustrative,
    )
