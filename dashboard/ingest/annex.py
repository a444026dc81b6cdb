"""The annex layout the province publishes, turned into tidy observation rows. Pure; no database.

Layout: `STT`/`TT`, `Đơn vị`, one column per sub-index, a total or percent-of-maximum column, `Xếp hạng`,
`Xếp loại`; group heading rows (`I`, `II` with the group's name) separate departments from district
committees. A mapping file per methodology (data/mappings/*.json) maps column headers to indicator codes;
without one, the methodology's own indicator names are the headers. Any subset of the indices may be
published (a total-only table is the usual case); the total may be printed in points or in percent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.ingest.names import fold
from dashboard.ingest.parsing import (
    Problem,
    Row,
    is_roman_numeral,
    parse_rank,
    parse_rank_and_score,
    split_footnote,
)
from dashboard.ingest.tables import LEVEL_SEPARATOR, column_letter

ROW_NUMBER_HEADERS = ("STT", "TT", "Số TT")
UNIT_HEADERS = ("Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị", "Tên cơ quan, đơn vị", "Địa phương")
RANK_HEADERS = ("Xếp hạng", "Thứ hạng", "Hạng")
CLASS_HEADERS = ("Xếp loại", "Mức độ", "Phân loại")
# Printed instead of a rank (or a class, or the score): the unit is listed but not ranked. Kept as printed.
NOT_RANKED = ("khong xep hang", "khong thuc hien danh gia", "khong danh gia", "chua danh gia")
POINTS_HEADERS = ("Tổng điểm", "Điểm", "Tổng điểm đạt được", "Điểm đạt được")
PERCENT_HEADERS = ("Tỷ lệ (%)", "Tỷ lệ %", "Tỷ lệ", "Chỉ số (%)", "Tổng (%)")

GROUP_KEYWORDS = (  # folded words in a group heading -> unit kind; the first match wins
    ("cap xa", "commune"),
    ("xa phuong", "commune"),
    ("phuong xa", "commune"),
    ("cap huyen", "district"),
    ("huyen", "district"),
    ("so", "department"),
    ("ban nganh", "department"),
    ("co quan", "department"),
)


@dataclass(frozen=True)
class Mapping:
    """Which header means what, for one methodology version."""

    methodology: str
    row_number: tuple[str, ...]
    unit: tuple[str, ...]
    rank: tuple[str, ...]
    class_label: tuple[str, ...]
    indicators: dict[str, str]
    total: str
    total_points: tuple[str, ...] = POINTS_HEADERS  # headers of a total printed in points
    total_percent: tuple[str, ...] = PERCENT_HEADERS  # headers of a total printed in percent

    @classmethod
    def load(cls, path: Path) -> Mapping:
        """Read a mapping file."""
        spec = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            methodology=spec["methodology"],
            row_number=tuple(spec["row_number"]),
            unit=tuple(spec["unit"]),
            rank=tuple(spec["rank"]),
            class_label=tuple(spec["class"]),
            indicators=dict(spec["indicators"]),
            total=spec["total"],
            total_points=tuple(spec.get("total_points", POINTS_HEADERS)),
            total_percent=tuple(spec.get("total_percent", PERCENT_HEADERS)),
        )

    @classmethod
    def of_methodology(cls, methodology: str, indicators: dict[str, dict]) -> Mapping:
        """The methodology's own mapping: each indicator's Vietnamese name is its header."""
        own = {code: i for code, i in indicators.items() if i["methodology"] == methodology}
        totals = [code for code, i in own.items() if not i["parent_code"]]
        if len(totals) != 1:
            raise ValueError(f"methodology {methodology} has {len(totals)} top-level indicators, not one")
        return cls(
            methodology=methodology,
            row_number=ROW_NUMBER_HEADERS,
            unit=UNIT_HEADERS,
            rank=RANK_HEADERS,
            class_label=CLASS_HEADERS,
            indicators={i["name_vi"]: code for code, i in own.items()},
            total=totals[0],
        )

    def is_header(self, cells: list[str]) -> bool:
        """Tell the header row under a title block: it names the unit column and one other known one."""
        folded = {fold(cell) for cell in cells if cell}
        known = {fold(h) for h in (*self.row_number, *self.rank, *self.indicators)}
        return not folded.isdisjoint(fold(h) for h in self.unit) and not folded.isdisjoint(known)

    def lacks_unit_column(self, file: str, number: int, cells: list[str]) -> Problem | None:
        """A row naming two known columns (row number, rank, indices) but no unit column: the header
        row, with its unit column missing or written in a way the mapping does not know."""
        known = {fold(h): h for h in (*self.row_number, *self.rank, *self.indicators)}
        found = [cell for cell in cells if cell and fold(cell) in known]
        if len(found) < 2 or any(fold(cell) in {fold(h) for h in self.unit} for cell in cells if cell):
            return None
        message = (
            f"row {number} looks like the header ({', '.join(found[:4])}) but has no unit column: "
            f"name it one of {', '.join(repr(h) for h in self.unit)}"
        )
        return Problem(file, number, self.unit[0], None, "unit-column", message)


@dataclass(frozen=True)
class AnnexRow:
    """One unit's line of the annex, with the cells already located."""

    row: int
    group_kind: str | None
    group_label: str
    unit_name: str
    values: dict[str, object]  # indicator code -> cell (a combined '01 (0,727)' total already split)
    rank: int | None
    class_label: str | None
    published: dict[str, object] = field(default_factory=dict)  # indicator code -> cell as printed
    columns: dict[str, str] = field(default_factory=dict)  # indicator code -> header in this file
    total_scale: str | None = None  # 'points' or 'percent' when the total came from such a column
    footnotes: tuple[str, ...] = ()  # marks printed after the name or a value, kept as a note
    not_ranked: str | None = None  # 'Không xếp hạng' as printed: listed, never ranked


def not_ranked_text(cell: object) -> str | None:
    """The cell as printed when it says the unit is not ranked or not assessed, else None."""
    if not isinstance(cell, str):
        return None
    return cell.strip() if any(fold(cell).startswith(text) for text in NOT_RANKED) else None


def _forms(header: str) -> set[str]:
    """A header matches by its full flattened name or by its lowest level ('… › Nhận thức số')."""
    return {fold(header), fold(header.replace(LEVEL_SEPARATOR, " ")), fold(header.split(LEVEL_SEPARATOR)[-1])}


def _match_header(header: list[str], candidates: tuple[str, ...]) -> str | None:
    wanted = {fold(c) for c in candidates}
    return next((h for h in header if fold(h) in wanted), None) or next(
        (h for h in header if not wanted.isdisjoint(_forms(h))), None
    )


def locate_columns(header: list[str], mapping: Mapping) -> dict[str, str | None]:
    """Find the headers of the row-number, unit, rank and class columns (None when absent)."""
    return {
        "row_number": _match_header(header, mapping.row_number),
        "unit": _match_header(header, mapping.unit),
        "rank": _match_header(header, mapping.rank),
        "class": _match_header(header, mapping.class_label),
    }


def group_kind(label: str, declared: dict[str, str]) -> str | None:
    """Tell which kind of unit a group heading introduces: declared in the sidecar, else by its words."""
    for key, kind in declared.items():
        if fold(key) == fold(label) or fold(label).startswith(fold(key) + " "):
            return kind
    words = f" {fold(label)} "
    return next((kind for key, kind in GROUP_KEYWORDS if f" {key} " in words), None)


def parse_annex(
    header: list[str],
    rows: list[Row],
    mapping: Mapping,
    *,
    file: str,
    declared_groups: dict[str, str],
    header_row: int = 1,
) -> tuple[list[AnnexRow], list[Problem]]:
    """Locate columns and groups; report missing columns and rows outside any group.

    The first problem is an 'info' saying which column was read as what, for the officer to check.
    """
    columns = locate_columns(header, mapping)
    found, total_scale = _indicator_columns(header, mapping)
    problems = _missing_columns(columns, found, mapping, file=file, row=header_row)
    if problems:
        return [], problems
    problems.append(_columns_used(header, columns, found, mapping, file=file, row=header_row))

    parsed: list[AnnexRow] = []
    kind: str | None = None
    label = ""
    for row in rows:
        number_cell = row.cells.get(columns["row_number"])
        unit_cell = row.cells.get(columns["unit"])
        if is_roman_numeral(number_cell):
            label = str(unit_cell or "")
            kind = group_kind(label, declared_groups)
            if kind is None:
                problems.append(
                    Problem(
                        file, row.number, columns["unit"], label, "group", "cannot tell the group's unit kind"
                    )
                )
            continue
        if unit_cell is None and _is_note(row, number_cell):
            continue  # 'Ghi chú: (*) …' or the signature block under the table
        if unit_cell is None:
            problems.append(
                Problem(file, row.number, columns["unit"], None, "required-value", "unit name missing")
            )
            continue
        if not label:
            problems.append(
                Problem(
                    file, row.number, columns["row_number"], str(number_cell), "group", "row before any group"
                )
            )
            continue
        unit_row, problem = _unit_row(
            row,
            str(unit_cell),
            columns,
            found,
            mapping,
            group=(kind, label),
            total_scale=total_scale,
            file=file,
        )
        parsed.append(unit_row)
        problems += [problem] if problem else []
    return parsed, problems


def _indicator_columns(header: list[str], mapping: Mapping) -> tuple[dict[str, str], str | None]:
    """Each index code's column in this file, and the total's scale when it came from a column printed
    in points or in percent rather than under the index's own name."""
    indicator_columns = {code: _match_header(header, (name,)) for name, code in mapping.indicators.items()}
    total_scale = None
    if indicator_columns.get(mapping.total) is None:
        for scale, names in (("percent", mapping.total_percent), ("points", mapping.total_points)):
            indicator_columns[mapping.total] = _match_header(header, names)
            if indicator_columns[mapping.total]:
                total_scale = scale
                break
    return {code: column for code, column in indicator_columns.items() if column}, total_scale


def _missing_columns(
    columns: dict[str, str | None], found: dict[str, str], mapping: Mapping, *, file: str, row: int
) -> list[Problem]:
    """No index column at all, or no row-number or unit column: the table cannot be read."""
    problems: list[Problem] = []
    if not found:
        expected = " / ".join(mapping.indicators)
        problems.append(Problem(file, row, expected, None, "required-column", "no index column found"))
    for role in ("row_number", "unit"):
        if columns[role] is None:
            expected = " / ".join(getattr(mapping, role))
            problems.append(
                Problem(file, row, expected, None, "required-column", "required column is missing")
            )
    return problems


def _unit_row(
    row: Row,
    unit_cell: str,
    columns: dict[str, str | None],
    found: dict[str, str],
    mapping: Mapping,
    *,
    group: tuple[str | None, str],
    total_scale: str | None,
    file: str,
) -> tuple[AnnexRow, Problem | None]:
    """One unit's line: footnote marks split off, 'not ranked' texts and a combined '01 (0,727)' total
    read; a rank that is not a number is a problem, the row is kept without it."""
    rank_cell = row.cells.get(columns["rank"]) if columns["rank"] else None
    unit_name, mark = split_footnote(unit_cell)
    footnotes = [mark] if mark else []
    values = {}
    for code, column in found.items():
        values[code] = row.cells.get(column)
        if isinstance(values[code], str):
            values[code], mark = split_footnote(values[code])
            footnotes += [mark] if mark else []
    published = {code: row.cells.get(column) for code, column in found.items()}
    class_cell = row.cells.get(columns["class"]) if columns["class"] else None
    said = [not_ranked_text(cell) for cell in (rank_cell, class_cell, values.get(mapping.total))]
    not_ranked = next((text for text in said if text), None)
    if not_ranked:  # a not-ranked row has no rank or class, and no score where the text stands
        rank_cell = class_cell = None
        values = {code: None if not_ranked_text(cell) else cell for code, cell in values.items()}
    combined = parse_rank_and_score(values.get(mapping.total))
    if combined:  # '01 (0,727)': rank and score in the total cell
        rank_cell = rank_cell if rank_cell is not None else combined[0]
        values[mapping.total] = combined[1]
    problem = None
    try:
        rank = parse_rank(rank_cell)
    except ValueError:
        problem = Problem(file, row.number, columns["rank"], str(rank_cell), "type", "rank is not a number")
        rank = None
    kind, label = group
    unit_row = AnnexRow(
        row.number,
        kind,
        label,
        unit_name,
        values,
        rank,
        split_footnote(str(class_cell))[0] if class_cell else None,
        published,
        found,
        total_scale,
        tuple(footnotes),
        not_ranked,
    )
    return unit_row, problem


def _is_note(row: Row, number_cell: object) -> bool:
    """A line of text under the table: only its first cell filled, with words rather than a number."""
    filled = [cell for cell in row.cells.values() if cell is not None]
    return isinstance(number_cell, str) and len(filled) == 1 and not number_cell.strip().isdigit()


def _columns_used(
    header: list[str],
    roles: dict[str, str | None],
    found: dict[str, str],
    mapping: Mapping,
    *,
    file: str,
    row: int,
) -> Problem:
    """An 'info' naming each column read (letter, header, meaning) and the indices not in the file."""
    meanings = {column: role.replace("_", " ") for role, column in roles.items() if column}
    meanings.update({column: code for code, column in found.items()})
    used = "; ".join(
        f"{column_letter(header.index(column))} '{column}' → {meaning}"
        for column, meaning in meanings.items()
    )
    absent = [code for code in dict.fromkeys(mapping.indicators.values()) if code not in found]
    message = f"columns used: {used}" + (f"; not in the file: {', '.join(absent)}" if absent else "")
    return Problem(file, row, None, None, "columns", message, "info")
