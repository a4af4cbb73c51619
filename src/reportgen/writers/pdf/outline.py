"""Bookmarks (书签): the headings as the PDF's outline, nested by level, each at its heading."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from reportgen.writers.pdf.flow import Page
from reportgen.writers.pdf.grid import Grid

OPEN_DEPTH = 1
"""Entries below this depth start closed: a viewer shows the 一、 and （一） levels at first."""


class Outline:
    """Adds each page's bookmarks to the canvas as the page is drawn."""

    def __init__(self, canvas: Canvas, grid: Grid) -> None:
        self.canvas = canvas
        self.grid = grid
        self.count = 0
        self.depth = -1  # of the entry added last

    def mark(self, page: Page) -> None:
        """Bookmark the headings that begin on `page`, the page being drawn: each jumps to the
        top of the heading's first grid line, at the reader's zoom."""
        for row, bookmark in page.bookmarks:
            self.count += 1
            key = f"h{self.count}"
            grid = self.grid
            top = grid.page_height - grid.top - page.boundary(row, grid.lines, grid.pitch)
            self.canvas.bookmarkHorizontalAbsolute(key, top, left=0)
            # an outline cannot skip a level: a heading deeper than its predecessor's child
            # (which the model does not make) would hang under that predecessor
            self.depth = min(bookmark.depth, self.depth + 1)
            self.canvas.addOutlineEntry(bookmark.title, key, self.depth,
                                        closed=self.depth >= OPEN_DEPTH or None)
