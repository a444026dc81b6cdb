"""A unit profile's scores table (/don-vi/<code>): year, index, score, rank as published beside the rank
computed from the group's scores, class and note, and, from the same rows, its table on screen for download
(api/screen.py), so that what is downloaded is what is seen.

May import: queries, domain, i18n, views.
"""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.domain import localized
from dashboard.domain.scoring import competition_ranks
from dashboard.i18n import format_number, t
from dashboard.queries import ObservationFilter
from dashboard.queries.methods import index_set
from dashboard.views import published
from dashboard.views.cited import sources_by
from dashboard.views.index_set_table import class_name
from dashboard.views.screen_table import Column, ScreenTable, slug, table_of


def history(code: str) -> pd.DataFrame:
    """A unit's totals of every year (each year's method), oldest first."""
    totals = ObservationFilter(indicators=queries.provincial_totals(), unit_codes=(code,))
    frame = queries.observations(totals)
    return frame.sort_values("year")


def ranks_shown(history: pd.DataFrame, lang: str) -> list[published.RankShown]:
    """Each year's rank as published, beside the rank computed from the scores of the unit's whole group."""
    group = queries.observations(
        ObservationFilter(
            indicators=tuple(history["indicator_code"].unique()),
            years=tuple(int(y) for y in history["year"].unique()),
            unit_kinds=tuple(history["unit_kind"].unique()),
        )
    )
    better = queries.indicators().set_index("code")["higher_is_better"]
    computed: dict[tuple[int, str, str], int | None] = {}
    for (year, indicator, _kind), rows in group.groupby(["year", "indicator_code", "unit_kind"]):
        ranks = competition_ranks(rows["value"].tolist(), higher_is_better=bool(better[indicator]))
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
    history: pd.DataFrame, lang: str, *, shown: list[published.RankShown] | None = None
) -> list[dict[str, object]]:
    """The scores table's rows, oldest first (`shown`: the ranks as shown, when the caller has them)."""
    shown = ranks_shown(history, lang) if shown is None else shown
    cited = sources_by(history, ["year", "indicator_code"], lang)
    indicators = localized(history, "indicator_name", lang)
    return [
        {
            "year": int(r.year),
            "indicator": indicator,
            "indicator_code": r.indicator_code,
            "value": r.value,
            "value_text": format_number(r.value, lang, decimals=2),
            "rank_text": rank_text(rank, r.rank_of),
            "class_text": class_name(index_set(str(r.methodology)), r.class_label, lang) or "–",
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


def screen_table(code: str, lang: str) -> ScreenTable:
    """The table on screen for download: the page's columns, the index's code after its name, and the
    sources last (the generated figures say so there, as the page's banner does)."""
    rows = score_rows(history(code), lang)
    columns = list(score_columns(rows, lang))
    columns.insert(2, Column("indicator_code", t("screen.indicator_code", lang)))
    columns.append(Column("source", t("edocs.col.source", lang)))
    return table_of(rows, columns)


def title(code: str, lang: str) -> str:
    """'Điểm và thứ hạng qua các năm – Huyện Bình Sơn (bảng đang xem)'."""
    unit = queries.units().set_index("code").loc[code]
    return t("screen.unit_title", lang, unit=localized(unit, "name", lang))


def file_stem(code: str) -> str:
    """'diem-xep-hang-525-huyen-binh-son': what the file is, in Vietnamese always."""
    name = queries.units().set_index("code").loc[code, "name_vi"]
    return f"diem-xep-hang-{slug(code)}-{slug(str(name))}"
