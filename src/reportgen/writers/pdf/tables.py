"""Tables (表格): column widths from their content, cells broken inside them, rows on the grid."""

from __future__ import annotations

from collections.abc import Sequence

from reportgen import model
from reportgen.layout.charclass import NO_START
from reportgen.layout.tokens import SPACE, segments
from reportgen.template import Template
from reportgen.writers.pdf.flow import Box, Item, Row, TableBox
from reportgen.writers.pdf.text import Line, Metrics, Setter, Style, shifted

RULE = 0.5  # points: every rule of the grid
PADDING_CHARS = 0.5  # inside each cell, left and right, in characters of the cell's size


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
    grid = [(table.header, setter.metrics(head))] + [(row, setter.metrics(cell))
                                                      for row in table.rows]
    widths = column_widths(grid, len(table.header), width, pad)
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


def column_widths(rows: Sequence[tuple[Sequence[str], Metrics]], count: int, width: float,
                  padding: float) -> list[float]:
    """Widths summing to `width`, shared as the cells' content asks (as HTML's automatic table
    layout does): each column's widest unbreakable piece (its minimum) and its widest cell
    unbroken (its maximum), both plus padding. When every maximum fits, the columns grow in
    proportion to it; else each column gets its minimum and the rest goes where the most is
    wanted; when even the minima do not fit, they are scaled down. A piece wider than half
    the table (a long URL) counts as half: the line breaker cuts such a token anyway. No
    column ends narrower than one character of its widest text plus padding."""
    least = [2 * padding] * count
    most = [2 * padding] * count
    floor = [2 * padding] * count
    for cells, metrics in rows:
        for k, text in enumerate(cells):
            least[k] = max(least[k], min(_unbreakable(text, metrics), width / 2) + 2 * padding)
            most[k] = max(most[k], metrics.width(text) + 2 * padding)
            if text:
                floor[k] = max(floor[k], max(metrics.advance(ch) for ch in text) + 2 * padding)
    if sum(most) <= width:
        widths = [w * width / sum(most) for w in most]
    elif sum(least) <= width:
        # Narrow columns (their whole text within a fair share) get all they ask for, so a
        # short header such as 说明 is never broken; the others share what is left.
        fair = width / count
        narrow = [m <= fair for m in most]
        left = width - sum(m for m, n in zip(most, narrow, strict=True) if n)
        wide_least = sum(s for s, n in zip(least, narrow, strict=True) if not n)
        if left < wide_least:
            narrow = [False] * count
            left, wide_least = width, sum(least)
        wanted = [0.0 if n else m - s for m, s, n in zip(most, least, narrow, strict=True)]
        spare = left - wide_least
        widths = [m if n else s + (spare * w / sum(wanted) if sum(wanted) else 0.0)
                  for m, s, w, n in zip(most, least, wanted, narrow, strict=True)]
    else:
        widths = [w * width / sum(least) for w in least]
    return _at_least(widths, floor)


def _at_least(widths: list[float], floor: list[float]) -> list[float]:
    """`widths` with every column raised to its floor, the difference taken from the columns
    that have room to spare, in proportion to that room (unchanged if none is short)."""
    short = sum(max(f - w, 0.0) for w, f in zip(widths, floor, strict=True))
    room = [max(w - f, 0.0) for w, f in zip(widths, floor, strict=True)]
    if short <= 0 or sum(room) < short:
        return widths
    return [max(w, f) - (short * r / sum(room) if w > f else 0.0)
            for w, f, r in zip(widths, floor, room, strict=True)]


def _unbreakable(text: str, metrics: Metrics) -> float:
    """The widest piece of `text` no line break may cut: a word or number, or a character with
    the closing mark that may not start the next line (字。)."""
    widest = 0.0
    parts = [text[start:end] for start, end, kind in segments(text) if kind != SPACE]
    for index, part in enumerate(parts):  # an empty cell has no parts, and is 0 wide
        after = parts[index + 1] if index + 1 < len(parts) else ""
        if after and after[0] in NO_START and len(after) == 1:
            part += after
        widest = max(widest, metrics.width(part))
    return widest


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
