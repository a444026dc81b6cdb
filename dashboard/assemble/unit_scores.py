"""A unit profile's scores table (views/unit_scores.py) from the stored observations, and what its table
on screen for download is called."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.domain import localized
from dashboard.i18n import t
from dashboard.queries import ObservationFilter
from dashboard.queries.methods import index_sets
from dashboard.views import published, unit_scores
from dashboard.views.screen_table import ScreenTable, slug


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
    return unit_scores.ranks_shown_of(history, group, higher_is_better=better.to_dict(), lang=lang)


def score_rows(
    history: pd.DataFrame, lang: str, *, shown: list[published.RankShown] | None = None
) -> list[dict[str, object]]:
    """The scores table's rows, oldest first (`shown`: the ranks as shown, when the caller has them)."""
    shown = ranks_shown(history, lang) if shown is None else shown
    return unit_scores.score_rows(
        history, lang, shown=shown, sources=queries.sources(), index_sets=index_sets()
    )


def screen_table(code: str, lang: str) -> ScreenTable:
    """The table on screen for download of a unit's scores table."""
    return unit_scores.screen_table(score_rows(history(code), lang), lang)


def title(code: str, lang: str) -> str:
    """'Điểm và thứ hạng qua các năm – Huyện Bình Sơn (bảng đang xem)'."""
    unit = queries.units().set_index("code").loc[code]
    return t("screen.unit_title", lang, unit=localized(unit, "name", lang))


def file_stem(code: str) -> str:
    """'diem-xep-hang-525-huyen-binh-son': what the file is, in Vietnamese always."""
    name = queries.units().set_index("code").loc[code, "name_vi"]
    return f"diem-xep-hang-{slug(code)}-{slug(str(name))}"


def group_scores(code: str, year: int, kind: str) -> pd.DataFrame:
    """Every unit's figures of one indicator and year among units of a kind (the group's median)."""
    return queries.observations(ObservationFilter(indicators=(code,), years=(year,), unit_kinds=(kind,)))
