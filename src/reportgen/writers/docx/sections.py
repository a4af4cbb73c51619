"""Sections for landscape tables (横排表格): where the orientation changes, a section ends.

A section's properties sit in the last paragraph of the section (`w:pPr/w:sectPr`), the last
section's in the body. While the body is written only the paragraphs that end a section are
noted; once the page is set up, each gets a copy of the body's section properties, turned for a
landscape section: the page 297 × 210 mm, its margins those of the portrait page turned a
quarter left (the top margin is the portrait left margin), as the PDF turns its pages, so the
text block is the same rectangle.
"""

from __future__ import annotations

from copy import deepcopy

import docx.document
from docx.oxml.ns import qn

from reportgen.template import Page
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import mm, pt

EMPTY_LINE_TWIPS = 20
"""The height of the empty paragraph that ends a section where no paragraph does (after a
table): 1 pt, so that it never pushes anything to another page."""


class Sections:
    """Follows the orientation of what the body writer appends, noting where sections end."""

    def __init__(self) -> None:
        self.landscape = False
        self.ends: list[tuple[oxml.Element, bool]] = []  # (paragraph, its section landscape)
        self._last: oxml.Element | None = None

    def switch(self, landscape: bool) -> oxml.Element | None:
        """Go on in `landscape` or portrait; an empty paragraph to append first when the
        section before ends and no paragraph can carry its end."""
        if landscape == self.landscape:
            return None
        ending, self.landscape = self.landscape, landscape
        if self._last is None:  # nothing before: the first section takes the orientation
            return None
        if self._last.tag == qn("w:p"):
            self.ends.append((self._last, ending))
            return None
        empty = oxml.el("w:p", None, oxml.p_pr(
            snap_to_grid=False, line_spacing=oxml.spacing(line=EMPTY_LINE_TWIPS),
            mark=oxml.r_pr(size_pt=1)))
        self.ends.append((empty, ending))
        return empty

    def appended(self, node: oxml.Element) -> None:
        self._last = node

    def finish(self, word: docx.document.Document, page: Page) -> None:
        """Give each section end its properties, copied from the body's (set up by then)."""
        body = word.element.body.find(qn("w:sectPr"))
        for paragraph, landscape in self.ends:
            properties = deepcopy(body)
            if landscape:
                turn(properties, page)
            p_pr = paragraph.find(qn("w:pPr"))
            if p_pr is None:
                p_pr = oxml.el("w:pPr")
                paragraph.insert(0, p_pr)
            p_pr.append(properties)
        if self.landscape:
            turn(body, page)


def turn(properties: oxml.Element, page: Page) -> None:
    """Make section `properties` landscape: the page and margins turned a quarter left."""
    size = properties.find(qn("w:pgSz"))
    size.set(qn("w:w"), str(mm(page.height_mm)))
    size.set(qn("w:h"), str(mm(page.width_mm)))
    size.set(qn("w:orient"), "landscape")
    margins = properties.find(qn("w:pgMar"))
    number = page.page_number
    for side, value in (("top", page.left_mm), ("left", page.bottom_mm),
                        ("right", page.top_mm), ("bottom", page.right_mm)):
        margins.set(qn(f"w:{side}"), str(mm(value)))
    footer = mm(page.right_mm - number.below_text_mm) - pt(number.size_pt * 1.25)
    margins.set(qn("w:footer"), str(max(0, footer)))
