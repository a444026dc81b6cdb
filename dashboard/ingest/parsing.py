"""Reading published tables: encodings, Vietnamese numbers, CSV/XLSX rows. Pure; imports nothing of ours."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

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
        super().__init__(problems)

    def __str__(self) -> str:  # written out only when asked: a broken file can have 100,000s of problems
        return "\n".join(str(p) for p in self.problems)


PROBLEMS_SHOWN = 200  # a preview lists this many problems and counts the rest


def first_problems(problems: list[Problem], limit: int = PROBLEMS_SHOWN) -> tuple[list[Problem], int]:
    """The problems a preview lists (in the order found) and how many more it only counts."""
    if limit <= 0:
        return problems, 0
    return problems[:limit], max(0, len(problems) - limit)


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
            raise ImportRejected([mojibake_problem(file, number, None, fragment)])
    return text


def mojibake_problem(file: str, row: int | None, column: str | None, fragment: str) -> Problem:
    """The problem of a double-encoded fragment."""
    return Problem(
        file,
        row,
        column,
        fragment,
        "mojibake",
        "the text looks double-encoded (UTF-8 read as Latin-1); re-export from the original",
    )


_ROMAN = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})\.?$")


def is_roman_numeral(text: object) -> bool:
    """Tell whether a row-number cell is a group heading such as 'I', 'II.' or 'IV'."""
    return isinstance(text, str) and bool(_ROMAN.match(text.strip().upper()))


class AmbiguousNumber(ValueError):
    """A number that reads two ways ('91.470': 91.47 or 91470); the message asks which."""

    def __init__(self, text: str) -> None:
        whole, decimals = text.split(".")
        super().__init__(
            f"'{text}' may be {whole}.{decimals.rstrip('0') or '0'} (decimal point) or {whole}{decimals} "
            f"(thousands separator): write it as {whole},{decimals.rstrip('0') or '0'} or {whole}{decimals}"
        )


# A footnote mark after a name or number: 'Sở Y tế (*)', 'UBND huyện Lý Sơn (1)', '95,26*', 'Ban Dân tộc¹'.
_FOOTNOTE = re.compile(r"\s*(\(\s*(?:\*{1,3}|\d{1,2}|[a-z])\s*\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def split_footnote(text: str) -> tuple[str, str | None]:
    """Split a trailing footnote mark off a cell: ('Sở Y tế', '(*)'); (text, None) when there is none."""
    match = _FOOTNOTE.search(text)
    if not match or match.start() == 0:
        return text, None
    return text[: match.start()], match.group(1).strip()


def parse_number(cell: object, *, vietnamese: bool = True) -> float | None:
    """Parse a number written Vietnamese style ('95,26', '95,26%', '1.234,5') or plainly.

    Vietnamese style: several '.' groups of exactly three digits are thousands ('1.234.567'); a single
    one ('91.470', '1.234') reads two ways and raises AmbiguousNumber, never guessed; otherwise '.' is a
    decimal point ('95.26', '0.727'). With vietnamese=False (the project's own tidy files) '.' is always
    the decimal point and ',' is refused. Raises ValueError for text that is not a number.
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
    elif re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        raise AmbiguousNumber(text)
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3}){2,}", text):
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


def parse_date(text: str | None) -> date | None:
    """Parse an ISO date, or a bare year meaning its first day; empty means unknown."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if len(text) == 4 and text.isdigit():
        return date(int(text), 1, 1)
    return date.fromisoformat(text)
