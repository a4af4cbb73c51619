"""Tests of the PDF checker on pages drawn glyph by glyph with reportlab's canvas, in a test
font whose glyphs are rectangles at known places, so that ink can be predicted exactly."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.pdfcheck import (
    CLOSING_MARKS,
    OPENING_MARKS,
    Geometry,
    Glyph,
    Ink,
    Paragraph,
    TextLine,
    break_findings,
    check_pdf,
)
from tests.pdfcheck.lines import read_pages
from tests.pdfcheck.rules import DOC_NUMBER

ROOT = Path(__file__).resolve().parents[2]
FONT = "CheckerCJK"
BROKEN_FONT = "CheckerBroken"  # （ with hmtx lsb 0 before an outline at 500, 〇 with lsb 700
DASH_BEARING = 0.04 * 14  # the test font's — at 14 pt: ink 0.04 em in from either side
PAGE_HEIGHT = A4[1]
LEFT, TOP, WIDTH, HEIGHT = 28 * mm, 37 * mm, 156 * mm, 225 * mm
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
PITCH = HEIGHT / 22
STEP = (WIDTH - 16) / 27  # 28 full-width glyphs of 16 pt end exactly at the right edge
IDEOGRAPHS = "柳州市图书馆围绕市委市政府工作部署扎实推进各项工作两馆顺利运行深化免费开放加强服务"

# Test-font glyphs: advance and outline (x0, y0, x1, y1) in units of 1/1000 em.
SHAPES: dict[str, tuple[int, tuple[int, int, int, int] | None]] = {
    ".notdef": (1000, (100, 0, 900, 800)),
    "space": (500, None),
    "ideograph": (1000, (50, -60, 950, 820)),
    "ring": (1000, (50, -60, 950, 820)),  # 〇
    "latin": (500, (60, 0, 440, 700)),
    "digit": (550, (60, 0, 490, 700)),
    "opening": (1000, (500, -60, 900, 820)),
    "closing": (1000, (100, -60, 500, 820)),
    "opening quote": (1000, (570, 560, 920, 820)),
    "closing quote": (1000, (80, 560, 430, 820)),
    "stop": (1000, (60, -60, 320, 200)),  # 。，、
    "dash": (1000, (40, 250, 960, 300)),  # —, its top 0.3 em above the baseline
    "ellipsis": (1000, (50, 0, 950, 100)),
}


def shape(ch: str) -> str:
    """The test font's glyph for ``ch``."""
    if ch in "“‘":
        return "opening quote"
    if ch in "”’":
        return "closing quote"
    if ch in "。，、":
        return "stop"
    if ch in OPENING_MARKS:
        return "opening"
    if ch in CLOSING_MARKS:
        return "closing"
    named = {" ": "space", "〇": "ring", "—": "dash", "―": "dash", "…": "ellipsis"}
    if ch in named:
        return named[ch]
    if ch.isdigit() and ch.isascii():
        return "digit"
    return "latin" if ch.isascii() else "ideograph"


def make_font(path: Path, name: str, *, broken: bool = False) -> Path:
    """The test font at ``path``; ``broken`` gives （ and 〇 left side bearings that disagree
    with their outlines, as a font whose hmtx was written carelessly would."""
    chars = [chr(c) for c in (*range(0x20, 0x7F), *range(0x4E00, 0xA000))]
    chars += [*OPENING_MARKS, *CLOSING_MARKS, "〇", "—", "―", "…"]
    order = list(SHAPES)
    glyphs, metrics = {}, {}
    for glyph, (advance, outline) in SHAPES.items():
        pen = TTGlyphPen(None)
        if outline:
            x0, y0, x1, y1 = outline
            pen.moveTo((x0, y0)), pen.lineTo((x0, y1)), pen.lineTo((x1, y1))
            pen.lineTo((x1, y0)), pen.closePath()
        glyphs[glyph] = pen.glyph()
        metrics[glyph] = (advance, outline[0] if outline else 0)
    if broken:
        metrics["opening"] = (1000, 0)
        metrics["ring"] = (1000, 700)
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({ord(ch): shape(ch) for ch in chars})
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": name, "styleName": "Regular",
                            "psName": f"{name}-Regular"})  # reportlab keys subsets by name
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880,
                     usWinDescent=120, fsType=0)
    builder.setupPost()
    builder.save(str(path))
    return path


def ink_top(ch: str) -> float:
    """The top of ``ch``'s outline in the test font, in em above the baseline."""
    outline = SHAPES[shape(ch)][1]
    return outline[3] / 1000 if outline else 0.0


def text(n: int, start: int = 0) -> str:
    """``n`` ideographs of filler."""
    return (IDEOGRAPHS * 4)[start : start + n]


def full_width(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WFA"


@pytest.fixture(scope="module")
def cjk_font(tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("fonts")
    for name, broken in ((FONT, False), (BROKEN_FONT, True)):
        path = make_font(folder / f"{name}.ttf", name, broken=broken)
        pdfmetrics.registerFont(TTFont(name, str(path)))


class Sheet:
    """A PDF drawn glyph by glyph on the GB/T 9704 grid; rows count from the block's top."""

    def __init__(self, path: Path, font: str = FONT) -> None:
        self.path = path
        self.font = font
        self.canvas = Canvas(str(path), pagesize=A4)
        self.page = 1

    def glyphs(self, chars: str, x: float, baseline: float, size: float, gap: float = 0) -> None:
        """Draw ``chars`` from ``x``; full-width ones STEP apart, others at their advance."""
        self.canvas.setFont(self.font, size)
        for ch in chars:
            self.canvas.drawString(x, PAGE_HEIGHT - baseline, ch)
            x += (STEP * size / 16 if full_width(ch) else pdfmetrics.stringWidth(ch, FONT, size))
            x += gap

    def line(
        self,
        chars: str,
        row: float,
        *,
        indent: float = 0,
        justify: bool = False,
        pitch: float = PITCH,
        x: float | None = None,
    ) -> None:
        """A body line on grid ``row``, ``indent`` cells in; ``justify`` spreads it to the edge."""
        start = LEFT + indent * STEP if x is None else x
        gap = 0.0
        if justify and len(chars) > 1:
            natural = sum(STEP if full_width(c) else pdfmetrics.stringWidth(c, FONT, 16)
                          for c in chars[:-1])
            last = 16 if full_width(chars[-1]) else pdfmetrics.stringWidth(chars[-1], FONT, 16)
            gap = (RIGHT - start - natural - last) / (len(chars) - 1)
        self.glyphs(chars, start, TOP + 16 + row * pitch, 16, gap)

    def paragraph(self, lines: list[str], row: int, *, indent: bool = True) -> int:
        """Lines of one paragraph from ``row``, all but the last justified; the next row."""
        for i, chars in enumerate(lines):
            self.line(chars, row + i, indent=2 if indent and i == 0 else 0,
                      justify=i < len(lines) - 1)
        return row + len(lines)

    def title(self, chars: str, row: float) -> None:
        width = 22 * len(chars)
        self.canvas.setFont(FONT, 22)
        self.canvas.drawString((LEFT + RIGHT - width) / 2, PAGE_HEIGHT - TOP - 22 - row * PITCH,
                               chars)

    def page_number(
        self,
        *,
        number: int | None = None,
        label: str | None = None,
        side: str | None = None,
        gap_mm: float = 7,
        size: float = 14,
    ) -> None:
        """GB/T 9704 page number unless told otherwise: the ink top of its leading glyph (the
        dash) ``gap_mm`` below the block, its box one character in from the block's edge."""
        number = self.page if number is None else number
        label = f"— {number} —" if label is None else label
        side = side or ("right" if number % 2 else "left")
        baseline = BOTTOM + gap_mm * mm + ink_top(label[0]) * size
        self.canvas.setFont(FONT, size)
        if side == "right":
            self.canvas.drawRightString(RIGHT - 14, PAGE_HEIGHT - baseline, label)
        else:
            self.canvas.drawString(LEFT + 14, PAGE_HEIGHT - baseline, label)

    def table(self, cells: list[list[str]], row: int) -> None:
        """A ruled table, one grid row per table row, columns of equal width."""
        columns = len(cells[0])
        width = WIDTH / columns
        top = TOP + row * PITCH
        self.canvas.grid([LEFT + i * width for i in range(columns + 1)],
                         [PAGE_HEIGHT - top - i * PITCH for i in range(len(cells) + 1)])
        for r, texts in enumerate(cells):
            for c, chars in enumerate(texts):
                self.glyphs(chars, LEFT + c * width + 4, top + r * PITCH + 20, 16)

    def next_page(self) -> None:
        self.canvas.showPage()
        self.page += 1

    def save(self) -> Path:
        self.canvas.save()
        return self.path


def nonzero(report) -> dict[str, int]:
    return {kind: n for kind, n in report.counts.items() if n}


def points(detail: str) -> float:
    """The leading number of a finding's detail, such as 1.2 in "1.2 pt past"."""
    return float(detail.split()[0 if detail[0].isdigit() else 1])


@pytest.fixture
def sheet(tmp_path, cjk_font) -> Sheet:
    return Sheet(tmp_path / "check.pdf")


def test_a_clean_document_has_no_findings(sheet):
    sheet.title("柳州市图书馆2025年工作总结", 0)
    row = 2
    for i in range(6):
        row = sheet.paragraph([text(26, i), text(28, 1), text(9, 2) + "，" + text(8) + "。"], row)
    sheet.line(text(26), row, indent=2, justify=True)  # a paragraph flowing on to page 2
    sheet.line(text(28, 1), row + 1, justify=True)
    sheet.page_number()
    sheet.next_page()
    row = sheet.paragraph([text(9) + "。"], 0, indent=False)
    for i in range(4):
        row = sheet.paragraph([text(26, i), text(28), text(28, 1), text(28, 2), "完成。"], row)
    sheet.line(text(26, 3), row, indent=2, justify=True)  # flows on to page 3
    sheet.page_number()
    sheet.next_page()
    row = sheet.paragraph([text(28), text(5) + "，电话0772-2822404。"], 0, indent=False)
    sheet.table([["项目", "数量"], ["馆藏图书", "46809册"]], row + 1)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert report.findings == []
    assert report.pages == 3
    assert report.tables == 1
    m = report.measurements
    assert {round(c, 1) for c in m.full_line_cells} == {28.0}
    assert m.lines_per_page[1] == 22
    assert m.full_pages == [1, 2]
    assert [p.side for p in m.page_numbers] == ["right", "left", "right"]
    assert all(abs(p.gap_mm - 7) < 0.05 for p in m.page_numbers)
    assert all(abs(p.inset - 14) < 0.05 for p in m.page_numbers)
    assert all(abs(p.ink_inset - 14 - DASH_BEARING) < 0.1 for p in m.page_numbers)
    assert m.glyphs_checked > 0
    assert all(abs(pitch - PITCH) < 0.01 for pitch in m.pitches)


def test_table_cells_are_lines_of_their_own(sheet):
    # Read as running text, 馆藏（ | ，图书 would be a bad line end and a bad line start.
    sheet.table([["馆藏（", "数量"], ["，图书", "46809册"]], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert report.findings == []
    assert report.paragraphs == 4  # one per cell: nothing joins across cells


def test_a_title_is_checked_for_split_tokens_but_not_for_a_ragged_edge(sheet):
    sheet.title("柳州市图书馆2025", 0)
    sheet.title("年工作总结", 1.5)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert [(f.kind, f.text) for f in report.findings] == [("split_token", "2025|年")]
    assert report.paragraphs == 1


def test_a_line_starting_with_a_closing_mark(sheet):
    sheet.paragraph([text(26), "，" + text(27), text(4) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"line_start": 1}
    finding = report.findings[0]
    assert (finding.page, finding.line, finding.detail) == (1, 2, "，")
    assert finding.text.startswith("，")


def test_a_paragraph_may_start_with_a_closing_mark(sheet):
    sheet.paragraph(["，" + text(25), text(4) + "。"], 0)
    sheet.page_number()
    assert check_pdf(sheet.save()).findings == []


def test_a_line_ending_with_an_opening_mark(sheet):
    sheet.paragraph([text(25) + "（", "阅读推广）" + text(23), text(4) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"line_end": 1}
    assert (report.findings[0].line, report.findings[0].detail) == (1, "（")


def test_a_phone_number_split_across_lines(sheet):
    sheet.paragraph([text(19) + "电话0772-28", "22404" + text(20), text(4) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"split_token": 1}
    finding = report.findings[0]
    assert (finding.text, finding.detail, finding.line) == ("0772-28|22404", "phone", 1)


def test_a_split_token_is_counted_once(sheet):
    sheet.paragraph([text(22) + "增长35", "%" + text(26), text(4) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"split_token": 1}
    assert report.split_tokens == {"number+unit": 1}


def test_a_line_past_the_right_margin(sheet):
    sheet.line(text(26) + "。", 0, indent=2)  # a hanging full stop: 29 cells
    sheet.paragraph([text(28, 1), text(4) + "。"], 1, indent=False)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"overflow": 1}
    assert report.findings[0].line == 1
    ink_right = RIGHT - 16 + STEP + 0.32 * 16  # the 。 box starts at the margin, ink 0.06–0.32 em
    assert points(report.findings[0].detail) == pytest.approx(ink_right - RIGHT, abs=0.15)


def test_a_squeezed_full_stop_hangs_its_box_but_not_its_ink_past_the_margin(sheet):
    # 行末标点挤压: the 。 set at half width, its box from half an em before the edge
    gap = (RIGHT - 8 - LEFT) / 27 - STEP
    sheet.glyphs(text(27) + "。", LEFT, TOP + 16, 16, gap)
    sheet.line(text(4) + "。", 1)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert report.findings == []
    m = report.measurements
    assert m.right_gaps == [pytest.approx(0, abs=0.01)]
    assert m.full_line_cells == [pytest.approx(27.5, abs=0.01)]
    assert m.extents[0].right_mm == pytest.approx(RIGHT / mm, abs=0.01)


@pytest.mark.parametrize(("shift", "past"), [(0.6, None), (2.0, 2.0 - 0.8)])
def test_overflow_is_judged_on_the_ink(sheet, shift, past):
    # a full line moved right: its boxes pass the margin by ``shift``, its ink by 0.8 pt less
    sheet.line(text(28), 0, x=LEFT + shift)
    sheet.line(text(4) + "。", 1)
    sheet.page_number()
    report = check_pdf(sheet.save())
    found = [points(f.detail) for f in report.of_kind("overflow")]
    assert found == ([] if past is None else [pytest.approx(past, abs=0.15)])


def test_a_short_wrapped_line_is_ragged(sheet):
    sheet.line(text(26), 0, indent=2, justify=True)
    sheet.line(text(27, 1), 1)  # one cell short of the edge
    sheet.line(text(4) + "。", 2)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"ragged": 1}
    assert report.findings[0].line == 2
    assert report.measurements.right_gaps[1] == pytest.approx(STEP, abs=0.01)


def test_a_full_page_of_21_lines(sheet):
    spread = HEIGHT / 21
    for row in range(21):
        sheet.line(text(28, row), row, pitch=spread, justify=True)
    sheet.page_number()
    sheet.next_page()
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {"lines_per_page": 1}
    finding = report.findings[0]
    assert (finding.page, finding.line, finding.text) == (1, 0, "21 lines")


def test_a_page_ending_early_on_the_grid_is_not_full(sheet):
    for row in range(21):
        sheet.line(text(28, row), row, justify=True)
    sheet.page_number()
    sheet.next_page()
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert report.measurements.lines_per_page == [21, 1]
    assert report.measurements.full_pages == []
    assert report.counts["lines_per_page"] == 0


def test_page_numbers_on_the_wrong_side(sheet):
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number(side="left")
    sheet.next_page()
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number(side="right")
    report = check_pdf(sheet.save())
    details = [(f.page, f.detail) for f in report.findings]
    assert details == [(1, "on the left, expected right"), (2, "on the right, expected left")]


@pytest.mark.parametrize(
    ("options", "detail"),
    [
        ({"gap_mm": 12}, "12.0 mm below the block"),
        ({"size": 16}, "size 16 pt"),
        ({"label": "-1-"}, "text '-1-', expected '— 1 —'"),
        ({"number": 4, "side": "left"}, "number 4 on page 1"),
    ],
)
def test_page_number_faults(sheet, options, detail):
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number(**options)
    report = check_pdf(sheet.save())
    assert [(f.kind, f.detail) for f in report.findings] == [("page_number", detail)]


def test_a_turned_page_has_its_number_down_the_left_margin_at_the_sheets_foot_side(sheet):
    """A landscape table's page (GB/T 9704-2012 §8) is an A4 sheet shown turned: its number
    stays where every page has it, which is the foot on odd pages and the head on even ones
    of the page as shown."""
    for number, side in ((1, None), (2, "right")):  # page 2's number on the wrong side
        sheet.canvas.setPageSize((A4[1], A4[0]))  # reportlab swaps it back for a turned page
        sheet.canvas.setPageRotation(90)
        sheet.page_number(side=side)
        if number == 1:
            sheet.next_page()
    report = check_pdf(sheet.save())
    assert [(f.page, f.kind, f.detail) for f in report.findings] == [
        (2, "page_number", "at the foot of the turned page, expected its head")]


def test_a_turned_pages_number_joins_no_line_of_the_block(tmp_path, cjk_font):
    """Read turned, the number down the margin is a glyph a line: a line of the block that
    shares a glyph's baseline (a table's units line) keeps to itself."""
    def turned_page(path: Path, line_at: float | None) -> Path:
        sheet = Sheet(path)
        sheet.canvas.setPageSize((A4[1], A4[0]))
        sheet.canvas.setPageRotation(90)
        sheet.page_number()
        if line_at is not None:  # shown turned, the sheet's x is the shown top, its y the left
            sheet.canvas.saveState()
            sheet.canvas.translate(line_at, RIGHT)
            sheet.canvas.rotate(90)
            sheet.canvas.setFont(FONT, 12)
            sheet.canvas.drawString(0, 0, "单位：人")
            sheet.canvas.restoreState()
        return sheet.save()

    [page] = read_pages(turned_page(tmp_path / "number.pdf", None), Geometry())
    dash = page.lines[-1].baseline
    report = check_pdf(turned_page(tmp_path / "both.pdf", dash))
    assert report.findings == []


def test_a_missing_page_number(sheet):
    sheet.line(text(5) + "。", 0, indent=2)
    report = check_pdf(sheet.save())
    assert [(f.kind, f.detail, f.line) for f in report.findings] == [("page_number", "missing", 0)]


def test_a_blank_page_before_the_last_and_the_last_may_go_unnumbered(sheet):
    """GB/T 9704 7.5: the 版记 page, after a blank page, and that blank page are not numbered;
    any other page without its number is still a finding."""
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number()
    sheet.next_page()
    sheet.next_page()  # blank
    sheet.line(text(5) + "。", 20, indent=1)
    assert check_pdf(sheet.save()).findings == []
    sheet = Sheet(sheet.path.with_name("numbered.pdf"))
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.next_page()
    sheet.line(text(5) + "。", 20, indent=1)
    report = check_pdf(sheet.save())
    assert [(f.page, f.kind, f.detail) for f in report.findings] == [
        (1, "page_number", "missing"), (2, "page_number", "missing")]


@pytest.mark.parametrize(
    ("gap_mm", "details"), [(7, []), (7.4, []), (4, ["4.0 mm below the block"])]
)
def test_the_page_number_gap_is_measured_to_the_dash_ink(sheet, gap_mm, details):
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number(gap_mm=gap_mm)
    report = check_pdf(sheet.save())
    assert [f.detail for f in report.findings] == details
    assert report.measurements.page_numbers[0].gap_mm == pytest.approx(gap_mm, abs=0.02)


def test_glyph_box_tops_at_7_mm_put_the_dash_too_low(sheet):
    # the box top is 0.88 em above the baseline, the dash's ink 0.3 em: 0.58 em higher
    sheet.line(text(5) + "。", 0, indent=2)
    sheet.page_number(gap_mm=7 + 0.58 * 14 / mm)
    report = check_pdf(sheet.save())
    assert [f.detail for f in report.findings] == ["9.9 mm below the block"]


def test_page_number_insets_are_judged_on_boxes_and_measured_on_ink(sheet):
    for page in (1, 2):
        sheet.line(text(5) + "。", 0, indent=2)
        sheet.page_number()
        if page == 1:
            sheet.next_page()
    report = check_pdf(sheet.save())
    assert report.findings == []
    marks = report.measurements.page_numbers
    assert [m.inset for m in marks] == [pytest.approx(14, abs=0.01)] * 2
    assert [m.ink_inset for m in marks] == [pytest.approx(14 + DASH_BEARING, abs=0.1)] * 2


@pytest.mark.parametrize(
    ("font", "found"),
    [
        (FONT, []),
        (BROKEN_FONT, [("（", "ink in the left half of its box, expected the right")]),
    ],
)
def test_a_font_whose_side_bearings_disagree_with_its_outlines(tmp_path, cjk_font, font, found):
    # the broken （: outline at 500–900 units, hmtx lsb 0, so it is drawn at 0–400
    sheet = Sheet(tmp_path / "bearings.pdf", font)
    sheet.paragraph([text(5) + "（阅读推广）" + text(3) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert [(f.text, f.detail) for f in report.findings] == found


def test_ink_past_its_box_is_a_glyph_offset(tmp_path, cjk_font):
    # the broken 〇: outline at 50–950 units, hmtx lsb 700, so it is drawn at 700–1600
    sheet = Sheet(tmp_path / "stray.pdf", BROKEN_FONT)
    sheet.line("〇", 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    [finding] = report.findings
    assert (finding.kind, finding.text) == ("glyph_offset", "〇")
    assert finding.detail.endswith("pt past its box on the right")
    assert points(finding.detail) == pytest.approx(0.6 * 16, abs=0.4)


def test_ink_beside_a_neighbour_cannot_be_told_from_the_neighbours(tmp_path, cjk_font):
    sheet = Sheet(tmp_path / "hidden.pdf", BROKEN_FONT)
    sheet.line("〇" + text(4), 0)  # 〇's stray ink lies in the next glyph's box
    sheet.page_number()
    assert check_pdf(sheet.save()).findings == []


def test_a_rule_under_a_line_is_not_its_glyphs_stray_ink(tmp_path, cjk_font):
    sheet = Sheet(tmp_path / "ruled.pdf")
    sheet.line("（" + text(4) + "）", 0)
    sheet.canvas.setLineWidth(0.5)  # a table's top rule 0.3 pt under the glyph boxes
    rule_y = TOP + 16 + 0.12 * 16 + 0.3 + 0.25
    sheet.canvas.line(LEFT, PAGE_HEIGHT - rule_y, RIGHT, PAGE_HEIGHT - rule_y)
    sheet.page_number()
    assert check_pdf(sheet.save()).findings == []


def test_ink_boxes_of_a_drawn_rectangle(tmp_path):
    canvas = Canvas(str(tmp_path / "rect.pdf"), pagesize=A4)
    canvas.rect(100.3, PAGE_HEIGHT - 220.7, 50.2, 20.1, stroke=0, fill=1)  # x 100.3–150.5
    canvas.save()
    with Ink(tmp_path / "rect.pdf") as ink:
        coarse = ink.box(1, (90, 190, 160, 230))
        fine = ink.box(1, (90, 190, 160, 230), fine=True)
        assert coarse == pytest.approx((100.3, 200.6, 150.5, 220.7), abs=0.25)
        assert fine == pytest.approx((100.3, 200.6, 150.5, 220.7), abs=0.05)
        assert ink.box(1, (90, 190, 160, 230), [(95, 195, 155, 225)]) is None
        assert ink.box(1, (10, 10, 50, 50)) is None
        assert ink.amount(1, (100, 200, 110, 210)) > 0
        assert (ink.rendered, ink.fine_renders) == ([1], 1)


def test_adjacent_marks_each_a_full_em_wide_are_a_mark_pair(sheet):
    sheet.paragraph([text(10) + "），" + text(14), text(8) + "？！" + text(4) + "。"], 0)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert [(f.kind, f.text, f.detail) for f in report.findings] == [
        ("mark_pair", "），", "1.99 em")]  # STEP + 16 pt; ？！: two stops are no pair
    assert report.measurements.mark_pairs == [pytest.approx((STEP + 16) / 16, abs=1e-4)]


def test_a_pair_set_in_one_and_a_half_ems_is_no_finding(sheet):
    baseline = TOP + 16
    sheet.glyphs(text(10) + "）", LEFT, baseline, 16)
    sheet.glyphs("，" + text(4) + "。", LEFT + 10.5 * STEP, baseline, 16)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert nonzero(report) == {}
    assert report.measurements.mark_pairs == [pytest.approx(1.5, abs=0.01)]


def test_a_wrapped_line_spread_over_wide_gaps_is_loose(sheet):
    row = sheet.paragraph([text(20), text(6) + "。"], 0, indent=False)  # 0.42 em gaps
    sheet.paragraph([text(25), text(6) + "。"], row)  # indented 2: 0.04 em, fine
    sheet.page_number()
    report = check_pdf(sheet.save())
    [loose] = report.findings
    assert (loose.kind, loose.text, loose.line) == ("loose", text(20), 1)
    assert points(loose.detail) == pytest.approx(8 * STEP / 19 + STEP - 16, abs=0.1)
    assert max(report.measurements.loosest_gaps) == pytest.approx(points(loose.detail) / 16,
                                                                  abs=0.01)


def test_text_outside_the_block(sheet):
    sheet.line(text(5) + "。", 0, x=LEFT - 10)
    sheet.page_number()
    report = check_pdf(sheet.save())
    assert [(f.kind, f.detail) for f in report.findings] == [("outside_block", "left 10.0 pt")]


def test_the_summary_gives_the_figures(sheet):
    sheet.paragraph([text(26), "，" + text(27), text(4) + "。"], 0)
    sheet.page_number()
    summary = check_pdf(sheet.save()).summary()
    assert "line_start 1" in summary
    assert "chars per full line (n=2, expected 28): 28.0 ×2" in summary
    assert "page numbers: 1 of 1 pages" in summary


def test_another_text_block(tmp_path, cjk_font):
    sheet = Sheet(tmp_path / "narrow.pdf")
    sheet.line(text(10) + "。", 0)
    sheet.page_number()
    report = check_pdf(sheet.save(), text_width_mm=100)
    assert report.counts["overflow"] == 0
    assert report.counts["page_number"] == 1  # the number sits at the 156 mm block's edge


def baseline_script():
    """benchmarks/linebreak_baseline.py, loaded as a module."""
    path = ROOT / "benchmarks" / "linebreak_baseline.py"
    spec = importlib.util.spec_from_file_location("linebreak_baseline", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_baseline_script_checks_any_pdf(sheet, capsys):
    sheet.paragraph([text(26), "，" + text(27), text(4) + "。"], 0)
    sheet.page_number()
    path = sheet.save()
    script = baseline_script()
    assert script.main(["--pdf", str(path), "--list", "5"]) == 0
    out = capsys.readouterr().out
    assert "line_start 1" in out
    assert "p1 l2 line_start ，" in out


# The rules alone, on lines made in memory: every inner break of a token is caught.

TOKENS = (
    "V2.3",
    "12.8TB",
    "3 274人",
    "46809册",
    "192万人次",
    "159.05万次",
    "0772-2822404",
    "office@example.org",
    "https://example.org/a/b",
    "9:00—17:00",
    "GB/T 9704—2012",
    "+33.3%",
    "2024-2025年度",
    "2026-02-03",
    "2026年",
    "35%",
    "−5℃",
    "1,234,567",
    "ISO 8601:2004",
    "Windows",
    "——",
    "……",
)


def memory_line(chars: str, index: int) -> TextLine:
    glyphs = []
    x = LEFT
    for ch in chars:
        advance = 16 if full_width(ch) else 8
        glyphs.append(Glyph(ch, x, x + advance, 0, 16, 14, 16))
        x += advance
    return TextLine(page=1, glyphs=glyphs, kind="body", index=index)


def findings_at(before: str, after: str) -> list[tuple[str, str, str]]:
    paragraph = Paragraph("body", [memory_line(before, 1), memory_line(after, 2)])
    return [(f.kind, f.text, f.detail) for f in break_findings([paragraph], Geometry())]


@pytest.mark.parametrize("token", TOKENS)
def test_every_inner_break_of_a_token_is_a_split(token):
    address = "@" in token or "://" in token  # wider than a quarter line here (8 pt letters)
    for at in range(1, len(token)):
        before, after = token[:at].rstrip(), token[at:].lstrip()
        found = findings_at("开展活动" + before, after + "明显增长")
        expected = [] if address and before[-1] in "/.-@" else ["split_token"]
        assert [kind for kind, _, _ in found] == expected, (token, at, found)


@pytest.mark.parametrize(("address", "at", "split"), [
    ("office@example.org", "office@", False),  # 9 cells: over a quarter of 28
    ("office@example.org", "office@exa", True),  # only after / . - @
    ("lib@163.com", "lib@", True),  # 5.5 cells: short addresses stay whole
    ("https://example.org/a/b", "https://", False),
    ("https://example.org/a/b", "https://example.org/a", True),
])
def test_an_address_over_a_quarter_line_may_break_after_a_slash_dot_hyphen_or_at(address, at,
                                                                                  split):
    found = findings_at("邮箱" + at, address[len(at):] + "。")
    assert [kind for kind, _, _ in found] == (["split_token"] if split else [])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("时间为2026年", "2月3日"),
        ("时间为2026年2月", "3日"),
        ("阅读", "推广"),
        ("增长。", "“阅读”"),
        ("完成", "8部"),
        ("——", "“阅读”"),
        ("网址：", "https://example.org/reports/2025/annual-summary-and-work-plan.pdf"),
    ],
)
def test_allowed_breaks(before, after):
    assert findings_at(before, after) == []


LONG_URL = "https://example.org/reports/2025/annual-summary-and-work-plan-of-the-library.pdf"


@pytest.mark.parametrize("before", ["https://example.org/", "https://example.org/reports/2025/",
                                    "https://example.org/reports/2025/annual-"])
def test_a_token_wider_than_a_line_may_split_after_a_mark(before):
    at = len(before)
    assert findings_at("网址：" + LONG_URL[:at], LONG_URL[at:] + "。") == []


def test_a_token_wider_than_a_line_may_not_split_a_word():
    at = LONG_URL.index("library") + 3
    found = findings_at("网址：" + LONG_URL[:at], LONG_URL[at:] + "。")
    assert found == [("split_token", LONG_URL[:at] + "|" + LONG_URL[at:], "long url")]


def test_a_whole_ellipsis_starting_a_line_is_a_line_start():
    assert findings_at("开展活动", "……等") == [("line_start", "……等", "…")]


@given(
    digits=st.text(alphabet="0123456789", min_size=7, max_size=8),
    area=st.sampled_from(["010", "0772", "021"]),
    at=st.integers(min_value=1, max_value=12),
)
def test_any_break_inside_a_phone_number_is_a_split(digits, area, at):
    phone = f"{area}-{digits}"
    at = min(at, len(phone) - 1)
    found = findings_at("电话" + phone[:at], phone[at:] + "。")
    assert [(kind, detail) for kind, _, detail in found] == [("split_token", "phone")]


@given(
    before=st.text(alphabet=IDEOGRAPHS + "，、；。", min_size=1, max_size=27),
    after=st.text(alphabet=IDEOGRAPHS + "（“", min_size=1, max_size=27),
)
def test_breaks_between_ideographs_are_fine(before, after):
    assert findings_at(before, after) == []


def test_the_baseline_script_builds_the_corpus_with_reportlab(tmp_path):
    corpus = ROOT / "tests" / "layout" / "stress_corpus.py"
    if not corpus.exists():
        pytest.skip("no stress corpus yet")
    script = baseline_script()
    script.register_font()
    paragraphs = script.load_corpus()[:60]
    script.build_pdf(paragraphs, tmp_path / "baseline.pdf")
    report = check_pdf(tmp_path / "baseline.pdf")
    assert report.paragraphs == len(paragraphs)
    # the script sets glyph-box tops 7 mm below the block, so the dash ink is lower than 7 mm
    page_numbers = report.of_kind("page_number")
    assert all(f.detail.endswith("mm below the block") for f in page_numbers)
    assert report.counts["ragged"] > 0  # reportlab leaves Chinese lines ragged


@pytest.mark.parametrize("number", ["桂文旅发〔2026〕12号", "〔2026〕12号", "国办发[2026]3号",
                                    "［2026］第12号", "【2026】12号"])
def test_a_document_number_splits_from_its_bracketed_year_on_but_not_before(number):
    year = next(k for k, ch in enumerate(number) if ch in "〔[［【")
    for at in range(1, len(number)):
        found = findings_at("根据" + number[:at], number[at:] + "文件")
        expected = [("split_token", DOC_NUMBER)] if at > year else []
        assert [(kind, detail) for kind, _, detail in found] == expected, (number, at, found)
