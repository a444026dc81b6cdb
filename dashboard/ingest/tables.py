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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest.parsing import ImportRejected, Problem, Row, decode, find_mojibake, mojibake_problem

DELIMITERS = (",", ";", "\t")  # Excel in Vietnamese settings saves ';'; "Unicode text" saves tabs
HEADER_SEARCH_ROWS = 30  # a title block (issuer, decision, annex title) is a few rows; never more than this
LEVEL_SEPARATOR = " › "  # between a merged parent header and its sub-column in a flattened name
_COLUMN_NUMBERS = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")  # the '(1) (2) (3)' row under many annex headers


@dataclass(frozen=True)
class Limits:
    """The most a file may hold, whatever it declares: a sheet's stated size (`<dimension ref>`) is never
    trusted, only the cells that hold data count. The defaults fit any annex and a million-row tidy file."""

    rows: int = 2_000_000
    columns: int = 256  # an annex has a few dozen; Excel allows 16,384
    cells: int = 10_000_000  # up to each row's last cell with data


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


def _too_big(file: str, row: int | None, column: str | None, message: str) -> ImportRejected:
    return ImportRejected([Problem(file, row, column, None, "too-large", message)])


def _limited(file: str, raw_rows: Iterable[Sequence[object]], limits: Limits) -> Iterator[Sequence[object]]:
    """The rows trimmed of their trailing empty cells, refused (naming the file and the limit) past a
    limit. Blank rows between data are kept as empty rows (row numbers stay true); blank rows after the
    last data row, however many the file declares, are dropped without being held."""
    cells = blank = 0
    for number, raw in enumerate(raw_rows, start=1):
        width = len(raw)
        while width and _empty(raw[width - 1]):
            width -= 1
        if not width:
            blank += 1
            continue
        if width > limits.columns:
            message = (
                f"the file has data in column {column_letter(width - 1)}, beyond the {limits.columns} "
                "columns a table may have: delete what lies right of the table"
            )
            raise _too_big(file, number, column_letter(width - 1), message)
        if number > limits.rows:
            message = f"the file has data past row {limits.rows:,}, the most a file may have: split the file"
            raise _too_big(file, number, None, message)
        cells += width
        if cells > limits.cells:
            message = f"the file holds more than {limits.cells:,} cells, the most a file may have: split it"
            raise _too_big(file, number, None, message)
        yield from itertools.repeat((), blank)
        blank = 0
        yield raw if width == len(raw) else raw[:width]


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _xlsx_rows(path: Path, limits: Limits) -> Iterator[Sequence[object]]:
    """Stream the first sheet's rows within the limits, checking their text on the way."""
    from openpyxl import load_workbook  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except unreadable as error:
        raise _unreadable(path, error) from None
    # The declared dimension would make openpyxl pad every row (and add rows) up to it: a 1.5 KB file
    # declaring A1:XFD1048576 would unpack into 17 billion cells. Only the cells present are read.
    sheet.reset_dimensions()
    first: list[str] = []
    try:
        for number, row in enumerate(_limited(path.name, sheet.iter_rows(values_only=True), limits), 1):
            if number == 1:
                first = [str(v) if v is not None else "" for v in row]
            _check_text(path.name, number, row, first)
            yield row
    except unreadable as error:
        raise _unreadable(path, error) from None
    finally:
        workbook.close()


def _unreadable(path: Path, error: Exception) -> ImportRejected:
    return ImportRejected(
        [Problem(path.name, None, None, None, "format", f"not a readable .xlsx workbook ({error})")]
    )


def _check_text(file: str, number: int, row: Sequence[object], first: list[str]) -> None:
    """Spreadsheets bypass decode(): their text is checked for mojibake here."""
    for index, cell in enumerate(row):
        fragment = find_mojibake(cell) if isinstance(cell, str) else None
        if fragment:
            named = number > 1 and index < len(first) and first[index]
            column = first[index] if named else column_letter(index)
            raise ImportRejected([mojibake_problem(file, number, column, fragment)])


def _blank(raw: Sequence[object]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in raw)


def _texts(raw: Sequence[object]) -> list[str]:
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
    matrix: list[Sequence[object]],
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
    limits: Limits | None = None,
) -> Table:
    """Read a CSV or XLSX file: the header (row 1, or the first row `is_header` accepts, with a second
    level joined to it), then the numbered data rows; blank rows and a '(1) (2) (3)' row are skipped.
    When no row is the header, `near_miss` names the row that nearly is and the column it lacks.
    A file past `limits` is refused (ImportRejected naming the file and the limit) before it is held."""
    suffix = path.suffix.lower()
    delimiter = None
    limits = limits or Limits()
    if suffix == ".xlsx":
        reader: Iterator[Sequence[object]] = _xlsx_rows(path, limits)
    elif suffix in (".csv", ".txt"):
        rows, delimiter = _csv_rows(path)
        reader = _limited(path.name, rows, limits)
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


def _rows(file: str, header: list[str], raw_rows: Iterable[Sequence[object]], first: int) -> list[Row]:
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
