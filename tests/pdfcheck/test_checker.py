"""Tests of the PDF checker on pages drawn glyph by glyph with reportlab's canvas."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.pdfcheck import Geometry, Glyph, Paragraph, TextLine, break_findings, check_pdf

ROOT = Path(__file__).resolve().parents[2]
FONT_CANDIDATES = (
    ROOT / "fonts" / "ReportgenSong-Regular.ttf",
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"),
)
FONT = "CheckerCJK"
PAGE_HEIGHT = A4[1]
LEFT, TOP, WIDTH, HEIGHT = 28 * mm, 37 * mm, 156 * mm, 225 * mm
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
PITCH = HEIGHT / 22
STEP = (WIDTH - 16) / 27  # 28 full-width glyphs of 16 pt end exactly at the right edge
IDEOGRAPHS = "柳州市图书馆围绕市委市政府工作部署扎实推进各项工作两馆顺利运行深化免费开放加强服务"


def text(n: int, start: int = 0) -> str:
    """``n`` ideographs of filler."""
    return (IDEOGRAPHS * 4)[start : start + n]


def full_width(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WFA"


@pytest.fixture(scope="module")
def cjk_font() -> None:
    path = next((p for p in FONT_CANDIDATES if p.exists()), None)
    if path is None:
        pytest.skip("no CJK TrueType font")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))


class Sheet:
    """A PDF drawn glyph by glyph on the GB/T 9704 grid; rows count from the block's top."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.canvas = Canvas(str(path), pagesize=A4)
        self.page = 1

    def glyphs(self, chars: str, x: float, baseline: float, size: float, gap: float = 0) -> None:
        """Draw ``chars`` from ``x``; full-width ones STEP apart, others at their advance."""
        self.canvas.setFont(FONT, size)
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
        """GB/T 9704 page number unless told otherwise: glyph tops ``gap_mm`` below the block."""
        number = self.page if number is None else number
        label = f"— {number} —" if label is None else label
        side = side or ("right" if number % 2 else "left")
        baseline = BOTTOM + gap_mm * mm + size + pdfmetrics.getDescent(FONT, size)
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
    assert (report.findings[0].line, report.findings[0].detail) == (1, f"{STEP:.1f} pt past")


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


def test_a_missing_page_number(sheet):
    sheet.line(text(5) + "。", 0, indent=2)
    report = check_pdf(sheet.save())
    assert [(f.kind, f.detail, f.line) for f in report.findings] == [("page_number", "missing", 0)]


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
    for at in range(1, len(token)):
        before, after = token[:at].rstrip(), token[at:].lstrip()
        found = findings_at("开展活动" + before, after + "明显增长")
        assert [kind for kind, _, _ in found] == ["split_token"], (token, at, found)


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
    assert report.counts["page_number"] == 0
    assert report.counts["ragged"] > 0  # reportlab leaves Chinese lines ragged
