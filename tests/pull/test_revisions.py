"""Revisions an editor makes in Word, carried back as the same change of the YAML: texts, and
headings, points, paragraphs and rows inserted, deleted and moved."""

from __future__ import annotations

import copy

import docx
import pytest
import yaml
from docx.text.paragraph import Paragraph

from reportgen.pull.run import pull
from reportgen.pull.source import read_source
from reportgen.yamlsrc.loader import Loader
from tests.pull.helpers import built

REPORT = """\
# 报告 (the comment stays)
title: 二〇二六年工作要点
body:
  - 总体要求段落。
  # 第一部分
  - section: 第一部分
    body:
      - 甲段落，说明第一部分。
      - 乙段落，继续说明。
      - 丙段落，最后一段。
  - section: 第二部分   # 第二
    body:
      - 丁段落。
      - plan:
          - 第一个要点
          - point: 第二个要点
            body:
              - 第二个要点的说明。
          - 第三个要点
  - section: 第三部分
    text: 第三部分的段中正文。
  - table:
      caption: 统计表
      header: [类别, 场次]
      rows:
        - [讲座, 9]
        - [展览, 6]
closing:
  - 供稿：办公室
"""


def revise(tmp_path, change, text: str = REPORT):
    """Build REPORT, let `change(document)` revise its DOCX, pull; the report's new data and
    text, and the pull's result."""
    report = tmp_path / "report.yaml"
    report.write_text(text, encoding="utf-8")
    path = built(report, tmp_path / "out")
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    result = pull(path, report)
    assert not result.conflicts
    return yaml.safe_load(result.after), result.after, result


def find(document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text == text)


def add_after(paragraph: Paragraph, text: str, style: str | None = None) -> Paragraph:
    new = copy.deepcopy(paragraph._element)
    paragraph._element.addnext(new)
    added = Paragraph(new, paragraph._parent)
    for run in added.runs[1:]:
        run._element.getparent().remove(run._element)
    added.runs[0].text = text
    if style is not None:
        added.style = style
    return added


def remove(paragraph: Paragraph) -> None:
    paragraph._element.getparent().remove(paragraph._element)


def test_reordered_sections_move_with_their_comments_and_bodies(tmp_path):
    def change(document):
        first = find(document, "第一部分")._element
        second = find(document, "第二部分")._element
        block = []  # 第二部分 and everything up to 第三部分
        node = second
        while node is not None and not (node.tag.endswith("}p") and
                                        Paragraph(node, None).text.startswith("第三部分")):
            block.append(node)
            node = node.getnext()
        for element in block:
            first.addprevious(element)

    data, text, result = revise(tmp_path, change)
    assert [b["section"] for b in data["body"][1:4]] == ["第二部分", "第一部分", "第三部分"]
    assert "  - section: 第二部分   # 第二\n" in text
    assert "  # 第一部分\n  - section: 第一部分" in text
    assert sorted(text.splitlines()) == sorted(REPORT.splitlines())
    assert [c.action for c in result.changes] == ["moved"]


def test_a_heading_inserted_in_the_middle_takes_the_paragraphs_after_it(tmp_path):
    def change(document):
        add_after(find(document, "甲段落，说明第一部分。"), "新的小节", "Heading 2")

    data, _, result = revise(tmp_path, change)
    assert data["body"][1]["body"] == ["甲段落，说明第一部分。",
                                       {"section": "新的小节",
                                        "body": ["乙段落，继续说明。", "丙段落，最后一段。"]}]
    assert sorted(c.action for c in result.changes) == ["added", "moved", "moved"]


def test_a_deleted_heading_leaves_its_paragraphs_to_the_section_before(tmp_path):
    def change(document):
        remove(find(document, "第二部分"))

    data, text, _ = revise(tmp_path, change)
    assert [b.get("section") for b in data["body"][1:]] == ["第一部分", "第三部分", None]
    assert data["body"][1]["body"][-2:] == ["丁段落。", {"plan": [
        "第一个要点", {"point": "第二个要点", "body": ["第二个要点的说明。"]}, "第三个要点"]}]
    assert "# 第二" not in text  # the deleted section's own line and comment went with it


def test_a_demoted_heading_becomes_a_subsection(tmp_path):
    def change(document):
        next(p for p in document.paragraphs if p.text.startswith("第三部分")).style = "Heading 2"

    data, _, _ = revise(tmp_path, change)
    assert data["body"][2]["body"][-1] == {"section": "第三部分", "text": "第三部分的段中正文。"}


def test_plan_points_inserted_deleted_and_changed(tmp_path):
    def change(document):
        add_after(find(document, "第一个要点"), "新增的要点")
        remove(find(document, "第三个要点"))
        find(document, "第二个要点").runs[0].text = "第二个要点（修改）"

    data, _, _ = revise(tmp_path, change)
    assert data["body"][2]["body"][1]["plan"] == [
        "第一个要点", "新增的要点", {"point": "第二个要点（修改）", "body": ["第二个要点的说明。"]}]


def test_a_number_typed_before_a_heading_is_not_part_of_it(tmp_path):
    def change(document):
        heading = next(p for p in document.paragraphs if p.text.startswith("第三部分"))
        heading.runs[0].text = "三、第三部分（改）"
        find(document, "第一个要点").runs[0].text = "1.第一个要点"

    data, _, _ = revise(tmp_path, change)
    assert data["body"][3] == {"section": "第三部分（改）", "text": "第三部分的段中正文。"}
    assert data["body"][2]["body"][1]["plan"][0] == "第一个要点"


def test_run_in_text_changes_in_its_own_field(tmp_path):
    def change(document):
        paragraph = next(p for p in document.paragraphs if p.text.startswith("第三部分"))
        paragraph.runs[-1].text = paragraph.runs[-1].text.replace("段中正文", "段中正文（改）")

    data, _, _ = revise(tmp_path, change)
    assert data["body"][3] == {"section": "第三部分", "text": "第三部分的段中正文（改）。"}


@pytest.mark.parametrize(("changed", "added", "numbers"), [
    ("10", "4", [10, 6, 4]),
    ("1.2e1", "1e3", [12, 6, 1000]),  # exponent forms stay bare numbers (YAML 1.2 reads them)
])
def test_table_rows_and_cells(tmp_path, changed, added, numbers):
    def change(document):
        table = document.tables[0]
        table.cell(1, 1).paragraphs[0].runs[0].text = changed
        row = copy.deepcopy(table.rows[2]._tr)
        table._tbl.append(row)
        table.rows[3].cells[0].paragraphs[0].runs[0].text = "培训"
        table.rows[3].cells[1].paragraphs[0].runs[0].text = added
        find(document, "统计表").runs[0].text = "2025年统计表"

    _, text, _ = revise(tmp_path, change)
    data = yaml.load(text, Loader)  # as reportgen reads it
    assert data["body"][4]["table"] == {"caption": "2025年统计表", "header": ["类别", "场次"],
                                        "rows": [[label, number] for label, number in
                                                 zip(["讲座", "展览", "培训"], numbers,
                                                     strict=True)]}
    assert f"        - [讲座, {changed}]\n" in text and f"        - [培训, {added}]\n" in text


def test_a_paragraph_reworded_is_a_change_not_a_deletion_and_addition(tmp_path):
    def change(document):
        find(document, "乙段落，继续说明。").runs[0].text = "乙段落，继续详细说明其中的做法。"

    _, _, result = revise(tmp_path, change)
    assert [(c.action, c.path) for c in result.changes] == [
        ("changed", ("body", 1, "body", 1))]


@pytest.mark.parametrize("style", ["folded", "plain", "literal", "quoted"])
def test_a_changed_word_in_a_text_written_over_lines_keeps_its_lines(tmp_path, style):
    written = {"folded": "  - >-\n    第一行文字，\n    第二行文字。\n",
               "plain": "  - 第一行文字，\n    第二行文字。\n",
               "literal": "  - |\n    第一行文字，\n    第二行文字。\n",
               "quoted": '  - "第一行文字，\n    第二行文字。"\n'}[style]
    text = f"title: 标题\nbody:\n{written}"

    def change(document):
        paragraph = find(document, "第一行文字，第二行文字。")
        paragraph.runs[0].text = "第一行文字，第二行新文字。"

    _, after, result = revise(tmp_path, change, text)
    read = read_source(result.report, text=after)
    assert read.report.body[0].text == "第一行文字，第二行新文字。"
    assert after == text.replace("第二行文字", "第二行新文字")


def test_fields_outside_the_body(tmp_path):
    text = ("template: notice\ntitle: 通知\naddressee: 各部门：\nbody:\n  - 正文。\n"
            "attachments:\n  - 甲表\n  - 乙表\nsignature:\n  organisation: 图书馆\n"
            "  date: 2026-02-03\nnote: 联系人：张三\nimprint:\n  copies_to: 市局。\n"
            "  issuer: 办公室\n  issued: 2026-02-03\n")

    def change(document):
        find(document, "各部门：").runs[0].text = "各部门、各分馆："
        remove(find(document, "2.乙表"))
        find(document, "附件：1.甲表").runs[0].text = "附件：甲表（修订）"
        remove(find(document, "（联系人：张三）"))
        find(document, "2026年2月3日").runs[0].text = "2026年2月5日"

    data, after, _ = revise(tmp_path, change, text)
    assert data["addressee"] == "各部门、各分馆："  # the colon it was written with
    assert data["attachments"] == ["甲表（修订）"]
    assert "note" not in data
    assert "  date: 2026-02-05\n" in after
    assert data["imprint"] == {"copies_to": "市局。", "issuer": "办公室",
                               "issued": data["imprint"]["issued"]}


def test_a_heading_inserted_between_plan_points_takes_the_points_after_it(tmp_path):
    def change(document):
        add_after(find(document, "第二个要点的说明。"), "后续要点", "Heading 2")

    data, _, _ = revise(tmp_path, change)
    second = data["body"][2]["body"]
    assert second[1] == {"plan": ["第一个要点", {"point": "第二个要点",
                                                  "body": ["第二个要点的说明。"]}]}
    assert second[2] == {"section": "后续要点", "body": [{"plan": ["第三个要点"]}]}


def test_an_empty_cell_filled_in(tmp_path):
    text = ("title: 标题\nbody:\n  - table:\n      header: [甲, 乙]\n      rows:\n"
            "        - [1, null]\n")

    def change(document):
        document.tables[0].cell(1, 1).paragraphs[0].add_run("补上")

    data, after, _ = revise(tmp_path, change, text)
    assert data["body"][0]["table"]["rows"] == [[1, "补上"]]
    assert "        - [1, 补上]\n" in after


def test_points_move_between_a_one_line_plan_and_a_plan_of_lines(tmp_path):
    text = ("title: 标题\nbody:\n  - plan: [甲, 乙]\n  - 中间一段。\n  - plan:\n      - 丙\n"
            "      - 丁\n")

    def change(document):  # 甲 dragged to the end of the other list, taking on its numbering
        first, last = find(document, "甲")._element, find(document, "丁")._element
        moved = copy.deepcopy(first)
        moved.replace(moved.pPr, copy.deepcopy(last.pPr))
        last.addnext(moved)
        first.getparent().remove(first)

    data, after, _ = revise(tmp_path, change, text)
    assert data["body"][0]["plan"] == ["乙"] and data["body"][2]["plan"] == ["丙", "丁", "甲"]
    assert "  - plan: [乙]\n" in after and "      - 甲\n" in after


STATISTICS = """\
title: 统计
body:
  - table:
      caption: 表1 医疗服务情况
      units: 人次
      header:
        - [{text: 县（区）, rows: 2}, {text: 门诊, columns: 2}]
        - [诊疗人次, 同比]
      rows:
        - [{text: 城中区, rows: 2}, "402 770", "+5.4%"]
        - ["1 204", "—"]
        - [鱼峰区, "301 112", "+2.0%"]
      notes:
        - 城中区含高新区。
        - 同比为与2024年相比。
"""


def test_a_statistics_table_with_merged_cells_units_and_notes(tmp_path):
    def change(document):
        table = document.tables[0]
        table.cell(2, 1).paragraphs[0].runs[0].text = "402 771"  # under the merged 城中区
        table.cell(4, 2).paragraphs[0].runs[0].text = "+2.1%"
        find(document, "单位：人次").runs[0].text = "单位：万人次"
        note = next(p for p in document.paragraphs if "高新区" in p.text)
        note.runs[-1].text = note.runs[-1].text.replace("高新区", "柳东新区")

    data, after, result = revise(tmp_path, change, STATISTICS)
    table = data["body"][0]["table"]
    assert table["units"] == "万人次"
    assert table["rows"] == [[{"text": "城中区", "rows": 2}, "402 771", "+5.4%"],
                             ["1 204", "—"], ["鱼峰区", "301 112", "+2.1%"]]
    assert table["notes"] == ["城中区含柳东新区。", "同比为与2024年相比。"]
    assert len(result.changes) == 4 and not result.losses


def test_merged_cells_the_editor_changed_are_named_and_left(tmp_path):
    def change(document):
        table = document.tables[0]
        table.cell(4, 0).merge(table.cell(4, 1))

    _, after, result = revise(tmp_path, change, STATISTICS)
    assert after == STATISTICS
    assert any("merged cells or header rows changed" in loss.what for loss in result.losses)


def test_a_point_that_gains_paragraphs_is_rewritten_where_it_stands(tmp_path):
    def change(document):
        added = add_after(find(document, "第一个要点"), "第一个要点的新说明。", "Normal")
        added._p.pPr.remove(added._p.pPr.numPr)

    data, after, _ = revise(tmp_path, change)
    assert data["body"][2]["body"][1]["plan"][0] == {"point": "第一个要点",
                                                      "body": ["第一个要点的新说明。"]}
    assert ("          - point: 第一个要点\n            body:\n"
            "              - 第一个要点的新说明。\n") \
        in after


def test_keys_written_in_another_order_than_reportgen_writes_them(tmp_path):
    text = "title: 标题\nbody:\n- body:\n  - 甲段。\n  section: 一节\n- 乙段。\n"

    def change(document):
        remove(find(document, "甲段。"))

    data, after, _ = revise(tmp_path, change, text)
    assert data["body"] == [{"section": "一节"}, "乙段。"]
    assert after == "title: 标题\nbody:\n- section: 一节\n- 乙段。\n"
