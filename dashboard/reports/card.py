"""What a unit's report card says: the profile's headline for one year (views.unit_headline, the reform
rules of the rankings page, never recomputed), sub-indices against the group median as the rankings
table has them, where the unit lies, its history in one line, the sources, the corrections.

May import: queries, views, domain, i18n, reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from dashboard import queries
from dashboard.assemble import ranking
from dashboard.assemble.unit_headline import unit_headline
from dashboard.domain import localized
from dashboard.i18n import format_number, t
from dashboard.queries.corrections import corrections_of
from dashboard.reports import shapes, svg
from dashboard.views import published
from dashboard.views import ranking as ranking_view
from dashboard.views.unit_headline import UnitHeadline


class CardMissing(LookupError):
    """No card for this request; the message says why (unknown unit, or no rank that year)."""


@dataclass(frozen=True)
class SourceLine:
    """One source as the card states it."""

    kind: str
    title: str
    document: str
    issuer: str
    url: str


@dataclass(frozen=True)
class Card:
    """Everything the report card template shows, already worded in its language."""

    code: str
    name: str
    kind: str
    year: int
    headline: UnitHeadline
    subindex_title: str
    bars: Markup | None
    map: Markup | None
    map_note: str
    lineage: str
    sources: tuple[SourceLine, ...]
    corrections: str
    illustrative: bool
    years: tuple[int, ...]


def ranked_years(code: str, kind: str) -> tuple[int, ...]:
    """The years whose ranking of the unit's group has the unit (each has a card)."""
    years, groups = ranking.years_and_groups()
    found = []
    for year in years:
        if kind in groups[year]:
            table = ranking.load(ranking.resolve({"year": str(year), "group": kind}), "vi").table
            if (table["unit_code"] == code).any():
                found.append(year)
    return tuple(found)


def _bars(code: str, data: ranking_view.ViewData, lang: str) -> list[svg.Bar]:
    table = data.table
    own = table[table["unit_code"] == code].iloc[0]
    maxima = queries.indicators().set_index("code")["max_value"]
    rows = []
    for column, label in data.sub_columns:
        if column not in table:
            continue
        value, median = own[column], table[column].median()
        value = None if pd.isna(value) else float(value)
        median = None if pd.isna(median) else float(median)
        maximum = float(maxima.get(column) or 100)
        text = t(
            "card.bar_text",
            lang,
            value=format_number(value, lang, decimals=2),
            max=format_number(maximum, lang, decimals=0),
            median=format_number(median, lang, decimals=2),
        )
        rows.append(svg.Bar(label, value, median, maximum, text))
    return rows


def lineage_line(code: str, lang: str) -> str:
    """The unit's history in one line: the former communes it was formed from, what it took in or became."""
    parts = []
    formed = queries.predecessors()
    formed = formed[formed["to_code"] == code]
    if not formed.empty:
        parts.append(t("card.lineage_formed", lang, names=", ".join(formed["old_name_vi"])))
    names = queries.units().set_index("code")
    lineage = queries.lineage()

    def name_of(other: str) -> str:
        return localized(names.loc[other], "name", lang) if other in names.index else other

    for row in lineage[(lineage["to_code"] == code) & (lineage["from_code"] != code)].itertuples():
        parts.append(
            t(
                "card.lineage_in",
                lang,
                name=name_of(row.from_code),
                date=published.date_shown(row.event_date_shown, row.event_date, lang),
                basis=row.legal_basis,
            )
        )
    for row in lineage[(lineage["from_code"] == code) & (lineage["to_code"] != code)].itertuples():
        parts.append(
            t(
                "card.lineage_out",
                lang,
                name=name_of(row.to_code),
                date=published.date_shown(row.event_date_shown, row.event_date, lang),
                basis=row.legal_basis,
            )
        )
    return "; ".join(parts)


def source_lines(frame: pd.DataFrame, lang: str) -> tuple[SourceLine, ...]:
    """Sources as the card and the pack list them: kind, title, document, issuer, link."""
    frame = frame.drop_duplicates(["kind", "title", "issuer", "document_number", "url"])
    lines = []
    for row in frame.to_dict("records"):
        stated = published.source_text(row, lang)
        kind = t(f"source_kind.{row['kind']}", lang)
        lines.append(SourceLine(kind, stated.title, stated.document, stated.issuer, stated.url))
    return tuple(lines)


def _corrections(code: str, year: int, lang: str) -> str:
    fixed = corrections_of(year=year, unit_code=code)
    if fixed.empty:
        return ""
    documents = ", ".join(dict.fromkeys(str(d) for d in fixed["document"]))
    return t("card.corrections", lang, count=len(fixed), documents=documents)


@queries.per_data_version(maxsize=256)
def report_card(code: str, *, year: int | None, lang: str) -> Card:
    """The card of unit `code` in `year` (None: its latest ranked year); CardMissing when there is none."""
    units = queries.units().set_index("code")
    if code not in units.index:
        raise CardMissing(t("card.unknown", lang, code=code))
    unit = units.loc[code]
    name = localized(unit, "name", lang)
    headline = unit_headline(code, unit["kind"], name, lang=lang, year=year)
    if headline is None:
        years = ", ".join(str(y) for y in ranked_years(code, unit["kind"])) or "–"
        raise CardMissing(t("card.no_year", lang, name=name, year=year, years=years))
    data = ranking.load(ranking.resolve({"year": str(headline.year), "group": unit["kind"]}), lang)
    group = t(f"group.{unit['kind']}.plural", lang)
    rows = _bars(code, data, lang)
    subindex_title = t("card.subindices", lang, count=len(data.table), group=group)
    layer_shapes = shapes.year_shapes(headline.year) if unit["kind"] != "department" else None
    located = layer_shapes is not None and code in layer_shapes.paths
    schematic = located and queries.map_layer(headline.year).schematic
    return Card(
        code=code,
        name=name,
        kind=t(f"kind.{unit['kind']}", lang),
        year=headline.year,
        headline=headline,
        subindex_title=subindex_title,
        bars=svg.bars(rows, title=subindex_title) if rows else None,
        map=svg.locator(layer_shapes, code, title=t("card.map", lang)) if located else None,
        map_note=t("card.map_schematic", lang) if schematic else "",
        lineage=lineage_line(code, lang),
        sources=source_lines(data.sources, lang),
        corrections=_corrections(code, headline.year, lang),
        illustrative=headline.illustrative,
        years=ranked_years(code, unit["kind"]),
    )
