"""A unit profile's scores table (/don-vi/<code>): year, index, score, rank as published beside the rank
computed from the group's scores, class and note, and, from the same rows, its table on screen for download
(api/screen.py), so that what is downloaded is what is seen. Frames in (assemble/unit_scores.py reads them).

May import: domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.domain import localized
from dashboard.domain.methods import IndexSet
from dashboard.domain.scoring import competition_ranks
from dashboard.i18n import format_number, t
from dashboard.views import published
from dashboard.views.cited import sources_by
from dashboard.views.index_set_table import class_name
from dashboard.views.screen_table import Column, ScreenTable, table_of


def ranks_shown_of(
    history: pd.DataFrame, group: pd.DataFrame, *, higher_is_better: Mapping[str, bool], lang: str
) -> list[published.RankShown]:
    """Each year's rank as published, beside the rank computed from the scores of the unit's whole group
    (`group`: the observations of the history's indicators, years and unit kinds)."""
    computed: dict[tuple[int, str, str], int | None] = {}
    for (year, indicator, _kind), rows in group.groupby(["year", "indicator_code", "unit_kind"]):
        ranks = competition_ranks(rows["value"].tolist(), higher_is_better=bool(higher_is_better[indicator]))
        computed.update({(year, indicator, u): r for u, r in zip(rows["unit_code"], ranks, strict=True)})
    return [
        published.rank_shown(
            r.rank, computed.get((r.year, r.indicator_code, r.unit_code)), note=r.note, lang=lang
        )
        for r in history.itertuples()
    ]


def rank_text(shown: published.RankShown, rank_of: object) -> str:
    """'3/20', '3/20 ≠ ⚑', '4 *' (a computed rank is not 'of' the published count), '–'."""
    if shown.rank is None:
        return "–"
    counted = shown.status in ("published", "differs") and not pd.isna(rank_of)
    of = f"/{int(rank_of)}" if counted else ""  # type: ignore[call-overload]
    return " ".join(p for p in (f"{shown.rank}{of}", shown.marks) if p)


def score_rows(
    history: pd.DataFrame,
    lang: str,
    *,
    shown: list[published.RankShown],
    sources: pd.DataFrame,
    index_sets: Mapping[str, IndexSet],
) -> list[dict[str, object]]:
    """The scores table's rows, oldest first (`shown`: the ranks as shown; `sources`: the source rows)."""
    cited = sources_by(history, ["year", "indicator_code"], lang, sources=sources)
    indicators = localized(history, "indicator_name", lang)
    return [
        {
            "year": int(r.year),
            "indicator": indicator,
            "indicator_code": r.indicator_code,
            "value": r.value,
            "value_text": format_number(r.value, lang, decimals=2),
            "rank_text": rank_text(rank, r.rank_of),
            "class_text": class_name(index_sets.get(str(r.methodology)), r.class_label, lang) or "–",
            "rank_note": rank.note,
            "source": cited.get((r.year, r.indicator_code), ""),
        }
        for r, rank, indicator in zip(history.itertuples(), shown, indicators, strict=True)
    ]


def score_columns(rows: list[dict[str, object]], lang: str) -> tuple[Column, ...]:
    """The scores table's columns as the page shows them: year, index, score, rank, class, and a note
    when a rank needs one."""
    columns = [
        Column("year", t("control.year", lang), "integer"),
        Column("indicator", t("control.index", lang)),
        Column("value", t("table.score", lang), "number"),
        Column("rank_text", t("table.rank", lang)),
        Column("class_text", t("table.class", lang)),
    ]
    if any(row["rank_note"] for row in rows):
        columns.append(Column("rank_note", t("table.note", lang)))
    return tuple(columns)


def screen_table(rows: list[dict[str, object]], lang: str) -> ScreenTable:
    """The table on screen for download of the scores table's rows: the page's columns, the index's code
    after its name, and the sources last (the generated figures say so there, as the page's banner does)."""
    columns = list(score_columns(rows, lang))
    columns.insert(2, Column("indicator_code", t("screen.indicator_code", lang)))
    columns.append(Column("source", t("edocs.col.source", lang)))
    return table_of(rows, columns)
