"""The data page's catalogue (/du-lieu) from the stored datasets, sources, boundary layers and
corrections: what is held and where each can be downloaded."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.queries import corrections as stored_corrections
from dashboard.queries import export
from dashboard.queries.methods import index_set_of_indicator
from dashboard.views.index_set_table import class_name as class_name_in


def datasets() -> pd.DataFrame:
    """Every dataset with its kinds, period, rows, licence and dates."""
    return queries.datasets()


def sources() -> pd.DataFrame:
    """Every source, with the dataset it belongs to."""
    return queries.sources()


def boundary_layers() -> pd.DataFrame:
    """The imported boundary layers, each with its licence and whether it may be redistributed."""
    return export.boundary_layers()


def corrections() -> pd.DataFrame:
    """Every value a replace changed, with its date and document."""
    return stored_corrections.corrections()


def class_name(indicator: str, code: str, lang: str) -> str | None:
    """The name of a class `code` in the index set of `indicator`."""
    return class_name_in(index_set_of_indicator(indicator), code, lang)
