"""The one CSV writer: every CSV file the app sends (open data, corrections, the audit log) is written here.

Imports nothing of ours, so the API, the publishing pages and the web layer can all use it.

Dialect (documented in docs/OPEN_DATA.md): UTF-8 with BOM so Excel opens Vietnamese text, comma, CRLF line
ends (RFC 4180), '.' decimal point, ISO 8601 dates, empty cell for missing, no metadata rows.

Formula injection (OWASP "CSV Injection") has one rule, `neutralize`: a text cell is prefixed with an
apostrophe when it starts with `= + - @`, a tab or a carriage return, also after leading whitespace or
double quotes (a spreadsheet that trims them would still run the formula). Values typed as numbers are
written as numbers, so -3.5 stays -3.5; only text is neutralized, and text that reads "-3.5" is text.
A payload after a separator (`x;=cmd|' /C calc'!A0`: Excel in a locale whose list separator is ';',
Vietnamese among them, splits unquoted cells there) is defeated by quoting: every cell holding a comma,
semicolon, tab, quote or line break is quoted, so no reader that honours RFC 4180 quotes splits it. The
text after the separator is not altered, because a published name or note must read exactly as published.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime

BOM = "\ufeff"
LINE_TERMINATOR = "\r\n"
# A text cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_TRANSPARENT = ' \t\r\n"\u00a0\u3000'
_QUOTED = re.compile(r'[,";\t\r\n]')


def neutralize(text: str) -> str:
    """Make a text cell inert in spreadsheets (OWASP: prefix an apostrophe to formula-like text)."""
    if text.startswith(FORMULA_PREFIXES) or text.lstrip(_TRANSPARENT).startswith(FORMULA_PREFIXES[:4]):
        return "'" + text
    return text


def _number_text(value: float) -> str:
    # Shortest round-trip repr; whole numbers without '.0' so counts read as counts.
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def cell_text(value: object) -> str:
    """The CSV text of a plain value; only text is neutralized, so -3.5 stays a number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "" if math.isnan(value) else _number_text(value)  # NaN is a missing value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralize(str(value))


def _field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if _QUOTED.search(text) else text


def line(values: Iterable[object]) -> str:
    """One CSV record of plain values, with its line end."""
    return ",".join(_field(cell_text(value)) for value in values) + LINE_TERMINATOR


def chunks(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, chunk_rows: int = 2000
) -> Iterator[bytes]:
    """Yield a CSV file in chunks: BOM and header first, then `chunk_rows` rows at a time (for streaming)."""
    yield (BOM + line(header)).encode("utf-8")
    lines: list[str] = []
    for row in rows:
        lines.append(line(row))
        if len(lines) >= chunk_rows:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def document(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A whole CSV file as bytes."""
    return b"".join(chunks(header, rows))
