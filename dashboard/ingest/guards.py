"""Dataset-level guardrails run inside the import transaction before anything is written: an empty file,
a (methodology, year, unit group) already published by another dataset, a replace that shrinks a dataset;
and the difference with what is stored (the corrections a replace makes public, the dry run's diff).

May import: db, catalogue, dataset, parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from dashboard import db
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import Problem

SHRINK_LIMIT = 0.10  # a replace may lose at most this share of the stored units (or indicators) unconfirmed
FIELDS = ("value", "rank", "class_label")

Key = tuple[str, str, str, str]  # unit, period, indicator, government level


@dataclass
class Diff:
    """What an import changes in the stored rows of the dataset(s) it replaces."""

    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict, str]] = field(default_factory=list)  # (old, new, field)
    stored: int = 0


def key(record: dict) -> Key:
    """The identity of an observation within a dataset."""
    return (record["unit_code"], record["period"], record["indicator_code"], record["gov_level"] or "")


def check_not_empty(dataset: Dataset, count: int, stored: int) -> list[Problem]:
    """An empty or header-only file is an error, never '0 rows' that deletes what is stored."""
    if count:
        return []
    kept = f"; the {stored} rows stored for dataset '{dataset.id}' are kept" if stored else ""
    message = "the file has no data rows (only a header or nothing): nothing to import" + kept
    return [Problem(dataset.path.name, None, None, None, "empty-file", message)]


STORED = ("unit_code", "year", "period", "indicator_code", "gov_level", "value", "value_published", "rank")


def stored_rows(connection: Connection, dataset_ids: list[str]) -> list[dict]:
    """The observations stored for these datasets: the fields a diff and a correction need."""
    if not dataset_ids:
        return []
    o = db.observations
    names = (*STORED, "class_label")
    statement = (
        select(*(o.c[name] for name in names))
        .join(db.sources, db.sources.c.id == o.c.source_id)
        .where(db.sources.c.dataset_id.in_(dataset_ids))
    )
    # Plain tuples zipped into dicts: several times faster than mapping rows for a large dataset.
    return [dict(zip(names, row, strict=True)) for row in connection.execute(statement)]


def coverage(records: list[dict], catalogue: Catalogue) -> set[tuple[str, int, str, str, str]]:
    """The (methodology, year, unit kind, indicator, government level) a dataset's records cover. Two
    datasets clash on a (methodology, year, unit group) only through a shared indicator at the same level:
    an illustrative series never shares an indicator code with a published one, so both may be shown."""
    return {
        (
            catalogue.indicators[r["indicator_code"]]["methodology"],
            r["year"],
            catalogue.units[r["unit_code"]]["kind"],
            r["indicator_code"],
            r["gov_level"] or "",
        )
        for r in records
    }


def check_coverage(
    connection: Connection,
    dataset: Dataset,
    records: list[dict],
    catalogue: Catalogue,
    *,
    replace: str | None,
) -> list[Problem]:
    """A group already published by another dataset is an error naming that dataset, unless replaced."""
    covered = coverage(records, catalogue)
    if not covered:
        return []
    o, s, i, u = db.observations, db.sources, db.indicators, db.units
    statement = (
        select(
            s.c.dataset_id,
            i.c.methodology,
            o.c.year,
            u.c.kind,
            o.c.indicator_code,
            o.c.gov_level,
            db.datasets.c.title_vi,
        )
        .distinct()
        .join(s, s.c.id == o.c.source_id)
        .join(db.datasets, db.datasets.c.id == s.c.dataset_id)
        .join(i, i.c.code == o.c.indicator_code)
        .join(u, u.c.code == o.c.unit_code)
        .where(
            s.c.dataset_id.not_in([dataset.id, replace or dataset.id]),
            o.c.indicator_code.in_({c for _, _, _, c, _ in covered}),
            o.c.year.in_({y for _, y, _, _, _ in covered}),
        )
    )
    problems = set()
    for other, methodology, year, kind, code, level, title in connection.execute(statement):
        if (methodology, year, kind, code, level or "") in covered:
            problems.add(
                Problem(
                    dataset.path.name,
                    None,
                    None,
                    other,
                    "already-published",
                    f"{methodology} {year} ({kind} units) is already published by dataset '{other}' "
                    f"({title}); to publish this file in its place, import it with --replace {other}",
                )
            )
    return sorted(problems, key=str)


def diff(old: list[dict], new: list[dict]) -> Diff:
    """Compare stored rows with the rows about to replace them."""
    if not old:  # a first import: everything is added (no index of a large file's keys is built)
        return Diff(added=list(new))
    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    result = Diff(stored=len(old))
    result.added = [after[k] for k in after.keys() - before.keys()]
    result.removed = [before[k] for k in before.keys() - after.keys()]
    for k in before.keys() & after.keys():
        for name in FIELDS:
            if not _same(before[k][name], after[k][name]):
                result.changed.append((before[k], after[k], name))
    return result


def _same(old: object, new: object) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        return abs(old - new) < 1e-9
    return old == new


def generated_only(connection: Connection, dataset_ids: list[str]) -> bool:
    """Tell whether every source of these datasets is illustrative (figures made by a script)."""
    kinds = set(connection.scalars(select(db.sources.c.kind).where(db.sources.c.dataset_id.in_(dataset_ids))))
    return bool(kinds) and kinds == {"illustrative"}


def check_shrink(
    dataset: Dataset,
    change: Diff,
    *,
    old: list[dict],
    records: list[dict],
    replacing: list[str],
    confirmed: bool,
    generated: bool = False,
) -> list[Problem]:
    """A replace that loses more than SHRINK_LIMIT of the stored units, or of the stored indicators, needs
    --confirm-shrink. Units and indicators, not rows: a real totals-only annex covering every unit loses
    nothing published when it replaces a generated year that had sub-indices (`generated`), so there only
    units count."""
    if confirmed or not old:
        return []
    lost = []
    for name, column in (("units", "unit_code"), ("indicators", "indicator_code")):
        if name == "indicators" and generated:
            continue
        before = {row[column] for row in old}
        gone = before - {record[column] for record in records}
        if len(gone) > SHRINK_LIMIT * len(before):
            lost.append(f"{len(gone)} of the {len(before)} {name} ({', '.join(sorted(gone)[:5])})")
    if not lost:
        return []
    share = 100 * len(change.removed) / change.stored
    message = (
        f"this import would remove {len(change.removed)} of the {change.stored} rows stored for dataset "
        f"{' and '.join(repr(i) for i in replacing)} ({share:.0f} %): it loses {'; '.join(lost)}, more than "
        f"{SHRINK_LIMIT:.0%}: check the file is complete, or import with --confirm-shrink"
    )
    return [Problem(dataset.path.name, None, None, None, "shrink", message)]


def shown(record: dict, name: str) -> str | None:
    """A field as published (the printed value when there is one), for corrections and previews."""
    if name == "value" and record.get("value_published"):
        return str(record["value_published"])
    value = record.get(name)
    if value is None:
        return None
    return f"{value:g}" if isinstance(value, float) else str(value)


def corrections(dataset: Dataset, change: Diff, *, replaced: str, when: object) -> list[dict]:
    """The public record of what a replace changed: every changed field and every removed row."""
    source = dataset.meta["sources"][0]
    document = source.get("document_number") or source["title"]
    base = {
        "corrected_at": when,
        "dataset_id": dataset.id,
        "replaced_dataset_id": replaced,
        "document": document,
        "source_url": source.get("url"),
    }
    rows = []
    for old, new, name in change.changed:
        rows.append(
            {
                **base,
                **_where(old),
                "field": name,
                "old_value": shown(old, name),
                "new_value": shown(new, name),
            }
        )
    for old in change.removed:
        rows.append(
            {**base, **_where(old), "field": "removed", "old_value": shown(old, "value"), "new_value": None}
        )
    return rows


def _where(record: dict) -> dict:
    return {
        "unit_code": record["unit_code"],
        "year": record["year"],
        "period": record["period"],
        "indicator_code": record["indicator_code"],
        "gov_level": record["gov_level"] or "",
    }
