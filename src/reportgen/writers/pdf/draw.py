"""Drawing: laid-out pages onto a reportlab canvas, each run of glyphs in the font that has them."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterable
from dataclasses import replace
from itertools import groupby

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reportgen.template import Template
from reportgen.writers.pdf.flow import Page
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.text import Line, Run, Setter, Style

SYNTHETIC_BOLD_STROKE = 0.5  # points of outline stroked around glyphs of a face without bold


def draw_page(canvas: Canvas, page: Page, grid: Grid) -> None:
    """The page's pictures (under the text, as a seal's ink lets the text show through), its
    rules, then its lines: grid lines on the baseline of their grid line, the others where
    they were placed, each at its own scale. A page whose line spacing was tightened
    (`page.rows`) spreads its rows below those it holds in place over the rest of the block.

    A landscape page (GB/T 9704-2012 §8, 横排表格) stays an A4 portrait page with its page
    number where every page has it; its content is turned a quarter left, so that the table's
    head lies along the binding edge of an odd page and the outer edge of an even one (the left
    edge in both cases). The writer marks the page to be shown turned (/Rotate 90).
    """
    rows = _Rows(page, grid)
    if page.landscape:
        canvas.saveState()
        # Turned coordinates: x along the portrait block's height (from its bottom), the page
        # top where the portrait block's left edge is.
        canvas.transform(0, 1, -1, 0, grid.page_width, 0)
        top = grid.page_width
        left = grid.page_height - grid.bottom
        block_top = grid.left
    else:
        top, left, block_top = grid.page_height, grid.left, grid.top
    for picture in page.pictures:
        canvas.drawImage(ImageReader(io.BytesIO(picture.png)), left + picture.x,
                         top - rows.boundary(picture.row) - picture.height, picture.width,
                         picture.height, mask="auto")
    black = True
    for rule in page.rules:
        # a vertical rule runs half its width past its ends, to close the corners it meets
        reach = rule.width / 2 if rule.x0 == rule.x1 else 0.0
        if rule.color != "000000" or not black:
            canvas.setStrokeColor(_colour(rule.color))
            black = rule.color == "000000"
        canvas.setLineWidth(rule.width)
        canvas.line(left + rule.x0, top - block_top - rule.y0 + reach,
                    left + rule.x1, top - block_top - rule.y1 - reach)
    if not black:
        canvas.setStrokeColor(_colour("000000"))
    if page.lines:
        draw_lines(canvas, ((top - rows.baseline(row), line) for row, line in page.lines),
                   left, grid.scale)
    for scale, group in groupby(page.free, key=lambda free: free[2]):
        draw_lines(canvas, ((top - block_top - y, line) for y, line, _ in group), left, scale)
    if page.landscape:
        canvas.restoreState()


class _Rows:
    """Where a page's grid lines are: those of a tightened page (GB/T 9704 7.3.5.5) below the
    ones it holds in place spread over the rest of the text block."""

    def __init__(self, page: Page, grid: Grid) -> None:
        self.grid = grid
        self.held = page.held
        self.tight: Grid | None = None
        if page.rows is not None:
            top = grid.boundary(page.held)
            self.tight = replace(grid, top=top, height=grid.bottom - top,
                                 lines=page.rows - page.held)

    def _at(self, row: float) -> tuple[Grid, float]:
        if self.tight is None or row < self.held:
            return self.grid, row
        return self.tight, row - self.held

    def baseline(self, row: float) -> float:
        grid, row = self._at(row)
        return grid.baseline(row)

    def boundary(self, row: float) -> float:
        grid, row = self._at(row)
        return grid.boundary(row)


def _colour(hex_rgb: str) -> Color:
    return Color(*(int(hex_rgb[i:i + 2], 16) / 255 for i in (0, 2, 4)))


def draw_lines(canvas: Canvas, lines: Iterable[tuple[float, Line]], left: float,
               scale: float) -> None:
    """Lines at (PDF y of the baseline, line), in one text object at horizontal scale `scale`;
    character spacing 0 and fill rendering are assumed on entry and restored on exit.

    Runs after the first are reached by relative moves (Td), two numbers instead of six. A
    run's character spacing is in page points; PDF scales Tc by the horizontal scale, so it is
    written divided by it.
    """
    text = canvas.beginText()
    text.setHorizScale(scale * 100)
    font: tuple[str, float] | None = None
    spacing = 0.0
    bold = False
    color = "000000"
    at: tuple[float, float] | None = None  # where the current text line starts
    canvas.setLineWidth(SYNTHETIC_BOLD_STROKE)
    for y, line in lines:
        for run in line:
            if (run.font, run.size) != font:
                font = (run.font, run.size)
                text.setFont(run.font, run.size)
            if run.spacing != spacing:
                spacing = run.spacing
                text.setCharSpace(spacing / scale)
            if run.bold != bold:
                bold = run.bold
                text.setTextRenderMode(2 if bold else 0)
            if run.color != color:
                color = run.color
                text.setFillColor(_colour(color))
                text.setStrokeColor(_colour(color))
            for dx, part in _pieces(canvas, run, scale):
                x = left + run.x + dx
                if at is None:
                    text.setTextOrigin(x, y)
                else:
                    text.moveCursor(x - at[0], at[1] - y)
                at = (x, y)
                text.textOut(part)
    if spacing:  # text state outlives the text object: leave it as found
        text.setCharSpace(0)
    if bold:
        text.setTextRenderMode(0)
    if color != "000000":
        text.setFillColor(_colour("000000"))
        text.setStrokeColor(_colour("000000"))
    canvas.drawText(text)


def _pieces(canvas: Canvas, run: Run, scale: float) -> list[tuple[float, str]]:
    """The run as (x offset, text) pieces, cut where reportlab changes font subset.

    reportlab shows each subset's characters as a string of its own. PDF adds the character
    spacing after every glyph, but pdfminer (pdfplumber) not after a string's last one, so text
    extraction would misplace every piece after the first; an explicit move for each piece
    puts both right.
    """
    if not run.spacing:
        return [(0.0, run.text)]
    split = pdfmetrics.getFont(run.font).splitString(run.text, canvas._doc)
    if len(split) == 1:
        return [(0.0, run.text)]
    pieces = []
    start = 0
    for _, data in split:  # one byte per character in a subset
        head = run.text[:start]
        dx = pdfmetrics.stringWidth(head, run.font, run.size) * scale + start * run.spacing
        pieces.append((dx, run.text[start:start + len(data)]))
        start += len(data)
    return pieces


class PageNumbers:
    """页码 (GB/T 9704 7.5): `— N —` in 4号, its dashes' upper edge 7 mm below the text block;
    odd pages at the right, even at the left, 1 character in (placement `outside`).

    The standard measures the 7 mm to the top of the dash (一字线上距版心下边缘7mm), so the
    baseline is set from the dash glyph's own top in the font that draws it.
    """

    def __init__(self, setter: Setter, template: Template, grid: Grid) -> None:
        spec = template.page.page_number
        role = template.role("page_number")
        self.spec = spec
        self.grid = grid
        self.setter = setter
        self.style = Style(tuple(role.faces), spec.size_pt, role.bold, role.color)
        self.metrics = setter.metrics(self.style, 1.0)
        decoration = [ch for ch in spec.format.replace("{n}", "") if not ch.isspace()]
        top = max(_glyph_top(self.metrics.glyph(ch)[0], ch) for ch in decoration or "0")
        self.baseline = grid.bottom + spec.below_text_mm * mm + top * spec.size_pt

    def draw(self, canvas: Canvas, number: int) -> None:
        text = self.spec.format.format(n=number)
        width = self.metrics.width(text)
        inset = self.spec.inset_chars * self.spec.size_pt
        right = self.grid.width - inset - width
        x = {"center": (self.grid.width - width) / 2, "right": right}.get(
            self.spec.placement, right if number % 2 else inset)
        line = self.setter.single(text, self.style, x, 1.0)
        draw_lines(canvas, [(self.grid.page_height - self.baseline, line)], self.grid.left, 1.0)


def _glyph_top(font: str, ch: str) -> float:
    """The top of `ch`'s outline in `font`, in ems above the baseline (0 for an empty glyph),
    read from the glyf table of the font as reportlab parsed it."""
    face = pdfmetrics.getFont(font).face
    face.ensure((ord(ch),))
    glyph = face.charToGlyph.get(ord(ch))
    if glyph is None or face.glyphPos[glyph] == face.glyphPos[glyph + 1]:
        return 0.0
    at = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    (y_max,) = struct.unpack(">h", face._ttf_data[at + 8:at + 10])
    return y_max / face.unitsPerEm
