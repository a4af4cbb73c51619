"""A `table:` block to a `model.Table`: header rows and merged cells, columns, units, notes, 合计.

Merged cells are written as in HTML: a cell `{text: 门诊, columns: 2}` takes two positions of
its row, `{text: 地区, rows: 2}` also the position below it, and a row leaves out the positions
that cells above it cover. An XLSX sheet's merged ranges become the same spans.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import model
from reportgen.figures import PLACEHOLDERS, is_figure
from reportgen.reader.tables import Merge, TableError, read_table
from reportgen.tablefit import fit
from reportgen.yamlsrc.source import Path_

if TYPE_CHECKING:
    from reportgen.reader.report import _Builder

TOTAL = re.compile(r"^.{0,6}(合计|总计|小计|共计)$")
"""A row label that marks a total row (合计, 总计, 全县合计, 其中：小计)."""


def build_table(builder: _Builder, spec: dict, path: Path_) -> model.Table | None:
    """The table `spec` at `path`, or None after reporting its problems to `builder`. A table
    too wide even for landscape pages at the floor size is a warning naming its column."""
    table = _Reader(builder, spec, path).table()
    if table is not None and builder.template is not None:
        placed = fit(table, builder.template)
        if placed.overflow is not None:
            k = placed.overflow
            name = next((row[k] for row in reversed(table.header) if row[k]), "")
            label = f"“{table.caption}”" if table.caption else "this table"
            builder.warnings.append(builder.source.diagnostic(
                path, f"{label} is too wide for {'landscape' if placed.landscape else 'the'} "
                      f"pages even at {placed.size:g} pt: column {k + 1} ({name or 'no header'}) "
                      "passes the text block, so its columns are narrowed and some numbers "
                      "break", "split the table in two, or leave out columns",
                severity="warning"))
    return table


class _Reader:
    def __init__(self, builder: _Builder, spec: dict, path: Path_) -> None:
        self.b = builder
        self.spec = spec
        self.path = path
        self.file: Path | None = None
        self.places: list[int] | None = None  # each body row's line or row in the file
        self.failed = False

    def error(self, path: Path_, message: str, hint: str) -> None:
        self.b.error(path, message, hint)
        self.failed = True

    def table(self) -> model.Table | None:
        spec, path = self.spec, self.path
        header = spec.get("header")  # one row, or a list of rows (the schema allows no mix)
        if header is not None and not isinstance(header[0], list):
            header = [header]
        rows = spec.get("rows")
        spans: list[model.Span] = []
        width = None
        if "source" in spec:
            if rows is not None:
                self.error(path + ("rows",), "a table has `rows` or `source`, not both",
                           "delete `rows:` to read the rows from the file, or `source:` to "
                           "keep the rows written here")
                return None
            self.file = self.b.source.file.parent / spec["source"]
            try:
                read = read_table(self.file, spec.get("sheet"), self.b.source.file)
            except TableError as exc:
                self.error(path + ("source",), str(exc.args[0]), exc.hint)
                return None
            self.b.sources.append(self.file)
            found = read.rows
            if header is None:
                count = spec.get("header_rows") or _header_rows(found, read.merges)
                spans = _as_spans(read.merges, found)
                header, found = [cells for _, cells in found[:count]], found[count:]
                width = len(header[0])
                header = [_uncovered(row, r, spans) for r, row in enumerate(header)]
            else:
                spans = _as_spans(read.merges, found, offset=len(header))
            self.places = [n for n, _ in found]
            rows = [_uncovered(cells, len(header) + i, spans) for i, (_, cells) in
                    enumerate(found)]
        if header is None or rows is None:
            self.error(path, "a table needs `header:` and `rows:` (or `source:` with a file)",
                       "see docs/format.md, Tables")
            return None
        width = width or _filled(header[0])
        self.b.count_table(len(header) + len(rows), width, path)
        return self.assemble(header, rows, spans, width)

    def assemble(self, header: list, rows: list, spans: list[model.Span],
                 width: int) -> model.Table | None:
        path = self.path
        grid: list[list[str]] = []
        heads = len(header)
        covered: dict[tuple[int, int], model.Span] = {}
        for s in spans:
            for r in range(s.rows):
                for c in range(s.columns):
                    if (r, c) != (0, 0):
                        covered[(s.row + r, s.column + c)] = s
        for r, row in enumerate([*header, *rows]):
            here = path + (("header", r) if r < heads else ("rows", r - heads))
            if len(header) == 1 and r == 0:
                here = path + ("header",)
            with self.b.relocated(self.file, self.places[r - heads]
                                  if self.places and r >= heads else None):
                cells = self.row(row, r, here, width, heads, covered, spans)
            grid.append(cells)
        if self.failed:
            return None
        crossing = next((s for s in spans if s.row < heads < s.row + s.rows), None)
        if crossing is not None:  # a merged range of a sheet across `header_rows`
            self.error(path + ("header_rows",), f"a merged cell of the header spans "
                                                f"{crossing.rows} rows, past the header's {heads}",
                       "set header_rows to the rows the header's merged cells reach down to")
            return None
        texts = [tuple(cells) for cells in grid]
        body = texts[heads:]
        columns = self.columns(body, width)
        if columns is None:
            return None
        spec = self.spec
        caption = self.b.text(spec["caption"], path + ("caption",)) if "caption" in spec \
            else None
        units = self.b.text(spec["units"], path + ("units",)) if "units" in spec else None
        notes = spec.get("notes", ())
        notes = [notes] if isinstance(notes, str) else notes
        return model.Table(
            tuple(texts[:heads]), tuple(body), columns, caption, units,
            tuple(self.b.text(n, path + ("notes", i)) for i, n in enumerate(notes)),
            tuple(sorted(spans, key=lambda s: (s.row, s.column))),
            _totals(body, spec.get("total", "auto")), spec.get("orientation", "auto"))

    def row(self, row: list, r: int, path: Path_, width: int, heads: int,
            covered: dict, spans: list[model.Span]) -> list[str]:
        """The texts of row `r` at each grid position; spans written in it are added."""
        cells = [""] * width
        k = 0
        for i, value in enumerate(row):
            while k < width and (r, k) in covered:
                k += 1
            here = path + (i,)
            text, rows_, columns = value, 1, 1
            if isinstance(value, dict):
                text, rows_, columns = value.get("text"), value.get("rows", 1), \
                    value.get("columns", 1)
                here = here + ("text",)
            if k + columns > width:
                self.count_error(row, r, path, width, covered)
                return cells
            limit = (heads if r < heads else heads + self._body_rows()) - r
            if rows_ > limit:
                self.error(path + (i, "rows"), f"the cell spans {rows_} rows; only {limit} "
                                               f"{'is' if limit == 1 else 'are'} left in the "
                                               f"{'header' if r < heads else 'table'}",
                           "count the rows again, or make the span smaller")
                return cells
            if rows_ > 1 or columns > 1:
                span = model.Span(r, k, rows_, columns)
                clash = [(r + dr, k + dc) for dr in range(rows_) for dc in range(columns)
                         if (r + dr, k + dc) in covered]
                if clash:
                    self.error(path + (i,), "this merged cell overlaps another one",
                               "make one of the two spans smaller")
                    return cells
                spans.append(span)
                for dr in range(rows_):
                    for dc in range(columns):
                        if (dr, dc) != (0, 0):
                            covered[(r + dr, k + dc)] = span
            cells[k] = self.b.cell(text, here)
            k += columns
        while k < width and (r, k) in covered:
            k += 1
        if k < width:
            self.count_error(row, r, path, width, covered)
        return cells

    def count_error(self, row: list, r: int, path: Path_, width: int, covered: dict) -> None:
        """A row whose cells do not fill the table's columns exactly."""
        above = sum(1 for (rr, _), span in covered.items() if rr == r and span.row < r)
        if not above and not any(isinstance(c, dict) for c in row):
            self.error(path, f"row has {len(row)} cells; the header has {width}",
                       "add empty cells as \"\" or null")
            return
        filled = _filled(row) + above
        self.error(path, f"this row's cells fill {filled} columns, merged cells counted; the "
                         f"table has {width}", _fill_hint(r, covered))

    def _body_rows(self) -> int:
        rows = self.spec.get("rows")
        return len(rows) if rows is not None else len(self.places or ())

    def columns(self, body: list[tuple[str, ...]], width: int) -> tuple[model.Column, ...] | None:
        """Each column's alignment and width: `columns:` first, then `align:`, then numbers
        right and the rest left."""
        path = self.path
        align = self.spec.get("align")
        if align is not None and len(align) != width:
            self.error(path + ("align",), f"{len(align)} alignments for {width} columns",
                       f"give {width}, one per column in order: left, center, right or "
                       "decimal")
            return None
        given = self.spec.get("columns") or []
        if len(given) > width:
            self.error(path + ("columns", width), f"{len(given)} column settings for {width} "
                                                  "columns",
                       f"give at most {width}, one per column in order (null keeps a column's "
                       "defaults)")
            return None
        out = []
        for k in range(width):
            setting = (given[k] if k < len(given) else None) or {}
            default = align[k] if align else _default_align([row[k] for row in body])
            out.append(model.Column(setting.get("align", default), setting.get("width")))
        return tuple(out)


def _filled(row: list) -> int:
    """The columns a row of cells takes, spans counted."""
    return sum(cell.get("columns", 1) if isinstance(cell, dict) else 1 for cell in row)


def _fill_hint(r: int, covered: dict) -> str:
    above = [k for (rr, k), span in covered.items() if rr == r and span.row < r]
    if above:
        return ("leave out the positions that merged cells above cover (column"
                f"{'s' if len(above) > 1 else ''} {', '.join(str(k + 1) for k in sorted(above))})")
    return "every row has one cell per column; a merged cell counts its `columns`"


def _default_align(cells: list[str]) -> str:
    figures = [c for c in cells if c]
    if figures and all(is_figure(c) for c in figures) and \
            any(c not in PLACEHOLDERS for c in figures):
        return "right"
    return "left"


def _totals(body: list[tuple[str, ...]], how: str) -> tuple[int, ...]:
    if how == "none" or not body:
        return ()
    if how == "first":
        return (0,)
    if how == "last":
        return (len(body) - 1,)
    found = []
    for i, row in enumerate(body):
        label = next((c for c in row if c), "")
        if TOTAL.match(re.sub(r"\s", "", label)):
            found.append(i)
    return tuple(found)


def _header_rows(rows: list, merges: list[Merge]) -> int:
    """Rows of a sheet that make its header: the first, and the rows merged cells starting in
    the header reach down to."""
    if not rows:
        return 0
    numbers = [n for n, _ in rows]
    last = numbers[0]
    changed = True
    while changed:
        changed = False
        for first, _, count, _ in merges:
            if numbers[0] <= first <= last and first + count - 1 > last:
                last = first + count - 1
                changed = True
    return sum(1 for n in numbers if n <= last)


def _uncovered(cells: list, r: int, spans: list[model.Span]) -> list:
    """A row of a sheet without the positions its merged ranges cover (their first kept)."""
    gone = {s.column + c for s in spans for dr in range(s.rows) for c in range(s.columns)
            if s.row + dr == r and (dr, c) != (0, 0)}
    return [cell for k, cell in enumerate(cells) if k not in gone]


def _as_spans(merges: list[Merge], found_rows: list, offset: int = 0) -> list[model.Span]:
    """Merged ranges of a sheet as spans of the table's grid: row numbers of the file become
    grid rows (empty rows of the file are not in the table); `offset` rows stand before."""
    place = {n: i + offset for i, (n, _) in enumerate(found_rows)}
    spans = []
    for first, column, rows, columns in merges:
        inside = [place[n] for n in range(first, first + rows) if n in place]
        if inside and (len(inside) > 1 or columns > 1):
            spans.append(model.Span(inside[0], column, len(inside), columns))
    return spans
