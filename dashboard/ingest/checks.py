"""Checks shared by the tidy and annex validators: years, classes, duplicates, published ranks and classes.

Pure. May import: domain, catalogue, parsing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from dashboard.domain.scoring import CLASS_LABELS_VI, INCONSISTENT_NOTE, classify, competition_ranks
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.parsing import Problem

CLASS_BY_TEXT = {
    **{label.lower(): code for code, label in CLASS_LABELS_VI.items()},
    "good": "good",
    "fair": "fair",
    "average": "average",
    "weak": "weak",
}
FIRST_YEAR, LAST_YEAR = 2000, datetime.now(UTC).year + 1


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
    """Compare published ranks and classes of one group with those computed from the values.

    A contradiction is an error; with `accept` (--accept-published-inconsistencies) it is a warning and
    the record is stored as published with INCONSISTENT_NOTE.
    """
    problems = []
    severity = "warning" if accept else "error"
    indicator = catalogue.indicators[total_code]
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
        expected = classify(catalogue.percent_of_max(total_code, record["value"]))
        if class_code is not None and expected is not None and class_code != expected:
            found.append(
                Problem(
                    file,
                    record["row"],
                    class_column,
                    CLASS_LABELS_VI[class_code],
                    "class",
                    f"published class differs from the thresholds ({CLASS_LABELS_VI[expected]})",
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
