"""Write the XLSX templates of data/templates/ (the index-set file bo-chi-so-mau, the units file don-vi-mau)
from the CSV template beside each (the two must say the same; tests read both).
Run: python scripts/method_template_xlsx.py"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

TEMPLATES = Path(__file__).resolve().parent.parent / "data" / "templates"
NUMERIC = {"max_value", "lower_bound"}
# name -> (sheet title, column widths)
SHEETS = {
    "bo-chi-so-mau": ("Bo chi so", (8, 28, 16, 44, 44, 9, 10, 24, 16, 12, 12, 9)),
    "don-vi-mau": ("Don vi", (8, 20, 12, 10, 36, 36, 11, 30, 20, 50, 20, 24)),
}


def write(name: str) -> None:
    """Copy the CSV's rows into a one-sheet workbook, numbers as numbers, the header bold and frozen."""
    title, widths = SHEETS[name]
    target = TEMPLATES / f"{name}.xlsx"
    with (TEMPLATES / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    header = rows[0]
    for row in rows:
        cells = []
        for name, value in zip(header, row, strict=True):
            numeric = row is not header and (name in NUMERIC or name.startswith("max_value:")) and value
            cells.append(float(value) if numeric else value or None)
        sheet.append(cells)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    workbook.properties.creator = "Minh bạch CNTT Quảng Ngãi"
    workbook.save(target)


def main() -> None:
    """Write every template."""
    for name in SHEETS:
        write(name)


if __name__ == "__main__":
    main()
