"""Tables (表格): column widths from their content, cells broken inside them, rows on the grid."""

from __future__ import annotations

from collections.abc import Sequence

from reportgen import model
from reportgen.layout.columns import CELL_PADDING_CHARS, column_widths
from reportgen.template import Template
from reportgen.writers.pdf.flow import Box, Item, Row, TableBox
from reportgen.writers.pdf.text import Line, Setter, Style, shifted

RULE = 0.5  # points: every rule of the grid
PADDING_CHARS = CELL_PADDING_CHARS


def table_items(table: model.Table, template: Template, setter: Setter,
                width: float) -> list[Item]:
    """The caption (role caption) as a box kept with the table, and the ruled table."""
    items: list[Item] = []
    if table.caption:
        role = template.role("caption")
        lines = setter.paragraph([(table.caption, Style.of(role))], width,
                                 first_indent=role.indent_chars * setter.em(Style.of(role)),
                                 align=role.align)
        items.append(Box(tuple(lines), round(role.space_before_lines),
                         round(role.space_after_lines), keep_with_next=True, keep_together=True))
    head_role, cell_role = template.role("table_header"), template.role("table")
    head, cell = Style.of(head_role), Style.of(cell_role)
    pad = PADDING_CHARS * setter.em(cell)
    widths = column_widths(table.header, table.rows, width, setter.metrics(cell).width,
                           margins=2 * pad, em=setter.em(cell),
                           header_measure=setter.metrics(head).width)
    columns = [0.0]
    for w in widths:
        columns.append(columns[-1] + w)
    columns[-1] = width  # no float dust at the right edge
    header = _row(table.header, head, [head_role.align] * len(widths), columns, pad, setter)
    rows = tuple(_row(row, cell, table.align, columns, pad, setter) for row in table.rows)
    items.append(TableBox(header, rows, tuple(columns), RULE,
                          round(cell_role.space_before_lines),
                          round(cell_role.space_after_lines)))
    return items


def _row(cells: Sequence[str], style: Style, aligns: Sequence[str], columns: Sequence[float],
         padding: float, setter: Setter) -> Row:
    """Each cell broken inside its column, centred vertically on whole grid lines; the row's
    lines hold the runs of every cell."""
    set_cells = []
    for k, text in enumerate(cells):
        inner = columns[k + 1] - columns[k] - 2 * padding
        lines = setter.paragraph([(text, style)], inner, align=aligns[k]) if text else []
        set_cells.append([shifted(line, columns[k] + padding) for line in lines])
    height = max([len(lines) for lines in set_cells] + [1])
    rows: list[Line] = [() for _ in range(height)]
    for lines in set_cells:
        top = (height - len(lines)) // 2
        for i, line in enumerate(lines):
            rows[top + i] += line
    return Row(tuple(rows))
