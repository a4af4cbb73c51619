"""The page-independent layout: what `boxes` makes of the blocks and `paginate` puts on pages.

Every text line takes exactly one grid line; heights and spacing are counted in grid lines, so
a page is a column of `Grid.lines` slots. x positions are points from the text block's left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.writers.pdf.text import Line


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: the heading as printed (一、2025年工作总结) and its depth (0 is the
    top level; a heading is one deeper than the heading it stands under)."""

    title: str
    depth: int


@dataclass(frozen=True)
class Box:
    """Lines set one below the other (a paragraph, a heading, a title, a signature).

    A box of four lines or more may break across pages, leaving at least two lines on each (no
    orphan, no widow); a shorter one, or one that `keep_together`, moves whole. A box that
    `keep_with_next` ends on the page where what follows begins. A heading's box carries its
    `bookmark`: the entry the PDF's outline (书签) gets where the box's first line lands.
    """

    lines: tuple[Line, ...]
    space_before: int = 0
    space_after: int = 0
    keep_with_next: bool = False
    keep_together: bool = False
    bookmark: Bookmark | None = None



@dataclass(frozen=True)
class Row:
    """One table row: its height in grid lines and what is drawn on each of them."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class TableBox:
    """A ruled table: the header row (repeated on every page the table reaches) and the body
    rows, each kept on one page unless it is taller than a page. `columns` are the x positions
    of the vertical rules, the text block's left and right edges included."""

    header: Row
    rows: tuple[Row, ...]
    columns: tuple[float, ...]
    rule: float
    space_before: int = 0
    space_after: int = 0


@dataclass(frozen=True)
class ImprintBox:
    """版记: lines set at the foot of the last page between full-width rules. `rules` holds
    (grid line boundary counted from the box's top, thickness in points) pairs."""

    lines: tuple[Line, ...]
    rules: tuple[tuple[int, float], ...]
    space_before: int = 0
    space_after: int = 0


Item = Box | TableBox | ImprintBox


@dataclass(frozen=True)
class Rule:
    """A straight rule on a page: x in points from the text block's left, y as grid boundaries
    (0 the text block's top, `Grid.lines` its bottom), thickness in points."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float


@dataclass
class Page:
    """One page: (grid line, line) pairs, rules, and the bookmarks of the headings that begin
    on it as (grid line, bookmark) pairs."""

    lines: list[tuple[int, Line]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    bookmarks: list[tuple[int, Bookmark]] = field(default_factory=list)
