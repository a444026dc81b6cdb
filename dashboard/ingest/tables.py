"""Reading tables as published: CSV in any of the usual encodings and separators, XLSX with a title block
and a two-level merged header. Returns the header, numbered rows and where the header was found.

May import: parsing. Pure apart from reading the file.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest.parsing import ImportRejected, Problem, Row, decode, find_mojibake, mojibake_problem

DELIMITERS = (",", ";", "\t")  # Excel in Vietnamese settings saves ';'; "Unicode text" saves tabs
HEADER_SEARCH_ROWS = 30  # a title block (issuer, decision, annex title) is a few rows; never more than this
LEVEL_SEPARATOR = " › "  # between a merged parent header and its sub-column in a flattened name
_COLUMN_NUMBERS = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")  # the '(1) (2) (3)' row under many annex headers


@dataclass(frozen=True)
class Table:
    """A file's header (flattened), its data rows and where the header was found (1-based rows)."""

    header: list[str]
    rows: list[Row]
    header_row: int = 1
    header_rows: int = 1
    delimiter: str | None = None

    def describe(self) -> str:
        """Say where the header was read, for the officer to check."""
        last = self.header_row + self.header_rows - 1
        where = f"row {self.header_row}" if last == self.header_row else f"rows {self.header_row}–{last}"
        separator = {",": "','", ";": "';'", "\t": "tab"}.get(self.delimiter or "", "")
        return f"header on {where}" + (f", separator {separator}" if separator else "")


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def clean(cell: object) -> object:
    """NFC-normalise text (an NFD 'Tốt' is 'Tốt'), drop no-break spaces and padding; '' becomes None."""
    if isinstance(cell, str):
        cell = unicodedata.normalize("NFC", cell).replace("\u00a0", " ").strip()
        return cell or None
    return cell


def sniff_delimiter(text: str) -> str:
    """Pick the separator that splits the first lines into the most columns, consistently."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_width = ",", 0
    for delimiter in DELIMITERS:
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1)
        consistent = [width for width, count in widths.items() if count >= min(2, len(lines))]
        width = max(consistent, default=0)
        if width > best_width:
            best, best_width = delimiter, width
    return best


def _csv_rows(path: Path) -> tuple[Iterator[list[str]], str]:
    text = decode(path.read_bytes(), path.name)
    delimiter = sniff_delimiter(text)
    return csv.reader(io.StringIO(text), delimiter=delimiter), delimiter


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        values = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError) as error:
        raise ImportRejected(
            [Problem(path.name, None, None, None, "format", f"not a readable .xlsx workbook ({error})")]
        ) from None
    first = [str(v) if v is not None else "" for v in values[0]] if values else []
    for number, row in enumerate(values, start=1):  # spreadsheets bypass decode(): check their text here
        for index, cell in enumerate(row):
            fragment = find_mojibake(cell) if isinstance(cell, str) else None
            if fragment:
                named = number > 1 and index < len(first) and first[index]
                column = first[index] if named else column_letter(index)
                raise ImportRejected([mojibake_problem(path.name, number, column, fragment)])
    return values


def _blank(raw: list[object]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in raw)


def _texts(raw: list[object]) -> list[str]:
    return [str(clean(cell) or "") for cell in raw]


def _is_subheader(below: list[str], header: list[str]) -> bool:
    """A second header level: text only, and naming a sub-column under a cell merged across columns."""
    if _blank(below) or any(_is_number_like(cell) for cell in below if cell):
        return False
    width = max(len(header), len(below))
    header = header + [""] * (width - len(header))
    return any(cell and not header[i] for i, cell in enumerate(below))


def _is_number_like(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d.,%\s]+", cell)) or bool(re.fullmatch(r"[IVXL]+\.?", cell.upper()))


def _flatten(top: list[str], below: list[str]) -> list[str]:
    """Join a two-level header: a merged parent is carried over the sub-columns under it."""
    width = max(len(top), len(below))
    top, below = top + [""] * (width - len(top)), below + [""] * (width - len(below))
    names, parent = [], ""
    for upper, lower in zip(top, below, strict=True):
        if upper:
            parent = upper
        elif not lower:
            parent = ""
        current = upper or (parent if lower else "")
        names.append(f"{current}{LEVEL_SEPARATOR}{lower}" if current and lower else current or lower)
    return names


def _find_header(
    matrix: list[list[object]],
    is_header: Callable[[list[str]], bool],
    file: str,
    near_miss: Callable[[str, int, list[str]], Problem | None] | None = None,
) -> int:
    for index, raw in enumerate(matrix[:HEADER_SEARCH_ROWS]):
        if is_header(_texts(raw)):
            return index
    # A row that is the header but for one column: say which row and which column, not "no header".
    for index, raw in enumerate(matrix[:HEADER_SEARCH_ROWS] if near_miss else ()):
        problem = near_miss(file, index + 1, _texts(raw))  # type: ignore[misc]
        if problem:
            raise ImportRejected([problem])
    raise ImportRejected(
        [
            Problem(
                file,
                None,
                None,
                None,
                "header-not-found",
                f"no header row in the first {HEADER_SEARCH_ROWS} rows: the table needs a row naming its "
                "columns (for example 'STT', 'Đơn vị', the indices, 'Xếp hạng')",
            )
        ]
    )


def read_table(
    path: Path,
    *,
    is_header: Callable[[list[str]], bool] | None = None,
    near_miss: Callable[[str, int, list[str]], Problem | None] | None = None,
) -> Table:
    """Read a CSV or XLSX file: the header (row 1, or the first row `is_header` accepts, with a second
    level joined to it), then the numbered data rows; blank rows and a '(1) (2) (3)' row are skipped.
    When no row is the header, `near_miss` names the row that nearly is and the column it lacks."""
    suffix = path.suffix.lower()
    delimiter = None
    if suffix == ".xlsx":
        reader: Iterator[list] = iter(_xlsx_rows(path))
    elif suffix in (".csv", ".txt"):
        reader, delimiter = _csv_rows(path)
    else:
        raise ImportRejected(
            [Problem(path.name, None, None, suffix, "format", "unsupported file type; use .csv or .xlsx")]
        )
    # Only the first rows are held to find the header; the rest stream into Row objects (a large file
    # is never held twice).
    head = list(itertools.islice(reader, HEADER_SEARCH_ROWS + 2))
    start = _find_header(head, is_header, path.name, near_miss) if is_header and head else 0
    header = _texts(head[start]) if head else []
    levels = 1
    if is_header and start + 1 < len(head) and _is_subheader(_texts(head[start + 1]), header):
        header, levels = _flatten(header, _texts(head[start + 1])), 2
    while header and not header[-1]:
        header.pop()
    rest = itertools.chain(head[start + levels :], reader)
    return Table(header, _rows(path.name, header, rest, start + levels), start + 1, levels, delimiter)


def _rows(file: str, header: list[str], raw_rows: Iterable[list], first: int) -> list[Row]:
    problems = [
        Problem(file, first, name, None, "duplicate-column", "the header names this column twice")
        for index, name in enumerate(header)
        if name and name in header[:index]
    ]
    rows = []
    named = [(i, name) for i, name in enumerate(header) if name]
    for offset, raw in enumerate(raw_rows, start=first + 1):
        if _blank(raw):
            continue
        if offset == first + 1 and all(_COLUMN_NUMBERS.match(str(c).strip()) for c in raw if c is not None):
            continue  # the row of column numbers printed under the header
        extra = [cell for cell in raw[len(header) :] if cell is not None and str(cell).strip()]
        if extra:
            problems.append(
                Problem(
                    file, offset, None, str(extra[0]), "extra-cells", "the row has more cells than the header"
                )
            )
        width = len(raw)
        rows.append(Row(offset, {name: clean(raw[i]) if i < width else None for i, name in named}))
    if problems:
        raise ImportRejected(problems)
    return rows


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Read a tidy CSV or XLSX file (header on row 1) into its header and numbered rows."""
    table = read_table(path)
    return table.header, table.rows
