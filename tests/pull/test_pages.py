"""Attachments set on pages of their own (附件1, 附件2): their bodies and titles come back into
`attachments`, as the report's body does; what the 附件说明 or a file decides is named."""

from __future__ import annotations

import re

from reportgen.pull.run import pull
from tests.pull.helpers import built, edit_document, retyped, texts

REPORT = """\
template: notice
data:
  sessions: 12
title: 关于开展安全检查的通知
body: [现将有关事项通知如下。]
attachments:
  - title: 检查分工   # 附件1
    body:
      - 各组于1月28日前完成分工。
      - section: 工作要求
        body:
          - 共开展检查{{ sessions * 2 }}次。
  - title: 分馆开放统计
    body:
      - table:
          caption: 各分馆开放天数
          source: branches.csv
signature:
  organisation: 柳州市图书馆
  date: 2026-01-26
"""
CSV = "分馆,开放天数\n三中路馆,352\n柳东新馆,349\n"


def pulled(tmp_path, change, prefer: str | None = None, rebuilds: bool = True):
    """Build REPORT, revise its DOCX with `change`, pull; where `rebuilds`, write the pulled
    YAML and check that it rebuilds to the revised text."""
    folder = tmp_path / f"pull{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    report = folder / "report.yaml"
    report.write_text(REPORT, encoding="utf-8")
    (folder / "branches.csv").write_text(CSV, encoding="utf-8")
    docx = built(report, folder / "out")
    edit_document(docx, change)
    result = pull(docx, prefer=prefer)
    if rebuilds:
        report.write_text(result.after, encoding="utf-8")
        assert texts(built(report, folder / "again")) == texts(docx)
    return result


def paragraph(xml: str, text: str, nth: int = 1) -> re.Match:
    """The `nth` paragraph of `xml` holding `text`."""
    found = [m for m in re.finditer(r"<w:p>(?:(?!<w:p>).)*?</w:p>", xml, re.S)
             if text in m.group(0)]
    return found[nth - 1]


def test_a_paragraph_added_and_one_changed_on_an_attachments_pages(tmp_path):
    def change(xml: str) -> str:
        first = paragraph(xml, "各组于1月28日前完成分工。")
        added = first.group(0).replace("各组于1月28日前完成分工。", "组长负责本组检查。")
        xml = xml[:first.end()] + added + xml[first.end():]
        return retyped("完成分工", "完成组内分工")(xml)

    result = pulled(tmp_path, change)
    assert result.after == REPORT.replace(
        "      - 各组于1月28日前完成分工。\n",
        "      - 各组于1月28日前完成组内分工。\n      - 组长负责本组检查。\n")
    assert [c.action for c in result.changes] == ["changed", "added"]
    assert result.changes[1].path == ("attachments", 0, "body")


def test_a_title_edited_in_the_list_alone_changes_and_a_second_pull_keeps_it(tmp_path):
    """The 附件说明's line sets the entry's `title` (the page gets it at the next build); the
    same DOCX pulled again, its page still saying the old title, changes nothing."""
    result = pulled(tmp_path, retyped("检查分工", "检查分工安排", nth=1), rebuilds=False)
    assert result.after == REPORT.replace("title: 检查分工   #", "title: 检查分工安排   #")
    assert not result.losses
    report = tmp_path / "pull0" / "report.yaml"
    report.write_text(result.after, encoding="utf-8")
    again = pull(tmp_path / "pull0" / "out" / "report.docx", report)
    assert again.after == result.after and not again.changes


def test_a_title_edited_on_its_page_alone_is_named_pull_after_pull(tmp_path):
    """The DOCX says two titles of one `title`: the 附件说明's is what the YAML takes."""
    result = pulled(tmp_path, retyped("检查分工", "检查分工安排", nth=2), rebuilds=False)
    assert result.after == result.before
    [loss] = result.losses
    assert loss.what == ("the title on the pages of 附件1 「检查分工安排」 differs from its line "
                         "in the 附件说明 「检查分工」, which the YAML takes: edit both to change "
                         "it")
    again = pull(tmp_path / "pull0" / "out" / "report.docx", tmp_path / "pull0" / "report.yaml")
    assert again.after == result.after and again.losses == result.losses


def test_a_title_edited_alike_on_its_page_and_in_the_list_is_one_change(tmp_path):
    def change(xml: str) -> str:
        on_page = retyped("检查分工", "检查分工安排", nth=2)(xml)
        return retyped("检查分工", "检查分工安排", nth=1)(on_page)

    result = pulled(tmp_path, change)
    assert result.after == REPORT.replace("title: 检查分工   #", "title: 检查分工安排   #")
    assert len(result.changes) == 1 and not result.losses


def test_a_title_edited_apart_on_its_page_and_in_the_list_is_named(tmp_path):
    def change(xml: str) -> str:
        on_page = retyped("检查分工", "检查分工安排", nth=2)(xml)
        return retyped("检查分工", "检查分工表", nth=1)(on_page)

    result = pulled(tmp_path, change, rebuilds=False)
    assert result.after == REPORT.replace("title: 检查分工   #", "title: 检查分工表   #")
    [loss] = result.losses
    assert "the title on the pages of 附件1 「检查分工安排」 differs" in loss.what
    assert "附件说明 「检查分工表」, which the YAML takes" in loss.what
    assert loss.where == "line 7 (attachments[0].title)"


def test_a_computed_sentence_on_a_page_follows_prefer(tmp_path):
    change = retyped("共开展检查24次。", "共开展检查26次。")
    result = pulled(tmp_path, change, rebuilds=False)
    assert result.after == result.before
    [conflict] = result.conflicts
    assert conflict.path == ("attachments", 0, "body", 1, "body", 0)
    assert conflict.names == ("sessions",)
    result = pulled(tmp_path, change, prefer="docx")
    assert "          - 共开展检查26次。\n" in result.after
    result = pulled(tmp_path, change, prefer="yaml", rebuilds=False)
    assert result.after == result.before and result.changes[0].action == "kept"


def test_a_cell_of_a_table_read_from_a_file_is_named_and_the_file_left(tmp_path):
    result = pulled(tmp_path, retyped("349", "350"), rebuilds=False)
    assert result.after == result.before
    [loss] = result.losses
    assert loss.where == "branches.csv row 3 column 2"
    assert (tmp_path / "pull0" / "branches.csv").read_text(encoding="utf-8") == CSV


def test_an_edited_label_is_named(tmp_path):
    result = pulled(tmp_path, retyped("附件1", "附件一"), rebuilds=False)
    assert result.after == result.before
    [loss] = result.losses
    assert "the label 「附件一」: reportgen numbers the attachments" in loss.what


def test_an_attachments_pages_deleted_are_named_and_the_yaml_kept(tmp_path):
    def change(xml: str) -> str:
        start = paragraph(xml, ">附件2<").start()
        end = xml.index("</w:tbl>", start) + len("</w:tbl>")
        return xml[:start] + xml[end:]

    result = pulled(tmp_path, change, rebuilds=False)
    assert result.after == result.before
    assert any("1 attachment(s) set on pages of their own in the DOCX, 2 in the YAML"
               in loss.what for loss in result.losses)


def test_what_a_pages_title_holds_that_the_report_cannot_is_named(tmp_path):
    def italic(xml: str) -> str:
        title = paragraph(xml, ">检查分工<")
        styled = title.group(0).replace("<w:r>", "<w:r><w:rPr><w:i/></w:rPr>")
        return xml[:title.start()] + styled + xml[title.end():]

    result = pulled(tmp_path, italic, rebuilds=False)
    assert result.after == result.before
    assert [(loss.where, loss.what) for loss in result.losses] == [
        ("line 7 (attachments[0].title)", "italic on 「检查分工」")]
