"""Table rows from a CSV or XLSX file beside the report (the first row is usually the header).

Both are bounded before they are expanded: the file's size before it is read, an XLSX
package's unpacked size before openpyxl opens it, and rows, columns and cells as they are read
(a sheet that claims the cells A1:XFD1048576 is read by the cells it has, not by its claim).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse

from reportgen.budget import (
    MAX_FILE_BYTES,
    MAX_TABLE_CELLS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_UNPACKED_BYTES,
    megabytes,
)
from reportgen.files import UNREADABLE_HINT, SpecialFile, TooLarge, read_limited, relative_to


class TableError(ValueError):
    """A table file that cannot be read; `hint` says what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


Row = tuple[int, list]
"""(the row's line in a CSV file or row number in a sheet, its cells: text, numbers or None)."""

Merge = tuple[int, int, int, int]
"""A merged range of a sheet: (first row number, first column, rows, columns), columns 0-based."""

_SPLIT_HINT = "split it into several tables, or summarise it"


@dataclass(frozen=True)
class TableFile:
    """What a table file holds: its rows that are not empty, and an XLSX sheet's merged cells."""

    rows: list[Row]
    merges: list[Merge] = field(default_factory=list)


def read_table(path: Path, sheet: str | None = None, named_in: Path | None = None) -> TableFile:
    """The rows of `path` that are not empty, each with its place in the file; `named_in` is the
    report that names it (its hints say where the path is looked for)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise TableError(f"cannot read tables from {path.suffix or 'this'} files",
                         "use a .csv (UTF-8) or .xlsx file")
    try:
        data = read_limited(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise TableError(f"table file {path.name} not found",
                         f"the path is {relative_to(named_in)}") from None
    except TooLarge as exc:
        raise TableError(f"{path.name} is {megabytes(exc.size)}; a table file may be at most "
                         f"{megabytes(MAX_FILE_BYTES)}", _SPLIT_HINT) from None
    except SpecialFile as exc:  # a folder, a FIFO, a device
        raise TableError(f"{path.name} {exc}", "name a .csv or .xlsx file") from None
    except OSError as exc:
        raise TableError(f"cannot read {path.name}: {exc.strerror or exc}",
                         UNREADABLE_HINT) from None
    if suffix == ".csv":
        return TableFile(_read_csv(path, data))
    return _read_xlsx(path, data, sheet)


class _Bound:
    """Counts the rows and cells of a table as they are read; raises past the limits."""

    def __init__(self, name: str, place: str) -> None:
        self.name, self.place, self.rows, self.cells = name, place, 0, 0

    def add(self, number: int, cells: list, column_name) -> None:
        if len(cells) > MAX_TABLE_COLUMNS:
            raise TableError(f"{self.name}: {self.place} {number} reaches column "
                             f"{column_name(len(cells))}; a table may have at most "
                             f"{MAX_TABLE_COLUMNS} columns", _SPLIT_HINT)
        self.rows += 1
        self.cells += len(cells)
        if self.rows > MAX_TABLE_ROWS or self.cells > MAX_TABLE_CELLS:
            raise TableError(f"{self.name} has more than {MAX_TABLE_ROWS:,} rows or "
                             f"{MAX_TABLE_CELLS:,} cells (passed at {self.place} {number}), "
                             "more than a report may hold", _SPLIT_HINT)


def _read_csv(path: Path, data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(f"{path.name} is not UTF-8 (Excel saves CSV as GBK by default)",
                         "in Excel choose 'CSV UTF-8', or use the .xlsx file itself") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    bound = _Bound(path.name, "line")
    rows = []
    try:
        for row in reader:
            if any(c.strip() for c in row):
                bound.add(reader.line_num, row, lambda n: n)
                rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as exc:
        raise TableError(f"{path.name}: line {reader.line_num}: {exc}",
                         "a field this long is usually a quote \" that is never closed"
                         if "field limit" in str(exc) else "check the quotes on that line"
                         ) from None
    if not rows:
        raise TableError(f"{path.name} is empty", "the first line is the header row, then one "
                                                  "line per row, cells separated by commas")
    return rows


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> TableFile:
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise TableError("reading .xlsx needs openpyxl", "pip install openpyxl") from None
    _check_package(path, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError(f"cannot open {path.name}: {exc}",
                         "open it in Excel or WPS and save it again as .xlsx") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableError(f"{path.name} has no sheet `{sheet}`",
                             "sheets: " + ", ".join(book.sheetnames))
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = _sheet_rows(path, ws, get_column_letter)
        title = ws.title
        merges = _merges(path, ws)
    finally:
        book.close()
    if not rows:
        raise TableError(f"{path.name} has an empty sheet",
                         "fill the sheet, or name the one that holds the table with `sheet:`")
    width = max(len(r) for _, r in rows)  # a sheet's rows are as wide as its widest
    rows = [(n, r + [None] * (width - len(r))) for n, r in rows]
    if any(cell is None for _, row in rows for cell in row):
        _refuse_uncomputed_formulas(path, data, title, rows)
    return TableFile(rows, _clipped(merges, rows[-1][0], width))


def _clipped(merges: list[Merge], last_row: int, width: int) -> list[Merge]:
    """Merged ranges cut to the cells the table has: a range may reach to XFD1048576."""
    found = []
    for first, column, rows, columns in merges:
        if first <= last_row and column < width:
            found.append((first, column, min(rows, last_row - first + 1),
                          min(columns, width - column)))
    return found


def _check_package(path: Path, data: bytes) -> None:
    """Refuse a package whose XML would unpack to more than the budget (a zip bomb of a few
    megabytes can hold gigabytes), before openpyxl expands any of it. The sizes a package
    states are those zipfile holds its parts to, so they can be trusted; pictures and other
    media, which openpyxl does not unpack when only reading cells, are not counted."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist()
                           if info.filename.lower().endswith((".xml", ".rels", ".bin")))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TableError(f"{path.name} is not an .xlsx file (it is no zip package)",
                         "save it from Excel, WPS or LibreOffice as .xlsx") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise TableError(f"{path.name} unpacks to {megabytes(unpacked)}; a table file may "
                         f"unpack to at most {megabytes(MAX_UNPACKED_BYTES)}", _SPLIT_HINT)


def _sheet_rows(path: Path, ws, column_name) -> list[Row]:
    """The non-empty rows of a read-only sheet, trailing empty cells dropped, bounded."""
    ws.reset_dimensions()  # read the cells the sheet has, not the area it claims
    bound = _Bound(path.name, "row")
    rows: list[Row] = []
    number = 0
    try:
        for number, row in enumerate(ws.iter_rows(values_only=True), 1):
            cells = list(row)
            while cells and (cells[-1] is None or not str(cells[-1]).strip()):
                cells.pop()
            if cells:
                bound.add(number, cells, column_name)
                rows.append((number, cells))
    except TableError:
        raise
    except Exception as exc:  # a damaged cell: a bad number, a missing shared string …
        raise TableError(f"cannot read {path.name}, sheet {ws.title}, near row {number + 1}: "
                         f"{type(exc).__name__}: {exc}",
                         "open it in Excel, WPS or LibreOffice and save it again") from None
    return rows


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _merges(path: Path, ws) -> list[Merge]:
    """The merged ranges of a sheet opened read-only, which openpyxl does not list: the
    `mergeCell` elements of the sheet's XML (after its rows, which are let go as they pass),
    at most one a cell."""
    from openpyxl.utils.cell import range_boundaries

    source = getattr(ws, "_get_source", None)  # openpyxl's read-only sheet reads its XML here
    if source is None:
        return []
    merges: list[Merge] = []
    rows = None
    try:
        with source() as xml:
            for event, element in iterparse(xml, events=("start", "end")):
                if event == "start":
                    if element.tag == _MAIN + "sheetData":
                        rows = element
                    continue
                if element.tag == _MAIN + "row" and rows is not None:
                    rows.clear()  # the rows read so far: only the merges are wanted here
                elif element.tag == _MAIN + "mergeCell":
                    first_col, first_row, last_col, last_row = range_boundaries(
                        element.get("ref"))
                    merges.append((first_row, first_col - 1, last_row - first_row + 1,
                                   last_col - first_col + 1))
                    if len(merges) > MAX_TABLE_CELLS:
                        raise TableError(f"{path.name} has more than {MAX_TABLE_CELLS:,} merged "
                                         "cells", _SPLIT_HINT)
                    element.clear()
    except TableError:
        raise
    except Exception as exc:  # a damaged range: the same kinds as a damaged cell
        raise TableError(f"cannot read the merged cells of {path.name}: "
                         f"{type(exc).__name__}: {exc}",
                         "open it in Excel, WPS or LibreOffice and save it again") from None
    return merges


def _refuse_uncomputed_formulas(path: Path, data: bytes, sheet: str, rows: list[Row]) -> None:
    """A formula whose value the file does not hold (written by a program, never opened in a
    spreadsheet) would print as an empty cell, such as a blank 合计: it is an error instead."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    values = dict(rows)
    last = max(values)
    width = max(len(cells) for cells in values.values())
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        ws = book[sheet]
        ws.reset_dimensions()
        for r, row in enumerate(ws.iter_rows(max_row=last, max_col=width, values_only=True), 1):
            cells = values.get(r, ())
            for c, formula in enumerate(row):
                value = cells[c] if c < len(cells) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    raise TableError(
                        f"{path.name}: cell {get_column_letter(c + 1)}{r} of sheet {sheet} "
                        f"holds the formula {formula} but not its value",
                        "open the file in Excel, WPS or LibreOffice and save it, so that the "
                        "computed values are stored, or type the value")
    finally:
        book.close()
