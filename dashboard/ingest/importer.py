"""Import published datasets: read -> validate (pure, returns problems) -> load (one transaction).

May import: db, parsing, annex, names, scoring, catalogue. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from dashboard import db
from dashboard.ingest import guards, storage
from dashboard.ingest.annex import Mapping
from dashboard.ingest.annex_validation import resolve_mapping, validate_annex
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.checks import CLASS_BY_TEXT, FIRST_YEAR, LAST_YEAR, check_tidy_ranks, duplicates
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import ImportRejected, Problem, Row, parse_number, parse_rank
from dashboard.ingest.tables import Table, read_table

REFERENCE_TYPES = ("units", "lineage", "events", "methodologies", "indicators")
OBSERVATION_TYPES = ("observations", "annex")
IMPORT_ORDER = (*REFERENCE_TYPES, *OBSERVATION_TYPES)
QUALIFIERS = ("exact", "lower_bound", "upper_bound", "approx", "range")

Progress = Callable[[str, str, int], None]  # (dataset id, stage: read / checked / stored, rows)


@dataclass(frozen=True)
class ImportOptions:
    """How an import treats what it finds (the command line's switches)."""

    strict: bool = False  # warnings are errors
    replace: str | None = None  # the dataset this import takes the place of (its rows become corrections)
    confirm_shrink: bool = False  # a replace may remove more than 10 % of the stored rows
    accept_published_inconsistencies: bool = False  # rank/class contradicting scores: store and flag
    dry_run: bool = False  # check everything and roll back: the database stays byte-identical


@dataclass
class DatasetResult:
    """One observation dataset as checked: its records and what they change (for the preview)."""

    dataset: Dataset
    records: list[dict]
    diff: guards.Diff


@dataclass
class ImportReport:
    """What an import did: datasets loaded, rows per dataset, warnings and notes kept."""

    rows: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    data_version: str = ""
    corrections: int = 0
    results: list[DatasetResult] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # unit and indicator names, for the preview


def load_dataset(path: Path, overrides: dict | None = None, defaults: dict | None = None) -> Dataset:
    """Read a data file's sidecar metadata; CLI overrides win, CLI defaults fill what it lacks.
    Raises ImportRejected when no metadata is found."""
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
    for key, value in (defaults or {}).items():
        meta.setdefault(key, value)
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


def validate_observations(
    dataset: Dataset, header: list[str], rows: list[Row], catalogue: Catalogue, *, accept: bool = False
) -> tuple[list[dict], list[Problem]]:
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
    repeated = duplicates(records, file)
    problems += repeated or check_tidy_ranks(records, catalogue, file, accept=accept)
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


def import_files(
    engine: Engine,
    paths: list[Path],
    *,
    strict: bool = False,
    overrides: dict | None = None,
    defaults: dict | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files in dependency order in ONE transaction; on any error nothing is stored.

    With options.dry_run everything is checked and written inside the transaction, which is then rolled
    back: the report (and its diffs) says what the import would do.
    """
    options = options or ImportOptions(strict=strict)
    datasets = [load_dataset(path, overrides, defaults) for path in paths]
    _check_ids(datasets)
    datasets.sort(key=lambda d: IMPORT_ORDER.index(d.type) if d.type in IMPORT_ORDER else len(IMPORT_ORDER))
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            report = _import(connection, datasets, options, progress or (lambda *_: None))
            if options.dry_run:
                report.data_version = db.data_version(connection)
                transaction.rollback()
            else:
                report.data_version = db.bump_data_version(connection)
                transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return report


def _check_ids(datasets: list[Dataset]) -> None:
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


def _read(dataset: Dataset, catalogue: Catalogue) -> tuple[Table, Mapping | None]:
    """Read a file; an annex's header is looked for under any title block, by its mapping."""
    if dataset.type != "annex":
        return read_table(dataset.path), None
    mapping, problems = resolve_mapping(dataset, catalogue)
    if mapping is None:
        raise ImportRejected(problems)
    return read_table(dataset.path, is_header=mapping.is_header), mapping


def _import(
    connection: Connection, datasets: list[Dataset], options: ImportOptions, progress: Progress
) -> ImportReport:
    from dashboard.ingest import reference  # reference-table loaders share this transaction

    report = ImportReport()
    catalogue = Catalogue.load(connection)
    accept = options.accept_published_inconsistencies
    for dataset in datasets:
        table, mapping = _read(dataset, catalogue)
        progress(dataset.id, "read", len(table.rows))
        if dataset.type in REFERENCE_TYPES:
            problems = guards.check_not_empty(dataset, len(table.rows), 0)
            _raise_errors(problems, options)
            count, problems = reference.load(connection, dataset, table.header, table.rows, catalogue)
            _raise_errors(problems, options)
            catalogue = Catalogue.load(connection)
        else:
            if mapping is not None:
                records, problems = validate_annex(dataset, table, catalogue, mapping, accept=accept)
            else:
                records, problems = validate_observations(
                    dataset, table.header, table.rows, catalogue, accept=accept
                )
            progress(dataset.id, "checked", len(records))
            del table  # the file's rows are no longer needed: a large import stores with half the memory
            change = _guard(connection, dataset, records, problems, catalogue, options)
            replaced = options.replace if options.replace not in (None, dataset.id) else None
            if replaced:
                storage.remove_dataset(connection, replaced)
            storage.store_observations(connection, dataset, records)
            when = datetime.now(UTC)
            fixes = guards.corrections(dataset, change, replaced=replaced or dataset.id, when=when)
            storage.store_corrections(connection, fixes)
            report.corrections += len(fixes)
            report.results.append(DatasetResult(dataset, records, change))
            report.labels.update(_labels(catalogue, records, change))
            count = len(records)
        progress(dataset.id, "stored", count)
        report.rows[dataset.id] = count
        report.warnings += [p for p in problems if p.severity == "warning"]
        report.notes += [p for p in problems if p.severity == "info"]
    return report


def _guard(
    connection: Connection,
    dataset: Dataset,
    records: list[dict],
    problems: list[Problem],
    catalogue: Catalogue,
    options: ImportOptions,
) -> guards.Diff:
    """Run the dataset-level guardrails after the row checks; raise with every error found."""
    replacing = [dataset.id]
    if options.replace and options.replace != dataset.id:
        exists = connection.execute(
            select(db.datasets.c.id).where(db.datasets.c.id == options.replace)
        ).first()
        if not exists:
            message = "--replace names no stored dataset"
            problems.append(Problem(dataset.path.name, None, None, options.replace, "replace", message))
        replacing.append(options.replace)
    _raise_errors(problems, options)  # the file's own errors first: the guards below need its rows right
    old = guards.stored_rows(connection, replacing)
    problems += guards.check_not_empty(dataset, len(records), len(old))
    _raise_errors(problems, options)
    problems += guards.check_coverage(connection, dataset, records, catalogue, replace=options.replace)
    change = guards.diff(old, records)
    problems += guards.check_shrink(dataset, change, replacing=replacing, confirmed=options.confirm_shrink)
    _raise_errors(problems, options)
    return change


def _labels(catalogue: Catalogue, records: list[dict], change: guards.Diff) -> dict[str, str]:
    labels = {}
    for record in [*records, *change.removed]:
        labels[record["unit_code"]] = catalogue.units[record["unit_code"]]["name_vi"]
        labels[record["indicator_code"]] = catalogue.indicators[record["indicator_code"]]["name_vi"]
    return labels


def _raise_errors(problems: list[Problem], options: ImportOptions) -> None:
    errors = [p for p in problems if p.severity == "error" or (options.strict and p.severity == "warning")]
    if errors:
        raise ImportRejected(errors)


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
