"""Sections for landscape tables (横排表格): where the orientation changes, a section ends.

A section's properties sit in the last paragraph of the section (`w:pPr/w:sectPr`), the last
section's in the body. While the body is written only the paragraphs that end a section are
noted; once the page is set up, each gets a copy of the body's section properties, turned for a
landscape section: the page 297 × 210 mm, its margins those of the portrait page turned a
quarter left (the top margin is the portrait left margin), as the PDF turns its pages, so the
text block is the same rectangle. A landscape section's grid is of lines only, their pitch
the body's stretched to fill its block (156 mm) with whole lines: LibreOffice centres the lines
a block holds in it, and with the body's pitch would set everything on the page some 3.5 pt
lower than the PDF; the body's character grid would move a line's start up to 4 pt; without
a grid, LibreOffice 7.4 wraps the text after a decimal tab in a table's cell (measured: the
health statistics example's landscape table ran over three pages instead of one).

GB/T 9704-2012 §8 keeps a landscape table's page number where every page has it, on the sheet:
7 mm below the portrait block, which on the landscape page is its left margin, read top to
bottom, near the foot on odd pages and near the head on even ones. Landscape sections get
footers of their own that put it there: a one-cell table floating at that place, its text
turned (`w:textDirection tbRl`).
"""

from __future__ import annotations

from copy import deepcopy

import docx.document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart

from reportgen.template import Page
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import mm, pt
from reportgen.writers.docx.styles import FOOTER_EVEN, FOOTER_ODD

NUMBER_LENGTH_MM = 50.0
"""The length of the turned page number's cell: room for — 999 — at any size up to 4号."""

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
        """Give each section end its properties, copied from the body's (set up by then). A
        first page of its own (a letter's, GB/T 9704 10.1) is the first section's only."""
        body = word.element.body.find(qn("w:sectPr"))
        turned = [p for p, landscape in self.ends if landscape] or self.landscape
        footers = _turned_footers(word, page) if turned else []
        for n, (paragraph, landscape) in enumerate(self.ends):
            properties = deepcopy(body)
            if n:
                _no_first_page(properties)
            if landscape:
                turn(properties, page, footers)
            p_pr = paragraph.find(qn("w:pPr"))
            if p_pr is None:
                p_pr = oxml.el("w:pPr")
                paragraph.insert(0, p_pr)
            p_pr.append(properties)
        if self.ends:
            _no_first_page(body)
        if self.landscape:
            turn(body, page, footers)


def _no_first_page(properties: oxml.Element) -> None:
    """Section `properties` without a first page of their own: its header and footer (which
    a section would otherwise inherit from the one before) and `w:titlePg` dropped."""
    for child in list(properties):
        if child.tag == qn("w:titlePg") or child.tag in (
                qn("w:headerReference"), qn("w:footerReference")) \
                and child.get(qn("w:type")) == "first":
            properties.remove(child)


def turn(properties: oxml.Element, page: Page, footers: list[oxml.Element] = ()) -> None:
    """Make section `properties` landscape: the page and margins turned a quarter left, and
    its footers `footers` (references to the turned page numbers' footers)."""
    if footers:
        for old in properties.findall(qn("w:footerReference")):
            properties.remove(old)
        at = len(properties.findall(qn("w:headerReference")))
        for offset, reference in enumerate(footers):
            properties.insert(at + offset, deepcopy(reference))
    grid = properties.find(qn("w:docGrid"))
    if grid is not None:  # see the module's docstring
        block = mm(page.width_mm - page.left_mm - page.right_mm)
        pitch = int(grid.get(qn("w:linePitch")))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(block // max(1, block // pitch)))
        grid.attrib.pop(qn("w:charSpace"), None)
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


def _turned_footers(word: docx.document.Document, page: Page) -> list[oxml.Element]:
    """Footer parts for landscape sections, odd pages and (with outside page numbers) even
    ones, and references to them for a section's properties."""
    number = page.page_number
    sides = [("default", FOOTER_ODD, True)]
    if number.placement == "outside":
        sides.append(("even", FOOTER_EVEN, False))
    references = []
    for kind, style, odd in sides:
        part = FooterPart.new(word.part.package)
        element = part.element
        for child in list(element):
            element.remove(child)
        element.append(_turned_number(page, style, odd))
        element.append(oxml.el("w:p", None, oxml.p_pr(
            style=style, snap_to_grid=False, line_spacing=oxml.spacing(line=20),
            mark=oxml.r_pr(size_pt=1))))
        rid = word.part.relate_to(part, RT.FOOTER)
        references.append(oxml.el("w:footerReference", {"w:type": kind, "r:id": rid}))
    return references


def _turned_number(page: Page, style: str, odd: bool) -> oxml.Element:
    """The page number as a one-cell table floating in the landscape page's left margin, its
    text read top to bottom: the portrait page's number turned with the sheet."""
    number = page.page_number
    line = pt(number.size_pt * 1.25)
    length = mm(NUMBER_LENGTH_MM)
    inset = pt(number.inset_chars * number.size_pt)
    # The portrait block's foot, 7 mm below which the number's top stands, is the landscape
    # page's left margin edge; the portrait right edge (odd pages) is the landscape foot.
    x = mm(page.bottom_mm - number.below_text_mm) - line
    if odd:
        y = mm(page.left_mm + page.text_width_mm) - inset - length
    else:
        y = mm(page.left_mm) + inset
    before, _, after = number.format.partition("{n}")
    p = oxml.el("w:p", None, oxml.p_pr(style=style, snap_to_grid=False,
                                       line_spacing=oxml.spacing(line=line),
                                       indent=oxml.ind(left=0, right=0, first_line=0),
                                       align="right" if odd else "left"))
    if before:
        p.append(oxml.text_run(before))
    p.extend(oxml.field_runs("PAGE", "1"))
    if after:
        p.append(oxml.text_run(after))
    cell_margin = oxml.el("w:tblCellMar", None,
                          *(oxml.el(f"w:{side}", {"w:w": 0, "w:type": "dxa"})
                            for side in ("top", "left", "bottom", "right")))
    return oxml.el(
        "w:tbl", None,
        oxml.el("w:tblPr", None,
                oxml.el("w:tblpPr", {"w:leftFromText": 0, "w:rightFromText": 0,
                                     "w:vertAnchor": "page", "w:horzAnchor": "page",
                                     "w:tblpX": x, "w:tblpY": y}),
                oxml.el("w:tblW", {"w:w": line, "w:type": "dxa"}),
                oxml.el("w:tblLayout", {"w:type": "fixed"}), cell_margin),
        oxml.el("w:tblGrid", None, oxml.el("w:gridCol", {"w:w": line})),
        oxml.el("w:tr", None,
                oxml.el("w:trPr", None, oxml.el("w:trHeight", {"w:val": length,
                                                              "w:hRule": "exact"})),
                oxml.el("w:tc", None,
                        oxml.el("w:tcPr", None, oxml.el("w:tcW", {"w:w": line, "w:type": "dxa"}),
                                oxml.val("w:textDirection", "tbRl")),
                        p)))
