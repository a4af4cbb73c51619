"""The page-independent layout: what `boxes` makes of the blocks and `paginate` puts on pages.

Every text line takes exactly one grid line; heights and spacing are counted in grid lines, so
a page is a column of `Grid.lines` slots. Tables leave the grid: their rows are measured in
points, and what follows a table starts on the next whole grid line. x positions are points
from the text block's left.
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
class Rule:
    """A straight rule: x and y in points from the text block's top left (on a page; in a
    `Band`, from the band's top), thickness in points."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float


@dataclass(frozen=True)
class Band:
    """Table rows that stay on one page: a row, rows joined by a cell spanning them, the header
    rows, or the lines above or below the table (caption, units, notes). Lengths in points from
    the band's top: `lines` are (baseline, line); `rules` are its vertical rules and the rules
    between its rows; `top` is the thickness of the full-width rule along its top (0: none)."""

    height: float
    lines: tuple[tuple[float, Line], ...]
    rules: tuple[Rule, ...] = ()
    top: float = 0.0


@dataclass(frozen=True)
class TableBox:
    """A ruled table off the grid: `above` (caption and units line) and the `header` go on the
    first page, the header again on every page the table reaches, `below` (notes) on the
    last; body `bands` break between them only. `landscape` tables go on pages of their own,
    turned (GB/T 9704-2012 §8). `rule` closes each page's part of the table."""

    above: Band | None
    header: Band
    bands: tuple[Band, ...]
    below: Band | None
    rule: float
    landscape: bool = False
    space_before: int = 0
    space_after: int = 0

    @property
    def height(self) -> float:
        """The whole table on one page, in points."""
        return sum(b.height for b in (self.above, self.header, *self.bands, self.below) if b)


@dataclass(frozen=True)
class ImprintBox:
    """版记: lines set at the foot of the last page between full-width rules. `rules` holds
    (grid line boundary counted from the box's top, thickness in points) pairs."""

    lines: tuple[Line, ...]
    rules: tuple[tuple[int, float], ...]
    space_before: int = 0
    space_after: int = 0


Item = Box | TableBox | ImprintBox


@dataclass
class Page:
    """One page: (grid line, line) pairs, lines off the grid as (baseline in points from the
    block's top, line) set at their natural width, rules, and the bookmarks of the headings that
    begin on it as (grid line, bookmark) pairs. A `landscape` page is turned: its text block is
    the portrait block's height wide and its width high."""

    lines: list[tuple[int, Line]] = field(default_factory=list)
    free: list[tuple[float, Line]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    bookmarks: list[tuple[int, Bookmark]] = field(default_factory=list)
    landscape: bool = False
