"""The official parts in the DOCX as an editor finds them: styles, borders, the seal picture
(where the PDF has it), page breaks, the 版记's frame and a letter's first-page header and
footer."""

from __future__ import annotations

import subprocess
import sys

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from reportgen.cli import main
from tests.conftest import DATA
from tests.helpers.fonts import make_font

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
    # The letterhead reaches below the top margin: the margin is given as one the header never
    # moves (negative), the header starts a little above the mark's em box, 30 mm down (where
    # LibreOffice shows it: test_docx_official_libreoffice).
    assert section.top_margin.mm == pytest.approx(-37, abs=0.1)
    assert 25 < section.header_distance.mm < 30


# -- the seal where the PDF has it -------------------------------------------------------------

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_PT = 12700
LEFT = 28 * 72 / 25.4
TWIP = 0.05


def _docx_seals(path) -> list[tuple[float, float, list[float]]]:
    """(left edge, width, the organisations' centre tab stops) of each seal in the DOCX, in
    points from the paper's left edge."""
    found = []
    for p in docx.Document(str(path)).element.body.iter(f"{W}p"):
        stops = [LEFT + int(tab.get(qn("w:pos"))) / 20 for tab in p.iter(f"{W}tab")
                 if tab.get(qn("w:val")) == "center"]
        for anchor in p.iter(f"{WP}anchor"):
            offset = int(anchor.find(f"{WP}positionH/{WP}posOffset").text) / EMU_PER_PT
            width = int(anchor.find(f"{WP}extent").get("cx")) / EMU_PER_PT
            found.append((LEFT + offset, width, stops))
    return found


def _pdf_seals(path, names) -> list[tuple[float, float, list[float]]]:
    """(left edge, width, centres of those of the organisations `names` that stand on the
    seal's row) of each seal in the PDF."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            text = "".join(c["text"] for c in chars)
            for image in page.images:
                centres = []
                for name in names:
                    at = text.find(name)
                    while at >= 0:
                        first, last = chars[at], chars[at + len(name) - 1]
                        if image["top"] < first["top"] < image["bottom"]:
                            centres.append((first["x0"] + last["x1"]) / 2)
                        at = text.find(name, at + 1)
                found.append((image["x0"], image["x1"] - image["x0"], centres))
    return found


def _same_seals(docx_path, pdf_path, names) -> None:
    ours, pdf = _docx_seals(docx_path), _pdf_seals(pdf_path, names)
    assert len(ours) == len(pdf) > 0
    for (x, width, stops), (x_pdf, width_pdf, centres) in zip(ours, pdf, strict=True):
        assert x == pytest.approx(x_pdf, abs=TWIP) and width == pytest.approx(width_pdf, abs=0.01)
        assert centres and all(any(abs(stop - c) <= TWIP for stop in stops) for c in centres)


@pytest.mark.parametrize("name", ["culture-bureau-safety-notice", "library-upward-report",
                                  "library-letter"])
def test_the_seal_and_its_organisation_stand_where_the_pdf_has_them(tmp_path, name):
    """Measured in the faces the PDF draws the organisation and the date with, to the twip; an
    estimate of the digits' width put the seal 3.7–5 pt off."""
    assert main(["build", str(DATA / f"{name}.yaml"), "-o", str(tmp_path)]) == 0
    _same_seals(tmp_path / f"{name}.docx", tmp_path / f"{name}.pdf", ["柳州市图书馆"])


def test_joint_seals_follow_the_office_font_the_pdf_draws_with(tmp_path):
    """An office 仿宋_GB2312 among the user's fonts draws the date in both outputs (here one
    whose digits are 0.6 em): the seals move with its widths, row by row."""
    (tmp_path / "fonts").mkdir()
    make_font(tmp_path / "fonts" / "fs.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"},
              extra="0123456789")
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    names = ["柳州市图书馆", "柳州市文化广电和旅游局", "柳州市群众艺术馆"]
    (tmp_path / "r.yaml").write_text(
        "template: notice\ntitle: 通知\nbody: [正文。]\nsignature:\n"
        f"  organisation: [{', '.join(names)}]\n  date: 2026-12-28\n"
        "  seal: [seal.svg, seal.svg, seal.svg]\n  seal_mm: 38\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--fonts",
                 str(tmp_path / "fonts")]) == 0
    _same_seals(tmp_path / "r.docx", tmp_path / "r.pdf", names)


def test_the_docx_writer_measures_without_reportlab_or_fonttools(tmp_path):
    """The widths come from the font files themselves: a DOCX-only build of a sealed notice
    loads neither the PDF writer's backend nor fontTools."""
    build = ["build", str(DATA / "culture-bureau-safety-notice.yaml"), "-o", str(tmp_path),
             "--format", "docx"]
    code = ("import sys\nfrom reportgen.cli import main\n"
            f"assert main({build!r}) == 0\n"
            "print(sorted(m for m in ('reportlab', 'fontTools') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert (tmp_path / "culture-bureau-safety-notice.docx").exists()
    assert done.stdout.splitlines()[-1] == "[]"
