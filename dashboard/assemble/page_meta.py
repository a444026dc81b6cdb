"""What every page carries besides its content: the date of its figures, and the per-data-version memo a
page uses for a whole layout (queries.per_data_version, the same store and keys as every view)."""

from __future__ import annotations

import pandas as pd

from dashboard import queries

per_data_version = queries.per_data_version


def last_updated() -> str:
    """Date the figures were last read from their sources (ISO), for footers and citations."""
    return queries.last_updated()


def data_version() -> str:
    """The version of the data a page shows (citations name it)."""
    return queries.data_version()


def sources() -> pd.DataFrame:
    """Every source, for the citations and source lists of any page."""
    return queries.sources()
