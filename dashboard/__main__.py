"""Command line: `python -m dashboard import FILE...`, `build`, `geo ...`, `serve`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import db
from dashboard.config import Settings
from dashboard.ingest.importer import build_all, import_files
from dashboard.ingest.parsing import ImportRejected


def _import_command(args: argparse.Namespace, settings: Settings) -> int:
    engine = db.get_engine(settings.database_url)
    db.create_schema(engine)
    overrides = {
        k: getattr(args, a, None) for k, a in (("id", "dataset_id"), ("type", "type"), ("year", "year"))
    }
    try:
        if args.command == "build":
            report = build_all(engine, Path(args.data_dir or settings.data_dir), strict=args.strict)
        else:
            report = import_files(
                engine, [Path(p) for p in args.files], strict=args.strict, overrides=overrides
            )
    except ImportRejected as rejected:
        for problem in rejected.problems:
            print(problem, file=sys.stderr)
        print(f"rejected: {len(rejected.problems)} problem(s); nothing was stored", file=sys.stderr)
        return 1
    for problem in report.warnings:
        print(problem, file=sys.stderr)
    for dataset_id, count in report.rows.items():
        print(f"{dataset_id}: {count} rows")
    print(f"data version {report.data_version}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["users"]:
        from dashboard.admin.cli import users

        return users.main(argv[1:], prog_name="python -m dashboard users")  # exits with click's status
    if argv[:1] == ["geo"]:
        from dashboard.geo import layers as geo

        return geo.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import data files (CSV/XLSX with a .meta.json sidecar)")
    importing.add_argument("files", nargs="+")
    importing.add_argument("--dataset-id", help="dataset id when the file has no sidecar")
    importing.add_argument("--type", choices=["observations", "annex"], help="file layout")
    importing.add_argument("--year", type=int, help="year of an annex table")
    building = commands.add_parser("build", help="import everything in data/")
    building.add_argument("--data-dir")
    for sub in (importing, building):
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
    serve = commands.add_parser("serve", help="run the development server")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--host", default="127.0.0.1")
    commands.add_parser("geo", help="boundary import: python -m dashboard geo import PATH ...")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "serve":
        from dashboard import create_app

        create_app(settings).run(host=args.host, port=args.port, debug=settings.debug)
        return 0
    return _import_command(args, settings)


if __name__ == "__main__":
    sys.exit(main())
