"""The official parts in the DOCX as an editor finds them: styles, borders, the seal picture,
page breaks, the 版记's frame and a letter's first-page header and footer."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from reportgen.cli import main
from tests.conftest import DATA

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("official-docx")
    for name in ("culture-bureau-safety-notice", "library-letter"):
        assert main(["build", str(DATA / f"{name}.yaml"), "-o", str(out), "--format",
                     "docx"]) == 0
    return out


def paragraph(document, text: str):
    return next(p for p in document.paragraphs if p.text.startswith(text))


def test_the_mark_is_a_red_style_and_the_rule_a_red_border(built):
    document = docx.Document(str(built / "culture-bureau-safety-notice.docx"))
    mark = paragraph(document, "柳州市图书馆文件")
    assert mark.style.name == "发文机关标志"
    assert mark.style.element.find(f"{W}rPr/{W}color").get(qn("w:val")) == "FF0000"
    number = paragraph(document, "柳图发〔2026〕5号")
    bottom = number._p.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert bottom.get(qn("w:color")) == "FF0000" and bottom.get(qn("w:sz")) == "18"


def test_the_seal_is_a_picture_behind_the_signature_with_its_svg(built):
    document = docx.Document(str(built / "culture-bureau-safety-notice.docx"))
    org = paragraph(document, "\t柳州市图书馆")
    anchor = org._p.find(f".//{WP}anchor")
    assert anchor is not None and anchor.get("behindDoc") == "1"
    types = {rel.target_part.content_type for rel in document.part.rels.values()
             if "image" in rel.reltype}
    assert types == {"image/png", "image/svg+xml"}


def test_attachments_start_pages_and_the_imprint_stands_in_a_frame_at_the_foot(built):
    document = docx.Document(str(built / "culture-bureau-safety-notice.docx"))
    for label in ("附件1", "附件2"):
        assert paragraph(document, label)._p.find(f"{W}pPr/{W}pageBreakBefore") is not None
    for text in ("抄送：", "柳州市图书馆办公室"):
        frame = paragraph(document, text)._p.find(f"{W}pPr/{W}framePr")
        assert frame.get(qn("w:yAlign")) == "bottom" and frame.get(qn("w:vAnchor")) == "margin"


def test_a_letter_has_its_mark_in_a_first_page_header_and_no_number_on_page_one(built):
    document = docx.Document(str(built / "library-letter.docx"))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "柳州市图书馆" in "".join(p.text for p in section.first_page_header.paragraphs)
    footer = section.first_page_footer._element
    assert footer.find(f".//{W}instrText") is None  # no PAGE field on the first page
    assert section.footer._element.find(f".//{W}instrText") is not None
    assert section.header_distance.mm == pytest.approx(30, abs=0.1)
