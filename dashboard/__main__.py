"""Command line (click, Flask's style): `python -m dashboard import FILE...`, `build`, `db upgrade`,
`methods import`, `units import`,
`geo import ...`, `users add|remove|list`, `serve`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dashboard import db
from dashboard.admin.cli import users
from dashboard.config import Settings
from dashboard.db import migrate
from dashboard.geo.layers import geo_cli
from dashboard.ingest.dataset import metadata_from_options
from dashboard.ingest.importer import ImportOptions, ImportReport, build_all, import_files
from dashboard.ingest.parsing import PROBLEMS_SHOWN, ImportRejected, Problem, first_problems


@click.group(help="Quảng Ngãi IT-readiness dashboard: import data, migrate the database, serve.")
def cli() -> None:
    """The command group."""


def _settings() -> Settings:
    return Settings.from_env()


def _progress(dataset_id: str, stage: str, count: int) -> None:
    click.echo(f"{dataset_id}: {count:,} rows {stage}", err=True)


def _echo_problems(problems: list[Problem], *, limit: int) -> None:
    listed, more = first_problems(problems, limit)
    for problem in listed:
        click.echo(str(problem), err=True)
    if more:
        click.echo(f"... and {more} more problem(s) not listed (--all-problems lists every one)", err=True)


def _rejected(rejected: ImportRejected, *, limit: int) -> None:
    _echo_problems(rejected.problems, limit=limit)
    click.echo(f"rejected: {len(rejected.problems)} problem(s); nothing was stored", err=True)
    raise click.exceptions.Exit(1)  # the exit status, in standalone mode (CliRunner) and through main()


def _print_report(report: ImportReport, *, dry_run: bool, limit: int) -> None:
    _echo_problems([*report.notes, *report.warnings], limit=limit)
    for dataset_id, count in report.rows.items():
        click.echo(f"{dataset_id}: {count} rows")
    if report.corrections:
        verb = "would record" if dry_run else "recorded"
        click.echo(f"{verb} {report.corrections} correction(s) of published values")
    if dry_run:
        click.echo(f"dry run: nothing was stored (data version {report.data_version})")
    else:
        click.echo(f"data version {report.data_version}")


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=int, help="year the results are for")
@click.option("--methodology", help="methodology code (data/reference/methodologies.csv): an annex table")
@click.option("--kind", type=click.Choice(["official", "press", "illustrative"]), help="kind of source")
@click.option("--issuer", help='who published it, e.g. "UBND tỉnh Quảng Ngãi"')
@click.option("--document", help='the document, e.g. "Quyết định số 123/QĐ-UBND ngày 15/3/2026"')
@click.option("--source-url", help="where the document is published")
@click.option("--dataset-id", help="dataset id (default: METHODOLOGY-YEAR-KIND)")
@click.option("--replace", "replace", metavar="DATASET_ID", help="publish in place of this dataset")
@click.option("--confirm-shrink", is_flag=True, help="allow a replace to remove more than 10 % of the rows")
@click.option(
    "--accept-published-inconsistencies",
    is_flag=True,
    help="store ranks/classes that contradict the scores as published, flagged",
)
@click.option("--dry-run", is_flag=True, help="check and preview only; store nothing")
@click.option("--preview", type=click.Path(path_type=Path), help="where the dry run writes its HTML preview")
@click.option("--type", "layout", type=click.Choice(["observations", "annex"]), help="file layout")
@click.option("--strict", is_flag=True, help="treat warnings as errors")
@click.option("--all-problems", is_flag=True, help=f"list every problem, not only the first {PROBLEMS_SHOWN}")
def import_command(files: tuple[Path, ...], **options: object) -> None:
    """Import published data files (CSV/XLSX), checked; nothing is stored if anything is wrong."""
    overrides, defaults = metadata_from_options(
        year=options["year"],  # type: ignore[arg-type]
        methodology=options["methodology"],  # type: ignore[arg-type]
        kind=options["kind"],  # type: ignore[arg-type]
        issuer=options["issuer"],  # type: ignore[arg-type]
        document=options["document"],  # type: ignore[arg-type]
        source_url=options["source_url"],  # type: ignore[arg-type]
        dataset_id=options["dataset_id"],  # type: ignore[arg-type]
    )
    if options["layout"]:
        overrides["type"] = options["layout"]
    if options["replace"] and len(files) > 1:
        raise click.UsageError("--replace takes one file")
    settings = _settings()
    engine = db.get_engine(settings.database_url)
    _ensure_schema(engine)
    run = ImportOptions(
        strict=bool(options["strict"]),
        replace=options["replace"],  # type: ignore[arg-type]
        confirm_shrink=bool(options["confirm_shrink"]),
        accept_published_inconsistencies=bool(options["accept_published_inconsistencies"]),
        dry_run=bool(options["dry_run"]),
    )
    preview_path = Path(options["preview"] or files[0].with_name(files[0].stem + ".preview.html"))  # type: ignore[arg-type]
    try:
        report = import_files(
            engine, list(files), overrides=overrides, defaults=defaults, options=run, progress=_progress
        )
    except ImportRejected as rejected:
        if run.dry_run:
            _write_preview(preview_path, [], {}, rejected.problems, {})
        _rejected(rejected, limit=0 if options["all_problems"] else PROBLEMS_SHOWN)
    _print_report(report, dry_run=run.dry_run, limit=0 if options["all_problems"] else PROBLEMS_SHOWN)
    if run.dry_run:
        problems = [*report.notes, *report.warnings]
        _write_preview(preview_path, report.results, report.labels, problems, report.class_names)


def _ensure_schema(engine) -> None:
    if migrate.schema_revision(engine) is None:
        migrate.upgrade(engine)  # a new database: created by the migrations
    else:
        try:  # an older schema is upgraded on purpose (db upgrade), never by an import or a dry run
            migrate.check_schema(engine)
        except migrate.SchemaOutOfDate as error:
            raise click.ClickException(str(error)) from None


def _write_preview(
    path: Path, results: list, labels: dict[str, str], problems: list, class_names: dict[tuple[str, str], str]
) -> None:
    from dashboard.ingest import preview

    page = preview.render(results, labels=labels, problems=problems, class_names=class_names)
    path.write_text(page, encoding="utf-8")
    click.echo(f"preview: {path}", err=True)


@cli.command("build")
@click.option("--data-dir", type=click.Path(path_type=Path), help="default: data/")
@click.option("--strict", is_flag=True, help="treat warnings as errors")
def build_command(data_dir: Path | None, strict: bool) -> None:
    """Import everything in data/ (all or nothing)."""
    settings = _settings()
    try:
        report = build_all(db.get_engine(settings.database_url), data_dir or settings.data_dir, strict=strict)
    except ImportRejected as rejected:
        _rejected(rejected, limit=PROBLEMS_SHOWN)
    _print_report(report, dry_run=False, limit=PROBLEMS_SHOWN)


@cli.group("methods")
def methods_group() -> None:
    """Index sets (methods): publish the set a decision issues."""


@methods_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--code", required=True, help="the set's code, e.g. qn-dti-2025-qd123")
@click.option("--name-vi", required=True, help="the set's Vietnamese name")
@click.option("--name-en", help="the set's English name (default: the Vietnamese one)")
@click.option("--issuer", required=True, help='who issued it, e.g. "UBND tỉnh Quảng Ngãi"')
@click.option("--document", required=True, help='e.g. "Quyết định số 123/QĐ-UBND ngày 15/3/2026"')
@click.option("--source-url", required=True, help="where the decision is published")
@click.option("--document-date", help="the decision's date as published: 2026, 2026-03 or 2026-03-15")
@click.option(
    "--first-year", type=int, help="the first data year the set applies to (default: the decision's)"
)
@click.option("--last-year", type=int, help="the last data year, when the decision says")
@click.option("--family", default="qn-dti", show_default=True, help="the series the set belongs to")
@click.option("--correct", is_flag=True, help="the set is in use: record the file's changes as a correction")
@click.option("--dry-run", is_flag=True, help="check and show the set; store nothing")
def methods_import(file: Path, **options: object) -> None:
    """Publish an index set from its file (CSV/XLSX); nothing is stored if anything is wrong."""
    from dashboard.ingest.index_set_store import make_header, publish_index_set

    correct, dry_run = bool(options.pop("correct")), bool(options.pop("dry_run"))
    header = make_header(**options)  # type: ignore[arg-type]
    engine = db.get_engine(_settings().database_url)
    _ensure_schema(engine)
    try:
        report = publish_index_set(engine, file, header, dry_run=dry_run, correct=correct)
    except ImportRejected as rejected:
        _rejected(rejected, limit=PROBLEMS_SHOWN)
    index_set = report.index_set
    groups = ", ".join(g.code for g in index_set.groups) or "none"
    classes = ", ".join(index_set.scheme.codes) if index_set.scheme else "none"
    click.echo(f"{index_set.code}: {len(index_set.indicators)} indices; groups: {groups}; classes: {classes}")
    for fix in report.corrections:
        item = fix["item"] or index_set.code
        click.echo(f"correction: {item} {fix['field']}: {fix['old_value']} -> {fix['new_value']}")
    verb = "would be" if dry_run else "was"
    click.echo(
        f"the set {verb} {'replaced' if report.replaced else 'added'} (data version {report.data_version})"
    )
    if dry_run:
        click.echo("dry run: nothing was stored")


@cli.group("units")
def units_group() -> None:
    """Units as published data: add, rename, merge, split, end, alias."""


@units_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="check and show the changes; store nothing")
def units_import(file: Path, dry_run: bool) -> None:
    """Publish unit changes from a file (CSV/XLSX, column `action`); nothing is stored if a row is wrong."""
    from dashboard.ingest.unit_store import publish_units

    engine = db.get_engine(_settings().database_url)
    _ensure_schema(engine)
    try:
        report = publish_units(engine, file, dry_run=dry_run)
    except ImportRejected as rejected:
        _rejected(rejected, limit=PROBLEMS_SHOWN)
    for change in report.changes:
        target = change.alias or change.name_vi
        old = report.names.get(change.code)
        what = f"{old} -> {target}" if old and target else old or target
        froms = f" <- {'; '.join(change.from_codes)}" if change.from_codes else ""
        click.echo(f"row {change.row}: {change.action} {change.code} {what}{froms}")
    verb = "would be" if dry_run else "were"
    click.echo(f"{len(report.changes)} change(s) {verb} published (data version {report.data_version})")
    if dry_run:
        click.echo("dry run: nothing was stored")


@cli.group("db")
def db_group() -> None:
    """Database schema."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (Alembic migrations); data is kept."""
    engine = db.get_engine(_settings().database_url)
    before = migrate.schema_revision(engine)
    migrate.upgrade(engine)
    click.echo(f"database schema: {before or 'none'} -> {migrate.schema_revision(engine)}")


@cli.command("serve")
@click.option("--port", type=int, default=8050)
@click.option("--host", default="127.0.0.1")
def serve_command(port: int, host: str) -> None:
    """Run the development server."""
    from dashboard import create_app

    settings = _settings()
    create_app(settings).run(host=host, port=port, debug=settings.debug)


cli.add_command(users)  # publisher accounts of /quan-tri: managed only here, never from the web
cli.add_command(geo_cli)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    try:
        # Not standalone, click returns the status an Exit carried (a refused import: 1).
        status = cli.main(args=argv, prog_name="python -m dashboard", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.Abort:
        return 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
