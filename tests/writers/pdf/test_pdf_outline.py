"""Bookmarks: every heading of every PDF is in the outline, with its number, nested by level,
and each takes the reader to the page and line where the heading is printed."""

from __future__ import annotations

import io

import pdfplumber
from pypdf import PdfReader

from tests.writers.pdf.documents import (
    PAGE_HEIGHT,
    PITCH,
    TOP,
    document,
    paragraph,
    pdf_bytes,
    plan,
    section,
)


def outline(data: bytes) -> list[tuple[int, str, int, float]]:
    """(depth, title, page number, top of the destination from the page's top) of each entry."""
    reader = PdfReader(io.BytesIO(data))
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1,
                              PAGE_HEIGHT - float(item.top)))

    walk(reader.outline, 0)
    return found


def heading_tops(data: bytes) -> dict[str, tuple[int, float]]:
    """Each printed line's text → (page, top of its characters), as pdfplumber reads them."""
    found = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines():
                found.setdefault(line["text"], (number, line["top"]))
    return found


def test_headings_nest_by_level_and_point_at_their_lines(registry):
    doc = document(
        section(1, 1, "工作总结",
                section(2, 1, "夯实基础业务", paragraph(30),
                        section(3, 1, "深化免费开放", paragraph(3))),
                section(2, 2, "加强古籍保护", paragraph(2))),
        section(1, 2, "工作计划", plan("全面从严治党", "整合社会资源")),
    )
    data = pdf_bytes(doc, registry)
    entries = outline(data)
    assert [(depth, title) for depth, title, _, _ in entries] == [
        (0, "一、工作总结"), (1, "（一）夯实基础业务"), (2, "1.深化免费开放"),
        (1, "（二）加强古籍保护"), (0, "二、工作计划"), (1, "1.全面从严治党"),
        (1, "2.整合社会资源")]
    printed = heading_tops(data)
    for _, title, page, top in entries:
        assert printed[title][0] == page, title
        # the destination is the top of the heading's grid line, just above its characters
        assert 0 <= printed[title][1] - top < PITCH, title
    assert entries[2][2] == 2  # the 30-line paragraph pushed 1. onto page 2
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_run_in_heading_is_bookmarked_without_its_text(registry):
    doc = document(section(1, 1, "压实安全责任。", run_in="各部门负责人是第一责任人。"))
    entries = outline(pdf_bytes(doc, registry))
    assert [title for _, title, _, _ in entries] == ["一、压实安全责任。"]
    assert abs(entries[0][3] - TOP) < 1  # the first grid line of page 1


def test_a_document_without_headings_has_no_outline(registry):
    reader = PdfReader(io.BytesIO(pdf_bytes(document(paragraph(2)), registry)))
    assert reader.outline == []
    assert reader.trailer["/Root"].get("/PageMode", "/UseNone") == "/UseNone"
