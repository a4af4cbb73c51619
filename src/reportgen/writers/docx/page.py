"""Page setup: A4, GB/T 9704 margins, the line grid, and `— N —` page numbers on the outer side."""

from __future__ import annotations

import math
from dataclasses import dataclass

import docx.document
from docx.oxml.ns import qn
from docx.shared import Twips

from reportgen.fontmetrics import VerticalMetrics
from reportgen.layout.baseline import baseline_depth
from reportgen.template import Page
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid, mm, pt
from reportgen.writers.docx.styles import FOOTER_EVEN, FOOTER_ODD

HEADER_MM = 15.0
"""Distance of the (empty) header from the top edge."""


@dataclass(frozen=True)
class FooterLine:
    """The page number's line: its exact height and the footer distance that puts its dash's top
    `below_text_mm` under the text block (GB/T 9704 7.5: 一字线上距版心下边缘7mm), in twips.

    Word and LibreOffice set a footer's last line with its bottom at the footer distance from
    the page's bottom edge. The line is as high as its face's own line (ascent and descent), so
    that no glyph is clipped, and of exact height, so its baseline sits 4/5 of the way down
    (reportgen.layout.baseline; LibreOffice counts whole twips, rounding the depth down): for
    the bundled 宋体 that is its ascent (1151/1437 of the line). The dash's top stands its
    glyph's height above the baseline. The face is the one the PDF prints the number with (in
    the standard profile, the office's 宋体 stands in its place, with metrics close to it)."""

    height: int
    footer_distance: int

    @classmethod
    def of(cls, page: Page, metrics: VerticalMetrics) -> FooterLine:
        number = page.page_number
        height = pt((metrics.ascent + metrics.descent) * number.size_pt)
        below_baseline = height - math.floor(baseline_depth(height))
        dash_top = pt(metrics.top * number.size_pt)
        return cls(height=height,
                   footer_distance=mm(page.bottom_mm - number.below_text_mm)
                   - below_baseline - dash_top)


def set_up(document: docx.document.Document, page: Page, grid: Grid, footer: FooterLine,
           header: int | None = None) -> None:
    """Page size, margins, grid and footers of the document's single section. `header`: the
    distance (twips) of a letter's letterhead in its first page's header from the paper's top
    edge (GB/T 9704 10.1); the letterhead reaches below the top margin, so the margin is given
    as one the header never moves (a negative value, ECMA-376 Part 1 17.6.11), and the text
    block starts where it does on every page."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(mm(page.width_mm)), Twips(mm(page.height_mm))
    section.top_margin = Twips(mm(page.top_mm) * (1 if header is None else -1))
    section.bottom_margin = Twips(mm(page.bottom_mm))
    section.left_margin, section.right_margin = Twips(mm(page.left_mm)), Twips(mm(page.right_mm))
    section.gutter = Twips(0)
    section.header_distance = Twips(mm(HEADER_MM) if header is None else header)
    number = page.page_number
    section.footer_distance = Twips(footer.footer_distance)
    sect_pr = section._sectPr
    old = sect_pr.find(qn("w:docGrid"))
    grid_element = oxml.doc_grid(grid.line_pitch, grid.char_space)
    if old is not None:
        old.addprevious(grid_element)
        sect_pr.remove(old)
    else:
        sect_pr.append(grid_element)

    _page_number(section.footer, FOOTER_ODD, number.format)
    if odd_and_even(page):
        _page_number(section.even_page_footer, FOOTER_EVEN, number.format)


def odd_and_even(page: Page) -> bool:
    """Whether odd and even pages have footers of their own (`w:evenAndOddHeaders`)."""
    return page.page_number.placement == "outside"


def _page_number(footer, style: str, template: str) -> None:
    """Fill `footer` with one paragraph: the text of `template` around a PAGE field."""
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    before, _, after = template.partition("{n}")
    p = oxml.el("w:p", None, oxml.p_pr(style=style))
    if before:
        p.append(oxml.text_run(before))
    p.extend(oxml.field_runs("PAGE", "1"))
    if after:
        p.append(oxml.text_run(after))
    element.append(p)
