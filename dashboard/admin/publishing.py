"""The browser door to the import pipeline: the same reading, checks and storage as the command line.

`check` reads and validates an upload without storing anything; `publish` imports it in one
transaction. Both build the dataset's metadata from the form, as the command line builds it from flags.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from dashboard import db
from dashboard.domain.scoring import CLASS_LABELS_VI
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.importer import VALIDATORS, ImportReport, import_files, load_dataset
from dashboard.ingest.parsing import ImportRejected, Problem, read_rows

ANNEX_TYPE = "annex"


@dataclass(frozen=True)
class Fields:
    """What the publisher typed next to the file."""

    year: int
    methodology: str
    kind: str
    issuer: str
    document: str
    source_url: str
    replaces: str = ""
    reason: str = ""

    @property
    def dataset_id(self) -> str:
        """A replacement keeps the replaced dataset's id; a new table gets one from its document."""
        if self.replaces:
            return self.replaces
        return f"{self.methodology}-{self.year}-{_slug(self.document)}"[:100]


@dataclass
class Checked:
    """What a preview shows: the header used, the problems, the rows as stored, the difference."""

    header: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    total_indicator: str | None = None
    changes: list[tuple[str, str, object, object]] = field(default_factory=list)  # unit, indicator, old, new
    unit_names: dict[str, str] = field(default_factory=dict)
    unit_kinds: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def rankings(self) -> list[tuple[str, list[dict]]]:
        """The total's rows per unit kind in rank order, as the rankings page lists each group."""
        groups: dict[str, list[dict]] = {}
        for record in self.records:
            if record["indicator_code"] == self.total_indicator:
                groups.setdefault(self.unit_kinds.get(record["unit_code"], ""), []).append(record)
        return [
            (kind, sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["unit_code"])))
            for kind, rows in sorted(groups.items())
        ]

    @staticmethod
    def class_name(code: str | None) -> str:
        """The class as the page writes it."""
        return CLASS_LABELS_VI.get(code or "", code or "")


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "table"


def mapping_path(mappings_dir: Path, methodology: str) -> Path:
    """The column mapping the methodology's published annex follows."""
    return mappings_dir / f"{methodology}.json"


def methodologies_with_mapping(engine: Engine, mappings_dir: Path) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of every methodology whose annex layout the importer knows."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(db.methodologies.c.code, db.methodologies.c.name_vi).order_by(db.methodologies.c.code)
        )
        return [(code, name) for code, name in rows if mapping_path(mappings_dir, code).is_file()]


def dataset_meta(fields: Fields, mappings_dir: Path) -> dict:
    """The sidecar the command line would read, made from the form."""
    title_vi = f"Kết quả đánh giá, xếp hạng năm {fields.year} ({fields.document})"
    title_en = f"Evaluation and ranking results {fields.year} ({fields.document})"
    return {
        "id": fields.dataset_id,
        "type": ANNEX_TYPE,
        "year": fields.year,
        "mapping": str(mapping_path(mappings_dir, fields.methodology)),
        "title_vi": title_vi,
        "title_en": title_en,
        "licence": "Văn bản hành chính (không thuộc đối tượng bảo hộ quyền tác giả)",
        "sources": [
            {
                "id": "document",
                "kind": fields.kind,
                "issuer": fields.issuer,
                "title": fields.document,
                "document_number": fields.document,
                "url": fields.source_url,
                "licence": "Văn bản hành chính",
            }
        ],
    }


def check(engine: Engine, path: Path, fields: Fields, mappings_dir: Path) -> Checked:
    """Read and validate without storing; the preview shows exactly what publishing would store."""
    checked = Checked()
    try:
        dataset = load_dataset(path, dataset_meta(fields, mappings_dir))
        checked.header, rows = read_rows(path)
        with engine.connect() as connection:
            catalogue = Catalogue.load(connection)
        checked.unit_names = {code: unit["name_vi"] for code, unit in catalogue.units.items()}
        checked.unit_kinds = {code: unit["kind"] for code, unit in catalogue.units.items()}
        checked.records, checked.problems = VALIDATORS[dataset.type](dataset, checked.header, rows, catalogue)
    except ImportRejected as rejected:
        checked.problems = list(rejected.problems)
        return checked
    totals = {r["indicator_code"] for r in checked.records if r.get("rank") is not None}
    checked.total_indicator = sorted(totals)[0] if totals else None
    checked.changes = _changes(engine, fields.dataset_id, checked.records)
    return checked


def _changes(engine: Engine, dataset_id: str, records: list[dict]) -> list[tuple[str, str, object, object]]:
    """Values that differ from what the dataset holds now (None on one side: added or removed)."""
    stored = dict(stored_values(engine, dataset_id))
    new = {(r["unit_code"], r["indicator_code"]): r.get("value") for r in records}
    keys = sorted(stored.keys() | new.keys())
    return [
        (u, i, stored.get((u, i)), new.get((u, i))) for u, i in keys if stored.get((u, i)) != new.get((u, i))
    ]


def stored_values(engine: Engine, dataset_id: str) -> list[tuple[tuple[str, str], float | None]]:
    """((unit, indicator), value) of every figure a dataset holds now."""
    o, s = db.observations.c, db.sources.c
    statement = (
        select(o.unit_code, o.indicator_code, o.value)
        .join_from(db.observations, db.sources, o.source_id == s.id)
        .where(s.dataset_id == dataset_id)
    )
    with engine.connect() as connection:
        return [((unit, indicator), value) for unit, indicator, value in connection.execute(statement)]


def unit_groups(engine: Engine, dataset_id: str) -> list[str]:
    """The unit kinds a dataset ranks (each is a group on the rankings page)."""
    o, s, u = db.observations.c, db.sources.c, db.units.c
    statement = (
        select(u.kind)
        .distinct()
        .join_from(db.observations, db.sources, o.source_id == s.id)
        .join(db.units, o.unit_code == u.code)
        .where(s.dataset_id == dataset_id, o.rank.is_not(None))
        .order_by(u.kind)
    )
    with engine.connect() as connection:
        return list(connection.scalars(statement))


def publish(engine: Engine, path: Path, fields: Fields, mappings_dir: Path) -> ImportReport:
    """Import the upload in one transaction (raises ImportRejected; then nothing is stored)."""
    return import_files(engine, [path], overrides=dataset_meta(fields, mappings_dir))
