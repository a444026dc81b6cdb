"""The table on screen of a ranking view, as one pure function shared by the page and its download: one row
per unit, the columns the page shows in the order it shows them, with the ranks and scores as shown.

May import: domain, i18n, views (ranking data, published ranks). The grid, the overview's table and the
"table on screen" download all read `shown_rows` and `ranking_columns`, so what is downloaded is what is seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.domain.names import fold
from dashboard.i18n import format_number, t
from dashboard.views import published
from dashboard.views.all_rankings import ViewData


@dataclass(frozen=True)
class Column:
    """One column of the table on screen: the row key, its header as shown, its type (number, text)."""

    key: str
    label: str
    type: str = "string"


@dataclass(frozen=True)
class ScreenTable:
    """The table a ranking view shows: columns in screen order and one tuple of values per unit."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]


def shown_rows(
    data: ViewData,
    *,
    lang: str,
    extra: tuple[str, ...] = (),
    shown: list[published.RankShown] | None = None,
) -> list[dict[str, object]]:
    """What every ranking shows of each unit: its rank as published (marked by `shown`, worked out here
    unless the caller has it), name, code, value and its text, class and change (and the raw values of the
    `extra` columns). Numbers stay numbers (sorting)."""
    table = data.table
    if table.empty:
        return []
    shown = published.ranks_shown(table, lang=lang) if shown is None else shown
    # Plain Python values column by column (`to_dict("records")` boxes every cell: 3x slower).
    columns = ["rank_computed", "unit_name", "unit_code", "value", "class_label", "class_name", "change"]
    columns += ["not_ranked", *extra]
    rows = []
    cells = zip(*(table[c].tolist() for c in columns), strict=True)
    for values, rank in zip(cells, shown, strict=True):
        record = dict(zip(columns, values, strict=True))
        computed, label = record.pop("rank_computed"), record.pop("class_label")
        name = record.pop("class_name")  # the class's label in the method's own scheme
        listed_only = record.pop("not_ranked")  # the words printed instead of a rank, or None
        rows.append(
            {
                **record,
                "rank": rank.rank,
                "rank_marks": rank.marks,
                # The published rank where there is one; marks (≠ * ⚑) and the note say what else is known.
                "rank_text": listed_only
                if isinstance(listed_only, str)
                else " ".join(p for p in ("–" if rank.rank is None else str(rank.rank), rank.marks) if p),
                "rank_published": rank.rank if rank.status in ("published", "differs") else None,
                "rank_computed": None if computed != computed else int(computed),
                "note": rank.note,
                "value_text": format_number(record["value"], lang, decimals=2),
                "class_code": label,
                "class": name if isinstance(name, str) else "",
            }
        )
    return rows


def rank_header(data: ViewData, lang: str) -> str:
    """'Hạng', or 'Hạng (tính từ điểm)' when no rank of the table was published."""
    if data.table.empty or data.table["rank_published"].notna().any():
        return t("table.rank", lang)
    return t("rank.header_computed", lang)


def has_notes(rows: list[dict[str, object]]) -> bool:
    """True when a rank of the table needs a note (a note column is shown)."""
    return any(row["note"] for row in rows)


def ranking_columns(
    data: ViewData, rows: list[dict[str, object]], *, lang: str, subs: bool = True
) -> tuple[Column, ...]:
    """The columns a ranking shows, in order: rank, unit, score, class (when the method has classes),
    change, note (when a rank needs one), then the sub-indices (`subs`: the rankings grid has them)."""
    columns = [Column("rank", rank_header(data, lang), "integer"), Column("unit_name", t("table.unit", lang))]
    columns.append(Column("value", t("table.score", lang), "number"))
    if data.has_classes:  # a method without classes shows no class column
        columns.append(Column("class", t("table.class", lang)))
    columns.append(Column("change", t("table.change", lang)))
    if has_notes(rows):
        columns.append(Column("note", t("table.note", lang)))
    if subs:
        columns += [Column(code, header, "number") for code, header in data.sub_columns]
    return tuple(columns)


def screen_table(data: ViewData, *, lang: str, subs: bool = True) -> ScreenTable:
    """The table on screen for download: the screen's columns, plus the unit code after its name, the
    rank's marks after the rank (when any rank has one), so that a reader can join and check it, and the
    kind of data last when any of it is generated (as the page's banner says)."""
    extra = (*(code for code, _ in data.sub_columns), "data_kind") if subs else ("data_kind",)
    rows = shown_rows(data, lang=lang, extra=extra)
    shown = list(ranking_columns(data, rows, lang=lang, subs=subs))
    if data.illustrative:  # the banner's label travels with the file: a column, never a metadata row
        shown.append(Column("data_kind", t("screen.data_kind", lang)))
    position = 2
    if any(row["rank_marks"] for row in rows):
        shown.insert(1, Column("rank_marks", t("screen.rank_marks", lang)))
        position = 3
    shown.insert(position, Column("unit_code", t("screen.unit_code", lang)))
    return table_of(rows, shown)


def table_of(rows: list[dict[str, object]], columns: list[Column] | tuple[Column, ...]) -> ScreenTable:
    """A table on screen from a page's rows (dicts) and the columns it downloads, cells typed by column."""
    values = tuple(tuple(_cell(row.get(c.key), c.type) for c in columns) for row in rows)
    return ScreenTable(tuple(columns), values)


def _cell(value: object, kind: str) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind == "integer":
        return int(value)  # type: ignore[call-overload]
    if kind == "number":
        return float(value)  # type: ignore[arg-type]
    return value if value != "" else None


# File names stay Vietnamese whatever the page's language: one stable name per table.
GROUP_SLUGS = {"commune": "cap-xa", "department": "so-nganh", "district": "cap-huyen", "province": "tinh"}


def slug(text: str, *, words: int = 8) -> str:
    """'Chỉ số chuyển đổi số 2025 (điểm/1.000)' -> 'chi-so-chuyen-doi-so-2025': folded, no brackets."""
    plain = fold(re.sub(r"\(.*?\)", " ", text))  # brackets first: fold drops them
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:words])


def file_stem(kind: str, *, group: str, year: int, index_name: str) -> str:
    """A file name that says what it is: 'xep-hang-cap-xa-2025-chi-so-chuyen-doi-so-2025'."""
    return "-".join(p for p in (kind, GROUP_SLUGS.get(group, group), str(year), slug(index_name)) if p)
