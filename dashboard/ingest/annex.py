"""The annex layout the province publishes, turned into tidy observation rows. Pure; no database.

Layout: `STT`/`TT`, `Đơn vị`, one column per sub-index, a total or percent-of-maximum column, `Xếp hạng`,
`Xếp loại`; group heading rows (`I`, `II` with the group's name) separate departments from district
committees. A mapping file per methodology (data/mappings/*.json) maps column headers to indicator codes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.ingest.names import fold
from dashboard.ingest.parsing import Problem, Row, is_roman_numeral, parse_rank, parse_rank_and_score

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
        )


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


def _match_header(header: list[str], candidates: tuple[str, ...]) -> str | None:
    wanted = {fold(c) for c in candidates}
    return next((h for h in header if fold(h) in wanted), None)


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
    header: list[str], rows: list[Row], mapping: Mapping, *, file: str, declared_groups: dict[str, str]
) -> tuple[list[AnnexRow], list[Problem]]:
    """Locate columns and groups; report missing columns and rows outside any group."""
    problems: list[Problem] = []
    columns = locate_columns(header, mapping)
    indicator_columns = {code: _match_header(header, (name,)) for name, code in mapping.indicators.items()}
    for name, code in mapping.indicators.items():
        if indicator_columns[code] is None:
            problems.append(Problem(file, 1, name, None, "required-column", f"column for {code} is missing"))
    for role in ("row_number", "unit"):
        if columns[role] is None:
            expected = " / ".join(getattr(mapping, role))
            problems.append(Problem(file, 1, expected, None, "required-column", "required column is missing"))
    if problems:
        return [], problems

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
        rank_cell = row.cells.get(columns["rank"]) if columns["rank"] else None
        values = {code: row.cells.get(column) for code, column in indicator_columns.items() if column}
        published = dict(values)
        combined = parse_rank_and_score(values.get(mapping.total))
        if combined:  # '01 (0,727)': rank and score in the total cell
            rank_cell = rank_cell if rank_cell is not None else combined[0]
            values[mapping.total] = combined[1]
        try:
            rank = parse_rank(rank_cell)
        except ValueError:
            problems.append(
                Problem(file, row.number, columns["rank"], str(rank_cell), "type", "rank is not a number")
            )
            rank = None
        class_cell = row.cells.get(columns["class"]) if columns["class"] else None
        parsed.append(
            AnnexRow(
                row.number,
                kind,
                label,
                str(unit_cell),
                values,
                rank,
                str(class_cell) if class_cell else None,
                published,
                {code: column for code, column in indicator_columns.items() if column},
            )
        )
    return parsed, problems
