"""Text lines of a built PDF: characters grouped by baseline per page, classified and paragraphed.

Reading happens through pdfplumber's character boxes only, so nothing here knows how the PDF
was made. A *line* is the characters of one page that share a baseline (within 2 pt) and the
same region: the running text, or one cell of a ruled table (pdfplumber's ``find_tables`` on
the page's rects and lines; a cell's characters never join a line of the running text).

Each line gets a *kind* from its dominant type size and place:

- ``page_number``: below the text block (版心) and reading like a page number (``— 3 —``, with
  any dashes, or bare digits), whatever its size, so a wrongly set page number is still found;
- ``table``: inside a ruled table cell;
- ``body``: the body size (3号, 16 pt) within 0.5 pt;
- ``title``: the title size (2号, 22 pt) within 0.5 pt;
- ``other``: anything else (版记 in 14 pt, notes, stray marks).

A *paragraph* is a run of lines that the reader takes as one piece of text, found from layout
alone: body lines continue a paragraph when they start at the left margin (not indented by
more than half a character) and follow the previous body line within 1.5 line pitches, or on
the next page; title lines continue while within two title sizes of each other on the same
page; table lines continue within one cell. ``other`` and ``page_number`` lines stand alone.
A flush-left paragraph right after another body paragraph is therefore read as its
continuation; GB/T 9704 body paragraphs are indented, so this is rare. Nothing continues a line
that starts further right than a first-line indent (a signature, a date), and short body lines
above the first page's mark or title (a 版头's 份号, 密级, 紧急程度) stand alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pdfplumber

MM = 72 / 25.4  # points per millimetre
BASELINE_TOLERANCE = 2.0  # pt; characters this close in baseline share a line
PAGE_NUMBER_TEXT = re.compile(r"^[—–\-－―~～ ]*\d+[—–\-－―~～ ]*$")
# Marks that Chinese fonts set full-width although Unicode calls them ambiguous.
FULL_WIDTH_AMBIGUOUS = frozenset("—―…‥“”‘’·※§№℃°′″")

Cell = tuple[float, float, float, float]


@dataclass(frozen=True)
class Geometry:
    """The expected page: GB/T 9704 text block (版心) in mm and the type sizes in pt."""

    text_left_mm: float = 28
    text_top_mm: float = 37
    text_width_mm: float = 156
    text_height_mm: float = 225
    body_size: float = 16
    title_size: float = 22
    page_number_size: float = 14
    page_number_gap_mm: float = 7
    lines_per_page: int = 22
    chars_per_line: int = 28
    page_height_mm: float = 297

    def turned(self) -> Geometry:
        """The same block on a page shown turned a quarter (/Rotate 90, 横排表格): the sheet's
        left edge on top, its foot on the left."""
        return replace(self, text_left_mm=self.page_height_mm - self.text_top_mm
                       - self.text_height_mm, text_top_mm=self.text_left_mm,
                       text_width_mm=self.text_height_mm, text_height_mm=self.text_width_mm)

    @property
    def left(self) -> float:
        return self.text_left_mm * MM

    @property
    def right(self) -> float:
        return (self.text_left_mm + self.text_width_mm) * MM

    @property
    def top(self) -> float:
        return self.text_top_mm * MM

    @property
    def bottom(self) -> float:
        return (self.text_top_mm + self.text_height_mm) * MM

    @property
    def pitch(self) -> float:
        """Line pitch of the grid: the block height over the lines per page."""
        return self.text_height_mm * MM / self.lines_per_page


@dataclass(frozen=True)
class Glyph:
    """One character box; coordinates in pt from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float

    @property
    def is_space(self) -> bool:
        return not self.text.strip()

    @property
    def cells(self) -> float:
        """Grid cells taken: 1 for ideographs and full-width marks, else width over the em."""
        if len(self.text) == 1 and (
            unicodedata.east_asian_width(self.text) in "WF" or self.text in FULL_WIDTH_AMBIGUOUS
        ):
            return 1.0
        return (self.x1 - self.x0) / self.size if self.size else 0.0


@dataclass
class TextLine:
    """Glyphs sharing a baseline on one page, left to right; ``cell`` is None outside tables."""

    page: int
    glyphs: list[Glyph]
    cell: Cell | None = None
    kind: str = "other"
    index: int = 0  # 1-based position among the page's lines, top to bottom

    @property
    def ink(self) -> list[Glyph]:
        return [g for g in self.glyphs if not g.is_space]

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs).strip()

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.ink)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.ink)

    @property
    def top(self) -> float:
        return min(g.top for g in self.ink)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.ink)

    @property
    def baseline(self) -> float:
        return self.ink[0].baseline

    @property
    def size(self) -> float:
        """The most common type size of the line's visible glyphs."""
        return Counter(round(g.size, 1) for g in self.ink).most_common(1)[0][0]

    @property
    def cells(self) -> float:
        """Grid cells from the first to the last visible glyph, spaces included."""
        start = self.glyphs.index(self.ink[0])
        end = self.glyphs.index(self.ink[-1])
        return sum(g.cells for g in self.glyphs[start : end + 1])


@dataclass
class Page:
    """One page's lines, top to bottom, and the boxes of its drawn rules (table rules, 版记
    rules: pdfplumber's edges) as (x0, top, x1, bottom); sizes in pt."""

    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: int = 0
    pictures: list[Cell] = field(default_factory=list)
    """Boxes (x0, top, x1, bottom) of the page's pictures: a seal over a signature."""
    turned: bool = False
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass
class Paragraph:
    """Lines read as one piece of text; ``kind`` is that of its lines."""

    kind: str
    lines: list[TextLine]


def read_pages(path: str | Path, geometry: Geometry) -> list[Page]:
    """Every page of the PDF at ``path`` as classified lines."""
    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for number, plumber_page in enumerate(pdf.pages, start=1):
            pages.append(_read_page(number, plumber_page, geometry))
    return pages


def _read_page(number: int, plumber_page, geometry: Geometry) -> Page:
    turned = plumber_page.rotation in (90, 270)
    if turned:  # pdfplumber reads a turned page as shown
        geometry = geometry.turned()
    plumber_page = plumber_page.dedupe_chars()
    height = float(plumber_page.height)
    cells: list[Cell] = []
    tables = []
    if plumber_page.edges:
        tables = plumber_page.find_tables()
        for table in tables:
            cells.extend(c for c in table.cells if c)
            cells.append(table.bbox)  # catches characters in a box pdfplumber left cell-less
    # (cell, in the margin): a turned page's number stands down its left margin, one glyph a
    # "line"; its glyphs never join a line of the block that happens to share their baseline
    regions: dict[tuple[Cell | None, bool], list[Glyph]] = {}
    for char in plumber_page.chars:
        glyph = Glyph(
            text=char["text"],
            x0=float(char["x0"]),
            x1=float(char["x1"]),
            top=float(char["top"]),
            bottom=float(char["bottom"]),
            baseline=height - float(char["matrix"][5]),
            size=float(char["size"]),
        )
        margin = turned and glyph.x1 <= geometry.left + 1
        regions.setdefault((_cell_of(glyph, cells), margin), []).append(glyph)
    lines = []
    for (cell, _), glyphs in regions.items():
        lines.extend(TextLine(page=number, glyphs=row, cell=cell) for row in _rows(glyphs))
    lines = [line for line in lines if line.ink]
    lines.sort(key=lambda line: (line.baseline, line.x0))
    for index, line in enumerate(lines, start=1):
        line.index = index
        line.kind = _kind(line, geometry, turned)
    pictures = [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"]))
                for i in plumber_page.images]
    rules = [(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]))
             for e in plumber_page.edges]
    return Page(number, float(plumber_page.width), height, lines, len(tables), pictures,
                turned, rules)


def _cell_of(glyph: Glyph, cells: list[Cell]) -> Cell | None:
    """The smallest cell holding the glyph's centre, or None in running text."""
    x = (glyph.x0 + glyph.x1) / 2
    y = (glyph.top + glyph.bottom) / 2
    holding = [c for c in cells if c[0] <= x <= c[2] and c[1] <= y <= c[3]]
    return min(holding, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]), default=None)


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs split into rows of near-equal baseline, each sorted left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows and glyph.baseline - rows[-1][0].baseline <= BASELINE_TOLERANCE:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def _kind(line: TextLine, geometry: Geometry, turned: bool = False) -> str:
    if line.cell is not None:
        return "table"
    outside = line.x1 <= geometry.left + 1 if turned else line.top >= geometry.bottom - 1
    if outside and (PAGE_NUMBER_TEXT.match(line.text) or turned and line.text in "—–-"):
        return "page_number"
    if abs(line.size - geometry.body_size) <= 0.5:
        return "body"
    if abs(line.size - geometry.title_size) <= 0.5:
        return "title"
    return "other"


def paragraphs(pages: list[Page], geometry: Geometry) -> list[Paragraph]:
    """All paragraphs in reading order: page by page, top to bottom. Short body lines at the
    top of the first page, above its mark or title, stand alone: 份号, 密级 and 紧急程度 of a
    版头 or a handout's label, each an element of its own (GB/T 9704 7.2)."""
    found: list[Paragraph] = []
    previous: TextLine | None = None
    leading = _leading_notes(pages[0], geometry) if pages else set()
    for page in pages:
        for line in page.lines:
            if line.kind == "page_number":
                continue
            alone = page.number == 1 and line.index in leading
            if previous is not None and not alone and _continues(previous, line, geometry):
                found[-1].lines.append(line)
            else:
                found.append(Paragraph(line.kind, [line]))
            previous = line
    return found


def _leading_notes(page: Page, geometry: Geometry) -> set[int]:
    """Indexes of the short body lines above the first line of another kind (the mark or the
    title) of a first page: 份号, 密级, 紧急程度, a label. Empty when the page has no such line."""
    text = [line for line in page.lines if line.kind != "page_number"]
    first_other = next((i for i, line in enumerate(text) if line.kind != "body"), None)
    if first_other is None:
        return set()
    half = (geometry.right - geometry.left) / 2
    return {line.index for line in text[:first_other] if line.x1 - line.x0 < half}


def _continues(previous: TextLine, line: TextLine, geometry: Geometry) -> bool:
    """Whether ``line`` goes on with the paragraph that ``previous`` belongs to."""
    if line.kind != previous.kind:
        return False
    same_page = line.page == previous.page
    gap = line.baseline - previous.baseline
    if line.kind == "body":
        indented = line.x0 > geometry.left + geometry.body_size / 2
        # A line set off to the right (a signature, a date) is no paragraph's running line.
        set_off = previous.x0 > geometry.left + 2.5 * geometry.body_size
        return not indented and not set_off and (not same_page or gap <= 1.5 * geometry.pitch)
    if line.kind == "title":
        return same_page and gap <= 2 * geometry.title_size
    if line.kind == "table":
        return same_page and line.cell == previous.cell
    return False
