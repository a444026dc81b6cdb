"""How a page cites a figure's source: document number and date, link (worded by views/published.py)."""

from __future__ import annotations

from urllib.parse import urlparse

from dash import html

from dashboard import queries
from dashboard.views import published


def source_cell(row: dict, lang: str) -> object:
    """A table cell's source: document number and date when there is one, and a link to the page read."""
    sources = queries.sources().set_index("id")
    if row.get("source_id") not in sources.index:
        return "–"
    stated = published.source_text(sources.loc[row["source_id"]].to_dict(), lang)
    parts: list[object] = [stated.document + " " if stated.document else ""]
    if stated.url:
        parts.append(
            html.A(
                urlparse(stated.url).netloc or stated.url, href=stated.url, rel="noopener", target="_blank"
            )
        )
    else:
        parts.append(stated.title)
    return html.Span(parts)
