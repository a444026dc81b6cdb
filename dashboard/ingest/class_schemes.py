"""Class schemes: reading and checking the classes of a set (labels with ordered lower bounds on % of the
maximum or on points), shared by the shipped reference file (data/reference/class_schemes.csv) and the
officer's index-set files. Problems name file, row and column. May import: db, domain, parsing, cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, update

from dashboard import db
from dashboard.domain.methods import CLASS_BASES, ClassBand
from dashboard.ingest.cells import text_cell
from dashboard.ingest.parsing import Problem, Row, parse_number


@dataclass
class ClassRow:
    """One class as read from a file, with the row it came from."""

    row: int
    code: str
    label_vi: str
    label_en: str
    lower_bound: float | None


def read_class(row: Row, file: str, problems: list[Problem], *, code_column: str = "code") -> ClassRow:
    """A class row: code, labels (English falls back to Vietnamese) and its numeric lower bound."""
    code, label_vi = text_cell(row, code_column), text_cell(row, "name_vi") or text_cell(row, "label_vi")
    if not code:
        problems.append(
            Problem(file, row.number, code_column, None, "required-value", "class code is missing")
        )
    if not label_vi:
        column = "name_vi" if "name_vi" in row.cells else "label_vi"
        problems.append(
            Problem(file, row.number, column, None, "required-value", "Vietnamese name is missing")
        )
    lower = None
    try:
        lower = parse_number(row.cells.get("lower_bound"), vietnamese=False)
    except ValueError:
        problems.append(
            Problem(file, row.number, "lower_bound", text_cell(row, "lower_bound"), "type", "not a number")
        )
    else:
        if lower is None:
            problems.append(
                Problem(
                    file, row.number, "lower_bound", None, "required-value", "a class needs its lower bound"
                )
            )
    label_en = text_cell(row, "name_en") or text_cell(row, "label_en") or label_vi
    return ClassRow(row.number, code, label_vi, label_en, lower)


def check_scheme(classes: list[ClassRow], basis: str, file: str, *, basis_row: int | None) -> list[Problem]:
    """A scheme's classes must be listed best first with strictly falling lower bounds, codes unique, on a
    known basis (0–100 for a percentage)."""
    problems = []
    if classes and basis not in CLASS_BASES:
        problems.append(
            Problem(
                file, basis_row, "basis", basis, "class-basis", f"must be one of {', '.join(CLASS_BASES)}"
            )
        )
    seen: dict[str, int] = {}
    previous: ClassRow | None = None
    for item in classes:
        if item.code in seen:
            problems.append(
                Problem(
                    file,
                    item.row,
                    "code",
                    item.code,
                    "duplicate",
                    f"same class code as row {seen[item.code]}",
                )
            )
        seen.setdefault(item.code, item.row)
        if item.lower_bound is None:
            continue
        if basis == "percent" and not 0 <= item.lower_bound <= 100:
            problems.append(
                Problem(
                    file, item.row, "lower_bound", f"{item.lower_bound:g}", "range", "a percentage is 0–100"
                )
            )
        if (
            previous is not None
            and previous.lower_bound is not None
            and item.lower_bound >= previous.lower_bound
        ):
            problems.append(
                Problem(
                    file,
                    item.row,
                    "lower_bound",
                    f"{item.lower_bound:g}",
                    "class-order",
                    f"thresholds out of order: classes go best first, each below row {previous.row} "
                    f"({previous.lower_bound:g})",
                )
            )
        previous = item
    return problems


def store_scheme(
    connection: Connection, methodology: str, basis: str | None, classes: Sequence[ClassRow | ClassBand]
) -> None:
    """Replace a set's classes (none: the set defines no classes)."""
    connection.execute(delete(db.method_classes).where(db.method_classes.c.methodology == methodology))
    if classes:
        connection.execute(
            insert(db.method_classes),
            [
                {
                    "methodology": methodology,
                    "code": c.code,
                    "label_vi": c.label_vi,
                    "label_en": c.label_en,
                    "lower_bound": c.lower_bound,
                    "sort_order": order,
                }
                for order, c in enumerate(classes)
            ],
        )
    connection.execute(
        update(db.methodologies)
        .where(db.methodologies.c.code == methodology)
        .values(class_basis=basis if classes else None)
    )


def load_class_schemes(
    connection: Connection, dataset, rows: list[Row], catalogue, problems: list[Problem]
) -> int:
    """The shipped sets' schemes (reference file): every shipped set not listed defines no classes; a set
    an officer published keeps its own."""
    file = dataset.path.name
    schemes: dict[str, tuple[str, int, list[ClassRow]]] = {}
    for row in rows:
        method = text_cell(row, "methodology")
        if method not in catalogue.methodologies:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "methodology",
                    method,
                    "unknown-methodology",
                    "methodology is not in the catalogue",
                )
            )
            continue
        basis, first_row, classes = schemes.setdefault(method, (text_cell(row, "basis"), row.number, []))
        if text_cell(row, "basis") != basis:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "basis",
                    text_cell(row, "basis"),
                    "class-basis",
                    f"differs from row {first_row}",
                )
            )
        classes.append(read_class(row, file, problems))
    for basis, first_row, classes in schemes.values():
        problems += check_scheme(classes, basis, file, basis_row=first_row)
    if any(p.severity == "error" for p in problems):
        return 0
    for method, info in catalogue.methodologies.items():
        if info.get("published_at") is None:
            stored_basis, _, stored_classes = schemes.get(method, (None, 0, []))
            store_scheme(connection, method, stored_basis, stored_classes)
    return sum(len(classes) for _, _, classes in schemes.values())
