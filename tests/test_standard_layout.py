"""The built PDFs measured against GB/T 9704 and Chinese line breaking by the independent checker.

These are the acceptance figures of the layout: the example report and a stress corpus of over
300 paragraphs (every hard mark, mark pair and token kind at every offset of a line) are built
through the command line and read back with pdfplumber by `tests/pdfcheck`, which has its own
rule tables.
"""

from __future__ import annotations

import pytest
import yaml

from reportgen.cli import main
from tests.conftest import EXAMPLE, ROOT
from tests.layout.stress_corpus import stress_paragraphs
from tests.pdfcheck import TOKEN_PATTERNS, check_pdf, paragraphs
from tests.pdfcheck.lines import Geometry, read_pages

MM = 72 / 25.4
PITCH_MM = 225 / 22


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    assert main(["build", str(EXAMPLE), "-o", str(out), "--format", "pdf"]) == 0
    return out / "liuzhou-library-2025.pdf"


@pytest.fixture(scope="module")
def example_report(example_pdf):
    return check_pdf(example_pdf)


def test_the_example_has_no_finding_of_any_kind(example_report):
    assert example_report.findings == [], example_report.summary()


def test_every_wrapped_line_is_flush_and_on_the_grid(example_report):
    m = example_report.measurements
    assert m.wrapped_lines > 50
    assert all(abs(gap) <= 1.0 for gap in m.right_gaps)
    assert all(abs(pitch - PITCH_MM * MM) < 0.05 for pitch in m.pitches)


CLOSING = "，。、；：？！）》」』】〕〉”’…"
OPENING = "（《「『【〔〈“‘"


def test_full_lines_of_chinese_hold_28_characters(example_pdf):
    """A wrapped body line made only of full-width characters holds 28 of them, except where a
    line-breaking conflict was resolved: pushed out (27, its last character went on with the
    closing mark that may not start a line) or pushed in (29, a mark set at half width)."""
    pages = read_pages(example_pdf, Geometry())
    counted = 0
    for page in pages:
        body = [line for line in page.lines if line.kind == "body"]
        for line, following in zip(body, body[1:], strict=False):
            text = "".join(g.text for g in line.glyphs)
            at_margin = line.glyphs[0].x0 < 28 * MM + 1  # not a first line (indented 2 chars)
            continues = following.glyphs[0].x0 < 28 * MM + 1  # the next line is no new paragraph
            if at_margin and continues and all(ord(ch) >= 0x2E80 for ch in text):
                following_text = "".join(g.text for g in following.glyphs)
                pushed_out = len(text) == 27 and (following_text[1:2] in tuple(CLOSING)
                                                  or text[-1] in OPENING)
                pushed_in = len(text) == 29 and any(ch in CLOSING + OPENING for ch in text)
                assert len(text) == 28 or pushed_out or pushed_in, text
                counted += len(text) == 28
    assert counted >= 15


def test_full_pages_have_22_lines_and_the_block_is_where_gb_t_9704_puts_it(example_pdf,
                                                                          example_report):
    """A page is full when text reaches its last grid line; then it holds 22 lines (a title's
    22 pt lines take one grid line each). Pages that end early do so to keep a heading with
    its text or to avoid a widow, and are not full."""
    pitch = PITCH_MM * MM
    first_baseline = 37 * MM + 0.8 * pitch  # 4/5 down line 1, as LibreOffice seats it
    full = 0
    for page in read_pages(example_pdf, Geometry())[:-1]:
        lines = [line for line in page.lines if line.kind != "page_number"]
        grid = [(line.glyphs[0].baseline - first_baseline) / pitch + 1 for line in lines]
        assert all(abs(g - round(g)) < 0.02 for g in grid), (page.number, grid)
        assert round(grid[0]) == 1 or page.number == 1  # a page starts on its first line
        assert round(grid[-1]) <= 22
        if round(grid[-1]) == 22:
            full += 1
            titled = any(line.kind == "title" for line in lines)
            assert len(lines) == 22 or titled, page.number  # a title has blank lines around
    assert full >= 2
    m = example_report.measurements
    for extent in m.extents:
        assert abs(extent.left_mm - 28) <= 0.5
        assert extent.right_mm <= 184 + 0.5
        # every line's glyph boxes inside the block, the first line's below its top edge
        assert 37 - 0.5 <= extent.top_mm and extent.bottom_mm <= 37 + 225 + 0.5
    assert max(e.right_mm for e in m.extents) == pytest.approx(184, abs=0.5)


def test_page_numbers_sit_by_parity_7_mm_below_the_block(example_report):
    marks = example_report.measurements.page_numbers
    assert [m.side for m in marks] == ["right" if m.page % 2 else "left" for m in marks]
    assert all(abs(m.gap_mm - 7) <= 0.5 and m.size == pytest.approx(14) for m in marks)
    assert all(m.text.replace(" ", "") == f"—{m.page}—" for m in marks)


@pytest.mark.slow
def test_the_stress_corpus_builds_without_a_violation(tmp_path):
    paragraphs = stress_paragraphs()[::8]
    assert len(paragraphs) >= 300
    report = tmp_path / "stress.yaml"
    report.write_text(yaml.safe_dump({"title": "断行压力测试", "body": paragraphs},
                                     allow_unicode=True), encoding="utf-8")
    assert main(["build", str(report), "-o", str(tmp_path), "--format", "pdf"]) == 0
    checked = check_pdf(tmp_path / "stress.pdf")
    counts = checked.counts
    for kind in ("line_start", "line_end", "split_token", "overflow", "ragged",
                 "outside_block", "glyph_offset", "page_number", "mark_pair"):
        assert counts[kind] == 0, checked.summary()
    assert checked.paragraphs >= 300
    pairs = checked.measurements.mark_pairs
    assert len(pairs) >= 50 and max(pairs) == pytest.approx(1.5, abs=0.02)
    assert_loose_only_before_whole_tokens(tmp_path / "stress.pdf", checked)


def assert_loose_only_before_whole_tokens(pdf, checked) -> None:
    """A wrapped line may open gaps wider than a quarter em only where what follows it is a
    token the rules keep whole (GB/T 9704—2012, 0772-2822404, “2024-2025年度”) and the line
    has no mark to compress: then nothing else can fill it. Never wider than half an em."""
    assert max(checked.measurements.loosest_gaps) <= 0.5, checked.summary()
    geometry = Geometry()
    found = paragraphs(read_pages(pdf, geometry), geometry)
    whole = [pattern for name, pattern in TOKEN_PATTERNS if name not in ("word", "number")]
    for finding in checked.of_kind("loose"):
        lines = found[finding.paragraph].lines
        at = next(k for k, line in enumerate(lines)
                  if (line.page, line.index) == (finding.page, finding.line))
        following = lines[at + 1].text.lstrip("“《（")
        assert any(pattern.match(following) for pattern in whole), (finding, following)
        assert not set(finding.text) & set("，。、；：？！（）《》“”"), finding


def test_adjacent_marks_take_one_and_a_half_ems_and_no_line_is_loose(example_report):
    """标点挤压: ），  》《  ”“  、“ … take 1.5 ems; and no justified line opens a gap between
    two characters wider than a quarter em (1.4 mm at 16 pt)."""
    m = example_report.measurements
    assert len(m.mark_pairs) >= 15 and max(m.mark_pairs) <= 1.5 + 0.02
    assert max(m.loosest_gaps) <= 0.25


def test_a_notice_keeps_each_number_with_its_unit_and_opens_no_loose_line(tmp_path):
    """字数控制在3 000|字以内 broke here: 字 was no unit the breaker knew."""
    notice = ROOT / "tests" / "fixtures" / "notice-meeting.yaml"
    assert main(["build", str(notice), "-o", str(tmp_path), "--format", "pdf"]) == 0
    checked = check_pdf(tmp_path / "notice-meeting.pdf")
    assert checked.findings == [], checked.summary()
    assert max(checked.measurements.loosest_gaps) <= 0.25
