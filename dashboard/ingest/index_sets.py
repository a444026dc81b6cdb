"""Reading an index-set file the officer writes from a decision's annex (CSV or XLSX, header on row 1):
one row per index, bonus, penalty, unit group or class, told apart by the `kind` column. Pure once the
file is read: returns the set as `domain.methods.IndexSet` and every problem (file, row, column), never
a half set.

Columns: kind (index | bonus | penalty | group | class; blank: index), code, parent_code, name_vi,
name_en, measure (points by default), max_value, one `max_value:GROUP` per group with its own maxima,
sum_of_children (1: the index's maxima are the sum of its components'), unit_kind (group rows),
lower_bound and basis (class rows: percent of the maximum, or points). A bonus or penalty ("Điểm
thưởng", "Điểm trừ" of a decision) is an index of its own under the total it adjusts: its maximum is a
cap, outside the sum of the components' maxima; a penalty is stored as an index where less is better,
which is what makes the total's check subtract it (catalogue.check_total). May import: db, domain,
parsing, tables, cells, class_schemes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from dashboard import db
from dashboard.domain.methods import (
    ClassBand,
    ClassScheme,
    Decision,
    IndexSet,
    Indicator,
    UnitGroup,
    ordered_tree,
)
from dashboard.domain.names import fold
from dashboard.ingest.cells import text_cell
from dashboard.ingest.class_schemes import ClassRow, check_scheme, read_class
from dashboard.ingest.parsing import AmbiguousNumber, Problem, Row, parse_number
from dashboard.ingest.tables import read_table

REQUIRED_COLUMNS = ("code", "name_vi", "max_value")
GROUP_MAXIMUM = "max_value:"  # prefix of a column holding one group's maxima
MEASURES = ("points", "percent", "index")
# The kind column as an officer may write it, folded (no diacritics or case).
KINDS = {
    "": "index",
    "index": "index",
    "chi so": "index",
    "bonus": "bonus",
    "diem thuong": "bonus",
    "penalty": "penalty",
    "diem tru": "penalty",
    "group": "group",
    "nhom": "group",
    "nhom don vi": "group",
    "class": "class",
    "xep loai": "class",
    "muc": "class",
}
YES = {"1", "x", "yes", "co", "true"}
NO = {"", "0", "no", "khong", "false"}
INDEX_KINDS = ("index", "bonus", "penalty")  # rows that are indices of the tree
SUM_TOLERANCE = 0.005  # maxima are whole or two-decimal numbers: anything larger is a real difference


@dataclass(frozen=True)
class Header:
    """What the publisher says of the set besides its file (command-line options or the upload form)."""

    code: str
    name_vi: str
    name_en: str
    issuer: str
    document: str
    source_url: str
    document_number: str | None = None
    document_date: str | None = None  # as published: "2025", "2025-04" or "2025-04-03"
    family: str = "qn-dti"
    first_year: int | None = None
    last_year: int | None = None


@dataclass
class _Index:
    row: int
    indicator: Indicator
    adjusts: bool = False  # a bonus or penalty: outside the sum of its parent's components' maxima


def _number(row: Row, column: str, file: str, problems: list[Problem]) -> float | None:
    try:
        return parse_number(row.cells.get(column))
    except AmbiguousNumber as error:
        problems.append(
            Problem(file, row.number, column, text_cell(row, column), "ambiguous-number", str(error))
        )
    except ValueError:
        problems.append(Problem(file, row.number, column, text_cell(row, column), "type", "not a number"))
    return None


def _flag(row: Row, column: str, file: str, problems: list[Problem]) -> bool:
    text = fold(text_cell(row, column))
    if text not in YES | NO:
        problems.append(
            Problem(file, row.number, column, text_cell(row, column), "type", "write 1 or leave empty")
        )
    return text in YES


def read_index_set(path: Path, header: Header) -> tuple[IndexSet | None, list[Problem]]:
    """Read and check a file; (the set, []) or (None, every problem found)."""
    file = path.name
    table = read_table(path)
    problems = [
        Problem(file, 1, column, None, "required-column", "required column is missing")
        for column in REQUIRED_COLUMNS
        if column not in table.header
    ]
    if problems:
        return None, problems
    groups: dict[str, tuple[int, UnitGroup]] = {}
    indices: list[_Index] = []
    classes: list[ClassRow] = []
    basis: tuple[str, int] | None = None
    for row in table.rows:
        kind = KINDS.get(fold(text_cell(row, "kind")))
        if kind is None:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "kind",
                    text_cell(row, "kind"),
                    "kind",
                    "must be index, bonus, penalty, group or class",
                )
            )
        elif kind == "group":
            _read_group(row, file, groups, problems)
        elif kind == "class":
            classes.append(read_class(row, file, problems))
            row_basis = text_cell(row, "basis") or "percent"
            if basis is None:
                basis = (row_basis, row.number)
            elif row_basis != basis[0]:
                problems.append(
                    Problem(
                        file, row.number, "basis", row_basis, "class-basis", f"differs from row {basis[1]}"
                    )
                )
    group_columns = _group_columns(table.header, groups, file, problems)
    index_rows = [row for row in table.rows if KINDS.get(fold(text_cell(row, "kind"))) in INDEX_KINDS]
    for row in index_rows:
        item = _read_index(row, file, group_columns, problems, kind=KINDS[fold(text_cell(row, "kind"))])
        if item is not None:
            indices.append(item)
    written = {text_cell(row, "code") for row in index_rows}  # a row in error still names its code
    problems += _check_tree(indices, file, written=written, complete=len(indices) == len(index_rows))
    if basis is not None:
        problems += check_scheme(classes, basis[0], file, basis_row=basis[1])
    if problems:
        return None, problems
    return _index_set(header, indices, groups, classes, basis[0] if basis else None), []


def _read_group(
    row: Row, file: str, groups: dict[str, tuple[int, UnitGroup]], problems: list[Problem]
) -> None:
    code, name_vi, kind = text_cell(row, "code"), text_cell(row, "name_vi"), text_cell(row, "unit_kind")
    if not code:
        problems.append(Problem(file, row.number, "code", None, "required-value", "group code is missing"))
    elif code in groups:
        problems.append(
            Problem(file, row.number, "code", code, "duplicate", f"same group code as row {groups[code][0]}")
        )
    if not name_vi:
        problems.append(
            Problem(file, row.number, "name_vi", None, "required-value", "Vietnamese name is missing")
        )
    if kind and kind not in db.UNIT_KINDS:
        problems.append(
            Problem(
                file, row.number, "unit_kind", kind, "unit-kind", f"must be one of {', '.join(db.UNIT_KINDS)}"
            )
        )
    if code and code not in groups:
        name_en = text_cell(row, "name_en") or name_vi
        groups[code] = (row.number, UnitGroup(code, name_vi, name_en, kind or None))


def _group_columns(
    header: list[str], groups: dict[str, tuple[int, UnitGroup]], file: str, problems: list[Problem]
) -> dict[str, str]:
    """Column -> group code of every `max_value:GROUP` column; a column naming no group row is a problem."""
    columns = {}
    for column in header:
        if column.startswith(GROUP_MAXIMUM):
            code = column[len(GROUP_MAXIMUM) :].strip()
            if code not in groups:
                problems.append(
                    Problem(file, 1, column, code, "unknown-group", "no row of kind 'group' has this code")
                )
            columns[column] = code
    return columns


def _read_index(
    row: Row, file: str, group_columns: dict[str, str], problems: list[Problem], *, kind: str = "index"
) -> _Index | None:
    code, name_vi = text_cell(row, "code"), text_cell(row, "name_vi")
    found = len(problems)
    if kind != "index" and not text_cell(row, "parent_code"):
        problems.append(
            Problem(
                file, row.number, "parent_code", None, "required-value", f"a {kind} adjusts a total: name it"
            )
        )
    if not code:
        problems.append(Problem(file, row.number, "code", None, "required-value", "index code is missing"))
    elif len(code) > 40:
        problems.append(Problem(file, row.number, "code", code, "length", "longer than 40 characters"))
    if not name_vi:
        problems.append(
            Problem(file, row.number, "name_vi", None, "required-value", "Vietnamese name is missing")
        )
    measure = text_cell(row, "measure") or "points"
    if measure not in MEASURES:
        problems.append(
            Problem(file, row.number, "measure", measure, "measure", f"must be one of {', '.join(MEASURES)}")
        )
    maximum = _number(row, "max_value", file, problems)
    if maximum is None and measure == "points" and len(problems) == found:
        problems.append(
            Problem(file, row.number, "max_value", None, "required-value", "the maximum is missing")
        )
    maxima = {}
    for column, group in group_columns.items():
        value = _number(row, column, file, problems)
        if value is not None:
            maxima[group] = value
    for column, value in [("max_value", maximum), *((c, maxima.get(g)) for c, g in group_columns.items())]:
        if value is not None and value <= 0:
            problems.append(Problem(file, row.number, column, f"{value:g}", "range", "a maximum is above 0"))
    summed = _flag(row, "sum_of_children", file, problems)
    if len(problems) > found:
        return None
    indicator = Indicator(
        code=code,
        name_vi=name_vi,
        name_en=text_cell(row, "name_en") or name_vi,
        parent_code=text_cell(row, "parent_code") or None,
        measure=measure,
        max_value=100.0 if measure == "percent" and maximum is None else maximum,
        maxima=maxima,
        sum_of_children=summed,
        sort_order=row.number,
        higher_is_better=kind != "penalty",
    )
    return _Index(row.number, indicator, adjusts=kind != "index")


def _check_tree(indices: list[_Index], file: str, *, written: set[str], complete: bool) -> list[Problem]:
    """Unique codes, known parents (among the codes `written`), no cycle; then, when every index row was
    read and the tree holds, one total and components that add up where they should."""
    problems = []
    rows: dict[str, int] = {}
    for item in indices:
        code = item.indicator.code
        if code in rows:
            problems.append(
                Problem(file, item.row, "code", code, "duplicate", f"same index code as row {rows[code]}")
            )
        rows.setdefault(code, item.row)
    by_code = {item.indicator.code: item for item in indices}
    for item in indices:
        parent = item.indicator.parent_code
        if parent is not None and parent not in written:
            problems.append(
                Problem(file, item.row, "parent_code", parent, "unknown-parent", "no index has this code")
            )
        elif parent is not None and parent in by_code and _in_cycle(item.indicator.code, by_code):
            problems.append(
                Problem(file, item.row, "parent_code", parent, "cycle", "the index is its own ancestor")
            )
    roots = [item for item in indices if item.indicator.parent_code is None]
    if not complete or problems:
        return problems
    if indices and len(roots) != 1:
        where = ", ".join(str(item.row) for item in roots) or "none"
        problems.append(
            Problem(
                file,
                roots[1].row if len(roots) > 1 else None,
                "parent_code",
                None,
                "one-total",
                f"the set needs exactly one total (an index without parent_code); rows without one: {where}",
            )
        )
    if not indices:
        problems.append(Problem(file, None, "kind", None, "empty", "the file has no index row"))
        return problems
    for item in indices:
        if item.indicator.sum_of_children:
            parts = [i for i in indices if i.indicator.parent_code == item.indicator.code]
            problems += _check_sum(item, [i for i in parts if not i.adjusts], file)
    return problems


def _in_cycle(code: str, by_code: dict[str, _Index]) -> bool:
    seen = {code}
    parent = by_code[code].indicator.parent_code
    while parent is not None and parent in by_code:
        if parent in seen:
            return True
        seen.add(parent)
        parent = by_code[parent].indicator.parent_code
    return False


def _check_sum(parent: _Index, children: list[_Index], file: str) -> list[Problem]:
    """The parent's maximum, for the default and for every group, is the sum of its components'."""
    if not children:
        return [
            Problem(
                file, parent.row, "sum_of_children", "1", "sum-of-children", "the index has no components"
            )
        ]
    problems = []
    groups = {None, *parent.indicator.maxima, *(g for c in children for g in c.indicator.maxima)}
    for group in sorted(groups, key=lambda g: (g is not None, g or "")):
        expected = parent.indicator.maximum(group)
        parts = [c.indicator.maximum(group) for c in children]
        if expected is None or any(p is None for p in parts):
            continue
        total = math.fsum(parts)  # type: ignore[arg-type]
        if abs(total - expected) > SUM_TOLERANCE:
            column = "max_value" if group is None else f"{GROUP_MAXIMUM}{group}"
            problems.append(
                Problem(
                    file,
                    parent.row,
                    column,
                    f"{expected:g}",
                    "sum-of-children",
                    f"the components' maxima add up to {total:g}, not {expected:g}",
                )
            )
    return problems


def _index_set(
    header: Header,
    indices: list[_Index],
    groups: dict[str, tuple[int, UnitGroup]],
    classes: list[ClassRow],
    basis: str | None,
) -> IndexSet:
    tree = ordered_tree([item.indicator for item in indices])
    scheme = None
    if classes:
        bands = tuple(ClassBand(c.code, c.label_vi, c.label_en, float(c.lower_bound or 0.0)) for c in classes)
        scheme = ClassScheme(basis or "percent", bands)
    first_year = header.first_year or int((header.document_date or "0")[:4] or 0)
    return IndexSet(
        code=header.code,
        family=header.family,
        name_vi=header.name_vi,
        name_en=header.name_en or header.name_vi,
        first_year=first_year,
        last_year=header.last_year,
        total_rule="sum" if tree[0].sum_of_children else None,
        legal_basis=header.document,
        decision=Decision(header.issuer, header.document_number, header.document_date, header.source_url),
        indicators=tree,
        groups=tuple(group for _, group in groups.values()),
        scheme=scheme,
    )
