"""The example report as PDF: every character in order, on the GB/T 9704 grid, numbered pages."""

from __future__ import annotations

import io
import re

import pdfplumber
import pypdf
from fontTools.ttLib import TTFont

from reportgen import __version__, model
from tests.writers.pdf.documents import (
    BOTTOM,
    CHAR,
    LEFT,
    MM,
    PAGE_HEIGHT,
    RIGHT,
    TOP,
    document,
    paragraph,
    pdf_bytes,
    read_lines,
    text_lines,
)

RARE = "𫖯䶮㮾堃喆燊"


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_every_character_of_the_report_is_printed_in_reading_order(example, example_pages):
    expected = squeeze("".join(example.texts()))
    printed = squeeze("".join(line.text for line in text_lines(example_pages)))
    assert printed == expected


def test_each_heading_starts_a_line_with_its_number(example, example_pages):
    starts = [line.text for line in text_lines(example_pages)]
    headings = [b for b in example.walk() if isinstance(b, (model.Section, model.PlanItem))]
    found = []
    at = 0
    for heading in headings:
        text = heading.numbering.label + heading.title
        at = next(i for i in range(at, len(starts)) if starts[i].startswith(text[:10]))
        found.append(heading.numbering.label)
    labels = ["一、", "（一）", "（二）", "01", "02", "03", "04", "（三）", "01", "02", "03", "04",
              "05", "（四）", "（五）", "（六）", "（七）", "二、", *(f"{n}." for n in range(1, 9))]
    assert found == labels


def test_text_stays_inside_the_text_block(example_pages):
    for line in text_lines(example_pages):
        assert line.x0 >= LEFT - 0.5 * MM, line.text
        assert line.set_x1 <= RIGHT + 0.5 * MM, line.text
        for char in line.chars:
            assert char["top"] >= TOP - 0.5 * MM, line.text
            assert char["bottom"] <= BOTTOM + 0.5 * MM, line.text


def test_every_baseline_sits_on_a_grid_line(example_pages):
    rows = [line.row for line in text_lines(example_pages)]
    assert all(abs(row - round(row)) < 0.01 and 0 <= round(row) < 22 for row in rows)
    assert max(round(row) for row in rows) == 21


def test_full_lines_are_justified_flush_with_both_margins(example_pages):
    """A body line followed by a line starting at the margin is not its paragraph's last."""
    lines = [line for line in text_lines(example_pages) if line.size == 16]
    pairs = zip(lines, lines[1:], strict=False)
    full = [line for line, after in pairs if abs(after.x0 - LEFT) < 0.5]
    assert len(full) > 60
    for line in full:
        assert abs(line.x0 - LEFT) < 0.5 or abs(line.x0 - LEFT - 2 * CHAR) < 0.5, line.text
        assert abs(line.set_x1 - RIGHT) < 0.5, line.text


def test_first_lines_are_indented_two_characters(example, example_pages):
    firsts = {squeeze(p.text)[:8] for p in example.walk() if isinstance(p, model.Paragraph)}
    lines = [line for line in text_lines(example_pages) if squeeze(line.text)[:8] in firsts]
    assert len(lines) == len(firsts)
    assert all(abs(line.x0 - LEFT - 2 * CHAR) < 0.01 for line in lines)


def test_a_long_paragraph_fills_pages_of_22_lines_of_28_characters(registry):
    pages = read_lines(pdf_bytes(document(paragraph(50)), registry))
    body = [[line for line in page if not line.is_page_number] for page in pages]
    assert [len(page) for page in body] == [22, 22, 6]
    lines = [line for page in body for line in page]
    assert [len(line.text) for line in lines] == [26] + [28] * 49
    assert all(abs(line.x1 - RIGHT) < 0.01 for line in lines)


def test_page_numbers_sit_outside_7_mm_below_the_dash(example_pages, registry):
    numbers = [line for page in example_pages for line in page if line.is_page_number]
    assert [squeeze(n.text) for n in numbers] == [f"—{n}—" for n in range(1, len(numbers) + 1)]
    font = TTFont(registry.resolve(["song"]).path, lazy=True)
    dash_top = font["glyf"][font.getBestCmap()[ord("—")]].yMax / font["head"].unitsPerEm * 14
    for n, line in enumerate(numbers, start=1):
        assert line.size == 14
        assert abs(line.baseline - dash_top - BOTTOM - 7 * MM) < 0.05
        if n % 2:
            assert abs(line.chars[-1]["x1"] - (RIGHT - 14)) < 0.01
        else:
            assert abs(line.x0 - (LEFT + 14)) < 0.01


def test_the_title_is_centred_in_22_point_lines(example_pages):
    title = [line for line in text_lines(example_pages) if line.size == 22]
    assert [line.text for line in title] == ["柳州市图书馆2025年", "工作总结及2026年工作计划"]
    for line in title:
        assert abs((line.x0 - LEFT) - (RIGHT - line.chars[-1]["x1"])) < 0.01
        assert "Bold" in line.chars[0]["fontname"]


def test_headings_are_set_in_their_faces(example_pages):
    fonts = {line.text[:3]: line.chars[0]["fontname"].split("+")[1]
             for line in text_lines(example_pages)}
    assert fonts["一、2"] == "ReportgenHei-Regular"
    assert fonts["（一）"] == "ReportgenKai-Regular"
    assert fonts["01深"] == "ReportgenFangsong-Regular"


def test_rare_characters_print_and_copy_back_identically(registry):
    text = f"人名用字{RARE}照常打印。"
    data = pdf_bytes(document(model.Paragraph(text)), registry)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert squeeze(pdf.pages[0].extract_text()).startswith(text)
        drawn = {c["text"]: c["fontname"].split("+")[1] for c in pdf.pages[0].chars}
    assert squeeze(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()).startswith(text)
    faces = {face.pdf_name: face for face in registry.faces.values()}
    assert all(faces[drawn[ch]].covers(ch) for ch in RARE)  # a glyph, never .notdef


def test_metadata_names_the_report_and_reportgen(example_pdf, example):
    info = pypdf.PdfReader(example_pdf).metadata
    assert info["/Title"] == example.metadata.title
    assert info["/Author"] == "柳州市图书馆"
    assert info["/Subject"] == example.metadata.subject
    assert info["/Keywords"] == "工作总结, 工作计划, 公共图书馆, 全民阅读"
    assert info["/Creator"] == f"reportgen {__version__}"
    assert "ReportLab" in info["/Producer"]


def test_fonts_used_are_embedded_subsets(example_pdf):
    with pdfplumber.open(example_pdf) as pdf:
        used = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert all(re.match(r"^[A-Z]{6}\+Reportgen", name) for name in used)
    reader = pypdf.PdfReader(example_pdf)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/BaseFont"].startswith("/Helvetica"):
                continue  # reportlab's unused default resource
            assert "/FontFile2" in font["/FontDescriptor"]


def test_reproducible_builds_give_the_same_bytes(example, registry):
    assert pdf_bytes(example, registry) == pdf_bytes(example, registry)


def test_page_size_is_a4(example_pdf):
    with pdfplumber.open(example_pdf) as pdf:
        assert all(abs(p.width - 210 * MM) < 0.01 and abs(p.height - PAGE_HEIGHT) < 0.01
                   for p in pdf.pages)
