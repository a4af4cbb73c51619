"""Drawing: laid-out pages onto a reportlab canvas, each run of glyphs in the font that has them."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterable
from dataclasses import replace

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
    rules, then its lines, each on the baseline of its grid line. A page whose line spacing
    was tightened (`page.rows`) spreads its rows over the text block."""
    if page.rows is not None:
        grid = replace(grid, lines=page.rows)
    top = grid.page_height
    for picture in page.pictures:
        canvas.drawImage(ImageReader(io.BytesIO(picture.png)), grid.left + picture.x,
                         top - grid.boundary(picture.row) - picture.height, picture.width,
                         picture.height, mask="auto")
    black = True
    for rule in page.rules:
        # a vertical rule runs half its width past its ends, to close the corners it meets
        reach = rule.width / 2 if rule.x0 == rule.x1 else 0.0
        if rule.color != "000000" or not black:
            canvas.setStrokeColor(_colour(rule.color))
            black = rule.color == "000000"
        canvas.setLineWidth(rule.width)
        canvas.line(grid.left + rule.x0, top - grid.boundary(rule.y0) + reach,
                    grid.left + rule.x1, top - grid.boundary(rule.y1) - reach)
    if not black:
        canvas.setStrokeColor(_colour("000000"))
    draw_lines(canvas, ((top - grid.baseline(row), line) for row, line in page.lines),
               grid.left, grid.scale)
    for baseline, line, scale in page.free:
        draw_lines(canvas, [(top - grid.top - baseline, line)], grid.left, scale)


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
