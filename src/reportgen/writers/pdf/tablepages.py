"""Pagination of one table: its bands of rows onto pages, in points, off the grid.

A table that fits on a page is never broken: it starts a page of its own when it does not fit
where it would begin. A longer one breaks between its bands of rows only, leaving at least
`MIN_ROWS` on each side, its header repeated on every page, its notes, and what keeps with it
(a 落款) from the next whole grid line on, with its last rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from math import ceil

from reportgen.writers.pdf.flow import Band, Page, Rule, TableBox

MIN_ROWS = 2  # bands of a table kept together at the foot and at the head of a page
EPS = 1e-6


def table_lead(table: TableBox, height: float) -> float:
    """Points of `table` that must fit where it starts on a page `height` high: all of it
    when it fits on a page, else its top with its first rows."""
    if table.height <= height:
        return table.height
    top = sum(b.height for b in (table.above, table.header) if b)
    return top + sum(b.height for b in table.bands[:MIN_ROWS])


class TablePlacer:
    """Places tables on `pages`, the last being the current one; `new_page(landscape)` adds a
    page. `pitch` is the grid's."""

    def __init__(self, pages: list[Page], new_page: Callable[[bool], None],
                 pitch: float) -> None:
        self.pages = pages
        self.new_page = new_page
        self.pitch = pitch

    def place(self, table: TableBox, y: float, height: float, width: float,
              after: float = 0.0) -> float:
        """Lay `table` out from `y` on pages whose block is `height` high and `width` wide;
        `after` points must follow its last part on its page. Where it ends on its last
        page."""
        if y and y + table.height > height and (table.height <= height or
                                                y + table_lead(table, height) > height):
            self.new_page(table.landscape)
            y = 0.0
        self.pages[-1].bookmarks += [(round(y / self.pitch), mark) for mark in table.bookmarks]
        if table.above:
            y = self.band(table.above, y, width)
        bands = table.bands
        i, n = 0, len(bands)
        while True:
            y = self.band(table.header, y, width)
            room = height - y
            k, used = 0, 0.0
            while i + k < n and used + bands[i + k].height <= room + EPS:
                used += bands[i + k].height
                k += 1
            rest = n - i - k
            below = table.below.height if table.below else 0.0
            if rest == 0 and not self.ends_here(y + used + below, height, after):
                k = max(1, min(k, n - i - MIN_ROWS))  # the last rows go over with the notes
            elif 0 < rest < MIN_ROWS:
                k = max(1, k - (MIN_ROWS - rest))
            k = max(k, 1)
            for band in bands[i:i + k]:
                y = self.band(band, y, width)
            i += k
            self.pages[-1].rules.append(Rule(0.0, y, width, y, table.rule))  # closes the part
            if i >= n:
                break
            self.new_page(table.landscape)
            y = 0.0
        if table.below:
            y = self.band(table.below, y, width)
        return y

    def ends_here(self, end: float, height: float, after: float) -> bool:
        """Whether a table may end at `end` on this page `height` high: with its notes, and
        the `after` points that keep with it from the next whole grid line on."""
        if not after:
            return end <= height + EPS
        return ceil(end / self.pitch - EPS) * self.pitch + after <= height + EPS

    def band(self, band: Band, y: float, width: float) -> float:
        page = self.pages[-1]
        page.free += [(y + baseline, line, 1.0) for baseline, line in band.lines]
        if band.top:
            page.rules.append(Rule(0.0, y, width, y, band.top))
        page.rules += [replace(r, y0=y + r.y0, y1=y + r.y1) for r in band.rules]
        return y + band.height
