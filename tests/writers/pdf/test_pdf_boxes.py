"""Blocks as set on the page: numbers, run-in headings, 附件说明, 落款, 附注, 版记, closings."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from reportgen import model
from reportgen.numbering import parse_style
from tests.writers.pdf.documents import (
    BOTTOM,
    CHAR,
    LEFT,
    MM,
    PITCH,
    RIGHT,
    document,
    paragraph,
    pdf_bytes,
    plan,
    read_lines,
    section,
    text_lines,
)


def lines_of(doc: model.Document, registry) -> list:
    return text_lines(read_lines(pdf_bytes(doc, registry)))


def find(lines, start: str):
    return next(line for line in lines if line.text.startswith(start))


def x_of(line, text: str) -> float:
    """x0 of the first character of `text` within the line."""
    return line.chars[line.text.index(text)]["x0"]


def test_numbers_count_on_past_ten(registry):
    subsections = [section(2, n, f"第{n}个小标题") for n in range(1, 12)]
    sections = [section(1, 1, "总体情况", *subsections)]
    sections += [section(1, n, f"第{n}部分") for n in range(2, 13)]
    points = plan(*(f"第{n}点计划" for n in range(1, 13)))
    lines = lines_of(document(*sections, points), registry)
    starts = [line.text for line in lines]
    counted = "一 二 三 四 五 六 七 八 九 十 十一".split()
    assert [s.split("第")[0] for s in starts if "个小标题" in s] == [f"（{n}）" for n in counted]
    assert [s.split("第")[0] for s in starts if "部分" in s] == [
        "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、"]
    assert [s.split("第")[0] for s in starts if "点计划" in s] == [f"{n}." for n in range(1, 13)]


def test_a_run_in_heading_is_one_paragraph_in_two_faces(registry):
    body = "各部门负责人是本部门安全生产第一责任人，要对照职责清单逐项落实，层层签订责任书。"
    doc = document(section(1, 1, "压实责任。", run_in=body), kind="handout")
    lines = lines_of(doc, registry)
    first = lines[0]
    assert first.text.startswith("一、压实责任。各部门")
    assert abs(first.x0 - LEFT - 2 * CHAR) < 0.01
    assert abs(first.set_x1 - RIGHT) < 0.5
    assert abs(lines[1].x0 - LEFT) < 0.01
    fonts = [c["fontname"].split("+")[1] for c in first.chars]
    assert set(fonts[:7]) == {"ReportgenHei-Regular"}
    assert set(fonts[7:]) == {"ReportgenFangsong-Regular"}


def test_headings_are_indented_and_wrap_like_paragraphs(registry):
    title = "践行八项规定精神强化支部作风建设推进全面从严治党向纵深发展"
    lines = lines_of(document(section(1, 1, title), paragraph(2)), registry)
    assert lines[0].text.startswith("一、践行")
    assert abs(lines[0].x0 - LEFT - 2 * CHAR) < 0.01
    assert abs(lines[0].set_x1 - RIGHT) < 0.5
    assert abs(lines[1].x0 - LEFT) < 0.01


def test_one_attachment_has_no_number(registry):
    doc = document(model.Paragraph("正文。"), model.Attachments(("值班安排表",)), kind="notice")
    lines = lines_of(doc, registry)
    line = find(lines, "附件")
    assert line.text == "附件：值班安排表"
    assert abs(line.x0 - LEFT - 2 * CHAR) < 0.01
    assert abs(line.baseline - lines[0].baseline - 2 * PITCH) < 0.01  # one blank line above


def test_attachments_align_under_the_first_number_and_name(registry):
    long = "2026年春季安全检查工作安排表及各部门安全隐患排查整改责任清单和整改时限汇总表"
    doc = document(model.Paragraph("正文。"), model.Attachments((long, "安全隐患整改台账（样表）")),
                   kind="handout")
    lines = lines_of(doc, registry)
    first = find(lines, "附件：")
    wrapped = lines[lines.index(first) + 1]
    second = find(lines, "2.")
    assert first.text.startswith("附件：1.2026年")
    assert abs(first.x0 - LEFT - 2 * CHAR) < 0.01
    assert abs(x_of(second, "2.") - x_of(first, "1.")) < 0.01
    assert abs(wrapped.x0 - x_of(first, "2026")) < 0.01
    assert abs(first.set_x1 - RIGHT) < 0.5


@pytest.mark.parametrize("organisation, date, date_is_longer", [
    ("柳州市图书馆办公室", "2026年2月3日", False),
    ("柳州市图书馆", "2026年12月31日", True),
])
def test_signature_and_date_without_seal(registry, organisation, date, date_is_longer):
    """GB/T 9704 7.3.5.2: the date starts 2 characters right of the signature, which stands 2
    characters in from the right; a longer date stands 2 in and pushes the signature left."""
    doc = document(model.Paragraph("正文。"), model.Signature((organisation,), date),
                   kind="handout")
    lines = lines_of(doc, registry)
    sig, day = find(lines, organisation), find(lines, date)
    assert abs(sig.baseline - lines[0].baseline - 2 * PITCH) < 0.01  # one blank line between
    assert abs(day.baseline - sig.baseline - PITCH) < 0.01
    assert abs(day.x0 - sig.x0 - 2 * CHAR) < 0.01
    if date_is_longer:
        assert abs(day.x1 - (RIGHT - 2 * CHAR)) < 0.01
        assert sig.x1 < RIGHT - 2 * CHAR - 1
    else:
        assert abs(sig.x1 - (RIGHT - 2 * CHAR)) < 0.01
        assert day.x1 < RIGHT - 2 * CHAR


def test_several_organisations_stack_right_aligned(registry):
    orgs = ("柳州市文化广电和旅游局", "柳州市图书馆")
    doc = document(model.Paragraph("正文。"), model.Signature(orgs, "2026年2月3日"),
                   kind="handout")
    lines = lines_of(doc, registry)
    first, second = find(lines, orgs[0]), find(lines, orgs[1])
    assert abs(second.baseline - first.baseline - PITCH) < 0.01
    assert abs(first.x1 - (RIGHT - 2 * CHAR)) < 0.01
    assert abs(second.x1 - first.x1) < 0.01


def test_the_note_follows_the_date_in_parentheses(registry):
    doc = document(model.Paragraph("正文。"), model.Signature(("柳州市图书馆",), "2026年2月3日"),
                   model.Note("联系人：张三，电话：0772-1234567"), kind="handout")
    lines = lines_of(doc, registry)
    note, day = find(lines, "（联系人"), find(lines, "2026年")
    assert note.text.endswith("）")
    assert abs(note.baseline - day.baseline - PITCH) < 0.01
    assert abs(note.x0 - LEFT - 2 * CHAR) < 0.01


def test_the_imprint_sits_at_the_foot_between_rules(registry):
    copies = ("市文化广电和旅游局，市委宣传部，市财政局，市人力资源和社会保障局，"
              "各县区图书馆，市档案馆")
    doc = document(model.Paragraph("正文。"),
                   model.Imprint(copies, "柳州市图书馆办公室", "2026年2月3日"), kind="notice")
    data = pdf_bytes(doc, registry)
    lines = text_lines(read_lines(data))
    cc, wrapped, issue = lines[-3:]
    char = 14 * 156 / 28 / 16 * MM  # a 14 pt character on the grid
    assert cc.text.startswith("抄送：市文化") and cc.size == 14
    assert abs(cc.x0 - LEFT - char) < 0.01
    assert abs(wrapped.x0 - x_of(cc, "市文化")) < 0.01
    assert cc.set_x1 <= RIGHT - char + 0.5
    assert issue.text.startswith("柳州市图书馆办公室") and issue.text.endswith("2026年2月3日印发")
    assert abs(issue.x0 - LEFT - char) < 0.01
    assert abs(issue.x1 - (RIGHT - char)) < 0.01
    assert abs(issue.baseline - (BOTTOM - PITCH + 0.8 * PITCH)) < 0.01
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        # printed on both sides, the 版记 of a one-page notice goes on page 2 (GB/T 9704 7.5)
        assert len(pdf.pages) == 2
        rules = sorted(pdf.pages[1].lines, key=lambda r: r["top"])
    assert [round(r["linewidth"] / MM, 2) for r in rules] == [0.35, 0.25, 0.35]
    assert all(abs(r["x0"] - LEFT) < 0.01 and abs(r["x1"] - RIGHT) < 0.01 for r in rules)
    assert abs(rules[-1]["top"] - BOTTOM) < 0.01
    assert rules[0]["top"] < cc.chars[0]["top"] and rules[1]["top"] > wrapped.chars[0]["bottom"]


def test_the_imprint_takes_a_page_of_its_own_when_the_last_is_full(registry):
    doc = document(paragraph(21), model.Imprint("市文化广电和旅游局", "柳州市图书馆办公室",
                                                "2026年2月3日"), kind="notice")
    pages = read_lines(pdf_bytes(doc, registry))
    assert len(pages) == 2
    assert pages[1][0].text.startswith("抄送：")


def test_label_number_addressee_and_closing_lines(registry):
    doc = document(model.Label("会议材料之三"), model.DocumentNumber("柳图发〔2026〕3号"),
                   model.Addressee("馆内各部门："), model.Paragraph("正文。"),
                   model.ClosingLines(("供稿：业务推广部", "审核：叶伟伶")), kind="notice")
    lines = lines_of(doc, registry)
    label, number, addressee = find(lines, "会议"), find(lines, "柳图发"), find(lines, "馆内")
    assert abs(label.x0 - LEFT) < 0.01 and "Hei" in label.chars[0]["fontname"]
    assert abs((number.x0 - LEFT) - (RIGHT - number.x1)) < 0.01
    assert abs(addressee.x0 - LEFT) < 0.01 and addressee.text.endswith("：")
    supply, review = find(lines, "供稿"), find(lines, "审核")
    assert abs(review.baseline - supply.baseline - PITCH) < 0.01
    assert abs(supply.x0 - LEFT - 2 * CHAR) < 0.01 and abs(review.x0 - supply.x0) < 0.01


def test_explicit_title_lines_are_kept(registry):
    doc = document(model.Title(("柳州市图书馆", "2025年工作总结")))
    lines = lines_of(doc, registry)
    assert [line.text for line in lines] == ["柳州市图书馆", "2025年工作总结"]
    assert all(line.size == 22 for line in lines)


def test_a_level_style_from_the_report_prints_its_own_numbers(registry):
    style = parse_style("01")
    doc = document(section(1, 1, "总体", section(2, 1, "深化免费开放", style=style),
                           section(2, 2, "优化文献资源建设", style=style)))
    starts = [line.text for line in lines_of(doc, registry)]
    assert starts == ["一、总体", "01深化免费开放", "02优化文献资源建设"]
