"""Publishing an index set: read the officer's file (index_sets), check it against what is stored, store
it in one transaction (or roll back for a preview). A set that stored results use is never changed in
place: it is refused, or with `correct` every change is recorded with the correcting document.

May import: db, domain, ingest. Called by the command line and the /quan-tri door.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from dashboard import db
from dashboard.db.index_sets import read_index_sets
from dashboard.domain.methods import IndexSet
from dashboard.ingest import storage
from dashboard.ingest.class_schemes import store_scheme
from dashboard.ingest.dataset import document_day, document_number
from dashboard.ingest.index_set_changes import changes
from dashboard.ingest.index_sets import Header, read_index_set
from dashboard.ingest.parsing import ImportRejected, Problem

METHOD_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
DOCUMENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # a year, a month or a day: as published
WEB = ("http://", "https://")


@dataclass
class MethodReport:
    """What publishing a set did (or, in a dry run, would do)."""

    index_set: IndexSet
    replaced: bool = False  # a stored set of that code was replaced (unused by results, or corrected)
    corrections: list[dict] = field(default_factory=list)
    data_version: str = ""
    dry_run: bool = False


def make_header(
    *,
    code: str,
    name_vi: str,
    name_en: str | None,
    issuer: str,
    document: str,
    source_url: str,
    document_date: str | None = None,
    first_year: int | None = None,
    last_year: int | None = None,
    family: str | None = None,
) -> Header:
    """The header the command line's options or the upload form give; the decision's number and day are
    read from 'Quyết định số 123/QĐ-UBND ngày 15/3/2026' when not given."""
    return Header(
        code=(code or "").strip(),
        name_vi=(name_vi or "").strip(),
        name_en=(name_en or "").strip() or (name_vi or "").strip(),
        issuer=(issuer or "").strip(),
        document=(document or "").strip(),
        source_url=(source_url or "").strip(),
        document_number=document_number(document),
        document_date=(document_date or "").strip() or document_day(document),
        family=family or "qn-dti",
        first_year=first_year,
        last_year=last_year,
    )


def check_header(header: Header, file: str) -> list[Problem]:
    """The publisher's fields: a code, a Vietnamese name, the decision (issuer, document, http(s) link),
    its date as published and the first year the set applies to."""
    problems = []

    def problem(option: str, value: str | None, rule: str, message: str) -> None:
        problems.append(Problem(file, None, option, value, rule, message))

    if not METHOD_CODE.match(header.code or ""):
        problem("--code", header.code, "code", "lower-case letters, digits and '-', 2–40 characters")
    for option, value in (
        ("--name-vi", header.name_vi),
        ("--issuer", header.issuer),
        ("--document", header.document),
    ):
        if not (value or "").strip():
            problem(option, None, "required-value", "required")
    if not (header.source_url or "").lower().startswith(WEB):
        problem("--source-url", header.source_url, "url", "the decision's http(s) link is required")
    if header.document_date and not DOCUMENT_DATE.match(header.document_date):
        problem("--document-date", header.document_date, "date", "write 2025, 2025-04 or 2025-04-03")
    if header.first_year is None and not header.document_date:
        problem(
            "--first-year",
            None,
            "required-value",
            "the first year the set applies to (or the decision's date)",
        )
    return problems


def publish_index_set(
    engine: Engine, path: Path, header: Header, *, dry_run: bool = False, correct: bool = False
) -> MethodReport:
    """Check and store a set (raises ImportRejected with every problem; then nothing is stored)."""
    problems = check_header(header, path.name)
    if not path.is_file():
        problems.append(Problem(path.name, None, None, str(path), "file", "file not found"))
    if problems:
        raise ImportRejected(problems)
    index_set, problems = read_index_set(path, header)
    if index_set is None:
        raise ImportRejected(problems)
    # Locked: a set published twice at once is stored once, the second seen as a correction (or refused).
    with storage.publishing(engine, dry_run=dry_run, locks=[f"index-set:{header.code}"]) as job:
        report = _publish(job.connection, index_set, header, file=path.name, correct=correct)
    report.dry_run, report.data_version = dry_run, job.data_version
    return report


def _publish(
    connection: Connection, index_set: IndexSet, header: Header, *, file: str, correct: bool
) -> MethodReport:
    stored = read_index_sets(connection)
    old = stored.get(index_set.code)
    problems = _check_codes(connection, index_set, file)
    used = _used(connection, old)
    fixes: list[dict] = []
    if old is not None and old.published_at is None:
        problems.append(
            Problem(
                file, None, "--code", index_set.code, "shipped-set", "a shipped set: publish under a new code"
            )
        )
    elif used and not correct:
        problems.append(
            Problem(
                file,
                None,
                "--code",
                index_set.code,
                "set-in-use",
                f"{used} stored results use this set: publish it under a new code, or record a correction "
                "(--correct, with the correcting document)",
            )
        )
    elif used:
        problems += _check_correction(connection, old, index_set, file)  # type: ignore[arg-type]
        when = datetime.now(UTC)
        fixes = [
            {
                "methodology": index_set.code,
                "corrected_at": when,
                "document": header.document,
                "document_date": header.document_date,
                "source_url": header.source_url,
                **change,
            }
            for change in changes(old, index_set)  # type: ignore[arg-type]
        ]
        if not fixes:
            problems.append(
                Problem(file, None, None, None, "no-change", "the file changes nothing in the stored set")
            )
    if problems:
        raise ImportRejected(problems)
    kept = old if used and old is not None else None  # a correction keeps the issuing decision
    _store(connection, index_set, kept=kept)
    if fixes:
        connection.execute(insert(db.method_corrections), fixes)
    return MethodReport(index_set, replaced=old is not None, corrections=fixes)


def _check_codes(connection: Connection, index_set: IndexSet, file: str) -> list[Problem]:
    """Index codes are unique across every set: one used by another set is a problem on its row."""
    i = db.indicators.c
    codes = [indicator.code for indicator in index_set.indicators]
    owners = dict(connection.execute(select(i.code, i.methodology).where(i.code.in_(codes))).all())
    return [
        Problem(
            file,
            indicator.sort_order,  # the file's row (index_sets keeps it as the published order)
            "code",
            indicator.code,
            "duplicate",
            f"code already used by the set {owners[indicator.code]}",
        )
        for indicator in index_set.indicators
        if owners.get(indicator.code, index_set.code) != index_set.code
    ]


def _used(connection: Connection, old: IndexSet | None) -> int:
    """How many stored results use a set's indices."""
    if old is None:
        return 0
    codes = [indicator.code for indicator in old.indicators]
    return int(
        connection.execute(
            select(func.count())
            .select_from(db.observations)
            .where(db.observations.c.indicator_code.in_(codes))
        ).scalar()
        or 0
    )


def _check_correction(connection: Connection, old: IndexSet, new: IndexSet, file: str) -> list[Problem]:
    """A correction may change names, maxima and thresholds; it may not drop an index or a class that
    stored results carry."""
    o = db.observations.c
    problems = []
    kept = {indicator.code for indicator in new.indicators}
    old_codes = [indicator.code for indicator in old.indicators]
    in_use = set(
        connection.scalars(select(o.indicator_code).distinct().where(o.indicator_code.in_(old_codes)))
    )
    for code in sorted(in_use - kept):
        problems.append(
            Problem(
                file, None, "code", code, "set-in-use", "stored results use this index: it cannot be removed"
            )
        )
    labels = set(
        connection.scalars(
            select(o.class_label)
            .distinct()
            .where(o.indicator_code.in_(old_codes), o.class_label.is_not(None))
        )
    )
    new_classes = set(new.scheme.codes) if new.scheme is not None else set()
    for code in sorted(labels - new_classes):
        problems.append(
            Problem(
                file,
                None,
                "code",
                code,
                "set-in-use",
                "stored results carry this class: it cannot be removed",
            )
        )
    return problems


def _store(connection: Connection, index_set: IndexSet, *, kept: IndexSet | None) -> None:
    """Write the set: its methodology row, indices, group maxima, groups and classes (replacing its own)."""
    m, i = db.methodologies, db.indicators
    decision = (kept or index_set).decision
    method = {
        "code": index_set.code,
        "family": index_set.family,
        "name_vi": index_set.name_vi,
        "name_en": index_set.name_en,
        "description_vi": index_set.description_vi,
        "description_en": index_set.description_en,
        "first_year": index_set.first_year,
        "last_year": index_set.last_year,
        "total_rule": index_set.total_rule,
        "legal_basis": (kept or index_set).legal_basis,
        "illustrative": False,
        "decision_issuer": decision.issuer,
        "decision_number": decision.number,
        "decision_date": decision.date,
        "decision_url": decision.url,
        "published_at": datetime.now(UTC),
    }
    if connection.execute(select(m.c.code).where(m.c.code == index_set.code)).first():
        connection.execute(update(m).where(m.c.code == index_set.code).values(**method))
    else:
        connection.execute(insert(m).values(**method))
    codes = [indicator.code for indicator in index_set.indicators]
    connection.execute(delete(i).where(i.c.methodology == index_set.code, i.c.code.not_in(codes)))
    existing = set(connection.scalars(select(i.c.code).where(i.c.methodology == index_set.code)))
    for indicator in index_set.indicators:
        row = {
            "code": indicator.code,
            "methodology": index_set.code,
            "parent_code": indicator.parent_code,
            "name_vi": indicator.name_vi,
            "name_en": indicator.name_en,
            "measure": indicator.measure,
            # A penalty (the one kind of index where less is better) may be printed with its minus sign.
            "min_value": -indicator.max_value
            if not indicator.higher_is_better and indicator.max_value
            else 0.0,
            "max_value": indicator.max_value,
            "higher_is_better": indicator.higher_is_better,
            "sort_order": indicator.sort_order,
            "sum_of_children": indicator.sum_of_children,
        }
        if indicator.code in existing:
            connection.execute(update(i).where(i.c.code == indicator.code).values(**row))
        else:
            connection.execute(insert(i).values(**row))
    maxima = db.indicator_maxima
    connection.execute(delete(maxima).where(maxima.c.indicator_code.in_(codes)))
    rows = [
        {"indicator_code": indicator.code, "unit_group": group, "max_value": value}
        for indicator in index_set.indicators
        for group, value in indicator.maxima.items()
    ]
    if rows:
        connection.execute(insert(maxima), rows)
    groups = db.unit_groups
    connection.execute(delete(groups).where(groups.c.methodology == index_set.code))
    if index_set.groups:
        connection.execute(
            insert(groups),
            [
                {"methodology": index_set.code, "sort_order": order, **vars(group)}
                for order, group in enumerate(index_set.groups)
            ],
        )
    scheme = index_set.scheme
    store_scheme(connection, index_set.code, scheme.basis if scheme else None, scheme.bands if scheme else ())
