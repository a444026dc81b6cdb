"""How a page cites a figure's source: document number and date, link (worded by views/published.py)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlparse

from dash import html

from dashboard.assemble import page_meta
from dashboard.i18n import t
from dashboard.views import published, wording


def source_index() -> dict[object, dict]:
    """Every source by its id: read once for a table, whose every row has a source cell (a read per row
    was half the time of the national page)."""
    return {source["id"]: source for source in page_meta.sources().to_dict("records")}


def source_cell(row: dict, lang: str, sources: Mapping[object, dict]) -> object:
    """A table cell's source (`sources` is `source_index()`): document number and date when there is
    one, a link to the page read named after its issuer, and the page's date as it shows it."""
    source = sources.get(row.get("source_id"))
    if source is None:
        return "–"
    stated = published.source_text(source, lang)
    parts: list[object] = [stated.document + " " if stated.document else ""]
    if stated.url:
        parts.append(
            html.A(
                stated.issuer or urlparse(stated.url).netloc or stated.url,
                href=stated.url,
                rel="noopener",
                target="_blank",
            )
        )
    else:
        parts.append(stated.title)
    if stated.date:
        parts.append(f" · {stated.date}")
    return html.Span(parts)


def figures_table(rows: list[dict], *, lang: str, unit_column: bool = False) -> html.Div:
    """Published figures, one per row: what, who (level or unit), the figure as worded, as printed, source.

    Rows are observation records with `indicator`, `level` and `text` (the figure worded by
    views/published.py) already set by the page.
    """
    columns = ("period", "indicator", "unit" if unit_column else "level", "value", "published", "source")
    header = html.Tr([html.Th(t(f"edocs.col.{c}", lang), scope="col") for c in columns])
    sources = source_index()
    body = [
        html.Tr(
            [
                html.Td(published.period_text(r["period"], lang)),
                html.Td(r["indicator"]),
                html.Td(r["level"]),
                html.Td(html.Strong(r["text"]), className="edoc-value"),
                html.Td(
                    html.Q(r["value_published"], lang=wording.printed_language(r["value_published"]))
                    if isinstance(r["value_published"], str)
                    else "–"
                ),
                html.Td(source_cell(r, lang, sources)),
            ]
        )
        for r in rows
    ]
    return html.Div(
        html.Table([html.Thead(header), html.Tbody(body)], className="table table-sm data-table mt-3"),
        className="table-responsive",
    )
