"""Geometry measured on the pages: full lines, right edges, lines per page, extents, page
numbers, and the ink of glyphs against their boxes.

Definitions (pt unless marked mm; the block is the expected text block, 版心). *Boxes* are
pdfplumber's character boxes; *ink* is what the rendered page shows (see ``ink``). Boxes alone
mislead where a glyph's frame and its drawing differ, so the rules below say which they use.

- *set edge* of a line: the right edge of its last visible glyph box, except for a closing
  mark (``CLOSING_MARKS``) whose box passes the block's right edge by more than 0.5 pt: a line may
  end in such a mark set at half width (行末标点挤压), its box hanging up to half an em past the
  margin, so the line is taken to end at the middle of that box.
- *wrapped line*: a body line that is not its paragraph's last line, so the breaker chose
  where it ends. Its *right gap* is the block's right edge minus its set edge: 0 for a
  justified line, positive when ragged, negative past the margin.
- *full line*: a wrapped line whose right gap is within 1 pt of zero. Its *grid cells* are
  the indent before its first visible glyph (over the body size: a paragraph's first line
  starts 2 cells in) plus its glyphs up to the last visible one: ideographs and full-width
  marks 1 each, other glyphs (Latin letters, digits, half-width marks, spaces at their natural
  width) their advance over their size; punctuation set closer than its boxes (标点挤压) gives
  back what is hidden: a closing mark's box part under the next box, an opening mark's under
  the previous one, a squeezed end mark's half past the set edge. On the GB/T 9704 grid a full
  line holds 28.
- ``overflow`` finding: any line but a page number whose *ink* passes the block's right edge
  by more than 0.5 pt (hanging punctuation included; a squeezed mark whose box hangs out with
  its ink inside is not). Only lines whose box reaches to within 10 % of their type size of
  the edge are looked at; ink straying further from its box is a ``glyph_offset``.
- ``ragged`` finding: a wrapped line whose right gap is more than 1 pt.
- ``outside_block`` finding: a line but a page number whose left edge, top or bottom (boxes)
  passes the block by more than 0.5 pt.
- *lines per page*: the distinct baselines (within 2 pt) of a page's lines, page numbers
  excluded. A *full page* has a page after it and its lowest line ends within one line pitch
  (block height over 22) of the block's bottom. ``lines_per_page`` finding: a full page of
  body lines only whose count is not 22 (a title, table or 版记 on the page changes the count
  legitimately, so such pages are not judged, nor are pages with a picture: a seal keeps empty
  lines above its 落款 and may tighten its page's spacing, GB/T 9704 7.3.5.5).
- *pitch*: the baseline distance between consecutive lines of a body paragraph on one page.
- *page number* (页码, GB/T 9704 7.5): the ``page_number`` line (see ``lines``). Findings (kind
  ``page_number``): none on a page (but on a blank page before the last and on that last page,
  the 版记's, which GB/T 9704 7.5 leaves unnumbered); text other than ``— N —`` (em dashes,
  optional spaces); N not the page's place in the file; size off 14 pt by more than 0.5 pt;
  the gap from the block's bottom down to the ink top of its leading glyph off 7 mm by more
  than 0.5 mm
  (一字线上距版心下边缘7mm: the top of the dash's ink, looked for within the dash's own
  box, since the digits stand taller); on the wrong side (odd N right, even N left, judged by
  which third of the block holds its centre); or inset from that side's block edge by other
  than one 14 pt character, within 1 pt. The inset is judged on the boxes: 空一字 leaves one
  character of space, a measure of the character frame (字身) like every typesetting
  instruction, so the outer dash's own side bearing is the font's business, not the page's.
  The ink inset (box inset plus that side bearing) is measured and reported alongside.
- ``glyph_offset`` finding, for every full-width opening and closing mark and every 20th other
  full-width glyph of a page not next to Latin text nor under a picture (a seal's ink lies over
  the 落款; Latin ink legitimately leaves its box, and
  pdfminer's boxes drift after letter-spaced Latin runs): its ink passes its box by more
  than 10 % of its size where no other glyph's box (grown by the same 10 %) and no drawn rule
  (a table's, 版记's) lies, since ink there cannot be told from the neighbour's own; or, for
  a mark in a box at least ¾ em wide, an opening mark (``OPENING_MARKS``) has more ink
  pixels in the left half of its box than in the right, or a closing mark
  (``CLOSING_MARKS``) the other way round, the part of its box under a neighbour's box left
  out. Chinese fonts set these marks against the text they belong to;
  a font whose left side bearings (hmtx) disagree with its outlines moves the ink within the
  box (to its left edge when the bearing is 0: pdfium draws an outline from the bearing), so
  only the second test sees that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ink import Box, Ink
from .lines import MM, Geometry, Glyph, Page, Paragraph, TextLine
from .rules import Finding

FULL_LINE_TOLERANCE = 1.0
OVERFLOW_TOLERANCE = 0.5
PAGE_NUMBER_GAP_TOLERANCE_MM = 0.5
PAGE_NUMBER_INSET_TOLERANCE = 1.0
PAGE_NUMBER_FORM = re.compile(r"^— ?(\d+) ?—$")
OPENING_MARKS = frozenset("（《「『【〔〈〖“‘［｛〘")
CLOSING_MARKS = frozenset("）》」』】〕〉〗”’］｝〙。，、；：！？")
GLYPH_SLACK = 0.1  # of the type size: how far ink may pass its glyph box
RING = 0.05  # of the type size: the band beyond the slack where stray ink is looked for
RULE_SLACK = 0.5  # pt around a drawn rule's box that its anti-aliased ink may reach
FULL_WIDTH_BOX = 0.75  # of the type size: a mark's box at least this wide is full-width
SAMPLE_EVERY = 20


@dataclass(frozen=True)
class PageExtent:
    """Where a page's text (page number excluded) reaches, mm from the top-left corner; the
    right edge is the lines' set edge."""

    page: int
    left_mm: float
    right_mm: float
    top_mm: float
    bottom_mm: float


@dataclass(frozen=True)
class PageNumberMark:
    """A page number as printed. ``gap_mm``: from the block's bottom down to the ink top of its
    leading glyph (the dash); ``side``: left, centre or right of the block; ``inset`` and
    ``ink_inset``: pt from the block edge of the side it should be on to its nearest glyph
    box, and to its nearest ink."""

    page: int
    text: str
    size: float
    gap_mm: float
    side: str
    inset: float
    ink_inset: float


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
    glyphs_checked: int = 0
    mark_pairs: list[float] = field(default_factory=list)  # ems, see ``spacing``
    loosest_gaps: list[float] = field(default_factory=list)  # of each wrapped body line, ems
    findings: list[Finding] = field(default_factory=list)


def measure(
    pages: list[Page], paragraphs: list[Paragraph], geometry: Geometry, ink: Ink
) -> Measurements:
    """Measure the pages against ``geometry``, looking at their ``ink`` where boxes mislead."""
    result = Measurements()
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind == "body":
            _measure_paragraph(number, paragraph, geometry, result)
    unnumbered = _unnumbered(pages)
    for page in pages:
        _measure_page(page, len(pages), geometry, ink, result, page.number in unnumbered)
    return result


def _unnumbered(pages: list[Page]) -> set[int]:
    """Pages that may go without a number: a blank page before the last page and the last page,
    which then holds the 版记 (GB/T 9704 7.5)."""
    if len(pages) > 1 and not pages[-2].lines:
        return {pages[-2].number, pages[-1].number}
    return set()


def _measure_paragraph(
    number: int, paragraph: Paragraph, geometry: Geometry, result: Measurements
) -> None:
    result.body_lines += len(paragraph.lines)
    for line, following in zip(paragraph.lines, paragraph.lines[1:], strict=False):
        if following.page == line.page:
            result.pitches.append(following.baseline - line.baseline)
        result.wrapped_lines += 1
        edge = _set_edge(line, geometry)
        gap = geometry.right - edge
        result.right_gaps.append(gap)
        if abs(gap) <= FULL_LINE_TOLERANCE:
            indent = max(0.0, line.x0 - geometry.left) / geometry.body_size
            result.full_line_cells.append(indent + line.cells - _squeezed_cells(line, edge))
        elif gap > FULL_LINE_TOLERANCE:
            result.findings.append(
                Finding(line.page, line.index, "ragged", line.text, f"{gap:.1f} pt short", number)
            )


def _set_edge(line: TextLine, geometry: Geometry) -> float:
    """Where the line ends: its last glyph box's right edge, or the middle of a closing mark
    squeezed to half width whose box hangs past the block's right edge."""
    last = line.ink[-1]
    if last.text in CLOSING_MARKS and last.x1 > geometry.right + OVERFLOW_TOLERANCE:
        return (last.x0 + last.x1) / 2
    return last.x1


def _squeezed_cells(line: TextLine, edge: float) -> float:
    """Grid cells given back by punctuation set closer than its boxes (标点挤压): a closing
    mark's box part under the next box or an opening mark's under the previous one, and the
    part of the last glyph's box past the line's set edge."""
    glyphs = line.ink
    hidden = [(glyphs[-1], glyphs[-1].x1 - edge)]
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        if a.text in CLOSING_MARKS or b.text in OPENING_MARKS:
            hidden.append((a if a.text in CLOSING_MARKS else b, a.x1 - b.x0))
    return sum(g.cells * over / (g.x1 - g.x0) for g, over in hidden if over > 0 and g.x1 > g.x0)


def _measure_page(
    page: Page, page_count: int, geometry: Geometry, ink: Ink, result: Measurements,
    unnumbered: bool = False,
) -> None:
    if page.turned:
        geometry = geometry.turned()
    text_lines = [line for line in page.lines if line.kind != "page_number"]
    for line in text_lines:
        _check_extent(line, geometry, ink, result.findings)
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
                max(_set_edge(line, geometry) for line in text_lines) / MM,
                min(line.top for line in text_lines) / MM,
                max(line.bottom for line in text_lines) / MM,
            )
        )
        lowest = max(line.bottom for line in text_lines)
        if page.number < page_count and lowest >= geometry.bottom - geometry.pitch:
            result.full_pages.append(page.number)
            only_body = all(line.kind == "body" for line in text_lines)
            # A seal keeps empty lines above its 落款, and may tighten its page's spacing.
            if only_body and not page.pictures and len(baselines) != geometry.lines_per_page:
                result.findings.append(
                    Finding(page.number, 0, "lines_per_page", f"{len(baselines)} lines",
                            f"expected {geometry.lines_per_page}")
                )
    if not unnumbered or any(line.kind == "page_number" for line in page.lines):
        _check_page_number(page, geometry, ink, result)
    _check_glyphs(page, ink, result)


def _check_extent(line: TextLine, geometry: Geometry, ink: Ink, findings: list[Finding]) -> None:
    past_right = _ink_past_right(line, geometry, ink)
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


def _ink_past_right(line: TextLine, geometry: Geometry, ink: Ink) -> float:
    """How far the line's ink reaches past the block's right edge; 0 when it stays inside or
    its boxes end further in than a glyph's ink may stray. Measured on a fine rendering where
    the whole page's shows ink past the edge at all."""
    slack = GLYPH_SLACK * line.size
    if line.x1 < geometry.right - slack:
        return 0.0
    reach = max(line.x1, geometry.right) + line.size
    area = (geometry.right, line.top - slack, reach, line.bottom + slack)
    if ink.box(line.page, area) is None:
        return 0.0
    found = ink.box(line.page, area, fine=True)
    return found[2] - geometry.right if found else 0.0


def _check_page_number(page: Page, geometry: Geometry, ink: Ink, result: Measurements) -> None:
    marks = [line for line in page.lines if line.kind == "page_number"]
    if not marks:
        result.findings.append(Finding(page.number, 0, "page_number", "", "missing"))
        return
    if page.turned:
        _check_turned_number(page, marks, geometry, result)
        return
    line = marks[0]
    text = " ".join(line.text.split())
    digits = re.search(r"\d+", text)
    number = int(digits.group()) if digits else page.number
    side = _side(line, geometry)
    expected_side = "right" if number % 2 else "left"
    ink_top, ink_x0, ink_x1 = _page_number_ink(line, ink)
    if expected_side == "right":
        inset, ink_inset = geometry.right - line.x1, geometry.right - ink_x1
    else:
        inset, ink_inset = line.x0 - geometry.left, ink_x0 - geometry.left
    gap_mm = (ink_top - geometry.bottom) / MM
    mark = PageNumberMark(page.number, text, line.size, gap_mm, side, inset, ink_inset)
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


def _check_turned_number(page: Page, marks: list[TextLine], geometry: Geometry,
                         result: Measurements) -> None:
    """A turned page's number (GB/T 9704-2012 §8: where every page has it, on the sheet): its
    glyphs run down the left margin, read top to bottom, at the sheet's right (the shown
    page's foot) on odd pages and its left (the shown page's top) on even ones. Its gap and
    inset are not measured here."""
    glyphs = sorted((g for line in marks for g in line.ink), key=lambda g: g.top)
    text = "".join(g.text for g in glyphs)
    digits = re.search(r"\d+", text)
    problems = []
    if not digits or int(digits.group()) != page.number or not text.startswith("—") \
            or not text.endswith("—"):
        problems.append(f"text {text!r}, expected '—{page.number}—' down the margin")
    centre = (glyphs[0].top + glyphs[-1].bottom) / 2
    third = (geometry.bottom - geometry.top) / 3
    side = "foot" if centre > geometry.bottom - third else "head" if centre < geometry.top + \
        third else "middle"
    expected = "foot" if page.number % 2 else "head"
    if side != expected:
        problems.append(f"at the {side} of the turned page, expected its {expected}")
    for problem in problems:
        result.findings.append(Finding(page.number, marks[0].index, "page_number", text,
                                       problem))


def _page_number_ink(line: TextLine, ink: Ink) -> tuple[float, float, float]:
    """The ink top of the line's leading glyph within that glyph's box, and the left and right
    edges of the whole line's ink; the boxes' where there is no ink."""
    lead = line.ink[0]
    dash = ink.box(line.page, _box(lead), fine=True)
    whole = ink.box(line.page, (line.x0, line.top, line.x1, line.bottom), fine=True)
    top = dash[1] if dash else lead.top
    return (top, whole[0], whole[2]) if whole else (top, line.x0, line.x1)


def _side(line: TextLine, geometry: Geometry) -> str:
    """Which third of the block's width holds the line's centre."""
    third = (geometry.right - geometry.left) / 3
    centre = (line.x0 + line.x1) / 2
    if centre < geometry.left + third:
        return "left"
    if centre > geometry.right - third:
        return "right"
    return "centre"


def _check_glyphs(page: Page, ink: Ink, result: Measurements) -> None:
    """``glyph_offset`` findings for the sampled glyphs of the page."""
    # where each glyph's ink may be: its box and the slack around it; a rule's ink is its own
    reaches = [
        (_box(glyph), _grow(_box(glyph), GLYPH_SLACK * glyph.size))
        for line in page.lines
        for glyph in line.ink
    ] + [(rule, _grow(rule, RULE_SLACK)) for rule in page.rules]
    plain = 0  # glyphs met so far that are not marks
    for line in page.lines:
        glyphs = line.ink
        for i, glyph in enumerate(glyphs):
            if glyph.text not in OPENING_MARKS and glyph.text not in CLOSING_MARKS:
                plain += 1
                if (plain - 1) % SAMPLE_EVERY:
                    continue
            before = glyphs[i - 1] if i else None
            after = glyphs[i + 1] if i + 1 < len(glyphs) else None
            if not _full_width(glyph) or any(g is not None and g.text.isascii()
                                              for g in (before, after)):
                continue  # Latin ink legitimately leaves its box (descenders, wide m, w)
            if any(_overlaps(_box(glyph), _grow(picture, GLYPH_SLACK * glyph.size))
                   for picture in page.pictures):
                continue  # a seal's ink lies over the text of the 落款
            result.glyphs_checked += 1
            problem = _stray_ink(glyph, page.number, reaches, ink) or _wrong_half(
                glyph, before, after, page.number, ink
            )
            if problem:
                result.findings.append(
                    Finding(page.number, line.index, "glyph_offset", glyph.text, problem)
                )


def _full_width(glyph: Glyph) -> bool:
    """An ideograph or a mark set in a box of about one em: what a CJK face's metrics place."""
    return not glyph.text.isascii() and (glyph.x1 - glyph.x0) >= 0.75 * glyph.size


def _stray_ink(
    glyph: Glyph, page: int, reaches: list[tuple[Box, Box]], ink: Ink
) -> str | None:
    """How the glyph's ink passes its box by more than the slack, where no other glyph's ink
    may be; ``reaches`` are the page's glyph boxes with their boxes grown by the slack."""
    own = _box(glyph)
    slack = GLYPH_SLACK * glyph.size
    ring = _grow(own, slack + RING * glyph.size)
    others = [reach for box, reach in reaches if box != own]
    if ink.box(page, ring, [b for b in others if _meets(b, ring)] + [_grow(own, slack)]) is None:
        return None
    reach = _grow(own, glyph.size)
    found = ink.box(page, reach, [b for b in others if _meets(b, reach)])
    if found is None:
        return None
    past = {
        "on the left": own[0] - found[0],
        "above": own[1] - found[1],
        "on the right": found[2] - own[2],
        "below": found[3] - own[3],
    }
    side = max(past, key=past.__getitem__)
    return f"ink {past[side]:.1f} pt past its box {side}"


def _wrong_half(
    glyph: Glyph, before: Glyph | None, after: Glyph | None, page: int, ink: Ink
) -> str | None:
    """Whether a full-width mark has more ink on the wrong half of its box than on the right
    one: opening marks sit right, against the text that follows; closing marks left."""
    opening = glyph.text in OPENING_MARKS
    if not (opening or glyph.text in CLOSING_MARKS):
        return None
    if glyph.x1 - glyph.x0 < FULL_WIDTH_BOX * glyph.size:
        return None
    left = max(glyph.x0, before.x1) if before and before.x1 > glyph.x0 else glyph.x0
    right = min(glyph.x1, after.x0) if after and after.x0 < glyph.x1 else glyph.x1
    centre = (glyph.x0 + glyph.x1) / 2
    on_left = ink.amount(page, (left, glyph.top, min(centre, right), glyph.bottom))
    on_right = ink.amount(page, (max(centre, left), glyph.top, right, glyph.bottom))
    if opening and on_left > on_right:
        return "ink in the left half of its box, expected the right"
    if not opening and on_right > on_left:
        return "ink in the right half of its box, expected the left"
    return None


def _box(glyph: Glyph) -> Box:
    return (glyph.x0, glyph.top, glyph.x1, glyph.bottom)


def _grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def _meets(box: Box, other: Box) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
