"""The page-independent layout: what `boxes` makes of the blocks and `paginate` puts on pages.

Every text line takes exactly one grid line; heights and spacing are counted in grid lines, so
a page is a column of `Grid.lines` slots. Tables leave the grid: their rows are measured in
points, and what follows a table starts on the next whole grid line. x positions are points
from the text block's left.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportgen.writers.pdf.text import Line


@dataclass(frozen=True)
class Picture:
    """A picture (a seal) on a page: `x` points from the text block's left, `row` its top edge
    in grid lines (fractional) from the top of what holds it, size in points."""

    png: bytes
    x: float
    row: float
    width: float
    height: float


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
    `keep_with_next` ends on the page where what follows begins. `pictures` go on the page of
    the box's first line, their rows counted from it. A box that may `squeeze` tightens the
    line spacing of its page rather than move to the next (GB/T 9704 7.3.5.5: a seal and date
    that do not fit below the text). A heading's box carries its `bookmark`: the entry the
    PDF's outline (书签) gets where the box's first line lands.
    """

    lines: tuple[Line, ...]
    space_before: int = 0
    space_after: int = 0
    keep_with_next: bool = False
    keep_together: bool = False
    pictures: tuple[Picture, ...] = ()
    squeeze: bool = False
    bookmark: Bookmark | None = None


@dataclass(frozen=True)
class Rule:
    """A straight rule: x and y in points from the text block's top left (on a page; in a
    `Band`, from the band's top), thickness in points, colour as six hex digits."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    color: str = "000000"


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

    def over(self, below: Band | None) -> Band:
        """This band with `below` under it, as one band (`below` has no rule along its top)."""
        if below is None:
            return self
        shift = self.height
        return Band(shift + below.height,
                    self.lines + tuple((y + shift, line) for y, line in below.lines),
                    self.rules + tuple(replace(r, y0=r.y0 + shift, y1=r.y1 + shift)
                                       for r in below.rules), self.top)


@dataclass(frozen=True)
class TableBox:
    """A ruled table off the grid: `above` (caption and units line) and the `header` go on the
    first page, the header again on every page the table reaches, `below` (notes) on the
    last; body `bands` break between them only. `landscape` tables go on pages of their own,
    turned (GB/T 9704-2012 §8). `rule` closes each page's part of the table. A portrait table
    that `keep_with_next` ends on the page where what follows begins (a 落款 after it). The
    headings a turned table opens are set in `above`, on its first page; `bookmarks` are
    theirs, outermost first."""

    above: Band | None
    header: Band
    bands: tuple[Band, ...]
    below: Band | None
    rule: float
    landscape: bool = False
    space_before: int = 0
    space_after: int = 0
    keep_with_next: bool = False
    bookmarks: tuple[Bookmark, ...] = ()

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


@dataclass(frozen=True)
class Fixed:
    """What stands at fixed places of the page it starts (the 版头): grid lines by row, lines at
    their own baselines and horizontal scale, and rules; it takes the first `height` grid lines
    of the page. `free` holds (baseline in points below the text block's top, line, scale)."""

    lines: tuple[tuple[int, Line], ...]
    free: tuple[tuple[float, Line, float], ...]
    rules: tuple[Rule, ...]
    height: int
    space_after: int = 0
    space_before: int = 0


@dataclass(frozen=True)
class PageBreak:
    """What follows starts a new page (an attachment, GB/T 9704 7.3.7)."""

    space_before: int = 0
    space_after: int = 0


Item = Box | TableBox | ImprintBox | Fixed | PageBreak


@dataclass
class Page:
    """One page: (grid line, line) pairs, lines off the grid (`free`, as in `Fixed`: the 版头's
    at their own scale, a table's at natural width), rules, pictures, and the bookmarks of the
    headings that begin on it as (grid line, bookmark) pairs.

    `rows` is the number of grid lines the text block holds on this page when its line spacing
    was tightened (None: the template's); the tightening leaves its first `held` grid lines,
    where something off the grid stands (a 版头, a table), as they were. `numbered` False leaves
    its page number out. A `landscape` page is turned: its text block is the portrait block's
    height wide and its width high.
    """

    lines: list[tuple[int, Line]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    free: list[tuple[float, Line, float]] = field(default_factory=list)
    rows: int | None = None
    held: int = 0
    numbered: bool = True
    bookmarks: list[tuple[int, Bookmark]] = field(default_factory=list)
    landscape: bool = False

    def boundary(self, row: float, lines: int, pitch: float) -> float:
        """Points from the text block's top to the top edge of grid line `row` on this page,
        whose template grid has `lines` lines `pitch` points apart."""
        if self.rows is None or row <= self.held:
            return row * pitch
        return (self.held + (row - self.held) * (lines - self.held) / (self.rows - self.held)) \
            * pitch
