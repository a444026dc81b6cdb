"""Write data/templates/bo-chi-so-mau.xlsx from the CSV template beside it (the two must say the same; a
test reads both). Run: python scripts/method_template_xlsx.py"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

TEMPLATES = Path(__file__).resolve().parent.parent / "data" / "templates"
NUMERIC = {"max_value", "lower_bound"}


def main() -> None:
    """Copy the CSV's rows into a one-sheet workbook, numbers as numbers, the header bold and frozen."""
    with (TEMPLATES / "bo-chi-so-mau.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Bo chi so"
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
    for column, width in zip("ABCDEFGHIJKL", (8, 28, 16, 44, 44, 9, 10, 24, 16, 12, 12, 9), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.properties.creator = "Minh bạch CNTT Quảng Ngãi"
    workbook.save(TEMPLATES / "bo-chi-so-mau.xlsx")


if __name__ == "__main__":
    main()
