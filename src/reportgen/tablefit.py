"""How a table fits the page: text size, column widths and orientation, one answer for both writers.

The widths come from the cells' text measured in ems (full-width 1, the rest as wide as the
wider of the office faces and the face LibreOffice substitutes for them, see `ems`), not from one
writer's fonts, so the PDF
and the DOCX get the same columns, and a number fits on one line in either. The table's text
starts at the template's `table` size and steps down the ladder 16 → 14 → 12 → 10.5 pt (五号 is
the floor) until every column's minimum fits, at each size first with header words of up to
six characters whole, then with headers broken into short lines (病床|使用率); a table too wide
even at the floor goes on
landscape pages (GB/T 9704-2012 §8), and one too wide for those is set anyway, its columns
narrowed, with a warning naming the column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportgen import model
from reportgen.layout.columns import (
    HEADER_WORD_CHARS,
    SHORT_HEADER_CHARS,
    Cell,
    column_ranges,
    share,
)
from reportgen.layout.title_lines import balanced_lines
from reportgen.template import Template

MM = 72 / 25.4

LADDER = (16.0, 14.0, 12.0, 10.5)
"""Table text sizes (三号, 四号, 小四, 五号), largest first; 五号 is the floor."""

NOTE_LADDER = (*LADDER, 9.0)
"""Notes (注：…) go one step below the table's text, down to 小五."""

LATIN_EMS = {**dict.fromkeys("0123456789", 0.64), **dict.fromkeys(" .,:;'", 0.32),
             "%": 0.95, "‰": 1.35, "+": 0.84, "±": 0.84, "−": 0.84, "-": 0.36, "/": 0.34,
             "(": 0.39, ")": 0.39, "×": 0.84, "—": 1.0, "–": 0.5, "…": 1.0, "¥": 0.64}
"""Advances (in ems) of characters that are not full-width, as the wider of two faces draws
them: the office faces (½ em) and DejaVu Sans, which LibreOffice puts in their place where they
are missing (its % is 0.95 em). Other such characters count `OTHER_EMS`."""

OTHER_EMS = 0.7

AUTOSPACE_EMS = 0.25
"""The space LibreOffice puts where Chinese meets Latin letters or digits (10|月, 2025|年),
which it adds even though the DOCX turns Asian-Latin spacing off."""

SLACK = 0.25
"""Room a cell's text keeps beyond its measured width, in its text size: what LibreOffice takes
for the rules and rounds away, so that a text measured to fit also fits there."""

RULE = 0.5
"""Points: the rules of a table. A row is as high as its lines, its padding and one rule, as
LibreOffice counts it."""

LINE_PITCH = 1.3
"""A cell's line pitch, in its text size: single spacing of a CJK face."""

PADDING = 0.4
"""Room inside a cell left and right, in its text size."""

PADDING_V = 0.2
"""Room inside a cell above and below, in its text size: text never touches the rules."""


@dataclass(frozen=True)
class TableFit:
    """The table as it will be set. Lengths in points; `widths` sum to the text block's width
    (its height for a `landscape` table). `overflow` is the column (0-based) that passes the
    block when even landscape pages at the floor size are too narrow; the columns were then
    narrowed and some numbers break."""

    size: float
    header_size: float
    note_size: float
    widths: tuple[float, ...]
    landscape: bool
    overflow: int | None = None

    @property
    def pitch(self) -> float:
        return line_pitch(self.size)

    @property
    def header_pitch(self) -> float:
        return line_pitch(self.header_size)

    @property
    def note_pitch(self) -> float:
        return line_pitch(self.note_size)

    @property
    def padding(self) -> float:
        return _twips(PADDING * self.size)

    @property
    def padding_v(self) -> float:
        return _twips(PADDING_V * self.size)


def line_pitch(size: float) -> float:
    """The line pitch of table text of `size` points."""
    return _twips(LINE_PITCH * size)


def fit(table: model.Table, template: Template) -> TableFit:
    """Where `table` goes on pages of `template`."""
    page = template.page
    return _fit(table, page.text_width_mm * MM, page.text_height_mm * MM,
                template.role("table").size_pt, template.role("table_header").size_pt)


def opens_turned(blocks: Sequence[model.Block], template: Template) -> bool:
    """Whether `blocks` open with a table turned onto landscape pages, perhaps under headings
    with nothing before it: those headings then go on the table's turned page, not alone at
    the foot of the page before (both writers)."""
    first = blocks[0] if blocks else None
    while isinstance(first, model.Section) and first.run_in is None and first.blocks:
        first = first.blocks[0]
    return isinstance(first, model.Table) and fit(first, template).landscape


def units_text(table: model.Table) -> str | None:
    """The units line as printed: 单位：万元 (the word 单位 added when the author left it out)."""
    if not table.units:
        return None
    return table.units if table.units.startswith("单位") else f"单位：{table.units}"


def note_texts(table: model.Table) -> tuple[str, ...]:
    """The notes as printed: the first starts with 注：; several are numbered 1. 2. …, and the
    writers set the later ones under the first's text."""
    notes = table.notes
    if not notes:
        return ()
    if len(notes) == 1:
        note = notes[0]
        return (note if note.startswith(("注", "说明")) else f"注：{note}",)
    if all(n.startswith(("注", "说明")) for n in notes):
        return notes
    return tuple(("注：" if i == 1 else "") + f"{i}.{note}" for i, note in
                 enumerate(notes, start=1))


@lru_cache(maxsize=64)
def _fit(table: model.Table, width: float, height: float, size: float,
         header_size: float) -> TableFit:
    sizes = _ladder(size)
    headers = _ladder(header_size)
    orientations = {"portrait": (False,), "landscape": (True,)}.get(table.orientation,
                                                                    (False, True))
    for landscape in orientations:
        total = height if landscape else width
        for step, cell_size in enumerate(sizes):
            head = headers[min(step, len(headers) - 1)]
            for header_chars in (HEADER_WORD_CHARS, SHORT_HEADER_CHARS):
                ranges, fixed = _ranges(table, cell_size, head, header_chars)
                if sum(ranges.low) <= total + 1e-6:
                    return TableFit(cell_size, head, _note_size(cell_size),
                                    tuple(share(ranges, total, fixed)), landscape)
    landscape = orientations[-1]
    total = height if landscape else width
    cell_size, head = sizes[-1], headers[-1]
    ranges, fixed = _ranges(table, cell_size, head, SHORT_HEADER_CHARS)
    reach = 0.0
    overflow = len(ranges.low) - 1
    for k, low in enumerate(ranges.low):
        reach += low
        if reach > total:
            overflow = k
            break
    return TableFit(cell_size, head, _note_size(cell_size),
                    tuple(share(ranges, total, fixed)), landscape, overflow)


def _ladder(size: float) -> list[float]:
    """`size` and the ladder's smaller steps; a size under the floor stays as it is."""
    return [size, *(s for s in LADDER if s < size)]


def _note_size(size: float) -> float:
    smaller = [s for s in NOTE_LADDER if s < size]
    return smaller[0] if smaller else size


def _ranges(table: model.Table, size: float, header_size: float, header_chars: int):
    padding = _twips(PADDING * size)
    margins = 2 * padding + SLACK * size
    fixed = [None if c.width is None else c.width * size + 2 * padding for c in table.columns]
    measure_cell = measure(size)
    measure_head = measure(header_size)
    cells = list(_cells(table))
    count = len(table.columns)
    body = column_ranges([c for c in cells if not c.header], count, measure_cell, em=size,
                         margins=margins, fixed=fixed)
    head = column_ranges([c for c in cells if c.header], count, measure_head, em=header_size,
                         margins=margins, fixed=fixed, header_chars=header_chars)
    return _merged(body, head), fixed


def _merged(body, head):
    """The ranges of header and body together: the larger minimum and maximum of each column;
    the cells that want room are the body's (a header wraps before every row does)."""
    low = tuple(max(a, b) for a, b in zip(body.low, head.low, strict=True))
    high = tuple(max(a, b, lo) for a, b, lo in zip(body.high, head.high, low, strict=True))
    return type(body)(low, high, body.cells)


def _cells(table: model.Table):
    """The cells of `table` for the width calculation: spans' first positions with their
    width, covered positions left out."""
    spans = {(s.row, s.column): s for s in table.spans}
    covered = {(s.row + r, s.column + c) for s in table.spans for r in range(s.rows)
               for c in range(s.columns)} - spans.keys()
    header_rows = len(table.header)
    for r, row in enumerate(table.grid):
        for k, text in enumerate(row):
            if (r, k) in covered or not text:
                continue
            span = spans.get((r, k))
            yield Cell(text, k, span.columns if span else 1, r < header_rows)


@lru_cache(maxsize=1 << 16)
def ems(text: str) -> float:
    """How wide `text` is set, in ems of its size (see `LATIN_EMS`, `AUTOSPACE_EMS`)."""
    width = 0.0
    before = None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        width += 1.0 if wide else LATIN_EMS.get(ch, OTHER_EMS)
        if ch.isalnum():
            if before is not None and before != wide:
                width += AUTOSPACE_EMS
            before = wide
    return width


def header_lines(text: str, size: float, room: float) -> list[str]:
    """A header cell's text in the lines both writers print: whole when it fits in `room`
    points (less the `SLACK`), else in balanced lines that keep words whole (门诊人次, not
    门诊人|次)."""
    width = measure(size)
    room -= SLACK * size
    if width(text) <= room:
        return [text]
    return [line.text for line in balanced_lines(text, width, room)]


def measure(size: float):
    """How wide a text of `size` points is set, in points."""
    return lambda text: ems(text) * size


def _twips(points: float) -> float:
    """`points` rounded to whole twips, so that the PDF and the DOCX use the same lengths."""
    return round(points * 20) / 20
