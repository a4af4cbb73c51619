"""Table column widths from the text of the cells: numbers unbroken, short cells whole."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from itertools import pairwise

from reportgen.layout.charclass import NO_START
from reportgen.layout.tokens import SPACE, segments

Measure = Callable[[str], float]
"""How wide a text is set on one line, in the caller's unit (points, twips)."""

SHORT_EMS = 8.0
"""A header or a column whose widest cell is at most this many full-width characters is kept on
one line when the table has room: 承办单位, 参与人次, 柳州市文化馆."""

WIDEST_SHARE = 0.5
"""No unbreakable piece claims more than this share of the table: a long URL is cut anyway."""


CELL_PADDING_CHARS = 0.5
"""The margin inside each cell, left and right, in characters of the cell's size."""


def least_width(header: Sequence[str], rows: Sequence[Sequence[str]], em: float,
                header_em: float) -> float:
    """An estimate of the least width the columns take, each one character of its widest
    text wide (1 em for a full-width character, 1/2 em for any other) with its margins, in
    the unit of `em` (cells) and `header_em` (the header): a table that needs more than the
    text block runs past the margin whatever the column widths."""
    total = 0.0
    for k, title in enumerate(header):
        widest = _char_ems(title) * header_em
        for row in rows:
            widest = max(widest, _char_ems(row[k]) * em)
        total += widest + 2 * CELL_PADDING_CHARS * em
    return total


def _char_ems(text: str) -> float:
    if not text:
        return 0.0
    return 1.0 if any(unicodedata.east_asian_width(ch) in "WF" for ch in text) else 0.5


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


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: float,
                  measure: Measure, *, margins: float, em: float,
                  header_measure: Measure | None = None) -> list[float]:
    """Widths of the columns of `header` and `rows`, summing to `total`.

    `margins` is the room a cell's left and right margins take together, `em` one full-width
    character of the body's cells; `header_measure` measures the header (None: as the body).
    Each column asks for widths at five levels (see `_levels`). The table takes the highest
    level that fits; below the last, what is left is shared in proportion to what each column
    asks more at the next level, so a level that does not fit is scaled down fairly. Between
    the last two it goes where the cells still want most (see `_fill`). If even the first
    level does not fit it is scaled down; if the last fits, the columns grow in proportion to it.
    """
    head = header_measure or measure
    short = SHORT_EMS * em + margins
    columns = [[(text, m) for text, m in [(title, head), *((row[k], measure) for row in rows)]
                if text] for k, title in enumerate(header)]
    levels = [list(level) for level in zip(*(
        _levels(texts, head(title) + margins, total, margins, short)
        for title, texts in zip(header, columns, strict=True)), strict=True)]
    if sum(levels[-2]) < total < sum(levels[-1]):
        cells = [[m(text) + margins for text, m in texts] for texts in columns]
        widths = _fill(levels[-2], levels[-1], cells, total)
    else:
        widths = _share(levels, total)
    widths[-1] = total - sum(widths[:-1])
    return widths


def _levels(texts: list[tuple[str, Measure]], title: float, total: float, margins: float,
            short: float) -> tuple[float, ...]:
    """What one column asks for, from its texts (title and cells, none empty) and its title's
    width, each level at least the one before: one character of its widest text; its widest
    unbreakable piece; its title on one line, if short; every text on one line, if all are
    short; every text on one line. Margins included."""
    char = max((max(map(m, text)) for text, m in texts), default=0.0) + margins
    piece = max((widest_piece(text, m) for text, m in texts), default=0.0)
    piece = max(char, min(piece, total * WIDEST_SHARE) + margins)
    titled = max(piece, title) if title <= short else piece
    whole = max(titled, max((m(text) for text, m in texts), default=0.0) + margins)
    return char, piece, titled, whole if whole <= short else titled, whole


def _share(levels: list[list[float]], total: float) -> list[float]:
    """`total` shared between the two levels whose sums enclose it."""
    if sum(levels[0]) >= total:
        return _scaled(levels[0], total)
    for lower, upper in pairwise(levels):
        if sum(upper) > total:
            part = (total - sum(lower)) / (sum(upper) - sum(lower))
            return [low + part * (up - low) for low, up in zip(lower, upper, strict=True)]
    return _scaled(levels[-1], total)


def _fill(lower: list[float], upper: list[float], cells: list[list[float]],
          total: float) -> list[float]:
    """`lower` widened to `total`, no column past `upper`: the room goes in proportion to how
    much the cells of each column overflow it, counted over every row. A column of long
    free text in a few rows (备注) then wraps those rows, and a column that wraps in every
    row (活动名称) gets the room first: HTML's share by the widest cell alone would give the
    few long cells the room and wrap every other row."""
    widths = list(lower)
    growing = [up > low for low, up in zip(lower, upper, strict=True)]
    while True:
        wants = [sum(max(0.0, c - low) for c in column) if grows else 0.0
                 for column, low, grows in zip(cells, lower, growing, strict=True)]
        if not any(wants):  # only float dust was left to share
            return widths
        spare = total - sum(widths)
        grown = [w + spare * want / sum(wants) for w, want in zip(widths, wants, strict=True)]
        full = [g > up for g, up in zip(grown, upper, strict=True)]
        if not any(full):
            return grown
        widths = [up if f else w for w, up, f in zip(widths, upper, full, strict=True)]
        growing = [grows and not f for grows, f in zip(growing, full, strict=True)]


def _scaled(widths: list[float], total: float) -> list[float]:
    """`widths` scaled to sum to `total`; equal shares when they are all 0."""
    if sum(widths) <= 0:
        return [total / len(widths)] * len(widths)
    return [w * total / sum(widths) for w in widths]
