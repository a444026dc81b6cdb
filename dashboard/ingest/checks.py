"""Checks shared by the tidy and annex validators: years, classes, duplicates, published ranks and classes.

A published class is read and checked against the scheme of the method it is published under (its labels
and lower bounds, on the maximum of the unit's group), never against one scheme for all methods.

Pure. May import: domain, catalogue, parsing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from dashboard.domain.methods import IndexSet
from dashboard.domain.names import fold
from dashboard.domain.scoring import INCONSISTENT_NOTE, competition_ranks
from dashboard.ingest.catalogue import Catalogue, exact_key
from dashboard.ingest.parsing import Problem

FIRST_YEAR, LAST_YEAR = 2000, datetime.now(UTC).year + 1


def published_class(index_set: IndexSet | None, text: str) -> tuple[str | None, str]:
    """The class code a published label names in the set's scheme: (code, "") or (None, why not).

    The label as written (case and spacing aside) decides; without diacritics only when exactly one class
    fits ("Kha" is Khá). A set without classes reads none: its class cell is a problem, never mapped.
    """
    if index_set is None or index_set.scheme is None or not index_set.has_classes:
        method = index_set.code if index_set is not None else "this indicator's method"
        return None, f"the method {method} defines no classes: a published class cannot be stored"
    bands = index_set.scheme.bands
    written = exact_key(text)
    for band in bands:
        if written in {exact_key(band.label_vi), exact_key(band.label_en), exact_key(band.code)}:
            return band.code, ""
    folded = [band for band in bands if fold(text) in {fold(band.label_vi), fold(band.label_en)}]
    if len(folded) == 1:
        return folded[0].code, ""
    labels = [band.label_vi for band in bands]
    expected = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"
    return None, f"unknown class (expected {expected}: the classes of {index_set.code})"


def duplicates(records: list[dict], file: str) -> list[Problem]:
    """Report rows that repeat a unit, period and indicator of an earlier row."""
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


def add_note(record: dict, note: str) -> None:
    """Append a note to a record's note (footnotes, flags), once."""
    notes = [n for n in (record.get("note") or "").split("; ") if n]
    if note not in notes:
        record["note"] = "; ".join([*notes, note])


def check_ranks_and_classes(
    group: list,
    total_code: str,
    catalogue: Catalogue,
    file: str,
    *,
    rank_column: str = "rank",
    class_column: str = "class",
    accept: bool = False,
) -> list[Problem]:
    """Compare published ranks and classes of one group with those computed from the values (classes by the
    method's scheme, on the maximum of each record's unit group).

    A contradiction is an error; with `accept` (--accept-published-inconsistencies) it is a warning and
    the record is stored as published with INCONSISTENT_NOTE.
    """
    problems = []
    severity = "warning" if accept else "error"
    indicator = catalogue.indicators[total_code]
    index_set = catalogue.index_set_of(total_code)
    computed = competition_ranks(
        [r["value"] for r, _, _ in group], higher_is_better=indicator["higher_is_better"]
    )
    for (record, published_rank, class_code), rank in zip(group, computed, strict=True):
        found = []
        if published_rank is not None and rank is not None and published_rank != rank:
            found.append(
                Problem(
                    file,
                    record["row"],
                    rank_column,
                    str(published_rank),
                    "rank",
                    f"published rank differs from the rank computed from values ({rank})",
                    severity,
                )
            )
        expected = None
        if index_set is not None and class_code is not None:
            maximum = index_set.maximum(total_code, record.get("unit_group"))
            expected = index_set.classify(record["value"], maximum)
        if index_set is not None and expected is not None and class_code != expected:
            found.append(
                Problem(
                    file,
                    record["row"],
                    class_column,
                    index_set.class_label(class_code, "vi"),
                    "class",
                    f"published class differs from the thresholds of {index_set.code} "
                    f"({index_set.class_label(expected, 'vi')})",
                    severity,
                )
            )
        if found and accept:
            add_note(record, INCONSISTENT_NOTE)
        problems += found
    return problems


def check_tidy_ranks(records: list[dict], catalogue: Catalogue, file: str, *, accept: bool) -> list[Problem]:
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
        else:
            items = [(r, None, r["class_label"]) for r in group if r["class_label"]]
        if items:
            problems += check_ranks_and_classes(items, code, catalogue, file, accept=accept)
    return problems
