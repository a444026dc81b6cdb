"""The browser door to the import pipeline: the same reading, checks, guardrails, corrections and storage
as `python -m dashboard import` — one pipeline, two doors.

`check` is the command line's `--dry-run` (everything checked and written, then rolled back: nothing
stored); `publish` is the same import committed. Both take the dataset's metadata from the form as the
command line takes it from its options.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from dashboard import db
from dashboard.admin import unknown_units
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.ingest.dataset import metadata_from_options
from dashboard.ingest.guards import shown
from dashboard.ingest.importer import ImportOptions, ImportReport, import_files
from dashboard.ingest.parsing import ImportRejected, Problem, first_problems

# An uploaded file is read in a child process that may use at most this much memory: no upload can take
# the worker (or the host) however it is built.
UPLOAD_MEMORY_CEILING = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Fields:
    """What the publisher typed and ticked next to the file."""

    year: int
    methodology: str
    kind: str
    issuer: str
    document: str
    source_url: str
    replaces: str = ""
    reason: str = ""
    confirm_shrink: bool = False
    accept_published_inconsistencies: bool = False
    units: str = ""  # what the preview chose for names no unit has (unknown_units.encode)

    def metadata(self) -> tuple[dict, dict]:
        """(overrides, defaults) exactly as the command line's options give them."""
        return metadata_from_options(
            year=self.year,
            methodology=self.methodology,
            kind=self.kind,
            issuer=self.issuer,
            document=self.document,
            source_url=self.source_url,
            dataset_id=None,  # the pipeline names it: METHODOLOGY-YEAR-KIND
        )

    def options(self, *, dry_run: bool) -> ImportOptions:
        """The import's switches."""
        return ImportOptions(
            replace=self.replaces or None,
            confirm_shrink=self.confirm_shrink,
            accept_published_inconsistencies=self.accept_published_inconsistencies,
            dry_run=dry_run,
            memory_ceiling=UPLOAD_MEMORY_CEILING,
        )


@dataclass
class Checked:
    """What a preview shows: every problem and note, the tables as they will be published, the diff."""

    problems: list[Problem] = field(default_factory=list)
    dataset_id: str = ""
    records: list[dict] = field(default_factory=list)
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)  # unit, indicator, old, new
    labels: dict[str, str] = field(default_factory=dict)
    class_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (indicator, class) -> label
    unknown: list[unknown_units.Unknown] = field(default_factory=list)  # names to map or add
    chosen: dict[str, str] = field(default_factory=dict)  # what the officer chose for them

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def listed(self) -> tuple[list[Problem], int]:
        """The problems the page lists and how many more it only counts (a page of 100,000 rows helps no
        one and takes seconds to send)."""
        return first_problems(self.problems)

    def rankings(self) -> list[tuple[str, list[dict]]]:
        """One table per ranked indicator, period and group, in rank order (as the rankings page lists)."""
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for record in self.records:
            if record["rank"] is not None or record["rank_of"] is not None:
                groups[(record["indicator_code"], record["period"], record["rank_of"])].append(record)
        return [
            (
                f"{self.labels.get(code, code)} – {period}",
                sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["unit_code"])),
            )
            for (code, period, _), rows in sorted(groups.items(), key=lambda item: str(item[0]))
        ]

    def unit(self, code: str) -> str:
        """A unit's name as the page shows it."""
        return self.labels.get(code, code)

    @staticmethod
    def value(record: dict) -> str:
        """A value as the pages write it: the printed figure when there is one, else the number with a
        decimal comma and the decimals the file gave."""
        return _vietnamese(shown(record, "value"))

    def class_name(self, record: dict) -> str:
        """A record's class as its method's scheme labels it ('' for none)."""
        code = record["class_label"]
        return self.class_names.get((record["indicator_code"], code), code) if code else ""


def _vietnamese(text: str | None) -> str:
    """A plain number ('95.26') with the decimal comma the pages use; a printed figure stays as printed."""
    if text is None:
        return "–"
    return text.replace(".", ",") if text.replace(".", "", 1).lstrip("-").isdigit() else text


def _import(engine: Engine, path: Path, fields: Fields, *, dry_run: bool) -> ImportReport:
    overrides, defaults = fields.metadata()
    made = unknown_units.changes(
        unknown_units.decode(fields.units),
        document=fields.document,
        source_url=fields.source_url,
        issuer=fields.issuer,
    )
    return import_files(
        engine,
        [path],
        overrides=overrides,
        defaults=defaults,
        options=fields.options(dry_run=dry_run),
        prepare=unknown_units.preparer(path, made),
    )


def check(engine: Engine, path: Path, fields: Fields) -> Checked:
    """Run the import as a dry run: the preview shows exactly what publishing would store and change."""
    chosen = unknown_units.decode(fields.units)
    try:
        report = _import(engine, path, fields, dry_run=True)
    except ImportRejected as rejected:
        problems = list(rejected.problems)
        return Checked(problems=problems, unknown=unknown_units.unknown_units(problems), chosen=chosen)
    checked = Checked(
        problems=[*report.notes, *report.warnings],
        labels=report.labels,
        class_names=report.class_names,
        chosen=chosen,
    )
    for result in report.results:
        checked.dataset_id = result.dataset.id
        checked.records += result.records
        diff = result.diff
        checked.changes += [
            (
                old["unit_code"],
                old["indicator_code"],
                _vietnamese(shown(old, name)),
                _vietnamese(shown(new, name)),
            )
            for old, new, name in diff.changed
        ]
        checked.changes += [
            (r["unit_code"], r["indicator_code"], _vietnamese(shown(r, "value")), "–") for r in diff.removed
        ]
        if diff.stored:  # rows added to a stored dataset; a first publication adds every row
            checked.changes += [
                (r["unit_code"], r["indicator_code"], "–", _vietnamese(shown(r, "value"))) for r in diff.added
            ]
    return checked


def publish(engine: Engine, path: Path, fields: Fields) -> ImportReport:
    """Import the upload in one transaction (raises ImportRejected; then nothing is stored)."""
    return _import(engine, path, fields, dry_run=False)


def unit_groups(engine: Engine, dataset_ids: list[str]) -> list[str]:
    """The unit kinds the datasets rank (each is a group on the rankings page)."""
    o, s, u = db.observations.c, db.sources.c, db.units.c
    statement = (
        select(u.kind)
        .distinct()
        .join_from(db.observations, db.sources, o.source_id == s.id)
        .join(db.units, o.unit_code == u.code)
        .where(s.dataset_id.in_(dataset_ids), o.rank.is_not(None))
        .order_by(u.kind)
    )
    with engine.connect() as connection:
        return list(connection.scalars(statement))


def methodologies(engine: Engine) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of the province's own methodologies, newest first: what an annex follows."""
    m = db.methodologies.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(m.code, m.name_vi).where(m.family.in_(PROVINCIAL_FAMILIES)).order_by(m.first_year.desc())
        )
        return [(code, name) for code, name in rows]
