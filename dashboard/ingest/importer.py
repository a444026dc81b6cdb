"""Import published datasets: read (tables) -> validate (tidy, annex_validation: pure, return problems)
-> guard (guards: empty, already published, shrink) -> store (storage, one transaction; corrections kept).

May import: db and the other ingest modules. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from dashboard import db
from dashboard.ingest import guards, storage
from dashboard.ingest.annex import Mapping
from dashboard.ingest.annex_validation import resolve_mapping, validate_annex
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.ceiling import read_table_within
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import ImportRejected, Problem
from dashboard.ingest.tables import Table, read_table
from dashboard.ingest.tidy import validate_observations
from dashboard.ingest.unit_store import UNITS_LOCK

REFERENCE_TYPES = (
    "units",
    "lineage",
    "predecessors",
    "events",
    "methodologies",
    "indicators",
    "class_schemes",
)
OBSERVATION_TYPES = ("observations", "annex")
IMPORT_ORDER = (*REFERENCE_TYPES, *OBSERVATION_TYPES)
WEB = ("http://", "https://")  # the only links a source may carry (never javascript: or data:)

Progress = Callable[[str, str, int], None]  # (dataset id, stage: read / checked / stored, rows)


@dataclass(frozen=True)
class ImportOptions:
    """How an import treats what it finds (the command line's switches)."""

    strict: bool = False  # warnings are errors
    replace: str | None = None  # the dataset this import takes the place of (its rows become corrections)
    confirm_shrink: bool = False  # a replace may remove more than 10 % of the stored rows
    accept_published_inconsistencies: bool = False  # rank/class contradicting scores: store and flag
    dry_run: bool = False  # check everything and roll back: the database stays byte-identical
    memory_ceiling: int | None = None  # bytes: read each file in a child process that may use no more


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
    results: list[DatasetResult] = field(default_factory=list)  # dry run only
    labels: dict[str, str] = field(default_factory=dict)  # unit and indicator names, for the preview
    # (indicator, class code) -> the label of the indicator's method's class, for the preview
    class_names: dict[tuple[str, str], str] = field(default_factory=dict)


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


# Checked by hand rather than by a pydantic model: each rule names its problem the way the importer reports
# every other one (file, field path numbered from 1 as people count, value, rule), which the publishing
# preview shows; translating pydantic's errors back to these would be as long as the rules themselves.
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


def import_files(
    engine: Engine,
    paths: list[Path],
    *,
    strict: bool = False,
    overrides: dict | None = None,
    defaults: dict | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    prepare: Callable[[Connection], None] | None = None,
) -> ImportReport:
    """Import files in dependency order in ONE transaction; on any error nothing is stored.

    With options.dry_run everything is checked and written inside the transaction, which is then rolled
    back: the report (and its diffs) says what the import would do. `prepare` runs first in the same
    transaction (the units an annex's preview maps or adds are published with it, or not at all).
    """
    options = options or ImportOptions(strict=strict)
    datasets = [load_dataset(path, overrides, defaults) for path in paths]
    _check_ids(datasets)
    datasets.sort(key=lambda d: IMPORT_ORDER.index(d.type) if d.type in IMPORT_ORDER else len(IMPORT_ORDER))
    # The units an annex's preview maps or adds are written as a units publish is (one after the other).
    locks = [UNITS_LOCK] if prepare is not None else []
    with storage.publishing(engine, dry_run=options.dry_run, locks=locks) as job:
        if prepare is not None:
            prepare(job.connection)
        report = _import(job.connection, datasets, options, progress or (lambda *_: None))
    report.data_version = job.data_version
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


def _read(dataset: Dataset, catalogue: Catalogue, options: ImportOptions) -> tuple[Table, Mapping | None]:
    """Read a file; an annex's header is looked for under any title block, by its mapping."""
    mapping = None
    if dataset.type == "annex":
        mapping, problems = resolve_mapping(dataset, catalogue)
        if mapping is None:
            raise ImportRejected(problems)
    is_header = mapping.is_header if mapping else None
    near_miss = mapping.lacks_unit_column if mapping else None
    if options.memory_ceiling is None:
        return read_table(dataset.path, is_header=is_header, near_miss=near_miss), mapping
    table = read_table_within(
        dataset.path, is_header=is_header, near_miss=near_miss, memory=options.memory_ceiling
    )
    return table, mapping


def _import(
    connection: Connection, datasets: list[Dataset], options: ImportOptions, progress: Progress
) -> ImportReport:
    from dashboard.ingest import reference  # reference-table loaders share this transaction

    report = ImportReport()
    catalogue = Catalogue.load(connection)
    accept = options.accept_published_inconsistencies
    for dataset in datasets:
        table, mapping = _read(dataset, catalogue, options)
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
            problems += storage.too_long(db.observations, records, file=dataset.path.name)
            if dataset.generated:
                # Generated figures were never published: "as published" stays empty so that no page or
                # download can present them so.
                for record in records:
                    record["value_published"] = None
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
            if options.dry_run:  # only a preview needs the records after they are stored
                report.results.append(DatasetResult(dataset, records, change))
                report.labels.update(_labels(catalogue, records, change))
                report.class_names.update(_class_names(catalogue, records))
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
    groups = {
        f"{methodology}/{year}/{kind}" for methodology, year, kind, *_ in guards.coverage(records, catalogue)
    }
    storage.lock_groups(
        connection, {f"dataset/{name}" for name in (dataset.id, options.replace) if name} | groups
    )
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
    problems += guards.check_shrink(
        dataset,
        change,
        old=old,
        records=records,
        replacing=replacing,
        confirmed=options.confirm_shrink,
        generated=bool(old) and guards.generated_only(connection, replacing) and not dataset.generated,
    )
    _raise_errors(problems, options)
    return change


def _class_names(catalogue: Catalogue, records: list[dict]) -> dict[tuple[str, str], str]:
    """Each stored class as its method's scheme labels it (methods share codes, not labels)."""
    names = {}
    for record in records:
        code, indicator = record["class_label"], record["indicator_code"]
        index_set = catalogue.index_set_of(indicator) if code else None
        label = index_set.class_label(code, "vi") if index_set is not None else None
        if label is not None:
            names[(indicator, code)] = label
    return names


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
