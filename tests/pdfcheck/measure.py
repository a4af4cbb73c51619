"""Geometry measured on the pages: full lines, right edges, lines per page, extents, page numbers.

Definitions (pt unless marked mm; the block is the expected text block, 版心):

- *wrapped line*: a body line that is not its paragraph's last line, so the breaker chose
  where it ends. Its *right gap* is the block's right edge minus the right edge of its last
  visible glyph box: 0 for a justified line, positive when ragged, negative past the margin.
- *full line*: a wrapped line whose right gap is within 1 pt of zero. Its *grid cells* are
  the indent before its first visible glyph (over the body size: a paragraph's first line
  starts 2 cells in) plus its glyphs up to the last visible one: ideographs and full-width
  marks 1 each, other glyphs (Latin letters, digits, half-width marks, spaces at their natural
  width) their advance over their size. On the GB/T 9704 grid a full line holds 28.
- ``overflow`` finding: any line but a page number whose right edge passes the block's right
  edge by more than 0.5 pt (hanging punctuation included).
- ``ragged`` finding: a wrapped line whose right gap is more than 1 pt.
- ``outside_block`` finding: a line but a page number whose left edge, top or bottom passes
  the block by more than 0.5 pt.
- *lines per page*: the distinct baselines (within 2 pt) of a page's lines, page numbers
  excluded. A *full page* has a page after it and its lowest line ends within one line pitch
  (block height over 22) of the block's bottom. ``lines_per_page`` finding: a full page of
  body lines only whose count is not 22 (a title, table or 版记 on the page changes the count
  legitimately, so such pages are not judged).
- *pitch*: the baseline distance between consecutive lines of a body paragraph on one page.
- *page number*: the ``page_number`` line (see ``lines``). Findings (kind ``page_number``): none
  on a page; text other than ``— N —`` (em dashes, optional spaces); N not the page's place in
  the file; size off 14 pt by more than 0.5 pt; the gap from the block's bottom to the top of
  its glyph boxes off 7 mm by more than 1 mm; on the wrong side (odd N right, even N left,
  judged by which third of the block holds its centre); or inset from that side's block edge
  by other than one 14 pt character, within 1 pt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import MM, Geometry, Page, Paragraph, TextLine
from .rules import Finding

FULL_LINE_TOLERANCE = 1.0
OVERFLOW_TOLERANCE = 0.5
PAGE_NUMBER_GAP_TOLERANCE_MM = 1.0
PAGE_NUMBER_INSET_TOLERANCE = 1.0
PAGE_NUMBER_FORM = re.compile(r"^— ?(\d+) ?—$")


@dataclass(frozen=True)
class PageExtent:
    """Where a page's text (page number excluded) reaches, mm from the top-left corner."""

    page: int
    left_mm: float
    right_mm: float
    top_mm: float
    bottom_mm: float


@dataclass(frozen=True)
class PageNumberMark:
    """A page number as printed: ``side`` is left, centre or right of the block; ``inset`` is
    the distance in pt from the block edge of the side it should be on."""

    page: int
    text: str
    size: float
    gap_mm: float
    side: str
    inset: float


@dataclass
class Measurements:
    """Everything measured on one PDF, plus the geometric findings."""

    body_lines: int = 0
    wrapped_lines: int = 0
    full_line_cells: list[float] = field(default_factory=list)
    right_gaps: list[float] = field(default_factory=list)
    pitches: list[float] = field(default_factory=list)
    lines_per_page: list[int] = field(default_factory=list)
    full_pages: list[int] = field(default_factory=list)
    extents: list[PageExtent] = field(default_factory=list)
    page_numbers: list[PageNumberMark] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def measure(pages: list[Page], paragraphs: list[Paragraph], geometry: Geometry) -> Measurements:
    """Measure the pages against ``geometry``."""
    result = Measurements()
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind == "body":
            _measure_paragraph(number, paragraph, geometry, result)
    for page in pages:
        _measure_page(page, len(pages), geometry, result)
    return result


def _measure_paragraph(
    number: int, paragraph: Paragraph, geometry: Geometry, result: Measurements
) -> None:
    result.body_lines += len(paragraph.lines)
    for line, following in zip(paragraph.lines, paragraph.lines[1:], strict=False):
        if following.page == line.page:
            result.pitches.append(following.baseline - line.baseline)
        result.wrapped_lines += 1
        gap = geometry.right - line.x1
        result.right_gaps.append(gap)
        if abs(gap) <= FULL_LINE_TOLERANCE:
            indent = max(0.0, line.x0 - geometry.left) / geometry.body_size
            result.full_line_cells.append(indent + line.cells)
        elif gap > FULL_LINE_TOLERANCE:
            result.findings.append(
                Finding(line.page, line.index, "ragged", line.text, f"{gap:.1f} pt short", number)
            )


def _measure_page(page: Page, page_count: int, geometry: Geometry, result: Measurements) -> None:
    text_lines = [line for line in page.lines if line.kind != "page_number"]
    for line in text_lines:
        _check_extent(line, geometry, result.findings)
    baselines: list[float] = []
    for line in text_lines:
        if not baselines or line.baseline - baselines[-1] > 2:
            baselines.append(line.baseline)
    result.lines_per_page.append(len(baselines))
    if text_lines:
        result.extents.append(
            PageExtent(
                page.number,
                min(line.x0 for line in text_lines) / MM,
                max(line.x1 for line in text_lines) / MM,
                min(line.top for line in text_lines) / MM,
                max(line.bottom for line in text_lines) / MM,
            )
        )
        lowest = max(line.bottom for line in text_lines)
        if page.number < page_count and lowest >= geometry.bottom - geometry.pitch:
            result.full_pages.append(page.number)
            only_body = all(line.kind == "body" for line in text_lines)
            if only_body and len(baselines) != geometry.lines_per_page:
                result.findings.append(
                    Finding(page.number, 0, "lines_per_page", f"{len(baselines)} lines",
                            f"expected {geometry.lines_per_page}")
                )
    _check_page_number(page, geometry, result)


def _check_extent(line: TextLine, geometry: Geometry, findings: list[Finding]) -> None:
    past_right = line.x1 - geometry.right
    if past_right > OVERFLOW_TOLERANCE:
        findings.append(
            Finding(line.page, line.index, "overflow", line.text, f"{past_right:.1f} pt past")
        )
    outside = []
    if line.x0 < geometry.left - OVERFLOW_TOLERANCE:
        outside.append(f"left {geometry.left - line.x0:.1f} pt")
    if line.top < geometry.top - OVERFLOW_TOLERANCE:
        outside.append(f"top {geometry.top - line.top:.1f} pt")
    if line.bottom > geometry.bottom + OVERFLOW_TOLERANCE:
        outside.append(f"bottom {line.bottom - geometry.bottom:.1f} pt")
    if outside:
        findings.append(
            Finding(line.page, line.index, "outside_block", line.text, ", ".join(outside))
        )


def _check_page_number(page: Page, geometry: Geometry, result: Measurements) -> None:
    marks = [line for line in page.lines if line.kind == "page_number"]
    if not marks:
        result.findings.append(Finding(page.number, 0, "page_number", "", "missing"))
        return
    line = marks[0]
    text = " ".join(line.text.split())
    digits = re.search(r"\d+", text)
    number = int(digits.group()) if digits else page.number
    side = _side(line, geometry)
    expected_side = "right" if number % 2 else "left"
    inset = geometry.right - line.x1 if expected_side == "right" else line.x0 - geometry.left
    gap_mm = (line.top - geometry.bottom) / MM
    mark = PageNumberMark(page.number, text, line.size, gap_mm, side, inset)
    result.page_numbers.append(mark)
    problems = []
    if not PAGE_NUMBER_FORM.match(text):
        problems.append(f"text {text!r}, expected '— {number} —'")
    if number != page.number:
        problems.append(f"number {number} on page {page.number}")
    if abs(mark.size - geometry.page_number_size) > 0.5:
        problems.append(f"size {mark.size:g} pt")
    if abs(mark.gap_mm - geometry.page_number_gap_mm) > PAGE_NUMBER_GAP_TOLERANCE_MM:
        problems.append(f"{mark.gap_mm:.1f} mm below the block")
    if side != expected_side:
        problems.append(f"on the {side}, expected {expected_side}")
    elif abs(inset - geometry.page_number_size) > PAGE_NUMBER_INSET_TOLERANCE:
        problems.append(f"{inset:.1f} pt in from the {side} edge")
    for problem in problems:
        result.findings.append(Finding(page.number, line.index, "page_number", text, problem))


def _side(line: TextLine, geometry: Geometry) -> str:
    """Which third of the block's width holds the line's centre."""
    third = (geometry.right - geometry.left) / 3
    centre = (line.x0 + line.x1) / 2
    if centre < geometry.left + third:
        return "left"
    if centre > geometry.right - third:
        return "right"
    return "centre"
