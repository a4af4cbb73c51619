"""Drawing: synthetic bold, text state left clean, page-number placements."""

from __future__ import annotations

import io
from dataclasses import replace

import pdfplumber
import pypdf

from reportgen import model
from tests.writers.pdf.documents import (
    LEFT,
    RIGHT,
    document,
    paragraph,
    pdf_bytes,
    read_lines,
    section,
)


def with_role(doc: model.Document, role: str, **changes) -> model.Document:
    template = doc.template
    roles = dict(template.roles, **{role: replace(template.role(role), **changes)})
    return replace(doc, template=replace(template, roles=roles))


def contents(data: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")


def test_a_bold_role_in_a_face_without_bold_is_stroked(registry):
    doc = with_role(document(section(1, 1, "总体情况"), paragraph(2)), "heading1", bold=True)
    stream = contents(pdf_bytes(doc, registry))
    assert " 2 Tr" in stream and " 0 Tr" in stream
    assert "2 Tr" not in contents(pdf_bytes(document(section(1, 1, "总体情况")), registry))


def test_character_spacing_does_not_leak_into_the_page_number(registry):
    data = pdf_bytes(document(paragraph(3)), registry)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        number = [c for c in pdf.pages[0].chars if c["size"] == 14]
    gaps = [b["x0"] - a["x1"] for a, b in zip(number, number[1:], strict=False)]
    assert all(abs(gap) < 0.01 for gap in gaps)


def test_centred_page_numbers(registry):
    doc = document(paragraph(30))
    page = replace(doc.template.page, page_number=replace(doc.template.page.page_number,
                                                          placement="center"))
    doc = replace(doc, template=replace(doc.template, page=page))
    numbers = [line for page in read_lines(pdf_bytes(doc, registry)) for line in page
               if line.is_page_number]
    assert len(numbers) == 2
    for line in numbers:
        assert abs((line.x0 - LEFT) - (RIGHT - line.x1)) < 0.01
