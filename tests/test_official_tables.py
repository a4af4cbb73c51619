"""Official documents with statistics tables: where the parts of a 公文 as issued (GB/T 9704
7.2–7.5, 10.1) meet tables off the grid and on turned pages (§8, 横排表格), measured in the PDF
and in LibreOffice's rendering of the DOCX."""

from __future__ import annotations

import math
import re
import textwrap
import zipfile

import docx
import pdfplumber
import pytest
from docx.enum.style import WD_STYLE_TYPE

from reportgen.cli import main
from tests.conftest import DATA
from tests.helpers.libreoffice import convert
from tests.pdfcheck import check_pdf
from tests.test_official_documents import (
    em_bottom,
    em_top,
    find,
    red_lines,
    text_of,
)

MM = 72 / 25.4
TOP, BOTTOM = 37 * MM, 262 * MM
PITCH = 225 * MM / 22
SIGNATURE = ("signature:\n  organisation: 柳州市图书馆\n  date: 2026-02-03\n"
             "  seal: seal.svg\n")
HEAD = "mark: 柳州市图书馆文件\ndoc_number: 柳图发〔2026〕5号\n"
IMPRINT = "imprint:\n  issuer: 柳州市图书馆办公室\n  issued: 2026-02-03\n"
WIDE = """  - table:
      caption: 各馆检查情况
      orientation: landscape
      header: [场馆, 消防, 用电, 通道, 出口, 标志, 预案, 演练, 值班, 备注]
      rows:
        - [三中路馆, 合格, 合格, 合格, 合格, 合格, 合格, 合格, 合格, 无]
        - [柳东新馆, 合格, 合格, 合格, 合格, 合格, 合格, 合格, 合格, 无]
"""


def paragraphs(n: int) -> str:
    """`n` body paragraphs of two lines each."""
    return "".join(f"  - {'第' + str(i) + '段正文内容' * 8}。\n" for i in range(n))


def small_table(rows: int) -> str:
    return ("  - table:\n      header: [项目, 数量]\n      rows:\n"
            + "".join(f"        - [项目{i}, {i}]\n" for i in range(rows)))


ATTACHED = (f"{HEAD}title: 通知\nbody:\n{paragraphs(2)}attachments:\n  - title: 检查情况汇总表\n"
            f"    body:\n{textwrap.indent(WIDE, '    ')}{SIGNATURE}")
"""A notice whose only attachment is a landscape table."""


def build(tmp_path, report: str, formats: str = "pdf", template: str | None = "notice"):
    """Build `report` (after a `template:` line unless `template` is None) beside the example
    seal; the PDF's path."""
    (tmp_path / "seal.svg").write_bytes((DATA / "seal-liuzhou-library.svg").read_bytes())
    head = f"template: {template}\n" if template else ""
    (tmp_path / "r.yaml").write_text(head + report, encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--format", formats,
                 "--force"]) == 0
    return tmp_path / "r.pdf"


def read(path):
    with pdfplumber.open(path) as pdf:
        return [(page.chars, page.lines, page.images, page.rotation) for page in pdf.pages]


def tightened(chars) -> bool:
    """Whether the body lines of a page stand closer than the grid's pitch (GB/T 9704
    7.3.5.5)."""
    tops = sorted({round(c["top"], 1) for c in chars if c["size"] == pytest.approx(16)
                   and c["top"] < BOTTOM})
    return any(0.5 * PITCH < b - a < PITCH - 0.5 for a, b in zip(tops, tops[1:], strict=False))


# -- a seal that tightens its page (7.3.5.5) below what stands off the grid ---------------------

def test_a_page_tightened_for_its_seal_keeps_the_table_above_apart_from_the_text(tmp_path):
    """The lines below a table move closer together, the table and the lines above it stay: the
    text after the table never runs into it, and no line stands closer than 0.85 of a pitch."""
    seen = 0
    for n in range(5, 9):
        report = f"title: 通知\nbody:\n{small_table(2)}{paragraphs(n)}  - 末段文字。\n{SIGNATURE}"
        pages = read(build(tmp_path, report))
        chars, lines, images, _ = next(p for p in pages if p[2])
        if not tightened(chars) or not any(c["text"] == "项" for c in chars):
            continue
        seen += 1
        rules = [r for r in lines if abs(r["top"] - r["bottom"]) < 0.1]
        table_bottom = max(r["bottom"] for r in rules)
        body = [c for c in chars if c["text"] in "正文内容末" and c["size"] == pytest.approx(16)]
        # The text goes on in the first whole grid line below the table, as untightened.
        line_top = TOP + math.ceil((table_bottom - TOP) / PITCH - 1e-6) * PITCH
        assert line_top < min(em_top(c) for c in body) < line_top + PITCH - 16
        tops = sorted({round(em_top(c), 1) for c in body})
        assert min(b - a for a, b in zip(tops, tops[1:], strict=False)) > 0.85 * PITCH - 0.1
    assert seen, "no body length tightened the table's page"


def seal_right_after_a_table(n: int, rows: int) -> str:
    return f"title: 通知\nbody:\n{paragraphs(n)}{small_table(rows)}{SIGNATURE}"


def test_a_seal_right_after_a_table_takes_the_table_along_rather_than_stand_alone(tmp_path):
    """GB/T 9704 7.3.5.1: no seal on a page without text above it. A 落款 straight after a
    table keeps with it: the table (or its last two rows) goes over to the seal's page."""
    moved = 0
    for n in (6, 7):
        for rows in range(1, 6):
            pages = read(build(tmp_path, seal_right_after_a_table(n, rows)))
            chars, _, (image,), _ = next(p for p in pages if p[2])
            cells = [c for c in chars if c["text"] == "项" and c["top"] < image["top"]]
            assert cells, (n, rows)
            moved += len(pages) > 1 and not any(c["text"] == "项" for c in pages[0][0])
    assert moved  # some tables went over whole


@pytest.mark.libreoffice
def test_a_table_before_a_seal_goes_over_with_it_in_libreoffice_too(tmp_path):
    build(tmp_path, seal_right_after_a_table(7, 2), "docx,pdf")
    for path in (tmp_path / "r.pdf", convert(tmp_path / "r.docx", out_dir=tmp_path / "lo")):
        pages = read(path)
        assert len(pages) == 2 and pages[1][2], path  # the seal on page 2
        assert "项目" not in text_of(pages[0][0]) and "项目" in text_of(pages[1][0]), path


def test_a_first_page_tightened_for_its_seal_keeps_its_masthead_where_it_stands(tmp_path):
    """The 版头 is placed in millimetres (mark 35 mm down, the rule 4 mm below the 发文字号):
    tightening the page below it moves neither the 发文字号 nor the red rule."""
    def first_page(n: int):
        report = f"{HEAD}title: 通知\nbody:\n{paragraphs(n)}  - 末段文字。\n{SIGNATURE}"
        chars, lines, images, _ = read(build(tmp_path, report))[0]
        (rule,) = red_lines(lines)
        return chars, rule, images

    loose, loose_rule, _ = first_page(1)
    tight, tight_rule, images = first_page(3)
    assert images and tightened(tight) and not tightened(loose)
    number, loose_number = find(tight, "柳图发"), find(loose, "柳图发")
    assert number[0]["top"] == pytest.approx(loose_number[0]["top"], abs=0.01)
    assert tight_rule["top"] == pytest.approx(loose_rule["top"], abs=0.01)
    assert tight_rule["top"] - em_bottom(number[0]) == pytest.approx(4 * MM, abs=0.05 * MM)


# -- landscape tables and the 版记 (7.4, 7.5) ------------------------------------------------------

def test_a_landscape_table_before_the_imprint_leaves_it_an_even_portrait_page(tmp_path):
    """Printed on both sides, the 版记 after a turned page 2 cannot share it: page 3 stays blank
    and page 4 takes the 版记, neither numbered; the turned page keeps its number."""
    report = f"{HEAD}title: 通知\nbody:\n{paragraphs(2)}{WIDE}{IMPRINT}"
    path = build(tmp_path, report)
    pages = read(path)
    assert [rotation for *_, rotation in pages] == [0, 90, 0, 0]
    assert "各馆检查情况" in text_of(pages[1][0])
    assert not pages[2][0]  # blank, no page number
    assert "印发" in text_of(pages[3][0])
    assert not re.search(r"—\s*4\s*—", text_of(pages[3][0]))
    (last,) = [r for r in pages[3][1] if r["top"] > BOTTOM - 1]
    assert last["top"] == pytest.approx(BOTTOM, abs=0.5)  # the 版记's last rule on the block
    assert check_pdf(path).findings == []


def test_an_attachment_opening_with_a_landscape_table_has_its_label_and_title_above_it(
        tmp_path):
    """附件1 and its title go on the table's turned page (top left, and centred on the third
    line of the turned block), not alone on a portrait page before it."""
    path = build(tmp_path, ATTACHED)
    pages = read(path)
    assert [rotation for *_, rotation in pages] == [0, 90]
    chars = pages[1][0]
    label, title, caption = find(chars, "附件"), find(chars, "检查情况汇总表"), find(chars, "各馆")
    block_left, block_top = 297 * MM - BOTTOM, 28 * MM  # the turned block, as the page is shown
    assert label[0]["x0"] == pytest.approx(block_left, abs=0.3)
    assert (em_top(label[0]) - block_top) // PITCH == 0
    assert (em_top(title[0]) - block_top) // PITCH == 2
    centre = (title[0]["x0"] + title[-1]["x1"]) / 2
    assert centre == pytest.approx(block_left + 225 * MM / 2, abs=0.5)
    assert label[0]["top"] < title[0]["top"] < caption[0]["top"]
    assert check_pdf(path).findings == []


# -- the DOCX as LibreOffice lays it out -----------------------------------------------------------

@pytest.mark.libreoffice
def test_the_turned_attachment_page_in_libreoffice_matches_the_pdf(tmp_path):
    ours = read(build(tmp_path, ATTACHED, "docx,pdf"))
    theirs = read(convert(tmp_path / "r.docx", out_dir=tmp_path / "lo"))
    assert len(theirs) == len(ours) == 2
    for text in ("附件", "检查情况汇总表", "各馆检查情况"):
        first, first_lo = find(ours[1][0], text)[0], find(theirs[1][0], text)[0]
        assert first_lo["top"] == pytest.approx(first["top"], abs=1 * MM), text
        assert first_lo["x0"] == pytest.approx(first["x0"], abs=1 * MM), text


@pytest.mark.libreoffice
def test_a_letter_with_a_landscape_table_has_its_letterhead_on_its_first_page_only(tmp_path):
    """The letterhead and the unnumbered first page are the first section's: the landscape
    section and the portrait one after it have neither, and are numbered."""
    letter = (DATA / "library-letter.yaml").read_text(encoding="utf-8")
    letter = letter.replace("seal-liuzhou-library.svg", "seal.svg")
    build(tmp_path, letter.replace("  - 如蒙同意", WIDE + "  - 如蒙同意"), "docx,pdf", None)
    with zipfile.ZipFile(tmp_path / "r.docx") as docx:
        xml = docx.read("word/document.xml").decode()
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml)
    assert len(sections) == 3
    assert ["<w:titlePg/>" in s for s in sections] == [True, False, False]
    assert ['w:type="first"' in s for s in sections] == [True, False, False]
    for path in (tmp_path / "r.pdf", convert(tmp_path / "r.docx", out_dir=tmp_path / "lo")):
        pages = read(path)
        marks = [p for p, (chars, *_) in enumerate(pages, 1)
                 if any(c["size"] > 30 for c in chars)]
        assert marks == [1], path
        numbers = [p for p, (chars, *_) in enumerate(pages, 1)
                   if re.search(rf"—\s*{p}\s*—", text_of(chars))]
        assert numbers[:2] == [2, 3], path  # the PDF puts the 版记 on an even page 4


def test_a_table_takes_the_colour_its_roles_give_it_in_both_outputs(tmp_path):
    """A template's `color` of the table roles (as of any role) colours the table in the PDF
    as the DOCX's table styles, based on the roles' styles, do."""
    (tmp_path / "red.yaml").write_text(
        "base: notice\nroles:\n  table: {color: C00000}\n  table_header: {color: C00000}\n"
        "  caption: {color: C00000}\n", encoding="utf-8")
    report = ("title: 通知\nbody:\n  - table:\n      caption: 安排表\n      header: [项目, 数量]\n"
              "      rows: [[甲馆, 1]]\n      notes: 以上为计划数。\n")
    build(tmp_path, "template: red.yaml\n" + report, "docx,pdf", None)
    chars = read(tmp_path / "r.pdf")[0][0]
    for text in ("安排表", "项目", "甲馆", "以上为计划数"):
        assert all(c["non_stroking_color"] == pytest.approx((0xC0 / 255, 0, 0), abs=0.01)
                   for c in find(chars, text)), text
    document = docx.Document(str(tmp_path / "r.docx"))
    for name in ("TableText", "TableHeader", "Caption"):
        assert str(document.styles.get_by_id(name, WD_STYLE_TYPE.PARAGRAPH).font.color.rgb) \
            == "C00000", name
