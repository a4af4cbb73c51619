"""Tables (表格) as the PDF sets them: the same columns, size, margins and row heights.

The columns, text size and orientation come from `tablefit`, as in the PDF. The table has a
fixed layout (`w:tblGrid`), cell margins and rows at least one line high, header rows that repeat
(`w:tblHeader`), rows that never split (`w:cantSplit`), merged cells as `w:gridSpan` and
`w:vMerge`. A table that fits on a page keeps its rows together (`w:keepNext` on every row but
the last), a longer one its first and last two rows; rows joined by a merged cell stay together.
Sizes other than the template's get styles of their own (表格文字 10.5磅), based on the role's.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from itertools import accumulate, pairwise
from math import ceil

from lxml import etree

from reportgen import model
from reportgen.figures import is_figure
from reportgen.layout.columns import LABEL_CHARS, decimal_tail, width_chars
from reportgen.tablefit import (
    RULE,
    TableFit,
    ems,
    fit,
    header_lines,
    measure,
    note_texts,
    units_text,
)
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.fonts import Faces
from reportgen.writers.docx.layout import pt
from reportgen.writers.docx.runs import Fallback, runs
from reportgen.writers.docx.styles import TABLE_STYLE, style_id

TOTAL_RULE = 8
"""The rule above a total row (合计) in 1/8 pt: 1 pt, as in the PDF."""

KINDS = {
    "text": ("table", "表格文字"),
    "header": ("table_header", "表头"),
    "total": ("table_header", "表格合计行"),
    "units": ("table", "表格单位"),
    "note": ("table", "表注"),
}
"""Paragraph styles of a table's parts: (the role they are based on, name)."""


@dataclass(frozen=True)
class TableStyle:
    """A paragraph style for one part of tables at one size: 表格文字 10.5磅."""

    kind: str
    size_pt: float

    @property
    def id(self) -> str:
        return f"Table{self.kind.title()}{round(self.size_pt * 2)}"

    @property
    def name(self) -> str:
        return f"{KINDS[self.kind][1]} {self.size_pt:g}磅"


class Tables:
    """Writes tables as elements; remembers the styles they use (`styles`)."""

    def __init__(self, template: Template, fallback: Fallback | None = None) -> None:
        self.template = template
        self.fallback = fallback
        self.styles: dict[TableStyle, float] = {}  # style: its line pitch in points

    def elements(self, table: model.Table) -> tuple[list[oxml.Element], bool]:
        """The caption, units line, table and notes of `table`, and whether it is landscape."""
        placed = fit(table, self.template)
        nodes = []
        if table.caption:
            nodes.append(self.paragraph(style_id("caption"), table.caption, keep=True))
        units = units_text(table)
        if units:
            nodes.append(self.paragraph(self.style("units", placed.size, placed.pitch), units,
                                        keep=True, align="right"))
        nodes.append(_Table(self, table, placed).element())
        hang = pt(placed.note_size * width_chars("注："))
        style = self.style("note", placed.note_size, placed.note_pitch)
        for i, note in enumerate(note_texts(table)):
            indent = oxml.ind(left=hang, hanging=hang if i == 0 else None)
            nodes.append(self.paragraph(style, note, indent=indent))
        return nodes, placed.landscape

    def style(self, kind: str, size: float, pitch: float) -> str:
        """The style of `kind` at `size`: the role's own at the template's size."""
        role = KINDS[kind][0]
        if kind in ("text", "header") and size == self.template.role(role).size_pt:
            return style_id(role)
        found = TableStyle(kind, size)
        self.styles[found] = pitch
        return found.id

    def paragraph(self, style: str, text: str, *, keep: bool = False, align: str | None = None,
                  indent: oxml.Element | None = None, tabs: oxml.Element | None = None,
                  ) -> oxml.Element:
        p = oxml.el("w:p", None, oxml.p_pr(style=style, keep_next=keep or None, tabs=tabs,
                                           indent=indent, align=align))
        p.extend(runs(text, None, self.fallback))
        return p


@dataclass
class _Cell:
    row: int
    column: int
    rows: int
    columns: int
    text: str


class _Table:
    def __init__(self, tables: Tables, table: model.Table, placed: TableFit) -> None:
        self.tables = tables
        self.table = table
        self.fit = placed
        edges = [0, *(round(pt(edge)) for edge in accumulate(placed.widths))]
        self.widths = [right - left for left, right in pairwise(edges)]
        heads = len(table.header)
        self.text_style = tables.style("text", placed.size, placed.pitch)
        self.head_style = tables.style("header", placed.header_size, placed.header_pitch)
        self.total_style = tables.style("total", placed.size, placed.pitch) \
            if table.totals else None
        self.head_align = tables.template.role("table_header").align
        self.heads = heads
        self._made: dict[tuple, oxml.Element] = {}

    def element(self) -> oxml.Element:
        placed, table = self.fit, self.table
        pad, pad_v = pt(placed.padding), pt(placed.padding_v)
        tbl = oxml.el(
            "w:tbl", None,
            oxml.el("w:tblPr", None, oxml.val("w:tblStyle", TABLE_STYLE),
                    oxml.el("w:tblW", {"w:w": sum(self.widths), "w:type": "dxa"}),
                    oxml.val("w:jc", "center"),
                    oxml.el("w:tblLayout", {"w:type": "fixed"}),
                    oxml.el("w:tblCellMar", None,
                            *(oxml.el(f"w:{side}", {"w:w": width, "w:type": "dxa"})
                              for side, width in (("top", pad_v), ("left", pad),
                                                  ("bottom", pad_v), ("right", pad)))),
                    oxml.el("w:tblLook", {"w:firstRow": 1, "w:lastRow": 0,
                                          "w:firstColumn": 0, "w:lastColumn": 0,
                                          "w:noHBand": 1, "w:noVBand": 1})),
            oxml.el("w:tblGrid", None, *(oxml.el("w:gridCol", {"w:w": w})
                                         for w in self.widths)),
        )
        kept = self.kept_rows()
        anchors, below = self.cells()
        for r in range(len(table.grid)):
            header = r < self.heads
            pitch = placed.header_pitch if header else placed.pitch
            tr = oxml.el("w:tr", None, oxml.el(
                "w:trPr", None, oxml.el("w:cantSplit"),
                oxml.el("w:trHeight", {"w:val": pt(pitch) + 2 * pad_v, "w:hRule": "atLeast"}),
                oxml.el("w:tblHeader") if header else None))
            for k in range(len(table.columns)):
                if (r, k) in anchors:
                    tr.append(self.cell(anchors[(r, k)], r in kept))
                elif (r, k) in below:
                    tr.append(self.continued(below[(r, k)], r in kept,
                                             self.head_style if header else self.text_style))
            tbl.append(tr)
        return tbl

    def cells(self) -> tuple[dict, dict]:
        """The cells that hold text, by position, and the positions below them that a merged
        cell covers (the first column of each), each with its cell."""
        table = self.table
        spans = {(s.row, s.column): s for s in table.spans}
        anchors = {}
        below = {}
        covered = set()
        for s in table.spans:
            for dr in range(s.rows):
                for dc in range(s.columns):
                    if (dr, dc) != (0, 0):
                        covered.add((s.row + dr, s.column + dc))
        for r, row in enumerate(table.grid):
            for k, text in enumerate(row):
                if (r, k) in covered:
                    continue
                span = spans.get((r, k))
                cell = _Cell(r, k, span.rows if span else 1, span.columns if span else 1, text)
                anchors[(r, k)] = cell
                for dr in range(1, cell.rows):
                    below[(r + dr, k)] = cell
        return anchors, below

    def cell(self, cell: _Cell, keep: bool) -> oxml.Element:
        table = self.table
        header = cell.row < self.heads
        body_row = cell.row - self.heads
        total = not header and body_row in table.totals
        align = self.head_align if header else \
            table.columns[cell.column].align if cell.columns == 1 else "center"
        style = self.head_style if header else self.total_style if total else self.text_style
        text = self.header_text(cell) if header else cell.text
        tabs = None
        if align == "decimal" and is_figure(text):
            tabs = self.decimal_tab(cell.column, text)
            text, align = "\t" + text, None
        elif align == "decimal":
            align = "right"
        align = align if align not in ("left", "justify") else None
        p = oxml.el("w:p", None, self.made(
            ("pPr", style, keep, align, None if tabs is None else etree.tostring(tabs)),
            lambda: oxml.p_pr(style=style, keep_next=keep or None, tabs=tabs, align=align)))
        p.extend(runs(text, None, self.tables.fallback))
        return oxml.el("w:tc", None, self.tc_pr(cell, "restart" if cell.rows > 1 else None,
                                                total), p)

    def continued(self, cell: _Cell, keep: bool, style: str) -> oxml.Element:
        """A position a merged cell above covers: an empty cell continuing it."""
        p = oxml.el("w:p", None, self.made(("pPr", style, keep, None, None),
                                           lambda: oxml.p_pr(style=style, keep_next=keep or None)))
        return oxml.el("w:tc", None, self.tc_pr(cell, "continue", False), p)

    def tc_pr(self, cell: _Cell, merge: str | None, total: bool) -> oxml.Element:
        width = sum(self.widths[cell.column:cell.column + cell.columns])
        return self.made(("tcPr", width, cell.columns, merge, total), lambda: oxml.el(
            "w:tcPr", None,
            oxml.el("w:tcW", {"w:w": width, "w:type": "dxa"}),
            oxml.val("w:gridSpan", cell.columns) if cell.columns > 1 else None,
            (oxml.val("w:vMerge", merge) if merge == "restart"
             else oxml.el("w:vMerge")) if merge else None,
            oxml.el("w:tcBorders", None, oxml.border("top", TOTAL_RULE)) if total else None,
            oxml.val("w:vAlign", "center")))

    def made(self, key: tuple, make) -> oxml.Element:
        """A copy of the element `make` builds for `key`: a table repeats the same few cell
        and paragraph properties hundreds of times, and copying is cheaper than building."""
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = make()
        return deepcopy(found)

    def header_text(self, cell: _Cell) -> str:
        """A header cell too long for its column in the PDF's lines, as line breaks, so that
        Word and LibreOffice do not cut a word (门诊人|次)."""
        inner = sum(self.widths[cell.column:cell.column + cell.columns]) / 20 \
            - 2 * self.fit.padding
        return "\n".join(header_lines(cell.text, self.fit.header_size, inner))

    def decimal_tab(self, column: int, text: str) -> oxml.Element:
        """The tab that sets `text` on the decimal point: a decimal tab; a right tab for a
        number without a decimal point, or with a space in it (2 318, 1 234.5), which
        LibreOffice would line up on the space instead."""
        stop = self.decimal_stop(column)
        if "." in text and " " not in text:
            return oxml.tab(stop, "decimal")
        return oxml.tab(stop + pt(ems(decimal_tail(text)) * self.fit.size))

    def decimal_stop(self, column: int) -> int:
        """Where a decimal tab lines the numbers of `column` up: the widest part after the
        decimal point before the cell's right margin (twips from the cell's left margin)."""
        tails = [ems(decimal_tail(row[column])) for row in self.table.rows
                 if is_figure(row[column])]
        inner = self.widths[column] - 2 * pt(self.fit.padding)
        return inner - pt(max(tails, default=0.0) * self.fit.size)

    def kept_rows(self) -> set[int]:
        """Rows whose paragraphs keep with the next row: every row but the last of a table that
        fits on a page; else the header, the first body row, the last body row but one (so at
        least two rows stand on either side of a break), and every row but the last of rows
        joined by a merged cell."""
        table, placed = self.table, self.fit
        count = len(table.grid)
        height = self.estimated_height()
        page = self.tables.template.page
        block = (page.text_width_mm if placed.landscape else page.text_height_mm) * 72 / 25.4
        if height <= block:
            return set(range(count - 1))
        kept = set(range(self.heads + 1)) | {count - 2}
        for s in table.spans:
            kept |= set(range(s.row, s.row + s.rows - 1))
        return kept

    def estimated_height(self) -> float:
        """The table's height in points with cells broken as their width in characters says:
        what decides whether it fits on a page."""
        placed, table = self.fit, self.table
        total = 0.0
        for r, row in enumerate(table.grid):
            size = placed.header_size if r < self.heads else placed.size
            pitch = placed.header_pitch if r < self.heads else placed.pitch
            lines = 1
            for k, text in enumerate(row):
                if not text or is_figure(text) or width_chars(text) <= LABEL_CHARS:
                    continue
                inner = placed.widths[k] - 2 * placed.padding
                lines = max(lines, ceil(measure(size)(text) / max(inner, 1.0)))
            total += lines * pitch + 2 * placed.padding_v + RULE
        return total + (placed.pitch if table.units else 0.0)




def table_styles(found: dict[TableStyle, float], template: Template,
                 faces: Faces) -> list[oxml.Element]:
    """The paragraph styles tables used: each based on its role's style, at its size, off the
    grid at its own line pitch, no space before or after, no indent."""
    out = []
    for style, pitch in sorted(found.items(), key=lambda item: item[0].id):
        role = KINDS[style.kind][0]
        spec = template.role(role)
        align = template.role("table_header").align if style.kind == "header" else "left"
        out.append(oxml.el(
            "w:style", {"w:type": "paragraph", "w:styleId": style.id},
            oxml.val("w:name", style.name), oxml.val("w:basedOn", style_id(role)),
            oxml.val("w:next", style.id), oxml.val("w:uiPriority", 1),
            oxml.p_pr(snap_to_grid=False,
                      line_spacing=oxml.spacing(line=pt(pitch), before=0, before_lines=0,
                                                after=0, after_lines=0),
                      indent=oxml.ind(left=0, left_chars=0, right=0, right_chars=0,
                                      first_line=0, first_line_chars=0),
                      align=align),
            oxml.r_pr(face=faces.name(role), bold=spec.bold or faces.bold(role),
                      size_pt=style.size_pt)))
    return out
