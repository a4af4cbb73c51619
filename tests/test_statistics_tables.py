"""Statistical tables in both outputs: the statistics example built, its DOCX rendered by
LibreOffice, and both PDFs read back as a reader sees them (pdfplumber's ruled tables)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from reportgen import model
from reportgen.cli import main
from reportgen.figures import is_figure
from reportgen.layout.columns import LABEL_CHARS, width_chars
from reportgen.reader.report import read_report
from tests.conftest import DATA
from tests.helpers.libreoffice import convert
from tests.pdfcheck.lines import Geometry, read_pages

EXAMPLE = DATA / "liuzhou-health-statistics-2025.yaml"
MM = 72 / 25.4
PORTRAIT = (28 * MM, 37 * MM, 184 * MM, 262 * MM)  # text block: left, top, right, bottom
TURNED = (35 * MM, 28 * MM, 260 * MM, 184 * MM)  # the same block on a page shown turned
SLACK = 0.5  # points
SQUEEZABLE = set("，。、；：？！）》”’")  # body text may hang these past the margin


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("statistics")
    assert main(["build", str(EXAMPLE), "-o", str(out), "--reproducible", "-j", "1"]) == 0
    pdf = out / f"{EXAMPLE.stem}.pdf"
    rendered = convert(out / f"{EXAMPLE.stem}.docx", out_dir=out / "libreoffice")
    return {"pdf": pdf, "libreoffice": rendered}


@pytest.fixture(scope="module")
def tables() -> list[model.Table]:
    document = read_report(EXAMPLE)
    return [block for block in document.walk() if isinstance(block, model.Table)]


def _plain(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def _pages(path: Path) -> list[dict]:
    """Each page: whether it is shown turned, and its ruled tables as rows of cell texts
    (lines joined by newlines)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            turned = page.rotation in (90, 270) or page.width > page.height
            found = [table.extract() for table in page.find_tables()]
            pages.append({"turned": turned, "tables": found, "page": page.page_number})
    return pages


def _parts(pages: list[dict]) -> list[tuple[int, list[list[str | None]]]]:
    return [(page["page"], rows) for page in pages for rows in page["tables"]]


def _key(row) -> str:
    """A body row told from the rows of other tables: its first two cells."""
    return f"{_plain(row[0])}|{_plain(row[1])}"


def _labels(table: model.Table) -> list[str]:
    return [_key(row) for row in table.rows if row[0]]


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_no_number_and_no_short_row_label_is_broken(built, tables, output):
    whole = {_plain(cell) for table in tables for row in table.rows for cell in row
             if cell and (is_figure(cell) or width_chars(cell) <= LABEL_CHARS)}
    seen = set()
    broken = []
    for _, rows in _parts(_pages(built[output])):
        for cell in (c for row in rows for c in row if c):
            if _plain(cell) in whole:
                seen.add(_plain(cell))
                if "\n" in cell:
                    broken.append(cell)
    assert broken == []
    assert seen == whole  # every number and label was found, each in a cell of its own


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_nothing_leaves_the_text_block(built, output):
    with pdfplumber.open(built[output]) as pdf:
        for page in pdf.pages:
            turned = page.rotation in (90, 270) or page.width > page.height
            left, top, right, bottom = TURNED if turned else PORTRAIT
            for char in page.chars:
                # The page number, outside the block by design: at the foot of the sheet, which
                # is the left edge of a page shown turned.
                number = char["text"] in "—0123456789 " and (
                    char["x1"] < left - 3 * MM if turned else char["top"] > bottom + 3 * MM)
                if number:
                    continue
                hang = char["width"] if char["text"] in SQUEEZABLE else 0.0
                assert left - SLACK <= char["x0"] and char["x1"] <= right + SLACK + hang, \
                    (page.page_number, char["text"])
                assert top - SLACK <= char["top"] and char["bottom"] <= bottom + SLACK, \
                    (page.page_number, char["text"])
            for edge in page.edges:
                assert left - 1 <= edge["x0"] and edge["x1"] <= right + 1
                assert top - 1 <= edge["top"] and edge["bottom"] <= bottom + 1


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_a_table_of_up_to_15_rows_is_never_split(built, tables, output):
    parts = _parts(_pages(built[output]))
    short = [table for table in tables if len(table.rows) <= 15]
    assert len(short) >= 5
    for table in short:
        labels = _labels(table)
        whole = [page for page, rows in parts
                 if [_key(row) for row in rows if _key(row) in labels] == labels]
        assert len(whole) == 1, table.caption


def test_the_45_row_table_takes_as_many_pages_in_both(built, tables):
    table = next(t for t in tables if len(t.rows) == 45)
    labels = set(_labels(table))
    counts = {}
    for output in ("pdf", "libreoffice"):
        pages = {page for page, rows in _parts(_pages(built[output]))
                 if any(_key(row) in labels for row in rows)}
        counts[output] = len(pages)
    assert counts["pdf"] >= 2
    assert abs(counts["pdf"] - counts["libreoffice"]) <= 1


def test_the_45_row_table_breaks_between_rows_with_its_header_on_each_page(built, tables):
    table = next(t for t in tables if len(t.rows) == 45)
    labels = _labels(table)
    parts = [rows for _, rows in _parts(_pages(built["pdf"]))
             if any(_key(row) in labels for row in rows)]
    assert len(parts) >= 2
    placed = []
    for rows in parts:
        assert _plain(rows[0][0]) == _plain(table.header[0][0])  # the header repeats
        body = [_key(row) for row in rows[1:]]
        assert len(body) >= 2
        placed += body
    assert placed == labels  # each row once, whole, in order


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_tables_too_wide_for_a_portrait_page_are_on_turned_pages(built, tables, output):
    pages = _pages(built[output])
    wide = [t for t in tables if len(t.columns) >= 10]
    assert wide
    for table in wide:
        labels = _labels(table)
        found = [page for page in pages for rows in page["tables"]
                 if [_key(r) for r in rows if _key(r) in labels] == labels]
        assert found and all(page["turned"] for page in found), table.caption
    assert not pages[0]["turned"] and not pages[-1]["turned"]


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_a_turned_page_keeps_its_page_number_where_every_page_has_it(built, output):
    """GB/T 9704-2012 §8: on a landscape table's page the page number stays where the other
    pages have it, on the portrait sheet; shown turned, it runs down the left margin, near the
    foot on odd pages and near the head on even ones."""
    with pdfplumber.open(built[output]) as pdf:
        turned = [page for page in pdf.pages if page.rotation == 90 or page.width > page.height]
        assert len(turned) >= 2
        for page in turned:
            number = sorted((c for c in page.chars if c["x1"] < TURNED[0] - 3 * MM),
                            key=lambda c: c["top"])
            assert _plain("".join(c["text"] for c in number)).strip("—") == \
                str(page.page_number)
            assert all(not c["upright"] for c in number)
            middle = (number[0]["top"] + number[-1]["bottom"]) / 2
            if page.page_number % 2:
                assert middle > TURNED[3] - (TURNED[3] - TURNED[1]) / 3
            else:
                assert middle < TURNED[1] + (TURNED[3] - TURNED[1]) / 3


def test_table_lines_stand_where_libreoffice_prints_them(built):
    """On upright pages each cell line, units line (单位：) and note line (注：) of the PDF is
    within 1 mm of the same line in LibreOffice's rendering: both seat a line's baseline 4/5
    down its own line, the units line and the notes as high as the DOCX's paragraphs."""
    geometry = Geometry()
    pdf, rendered = read_pages(built["pdf"], geometry), read_pages(built["libreoffice"], geometry)
    compared = 0
    for want, got in zip(pdf, rendered, strict=True):
        if want.turned or want.width > want.height:
            continue
        notes = False
        for line in want.lines:
            text = _plain(line.text)
            notes = line.kind == "other" and (notes or text.startswith("注："))
            if line.cell is None and not (notes or text.startswith("单位：")):
                continue
            same = [g.baseline for g in got.lines if _plain(g.text) == text]
            assert same, (want.number, text)
            assert min(abs(b - line.baseline) for b in same) <= MM, (want.number, text)
            compared += 1
    assert compared > 100
