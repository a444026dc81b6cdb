"""Import published datasets: read -> validate (pure, returns problems) -> load (one transaction).

May import: db, parsing, annex, names, scoring, catalogue. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from dashboard import db
from dashboard.domain.scoring import CLASS_LABELS_VI, classify, competition_ranks
from dashboard.ingest import storage
from dashboard.ingest.annex import Mapping, locate_columns, parse_annex
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import ImportRejected, Problem, Row, parse_number, parse_rank, read_rows

REFERENCE_TYPES = ("units", "lineage", "events", "methodologies", "indicators")
OBSERVATION_TYPES = ("observations", "annex")
IMPORT_ORDER = (*REFERENCE_TYPES, *OBSERVATION_TYPES)
WEB = ("http://", "https://")  # the only links a source may carry (never javascript: or data:)
QUALIFIERS = ("exact", "lower_bound", "upper_bound", "approx", "range")
CLASS_BY_TEXT = {
    **{label.lower(): code for code, label in CLASS_LABELS_VI.items()},
    "good": "good",
    "fair": "fair",
    "average": "average",
    "weak": "weak",
}
FIRST_YEAR, LAST_YEAR = 2000, datetime.now(UTC).year + 1


@dataclass
class ImportReport:
    """What an import did: datasets loaded, rows per dataset, warnings kept."""

    rows: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    data_version: str = ""


def load_dataset(path: Path, overrides: dict | None = None) -> Dataset:
    """Read a data file's sidecar metadata; CLI overrides win. Raises ImportRejected when none is found."""
    if not path.is_file():
        raise ImportRejected([Problem(path.name, None, None, str(path), "file", "file not found")])
    sidecar = path.with_name(path.stem + ".meta.json")
    meta: dict = {}
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ImportRejected(
                [Problem(sidecar.name, error.lineno, None, None, "metadata", error.msg)]
            ) from None
        except UnicodeDecodeError:
            raise ImportRejected(
                [Problem(sidecar.name, None, None, None, "metadata", "not UTF-8 JSON")]
            ) from None
        if not isinstance(meta, dict):
            raise ImportRejected([Problem(sidecar.name, 1, None, None, "metadata", "must be a JSON object")])
    meta.update({k: v for k, v in (overrides or {}).items() if v is not None})
    problems = _check_meta(meta, sidecar.name if sidecar.exists() else path.name)
    if problems:
        raise ImportRejected(problems)
    return Dataset(path, meta, hashlib.sha256(path.read_bytes()).hexdigest())


def _check_meta(meta: dict, file: str) -> list[Problem]:
    problems = []
    for key in ("id", "title_vi", "title_en", "licence", "sources"):
        if not meta.get(key):
            problems.append(
                Problem(file, None, key, None, "metadata", "source metadata is missing this field")
            )
    sources = meta.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(source, dict) for source in sources):
        return [*problems, Problem(file, None, "sources", None, "metadata", "must be a list of objects")]
    for number, source in enumerate(sources, start=1):
        for key in ("id", "kind", "issuer", "title", "licence"):
            if not source.get(key):
                problems.append(Problem(file, None, f"sources[{number}].{key}", None, "metadata", "missing"))
        if source.get("kind") and source["kind"] not in db.SOURCE_KINDS:
            problems.append(
                Problem(
                    file,
                    None,
                    f"sources[{number}].kind",
                    source["kind"],
                    "metadata",
                    f"kind must be one of {', '.join(db.SOURCE_KINDS)}",
                )
            )
        if source.get("url") and not (
            isinstance(source["url"], str) and source["url"].lower().startswith(WEB)
        ):
            problems.append(
                Problem(
                    file, None, f"sources[{number}].url", str(source["url"]), "metadata", "not an http(s) URL"
                )
            )
        if source.get("kind") in ("official", "press") and not (source.get("url") or source.get("reference")):
            problems.append(
                Problem(file, None, f"sources[{number}].url", None, "metadata", "a URL is required")
            )
    if meta.get("type", "observations") not in IMPORT_ORDER:
        problems.append(Problem(file, None, "type", meta.get("type"), "metadata", "unknown dataset type"))
    return problems


def _cell(row: Row, name: str) -> str:
    value = row.cells.get(name)
    return "" if value is None else str(value).strip()


def _require_columns(header: list[str], required: Iterable[str], file: str) -> list[Problem]:
    return [
        Problem(file, 1, column, None, "required-column", "required column is missing")
        for column in required
        if column not in header
    ]


def _number(row: Row, column: str, file: str, problems: list[Problem]) -> float | None:
    try:
        return parse_number(row.cells.get(column), vietnamese=False)
    except ValueError:
        problems.append(Problem(file, row.number, column, _cell(row, column), "type", "not a number"))
        return None


def validate_observations(dataset: Dataset, header: list[str], rows: list[Row], catalogue: Catalogue):
    """Check a tidy file: year, unit, indicator, value (+ optional rank, class, qualifier, source)."""
    file = dataset.path.name
    problems = _require_columns(header, ("year", "indicator", "value"), file)
    unit_column = "unit_code" if "unit_code" in header else "unit" if "unit" in header else None
    if unit_column is None:
        problems.append(Problem(file, 1, "unit_code", None, "required-column", "need 'unit_code' or 'unit'"))
    if problems:
        return [], problems
    records = []
    default_source = dataset.local_source_ids[0] if len(dataset.local_source_ids) == 1 else None
    allowed_kind = dataset.meta.get("unit_kind")
    for row in rows:
        year = _year(row, file, problems)
        indicator = _cell(row, "indicator")
        if indicator not in catalogue.indicators:
            problems.append(
                Problem(file, row.number, "indicator", indicator, "unknown-indicator", "unknown indicator")
            )
            continue
        unit = catalogue.resolve_unit(
            _cell(row, unit_column),
            year=year,
            kind=allowed_kind,
            file=file,
            row=row.number,
            column=unit_column,
            problems=problems,
        )
        value = _number(row, "value", file, problems)
        value_high = _number(row, "value_high", file, problems) if "value_high" in header else None
        rank = _rank(row, "rank", file, problems)
        rank_of = _rank(row, "rank_of", file, problems)
        qualifier = _cell(row, "qualifier") or "exact"
        if qualifier not in QUALIFIERS:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "qualifier",
                    qualifier,
                    "qualifier",
                    f"must be one of {', '.join(QUALIFIERS)}",
                )
            )
        source = _cell(row, "source") or default_source
        if source not in dataset.local_source_ids:
            problems.append(
                Problem(file, row.number, "source", source, "source", "source not declared in metadata")
            )
        class_text = _cell(row, "class")
        class_code = CLASS_BY_TEXT.get(class_text.lower()) if class_text else None
        if class_text and class_code is None:
            problems.append(Problem(file, row.number, "class", class_text, "class", "unknown class"))
        if year is None or unit is None:
            continue
        catalogue.check_range(indicator, value, file=file, row=row.number, column="value", problems=problems)
        records.append(
            {
                "row": row.number,
                "unit_code": unit,
                "year": year,
                "period": _cell(row, "period") or str(year),
                "indicator_code": indicator,
                "gov_level": _cell(row, "gov_level"),
                "value": value,
                "value_high": value_high,
                "qualifier": qualifier,
                "value_published": _cell(row, "value_published") or None,
                "rank": rank,
                "rank_of": rank_of,
                "class_label": class_code,
                "note": _cell(row, "note") or None,
                "source_id": dataset.source_id(source or ""),
            }
        )
    problems += _duplicates(records, file)
    problems += _check_tidy_ranks(records, catalogue, file)
    return records, problems


def _year(row: Row, file: str, problems: list[Problem]) -> int | None:
    cell = row.cells.get("year")
    if isinstance(cell, float) and cell.is_integer():  # spreadsheets store 2020 as 2020.0
        cell = int(cell)
    text = "" if cell is None else str(cell).strip()
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        problems.append(
            Problem(
                file, row.number, "year", text, "year", f"year must be between {FIRST_YEAR} and {LAST_YEAR}"
            )
        )
        return None
    return int(text)


def _rank(row: Row, column: str, file: str, problems: list[Problem]) -> int | None:
    try:
        return parse_rank(row.cells.get(column))
    except ValueError:
        problems.append(
            Problem(file, row.number, column, _cell(row, column), "type", "not a whole number ≥ 1")
        )
        return None


def _duplicates(records: list[dict], file: str) -> list[Problem]:
    seen: dict[tuple, int] = {}
    problems = []
    reported: set[int] = set()  # an annex row yields several records: report it once
    for record in records:
        key = (
            record["unit_code"],
            record["period"],
            record["indicator_code"],
            record["gov_level"],
            record["source_id"],
        )
        if key in seen and record["row"] not in reported:
            reported.add(record["row"])
            problems.append(
                Problem(
                    file,
                    record["row"],
                    None,
                    record["unit_code"],
                    "duplicate",
                    f"same unit, period and indicator as row {seen[key]}",
                )
            )
        else:
            seen.setdefault(key, record["row"])
    return problems


def validate_annex(dataset: Dataset, header: list[str], rows: list[Row], catalogue: Catalogue):
    """Check a published annex table and turn it into tidy records, with rank/class/total consistency."""
    file = dataset.path.name
    meta = dataset.meta
    year = meta.get("year")
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        return [], [
            Problem(file, None, "year", str(year), "metadata", "the annex's year is missing or implausible")
        ]
    mapping_path = dataset.path.parent / meta.get("mapping", "")
    if not mapping_path.is_file():
        return [], [
            Problem(file, None, "mapping", str(meta.get("mapping")), "metadata", "mapping file not found")
        ]
    try:
        mapping = Mapping.load(mapping_path)
    except (ValueError, KeyError, TypeError) as error:  # JSONDecodeError is a ValueError
        return [], [
            Problem(
                file,
                None,
                "mapping",
                str(meta.get("mapping")),
                "metadata",
                f"mapping file is not valid ({error!r})",
            )
        ]
    method = catalogue.methodologies.get(mapping.methodology)
    if method is None or not method["first_year"] <= year <= (method["last_year"] or LAST_YEAR):
        return [], [
            Problem(
                file,
                None,
                "year",
                str(year),
                "methodology",
                f"methodology {mapping.methodology} does not cover {year}",
            )
        ]
    annex_rows, problems = parse_annex(
        header, rows, mapping, file=file, declared_groups=meta.get("groups", {})
    )
    roles = locate_columns(header, mapping)
    unit_column, rank_column, class_column = (
        roles["unit"] or "Đơn vị",
        roles["rank"] or "",
        roles["class"] or "",
    )
    source = dataset.source_id(dataset.local_source_ids[0])
    records: list[dict] = []
    by_group: dict[str, list[tuple[dict, int | None, str | None]]] = {}
    for annex_row in annex_rows:
        unit = catalogue.resolve_unit(
            annex_row.unit_name,
            year=year,
            kind=annex_row.group_kind,
            file=file,
            row=annex_row.row,
            column=unit_column,
            problems=problems,
        )
        values: dict[str, float | None] = {}
        for code, cell in annex_row.values.items():
            column = annex_row.columns[code]
            try:
                values[code] = parse_number(cell)
            except ValueError:
                problems.append(Problem(file, annex_row.row, column, str(cell), "type", "not a number"))
                continue
            catalogue.check_range(
                code, values[code], file=file, row=annex_row.row, column=column, problems=problems
            )
        class_code = None
        if annex_row.class_label:
            class_code = CLASS_BY_TEXT.get(annex_row.class_label.lower())
            if class_code is None:
                problems.append(
                    Problem(
                        file,
                        annex_row.row,
                        class_column,
                        annex_row.class_label,
                        "class",
                        "unknown class (expected Tốt, Khá, Trung bình or Yếu)",
                    )
                )
        if unit is None:
            continue
        total_record = None
        for code, value in values.items():
            record = {
                "row": annex_row.row,
                "unit_code": unit,
                "year": year,
                "period": str(year),
                "indicator_code": code,
                "gov_level": "",
                "value": value,
                "value_high": None,
                "qualifier": "exact",
                "value_published": _published(annex_row.published[code]),
                "rank": None,
                "rank_of": None,
                "class_label": None,
                "note": None,
                "source_id": source,
            }
            if code == mapping.total:
                record.update(rank=annex_row.rank, class_label=class_code)
                total_record = record
            records.append(record)
        if total_record is not None:
            problems += catalogue.check_total(
                mapping.total, values, file=file, row=annex_row.row, column=annex_row.columns[mapping.total]
            )
            by_group.setdefault(annex_row.group_label, []).append((total_record, annex_row.rank, class_code))
    for group in by_group.values():
        for record, _, _ in group:
            record["rank_of"] = len(group)
        problems += _check_ranks_and_classes(
            group, mapping.total, catalogue, file, rank_column=rank_column, class_column=class_column
        )
    problems += _duplicates(records, file)
    return records, problems


def _published(cell: object) -> str | None:
    return None if cell is None else str(cell)


def _check_ranks_and_classes(
    group: list,
    total_code: str,
    catalogue: Catalogue,
    file: str,
    *,
    rank_column: str = "rank",
    class_column: str = "class",
) -> list[Problem]:
    """Compare published ranks and classes of one group with those computed from the values (warnings)."""
    problems = []
    indicator = catalogue.indicators[total_code]
    computed = competition_ranks(
        [r["value"] for r, _, _ in group], higher_is_better=indicator["higher_is_better"]
    )
    for (record, published_rank, class_code), rank in zip(group, computed, strict=True):
        if published_rank is not None and rank is not None and published_rank != rank:
            problems.append(
                Problem(
                    file,
                    record["row"],
                    rank_column,
                    str(published_rank),
                    "rank",
                    f"published rank differs from the rank computed from values ({rank})",
                    "warning",
                )
            )
        expected = classify(catalogue.percent_of_max(total_code, record["value"]))
        if class_code is not None and expected is not None and class_code != expected:
            problems.append(
                Problem(
                    file,
                    record["row"],
                    class_column,
                    CLASS_LABELS_VI[class_code],
                    "class",
                    f"published class differs from the thresholds ({CLASS_LABELS_VI[expected]})",
                    "warning",
                )
            )
    return problems


def _check_tidy_ranks(records: list[dict], catalogue: Catalogue, file: str) -> list[Problem]:
    """Check published ranks and classes of a tidy file, group by group (indicator, period, level).

    A tidy file often holds an excerpt of a national table (ranks 1–53 of 63, or one province's rank),
    so ranks are recomputed only for a group that is a complete top block: every row has a value and a
    rank, and the ranks start at 1 and do not exceed the number of rows. Classes are always checked.
    """
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        groups.setdefault((record["indicator_code"], record["period"], record["gov_level"]), []).append(
            record
        )
    problems = []
    for (code, _, _), group in groups.items():
        ranks = [r["rank"] for r in group]
        complete = all(r["value"] is not None for r in group) and None not in ranks
        if complete and min(ranks) == 1 and max(ranks) <= len(group):
            items = [(r, r["rank"], r["class_label"]) for r in group]
            problems += _check_ranks_and_classes(items, code, catalogue, file)
        else:
            items = [(r, None, r["class_label"]) for r in group if r["class_label"]]
            if items:
                problems += _check_ranks_and_classes(items, code, catalogue, file)
    return problems


VALIDATORS = {"observations": validate_observations, "annex": validate_annex}


def import_files(
    engine: Engine,
    paths: list[Path],
    *,
    strict: bool = False,
    overrides: dict | None = None,
) -> ImportReport:
    """Import files in dependency order in ONE transaction; on any error nothing is stored."""
    from dashboard.ingest import reference  # reference-table loaders share this transaction

    datasets = [load_dataset(path, overrides) for path in paths]
    first_file: dict[str, str] = {}
    clashes = []
    for dataset in datasets:
        if first_file.setdefault(dataset.id, dataset.path.name) != dataset.path.name:
            clashes.append(
                Problem(
                    dataset.path.name,
                    None,
                    "id",
                    dataset.id,
                    "metadata",
                    f"dataset id already used by {first_file[dataset.id]} in this import",
                )
            )
    if clashes:
        raise ImportRejected(clashes)
    datasets.sort(key=lambda d: IMPORT_ORDER.index(d.type) if d.type in IMPORT_ORDER else len(IMPORT_ORDER))
    report = ImportReport()
    with engine.begin() as connection:
        catalogue = Catalogue.load(connection)
        for dataset in datasets:
            header, rows = read_rows(dataset.path)
            if dataset.type in REFERENCE_TYPES:
                count, problems = reference.load(connection, dataset, header, rows, catalogue)
            else:
                records, problems = VALIDATORS[dataset.type](dataset, header, rows, catalogue)
                problems += storage.too_long(db.observations, records, file=dataset.path.name)
                count = len(records)
            errors = [p for p in problems if p.severity == "error" or strict]
            if errors:
                raise ImportRejected(errors)
            if dataset.type in REFERENCE_TYPES:
                catalogue = Catalogue.load(connection)
            else:
                storage.store_observations(connection, dataset, records)
            report.rows[dataset.id] = count
            report.warnings += problems
        report.data_version = db.bump_data_version(connection)
    return report


def data_files(data_dir: Path) -> list[Path]:
    """Every data file in data/ that has a metadata sidecar."""
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.suffix.lower() in (".csv", ".xlsx") and path.with_name(path.stem + ".meta.json").exists()
    )


def build_all(engine: Engine, data_dir: Path, *, strict: bool = False) -> ImportReport:
    """Create the schema and import everything in data/ (all or nothing)."""
    db.create_schema(engine)
    return import_files(engine, data_files(data_dir), strict=strict)


def is_empty(engine: Engine) -> bool:
    """Tell whether no data has been imported yet."""
    db.create_schema(engine)
    return db.data_version(engine) == "0"
