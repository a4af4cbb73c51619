"""Tables (表格) off the grid: cells set in the size and columns `tablefit` chose, rows in bands.

A row's height is its tallest cell's lines at the table's line pitch plus the cell's padding
above and below and one rule; a cell spanning rows gets the rows' heights together, the last
one growing if it needs more. Rows joined by such a cell make one band, which pagination never
breaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen import model
from reportgen.figures import is_figure
from reportgen.layout.baseline import baseline_depth
from reportgen.layout.columns import LABEL_CHARS, decimal_tail, width_chars
from reportgen.tablefit import RULE, TableFit, fit, header_lines, note_texts, units_text
from reportgen.template import Template
from reportgen.writers.pdf.flow import Band, Rule, TableBox
from reportgen.writers.pdf.text import Line, Setter, Style, shifted

TOTAL_RULE = 1.0  # points: the rule above a total row (合计), which sets it apart


def table_box(table: model.Table, template: Template, setter: Setter, pitch: float) -> TableBox:
    """`table` as a box of bands; `setter` sets text at natural width (scale 1), `pitch` is
    the body grid's line pitch, which the caption keeps."""
    placed = fit(table, template)
    return _Table(table, template, setter, placed, pitch).box()


@dataclass
class _Cell:
    row: int
    column: int
    rows: int
    columns: int
    lines: list[Line]
    pitch: float


class _Table:
    def __init__(self, table: model.Table, template: Template, setter: Setter, placed: TableFit,
                 pitch: float) -> None:
        self.table = table
        self.template = template
        self.setter = setter
        self.fit = placed
        self.grid_pitch = pitch
        edges = [0.0]
        for width in placed.widths:
            edges.append(edges[-1] + width)
        self.edges = edges
        self.width = edges[-1]
        head_role, cell_role = template.role("table_header"), template.role("table")
        self.cell_style = Style(tuple(cell_role.faces), placed.size, cell_role.bold,
                                cell_role.color)
        self.head_style = Style(tuple(head_role.faces), placed.header_size, head_role.bold,
                                head_role.color)
        self.total_style = Style(tuple(head_role.faces), placed.size, head_role.bold,
                                 head_role.color)
        self.head_align = head_role.align if head_role.align != "justify" else "center"

    def box(self) -> TableBox:
        table, cells = self.table, self.cells()
        heights = self.heights(cells)
        heads = len(table.header)
        header = self.band(cells, heights, range(heads), RULE)
        bands = [self.band(cells, heights, rows, TOTAL_RULE if rows[0] - heads in table.totals
                           else RULE) for rows in _bands(table, heads)]
        role = self.template.role("table")
        caption = self.template.role("caption")
        return TableBox(self.above(), header, tuple(bands), self.below(), RULE,
                        self.fit.landscape,
                        round(max(role.space_before_lines, caption.space_before_lines
                                  if table.caption else 0)),
                        round(role.space_after_lines))

    # -- cells ----------------------------------------------------------------------------------
    def cells(self) -> list[_Cell]:
        table = self.table
        spans = {(s.row, s.column): s for s in table.spans}
        covered = {(s.row + r, s.column + c) for s in table.spans for r in range(s.rows)
                   for c in range(s.columns)} - spans.keys()
        heads = len(table.header)
        decimals = self.decimal_tails()
        out = []
        for r, row in enumerate(table.grid):
            for k, text in enumerate(row):
                if (r, k) in covered:
                    continue
                span = spans.get((r, k))
                rows, columns = (span.rows, span.columns) if span else (1, 1)
                left, right = self.edges[k], self.edges[k + columns]
                pad = self.fit.padding
                inner = right - left - 2 * pad
                if r < heads:
                    lines, pitch = self.head_lines(text, inner), self.fit.header_pitch
                else:
                    total = r - heads in table.totals
                    style = self.total_style if total else self.cell_style
                    align = table.columns[k].align if columns == 1 else "center"
                    lines = self.body_lines(text, style, inner, align, decimals.get(k))
                    pitch = self.fit.pitch
                out.append(_Cell(r, k, rows, columns,
                                 [shifted(line, left + pad) for line in lines], pitch))
        return out

    def head_lines(self, text: str, inner: float) -> list[Line]:
        """A header cell in the lines the DOCX gives it too, each centred."""
        if not text:
            return []
        style = self.head_style
        metrics = self.setter.metrics(style)
        return [self.setter.single(line, style,
                                   _offset(self.head_align, inner, metrics.width(line)))
                for line in header_lines(text, style.size, inner)]

    def body_lines(self, text: str, style: Style, inner: float, align: str,
                   tail: float | None) -> list[Line]:
        """A number or a short label on one line, never broken (its column was made wide
        enough); other text broken by the body's rules. `tail` is the column's widest part after
        the decimal point, for numbers set on it."""
        if not text:
            return []
        metrics = self.setter.metrics(style)
        natural = metrics.width(text)
        if is_figure(text) or width_chars(text) <= LABEL_CHARS or natural <= inner:
            if align == "decimal":
                x = inner - (tail or 0.0) + metrics.width(decimal_tail(text)) - natural
                x = max(0.0, x)
            else:
                x = _offset(align, inner, natural)
            return [self.setter.single(text, style, x)]
        return self.setter.paragraph([(text, style)], inner,
                                     align="left" if align == "decimal" else align)

    def decimal_tails(self) -> dict[int, float]:
        """For each column set on the decimal point, the widest part of its numbers from the
        decimal point on (.30, .7%)."""
        metrics = self.setter.metrics(self.cell_style)
        out = {}
        for k, column in enumerate(self.table.columns):
            if column.align == "decimal":
                out[k] = max((metrics.width(decimal_tail(row[k])) for row in self.table.rows
                              if is_figure(row[k])), default=0.0)
        return out

    # -- rows and bands -------------------------------------------------------------------------
    def heights(self, cells: list[_Cell]) -> list[float]:
        """Each grid row's height: its cells of one row, then spanning cells, which widen the
        last row they span when the rows together are too low."""
        pad = 2 * self.fit.padding_v + RULE
        heights = [self.fit.pitch + pad] * len(self.table.grid)
        for r in range(len(self.table.header)):
            heights[r] = self.fit.header_pitch + pad
        for cell in cells:
            if cell.rows == 1:
                heights[cell.row] = max(heights[cell.row], len(cell.lines) * cell.pitch + pad)
        for cell in cells:
            if cell.rows > 1:
                span = range(cell.row, cell.row + cell.rows)
                short = len(cell.lines) * cell.pitch + pad - sum(heights[r] for r in span)
                if short > 0:
                    heights[span[-1]] += short
        return heights

    def band(self, cells: list[_Cell], heights: list[float], rows: range, top: float) -> Band:
        """Grid rows `rows` as one band: each cell's lines centred in its height, the rules
        between the rows (broken where a cell spans them) and the vertical rules (broken where
        a cell spans columns)."""
        tops = {r: sum(heights[rows.start:r]) for r in range(rows.start, rows.stop + 1)}
        lines: list[tuple[float, Line]] = []
        rules: list[Rule] = []
        for cell in cells:
            if cell.row not in rows:
                continue
            y0, y1 = tops[cell.row], tops[cell.row + cell.rows]
            first = y0 + (y1 - y0 - len(cell.lines) * cell.pitch) / 2
            for i, line in enumerate(cell.lines):
                lines.append((first + i * cell.pitch + baseline_depth(cell.pitch), line))
            x0, x1 = self.edges[cell.column], self.edges[cell.column + cell.columns]
            if cell.row + cell.rows < rows.stop:  # the rule below it, inside the band
                rules.append(Rule(x0, y1, x1, y1, RULE))
            if cell.column == 0:
                rules.append(Rule(x0, y0, x0, y1, RULE))
            rules.append(Rule(x1, y0, x1, y1, RULE))
        return Band(tops[rows.stop], tuple(lines), tuple(_joined(rules)), top)

    # -- above and below ------------------------------------------------------------------------
    def above(self) -> Band | None:
        """The caption (on the body's line pitch, as the DOCX keeps it on the grid) and the
        units line, flush right above the table at the cells' line pitch (the DOCX's 表格单位
        paragraph)."""
        lines: list[tuple[float, Line]] = []
        y = 0.0
        table = self.table
        if table.caption:
            role = self.template.role("caption")
            style = Style.of(role)
            for line in self.setter.paragraph([(table.caption, style)], self.width,
                                              align=role.align):
                lines.append((y + baseline_depth(self.grid_pitch), line))
                y += self.grid_pitch
        units = units_text(table)
        if units:
            style = self.cell_style
            pitch = self.fit.pitch
            for line in self.setter.paragraph([(units, style)], self.width, align="right"):
                lines.append((y + baseline_depth(pitch), line))
                y += pitch
        return Band(y, tuple(lines)) if lines else None

    def below(self) -> Band | None:
        """Notes (注：…) in the note size, wrapped lines under the text after 注：, right under
        the table at their own line pitch (the DOCX's 表注 paragraphs)."""
        notes = note_texts(self.table)
        if not notes:
            return None
        role = self.template.role("table")
        style = Style(tuple(role.faces), self.fit.note_size, role.bold, role.color)
        pitch = self.fit.note_pitch
        hang = self.setter.metrics(style).width("注：")
        y = 0.0
        lines: list[tuple[float, Line]] = []
        for i, note in enumerate(notes):
            for line in self.setter.paragraph([(note, style)], self.width,
                                              first_indent=0.0 if i == 0 else hang,
                                              indent=hang, align="justify"):
                lines.append((y + baseline_depth(pitch), line))
                y += pitch
        return Band(y, tuple(lines))


def _bands(table: model.Table, heads: int) -> list[range]:
    """The body's grid rows grouped so that no cell spans two groups."""
    reach = {}
    for s in table.spans:
        if s.row >= heads:
            reach[s.row] = max(reach.get(s.row, s.row), s.row + s.rows - 1)
    out = []
    r, end = heads, len(table.grid)
    while r < end:
        last = r
        probe = r
        while probe <= last:
            last = max(last, reach.get(probe, probe))
            probe += 1
        out.append(range(r, last + 1))
        r = last + 1
    return out


def _joined(rules: list[Rule]) -> list[Rule]:
    """Vertical rules that continue one another drawn as one; the rest as they are."""
    vertical = sorted((r for r in rules if r.x0 == r.x1), key=lambda r: (r.x0, r.y0))
    out = [r for r in rules if r.x0 != r.x1]
    for rule in vertical:
        last = out[-1] if out else None
        if last is not None and last.x0 == last.x1 == rule.x0 and abs(last.y1 - rule.y0) < 1e-6:
            out[-1] = Rule(last.x0, last.y0, rule.x1, rule.y1, rule.width)
        else:
            out.append(rule)
    return out


def _offset(align: str, room: float, width: float) -> float:
    return {"right": room - width, "center": (room - width) / 2}.get(align, 0.0)
