"""Text over several lines joins as a Chinese reader expects, for every YAML scalar style."""

from __future__ import annotations

import docx
import pdfplumber
import pytest

from reportgen.cli import main
from reportgen.reader.report import read_report

WANTED = "全年完成门诊三十六万人次，较上年增长12%，开放获取Open Access资源2 000种。"


LINES = ("全年完成门诊三十六万人次，", "较上年增长12%，开放获取Open", "Access资源2 000种。")


def item(header: str = "", indent: int = 4, quote: str = "") -> str:
    """The three LINES as one body item: `header` (a block indicator) or `quote` around them."""
    pad = " " * indent
    if header:
        return f"  - {header}\n" + "".join(f"{pad}{line}\n" for line in LINES)
    return f"  - {quote}{LINES[0]}\n" + "".join(f"{pad}{line}" + ("\n" if line != LINES[-1]
                                                                   else f"{quote}\n")
                                                 for line in LINES[1:])


@pytest.mark.parametrize("body", [
    item(), item(">"), item(">-"), item(">+"), item(">2", 4), item(">-3", 5), item(quote="'"),
    item(quote='"'),
], ids=["plain", "folded", "folded-strip", "folded-keep", "folded-indicator",
        "folded-strip-indicator", "single-quoted", "double-quoted"])
def test_every_folding_style_joins_without_a_space_beside_chinese(write_yaml, body):
    document = read_report(write_yaml(f"title: 标题\nbody:\n{body}"))
    assert document.blocks[1].text == WANTED


def test_headings_and_table_cells_join_the_same_way(write_yaml):
    document = read_report(write_yaml(
        "title: 标题\nbody:\n  - section: 践行八项规定精神\n      强化支部作风建设\n    body:\n"
        "      - table:\n          header: [项目, 说明]\n          rows:\n"
        "            - [阅读推广, \"全年举办讲座，\n                 共9场\"]\n"))
    section = document.blocks[1]
    assert section.title == "践行八项规定精神强化支部作风建设"
    assert section.blocks[0].rows[0][1] == "全年举办讲座，共9场"


def test_a_space_typed_inside_a_line_is_kept(write_yaml):
    """The join is decided at the fold: a space written beside Chinese on one line stays."""
    document = read_report(write_yaml("title: 标题\nbody:\n  - 第一 第二\n    第三 Word\n"
                                      "    文档\n"))
    assert document.blocks[1].text == "第一 第二第三 Word文档"


def test_a_blank_line_and_a_literal_block_join_into_one_paragraph(write_yaml):
    document = read_report(write_yaml(
        "title: 标题\nbody:\n  - |\n    第一行，\n    第二行 Open\n    Access\n"
        "  - >\n    甲乙\n\n    丙丁\n"))
    assert [b.text for b in document.blocks[1:]] == ["第一行，第二行 Open Access", "甲乙丙丁"]


def test_both_outputs_have_no_space_at_the_fold(tmp_path, capsys):
    report = tmp_path / "r.yaml"
    report.write_text("title: 标题\nbody:\n  - 全年完成门诊三十六万人次，\n    较上年增长\n",
                      encoding="utf-8")
    assert main(["build", str(report), "-o", str(tmp_path)]) == 0, capsys.readouterr().err
    paragraphs = [p.text for p in docx.Document(tmp_path / "r.docx").paragraphs]
    assert "全年完成门诊三十六万人次，较上年增长" in paragraphs
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "全年完成门诊三十六万人次，较上年增长" in text.replace("\n", "")


def test_a_list_item_indented_one_space_too_far_is_a_located_warning(write_yaml):
    warnings = []
    document = read_report(write_yaml("title: 标题\nbody:\n  - 第一段\n   - 第二段\n"),
                           warnings=warnings)
    assert document.blocks[1].text == "第一段- 第二段"
    [warning] = warnings
    assert (warning.severity, warning.line, warning.column, warning.field) == (
        "warning", 4, 4, "body[0]")
    assert "`- 第二段` is joined to the text above" in warning.message
    assert "column 3" in warning.hint and "remove 1 space" in warning.hint


def test_a_comment_inside_a_folded_text_is_a_located_warning(write_yaml):
    warnings = []
    read_report(write_yaml("title: 标题\nbody:\n  - >\n    正文，\n    # 待补充\n"
                           "  - \"引文，\n    # 注\"\n"), warnings=warnings)
    assert [(w.line, w.column) for w in warnings] == [(5, 5), (7, 5)]
    assert all("not a comment" in w.message for w in warnings)
    assert "column 4 or less" in warnings[0].hint and "closing quote" in warnings[1].hint


def test_strict_refuses_a_folded_slip(write_yaml, capsys):
    report = write_yaml("title: 标题\nbody:\n  - 第一段\n   - 第二段\n")
    assert main(["validate", "--strict", str(report)]) == 4
    assert "error:" in capsys.readouterr().err
