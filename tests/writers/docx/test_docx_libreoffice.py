"""The DOCX as LibreOffice lays it out: live numbers, the 22 × 28 grid, edits, embedded faces."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pdfplumber
import pytest

from reportgen import model
from reportgen.layout.columns import width_chars
from tests.helpers.libreoffice import convert, soffice
from tests.writers.docx import samples
from tests.writers.pdf.documents import numbers, table_lines

pytestmark = pytest.mark.libreoffice

PT_PER_MM = 72 / 25.4
LINE_PITCH_PT = 579 / 20
HANGING = "，。、；：！？”’）》"
"""Punctuation LibreOffice lets hang past the right margin at the end of a line: it reads
`w:overflowPunct w:val="0"`, which forbids that in Word, as allowing it (README)."""


def pdf_text(pdf: Path) -> str:
    """All text of the PDF with white space removed (pdfplumber adds spaces around digits)."""
    with pdfplumber.open(pdf) as document:
        return "".join("".join((page.extract_text() or "").split()) for page in document.pages)


def lines(page, size: float = 16.0) -> list[list[dict]]:
    """The characters of `size` on a page grouped into lines by baseline, top to bottom."""
    rows: list[list[dict]] = []
    for char in sorted((c for c in page.chars if abs(c["size"] - size) < 0.5),
                       key=lambda c: (c["bottom"], c["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - char["bottom"]) < 2:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [sorted(row, key=lambda c: c["x0"]) for row in rows]


def numbered_headings(document: model.Document) -> list[str]:
    """Label + heading text of every section and plan point, in reading order."""
    return ["".join((block.numbering.label + block.title).split())
            for block in document.walk() if isinstance(block, (model.Section, model.PlanItem))]


def assert_in_order(needles: list[str], text: str) -> None:
    at = 0
    for needle in needles:
        found = text.find(needle, at)
        assert found >= 0, f"{needle!r} not found after position {at}"
        at = found + len(needle)


@pytest.fixture(scope="session")
def example_pdf(example_docx) -> Path:
    return convert(example_docx)


def test_every_number_prints_right_before_its_heading(example, example_pdf):
    expected = numbered_headings(example)
    assert expected[:3] == ["一、2025年工作总结", "（一）践行八项规定精神强化支部作风建设",
                            "（二）夯实基础业务提升服务效能"]
    assert "01深化免费开放" in expected and "04推广“阅读+”融合模式，赋能文化传播" in expected
    assert "8.筑牢安全底线，保障两馆运行" in expected
    assert_in_order(expected, pdf_text(example_pdf))


def test_full_body_pages_hold_22_lines_of_28_characters(example_pdf):
    left = 28 * PT_PER_MM
    right = (210 - 26) * PT_PER_MM
    full_pages = full_lines = 0
    with pdfplumber.open(example_pdf) as pdf:
        for page in pdf.pages:
            rows = lines(page)
            assert len(rows) <= 22
            baselines = [row[0]["bottom"] for row in rows]
            for a, b in zip(baselines, baselines[1:], strict=False):
                steps = (b - a) / LINE_PITCH_PT
                assert abs(steps - round(steps)) < 0.01, (page.page_number, a, b)
            if len(rows) == 22:
                full_pages += 1
            for row in rows:
                text = "".join(c["text"] for c in row)
                inside = row[:-1] if row[-1]["text"] in HANGING else row
                assert width_chars(text[:len(inside)]) <= 28, text
                assert row[0]["x0"] >= left - 0.5 and inside[-1]["x1"] <= right + 0.5, text
                if len(text) == 28 and width_chars(text) == 28:
                    full_lines += 1
                    # LibreOffice centres its 28 cells of 314.6 twips in the 8844 twips
                    assert row[0]["x0"] == pytest.approx(left + 0.7, abs=0.5)
    assert full_pages >= 2
    assert full_lines >= 20


def test_four_and_five_levels_print_gbt_9704_labels_and_restart(tmp_path):
    document = samples.five_levels()
    pdf = convert(samples.write_docx(document, tmp_path / "five.docx"))
    expected = numbered_headings(document)
    assert expected[:5] == ["一、总体情况1", "（一）主要做法1", "1.细化措施1", "（1）具体安排1",
                            "①落实要点1"]
    assert "（二）主要做法2" in expected and "二、总体情况2" in expected
    assert_in_order(expected, pdf_text(pdf))


def test_eleventh_section_is_numbered_shi_yi(tmp_path):
    pdf = convert(samples.write_docx(samples.eleven_sections(), tmp_path / "eleven.docx"))
    assert_in_order(["十、第10项工作", "十一、第11项工作"], pdf_text(pdf))


def test_a_twelve_point_plan_counts_to_twelve(tmp_path):
    document = samples.twelve_point_plan()
    pdf = convert(samples.write_docx(document, tmp_path / "plan.docx"))
    assert_in_order(numbered_headings(document), pdf_text(pdf))
    assert "12.计划要点第12条" in pdf_text(pdf)


def test_a_heading_inserted_by_an_editor_renumbers_the_ones_after_it(example_docx, tmp_path):
    edited = tmp_path / "edited.docx"
    document = docx.Document(str(example_docx))
    paragraphs = document.paragraphs
    second = next(p for p in paragraphs if p.text == "夯实基础业务 提升服务效能")
    second.insert_paragraph_before("新增的二级标题", style="Heading 2")
    plan = next(p for p in paragraphs if p.text == "2026年工作计划")
    plan.insert_paragraph_before("新增的一级标题", style="Heading 1")
    document.save(str(edited))
    text = pdf_text(convert(edited))
    assert_in_order(["（一）践行八项规定精神", "（二）新增的二级标题", "（三）夯实基础业务",
                     "01深化免费开放", "（四）深耕全民阅读阵地", "01开展世界读书日",
                     "（八）强化责任意识", "二、新增的一级标题", "三、2026年工作计划",
                     "1.全面从严治党"], text)


def test_an_item_added_from_the_style_list_under_01_or_in_the_plan_renumbers(example_docx,
                                                                           tmp_path):
    edited = tmp_path / "edited.docx"
    document = docx.Document(str(example_docx))
    paragraphs = document.paragraphs
    third = next(p for p in paragraphs if p.text == "加强古籍保护传承")
    third.insert_paragraph_before("新增的01条目", style=third.style)
    point = next(p for p in paragraphs if p.text == "打造阅读品牌，服务直达基层")
    point.insert_paragraph_before("新增的计划条目", style="计划条目")
    document.save(str(edited))
    text = pdf_text(convert(edited))
    assert_in_order(["01深化免费开放", "02优化文献资源建设", "03新增的01条目", "04加强古籍保护传承",
                     "05建设地方特色资源", "（三）深耕全民阅读阵地", "01开展世界读书日",
                     "1.全面从严治党", "2.整合社会资源", "3.新增的计划条目", "4.打造阅读品牌",
                     "9.筑牢安全底线"], text)


def installed_families() -> str:
    if shutil.which("fc-list") is None:
        pytest.skip("fc-list is not installed")
    return subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                          check=True).stdout


def pdf_fonts(pdf: Path) -> str:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout


def test_libreoffice_draws_rare_characters_with_the_embedded_fallback_faces(tmp_path):
    soffice()
    assert "Reportgen" not in installed_families(), "bundled faces are installed system-wide"
    path = samples.write_docx(samples.rare_names(), tmp_path / "rare.docx", "bundled")
    with pdfplumber.open(convert(path)) as pdf:
        drawn = {c["text"]: untag(c["fontname"]) for c in pdf.pages[0].chars
                 if c["text"] in samples.RARE}
    assert drawn == {"𡒄": "ReportgenKai-Regular", "𠀀": "ReportgenFallbackB-Regular",
                     "𪚥": "ReportgenFallbackB-Regular", "𪜀": "ReportgenFallbackC-Regular",
                     "㐀": "ReportgenFallbackA-Regular"}


def untag(fontname: str) -> str:
    """A PDF font name without the PDF's subset prefix and the DOCX subset's tag:
    ABCDEF+ReportgenSongKQZMTA-Regular is ReportgenSong-Regular."""
    return re.sub(r"[A-Z]{6}-", "-", fontname.split("+")[-1])


def test_libreoffice_draws_with_the_embedded_faces(bundled_docx, tmp_path):
    soffice()
    assert "Reportgen" not in installed_families(), "bundled faces are installed system-wide"
    fonts = {untag(line.split()[0]) for line in
             pdf_fonts(convert(bundled_docx, out_dir=tmp_path)).splitlines()[2:]}
    assert {"ReportgenFangsong-Regular", "ReportgenSong-Regular", "ReportgenSong-Bold",
            "ReportgenHei-Regular", "ReportgenKai-Regular"} <= fonts

def test_run_in_numbers_tables_and_titles_take_their_role_faces(tmp_path):
    pdf = convert(samples.write_docx(samples.notice(), tmp_path / "notice.docx", "bundled"))
    text = pdf_text(pdf)
    assert_in_order(["关于做好2026年春节期间安全工作的通知", "各部门：",
                     "一、压实责任。各部门负责人", "二、加强巡查。节假日", "三、工作要求",
                     "表1安全检查情况", "附件：1.春节期间值班安排表", "2.安全检查记录表",
                     "柳州市图书馆", "2026年2月3日", "（联系人：张三", "抄送：市文化广电和旅游局。",
                     "柳州市图书馆办公室2026年2月3日印发"], text)
    with pdfplumber.open(pdf) as document:
        chars = [c for page in document.pages for c in page.chars]
    face = {}
    for c in chars:
        face.setdefault(c["text"], untag(c["fontname"]))
    assert face["压"] == "ReportgenHei-Regular"  # run-in heading in its character style
    assert face["一"] == "ReportgenHei-Regular"  # …and its number, from the paragraph mark
    assert face["各"] == "ReportgenFangsong-Regular"
    assert face["关"] == "ReportgenSong-Bold"
    assert face["备"] == "ReportgenHei-Regular"  # table header


def test_libreoffice_breaks_a_long_title_where_the_pdf_does(tmp_path):
    # Left to itself LibreOffice would print 关于2026年春节期间开放时间调整及做好节 | 日期间….
    title = "关于2026年春节期间开放时间调整及做好节日期间读者服务工作的通知"
    document = samples.notice()
    blocks = tuple(model.Title((title,)) if isinstance(b, model.Title) else b
                   for b in document.blocks)
    path = samples.write_docx(replace(document, blocks=blocks), tmp_path / "notice.docx")
    with pdfplumber.open(convert(path)) as pdf:
        size = max(c["size"] for c in pdf.pages[0].chars)
        title_lines = ["".join(c["text"] for c in row).replace(" ", "")
                       for row in lines(pdf.pages[0], size)]
    assert title_lines == ["关于2026年春节期间开放时间调整", "及做好节日期间读者服务工作的通知"]


def test_libreoffice_prints_every_number_of_a_table_on_one_line(tmp_path):
    # Columns once shared by longest cell alone printed 1243 as 124|3 and 10 as 1|0.
    document = samples.activities()
    table = document.blocks[-1]
    lines = table_lines(convert(samples.write_docx(document, tmp_path / "activities.docx")))
    for k in range(len(table.header)):
        assert numbers([line[k] for line in lines]) == numbers([row[k] for row in table.rows])
    assert "承办单位" in [line[2] for line in lines]
