"""Table column widths from the text of the cells, as automatic table layout does it.

Each column has a minimum, its widest piece that no line break may cut (a number with its sign,
unit or percent; a row label or a header word that should stay whole), and a maximum, its widest
cell on one line. The text width is shared between the two: every column gets its minimum, the
rest goes where cells still wrap (see `_fill`). Cells spanning several columns widen the columns
they span when they need more than those columns give. Widths are in the caller's unit; nothing
here knows a font or an output format.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import ceil

from reportgen.figures import is_figure
from reportgen.layout.charclass import NO_START
from reportgen.layout.tokens import SPACE, segments

Measure = Callable[[str], float]
"""How wide a text is set on one line, in the caller's unit (points, twips)."""

LABEL_CHARS = 8
"""A body cell of text up to this many characters stays on one line (融水苗族自治县,
其中：三级医院): row labels are read as one word."""

HEADER_WORD_CHARS = 6
"""A header cell up to this many characters stays on one line (门诊人次, 药师（士）); a longer
one is broken into balanced lines of about this many."""

SHORT_HEADER_CHARS = 3
"""The same for a table that is too wide otherwise: 病床|使用率 in two lines."""

TEXT_MIN_CHARS = 4
"""A column of long text is never narrower than this many characters, though its text may
break anywhere the line-breaking rules allow."""


def width_chars(text: str, other: float = 0.5) -> float:
    """How many full-width characters `text` takes: CJK and full-width forms 1, the rest
    `other` (½ in the office faces)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else other for ch in text)


def decimal_tail(text: str) -> str:
    """The part of a number from its decimal point on (.30 of 12.30, .7% of 88.7%); its unit
    or percent sign when it has no decimal point. Numbers set on the decimal point line up
    where their tails start."""
    if "." in text:
        return text[text.index("."):]
    return text[len(text.rstrip("%‰℃万亿千百元")):]


def widest_piece(text: str, measure: Measure) -> float:
    """The widest piece of `text` no line break may cut: a word or number (1243, 3 200, 18.6%,
    2025-03), or a character with the closing mark that may not start the next line (字。);
    0 for an empty text."""
    widest = 0.0
    parts = [text[start:end] for start, end, kind in segments(text) if kind != SPACE]
    for index, part in enumerate(parts):
        after = parts[index + 1] if index + 1 < len(parts) else ""
        if len(after) == 1 and after in NO_START:
            part += after
        widest = max(widest, measure(part))
    return widest


@dataclass(frozen=True)
class Cell:
    """One cell as the width calculation sees it: its text, the first column it stands in, how
    many it spans, and whether it is a header cell."""

    text: str
    column: int
    columns: int = 1
    header: bool = False


def cell_range(cell: Cell, measure: Measure, em: float,
               header_chars: int = HEADER_WORD_CHARS) -> tuple[float, float]:
    """(minimum, maximum) width of the text of `cell`, margins not included; a header cell of
    more than `header_chars` characters may break into balanced lines."""
    text = cell.text
    if not text:
        return 0.0, 0.0
    whole = measure(text)
    chars = width_chars(text)
    if is_figure(text):
        return whole, whole
    if cell.header:
        if chars <= header_chars:
            return whole, whole
        lines = ceil(chars / header_chars)
        return max(widest_piece(text, measure), ceil(chars / lines) * em), whole
    if chars <= LABEL_CHARS:
        return whole, whole
    return max(widest_piece(text, measure), min(whole, TEXT_MIN_CHARS * em)), whole


@dataclass(frozen=True)
class Ranges:
    """Each column's minimum and maximum width, margins included, and for each column the
    widths of its single-column cells on one line (how much they would overflow a width)."""

    low: tuple[float, ...]
    high: tuple[float, ...]
    cells: tuple[tuple[float, ...], ...]


def column_ranges(cells: Sequence[Cell], count: int, measure: Measure, *, em: float,
                  margins: float, fixed: Sequence[float | None] = (),
                  header_chars: int = HEADER_WORD_CHARS) -> Ranges:
    """The ranges of `count` columns holding `cells`. A `fixed` width (margins included) makes
    that column's minimum and maximum; `header_chars` is passed to `cell_range`."""
    low = [margins] * count
    high = [margins] * count
    widths: list[list[float]] = [[] for _ in range(count)]
    spanning = []
    for cell in cells:
        least, most = cell_range(cell, measure, em, header_chars)
        if cell.columns == 1:
            low[cell.column] = max(low[cell.column], least + margins)
            high[cell.column] = max(high[cell.column], most + margins)
            widths[cell.column].append(most + margins)
        else:
            spanning.append((cell, least + margins, most + margins))
    for cell, least, most in sorted(spanning, key=lambda found: found[0].columns):
        span = range(cell.column, cell.column + cell.columns)
        for values, need in ((low, least), (high, most)):
            short = need - sum(values[k] for k in span)
            if short > 0:
                for k in span:
                    values[k] += short / cell.columns
    for k, width in enumerate(fixed):
        if width is not None:
            low[k] = high[k] = width
            widths[k] = []
    high = [max(h, lo) for h, lo in zip(high, low, strict=True)]
    return Ranges(tuple(low), tuple(high), tuple(tuple(w) for w in widths))


def share(ranges: Ranges, total: float, fixed: Sequence[float | None] = ()) -> list[float]:
    """Widths summing to `total`: each column's minimum, the room left going to columns whose
    cells wrap (`_fill`) up to their maximum, then to every column not `fixed` in proportion to
    its maximum. Minimums that do not fit are scaled down (the caller warns)."""
    low, high = list(ranges.low), list(ranges.high)
    if sum(low) >= total:
        return _scaled(low, total)
    if sum(high) > total:
        return _fill(low, high, [list(c) for c in ranges.cells], total)
    grows = [k >= len(fixed) or fixed[k] is None for k in range(len(high))]
    if not any(grows):
        return _scaled(high, total)
    spare = total - sum(high)
    weight = sum(h for h, g in zip(high, grows, strict=True) if g)
    return [h + spare * h / weight if g else h for h, g in zip(high, grows, strict=True)]


def _fill(lower: list[float], upper: list[float], cells: list[list[float]],
          total: float) -> list[float]:
    """`lower` widened to `total`, no column past `upper`: the room goes in proportion to how
    much the cells of each column overflow it, counted over every row. A column of long
    free text in a few rows (备注) then wraps those rows, and a column that wraps in every
    row (活动名称) gets the room first: HTML's share by the widest cell alone would give the
    few long cells the room and wrap every other row. Columns widened only by spanning cells
    share what is left in proportion to what they still lack."""
    widths = list(lower)
    growing = [up > low for low, up in zip(lower, upper, strict=True)]
    while True:
        wants = [sum(max(0.0, c - w) for c in column) if grows else 0.0
                 for column, w, grows in zip(cells, widths, growing, strict=True)]
        if not any(wants):
            wants = [up - w if grows else 0.0
                     for w, up, grows in zip(widths, upper, growing, strict=True)]
        if sum(wants) <= 1e-9:  # only float dust was left to share
            return widths
        spare = total - sum(widths)
        grown = [w + spare * want / sum(wants) for w, want in zip(widths, wants, strict=True)]
        full = [grows and g >= up for g, up, grows in zip(grown, upper, growing, strict=True)]
        if not any(full):
            return grown
        widths = [up if f else w for w, up, f in zip(widths, upper, full, strict=True)]
        growing = [grows and not f for grows, f in zip(growing, full, strict=True)]


def _scaled(widths: list[float], total: float) -> list[float]:
    """`widths` scaled to sum to `total`; equal shares when they are all 0."""
    if sum(widths) <= 0:
        return [total / len(widths)] * len(widths)
    return [w * total / sum(widths) for w in widths]
