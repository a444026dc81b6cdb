"""A file to import and the metadata that came with it. Imports nothing of ours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass
class Dataset:
    """A file and the metadata that came with it (sidecar `<name>.meta.json` or CLI options)."""

    path: Path
    meta: dict
    checksum: str = ""

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def type(self) -> str:
        return str(self.meta.get("type", "observations"))

    def source_id(self, local_id: str) -> str:
        """Source ids are namespaced by dataset so two files may cite the same page independently."""
        return f"{self.id}:{local_id}"

    @property
    def generated(self) -> bool:
        """Every source is illustrative: the figures were made by a script, never published."""
        sources = self.meta.get("sources") or []
        return bool(sources) and all(source.get("kind") == "illustrative" for source in sources)

    @property
    def local_source_ids(self) -> list[str]:
        return [str(s["id"]) for s in self.meta.get("sources", [])]


OFFICIAL_LICENCE = (
    "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)"
)
DATASET_LICENCE = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP; ghi rõ nguồn / Open data, cite the source"
_DOCUMENT_NUMBER = re.compile(r"số\s+([0-9][\w/.\-Đđ]*)", re.IGNORECASE)
_DOCUMENT_DATE = re.compile(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)


def metadata_from_options(
    *,
    year: int | None,
    methodology: str | None,
    kind: str | None,
    issuer: str | None,
    document: str | None,
    source_url: str | None,
    dataset_id: str | None,
) -> tuple[dict, dict]:
    """The metadata the command line's options give (no JSON to write): (overrides, defaults), the
    defaults (id, titles, licence) giving way to a sidecar's own.

    'Quyết định số 123/QĐ-UBND ngày 15/3/2026' gives the document number and its date.
    """
    meta: dict = {"year": year, "methodology": methodology, "id": dataset_id}
    defaults: dict = {}
    if methodology:
        meta["type"] = "annex"
        defaults["id"] = f"{methodology}-{year}-{kind or 'official'}"
    if any((kind, issuer, document, source_url)):
        meta["sources"] = [
            {
                "id": "document",
                "kind": kind,
                "issuer": issuer,
                "title": document,
                "document_number": document_number(document),
                "document_date": document_day(document),
                "url": source_url,
                "licence": OFFICIAL_LICENCE if kind in ("official", None) else DATASET_LICENCE,
            }
        ]
        title = f"{document or issuer} ({year})" if year else str(document or issuer)
        defaults.update(title_vi=title, title_en=title, licence=DATASET_LICENCE)
    return {key: value for key, value in meta.items() if value is not None}, defaults


def document_number(document: str | None) -> str | None:
    """The number a document's title gives: 'Quyết định số 123/QĐ-UBND ngày 15/3/2026' -> '123/QĐ-UBND'."""
    number = _DOCUMENT_NUMBER.search(document or "")
    return number.group(1) if number else None


def document_day(document: str | None) -> str | None:
    """The ISO day a document's title gives ('... ngày 15/3/2026' -> '2026-03-15'), else None."""
    day = _DOCUMENT_DATE.search(document or "")
    return date(int(day[3]), int(day[2]), int(day[1])).isoformat() if day else None
