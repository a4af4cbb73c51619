"""Table rows from a CSV or XLSX file beside the report (the first row is usually the header)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse


class TableError(ValueError):
    """A table file that cannot be read; `hint` says what to do."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


Row = tuple[int, list]
"""(the row's line in a CSV file or row number in a sheet, its cells: text, numbers or None)."""

Merge = tuple[int, int, int, int]
"""A merged range of a sheet: (first row number, first column, rows, columns), columns 0-based."""


@dataclass(frozen=True)
class TableFile:
    """What a table file holds: its rows that are not empty, and an XLSX sheet's merged cells."""

    rows: list[Row]
    merges: list[Merge] = field(default_factory=list)


def read_table(path: Path, sheet: str | None = None) -> TableFile:
    """The rows of `path` that are not empty, each with its place in the file."""
    if not path.is_file():
        raise TableError(f"table file {path.name} not found", "the path is relative to the YAML")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return TableFile(_read_csv(path))
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    raise TableError(f"cannot read tables from {path.suffix or 'this'} files",
                     "use a .csv (UTF-8) or .xlsx file")


def _read_csv(path: Path) -> list[Row]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(f"{path.name} is not UTF-8 (Excel saves CSV as GBK by default)",
                         "in Excel choose 'CSV UTF-8', or use the .xlsx file itself") from None
    reader = csv.reader(text.splitlines())
    rows = [(reader.line_num, [cell.strip() for cell in row]) for row in reader
            if any(c.strip() for c in row)]
    if not rows:
        raise TableError(f"{path.name} is empty")
    return rows


def _read_xlsx(path: Path, sheet: str | None) -> list[Row]:
    try:
        import openpyxl
    except ImportError:
        raise TableError("reading .xlsx needs openpyxl", "pip install openpyxl") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError(f"cannot open {path.name}: {exc}") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableError(f"{path.name} has no sheet `{sheet}`",
                             "sheets: " + ", ".join(book.sheetnames))
        ws = book[sheet] if sheet else book.worksheets[0]
        every_row = [list(row) for row in ws.iter_rows(values_only=True)]
        title = ws.title
        merges = _merges(ws)
    finally:
        book.close()
    if any(cell is None for row in every_row for cell in row):
        _refuse_uncomputed_formulas(path, title, every_row)
    rows = [(n, row) for n, row in enumerate(every_row, 1)
            if any(c is not None and str(c).strip() for c in row)]
    if not rows:
        raise TableError(f"{path.name} has an empty sheet")
    width = max(len(r) for _, r in rows)
    return TableFile([(n, r + [None] * (width - len(r))) for n, r in rows], merges)


_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


def _merges(ws) -> list[Merge]:
    """The merged ranges of a sheet opened read-only, which openpyxl does not list: the
    `mergeCell` elements of the sheet's XML (after its rows)."""
    from openpyxl.utils.cell import range_boundaries

    source = getattr(ws, "_get_source", None)  # openpyxl's read-only sheet reads its XML here
    if source is None:
        return []
    merges = []
    with source() as xml:
        for _, element in iterparse(xml):
            if element.tag == _MERGE_TAG:
                first_col, first_row, last_col, last_row = range_boundaries(element.get("ref"))
                merges.append((first_row, first_col - 1, last_row - first_row + 1,
                               last_col - first_col + 1))
            element.clear()
    return merges


def _refuse_uncomputed_formulas(path: Path, sheet: str, values: list[list]) -> None:
    """A formula whose value the file does not hold (written by a program, never opened in a
    spreadsheet) would print as an empty cell, such as a blank 合计: it is an error instead."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        for r, row in enumerate(book[sheet].iter_rows(values_only=True)):
            for c, formula in enumerate(row):
                value = values[r][c] if r < len(values) and c < len(values[r]) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    raise TableError(
                        f"{path.name}: cell {get_column_letter(c + 1)}{r + 1} of sheet {sheet} "
                        f"holds the formula {formula} but not its value",
                        "open the file in Excel, WPS or LibreOffice and save it, so that the "
                        "computed values are stored, or type the value")
    finally:
        book.close()
