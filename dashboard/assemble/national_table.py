"""A national table of /ca-nuoc (views/national_table.py) from the stored observations: which tables
there are, the one a query asks for, its rows, and what its table on screen for download is called."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.queries import ObservationFilter
from dashboard.views import national_table as table
from dashboard.views.screen_table import ScreenTable, slug


def national_codes() -> tuple[str, ...]:
    """Codes of the national indicators (ranks of provinces)."""
    return table.national_codes(queries.indicators())


def table_choices() -> list[tuple[str, int]]:
    """(indicator, year) pairs of every national table held, however few provinces its source lists."""
    codes = table.table_codes(national_codes())
    return table.table_choices(queries.observations(ObservationFilter(indicators=codes)))


def parse_table(text: str | None, choices: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The table asked for, else the default one (a page always shows a table when there is one)."""
    found = table.find_table(text, choices)
    if found is not None:
        return found
    frame = queries.observations(ObservationFilter(indicators=tuple({c for c, _ in choices})))
    return table.default_table(choices, frame)


def table_frame(choice: tuple[str, int]) -> pd.DataFrame:
    """Every province's figures of one table, from every source that prints them."""
    code, year = choice
    frame = queries.observations(ObservationFilter(indicators=(code,), years=(year,)))
    return frame[frame["unit_kind"] == "province"].sort_values(["rank", "unit_code", "source_id"])


def grid_rows(choice: tuple[str, int], lang: str) -> tuple[list[dict], pd.DataFrame]:
    """The rows of a national table as its grid shows them, and the frame they come from."""
    return table.grid_rows(table_frame(choice), lang)


def screen_table(choice: tuple[str, int], lang: str) -> ScreenTable:
    """The table on screen for download of a national table."""
    rows, _ = grid_rows(choice, lang)
    return table.screen_table(rows, lang)


def file_stem(choice: tuple[str, int]) -> str:
    """'bang-quoc-gia-2022-chi-so-chuyen-doi-so-cap-tinh-dti': what the file is, in Vietnamese always."""
    code, year = choice
    name = queries.indicators().set_index("code").loc[code, "name_vi"]
    return f"bang-quoc-gia-{year}-{slug(str(name))}"
