"""Pure writers for open-data downloads: rows -> CSV bytes, XLSX bytes, JSON text, Data Package descriptor.

May import: csv_output (the one CSV writer and its formula rule), i18n. Must not import: queries, db,
flask, pages. Rows are plain tuples in field order, so the same writers serve a streamed database cursor
and an in-memory frame.

CSV is written by dashboard/csv_output.py (its dialect and formula-injection rule are documented there).
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard import csv_output
from dashboard.csv_output import neutralize
from dashboard.i18n import t

# XML 1.0 forbids these control characters; openpyxl would refuse the whole workbook.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NUMBER_FORMATS = {"integer": "0", "number": "#,##0.0###", "date": "yyyy-mm-dd", "string": "@"}


@dataclass(frozen=True)
class Field:
    """One column of a download: name, Frictionless type, and the frame column it is read from."""

    name: str
    type: str = "string"
    column: str | None = None

    @property
    def source(self) -> str:
        """The frame column holding this field's values."""
        return self.column or self.name


def _fields(spec: str) -> tuple[Field, ...]:
    """Parse 'name:type<-column' items separated by spaces (compact and easy to review)."""
    fields = []
    for item in spec.split():
        name_type, _, column = item.partition("<-")
        name, _, kind = name_type.partition(":")
        fields.append(Field(name, kind or "string", column or None))
    return tuple(fields)


# The first 17 observation fields are the published contract; the rest are documented extras.
RESOURCES: dict[str, tuple[Field, ...]] = {
    "observations": _fields(
        "year:integer unit_code unit_name_vi unit_name_en unit_kind indicator_code indicator_name_vi "
        "indicator_name_en value:number measure rank:integer rank_of:integer class<-class_label "
        "methodology_version<-methodology data_kind source_document source_url "
        "period qualifier value_high:number value_published gov_level source_title rank_computed:integer "
        "note unit_group max_value:number not_ranked "
        "source_issuer source_date source_kind<-data_kind"
    ),
    "units": _fields(
        "code kind parent_code name_vi name_en valid_from:date valid_to:date source_id "
        "valid_from_shown valid_to_shown"
    ),
    "indicators": _fields(
        "code methodology parent_code name_vi name_en description_vi description_en measure "
        "min_value:number max_value:number higher_is_better:boolean sort_order:integer family"
    ),
    "methodologies": _fields(
        "code family name_vi name_en description_vi description_en first_year:integer last_year:integer "
        "total_rule legal_basis illustrative:boolean decision_issuer decision_number decision_date "
        "decision_url class_basis"
    ),
    # What each observation's max_value and class came from: a set's maxima per unit group, its classes.
    "index_set_maxima": _fields(
        "methodology indicator_code parent_code indicator_name_vi indicator_name_en measure unit_group "
        "unit_group_name_vi unit_group_name_en unit_kind max_value:number group_maximum:boolean"
    ),
    "class_schemes": _fields(
        "methodology basis class_code label_vi label_en lower_bound:number class_order:integer"
    ),
    "sources": _fields(
        "id dataset_id kind issuer document_number document_date:date title url licence accessed:date note "
        "date_shown"
    ),
    "datasets": _fields(
        "id title_vi title_en description_vi description_en licence file_name rows:integer "
        "first_year:integer last_year:integer kinds imported_at:datetime accessed:date"
    ),
    "lineage": _fields(
        "id:integer from_code to_code event event_date:date legal_basis indicative:boolean note source_id "
        "event_date_shown"
    ),
    "events": _fields(
        "id:integer event_date:date date_published description_vi legal_basis figures source_id"
    ),
    "predecessors": _fields(
        "old_code old_name_vi old_kind to_code to_name_vi share event_date:date indicative:boolean source_id"
    ),
}
CONTRACT_FIELDS = 17


def plain(value: object, kind: str) -> object:
    """Convert a database or pandas value to a plain Python value of the field's type (None if missing)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "date":
        return (
            value.date() if isinstance(value, datetime) else value if isinstance(value, date) else str(value)
        )
    if kind == "datetime":
        return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
    return str(value)


def frame_rows(frame: pd.DataFrame, fields: Sequence[Field]) -> Iterator[tuple]:
    """Yield a frame's rows as plain tuples in field order."""
    columns = [frame[f.source] if f.source in frame else pd.Series([None] * len(frame)) for f in fields]
    for values in zip(*columns, strict=True):
        yield tuple(plain(v, f.type) for v, f in zip(values, fields, strict=True))


def csv_chunks(
    rows: Iterable[Sequence], fields: Sequence[Field], *, chunk_rows: int = 2000
) -> Iterator[bytes]:
    """Yield the CSV file in chunks: BOM and header first, then `chunk_rows` rows at a time."""
    return csv_output.chunks([f.name for f in fields], rows, chunk_rows=chunk_rows)


def to_csv(frame: pd.DataFrame, fields: Sequence[Field]) -> bytes:
    """The whole CSV of a frame as bytes."""
    return b"".join(csv_chunks(frame_rows(frame, fields), fields))


def json_value(value: object) -> object:
    """A plain value as JSON sees it (dates as ISO text)."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def json_chunks(
    rows: Iterable[Sequence],
    fields: Sequence[Field],
    *,
    metadata: Mapping[str, object],
    chunk_rows: int = 2000,
) -> Iterator[bytes]:
    """Yield {"metadata": ..., "records": [...]} in chunks; records keep the CSV field names."""
    names = [f.name for f in fields]
    head = json.dumps({"metadata": metadata}, ensure_ascii=False, allow_nan=False)
    yield (head[:-1] + ', "records": [').encode("utf-8")
    parts: list[str] = []
    first = True
    for row in rows:
        record = {n: json_value(v) for n, v in zip(names, row, strict=True)}
        parts.append(("" if first else ",\n") + json.dumps(record, ensure_ascii=False, allow_nan=False))
        first = False
        if len(parts) >= chunk_rows:
            yield "".join(parts).encode("utf-8")
            parts = []
    yield ("".join(parts) + "]}").encode("utf-8")


@dataclass(frozen=True)
class Cover:
    """What the cover sheet, JSON metadata and headers say about a download."""

    title: str
    licence: str
    licence_url: str
    citation: str
    updated: str
    data_version: str
    illustrative: bool
    sources: tuple[Mapping[str, object], ...] = ()

    def metadata(self, *, lang: str, url: str, filters: Mapping[str, object]) -> dict[str, object]:
        """The JSON metadata block."""
        return {
            "title": self.title,
            "url": url,
            "lang": lang,
            "licence": self.licence,
            "licence_url": self.licence_url,
            "citation": self.citation,
            "updated": self.updated,
            "data_version": self.data_version,
            "illustrative": self.illustrative,
            "illustrative_note": t("download.illustrative_note", lang) if self.illustrative else None,
            "filters": dict(filters),
            "sources": [dict(s) for s in self.sources],
        }


def _xlsx_text(value: str) -> str:
    return neutralize(_ILLEGAL_XML.sub("", value))


def _cell(sheet, value: object, kind: str, *, bold: bool = False, fill: PatternFill | None = None):
    if isinstance(value, str):
        value = _xlsx_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = NUMBER_FORMATS.get(kind, "General")
    if bold:
        cell.font = Font(bold=True)
    if fill is not None:
        cell.fill = fill
    return cell


def field_label(resource: str, field: Field, lang: str) -> str:
    """The human label of a field (XLSX header, dictionary)."""
    return t(f"data.field.{resource}.{field.name}", lang).split(":", 1)[0]


def field_description(resource: str, field: Field, lang: str) -> str:
    """The data-dictionary description of a field."""
    text = t(f"data.field.{resource}.{field.name}", lang)
    return text.split(":", 1)[1].strip() if ":" in text else text


def xlsx_bytes(
    rows: Iterable[Sequence],
    fields: Sequence[Field],
    *,
    resource: str,
    cover: Cover,
    lang: str,
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """A workbook with the data sheet first (frozen header, no merges: it is the sheet a spreadsheet opens
    on and the one `pandas.read_excel` reads), then the cover and the data dictionary. `labels` names the
    headers of fields that are not a resource's own (the table on screen: its headers as shown)."""

    def label(f: Field) -> str:
        return labels[f.name] if labels is not None else field_label(resource, f, lang)

    def description(f: Field) -> str:
        return labels[f.name] if labels is not None else field_description(resource, f, lang)

    workbook = openpyxl.Workbook(write_only=True)
    data = workbook.create_sheet(t("download.sheet_data", lang))
    data.freeze_panes = "A2"
    for index, f in enumerate(fields, start=1):
        data.column_dimensions[get_column_letter(index)].width = 12 if f.type in ("integer", "number") else 24
    data.append([_cell(data, label(f), "string", bold=True) for f in fields])
    # Illustrative rows get a visible fill on their data_kind cell, besides the column itself.
    warn = PatternFill("solid", fgColor="FFF3CD")
    kind_index = next((i for i, f in enumerate(fields) if f.name == "data_kind"), None)
    for row in rows:
        marked = kind_index is not None and row[kind_index] == "illustrative"
        data.append(
            [
                _cell(
                    data,
                    v.isoformat() if isinstance(v, datetime) else v,
                    f.type,
                    fill=warn if marked and i == kind_index else None,
                )
                for i, (v, f) in enumerate(zip(row, fields, strict=True))
            ]
        )
    about = workbook.create_sheet(t("download.sheet_cover", lang))
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100
    lines = [
        (t("download.cover_title", lang), cover.title),
        (t("download.cover_licence", lang), cover.licence),
        (t("download.cover_licence_url", lang), cover.licence_url),
        (t("download.cover_cite", lang), cover.citation),
        (t("download.cover_updated", lang), cover.updated),
        (t("download.cover_next", lang), t("download.next_update", lang)),
        (t("download.cover_version", lang), cover.data_version),
    ]
    if cover.illustrative:
        lines.append((t("download.illustrative_label", lang), t("download.illustrative_note", lang)))
    for source in cover.sources:
        text = " – ".join(str(source[k]) for k in ("title", "document", "url") if source.get(k))
        lines.append((t("download.cover_source", lang), f"[{source.get('kind')}] {text}"))
    for heading_text, value in lines:
        about.append([_cell(about, heading_text, "string", bold=True), _cell(about, value, "string")])

    dictionary = workbook.create_sheet(t("download.sheet_dictionary", lang))
    for letter, width in zip("ABCD", (24, 28, 12, 90), strict=True):
        dictionary.column_dimensions[letter].width = width
    dictionary.freeze_panes = "A2"
    heading = [
        t("download.dict_field", lang),
        t("download.dict_label", lang),
        t("download.dict_type", lang),
        t("download.dict_description", lang),
    ]
    dictionary.append([_cell(dictionary, h, "string", bold=True) for h in heading])
    for f in fields:
        values = (f.name, label(f), f.type, description(f))
        dictionary.append([_cell(dictionary, v, "string") for v in values])

    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
