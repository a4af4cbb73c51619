"""The DOCX as LibreOffice paginates it, against the PDF of the same report: the same pages, each
starting within one line of where the PDF's does, no glyph past the right margin, and the page
number's dash and the first line where the PDF puts them, within 1 mm.

Both are built with `--docx-fonts bundled`, so that LibreOffice sets the DOCX in the faces the
PDF embeds whatever the machine has installed; the examples are also built with the standard
profile, whose office faces LibreOffice replaces with what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.cli import main
from tests.conftest import DATA, ROOT
from tests.helpers.libreoffice import convert
from tests.pdfcheck import check_pdf
from tests.pdfcheck.lines import MM, Geometry, TextLine, read_pages
from tests.pdfcheck.measure import CLOSING_MARKS

pytestmark = pytest.mark.libreoffice

FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = sorted(DATA.glob("*.yaml"))
TABLE_REPORT = FIXTURES / "table-headings-plan.yaml"
REPORTS = [*EXAMPLES, FIXTURES / "headings-plan.yaml", TABLE_REPORT]
WAITS_ON_TABLES = pytest.mark.xfail(
    strict=True, reason="table rows are 18 pt high in the DOCX, whole grid lines (29 pt) in the "
    "PDF: table geometry is issue 12's, and the table's page holds 3 rows more in the DOCX")
LINE_BREAKS_DIFFER = pytest.mark.xfail(
    strict=True, reason="LibreOffice 7.4 breaks lines otherwise than the PDF: a line's final "
    "mark hangs (it reads w:overflowPunct inverted) and adjacent marks are not compressed "
    "(2 em a pair against the PDF's 1.5): page 2 of the example starts 30 characters (a line and "
    "2 characters) after the PDF's")
LINE_BREAKS_DIFFER_IN = {"liuzhou-library-2025-bundled"}
MARGIN_SLACK = 0.5  # pt
EXACT_LINE_OFFSET = 3.04
"""pt by which LibreOffice 7.4 sets every line lower than the PDF (README: what was checked)."""


@dataclass(frozen=True)
class Rendering:
    """One report as the PDF writer printed it and as LibreOffice printed its DOCX."""

    pdf: Path
    docx_pdf: Path


def _render(report: Path, profile: str, out: Path) -> Rendering:
    assert main(["build", str(report), "-o", str(out), "--docx-fonts", profile,
                 "--reproducible", "-j", "1"]) == 0
    return Rendering(out / f"{report.stem}.pdf",
                     convert(out / f"{report.stem}.docx", out_dir=out / "libreoffice"))


@pytest.fixture(scope="module", params=[
    *(pytest.param((report, "bundled"), id=f"{report.stem}-bundled") for report in REPORTS),
    *(pytest.param((report, "standard"), id=f"{report.stem}-standard") for report in EXAMPLES),
])
def rendering(request, tmp_path_factory) -> Rendering:
    report, profile = request.param
    return _render(report, profile, tmp_path_factory.mktemp(f"{report.stem}-{profile}"))


def text_lines(pdf: Path) -> list[list[TextLine]]:
    """Each page's lines top to bottom, page numbers left out."""
    return [[line for line in page.lines if line.kind != "page_number"]
            for page in read_pages(pdf, Geometry())]


def page_starts(pages: list[list[TextLine]]) -> list[int]:
    """Where each page starts: the characters of the document before it, white space left out
    (a page's own order of lines, such as a table's cells, does not matter)."""
    starts, count = [], 0
    for lines in pages:
        starts.append(count)
        count += sum(len("".join(line.text.split())) for line in lines)
    return starts


def line_ends(pages: list[list[TextLine]]) -> list[int]:
    """Where each line of the document ends, counted as `page_starts` counts."""
    ends, count = [], 0
    for lines in pages:
        for line in lines:
            count += len("".join(line.text.split()))
            ends.append(count)
    return ends


def test_the_docx_has_the_pages_of_the_pdf_each_starting_within_a_line(request, rendering):
    if rendering.pdf.stem == TABLE_REPORT.stem:
        request.applymarker(WAITS_ON_TABLES)
    if request.node.callspec.id in LINE_BREAKS_DIFFER_IN:
        request.applymarker(LINE_BREAKS_DIFFER)
    pdf, docx = text_lines(rendering.pdf), text_lines(rendering.docx_pdf)
    assert len(docx) == len(pdf)
    ends = line_ends(pdf)
    starts = zip(page_starts(pdf), page_starts(docx), strict=True)
    for page, (want, got) in enumerate(starts, start=1):
        if page == 1:
            continue
        first = ends.index(want)  # the PDF's line ending where its page begins: the one before
        low = ends[first - 1] if first else 0
        high = ends[first + 1]
        assert low <= got <= high, f"page {page} starts {got - want:+} characters off the PDF's"


def test_no_glyph_passes_the_right_margin(rendering):
    right = Geometry().right
    for lines in text_lines(rendering.docx_pdf):
        for line in lines:
            inside = line.ink
            if inside[-1].text in CLOSING_MARKS:  # LibreOffice reads w:overflowPunct inverted
                inside = inside[:-1]
            assert max(g.x1 for g in inside) <= right + MARGIN_SLACK, line.text


def test_the_page_numbers_dash_sits_where_the_pdfs_does(rendering):
    dashes = [mark.gap_mm for mark in check_pdf(rendering.docx_pdf).measurements.page_numbers]
    expected = [mark.gap_mm for mark in check_pdf(rendering.pdf).measurements.page_numbers]
    pairs = zip(dashes, expected, strict=False)  # pages the table report has in both
    assert dashes and all(abs(got - want) <= 1.0 for got, want in pairs), dashes


def first_line_offsets(rendering: Rendering) -> list[float]:
    """How far below the PDF's each page's first line sits in the DOCX (pt, baseline)."""
    pdf, docx = text_lines(rendering.pdf), text_lines(rendering.docx_pdf)
    return [got[0].baseline - want[0].baseline for want, got in zip(pdf, docx, strict=False)]


def test_every_page_sets_its_first_line_as_the_pdfs_lower_by_one_constant(rendering):
    offsets = first_line_offsets(rendering)
    assert max(offsets) - min(offsets) <= 0.3, offsets
    assert offsets[0] == pytest.approx(EXACT_LINE_OFFSET, abs=0.3)


@pytest.mark.xfail(strict=True, reason="LibreOffice seats the baseline of an exact-height line "
                   "0.82 of the way down, the PDF centres the em box (0.71): 3.04 pt, 1.07 mm")
def test_the_first_line_sits_within_1_mm_of_the_pdfs(rendering):
    assert all(abs(offset) <= MM for offset in first_line_offsets(rendering))
