"""Reading published tables: encodings, Vietnamese numbers, CSV/XLSX rows. Pure; imports nothing of ours."""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

# Byte pairs that UTF-8 Vietnamese turns into when decoded as Latin-1/cp1252 and saved again.
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]|Æ[°¯]|á»|áº|Ä‘|Æ°")


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, precise enough to fix the file without guessing."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        value = f" (value {self.value!r})" if self.value not in (None, "") else ""
        return f"{self.severity.upper()} {where}: {self.message}{value} [{self.rule}]"


class ImportRejected(Exception):
    """Raised when a file has errors; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Row:
    """A data row with its line number in the file (header is row 1)."""

    number: int
    cells: dict[str, object]


def _utf16_without_bom(data: bytes) -> str | None:
    """Tell UTF-16 without a byte-order mark by its NUL bytes (ASCII text has one in every pair)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < len(data) // 4:  # at least half the characters must be ASCII
        return None
    try:
        return data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None


def find_mojibake(text: str) -> str | None:
    """Return the first double-encoded fragment in a text (UTF-8 read as Latin-1/cp1252), else None."""
    match = _MOJIBAKE.search(text)
    return match.group(0) if match else None


def _encoding_error(file: str, message: str) -> ImportRejected:
    return ImportRejected([Problem(file, None, None, None, "encoding", message)])


def decode(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16; refuse anything else and mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _encoding_error(file, f"invalid UTF-16 at byte offset {error.start}") from None
    elif b"\x00" in data:
        text = _utf16_without_bom(data) or ""
        if not text:
            raise _encoding_error(file, "the file contains NUL bytes: it is not a text file")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _encoding_error(
                file,
                f"the file is not UTF-8 or UTF-16 (invalid byte at offset {error.start}); it may be "
                "Windows-1258 or TCVN3: save it again as 'CSV UTF-8'",
            ) from None
    for number, line in enumerate(text.splitlines(), start=1):
        fragment = find_mojibake(line)
        if fragment:
            raise ImportRejected([_mojibake_problem(file, number, None, fragment)])
    return text


def _mojibake_problem(file: str, row: int | None, column: str | None, fragment: str) -> Problem:
    return Problem(
        file,
        row,
        column,
        fragment,
        "mojibake",
        "the text looks double-encoded (UTF-8 read as Latin-1); re-export from the original",
    )


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Read a CSV or XLSX file into its header and numbered rows; blank rows are skipped."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        header, raw_rows = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        text = decode(path.read_bytes(), path.name)
        raw_rows = list(csv.reader(io.StringIO(text)))
        header, raw_rows = (raw_rows[0], raw_rows[1:]) if raw_rows else ([], [])
    else:
        raise ImportRejected(
            [Problem(path.name, None, None, suffix, "format", "unsupported file type; use .csv or .xlsx")]
        )
    header = [str(h).strip() for h in header]
    problems = [
        Problem(path.name, 1, name, None, "duplicate-column", "the header names this column twice")
        for index, name in enumerate(header)
        if name and name in header[:index]
    ]
    rows = []
    for offset, raw in enumerate(raw_rows, start=2):
        if all(cell is None or str(cell).strip() == "" for cell in raw):
            continue
        extra = [cell for cell in raw[len(header) :] if cell is not None and str(cell).strip()]
        if extra:
            problems.append(
                Problem(
                    path.name,
                    offset,
                    None,
                    str(extra[0]),
                    "extra-cells",
                    "the row has more cells than the header",
                )
            )
        padded = list(raw) + [None] * (len(header) - len(raw))
        rows.append(Row(offset, {name: _clean(padded[i]) for i, name in enumerate(header) if name}))
    if problems:
        raise ImportRejected(problems)
    return header, rows


def _read_xlsx(path: Path) -> tuple[list[str], list[list[object]]]:
    from openpyxl import load_workbook  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError) as error:
        raise ImportRejected(
            [Problem(path.name, None, None, None, "format", f"not a readable .xlsx workbook ({error})")]
        ) from None
    header = [str(v if v is not None else "") for v in values[0]] if values else []
    for number, row in enumerate(values, start=1):  # spreadsheets bypass decode(): check their text here
        for index, cell in enumerate(row):
            fragment = find_mojibake(cell) if isinstance(cell, str) else None
            if fragment:
                column = header[index] if index < len(header) and number > 1 else None
                raise ImportRejected([_mojibake_problem(path.name, number, column, fragment)])
    return (header, values[1:]) if values else ([], [])


def _clean(cell: object) -> object:
    if isinstance(cell, str):
        cell = cell.replace("\u00a0", " ").strip()
        return cell or None
    return cell


_ROMAN = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})\.?$")


def is_roman_numeral(text: object) -> bool:
    """Tell whether a row-number cell is a group heading such as 'I', 'II.' or 'IV'."""
    return isinstance(text, str) and bool(_ROMAN.match(text.strip().upper()))


def parse_number(cell: object, *, vietnamese: bool = True) -> float | None:
    """Parse a number written Vietnamese style ('95,26', '95,26%', '1.234,5') or plainly.

    Vietnamese style: a '.' followed by exactly three digits in every group, after a leading digit that
    is not 0, is a thousands separator ('1.234' = 1234); otherwise it is a decimal point ('95.26',
    '0.727'). With vietnamese=False (the project's own tidy files) '.' is always the decimal point and
    ',' is refused. Raises ValueError for text that is not a number.
    """
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        if isinstance(cell, float) and math.isnan(cell):
            return None
        return float(cell)
    text = str(cell).strip().replace(" ", "").rstrip("%")
    if text in ("", "-", "–"):
        return None
    if not vietnamese:
        pass
    elif "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError(cell)
    return float(text)


_RANK_WITH_SCORE = re.compile(r"^\s*(\d+)\s*\(\s*([\d.,]+)\s*\)\s*$")


def parse_rank_and_score(cell: object) -> tuple[int, float] | None:
    """Split a combined cell such as '01 (0,727)' into (rank, score); None if it is not that shape."""
    if not isinstance(cell, str):
        return None
    match = _RANK_WITH_SCORE.match(cell)
    if not match:
        return None
    score = parse_number(match.group(2))
    return int(match.group(1)), float(score) if score is not None else math.nan


def parse_rank(cell: object) -> int | None:
    """Parse a published rank ('3', '03', 3.0, 'Đồng hạng 3'); raises ValueError for anything else."""
    if cell is None:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if float(cell) != int(cell) or cell < 1:
            raise ValueError(cell)
        return int(cell)
    combined = parse_rank_and_score(cell)
    if combined:
        return combined[0]
    match = re.fullmatch(r"(?:đồng hạng\s*)?0*(\d+)", str(cell).strip().lower())
    if not match or int(match.group(1)) < 1:
        raise ValueError(cell)
    return int(match.group(1))
