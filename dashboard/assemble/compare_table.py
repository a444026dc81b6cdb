"""The compare page's differences table (views/compare_table.py) from the picked units' series, and what
its table on screen for download is called."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.assemble import comparison
from dashboard.domain import localized
from dashboard.i18n import t
from dashboard.views import compare_table
from dashboard.views.comparison import Selection
from dashboard.views.screen_table import GROUP_SLUGS, Column, ScreenTable, slug


def difference_rows(frame: pd.DataFrame, selection: Selection, lang: str) -> list[dict[str, object]]:
    """Per year, newest first: each unit's value as the page shows it (views.compare_table)."""
    return compare_table.difference_rows(frame, selection, lang, sources=queries.sources())


def difference_columns(frame: pd.DataFrame, selection: Selection, lang: str) -> tuple[Column, ...]:
    """The table's columns as the page shows them: year, then one column per unit (by its current name)."""
    return compare_table.difference_columns(
        frame, selection, comparison.unit_names(selection.codes, lang), lang
    )


def screen_table(selection: Selection, lang: str) -> ScreenTable:
    """The table on screen for download of a comparison."""
    return compare_table.screen_table(
        comparison.series(selection, lang),
        selection,
        lang,
        names=comparison.unit_names(selection.codes, lang),
        sources=queries.sources(),
    )


def index_name(selection: Selection, lang: str) -> str:
    """What the comparison shows: 'tổng điểm của mỗi năm' or the sub-index's name."""
    if selection.index == "total":
        return t("compare.index_total", lang)
    return str(localized(queries.indicators().set_index("code").loc[selection.index], "name", lang))


def title(selection: Selection, lang: str) -> str:
    """'So sánh Huyện Bình Sơn, Huyện Tư Nghĩa – Tổng điểm (bảng đang xem)'."""
    units = ", ".join(comparison.unit_names(selection.codes, lang).values())
    return t("screen.compare_title", lang, units=units, index=index_name(selection, lang))


def file_stem(selection: Selection) -> str:
    """'so-sanh-cap-huyen-522-525-tong-diem': what the file is, in Vietnamese always."""
    parts = ["so-sanh", GROUP_SLUGS.get(selection.group, selection.group), *map(slug, selection.codes)]
    return "-".join((*parts, slug(index_name(selection, "vi"))))
